//! The platform's document store: files people upload (CVs of job
//! applicants now; project documents and pedagogical resources later) live
//! outside the database, which keeps only their [`DocumentKey`] and
//! [`DocumentKind`].
//!
//! One interface, [`Documents`], over two backends chosen by
//! [`DocumentsConfig`]: a local folder (one node, the default) or an
//! S3-compatible bucket (several nodes sharing the same files). Both go
//! through the `object_store` crate, so the code that uses them is the same.
//!
//! What must hold, and where:
//! - a stored file's type comes from its bytes, never from its name
//!   ([`DocumentKind::sniff`], [`check`]);
//! - a storage key is made by the platform and can't leave its folder or
//!   bucket, even when read back from the database ([`DocumentKey::parse`]);
//! - the size limit belongs to each use (5 Mo for a CV, 20 Mo for a project
//!   document), so callers pass it to [`check`].
//!
//! Errors: [`DocumentsError`] for the store (a web handler maps `NotFound`
//! to 404 and the rest to 503), [`Rejected`] for an upload refused before it
//! reaches the store (shown to the user as is).

mod config;
mod key;
mod kind;
mod store;
mod zip_names;

pub use config::{DocumentsConfig, LocalConfig, S3Config};
pub use key::{DocumentKey, InvalidKey};
pub use kind::{DocumentKind, Rejected, UnknownKind, check};
pub use store::{Documents, DocumentsError};
