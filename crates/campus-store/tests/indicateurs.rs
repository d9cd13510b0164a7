//! The registry of indicators on the database of the test run (SQLite,
//! or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`): defaults seeded once,
//! edits kept as versions, concurrent edits refused, targets and
//! commentaries, bad input changing nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::ManualClock;
use campus_domain::evaluation::indicateur::{Cible, CodeIndicateur, Fiche, SaisieFiche};
use campus_domain::evaluation::registre::{INDICATEURS_PAR_DEFAUT, Levier};
use campus_store::{Store, StoreError};
use campus_testkit::TestDb;
use chrono::Duration;

async fn store() -> (Store, TestDb, ManualClock) {
    let db = TestDb::new().await;
    let clock = campus_testkit::test_clock();
    let store = Store::connect(&db.url, 4)
        .await
        .unwrap()
        .with_clock(clock.clone().into());
    store.migrate().await.unwrap();
    (store, db, clock)
}

fn fiche(nom: &str, formule: &str) -> Fiche {
    Fiche::parse(&SaisieFiche {
        nom: nom.into(),
        definition: "Nombre d'offres publiées dans l'année.".into(),
        formule: formule.into(),
        unite: "offres".into(),
        denominateur: String::new(),
        ventilations: vec!["annee".into(), "metier".into()],
        sens: "hausse".into(),
    })
    .unwrap()
}

fn code(text: &str) -> CodeIndicateur {
    CodeIndicateur::parse(text).unwrap()
}

#[tokio::test]
async fn defaults_are_seeded_once() {
    let (store, _db, _) = store().await;
    let list = store.indicateurs().list().await.unwrap();
    assert_eq!(list.len(), INDICATEURS_PAR_DEFAUT.len());
    assert!(
        list.iter()
            .all(|i| i.indicateur.version == 1 && i.retire_le.is_none())
    );
    let delai = list
        .iter()
        .find(|i| i.indicateur.code.as_str() == "L2-DELAI")
        .unwrap();
    assert!(delai.indicateur.fiche.definition.contains("Médiane"));
    // Migrating again (a restart) adds nothing, even after a retirement.
    store.indicateurs().retire(&code("L2-DELAI")).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(
        store.indicateurs().list().await.unwrap().len(),
        INDICATEURS_PAR_DEFAUT.len()
    );
    assert!(
        store
            .indicateurs()
            .get(&code("L2-DELAI"))
            .await
            .unwrap()
            .courant
            .retire_le
            .is_some(),
        "a retired default stays retired"
    );
}

/// A registry from before a default was shipped (its code never held)
/// gets it at the next start, and only it.
#[tokio::test]
async fn a_default_shipped_later_is_added_at_the_next_start() {
    use sea_orm::{ConnectionTrait, Database};

    let (store, db, _) = store().await;
    let conn = Database::connect(&db.url).await.unwrap();
    for table in ["indicateur_cibles", "indicateur_versions", "indicateurs"] {
        conn.execute_unprepared(&format!(
            "DELETE FROM {table} WHERE code = 'L3-PARCOURS-PLAN'"
        ))
        .await
        .unwrap();
    }
    conn.close().await.unwrap();
    assert_eq!(
        store.indicateurs().list().await.unwrap().len(),
        INDICATEURS_PAR_DEFAUT.len() - 1
    );
    store
        .indicateurs()
        .update(
            &code("L1-ATELIERS"),
            1,
            &fiche("Ateliers tenus", "compte(offres)"),
            None,
        )
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let list = store.indicateurs().list().await.unwrap();
    assert_eq!(list.len(), INDICATEURS_PAR_DEFAUT.len());
    let plan = list
        .iter()
        .find(|i| i.indicateur.code.as_str() == "L3-PARCOURS-PLAN")
        .unwrap();
    assert_eq!(plan.indicateur.version, 1);
    let ateliers = list
        .iter()
        .find(|i| i.indicateur.code.as_str() == "L1-ATELIERS")
        .unwrap();
    assert_eq!(ateliers.indicateur.version, 2, "the team's edit is kept");
}

#[tokio::test]
async fn an_edit_is_a_new_version_and_history_is_kept() {
    let (store, _db, clock) = store().await;
    let h = store.indicateurs();
    let c = code("L2-OFFRES-CDI");
    h.create(
        &c,
        Levier::Insertion,
        &fiche("Offres en CDI", "compte(offres)"),
        None,
    )
    .await
    .unwrap();
    let avant = clock.now();
    clock.advance(Duration::days(30));
    let v2 = h
        .update(
            &c,
            1,
            &fiche(
                "Offres en CDI ouvertes",
                "compte(offres[etat = \"ouverte\"])",
            ),
            None,
        )
        .await
        .unwrap();
    assert_eq!(v2, 2);
    let histoire = h.get(&c).await.unwrap();
    assert_eq!(histoire.courant.indicateur.version, 2);
    assert_eq!(
        histoire.courant.indicateur.fiche.nom,
        "Offres en CDI ouvertes"
    );
    assert_eq!(
        histoire
            .versions
            .iter()
            .map(|v| v.version)
            .collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert_eq!(histoire.versions[1].fiche.nom, "Offres en CDI");
    // The definition in force at each instant.
    let alors = h.version_en_vigueur(&c, avant).await.unwrap().unwrap();
    assert_eq!(alors.version, 1);
    assert_eq!(alors.fiche.formule.to_string(), "compte(offres)");
    let maintenant = h
        .version_en_vigueur(&c, clock.now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(maintenant.version, 2);
    assert!(
        h.version_en_vigueur(&c, avant - Duration::days(1))
            .await
            .unwrap()
            .is_none()
    );

    // The second editor, who read version 1 too, is refused.
    let err = h
        .update(&c, 1, &fiche("Autre", "compte(offres)"), None)
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert_eq!(h.get(&c).await.unwrap().versions.len(), 2);

    // A code is taken once.
    let err = h
        .create(
            &c,
            Levier::Insertion,
            &fiche("Doublon", "compte(offres)"),
            None,
        )
        .await
        .unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert_eq!(h.get(&c).await.unwrap().courant.indicateur.version, 2);
}

#[tokio::test]
async fn concurrent_edits_one_wins() {
    let (store, _db, _) = store().await;
    let c = code("L1-ATELIERS");
    let a = fiche("Édition A", "compte(offres)");
    let b = fiche("Édition B", "compte(offres)");
    let h = store.indicateurs();
    let (ra, rb) = tokio::join!(h.update(&c, 1, &a, None), h.update(&c, 1, &b, None));
    assert_eq!(
        [ra.is_ok(), rb.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "{ra:?} {rb:?}"
    );
    let h = store.indicateurs().get(&c).await.unwrap();
    assert_eq!(h.versions.len(), 2);
}

#[tokio::test]
async fn retire_and_restore() {
    let (store, _db, _) = store().await;
    let h = store.indicateurs();
    let c = code("L5-HEURES");
    h.retire(&c).await.unwrap();
    h.retire(&c).await.unwrap();
    let retire = h.get(&c).await.unwrap().courant;
    assert!(retire.retire_le.is_some());
    h.restore(&c).await.unwrap();
    assert!(h.get(&c).await.unwrap().courant.retire_le.is_none());
    assert!(matches!(
        h.retire(&code("L5-INCONNU")).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn targets_per_year() {
    let (store, _db, _) = store().await;
    let h = store.indicateurs();
    let c = code("L7-PART");
    h.set_cible(&c, 2026, Cible::parse("8").unwrap())
        .await
        .unwrap();
    h.set_cible(&c, 2027, Cible::parse("9,5").unwrap())
        .await
        .unwrap();
    h.set_cible(&c, 2026, Cible::parse("8,5").unwrap())
        .await
        .unwrap();
    let cibles: Vec<(i32, f64)> = h
        .cibles(&c)
        .await
        .unwrap()
        .into_iter()
        .map(|(a, c)| (a, c.valeur()))
        .collect();
    assert_eq!(cibles, vec![(2026, 8.5), (2027, 9.5)]);
    assert_eq!(h.cibles_annee(2027).await.unwrap()["L7-PART"].valeur(), 9.5);
    assert!(h.clear_cible(&c, 2027).await.unwrap());
    assert!(!h.clear_cible(&c, 2027).await.unwrap());
    assert_eq!(h.cibles(&c).await.unwrap().len(), 1);
    // An unknown indicator gets no target.
    assert!(matches!(
        h.set_cible(&code("L7-INCONNU"), 2026, Cible::parse("1").unwrap())
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(h.cibles(&code("L7-INCONNU")).await.unwrap().is_empty());
}

#[tokio::test]
async fn commentaries_per_year_and_lever() {
    let (store, _db, _) = store().await;
    let h = store.indicateurs();
    h.set_commentaires(
        2026,
        &[
            (Levier::Attractivite, Some("Une année de visites.".into())),
            (Levier::Insertion, None),
        ],
        None,
    )
    .await
    .unwrap();
    h.set_commentaires(
        2026,
        &[(Levier::Insertion, Some("Plus d'offres.".into()))],
        None,
    )
    .await
    .unwrap();
    let c = h.commentaires(2026).await.unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].levier, Levier::Attractivite);
    assert_eq!(c[1].texte, "Plus d'offres.");
    h.set_commentaires(2026, &[(Levier::Attractivite, None)], None)
        .await
        .unwrap();
    assert_eq!(h.commentaires(2026).await.unwrap().len(), 1);
    assert!(h.commentaires(2025).await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_input_changes_nothing() {
    let (store, _db, _) = store().await;
    let h = store.indicateurs();
    let avant = h.list().await.unwrap();
    // A code of another lever.
    assert!(
        h.create(
            &code("L3-AUTRE"),
            Levier::Attractivite,
            &fiche("Autre", "compte(offres)"),
            None
        )
        .await
        .is_err()
    );
    // An edit of an unknown indicator, or from a version never read.
    assert!(matches!(
        h.update(&code("L3-AUTRE"), 1, &fiche("X", "compte(offres)"), None)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        h.update(&code("L3-MODULES"), 7, &fiche("X", "compte(offres)"), None)
            .await
            .unwrap_err()
            .is_conflict()
    );
    assert_eq!(h.list().await.unwrap(), avant);
}
