//! `campus import rncp-xml FILE`.

use std::path::Path;
use std::time::Instant;

use campus_formats::rncp_xml::rncp_xml;
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::ImportError;

/// Imports France compétences' XML export in one transaction. ROME codes
/// the catalogue does not know, and old or new certifications no file
/// describes, are kept and reported once every fiche is read.
pub async fn import_rncp_xml(store: &Store, file: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let fiches = rncp_xml(file)?;
    let name = fiches.file_name().to_owned();
    let mut import = store.begin_rncp_xml_import().await?;
    // (line, fiche, old or new certification) of every lineage link.
    let mut lineage = Vec::new();
    for record in fiches {
        match record? {
            Record::Valid(fiche, line) => {
                for rome in fiche.romes.iter().filter(|r| !import.knows_rome(&r.code)) {
                    report.unresolved.push(FormatError::new(
                        &name,
                        Some(line),
                        format!(
                            "{} : fiche ROME {} inconnue du catalogue",
                            fiche.numero, rome.code
                        ),
                    ));
                }
                lineage.extend(
                    fiche
                        .anciennes
                        .iter()
                        .chain(&fiche.nouvelles)
                        .map(|other| (line, fiche.numero.clone(), other.clone())),
                );
                if !import.fiche(fiche).await? {
                    report.rejected.push(FormatError::new(
                        &name,
                        Some(line),
                        "fiche en double avec d'autres valeurs : la première occurrence du fichier est conservée",
                    ));
                }
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    for (line, numero, other) in lineage {
        if !import.knows_certification(&other) {
            report.unresolved.push(FormatError::new(
                &name,
                Some(line),
                format!("{numero} : certification {other} absente des fichiers"),
            ));
        }
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
