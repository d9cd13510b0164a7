//! Individual training paths: the words the engine, the store and the web
//! layer share about them.
//!
//! - [`demande`]: a training-path request, parsed from what people type
//!   into values the engine can use, with typed errors;
//! - [`lien`]: a bloc–skill link's provenance and the campus team's
//!   decisions on it.

pub mod demande;
pub mod lien;

pub use demande::{
    Champ, Contraintes, DemandeParcours, DemandeParcoursError, Domicile, EcartNiveau, Etape,
    Experience, Found, Lookup, Objectif, SaisieParcours,
};
pub use lien::{Decision, Origin, Scope};
