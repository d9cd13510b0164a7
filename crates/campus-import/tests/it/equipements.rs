//! `campus import equipements FILE`: a list of the technology platform's
//! equipment imported all or nothing, owners found in the directory by
//! name or SIRET, equipment of the same name updated, a second import
//! changing nothing, and a list with one bad line storing nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use campus_import::import_equipements;
use campus_store::Store;
use campus_testkit::TestDb;

fn sample() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/it/equipements.csv"
    ))
}

async fn store() -> (TestDb, Store) {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    store.load_demo_if_empty().await.unwrap();
    (db, store)
}

#[tokio::test]
async fn a_list_is_imported_once_and_updates_what_it_names() {
    let (_db, store) = store().await;
    let before = store.equipements().list_equipements().await.unwrap().len();
    let report = import_equipements(&store, sample()).await.unwrap();
    let counts = report.counts("equipements");
    assert_eq!(
        (counts.inserted, counts.updated, counts.unchanged),
        (3, 1, 0),
        "{report}"
    );
    let list = store.equipements().list_equipements().await.unwrap();
    assert_eq!(list.len(), before + 3);
    let texture = list
        .iter()
        .find(|e| e.nom == "Analyseur de texture")
        .unwrap();
    assert_eq!(texture.organisation_nom, "Servier");
    assert_eq!(texture.tarif_industriel_centimes, 7_050);
    assert!(texture.description.contains('\n') && texture.approbation_requise);
    // Owners given by SIRET.
    let microscope = list
        .iter()
        .find(|e| e.nom.starts_with("Microscope"))
        .unwrap();
    assert!(microscope.organisation_nom.starts_with("IMT"));
    let rheometre = store
        .equipements()
        .equipement_by_slug("rheometre-rotatif-a-contrainte-imposee")
        .await
        .unwrap();
    assert_eq!(rheometre.tarif_academique_centimes, 4_000);
    assert_eq!(rheometre.version, 2);

    // Twice: nothing changes.
    let again = import_equipements(&store, sample()).await.unwrap();
    let counts = again.counts("equipements");
    assert_eq!(
        (counts.inserted, counts.updated, counts.unchanged),
        (0, 0, 4)
    );
}

#[tokio::test]
async fn one_bad_line_and_nothing_is_stored() {
    let (_db, store) = store().await;
    let before = store.equipements().list_equipements().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.csv");
    let mut text = std::fs::read_to_string(sample()).unwrap();
    text.push_str(
        "Lyophilisateur;formulation;Laboratoire inconnu;Tours;Séchage à froid.;;;oui;20;60;lun-ven;08:00;18:00;non\n",
    );
    std::fs::write(&path, text).unwrap();
    let err = import_equipements(&store, &path)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "liste.csv:7: organisation : « Laboratoire inconnu » n'est pas dans l'annuaire"
        ),
        "{err}"
    );
    assert_eq!(
        store.equipements().list_equipements().await.unwrap(),
        before
    );
    // A line the form would refuse is refused before the store is asked.
    std::fs::write(
        &path,
        "nom;categorie;organisation;site;description;capacites;regles_securite;habilitation_requise;tarif_academique;tarif_industriel;jours;ouverture;fermeture;approbation_requise\n\
         Lyophilisateur;formulation;Servier;Tours;Séchage à froid.;;;oui;vingt;60;lun-ven;08:00;07:00;non\n",
    )
    .unwrap();
    let err = import_equipements(&store, &path)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("liste.csv:2: tarif_academique « vingt »"),
        "{err}"
    );
    assert!(err.contains("liste.csv:2: fermeture « 07:00 »"), "{err}");
    assert_eq!(
        store.equipements().list_equipements().await.unwrap(),
        before
    );
}
