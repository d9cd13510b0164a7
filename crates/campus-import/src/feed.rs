//! Feeding the records of one file into an import under way.

use campus_formats::{FormatError, Record, Records};
use indicatif::{ProgressBar, ProgressStyle};

use crate::ImportReport;

/// Everything that can stop an import (and roll it back).
pub type ImportError = Box<dyn std::error::Error + Send + Sync>;

pub(crate) fn progress(file: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} : {pos} lignes ({per_sec})") {
        bar.set_style(style);
    }
    bar.set_message(file.rsplit('/').next().unwrap_or(file).to_owned());
    bar
}

/// Feeds every record of `records` to `store`, collecting rejections, and
/// listing as unresolved the ones `check` finds a dangling reference in.
pub(crate) async fn feed<I, T>(
    records: Records<T>,
    import: &mut I,
    report: &mut ImportReport,
    check: impl Fn(&I, &T) -> Option<String>,
    mut store: impl AsyncFnMut(&mut I, T) -> Result<bool, campus_store::StoreError>,
) -> Result<(), ImportError> {
    let file = records.file_name().to_owned();
    let bar = progress(&file);
    for record in records {
        match record? {
            Record::Valid(record, line) => {
                if let Some(problem) = check(import, &record) {
                    report
                        .unresolved
                        .push(FormatError::new(&file, Some(line), problem));
                }
                if !store(import, record).await? {
                    report.rejected.push(FormatError::new(
                        &file,
                        Some(line),
                        "code en double avec d'autres valeurs : la première occurrence du fichier est conservée",
                    ));
                }
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(())
}

/// For records that refer to nothing else.
pub(crate) fn no_reference<I, T>(_: &I, _: &T) -> Option<String> {
    None
}
