//! `campus import inserjeunes FILE [--mef NMEF]`: the outcomes of
//! vocational trainings (InserJeunes by région, route and training), all
//! or nothing.
//!
//! The figures are read beside the campus's own in its evaluation, and a
//! report sent to the Région must say which file it came from: a file
//! with one unreadable row (an unknown cohort, a rate over 100) is
//! refused whole, every problem listed with its file and line, rather
//! than stored without the rows that did not read. School rows name
//! their programme by MEF_STAT_11; the BCN's `N_MEF` gives its diploma
//! (CFD), through which the certifications are reached. Rows whose MEF
//! the BCN does not know are kept and listed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use campus_domain::evaluation::inserjeunes::Voie;
use campus_formats::bcn::n_mef;
use campus_formats::inserjeunes::devenirs;
use campus_formats::{FormatError, Record};
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, progress};
use crate::report::LignesRefusees;

/// The BCN's `N_MEF` beside a folder of the national data
/// (`…/inserjeunes/` or `…/orion/` → `…/bcn/nMef.csv.gz`), when the
/// command line names none.
pub fn n_mef_voisin(dir: &Path) -> Option<PathBuf> {
    let bcn = dir.parent()?.join("bcn");
    ["nMef.csv.gz", "nMef.csv"]
        .iter()
        .map(|name| bcn.join(name))
        .find(|p| p.is_file())
}

/// The MEF_STAT_11 → CFD table of the BCN's `N_MEF`.
pub(crate) fn cfd_par_mef(mef: &Path) -> Result<HashMap<String, String>, ImportError> {
    let mut cfd_of_mef: HashMap<String, String> = HashMap::new();
    for record in n_mef(mef)? {
        if let Record::Valid(m, _) = record? {
            cfd_of_mef.entry(m.mef_stat_11).or_insert(m.cfd);
        }
    }
    Ok(cfd_of_mef)
}

/// Imports the file in one transaction, refused whole on any bad row.
pub async fn import_inserjeunes(
    store: &Store,
    file: &Path,
    mef: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let cfd_of_mef = cfd_par_mef(mef)?;
    let records = devenirs(file)?;
    let name = records.file_name().to_owned();
    let bar = progress(&name);
    let mut import = store.begin_inserjeunes_import().await?;
    let mut refused = Vec::new();
    for record in records {
        match record? {
            Record::Valid(row, line) => {
                let cfd = match row.voie {
                    Voie::Apprentissage => Some(row.code_formation.clone()),
                    Voie::Scolaire => cfd_of_mef.get(&row.code_formation).cloned(),
                };
                if cfd.is_none() {
                    report.unresolved.push(FormatError::new(
                        &name,
                        Some(line),
                        format!(
                            "MEF_STAT_11 {} absent de la BCN : formation sans diplôme connu",
                            row.code_formation
                        ),
                    ));
                }
                if !import.ligne(row, cfd).await? {
                    refused.push(FormatError::new(
                        &name,
                        Some(line),
                        "ligne en double (même millésime, région, voie et formation) avec d'autres valeurs",
                    ));
                }
            }
            Record::Rejected(rejection) => refused.push(rejection),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if !refused.is_empty() {
        // Dropping the import rolls its transaction back.
        return Err(Box::new(LignesRefusees(refused)));
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
