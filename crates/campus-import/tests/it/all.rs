//! `import all` on the whole of `../shared/data`: every referential in
//! order, then a second run that changes nothing — the imports do not undo
//! each other's work (the RNCP CSV and XML exports fill the same
//! certifications, trainings are placed in the imported communes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::CodeRome;
use campus_import::import_all;
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn every_referential_of_the_shared_data_then_nothing_on_a_second_run() {
    let Some(data) = national_data("import de toutes les données nationales") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();

    let mut kinds = Vec::new();
    let first = import_all(&store, &data, |step, _| kinds.push(step.kind))
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
            "onisep",
            "organismes-apprentissage",
            "lheo",
            "esr",
            "affelnet",
            "inserjeunes",
            "orion"
        ]
    );
    let report = |kind: &str| &first.iter().find(|(step, _)| step.kind == kind).unwrap().1;
    assert_eq!(report("rome").counts("fiches").inserted, 1584);
    assert_eq!(report("rome").counts("appellations").inserted, 13120);
    assert_eq!(store.count_rome_fiches().await.unwrap(), 1584);
    assert_eq!(store.count_rome_appellations().await.unwrap(), 13120);
    let metier = store
        .metier(&CodeRome::parse("H3301").unwrap())
        .await
        .unwrap();
    assert_eq!(
        metier.fiche.libelle,
        "Conducteur / Conductrice de ligne de conditionnement"
    );

    // The RNCP → ROME table of 2021 names the trades of certifications
    // Certif Info does not list: the bioproduction title RNCP34984 leads
    // to chemical and pharmaceutical production (ROME v3 H2301).
    let table = report("correspondances");
    assert!(
        table.counts("correspondances RNCP → ROME (2021)").inserted > 40_000,
        "{table}"
    );
    // 174 rows name a professional domain (`H12`) rather than a trade;
    // one bloc code is listed twice with two titles.
    assert_eq!(table.rejected.len(), 175, "{table}");
    let catalogue = store.parcours().catalogue().await.unwrap();
    let bioproduction = catalogue
        .certifications
        .iter()
        .find(|c| c.code.as_str() == "RNCP34984")
        .unwrap();
    assert!(
        bioproduction.romes.iter().any(|r| r.as_str() == "H2301"),
        "{bioproduction:?}"
    );

    let second = import_all(&store, &data, |_, _| {}).await.unwrap();
    for (step, report) in &second {
        for (table, counts) in &report.tables {
            assert_eq!(
                (counts.inserted, counts.updated),
                (0, 0),
                "{} / {table} : le second import ne doit rien changer",
                step.kind
            );
        }
    }
}
