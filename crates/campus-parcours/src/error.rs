//! Errors of the engine: the input names something the catalogue does not
//! hold, or is not usable as given. Each has a French message and a stable
//! key for the translation files of the web crate.

use campus_domain::{CodeCertification, CodeRome};

use crate::referentiel::CompetenceId;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParcoursError {
    #[error("métier {0} absent du répertoire")]
    MetierInconnu(CodeRome),
    #[error("certification {0} absente du catalogue")]
    CertificationInconnue(CodeCertification),
    #[error("bloc de compétences {0} absent du catalogue")]
    BlocInconnu(String),
    #[error("compétence {} absente du répertoire", .0.0)]
    CompetenceInconnue(CompetenceId),
    #[error("durée d'expérience invalide pour le métier {0} : {1} ans")]
    ExperienceInvalide(CodeRome, f32),
    #[error("une distance maximale demande l'adresse du domicile")]
    DomicileInconnu,
    #[error("distance maximale invalide : {0} km")]
    DistanceInvalide(f64),
    #[error("écart de {0} compétences, au-delà de ce qu'un plan peut couvrir ({1})")]
    EcartTropGrand(usize, usize),
    #[error("l'index d'alignement ne correspond pas au référentiel : le reconstruire")]
    IndexPerime,
}

impl ParcoursError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ParcoursError::MetierInconnu(_) => "parcours-metier-inconnu",
            ParcoursError::CertificationInconnue(_) => "parcours-certification-inconnue",
            ParcoursError::BlocInconnu(_) => "parcours-bloc-inconnu",
            ParcoursError::CompetenceInconnue(_) => "parcours-competence-inconnue",
            ParcoursError::ExperienceInvalide(..) => "parcours-experience-invalide",
            ParcoursError::DomicileInconnu => "parcours-domicile-inconnu",
            ParcoursError::DistanceInvalide(_) => "parcours-distance-invalide",
            ParcoursError::EcartTropGrand(..) => "parcours-ecart-trop-grand",
            ParcoursError::IndexPerime => "parcours-index-perime",
        }
    }
}
