//! `campus import onisep FILE`.

use std::path::Path;
use std::time::Instant;

use campus_formats::onisep::formations;
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

/// Imports ONISEP's Idéo list in one transaction. Diplomas are attached to
/// certifications by their RNCP code when the pages are read, so a code
/// not imported yet is not an error.
pub async fn import_onisep(store: &Store, file: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let records = formations(file)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_onisep_import().await?;
    feed(
        records,
        &mut import,
        &mut report,
        no_reference,
        async |i, f| i.formation(f).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
