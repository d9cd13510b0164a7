//! The LHÉO 2.3 export: valid against the official schema, and a round
//! trip (import the samples, export, import the export into a fresh
//! database) keeps every field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use campus_import::{export_lheo, import_esr, import_lheo};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

async fn store() -> (TestDb, Store) {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    (db, store)
}

async fn export(store: &Store) -> (Vec<u8>, campus_import::ExportReport) {
    let mut out = Vec::new();
    let report = export_lheo(store, &mut out).await.unwrap();
    (out, report)
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "campus-export-{}-{}-{name}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
async fn the_export_validates_against_the_lheo_2_3_schema() {
    let Some(data) = national_data("échantillons LHÉO et schéma LHÉO 2.3") else {
        return;
    };
    let (_db, store) = store().await;
    import_lheo(&store, &data.join("lheo/samples"))
        .await
        .unwrap();
    let (xml, report) = export(&store).await;
    assert_eq!(report.formations, 4);
    let path = temp_file("lheo.xml", &xml);
    let schema = data.join("lheo/schema/lheo-2.3.xsd");
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&path)
        .output()
        .expect("xmllint (paquet Debian libxml2-utils) est nécessaire à ce test");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn import_export_import_keeps_every_field() {
    let Some(data) =
        national_data("échantillons LHÉO et extraits nationaux de l'enseignement supérieur")
    else {
        return;
    };
    let (_db, first) = store().await;
    import_lheo(&first, &data.join("lheo/samples"))
        .await
        .unwrap();
    // Trainings of the higher-education extracts have no LHÉO element and
    // are left out, counted.
    import_esr(&first, &data.join("esr")).await.unwrap();
    let (xml, report) = export(&first).await;
    assert_eq!(report.formations, 4);
    assert_eq!(report.omitted, 13_356 + 4_113);
    let path = temp_file("aller.xml", &xml);

    let (_db2, second) = store().await;
    let imported = import_lheo(&second, &path).await.unwrap();
    assert!(imported.rejected.is_empty(), "{imported}");
    assert_eq!(imported.counts("formations").inserted, 4);
    for id in [
        "lheo:07_10",
        "lheo:15_464888",
        "lheo:04_A815385",
        "lheo:9436_18706",
    ] {
        let a = first.formation(id).await.unwrap();
        let b = second.formation(id).await.unwrap();
        assert_eq!(a.formation, b.formation, "{id}");
        assert_eq!(a.codes, b.codes, "{id}");
        assert_eq!(a.organisme_lieu, b.organisme_lieu, "{id}");
        assert_eq!(a.contact, b.contact, "{id}");
        assert_eq!(a.actions.len(), b.actions.len(), "{id}");
        for (x, y) in a.actions.iter().zip(&b.actions) {
            assert_eq!(x.action, y.action, "{id}");
            assert_eq!(x.sessions, y.sessions, "{id}");
            assert_eq!(x.financeurs, y.financeurs, "{id}");
            assert_eq!(x.public_vise, y.public_vise, "{id}");
        }
    }
    let (again, _) = export(&second).await;
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(xml).unwrap()
    );
    std::fs::remove_file(path).unwrap();
}
