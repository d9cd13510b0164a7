//! `campus import lheo PATH`: LHÉO 2.2 and 2.3 offer files.

use std::path::Path;
use std::time::Instant;

use campus_domain::formation::{CodeKind, Formation};
use campus_formats::lheo::{Offres, files};
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, progress};

/// Imports the offers of an LHÉO file, or of every `.xml` file of a
/// folder, in one transaction. A ROME code the catalogue does not know and
/// a funder code that `dict-financeurs` does not define are kept and
/// reported.
pub async fn import_lheo(store: &Store, path: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let mut import = store.begin_formation_import().await?;
    for file in files(path)? {
        let name = file.display().to_string();
        let bar = progress(&name);
        // Parsed on a blocking thread, one offer at a time through a bounded
        // channel: memory stays flat.
        let (sender, mut receiver) =
            tokio::sync::mpsc::channel::<Result<Record<Formation>, FormatError>>(16);
        let reader = tokio::task::spawn_blocking(move || -> Result<(), FormatError> {
            for record in Offres::open(&file)? {
                if sender.blocking_send(record).is_err() {
                    break;
                }
            }
            Ok(())
        });
        while let Some(record) = receiver.recv().await {
            match record? {
                Record::Valid(formation, line) => {
                    for (_, code) in formation
                        .codes
                        .iter()
                        .filter(|(kind, code)| *kind == CodeKind::Rome && !import.knows_fiche(code))
                    {
                        report.unresolved.push(FormatError::new(
                            &name,
                            Some(line),
                            format!(
                                "formation {} : fiche ROME {code} inconnue du catalogue",
                                formation.numero
                            ),
                        ));
                    }
                    for action in &formation.actions {
                        for financeur in action.financeurs.iter().filter(|f| f.libelle.is_none()) {
                            report.unresolved.push(FormatError::new(
                                &name,
                                Some(line),
                                format!(
                                    "formation {}, action {} : code-financeur {} absent de dict-financeurs",
                                    formation.numero, action.numero, financeur.code
                                ),
                            ));
                        }
                    }
                    let numero = formation.numero.clone();
                    if !import.formation(formation).await? {
                        report.rejected.push(FormatError::new(
                            &name,
                            Some(line),
                            format!(
                                "formation {numero} en double avec d'autres valeurs : la première est conservée"
                            ),
                        ));
                    }
                }
                Record::Rejected(rejection) => report.rejected.push(rejection),
            }
            bar.inc(1);
        }
        reader.await??;
        bar.finish_and_clear();
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
