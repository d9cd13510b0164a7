//! Readers of the official referentials the catalogue is built from, and
//! the writers of the formats the platform publishes (LHÉO, iCalendar,
//! CSV exports, the PDF documents and the evaluation's reports).
//!
//! Files come as published: UTF-8, UTF-8 with a byte-order mark or
//! Windows-1252 (sometimes under a `_utf8` name), plain or gzip-compressed,
//! with quoted fields that span lines. [`source::open`] hides all of that
//! behind a UTF-8 stream, read once and never held whole in memory; every
//! record keeps the file and line it came from, so that a rejected row is
//! reported where a person can find it.

pub mod affelnet;
pub mod bcn;
pub mod certifications;
pub mod communes;
pub mod correspondances;
pub mod csv_export;
pub mod csv_file;
mod dates;
pub mod equipements_csv;
pub mod error;
pub mod esr;
pub mod europass;
pub mod evaluation;
pub mod formacode;
#[cfg(test)]
mod fuzz;
pub mod ical;
pub mod inserjeunes;
pub mod kit_apprentissage;
pub mod lheo;
mod lines;
pub mod offres_rss;
pub mod onisep;
pub mod organismes_apprentissage;
pub mod orion;
pub mod pdf;
pub mod records;
pub mod rncp_xml;
pub mod rome;
pub mod source;

pub use csv_export::{CsvExport, CsvExportError};
pub use csv_file::{CsvFile, Row};
pub use error::FormatError;
pub use records::{Record, Records};
pub use source::{Encoding, open};
