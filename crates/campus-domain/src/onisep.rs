//! ONISEP's national list of initial-training diplomas (Idéo).

use crate::certification::{CodeCertification, Niveau};

/// A diploma of the Idéo list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormationOnisep {
    /// The identifier of its onisep.fr page (`FOR.5987`).
    pub id: String,
    pub libelle: String,
    /// `BTS`, `CAP`… and the long name of the kind.
    pub type_sigle: Option<String>,
    pub type_libelle: Option<String>,
    /// The diploma's own acronym (`SISR`).
    pub sigle: Option<String>,
    /// `2 ans`.
    pub duree: Option<String>,
    pub rncp: Option<CodeCertification>,
    pub niveau: Option<Niveau>,
    /// NSF group (« code CNIS »).
    pub nsf: Option<String>,
    pub tutelle: Option<String>,
    pub url: String,
    /// `domaine/sous-domaine` pairs.
    pub domaines: Vec<String>,
}
