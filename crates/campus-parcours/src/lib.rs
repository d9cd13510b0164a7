//! The training-path engine: which skills a bloc de compétences teaches,
//! what a learner lacks for a trade, which training units cover it best,
//! and which trades are close to the one a person holds.
//!
//! Pure computation over an in-memory [`Referentiel`]: no database, no
//! file, no clock. The parcours service (`campus-parcours-service`) builds
//! the referential from the store's rows and the web layer calls the
//! engine, so every rule here is tested without either.
//!
//! - [`adequation`]: how well a person fits a job or apprenticeship
//!   offer, and the shortest units teaching what is missing;
//! - [`align`]: blocs ↔ ROME skills by French text similarity, curated
//!   links winning over computed ones, coverage figures;
//! - [`gap`]: a learner's acquired skills and the gap to a target trade;
//! - [`plan`]: the units that cover the gap at the lowest duration, cost or
//!   distance under the learner's constraints, with alternatives, VAE
//!   suggestions and, when nothing fits, the constraint to relax;
//! - [`passerelles`]: every trade ranked by proximity to a current one;
//! - [`rattachement`]: the certification a higher-education programme
//!   prepares, found by its title when the extract gives no RNCP code.

pub mod adequation;
pub mod align;
mod error;
pub mod gap;
pub mod passerelles;
pub mod plan;
pub mod rattachement;
mod referentiel;
pub mod text;

pub use campus_domain::geo::GeoPoint;
pub use error::ParcoursError;
pub use referentiel::{
    BlocEntry, BuildReport, Certification, CertificationEntry, CompetenceEntry, CompetenceId,
    MetierEntry, Referentiel, ReferentielBuilder, Route,
};
