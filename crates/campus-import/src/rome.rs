//! `campus import rome DIR`: the ROME 4.0 referential.

use std::path::Path;
use std::time::Instant;

use campus_formats::FormatError;
use campus_formats::rome::{Record, Records, RomeFolder};
use campus_store::Store;
use campus_store::rome::RomeImport;
use indicatif::{ProgressBar, ProgressStyle};

use crate::ImportReport;

/// Everything that can stop an import (and roll it back).
pub type ImportError = Box<dyn std::error::Error + Send + Sync>;

fn progress(file: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} : {pos} lignes ({per_sec})") {
        bar.set_style(style);
    }
    bar.set_message(file.rsplit('/').next().unwrap_or(file).to_owned());
    bar
}

/// Feeds every record of `records` to `store`, collecting rejections, and
/// listing as unresolved the ones `check` finds a dangling reference in.
async fn feed<T>(
    records: Records<T>,
    import: &mut RomeImport,
    report: &mut ImportReport,
    check: impl Fn(&RomeImport, &T) -> Option<String>,
    mut store: impl AsyncFnMut(&mut RomeImport, T) -> Result<(), campus_store::StoreError>,
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
                store(import, record).await?;
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(())
}

/// For records that refer to nothing else.
fn no_reference<T>(_: &RomeImport, _: &T) -> Option<String> {
    None
}

/// Imports the ROME folder `dir` in one transaction.
pub async fn import_rome(store: &Store, dir: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let folder = RomeFolder::new(dir)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_rome_import().await?;
    feed(
        folder.fiches()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, r| i.fiche(r).await,
    )
    .await?;
    feed(
        folder.skills()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, r| i.skill(r).await,
    )
    .await?;
    feed(
        folder.contextes()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, r| i.contexte(r).await,
    )
    .await?;
    feed(
        folder.appellations()?,
        &mut import,
        &mut report,
        |i, a| (!i.knows_fiche(&a.code_rome)).then(|| format!("fiche {} inconnue", a.code_rome)),
        async |i, r| i.appellation(r).await,
    )
    .await?;
    feed(
        folder.fiche_skills()?,
        &mut import,
        &mut report,
        |i, l| {
            if !i.knows_fiche(&l.code_rome) {
                Some(format!("fiche {} inconnue", l.code_rome))
            } else if !i.knows_skill(l.code_ogr) {
                Some(format!("compétence {} inconnue", l.code_ogr))
            } else {
                None
            }
        },
        async |i, r| i.fiche_skill(r).await,
    )
    .await?;
    feed(
        folder.fiche_contextes()?,
        &mut import,
        &mut report,
        |i, l| {
            if !i.knows_fiche(&l.code_rome) {
                Some(format!("fiche {} inconnue", l.code_rome))
            } else if !i.knows_contexte(l.code_ogr) {
                Some(format!("contexte {} inconnu", l.code_ogr))
            } else {
                None
            }
        },
        async |i, r| i.fiche_contexte(r).await,
    )
    .await?;
    feed(
        folder.mobilites()?,
        &mut import,
        &mut report,
        |i, m| {
            [&m.code_rome, &m.cible]
                .into_iter()
                .find(|c| !i.knows_fiche(c))
                .map(|c| format!("fiche {c} inconnue"))
        },
        async |i, r| i.mobilite(r).await,
    )
    .await?;
    feed(
        folder.textes()?,
        &mut import,
        &mut report,
        |i, t| (!i.knows_fiche(&t.code_rome)).then(|| format!("fiche {} inconnue", t.code_rome)),
        async |i, r| i.texte(r).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
