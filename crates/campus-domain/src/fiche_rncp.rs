//! A certification as France compétences' XML export describes it (flow
//! 4.1): much richer than the CSV export — what the holder does and can
//! do, each bloc's skills and assessment, the trades, fields and access
//! routes.

use crate::CodeRome;
use crate::certification::{Certificateur, CodeCertification, Niveau};
use crate::competences::Competence;

/// A code with the label the register gives it (NSF, Formacode, ROME).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLibelle {
    pub code: String,
    pub libelle: String,
}

/// A ROME trade a certification leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RomeFiche {
    pub code: CodeRome,
    pub libelle: String,
}

/// A way to obtain a certification: the register says, for each, whether
/// a jury awards it that way (`SI_JURY_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VoieAcces {
    /// After initial training, as a pupil or student (`SI_JURY_FI`).
    FormationInitiale,
    /// Under an apprenticeship contract (`SI_JURY_CA`).
    Apprentissage,
    /// After continuing education (`SI_JURY_FC`).
    FormationContinue,
    /// Under a professionalisation contract (`SI_JURY_CQ`).
    ContratProfessionnalisation,
    /// As an individual candidate (`SI_JURY_CL`).
    CandidatureIndividuelle,
    /// Through the validation of prior experience (`SI_JURY_VAE`).
    Vae,
}

impl VoieAcces {
    pub const ALL: [VoieAcces; 6] = [
        VoieAcces::FormationInitiale,
        VoieAcces::Apprentissage,
        VoieAcces::FormationContinue,
        VoieAcces::ContratProfessionnalisation,
        VoieAcces::CandidatureIndividuelle,
        VoieAcces::Vae,
    ];

    /// The suffix of the export's `SI_JURY_…` element, also the stored code.
    pub fn code(self) -> &'static str {
        match self {
            VoieAcces::FormationInitiale => "FI",
            VoieAcces::Apprentissage => "CA",
            VoieAcces::FormationContinue => "FC",
            VoieAcces::ContratProfessionnalisation => "CQ",
            VoieAcces::CandidatureIndividuelle => "CL",
            VoieAcces::Vae => "VAE",
        }
    }

    pub fn from_code(code: &str) -> Option<VoieAcces> {
        VoieAcces::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Key of the route's name in the translation files.
    pub fn label_key(self) -> &'static str {
        match self {
            VoieAcces::FormationInitiale => "voie-fi",
            VoieAcces::Apprentissage => "voie-ca",
            VoieAcces::FormationContinue => "voie-fc",
            VoieAcces::ContratProfessionnalisation => "voie-cq",
            VoieAcces::CandidatureIndividuelle => "voie-cl",
            VoieAcces::Vae => "voie-vae",
        }
    }
}

/// A bloc de compétences with what the XML adds to the CSV: the skills it
/// lists and how they are assessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocFiche {
    /// `RNCP40792BC01`.
    pub code: String,
    pub libelle: String,
    /// The list as published (one text).
    pub liste_competences: Option<String>,
    /// The same list, one skill per item.
    pub competences: Vec<Competence>,
    pub modalites_evaluation: Option<String>,
}

/// One `FICHE` of the XML export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheRncp {
    pub numero: CodeCertification,
    pub intitule: String,
    /// Whether the certification can still be awarded (`ACTIF`).
    pub actif: bool,
    /// `Publiée`…
    pub etat: Option<String>,
    /// The kind of diploma: `BTS` and « Brevet de technicien supérieur ».
    pub type_code: Option<String>,
    pub type_libelle: Option<String>,
    pub niveau: Option<Niveau>,
    /// `Enregistrement de droit`, `sur demande`.
    pub type_enregistrement: Option<String>,
    /// Dates as `YYYY-MM-DD`.
    pub date_publication: Option<String>,
    pub date_effet: Option<String>,
    pub date_fin_enregistrement: Option<String>,
    pub date_limite_delivrance: Option<String>,
    pub activites_visees: Option<String>,
    pub capacites_attestees: Option<String>,
    pub secteurs_activite: Option<String>,
    pub types_emplois: Option<String>,
    pub objectifs_contexte: Option<String>,
    pub blocs: Vec<BlocFiche>,
    pub romes: Vec<RomeFiche>,
    pub nsf: Vec<CodeLibelle>,
    pub formacodes: Vec<CodeLibelle>,
    pub certificateurs: Vec<Certificateur>,
    pub anciennes: Vec<CodeCertification>,
    pub nouvelles: Vec<CodeCertification>,
    pub voies: Vec<VoieAcces>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_route_codes_round_trip() {
        for voie in VoieAcces::ALL {
            assert_eq!(VoieAcces::from_code(voie.code()), Some(voie));
            assert!(voie.label_key().starts_with("voie-"));
        }
        assert_eq!(VoieAcces::from_code("XX"), None);
    }
}
