//! `campus import formacode FILE`.

use std::path::Path;
use std::time::Instant;

use campus_formats::formacode::formacode;
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::ImportError;

/// Imports the Formacode thesaurus in one transaction. A relation to a
/// descriptor the file does not define is kept and reported, once every
/// descriptor is known.
pub async fn import_formacode(store: &Store, file: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let mut import = store.begin_formacode_import().await?;
    let records = formacode(file)?;
    let name = records.file_name().to_owned();
    // (line, descriptor, related descriptor) of every relation.
    let mut relations: Vec<(u64, String, String)> = Vec::new();
    for record in records {
        match record? {
            Record::Valid(f, line) => {
                let related = f.generiques.iter().chain(&f.specifiques).chain(&f.associes);
                relations.extend(related.map(|other| (line, f.code.clone(), other.clone())));
                if !import.formacode(f).await? {
                    report.rejected.push(FormatError::new(
                        &name,
                        Some(line),
                        "code en double avec d'autres valeurs",
                    ));
                }
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    for (line, code, other) in relations {
        if !import.knows(&other) {
            report.unresolved.push(FormatError::new(
                &name,
                Some(line),
                format!("{code} : descripteur lié {other} absent"),
            ));
        }
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
