//! `campus import communes COMMUNES_JSON LAPOSTE_CSV`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use campus_formats::communes::{cog_communes, laposte_positions};
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::ImportError;

/// Imports the communes of the geographic code `cog` with the coordinates
/// of La Poste's base `laposte`, in one transaction. A commune without
/// coordinates is kept and listed as unresolved.
pub async fn import_communes(
    store: &Store,
    cog: &Path,
    laposte: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let (positions, rejected) = laposte_positions(laposte)?;
    report.rejected.extend(rejected);
    let mut import = store.begin_commune_import().await?;

    // The geographic code is parsed on a blocking thread and streamed here
    // through a bounded channel: memory stays flat.
    let (sender, mut receiver) =
        tokio::sync::mpsc::channel::<Record<campus_domain::commune::Commune>>(1024);
    let cog_path: PathBuf = cog.to_owned();
    let reader = tokio::task::spawn_blocking(move || {
        cog_communes(&cog_path, &positions, |record| {
            sender.blocking_send(record).is_ok()
        })
    });
    let name = cog.display().to_string();
    while let Some(record) = receiver.recv().await {
        match record {
            Record::Valid(commune, line) => {
                let current = commune.kind == "commune-actuelle";
                let located = commune.position.is_some();
                let code = commune.code_insee.clone();
                if !import.commune(commune).await? {
                    report.rejected.push(FormatError::new(
                        &name,
                        Some(line),
                        "commune en double avec d'autres valeurs",
                    ));
                } else if current && !located {
                    report.unresolved.push(FormatError::new(
                        &name,
                        Some(line),
                        format!("commune {code} sans coordonnées dans la base de La Poste"),
                    ));
                }
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    reader.await??;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
