//! The Formacode import on the real thesaurus.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_import::import_formacode;
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn the_thesaurus_and_its_relations() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let Some(data) = national_data("thésaurus Formacode") else {
        return;
    };
    let file = data.join("formacode/FCod-utf-8.csv.gz");
    let report = import_formacode(&store, &file).await.unwrap();
    assert_eq!(
        report.counts("formacodes").total() + report.rejected.len() as u64,
        3048,
        "{report}"
    );
    let cosmetique = store.formacode("22885").await.unwrap();
    assert_eq!(cosmetique.libelle, "cosmétique");
    assert!(
        cosmetique
            .nsf
            .as_deref()
            .unwrap_or_default()
            .starts_with("222")
    );
    let again = import_formacode(&store, &file).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
}
