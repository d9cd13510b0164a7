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
    /// Where an organisation of the directory comes from: written on the
    /// platform by the network, or referenced from the national catalogue
    /// of apprenticeship training organisations (not yet a member: the
    /// campus team can invite it; its trainings are placed at its address).
    OrigineOrganisation, "organisation-origine-", {
        Reseau => "reseau",
        CatalogueApprentissage => "catalogue_apprentissage",
    }
);

/// An apprenticeship training organisation of the national catalogue
/// (CFA, lycée, university, company school), as the directory keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganismeApprentissage {
    pub siret: crate::Siret,
    pub uai: Option<crate::Uai>,
    /// Its sign (enseigne), else its company name.
    pub nom: String,
    pub raison_sociale: Option<String>,
    pub kind: OrganisationKind,
    pub adresse: Option<String>,
    pub code_postal: Option<crate::CodePostal>,
    pub commune: Option<String>,
    /// The commune's INSEE code, to name it as the COG does.
    pub commune_insee: Option<String>,
    pub departement: Option<crate::Departement>,
    pub position: Option<crate::GeoPoint>,
}

impl OrganisationKind {
    /// The kind a catalogue organisation's name tells: a lycée is a
    /// school, a university or one of its faculties a university, anything
    /// else a training body.
    pub fn from_name(nom: &str) -> OrganisationKind {
        let folded = crate::fold_accents(nom).to_uppercase();
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        if has("LYCEE") || has("LP") || has("LEGTA") || has("LPA") || has("EREA") || has("CLG") {
            OrganisationKind::EtablissementScolaire
        } else if has("UNIVERSITE") || has("UFR") || has("IUT") || has("INSA") {
            OrganisationKind::Universite
        } else {
            OrganisationKind::OrganismeFormation
        }
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
            OrganisationKind::from_name("Lycée professionnel Jean Lurçat"),
            OrganisationKind::EtablissementScolaire
        );
        assert_eq!(
            OrganisationKind::from_name("UFR DES SCIENCES PHARMACEUTIQUES"),
            OrganisationKind::Universite
        );
        assert_eq!(
            OrganisationKind::from_name("CFA PHARMACIE AFPPREC"),
            OrganisationKind::OrganismeFormation
        );
        assert_eq!(
            OrigineOrganisation::parse("catalogue_apprentissage"),
            Ok(OrigineOrganisation::CatalogueApprentissage)
        );
        assert_eq!(
            MembreRole::Responsable.label_key(),
            "membre-role-responsable"
        );
    }
}
