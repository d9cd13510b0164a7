//! The lycées' vocational programmes (Affelnet 2022) on the national data:
//! placed at their school, with their diploma's fiches, places and first
//! wishes, and used by the training paths like any offer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeSet, HashSet};

use campus_import::import_affelnet;
use campus_testkit::national_data;

use crate::parcours::{catalogue, engine};

/// The schools of Centre-Val de Loire (UAI of départements 18, 28, 36,
/// 37, 41, 45).
fn in_region(uai: &str) -> bool {
    ["018", "028", "036", "037", "041", "045"]
        .iter()
        .any(|d| uai.starts_with(d))
}

#[tokio::test]
async fn lycee_programmes_are_placed_at_their_school_with_their_places() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let cap = store
        .formation("affelnet:0370053G-23210020101")
        .await
        .unwrap();
    assert_eq!(
        cap.formation.intitule,
        "CAP Conducteur d'installations de production"
    );
    assert_eq!(
        cap.formation.organisme_nom,
        "Lycee professionnel Gustave Eiffel"
    );
    assert_eq!(cap.formation.niveau_sortie, Some(3));
    let codes: BTreeSet<(String, String)> = cap
        .codes
        .iter()
        .map(|c| (c.kind.clone(), c.code.clone()))
        .collect();
    assert!(
        codes.contains(&("cfd".to_owned(), "50020101".to_owned())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("rncp".to_owned(), "RNCP36429".to_owned())),
        "{codes:?}"
    );
    let action = &cap.actions[0].action;
    assert_eq!(
        (action.capacite, action.premiers_voeux, action.campagne),
        (Some(15), Some(4), Some(2022))
    );
    assert_eq!(action.modalite, "initiale");
    assert_eq!(action.lieu_departement.as_deref(), Some("37"));
    assert!(
        action
            .latitude
            .is_some_and(|lat| (47.0..47.6).contains(&lat)),
        "{action:?}"
    );

    // Entering the bac pro in its second year (première professionnelle)
    // at the LP André Ampère of Vendôme, placed through Parcoursup.
    let bac = store
        .formation("affelnet:0410031L-23820020102")
        .await
        .unwrap();
    assert_eq!(
        bac.formation.intitule,
        "Bac pro Pilote de ligne de production (entrée en 2e année sur 3)"
    );
    assert!(bac.codes.iter().any(|c| c.code == "RNCP36428"));
    assert_eq!(bac.actions[0].action.capacite, Some(15));
}

#[tokio::test]
async fn the_report_names_the_schools_it_could_not_place_and_a_second_run_changes_nothing() {
    let Some(data) = national_data("Affelnet : établissements non placés") else {
        return;
    };
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let report = import_affelnet(
        &store,
        &data.join("orion/attractivite_capacite_2022.csv.gz"),
        &data.join("bcn/nMef.csv.gz"),
    )
    .await
    .unwrap();
    for (table, counts) in &report.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }
    let unplaced: HashSet<String> = report
        .unresolved
        .iter()
        .filter_map(|e| {
            let text = e.to_string();
            let uai = text.split("établissement ").nth(1)?.get(..8)?.to_owned();
            Some(uai)
        })
        .collect();
    let in_cvl = unplaced.iter().filter(|u| in_region(u)).count();
    // 112 schools of the region offer programmes; 84 have a Parcoursup
    // programme or an apprenticeship organisation at their UAI.
    assert_eq!(in_cvl, 112 - 84, "{unplaced:?}");
    assert!(unplaced.contains("0180823X"), "{unplaced:?}");
}

/// A pupil of Vendôme who wants to run a production line gets the bac pro
/// taught in their town, placed at the lycée: the lycées' programmes are
/// units of the engine like any offer.
#[tokio::test]
async fn the_engine_offers_the_lycees_programmes() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let (_, units) = engine(&store).await;
    let lycee: Vec<_> = units
        .iter()
        .filter(|u| u.id.starts_with("affelnet:0410031L-"))
        .collect();
    assert!(
        lycee
            .iter()
            .any(|u| u.id.ends_with("#RNCP36428") && u.lieu.is_some()),
        "{:?}",
        lycee.iter().map(|u| &u.id).collect::<Vec<_>>()
    );
}
