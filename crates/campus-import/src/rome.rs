//! `campus import rome DIR`: the ROME 4.0 referential.

use std::path::Path;
use std::time::Instant;

use campus_domain::rome::ClassementKind;
use campus_formats::rome::RomeFolder;
use campus_store::Store;

use crate::ImportReport;
use crate::feed::{ImportError, feed, no_reference};

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
        folder.fiche_competences()?,
        &mut import,
        &mut report,
        |i, l| {
            if !i.knows_fiche(&l.code_rome) {
                Some(format!("fiche {} inconnue", l.code_rome))
            } else if !i.knows_competence(l.code_ogr) {
                Some(format!("compétence {} inconnue", l.code_ogr))
            } else {
                None
            }
        },
        async |i, r| i.fiche_competence(r).await,
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
    for records in [
        folder.centres_interet()?,
        folder.secteurs()?,
        folder.sous_secteurs()?,
        folder.secteurs_naf()?,
        folder.themes()?,
    ] {
        feed(
            records,
            &mut import,
            &mut report,
            |i, c| {
                c.parent
                    .as_ref()
                    .filter(|p| !i.knows_classement(ClassementKind::SecteurActivite, p))
                    .map(|p| format!("secteur {p} inconnu"))
            },
            async |i, r| i.classement(r).await,
        )
        .await?;
    }
    for records in [
        folder.fiche_centres_interet()?,
        folder.fiche_secteurs()?,
        folder.fiche_secteurs_naf()?,
        folder.fiche_themes()?,
    ] {
        feed(
            records,
            &mut import,
            &mut report,
            |i, l| {
                if !i.knows_fiche(&l.code_rome) {
                    Some(format!("fiche {} inconnue", l.code_rome))
                } else if !i.knows_classement(l.kind, &l.code) {
                    Some(format!("regroupement {} inconnu", l.code))
                } else {
                    None
                }
            },
            async |i, r| i.fiche_classement(r).await,
        )
        .await?;
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}
