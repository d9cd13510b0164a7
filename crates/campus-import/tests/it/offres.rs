//! The offers feed of the public-sector apprenticeship site: every item
//! kept with its source link, trades and communes resolved where the
//! catalogue knows them, a second import changing nothing, and offers a
//! newer feed no longer lists closed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::Sector;
use campus_import::{SousEnsemble, import_offres};
use campus_store::Store;
use campus_store::insertion::FiltreOffres;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn the_feed_is_imported_once_and_kept_in_step() {
    let Some(data) = national_data("flux d'offres de la Place de l'apprentissage") else {
        return;
    };
    let feed = data.join("offres/pass_fonction_publique_apprentissage_2025-01.rss");
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    SousEnsemble::embedded()
        .load(&store, |_, _| {})
        .await
        .unwrap();
    let sector = Sector::new(&["H1210".to_owned()], &[], &[]).unwrap();
    let tables = campus_search::load_suggestions(&store, &sector)
        .await
        .unwrap();

    let report = import_offres(&store, &feed, &tables).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(report.counts("offres").inserted, 72, "{report}");
    // What the catalogue cannot place or name is listed with its line.
    assert!(
        report
            .unresolved
            .iter()
            .all(|u| u.to_string().contains(".rss:"))
    );

    let offers = store
        .insertion()
        .offres(&FiltreOffres::default())
        .await
        .unwrap();
    assert_eq!(offers.len(), 72);
    assert!(offers.iter().all(|o| {
        o.source_lien
            .as_deref()
            .is_some_and(|l| l.starts_with("https://www.pass.fonction-publique.gouv.fr/offre/"))
    }));
    // The one offer in Centre-Val de Loire is placed in Tours.
    let tours = offers
        .iter()
        .find(|o| o.source_id.as_deref() == Some("A-2024-148286"))
        .unwrap();
    assert_eq!(tours.commune_nom, "Tours");
    assert_eq!(tours.departement.as_deref(), Some("37"));
    assert!(tours.position.is_some());
    assert_eq!(tours.niveau.map(|n| n.value()), Some(6));

    // Twice: nothing changes.
    let again = import_offres(&store, &feed, &tables).await.unwrap();
    let counts = again.counts("offres");
    assert_eq!(
        (counts.inserted, counts.updated, counts.unchanged),
        (0, 0, 72)
    );

    // A newer feed listing one offer closes the others.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&feed).unwrap();
    let first_end = text.find("</item>").unwrap() + "</item>".len();
    let last_end = text.rfind("</item>").unwrap() + "</item>".len();
    let shorter = format!("{}{}", &text[..first_end], &text[last_end..]);
    let newer = dir.path().join("flux.rss");
    std::fs::write(&newer, shorter).unwrap();
    let report = import_offres(&store, &newer, &tables).await.unwrap();
    let counts = report.counts("offres");
    assert_eq!((counts.unchanged, counts.deleted), (1, 71), "{report}");
    let open = store
        .insertion()
        .offres(&FiltreOffres {
            ouvertes: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
}
