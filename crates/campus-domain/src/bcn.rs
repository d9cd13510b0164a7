//! The nomenclatures of the Éducation nationale's Base centrale des
//! nomenclatures (BCN): diplomas by their CFD code (« code formation
//! diplôme », the « code scolarité » of Certif Info), levels, NSF
//! specialities, and the département → académie → région tree.

use crate::certification::CodeCertification;

/// A year of a programme (`N_MEF`): the statistical code Affelnet and
/// InserJeunes use, the diploma it leads to, and where it stands in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MefBcn {
    /// The eleven-digit MEF_STAT_11 (`23830025510`).
    pub mef_stat_11: String,
    /// The CFD of the diploma, or of the common year (`40025510`).
    pub cfd: String,
    /// `TLEPRO METIERS ELECT. ENVIRON. CONNECTES`.
    pub libelle: String,
    /// The programme's years, and this one's rank in them.
    pub duree: Option<u8>,
    pub annee: Option<u8>,
}

/// A diploma of `N_FORMATION_DIPLOME` or `V_FORMATION_DIPLOME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiplomeBcn {
    /// The eight-character CFD (`50033104`).
    pub cfd: String,
    /// The BCN level code (`500` CAP, `320` BTS…).
    pub niveau_formation: String,
    /// NSF group (three digits).
    pub groupe_specialite: Option<String>,
    pub lettre_specialite: Option<String>,
    /// The kind in short (`CAP`, `BTS`).
    pub libelle_court: Option<String>,
    pub libelle: String,
    /// Dates as `YYYY-MM-DD`.
    pub date_ouverture: Option<String>,
    pub date_fermeture: Option<String>,
    /// Level in the national framework (1 to 8), when the BCN gives one.
    pub niveau: Option<u8>,
}

/// A level of diploma (`nNiveauFormationDiplome`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NiveauBcn {
    pub code: String,
    pub niveau_interministeriel: Option<String>,
    pub libelle_court: Option<String>,
    pub libelle: String,
    pub niveau: Option<u8>,
}

/// The three tiers of the NSF nomenclature (« formations et spécialités »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NsfTier {
    /// One digit: disciplinary, production, services, personal development.
    Categorie,
    /// Two digits.
    Domaine,
    /// Three digits: the code Certif Info and the RNCP give.
    Groupe,
}

impl NsfTier {
    pub fn as_str(self) -> &'static str {
        match self {
            NsfTier::Categorie => "categorie",
            NsfTier::Domaine => "domaine",
            NsfTier::Groupe => "groupe",
        }
    }
}

/// An NSF category, domain or group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nsf {
    pub code: String,
    pub tier: NsfTier,
    /// The code of the tier above; none for a category.
    pub parent: Option<String>,
    pub libelle: String,
}

/// A vocational diploma and its RNCP registration (`diplomesProfessionnels`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiplomeProfessionnel {
    pub cfd: String,
    pub rncp: Option<CodeCertification>,
    /// The consultative professional committee (CPC).
    pub cpc: String,
    pub secteur: Option<String>,
    pub niveau: Option<u8>,
    /// `BAC PRO`, `BTS`…
    pub diplome: String,
    pub intitule: String,
    pub date_creation: Option<String>,
    pub premiere_session: Option<String>,
    pub derniere_session: Option<String>,
    pub famille_metiers: Option<String>,
}

/// A département with its académie and région.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartementAcademie {
    /// The INSEE code (`45`, `2A`, `971`).
    pub departement: String,
    pub libelle: String,
    pub academie: String,
    pub academie_libelle: String,
    pub region: String,
    pub region_libelle: String,
}
