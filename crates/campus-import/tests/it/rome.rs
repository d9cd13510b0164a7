//! The ROME import on the real referential: the whole of it
//! (`../shared/data/rome_v460`) when it is there, the embedded subset's
//! extract for the broken-file cases,
//! on SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::CodeRome;
use campus_import::import_rome;
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

async fn store(db: &TestDb) -> Store {
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    store
}

#[tokio::test]
async fn the_whole_referential_then_nothing_on_a_second_run() {
    let Some(data) = national_data("ROME national complet") else {
        return;
    };
    let db = TestDb::new().await;
    let store = store(&db).await;
    let dir = data.join("rome_v460");

    let first = import_rome(&store, &dir).await.unwrap();
    assert!(first.rejected.is_empty(), "{first}");
    assert_eq!(first.counts("fiches").inserted, 1584);
    assert_eq!(first.counts("appellations").inserted, 13120);
    assert_eq!(first.counts("mobilités").inserted, 14912);
    assert_eq!(first.counts("textes").inserted, 9602 + 2378);
    assert_eq!(store.count_rome_fiches().await.unwrap(), 1584);
    // 30 centres d'intérêt, 35 sectors, 40 sub-sectors, 89 NAF sectors
    // and 17 themes, and the trades placed in them.
    assert_eq!(first.counts("regroupements de métiers").inserted, 211);
    assert_eq!(
        first.counts("métiers des regroupements").inserted,
        4444 + 3303 + 2920 + 1348
    );

    let metier = store
        .metier(&CodeRome::parse("H3301").unwrap())
        .await
        .unwrap();
    assert_eq!(
        metier.fiche.libelle,
        "Conducteur / Conductrice de ligne de conditionnement"
    );
    assert!(!metier.definition.is_empty());
    assert!(
        metier
            .appellations
            .iter()
            .any(|a| a.libelle.contains("conditionnement"))
    );
    let core: Vec<_> = metier
        .skills
        .values()
        .flatten()
        .filter(|(_, c)| c.as_deref() == Some("principale"))
        .collect();
    assert!(!core.is_empty(), "des compétences cœur de métier");
    assert!(!metier.mobilites.is_empty());
    let naf: Vec<_> = metier
        .classements
        .iter()
        .filter(|(c, _)| c.kind == "naf")
        .map(|(c, _)| c.libelle.as_str())
        .collect();
    // Read from the one Windows-1252 file of the referential.
    assert_eq!(naf, ["Fabrication de boissons", "Industries alimentaires"]);
    assert!(
        metier
            .classements
            .iter()
            .any(|(c, principal)| c.kind == "centre_interet" && *principal),
        "{:?}",
        metier.classements
    );
    let i1304 = store
        .metier(&CodeRome::parse("I1304").unwrap())
        .await
        .unwrap();
    assert!(
        i1304.fiche.libelle.contains("maintenance"),
        "{}",
        i1304.fiche.libelle
    );

    // Importing the same files again changes nothing.
    let second = import_rome(&store, &dir).await.unwrap();
    for (table, counts) in &second.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
    assert_eq!(second.counts("appellations").unchanged, 13120);
}

/// The embedded subset of the referentials, unpacked once for the tests:
/// small real extracts that a fresh clone has too.
fn sous_ensemble() -> std::path::PathBuf {
    campus_import::SousEnsemble::embedded()
        .cached(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")))
        .unwrap()
}

/// Copies the subset's referential into a scratch folder, with `edit`
/// applied.
fn scratch_copy(name: &str, edit: impl FnOnce(&std::path::Path)) -> std::path::PathBuf {
    let source = sous_ensemble().join("rome_v460");
    let dir = std::env::temp_dir().join(format!("campus-rome-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    edit(&dir);
    dir
}

#[tokio::test]
async fn a_broken_file_midway_leaves_the_previous_data_intact() {
    let db = TestDb::new().await;
    let store = store(&db).await;
    let dir = scratch_copy("casse", |dir| {
        // The mobilities file is read after fiches, skills and appellations.
        let path = dir.join("unix_rubrique_mobilite_v460_utf8.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("\"numero_ordre\"", "\"ordre\"")).unwrap();
    });
    let error = import_rome(&store, &dir).await.unwrap_err().to_string();
    assert!(
        error.contains("unix_rubrique_mobilite_v460_utf8.csv:1: colonne « numero_ordre » absente"),
        "{error}"
    );
    assert_eq!(
        store.count_rome_fiches().await.unwrap(),
        0,
        "rien n'est écrit"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn bad_rows_are_rejected_and_dangling_references_kept() {
    let db = TestDb::new().await;
    let store = store(&db).await;
    let mut rows = 0;
    let dir = scratch_copy("lignes", |dir| {
        let path = dir.join("unix_rubrique_mobilite_v460_utf8.csv");
        let mut text = std::fs::read_to_string(&path).unwrap();
        rows = text.lines().count() - 1;
        text.push_str("\"H3301\",\"Z0000\",\"1\"\n\"H3301\",\"N9999\",\"2\"\n");
        std::fs::write(&path, text).unwrap();
    });
    let report = import_rome(&store, &dir).await.unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert!(
        report.rejected[0].to_string().ends_with(&format!(
            "unix_rubrique_mobilite_v460_utf8.csv:{}: code ROME invalide « Z0000 »",
            rows + 2
        )),
        "{}",
        report.rejected[0]
    );
    assert_eq!(report.unresolved.len(), 1);
    assert!(
        report.unresolved[0]
            .to_string()
            .contains(&format!(":{}: fiche N9999 inconnue", rows + 3)),
        "{}",
        report.unresolved[0]
    );
    assert_eq!(
        report.counts("mobilités").inserted,
        rows as u64 + 1,
        "la mobilité vers une fiche inconnue est conservée"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
