//! `campus import kit-apprentissage FILE`.

use std::path::Path;
use std::time::Instant;

use campus_formats::kit_apprentissage::kit_apprentissage;
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

/// Imports the « Kit apprentissage » in one transaction. The training
/// paths read it to propose a certification in apprenticeship only where
/// its fiche is open to it, and to leave out fiches whose registration
/// has ended.
pub async fn import_kit_apprentissage(
    store: &Store,
    file: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let records = kit_apprentissage(file)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_kit_import().await?;
    feed(
        records,
        &mut import,
        &mut report,
        no_reference,
        async |i, k| i.ligne(k).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
