//! The Formacode thesaurus of training fields (Centre Inffo).

/// A Formacode descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formacode {
    /// The stable five-digit code (`22885`).
    pub code: String,
    pub libelle: String,
    /// `DOM` (field), `DIP` (diploma), `PUB` (public), `OUT` (tool)…
    pub kind: String,
    pub champ_semantique: Option<String>,
    pub synonymes: Vec<String>,
    /// Broader, narrower and related descriptors (codes).
    pub generiques: Vec<String>,
    pub specifiques: Vec<String>,
    pub associes: Vec<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    /// NSF code and label (`222 Transformations chimiques…`).
    pub nsf: Option<String>,
}
