//! InserJeunes on the national file: every row stored as published, the
//! school programmes joined to their diploma through the BCN, a second
//! import writing nothing, and a file with one bad row refused whole.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_import::{LignesRefusees, import_inserjeunes, import_orion, n_mef_voisin};
use campus_store::{Store, StoreError};
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn outcomes_are_stored_as_published_and_reimported_idempotently() {
    let Some(data) = national_data("InserJeunes") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let file = data.join("inserjeunes/ij_region_data.csv.gz");
    let mef = n_mef_voisin(file.parent().unwrap()).expect("nMef beside the InserJeunes folder");
    let report = import_inserjeunes(&store, &file, &mef).await.unwrap();
    let counts = report.counts("inserjeunes");
    assert_eq!(counts.inserted, 40_322, "{report}");
    assert!(report.rejected.is_empty(), "{report}");

    // A school programme of Centre-Val de Loire, figures as in the file,
    // and its diploma found through N_MEF.
    let row = store
        .devenir_formation("2019_2020", "24", "scolaire", "32221020008")
        .await
        .unwrap();
    assert_eq!(row.effectif_terminale, Some(107));
    assert_eq!(row.sortants, Some(70));
    assert_eq!(row.en_emploi_6, Some(42));
    assert_eq!(row.taux_emploi_6, Some(60));
    assert_eq!(row.taux_emploi_24, Some(77));
    assert_eq!(row.taux_poursuite, Some(35));
    assert!(row.cfd.as_deref().is_some_and(|c| c.len() == 8), "{row:?}");
    // Withheld by the source (under twenty leavers): stays withheld.
    let small = store
        .devenir_formation("2019_2020", "24", "scolaire", "23220025433")
        .await
        .unwrap();
    assert_eq!(small.effectif_terminale, Some(16));
    assert_eq!((small.taux_emploi_6, small.taux_poursuite), (None, None));
    // An apprenticeship row is its own diploma.
    let apprentissage = store
        .devenir_formation("2019_2020", "24", "apprentissage", "32020008")
        .await
        .unwrap();
    assert_eq!(apprentissage.cfd.as_deref(), Some("32020008"));
    assert_eq!(apprentissage.taux_poursuite, Some(14));

    let again = import_inserjeunes(&store, &file, &mef).await.unwrap();
    let counts = again.counts("inserjeunes");
    assert_eq!(
        (
            counts.inserted,
            counts.updated,
            counts.deleted,
            counts.unchanged
        ),
        (0, 0, 0, 40_322),
        "{again}"
    );
}

#[tokio::test]
async fn a_file_with_an_unknown_cohort_changes_nothing() {
    let Some(data) = national_data("InserJeunes") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let dir = std::env::temp_dir().join(format!("campus-ij-refus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let header = "id;millesime;code_region_ij;code_region;voie;cfd;mefstat11;nb_annee_term;nb_en_emploi_12_mois;nb_en_emploi_18_mois;nb_en_emploi_24_mois;nb_en_emploi_6_mois;nb_poursuite_etudes;nb_sortant;taux_emploi_12_mois;taux_emploi_18_mois;taux_emploi_24_mois;taux_emploi_6_mois;taux_poursuite_etudes\n";
    let good = dir.join("bon.csv");
    std::fs::write(
        &good,
        format!("{header}x;2021_2022;04;24;apprentissage;32020008;;21;16;12;13;11;3;18;;;;;14\n"),
    )
    .unwrap();
    let mef = data.join("bcn/nMef.csv.gz");
    import_inserjeunes(&store, &good, &mef).await.unwrap();

    let bad = dir.join("mauvais.csv");
    std::fs::write(
        &bad,
        format!(
            "{header}x;2021_2022;04;24;apprentissage;32020008;;99;16;12;13;11;3;18;;;;;14\n\
             x;2031_2032;04;24;apprentissage;32020009;;17;4;6;6;5;8;9;;;;;\n"
        ),
    )
    .unwrap();
    let error = import_inserjeunes(&store, &bad, &mef).await.unwrap_err();
    let refus = error
        .downcast_ref::<LignesRefusees>()
        .expect("lines refused");
    assert_eq!(refus.0.len(), 1, "{error}");
    let message = error.to_string();
    assert!(message.contains("mauvais.csv:3"), "{message}");
    assert!(
        message.contains("millésime inconnu « 2031_2032 »"),
        "{message}"
    );
    // The first, good, line of the refused file was not stored either.
    let kept = store
        .devenir_formation("2021_2022", "24", "apprentissage", "32020008")
        .await
        .unwrap();
    assert_eq!(kept.effectif_terminale, Some(21));
    assert!(matches!(
        store
            .devenir_formation("2031_2032", "24", "apprentissage", "32020009")
            .await,
        Err(StoreError::NotFound)
    ));

    // A file without the expected columns: the error names the column.
    let columns = dir.join("colonnes.csv");
    std::fs::write(&columns, "id;millesime;code_region\nx;2021_2022;24\n").unwrap();
    let message = import_inserjeunes(&store, &columns, &mef)
        .await
        .unwrap_err()
        .to_string();
    assert!(message.contains("colonne « voie » absente"), "{message}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn orion_counts_are_stored_per_school_and_programme() {
    let Some(data) = national_data("Orion") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let dir = data.join("orion");
    let mef = n_mef_voisin(&dir).unwrap();
    let report = import_orion(&store, &dir, &mef).await.unwrap();
    assert!(report.rejected.is_empty(), "{report}");
    assert!(report.counts("orion").inserted > 60_000, "{report}");
    // Parcoursup 2024, as in the file.
    let bts = store
        .ligne_orion(
            "parcoursup_bts",
            2024,
            "0711782B",
            "32212031202",
            "apprentissage",
        )
        .await
        .unwrap();
    assert_eq!((bts.capacite, bts.voeux), (Some(8), Some(54)));
    assert_eq!(bts.cfd.as_deref().map(str::len), Some(8));
    // The constat de rentrée 2020.
    let constat = store
        .ligne_orion("constat", 2020, "0750330B", "32211022207", "scolaire")
        .await
        .unwrap();
    assert_eq!(constat.effectif, Some(83));
    // Affelnet 2022: places and first wishes of a lycée programme.
    let affelnet = store
        .ligne_orion("affelnet", 2022, "0010001W", "23210023446", "scolaire")
        .await
        .unwrap();
    assert_eq!((affelnet.capacite, affelnet.voeux), (Some(15), Some(6)));

    let again = import_orion(&store, &dir, &mef).await.unwrap();
    let counts = again.counts("orion");
    assert_eq!((counts.inserted, counts.updated, counts.deleted), (0, 0, 0));
}

#[tokio::test]
async fn sector_trainings_of_the_region_beside_the_region_and_the_country() {
    use campus_domain::evaluation::devenir::{ClasseEffectif, comparer};
    use campus_domain::evaluation::secret::Taux;

    let Some(data) = national_data("InserJeunes et BCN") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    campus_import::import_bcn(&store, &data.join("bcn"))
        .await
        .unwrap();
    let file = data.join("inserjeunes/ij_region_data.csv.gz");
    import_inserjeunes(&store, &file, &data.join("bcn/nMef.csv.gz"))
        .await
        .unwrap();
    let lignes = store.lignes_devenir().await.unwrap();
    // NSF 222: transformations chimiques et apparentées.
    let comparaisons = comparer(&lignes, "24", |l| {
        l.nsf.as_deref().is_some_and(|n| n.starts_with("222"))
    });
    // BTS Bioanalyses et contrôle at school, leavers of 2021-2022 in
    // Centre-Val de Loire: 26 of 30 in work after 12 months; in the
    // country 706 of 1 036.
    let bts = comparaisons
        .iter()
        .find(|c| {
            c.cfd == "32022207"
                && c.voie.as_str() == "scolaire"
                && c.millesime.code() == "2021_2022"
        })
        .expect("BTS Bioanalyses et contrôle");
    assert_eq!(bts.classe, ClasseEffectif::De50A99);
    assert_eq!(bts.niveau, Some(5));
    let emploi = bts.emploi[1];
    assert_eq!(emploi.formation, Taux::Pourcentage(2600.0 / 30.0));
    assert_eq!(emploi.national, Taux::Pourcentage(70600.0 / 1036.0));
    assert!(matches!(emploi.region_niveau, Taux::Pourcentage(_)));
    assert!(emploi.points_national().is_some_and(|p| p > 18.0));
    // Its apprenticeship route had 14 leavers: no rate is published.
    let apprentis = comparaisons
        .iter()
        .find(|c| {
            c.cfd == "32022207"
                && c.voie.as_str() == "apprentissage"
                && c.millesime.code() == "2021_2022"
        })
        .unwrap();
    assert_eq!(apprentis.emploi[1].formation, Taux::NonDiffusable);
    assert_eq!(apprentis.classe, ClasseEffectif::De5A19);
}
