//! The import of the RNCP XML export on the real sample of
//! `../shared/data`, beside the CSV export.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::CodeCertification;
use campus_import::{import_rncp, import_rncp_xml};
use campus_store::{Store, StoreError};
use campus_testkit::{TestDb, national_data};

/// The embedded subset of the referentials, unpacked once for the tests:
/// small real extracts that a fresh clone has too.
fn sous_ensemble() -> std::path::PathBuf {
    campus_import::SousEnsemble::embedded()
        .cached(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")))
        .unwrap()
}

fn sample() -> std::path::PathBuf {
    sous_ensemble().join("rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml")
}

fn code(c: &str) -> CodeCertification {
    CodeCertification::parse(c).unwrap()
}

async fn store(db: &TestDb) -> Store {
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    store
}

#[tokio::test]
async fn the_xml_enriches_the_csv_and_neither_wipes_the_other() {
    let Some(data) = national_data("export RNCP CSV national") else {
        return;
    };
    let db = TestDb::new().await;
    let store = store(&db).await;
    let csv = data.join("rncp_rs_2024-01-17");
    import_rncp(&store, &csv).await.unwrap();

    let report = import_rncp_xml(&store, &sample()).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(report.counts("fiches RNCP").inserted, 2);
    // RNCP35340's five blocs come from the CSV export; RNCP40792 is newer.
    let blocs = report.counts("blocs de compétences");
    assert_eq!(blocs.inserted, 5, "{report}");
    assert_eq!(report.counts("détails des blocs").inserted, 10);
    assert!(
        report.counts("compétences des blocs").inserted > 100,
        "{report}"
    );
    // The ROME referential is not imported here: its six codes are kept,
    // as is the old RNCP17108 that no file describes.
    assert_eq!(report.unresolved.len(), 7, "{report}");
    assert!(
        report.unresolved[6]
            .to_string()
            .ends_with("RNCP35340 : certification RNCP17108 absente des fichiers"),
        "{report}"
    );

    let new = store.certification(&code("RNCP40792")).await.unwrap();
    let fiche = new.fiche.as_ref().unwrap();
    assert!(fiche.actif);
    assert_eq!(fiche.niveau, Some(5));
    assert_eq!(fiche.type_code.as_deref(), Some("BTS"));
    assert_eq!(new.anciennes, ["RNCP35340"]);
    assert_eq!(new.blocs.len(), 5);
    let bc01 = &new.blocs[0];
    assert_eq!(bc01.code, "RNCP40792BC01");
    assert_eq!(
        bc01.competences[0].libelle,
        "Gérer le patrimoine informatique"
    );
    assert!(bc01.competences.iter().all(|c| !c.libelle.is_empty()));
    assert!(bc01.modalites_evaluation.is_some());
    assert_eq!(
        new.romes
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["M1801", "M1805", "M1810"]
    );
    assert_eq!(new.nsf[0].code, "326");
    assert_eq!(new.formacodes.len(), 2);
    assert_eq!(new.voies.len(), 6);
    let old = store.certification(&code("RNCP35340")).await.unwrap();
    assert!(!old.fiche.as_ref().unwrap().actif);
    assert!(old.nouvelles.contains(&"RNCP40792".to_owned()));
    assert_eq!(old.blocs[0].competences.len(), 6);

    // Idempotent.
    let again = import_rncp_xml(&store, &sample()).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!(
            (counts.inserted, counts.updated, counts.deleted),
            (0, 0, 0),
            "{table}"
        );
    }

    // A CSV import afterwards keeps the skills the XML brought.
    import_rncp(&store, &csv).await.unwrap();
    let old = store.certification(&code("RNCP35340")).await.unwrap();
    assert_eq!(old.blocs.len(), 5);
    assert_eq!(old.blocs[0].competences.len(), 6);
    assert!(old.blocs[0].liste_competences.is_some());
}

#[tokio::test]
async fn a_newer_export_replaces_what_a_fiche_no_longer_lists() {
    let db = TestDb::new().await;
    let store = store(&db).await;
    import_rncp_xml(&store, &sample()).await.unwrap();
    let text = std::fs::read_to_string(sample()).unwrap();
    let newer = text
        .replace("<CODE>M1805</CODE>", "<CODE>M1806</CODE>")
        .replace("<SI_JURY_CL>", "<SI_JURY_XX>")
        .replace("</SI_JURY_CL>", "</SI_JURY_XX>");
    let path = std::env::temp_dir().join(format!("campus-rncp-newer-{}.xml", std::process::id()));
    std::fs::write(&path, newer).unwrap();
    let report = import_rncp_xml(&store, &path).await.unwrap();
    std::fs::remove_file(&path).unwrap();
    // Both fiches list M1805 and individual candidates.
    assert_eq!(
        report.counts("codes ROME, NSF, Formacode").deleted,
        2,
        "{report}"
    );
    assert_eq!(
        report.counts("codes ROME, NSF, Formacode").inserted,
        2,
        "{report}"
    );
    assert_eq!(report.counts("voies d'accès").deleted, 2, "{report}");
    let page = store.certification(&code("RNCP40792")).await.unwrap();
    assert!(page.romes.iter().any(|r| r.code == "M1806"));
    assert!(!page.romes.iter().any(|r| r.code == "M1805"));
    assert_eq!(page.voies.len(), 5);
}

#[tokio::test]
async fn a_truncated_export_writes_nothing() {
    let db = TestDb::new().await;
    let store = store(&db).await;
    let text = std::fs::read_to_string(sample()).unwrap();
    // Cut inside the second fiche: the first one was read whole.
    let cut = text.find("RNCP40792BC03").unwrap();
    let path = std::env::temp_dir().join(format!("campus-rncp-cut-{}.xml", std::process::id()));
    std::fs::write(&path, &text[..cut]).unwrap();
    let error = import_rncp_xml(&store, &path)
        .await
        .unwrap_err()
        .to_string();
    std::fs::remove_file(&path).unwrap();
    let line = text[..cut].lines().count();
    assert!(
        error.contains(&format!("{}:{line}:", path.display())),
        "{error}"
    );
    assert!(error.contains("non fermé"), "{error}");
    assert!(matches!(
        store.certification(&code("RNCP35340")).await,
        Err(StoreError::NotFound)
    ));
}
