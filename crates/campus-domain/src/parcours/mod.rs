//! Individual training paths: the words the engine, the store and the web
//! layer share about them.
//!
//! - [`lien`]: a bloc–skill link's provenance and the campus team's
//!   decisions on it.

pub mod lien;

pub use lien::{Decision, Origin, Scope};
