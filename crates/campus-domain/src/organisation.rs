//! Kinds of organisations in the campus network, and roles inside them.

use crate::role::closed_list;

closed_list!(
    /// The kinds of members of a Campus des métiers et des qualifications.
    OrganisationKind, "organisation-kind-", {
        EtablissementScolaire => "etablissement_scolaire",
        Universite => "universite",
        OrganismeFormation => "organisme_formation",
        Entreprise => "entreprise",
        Laboratoire => "laboratoire",
        ClusterPole => "cluster_pole",
        Collectivite => "collectivite",
    }
);

impl OrganisationKind {
    /// Education establishments are identified by their UAI code.
    pub fn expects_uai(self) -> bool {
        matches!(
            self,
            OrganisationKind::EtablissementScolaire | OrganisationKind::Universite
        )
    }

    /// Companies and training bodies are identified by their SIRET.
    pub fn expects_siret(self) -> bool {
        matches!(
            self,
            OrganisationKind::Entreprise | OrganisationKind::OrganismeFormation
        )
    }
}

closed_list!(
    /// A member's role in an organisation: a responsable administers the
    /// organisation's content on the platform.
    MembreRole, "membre-role-", {
        Responsable => "responsable",
        Membre => "membre",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(OrganisationKind::all().count(), 7);
        assert_eq!(
            OrganisationKind::parse("cluster_pole"),
            Ok(OrganisationKind::ClusterPole)
        );
        assert!(OrganisationKind::Universite.expects_uai());
        assert!(OrganisationKind::Entreprise.expects_siret());
        assert_eq!(
            MembreRole::Responsable.label_key(),
            "membre-role-responsable"
        );
    }
}
