//! The real subset embedded in the binary, loaded as a fresh clone's first
//! start loads it (SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`),
//! then the national data imported on top of it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::{CodeCertification, CodeRome};
use campus_import::{SousEnsemble, import_all};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

/// The campus's sector trades (`sector.romes` by default).
const SECTOR: [&str; 21] = [
    "H2301", "H3301", "H3302", "H3303", "H1503", "H1502", "H1303", "H1206", "H1210", "H1404",
    "H2502", "H2503", "H2504", "I1304", "I1302", "I1310", "I1102", "N1103", "N1101", "J1307",
    "K2402",
];

#[test]
fn the_archive_is_compact_and_laid_out_as_the_shared_data() {
    let subset = SousEnsemble::embedded();
    assert!(subset.bytes().len() <= 3 * 1024 * 1024);
    let files = subset.files().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for expected in [
        "certifinfo/certif_info.csv",
        "esr/fr-esr-parcoursup_simplified.csv",
        "geo/decoupage-administratif-6.0.0/communes.json",
        "geo/laposte_hexasmal_2020-04.csv",
        "rome_v460/unix_referentiel_code_rome_v460_utf8.csv",
        "rome_v460/unix_rubrique_mobilite_v460_utf8.csv",
        "rncp_rs_2024-01-17/export_fiches_CSV_Blocs_De_Compétences_2024_01_17.csv",
        "rncp_tables_2021/rncp_rome.v1.4.csv",
    ] {
        assert!(paths.contains(&expected), "{expected} absent : {paths:?}");
    }
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted, "entrées dans l'ordre des chemins");
}

#[tokio::test]
async fn the_subset_loads_through_the_importers_then_the_national_data_on_top() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();

    let mut kinds = Vec::new();
    let reports = SousEnsemble::embedded()
        .load(&store, |step, _| kinds.push(step.kind))
        .await
        .unwrap();
    assert_eq!(
        kinds,
        [
            "communes",
            "formacode",
            "rome",
            "certifinfo",
            "rncp",
            "correspondances",
            "rncp-xml",
            "kit-apprentissage",
            "bcn",
            "organismes-apprentissage",
            "lheo",
            "esr",
            "affelnet",
            "inserjeunes",
            "orion"
        ]
    );
    for (step, report) in &reports {
        assert!(report.rejected.is_empty(), "{} : {report}", step.kind);
    }

    // Every sector trade with what its page shows, and the trades its
    // mobilités point to.
    for code in SECTOR {
        let metier = store.metier(&CodeRome::parse(code).unwrap()).await.unwrap();
        assert!(!metier.appellations.is_empty(), "{code} : appellations");
        assert!(!metier.skills.is_empty(), "{code} : compétences");
        assert!(!metier.definition.is_empty(), "{code} : définition");
        for target in &metier.mobilites {
            let code = CodeRome::parse(&target.code_rome).unwrap();
            store.metier(&code).await.unwrap();
        }
    }
    let h3301 = store
        .metier(&CodeRome::parse("H3301").unwrap())
        .await
        .unwrap();
    assert!(!h3301.mobilites.is_empty());

    // The BTS maintenance des systèmes (I1304) with its blocs and
    // certifiers, and its programmes near Tours attached to it.
    let bts = store
        .certification(&CodeCertification::parse("RNCP36968").unwrap())
        .await
        .unwrap();
    assert!(!bts.blocs.is_empty() && !bts.certificateurs.is_empty());
    let attached = campus_parcours_service::attach_programmes(&store)
        .await
        .unwrap();
    assert!(attached.attached > 100, "{attached:?}");

    // The lycées' programmes of the region, placed at their school by the
    // apprenticeship organisations and Parcoursup programmes of the
    // subset: the bac pro of the LP André Ampère in Vendôme.
    let bac = store
        .formation("affelnet:0410031L-23820020102")
        .await
        .unwrap();
    assert!(bac.codes.iter().any(|c| c.code == "RNCP36428"));
    assert!(bac.actions[0].action.latitude.is_some());
    assert_eq!(bac.actions[0].action.capacite, Some(15));

    let Some(data) = national_data("import national par-dessus le sous-ensemble") else {
        return;
    };
    let national = import_all(&store, &data, |_, _| {}).await.unwrap();
    assert_eq!(store.count_rome_fiches().await.unwrap(), 1584);
    // The subset's rows are the national rows: the national import adds
    // to them and changes none of the trades and certifications.
    for (step, report) in &national {
        if matches!(
            step.kind,
            "rome" | "certifinfo" | "rncp" | "correspondances" | "kit-apprentissage" | "formacode"
        ) {
            for (table, counts) in &report.tables {
                assert_eq!(counts.updated, 0, "{} / {table}", step.kind);
            }
        }
    }
}
