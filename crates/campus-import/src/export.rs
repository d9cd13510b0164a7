//! `campus export lheo`: the catalogue's offers as one LHÉO 2.3 document.

use std::io::Write;

use campus_formats::lheo::LheoWriter;
use campus_store::Store;

use crate::feed::ImportError;

/// Trainings read from the database per query while exporting.
const PAGE: u64 = 200;

/// What an export wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ExportReport {
    pub formations: u64,
    /// Trainings without an LHÉO element (higher-education extracts).
    pub omitted: u64,
}

/// Writes every training that has an LHÉO element to `out`, page by page.
pub async fn export_lheo<W: Write>(store: &Store, out: W) -> Result<ExportReport, ImportError> {
    let mut writer = LheoWriter::start(out)?;
    let mut report = ExportReport::default();
    let mut after: Option<String> = None;
    loop {
        let page = store.lheo_elements(after.as_deref(), PAGE).await?;
        let Some(last) = page.last() else {
            break;
        };
        after = Some(last.formation_id.clone());
        for element in &page {
            writer.formation(&element.xml)?;
            report.formations += 1;
        }
    }
    writer.finish()?;
    report.omitted = store.count_formations_without_lheo().await?;
    Ok(report)
}
