//! The higher-education import on the real extracts of `../shared/data/esr`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::{GeoPoint, OrganisationKind, Uai};
use campus_import::{import_communes, import_esr};
use campus_store::Store;
use campus_store::organisations::OrganisationInput;
use campus_testkit::{TestDb, national_data};

/// The BUT Chimie of the IUT d'Orléans, at its Parcoursup coordinates.
const IUT_ORLEANS: (f64, f64) = (47.8438, 1.9266);

#[tokio::test]
async fn parcoursup_and_masters_placed_in_their_communes() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let Some(data) = national_data("extraits Parcoursup et masters nationaux") else {
        return;
    };
    let esr = data.join("esr");
    let iut = store
        .create_organisation(
            OrganisationInput {
                nom: "IUT d'Orléans".to_owned(),
                kind: OrganisationKind::Universite,
                siret: None,
                uai: Some(Uai::parse("0450092F").unwrap()),
                description: String::new(),
                adresse: None,
                code_postal: None,
                commune: None,
                departement: None,
                site_web: None,
                email_contact: None,
            },
            None,
        )
        .await
        .unwrap();

    let report = import_esr(&store, &esr).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    // 13 356 distinct Parcoursup programmes (896 rows repeat another) and
    // 4 113 master mentions in their latest campaign; the regional subsets
    // repeat rows of the national files.
    let formations = report.counts("formations");
    assert_eq!(formations.inserted, 13_356 + 4_113, "{report}");
    assert_eq!(formations.unchanged, 896 + 461 + 93, "{report}");

    let near = store
        .formations_near(
            GeoPoint::new(IUT_ORLEANS.0, IUT_ORLEANS.1).unwrap(),
            0.5,
            &[],
            &[],
            50,
        )
        .await
        .unwrap();
    let but = near
        .iter()
        .find(|f| f.formation.intitule == "BUT - Chimie")
        .unwrap();
    assert_eq!(but.formation.organisme_uai.as_deref(), Some("0450092F"));
    assert_eq!(but.formation.source, "esr-parcoursup");
    assert_eq!(but.action.modalite, "initiale");
    assert_eq!(
        but.action.lieu_commune_insee, None,
        "communes non importées"
    );
    // Matched by UAI with the directory's organisation.
    let of_iut = store.formations_of_organisation(iut.id).await.unwrap();
    assert!(of_iut.iter().any(|f| f.id == but.formation.id));
    assert_eq!(
        report.counts("liens vers l'annuaire").inserted,
        of_iut.len() as u64
    );

    // With the communes imported, a new pass places each programme.
    let geo = data.join("geo");
    import_communes(
        &store,
        &geo.join("decoupage-administratif-6.0.0/communes.json.gz"),
        &geo.join("laposte_hexasmal_2020-04.csv.gz"),
    )
    .await
    .unwrap();
    let placed = import_esr(&store, &esr).await.unwrap();
    assert_eq!(placed.counts("formations").inserted, 0);
    assert!(placed.counts("actions").updated > 10_000, "{placed}");
    let page = store.formation(&but.formation.id).await.unwrap();
    let action = &page.actions[0].action;
    assert_eq!(action.lieu_departement.as_deref(), Some("45"));
    assert!(
        action
            .lieu_commune_insee
            .as_deref()
            .is_some_and(|c| c.starts_with("45"))
    );

    let masters = store
        .formations_near(GeoPoint::new(47.39, 0.69).unwrap(), 10.0, &[], &[], 1000)
        .await
        .unwrap();
    assert!(masters.iter().all(|m| m.distance_km <= 10.0));
    assert!(
        masters
            .windows(2)
            .all(|w| w[0].distance_km <= w[1].distance_km)
    );

    let again = import_esr(&store, &esr).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
}
