//! The LHÉO import on the real offer files of `../shared/data/lheo`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::{CodeCertification, GeoPoint, OrganisationKind, Siret};
use campus_import::import_lheo;
use campus_store::Store;
use campus_store::organisations::OrganisationInput;
use campus_testkit::{TestDb, national_data};

/// The embedded subset of the referentials, unpacked once for the tests:
/// small real extracts that a fresh clone has too.
fn sous_ensemble() -> std::path::PathBuf {
    campus_import::SousEnsemble::embedded()
        .cached(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")))
        .unwrap()
}

const ETOILE: &str = "etoile-centre_07_10_titre-pro-plaquiste_lheo22.xml";

async fn store() -> (TestDb, Store) {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    (db, store)
}

/// The AFPA's regional directorate, the body responsible for the Étoile
/// offer, as the directory would hold it.
async fn afpa(store: &Store) -> i32 {
    let input = OrganisationInput {
        nom: "AFPA Centre-Val de Loire".to_owned(),
        kind: OrganisationKind::OrganismeFormation,
        siret: Some(Siret::parse("82422814200660").unwrap()),
        uai: None,
        description: String::new(),
        adresse: None,
        code_postal: None,
        commune: None,
        departement: None,
        site_web: None,
        email_contact: None,
    };
    store.create_organisation(input, None).await.unwrap().id
}

#[tokio::test]
async fn samples_with_their_actions_sessions_and_links() {
    let (_db, store) = store().await;
    let organisation = afpa(&store).await;
    let Some(data) = national_data("les quatre échantillons LHÉO") else {
        return;
    };
    let samples = data.join("lheo/samples");

    let report = import_lheo(&store, &samples).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    // Without the ROME referential, the trades named by the offers (F1604,
    // A1402, D1402, D1403, D1408) are kept and listed.
    assert_eq!(report.unresolved.len(), 5, "{report}");
    assert!(
        report.unresolved[0].to_string().contains("fiche ROME"),
        "{report}"
    );
    assert_eq!(report.counts("formations").inserted, 4);
    assert_eq!(report.counts("actions").inserted, 5);
    assert_eq!(report.counts("sessions").inserted, 5);
    assert_eq!(report.counts("liens vers l'annuaire").inserted, 1);

    let page = store.formation("lheo:07_10").await.unwrap();
    assert_eq!(page.formation.intitule, "Titre professionnel plaquiste");
    assert_eq!(page.formation.niveau_sortie, Some(3));
    assert_eq!(page.organisation.as_ref().map(|o| o.id), Some(organisation));
    assert_eq!(page.actions.len(), 2);
    let veigne = &page.actions[0];
    assert_eq!(veigne.action.lieu_ville.as_deref(), Some("Veigné"));
    assert_eq!(veigne.action.lieu_commune_insee.as_deref(), Some("37266"));
    assert_eq!(veigne.action.modalite, "continue");
    assert_eq!(veigne.sessions.len(), 1);
    assert_eq!(veigne.sessions[0].debut.as_deref(), Some("2017-12-04"));
    assert_eq!(
        veigne
            .financeurs
            .iter()
            .map(|f| f.code.as_str())
            .collect::<Vec<_>>(),
        ["10", "5"]
    );
    assert_eq!(
        page.contact.as_ref().and_then(|c| c.courriel.as_deref()),
        Some("nadia.buffet@afpa.fr")
    );

    let of_organisation = store
        .formations_of_organisation(organisation)
        .await
        .unwrap();
    assert_eq!(of_organisation.len(), 1);
    let rncp320 = CodeCertification::parse("RNCP320").unwrap();
    let preparing = store.formations_of_certification(&rncp320).await.unwrap();
    assert_eq!(preparing[0].id, "lheo:07_10");

    // Tours: Veigné is about 13 km away, Toulouse and Quimperlé far.
    let near = store
        .formations_near(GeoPoint::new(47.394, 0.685).unwrap(), 30.0, &[], &[], 10)
        .await
        .unwrap();
    assert_eq!(near.len(), 1, "{near:?}");
    assert!(
        (near[0].distance_km - 13.0).abs() < 4.0,
        "{}",
        near[0].distance_km
    );
    let other_rome = store
        .formations_near(
            GeoPoint::new(47.394, 0.685).unwrap(),
            30.0,
            &[campus_domain::CodeRome::parse("H2301").unwrap()],
            &[],
            10,
        )
        .await
        .unwrap();
    assert!(other_rome.is_empty());

    let again = import_lheo(&store, &samples).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
    assert_eq!(again.counts("formations").unchanged, 4);
}

#[tokio::test]
async fn a_newer_file_updates_in_place_and_keeps_the_link() {
    let (_db, store) = store().await;
    let organisation = afpa(&store).await;
    let original = sous_ensemble().join("lheo/samples").join(ETOILE);
    import_lheo(&store, &original).await.unwrap();

    // The publisher renames the training and withdraws its second action.
    let text = std::fs::read_to_string(&original).unwrap();
    let second = text.find("<action numero=\"07_123324\"").unwrap();
    let end = text[second..].find("</action>").unwrap() + second + "</action>".len();
    let newer = format!("{}{}", &text[..second], &text[end..]).replace(
        "Titre professionnel plaquiste",
        "Plaquiste (titre professionnel)",
    );
    let dir = tempdir("newer");
    let path = dir.join("offre.xml");
    std::fs::write(&path, newer).unwrap();

    let report = import_lheo(&store, &path).await.unwrap();
    assert_eq!(report.counts("formations").updated, 1, "{report}");
    let page = store.formation("lheo:07_10").await.unwrap();
    assert_eq!(page.formation.intitule, "Plaquiste (titre professionnel)");
    assert_eq!(page.actions.len(), 1);
    assert_eq!(page.organisation.map(|o| o.id), Some(organisation));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_broken_file_changes_nothing() {
    let (_db, store) = store().await;
    let dir = tempdir("broken");
    std::fs::copy(
        sous_ensemble().join("lheo/samples").join(ETOILE),
        dir.join("a.xml"),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.xml"),
        "<?xml version=\"1.0\"?>\n<lheo xmlns=\"http://lheo.gouv.fr/2.3\">\n<offres>\n<formation numero=\"x\">\n  <intitule-formation>x</contenu-formation>",
    )
    .unwrap();
    let error = import_lheo(&store, &dir).await.unwrap_err().to_string();
    assert!(error.contains("b.xml:5:"), "{error}");
    assert!(matches!(
        store.formation("lheo:07_10").await,
        Err(campus_store::StoreError::NotFound)
    ));
    std::fs::remove_dir_all(dir).unwrap();
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "campus-lheo-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
