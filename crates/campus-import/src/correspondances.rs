//! `campus import correspondances DIR`.

use std::path::Path;
use std::time::Instant;

use campus_formats::correspondances::CorrespondancesFolder;
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

/// Imports France compétences' RNCP tables of 2021 (`rncp_tables_2021/`)
/// in one transaction: the RNCP → ROME table and, when the folder holds
/// it, the blocs of 2021. Codes need not be imported yet: the catalogue
/// reads them beside Certif Info and the 2024 export, for the
/// certifications those know.
pub async fn import_correspondances(
    store: &Store,
    dir: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let folder = CorrespondancesFolder::new(dir)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_correspondances_import().await?;
    feed(
        folder.romes()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, r| i.rome(r).await,
    )
    .await?;
    let blocs = folder.blocs()?;
    let with_blocs = blocs.is_some();
    if let Some(blocs) = blocs {
        feed(
            blocs,
            &mut import,
            &mut report,
            no_reference,
            async |i, b| i.bloc(b).await,
        )
        .await?;
    }
    report.tables = import.commit(with_blocs).await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
