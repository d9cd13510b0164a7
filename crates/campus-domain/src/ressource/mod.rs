//! The pedagogical resource library (levers 1, 3 and 5 of the campus's
//! plan): job-discovery kits, illustrated trade sheets, practicals,
//! teaching sequences, equipment protocols… that trainers, companies and
//! partners share with the network.
//!
//! What holds here whatever the page or the API: the closed lists
//! ([`TypeRessource`], [`Licence`], [`Visibilite`]), what a valid resource
//! is ([`saisie`]), what an external link may be ([`lien`]) and the
//! moderation as a closed state machine ([`EtatRessource`],
//! [`ActionModeration`]) that the data layer applies as one conditional
//! update.

pub mod lien;
pub mod saisie;

pub use lien::{LienError, LienExterne};
pub use saisie::{ChampRefuse, NouvelleRessource, RessourceError, SaisieRessource};

use crate::role::closed_list;

closed_list!(
    /// What a resource is.
    TypeRessource, "ressource-type-", {
        /// What a teacher takes to a discovery workshop (lever 1).
        KitDecouverte => "kit_decouverte",
        FicheMetier => "fiche_metier",
        Video => "video",
        /// Travaux pratiques.
        TravauxPratiques => "travaux_pratiques",
        SequencePedagogique => "sequence_pedagogique",
        SupportFormation => "support_formation",
        /// How to use an equipment of the technology platform.
        ProtocoleEquipement => "protocole_equipement",
        EtudeDeCas => "etude_de_cas",
        Quiz => "quiz",
    }
);

impl TypeRessource {
    /// The `learningResourceType` of schema.org's `LearningResource`, in
    /// the words other platforms read.
    pub fn schema_org(self) -> &'static str {
        match self {
            TypeRessource::KitDecouverte => "discovery kit",
            TypeRessource::FicheMetier => "job sheet",
            TypeRessource::Video => "video",
            TypeRessource::TravauxPratiques => "practical work",
            TypeRessource::SequencePedagogique => "lesson plan",
            TypeRessource::SupportFormation => "course material",
            TypeRessource::ProtocoleEquipement => "protocol",
            TypeRessource::EtudeDeCas => "case study",
            TypeRessource::Quiz => "quiz",
        }
    }
}

closed_list!(
    /// Under which terms a resource may be reused: required, shown on the
    /// page and exported.
    Licence, "ressource-licence-", {
        CcBy => "cc_by",
        CcBySa => "cc_by_sa",
        CcByNc => "cc_by_nc",
        /// Etalab's Licence Ouverte 2.0, the French public sector's.
        LicenceOuverte => "licence_ouverte",
        TousDroitsReserves => "tous_droits_reserves",
    }
);

impl Licence {
    /// The licence's official text; none for « tous droits réservés ».
    pub fn url(self) -> Option<&'static str> {
        match self {
            Licence::CcBy => Some("https://creativecommons.org/licenses/by/4.0/deed.fr"),
            Licence::CcBySa => Some("https://creativecommons.org/licenses/by-sa/4.0/deed.fr"),
            Licence::CcByNc => Some("https://creativecommons.org/licenses/by-nc/4.0/deed.fr"),
            Licence::LicenceOuverte => {
                Some("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
            }
            Licence::TousDroitsReserves => None,
        }
    }

    /// The licence's short name, the same in every language.
    pub fn sigle(self) -> &'static str {
        match self {
            Licence::CcBy => "CC BY 4.0",
            Licence::CcBySa => "CC BY-SA 4.0",
            Licence::CcByNc => "CC BY-NC 4.0",
            Licence::LicenceOuverte => "Licence Ouverte 2.0",
            Licence::TousDroitsReserves => "Tous droits réservés",
        }
    }
}

closed_list!(
    /// Who may see a resource.
    ///
    /// `Reseau` means the signed-in people of the network who are not
    /// learners (trainers, companies, partners, the campus team): the
    /// material is for those who teach, not for the pupils themselves.
    Visibilite, "ressource-visibilite-", {
        Public => "public",
        Reseau => "reseau",
        /// The members of the author's organisation (and the campus team).
        Organisation => "organisation",
    }
);

closed_list!(
    /// Where a resource stands in the moderation.
    EtatRessource, "ressource-etat-", {
        /// Waits for the campus team's review.
        Proposee => "proposee",
        /// Sent back to its author with a reason.
        ARevoir => "a_revoir",
        /// Approved: shown to those its visibility names.
        Approuvee => "approuvee",
    }
);

closed_list!(
    /// What someone does in the moderation of a resource.
    ActionModeration, "ressource-action-", {
        /// The campus team publishes the resource.
        Approuver => "approuver",
        /// The campus team sends it back to its author with a reason.
        Renvoyer => "renvoyer",
        /// The author proposes the reviewed resource again.
        Soumettre => "soumettre",
    }
);

impl ActionModeration {
    /// The states the action may start from.
    pub fn sources(self) -> &'static [EtatRessource] {
        match self {
            ActionModeration::Approuver => &[EtatRessource::Proposee],
            ActionModeration::Renvoyer => &[EtatRessource::Proposee],
            ActionModeration::Soumettre => &[EtatRessource::ARevoir],
        }
    }

    /// The state after the action from `from`, or `None` when the action
    /// is not allowed from there.
    pub fn apply(self, from: EtatRessource) -> Option<EtatRessource> {
        if !self.sources().contains(&from) {
            return None;
        }
        Some(match self {
            ActionModeration::Approuver => EtatRessource::Approuvee,
            ActionModeration::Renvoyer => EtatRessource::ARevoir,
            ActionModeration::Soumettre => EtatRessource::Proposee,
        })
    }

    /// Whether only the campus team may take the action.
    pub fn par_equipe(self) -> bool {
        self != ActionModeration::Soumettre
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn moderation() {
        use ActionModeration::*;
        use EtatRessource::*;
        assert_eq!(Approuver.apply(Proposee), Some(Approuvee));
        assert_eq!(Renvoyer.apply(Proposee), Some(ARevoir));
        assert_eq!(Soumettre.apply(ARevoir), Some(Proposee));
        assert_eq!(Approuver.apply(ARevoir), None);
        assert_eq!(Approuver.apply(Approuvee), None);
        assert_eq!(Renvoyer.apply(Approuvee), None);
        assert!(Approuver.par_equipe() && !Soumettre.par_equipe());
    }

    #[test]
    fn licences_have_their_text() {
        assert_eq!(
            Licence::CcBy.url(),
            Some("https://creativecommons.org/licenses/by/4.0/deed.fr")
        );
        assert_eq!(Licence::TousDroitsReserves.url(), None);
        assert!(Licence::all().all(|l| !l.sigle().is_empty()));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = TypeRessource::parse(&s);
            let _ = Licence::parse(&s);
            let _ = Visibilite::parse(&s);
            let _ = EtatRessource::parse(&s);
            let _ = ActionModeration::parse(&s);
        }

        #[test]
        fn an_action_leaves_its_sources(a in 0usize..3, e in 0usize..3) {
            let a = ActionModeration::all().nth(a).unwrap();
            let e = EtatRessource::all().nth(e).unwrap();
            if let Some(to) = a.apply(e) {
                prop_assert!(to != e);
            }
        }
    }
}
