//! `campus import organismes-apprentissage FILE`.

use std::path::Path;
use std::time::Instant;

use campus_formats::organismes_apprentissage::organismes_apprentissage;
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, progress};

/// Imports the national catalogue of apprenticeship training
/// organisations into the directory, in one transaction (see
/// [`campus_store::organismes_apprentissage`] for what is kept of an
/// organisation the network already has). Their position places the
/// lycées' programmes and the units of the training paths.
pub async fn import_organismes_apprentissage(
    store: &Store,
    file: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let records = organismes_apprentissage(file)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_organismes_import().await?;
    let name = file.display().to_string();
    let bar = progress(&name);
    for record in records {
        match record {
            Record::Valid(organisme, line) => {
                if let Some(note) = import.organisme(organisme).await? {
                    report
                        .unresolved
                        .push(FormatError::new(&name, Some(line), note));
                }
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
