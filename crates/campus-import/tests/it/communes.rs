//! The communes import on the real geographic code and La Poste base.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_import::import_communes;
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn communes_with_postal_codes_and_coordinates() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let Some(data) = national_data("communes et codes postaux nationaux") else {
        return;
    };
    let geo = data.join("geo");
    let cog = geo.join("decoupage-administratif-6.0.0/communes.json.gz");
    let laposte = geo.join("laposte_hexasmal_2020-04.csv.gz");

    let report = import_communes(&store, &cog, &laposte).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(report.counts("communes").total(), 37590);
    // Communes created after 2020 have no La Poste coordinates: kept, listed.
    assert!(
        !report.unresolved.is_empty() && report.unresolved.len() < 1000,
        "{}",
        report.unresolved.len()
    );

    let current = store.current_communes().await.unwrap();
    let of_code = |code: &str| {
        current
            .iter()
            .filter(|(_, codes)| codes.iter().any(|c| c == code))
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
    };
    let orleans = of_code("45000");
    assert_eq!(orleans.len(), 1);
    assert_eq!(orleans[0].nom, "Orléans");
    assert!(orleans[0].latitude.is_some());
    let tours = of_code("37000");
    assert_eq!(tours[0].nom, "Tours");
    assert_eq!(tours[0].departement.as_deref(), Some("37"));
    assert!(current.iter().all(|(c, _)| c.kind == "commune-actuelle"));

    let again = import_communes(&store, &cog, &laposte).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
}
