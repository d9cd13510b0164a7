//! `campus import certifinfo FILE` and `campus import rncp DIR`.

use std::path::Path;
use std::time::Instant;

use campus_formats::certifications::{RncpFolder, certif_info};
use campus_store::Store;
use campus_store::certifications::CertificationImport;

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

/// Imports the Certif Info file in one transaction. ROME codes the
/// catalogue does not know are kept and reported.
pub async fn import_certifinfo(store: &Store, file: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let records = certif_info(file)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_certification_import().await?;
    feed(
        records,
        &mut import,
        &mut report,
        |i: &CertificationImport, c| {
            c.romes
                .iter()
                .find(|r| !i.knows_fiche(r))
                .map(|r| format!("fiche ROME {r} inconnue du catalogue"))
        },
        async |i, c| i.certif_info(c).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Imports the RNCP/RS CSV export in one transaction. An old or new
/// certification that no file describes is kept and reported.
pub async fn import_rncp(store: &Store, dir: &Path) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let folder = RncpFolder::new(dir)?;
    let mut report = ImportReport::default();
    let mut import = store.begin_certification_import().await?;
    feed(
        folder.blocs()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, b| i.bloc(b).await,
    )
    .await?;
    feed(
        folder.certificateurs()?,
        &mut import,
        &mut report,
        no_reference,
        async |i, c| i.certificateur(c).await,
    )
    .await?;
    feed(
        folder.ccn()?,
        &mut import,
        &mut report,
        no_reference,
        async |i: &mut CertificationImport, list| {
            let mut kept = true;
            for ccn in list {
                kept &= i.ccn(ccn).await?;
            }
            Ok(kept)
        },
    )
    .await?;
    // Every fiche of the export is known by now: the lineage is checked
    // against them and against Certif Info.
    let lignees = folder.lignees()?;
    feed(
        lignees,
        &mut import,
        &mut report,
        |i, l| {
            l.ancienne
                .iter()
                .chain(l.nouvelle.iter())
                .find(|c| !i.knows_certification(c))
                .map(|c| format!("certification {c} absente des fichiers"))
        },
        async |i, l| i.lignee(l).await,
    )
    .await?;
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
