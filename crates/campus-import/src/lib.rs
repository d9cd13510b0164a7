//! Imports of the official referentials into the catalogue.
//!
//! An import reads its files as streams (`campus-formats`) and writes them
//! in a single transaction (`campus-store`): either everything is stored or,
//! on a fatal error or a kill, nothing changes. Rows that cannot be read are
//! rejected with their file and line; rows that refer to a code the
//! referential does not define are kept and listed as unresolved. The
//! report says all of it: nothing is dropped silently.
//!
//! The LHÉO export, the mirror of the LHÉO import, lives here too: a round
//! trip through both is how the pair is tested.

mod affelnet;
mod all;
mod bcn;
mod certifications;
mod communes;
mod correspondances;
mod equipements;
mod esr;
mod export;
mod feed;
mod formacode;
mod inserjeunes;
mod kit_apprentissage;
mod lheo;
mod offres;
mod onisep;
mod organismes_apprentissage;
mod orion;
mod report;
mod rncp_xml;
mod rome;
mod sources;
pub mod sous_ensemble;

pub use affelnet::import_affelnet;
pub use all::{Step, discover, import_all};
pub use bcn::import_bcn;
pub use certifications::{import_certifinfo, import_rncp};
pub use communes::import_communes;
pub use correspondances::import_correspondances;
pub use equipements::{EquipementsRefuses, import_equipements, importer_equipements};
pub use esr::import_esr;
pub use export::{ExportReport, export_lheo};
pub use feed::ImportError;
pub use formacode::import_formacode;
pub use inserjeunes::{import_inserjeunes, n_mef_voisin};
pub use kit_apprentissage::import_kit_apprentissage;
pub use lheo::import_lheo;
pub use offres::import_offres;
pub use onisep::import_onisep;
pub use organismes_apprentissage::import_organismes_apprentissage;
pub use orion::import_orion;
pub use report::{ImportReport, LignesRefusees};
pub use rncp_xml::import_rncp_xml;
pub use rome::import_rome;
pub use sources::{empreintes, enregistrer_sources};
pub use sous_ensemble::SousEnsemble;
