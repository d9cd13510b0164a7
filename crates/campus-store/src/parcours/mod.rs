//! The parcours feature's tables: what the training-path engine reads
//! from the catalogue, the alignment of blocs to ROME skills and the
//! campus team's corrections of it, the certifications higher-education
//! programmes prepare, and the paths saved to learners' accounts with the
//! learners' consent to their supporters.
//!
//! Everything is reached through the feature's handle, [`Parcours`]:
//! `store.parcours().enregistrer(..)`. The store only reads and writes
//! rows, as plain structs of this module or of `campus-domain`; the engine
//! (`campus-parcours`) never appears here. The parcours service
//! (`campus-parcours-service`) turns these rows into the engine's input,
//! runs the alignment and the programme matching, and writes the results
//! back through the methods of [`links`] and [`rattachements`].
//!
//! - [`catalogue`]: the referentials as the engine reads them, one query
//!   per table whatever their size (the national referentials hold 18 000
//!   skills and 30 000 blocs: a query per row would take minutes);
//! - [`links`]: bloc–skill links, computed and curated;
//! - [`rattachements`]: programmes attached to a certification by title;
//! - [`offres`]: the training offers that become the engine's units;
//! - [`certificateurs`]: the certifiers of the certifications without a
//!   session, units « sans session connue »;
//! - [`saved`]: saved paths and consent;
//! - [`calculs`]: the paths computed, unnamed, for the evaluation.

pub mod calculs;
pub mod catalogue;
pub mod certificateurs;
pub mod links;
pub mod offres;
pub mod rattachements;
pub mod saved;

pub use calculs::{CalculParcours, Canal};
pub use catalogue::{BlocParcours, CatalogueParcours, CertificationParcours, MetierParcours};
pub use certificateurs::{Certificateurs, LieuCertificateur};
pub use links::{LienBlocCompetence, StoredAlignment, StoredLink};
pub use offres::{Offre, SessionOffre};
pub use rattachements::{AttachmentRow, CertificationType, ComputedAttachment, UncodedProgramme};
pub use saved::{NewSavedPlan, SavedPlan, Support, SupportAnswer, SupportStatus};

crate::handle::feature_handle!(
    /// The training paths' tables: saved paths, supports, curated links and
    /// programme attachments.
    Parcours,
    parcours
);
