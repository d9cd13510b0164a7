//! The training-path engine on the catalogue.
//!
//! `campus-parcours` computes in memory and knows no database;
//! `campus-store` reads and writes rows and knows no engine. This crate
//! joins them: it builds the engine's referential and training units from
//! the store's rows, runs the alignment of blocs to ROME skills and the
//! matching of programmes to certifications, and writes their results back
//! through the store, each write one transaction. The web layer's engine
//! holder, the `campus parcours aligner` command, the tests and the
//! benchmarks call it.
//!
//! ```text
//! campus (CLI) ─┐
//! campus-web ───┼──▶ campus-parcours-service ──▶ campus-parcours ──▶ campus-domain
//!               │                             └─▶ campus-store ────▶ campus-domain
//!               └──▶ campus-store
//! ```
//!
//! An edit of the engine rebuilds this crate and those above it, never the
//! data layer nor the importers.
//!
//! - [`catalogue`]: the engine's referential from the catalogue's rows;
//! - [`align`]: the alignment run, stored;
//! - [`rattachement`]: higher-education programmes attached to their
//!   certification, stored;
//! - [`units`]: the catalogue's offers as the engine's training units;
//! - [`demande`]: a training-path request as the engine's input;
//! - [`echantillon`]: a random sample of the alignment's links, to check
//!   its precision by hand.

pub mod align;
pub mod catalogue;
pub mod demande;
pub mod echantillon;
pub mod rattachement;
pub mod units;

use campus_parcours::ParcoursError;
use campus_store::StoreError;

pub use align::{Alignment, align_catalogue};
pub use catalogue::{Catalogue, load_catalogue};
pub use demande::{EngineInput, engine_input};
pub use echantillon::{SampledLink, sample_links};
pub use rattachement::{AttachReport, attach_programmes};
pub use units::{TrainingUnits, UnitPlace, training_units};

/// What can fail between the store and the engine: the database, or the
/// engine refusing its input (which, built here from the catalogue, would
/// be a bug of this crate, reported rather than hidden).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("moteur de parcours : {0}")]
    Engine(#[from] ParcoursError),
}
