//! `campus import bcn DIR`.

use std::path::Path;
use std::time::Instant;

use campus_formats::bcn::BcnFolder;
use campus_store::Store;
use campus_store::bcn::{BcnImport, SourceBcn};

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

/// Imports the BCN nomenclatures in one transaction: diplomas (`N` then
/// `V`), levels, NSF, vocational diplomas with their RNCP codes, and
/// départements with their académie.
pub async fn import_bcn(store: &Store, dir: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let folder = BcnFolder::new(dir)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_bcn_import().await?;
    feed(
        folder.n_formation_diplome()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, d| i.diplome(d, SourceBcn::N).await,
    )
    .await?;
    feed(
        folder.v_formation_diplome()?,
        &mut import,
        &mut report,
        no_reference,
        async |i: &mut BcnImport, d| {
            if i.has_diplome(&d.cfd) {
                return Ok(true);
            }
            i.diplome(d, SourceBcn::V).await
        },
    )
    .await?;
    feed(
        folder.niveaux()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, n| i.niveau(n).await,
    )
    .await?;
    for records in folder.nsf()? {
        feed(
            records,
            &mut import,
            &mut report,
            no_reference,
            async |i, n| i.nsf(n).await,
        )
        .await?;
    }
    feed(
        folder.diplomes_professionnels()?,
        &mut import,
        &mut report,
        |i: &BcnImport, d| {
            (!i.has_diplome(&d.cfd)).then(|| format!("CFD {} absent des diplômes de la BCN", d.cfd))
        },
        async |i, d| i.diplome_professionnel(d).await,
    )
    .await?;
    feed(
        folder.departements()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, d| i.departement(d).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
