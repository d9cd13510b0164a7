//! `campus import esr DIR`: the higher-education extracts (Parcoursup,
//! "Trouver mon master") as trainings.

use std::path::{Path, PathBuf};
use std::time::Instant;

use campus_domain::GeoPoint;
use campus_domain::formation::Formation;
use campus_formats::esr::{parcoursup, tmm};
use campus_formats::{FormatError, Record, Records};
use campus_store::Store;
use campus_store::formations::FormationImport;

use crate::ImportReport;
use crate::feed::{ImportError, progress};

/// The files of `dir` whose name starts with `prefix`, CSV plain or
/// compressed, in name order.
fn matching(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>, FormatError> {
    let name = dir.display().to_string();
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| FormatError::new(&name, None, format!("dossier illisible : {e}")))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(prefix) && (n.ends_with(".csv") || n.ends_with(".csv.gz"))
            })
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Places a training taught at given coordinates in the nearest commune
/// of the catalogue, when communes are imported.
pub(crate) async fn locate(
    import: &mut FormationImport,
    formation: &mut Formation,
) -> Result<(), ImportError> {
    for action in &mut formation.actions {
        let Some(lieu) = action.lieu.as_mut() else {
            continue;
        };
        if lieu.commune_insee.is_some() {
            continue;
        }
        if let Some(position) = GeoPoint::from_columns(lieu.latitude, lieu.longitude)
            && let Some((code, departement)) = import.nearest_commune(position).await?
        {
            lieu.commune_insee = Some(code);
            lieu.departement = departement;
        }
    }
    Ok(())
}

async fn feed(
    records: Records<Formation>,
    import: &mut FormationImport,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let file = records.file_name().to_owned();
    let bar = progress(&file);
    for record in records {
        match record? {
            Record::Valid(mut formation, line) => {
                locate(import, &mut formation).await?;
                if !import.formation(formation).await? {
                    report.rejected.push(FormatError::new(
                        &file,
                        Some(line),
                        "formation en double avec d'autres valeurs : la première occurrence du fichier est conservée",
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

/// Imports every `fr-esr-parcoursup*` and `fr-esr-tmm*` file of `dir` in
/// one transaction. A row found in two files (a regional subset of the
/// national file) is the same training, counted unchanged the second time.
pub async fn import_esr(store: &Store, dir: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let parcoursup_files = matching(dir, "fr-esr-parcoursup")?;
    let tmm_files = matching(dir, "fr-esr-tmm")?;
    if parcoursup_files.is_empty() && tmm_files.is_empty() {
        return Err(Box::new(FormatError::new(
            &dir.display().to_string(),
            None,
            "aucun fichier fr-esr-parcoursup*.csv(.gz) ni fr-esr-tmm*.csv(.gz)",
        )));
    }
    let mut report = ImportReport::default();
    let mut import = store.begin_formation_import().await?;
    for file in parcoursup_files {
        feed(parcoursup(&file)?, &mut import, &mut report).await?;
    }
    for file in tmm_files {
        feed(tmm(&file)?, &mut import, &mut report).await?;
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
