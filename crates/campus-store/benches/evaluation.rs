//! The evaluation dashboard over a year of a large campus, on the database
//! of `CAMPUS_TEST_DATABASE_URL` (PostgreSQL) or a fresh SQLite file.
//!
//! The year 2030 is written straight into the tables, in one transaction:
//! 1 000 events and 100 000 registrations to them (with 20 000 survey
//! answers), 20 000 equipment bookings, 500 offers and 5 000 applications,
//! 500 projects, 2 000 learner accounts and 200 organisations, over the
//! demonstration data. Then, in the same run:
//! - baseline: `SELECT COUNT(*)` of the registrations;
//! - the dashboard as it was first computed, indicator by indicator: each
//!   default indicator for 2030, then its series over the years;
//! - the dashboard as the pages compute it: the series of every dated
//!   indicator in one pass per record kind (the year's figure is its
//!   line), and the stocks;
//! - one indicator's page: participants year by year, each year broken
//!   down by departement, in one pass;
//! - the years a page offers to pick (`annees()`).
//!
//! `bench/evaluation.sh` runs it on both backends.

// A benchmark that cannot set up its database has nothing to measure.
#![allow(clippy::expect_used, clippy::panic)]

use std::time::Instant;

use campus_domain::Sector;
use campus_domain::evaluation::formule::Formule;
use campus_domain::evaluation::registre::{INDICATEURS_PAR_DEFAUT, REGISTRE, Ventilation};
use campus_store::Store;
use campus_store::entity::{
    candidature, equipement, equipement_reservation, evenement, evenement_avis,
    evenement_inscription, offre, organisation, projet, user,
};
use campus_testkit::TestDb;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, Database, EntityTrait, Set, Statement, TransactionTrait,
};

const ANNEE: i32 = 2030;
const EVENEMENTS: usize = 1_000;
const INSCRIPTIONS: usize = 100_000;
const AVIS: usize = 20_000;
const RESERVATIONS: usize = 20_000;
const OFFRES: usize = 500;
const CANDIDATURES: usize = 5_000;
const PROJETS: usize = 500;
const APPRENANTS: usize = 2_000;
const ORGANISATIONS: usize = 200;
const LOT: usize = 500;
const DEPARTEMENTS: [&str; 6] = ["18", "28", "36", "37", "41", "45"];

/// The `i`-th instant of the year, spread over it.
fn instant(i: usize, n: usize) -> DateTime<Utc> {
    let debut = Utc
        .with_ymd_and_hms(ANNEE, 1, 1, 8, 0, 0)
        .single()
        .expect("début d'année");
    debut + Duration::minutes((i as i64 * 525_000) / n.max(1) as i64)
}

/// Inserts `modeles` by batches.
async fn inserer<A, C>(c: &C, modeles: Vec<A>)
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let mut reste = modeles;
    while !reste.is_empty() {
        let lot: Vec<A> = reste.drain(..LOT.min(reste.len())).collect();
        <A::Entity as EntityTrait>::insert_many(lot)
            .exec_without_returning(c)
            .await
            .expect("insertion");
    }
}

async fn ids<E: EntityTrait>(c: &impl ConnectionTrait, id: impl Fn(E::Model) -> i32) -> Vec<i32> {
    E::find()
        .all(c)
        .await
        .expect("lecture")
        .into_iter()
        .map(id)
        .collect()
}

async fn generer(url: &str) {
    let db = Database::connect(url).await.expect("connexion");
    let txn = db.begin().await.expect("transaction");
    let t0 = instant(0, 1);
    inserer(
        &txn,
        (0..ORGANISATIONS)
            .map(|i| organisation::ActiveModel {
                slug: Set(format!("banc-org-{i}")),
                nom: Set(format!("Organisation {i}")),
                kind: Set(
                    ["entreprise", "etablissement_scolaire", "laboratoire"][i % 3].to_owned(),
                ),
                description: Set(String::new()),
                departement: Set(Some(DEPARTEMENTS[i % 6].to_owned())),
                origine: Set(if i % 4 == 0 {
                    "catalogue_apprentissage"
                } else {
                    "reseau"
                }
                .to_owned()),
                pays: Set("FR".to_owned()),
                created_at: Set(t0),
                updated_at: Set(t0),
                ..Default::default()
            })
            .collect(),
    )
    .await;
    let orgs = ids::<organisation::Entity>(&txn, |o| o.id).await;
    inserer(
        &txn,
        (0..APPRENANTS)
            .map(|i| user::ActiveModel {
                email: Set(format!("banc-{i}@exemple.test")),
                display_name: Set(format!("Apprenant {i}")),
                role: Set("apprenant".to_owned()),
                statut: Set(Some(["lyceen", "apprenti", "etudiant"][i % 3].to_owned())),
                locale: Set("fr".to_owned()),
                created_at: Set(instant(i, APPRENANTS)),
                updated_at: Set(instant(i, APPRENANTS)),
                ..Default::default()
            })
            .collect(),
    )
    .await;
    let users = ids::<user::Entity>(&txn, |u| u.id).await;
    inserer(
        &txn,
        (0..EVENEMENTS)
            .map(|i| {
                let debut = instant(i, EVENEMENTS);
                evenement::ActiveModel {
                    slug: Set(format!("banc-evenement-{i}")),
                    organisation_id: Set(orgs[i % orgs.len()]),
                    kind: Set(
                        ["atelier_decouverte", "visite_site", "forum_salon"][i % 3].to_owned()
                    ),
                    titre: Set(format!("Événement {i}")),
                    description: Set(String::new()),
                    adresse: Set("1 rue".to_owned()),
                    commune: Set("Orléans".to_owned()),
                    departement: Set(Some(DEPARTEMENTS[i % 6].to_owned())),
                    starts_at: Set(debut),
                    ends_at: Set(debut + Duration::hours(3)),
                    capacity: Set(1_000),
                    seats_taken: Set(0),
                    waiting_count: Set(0),
                    audiences: Set(",lyceens,".to_owned()),
                    romes: Set(",H3301,".to_owned()),
                    clean_room: Set(false),
                    gmp: Set(false),
                    safety_notes: Set(String::new()),
                    created_at: Set(debut),
                    updated_at: Set(debut),
                    ..Default::default()
                }
            })
            .collect(),
    )
    .await;
    let evenements: Vec<i32> = evenement::Entity::find()
        .all(&txn)
        .await
        .expect("événements")
        .into_iter()
        .filter(|e| e.slug.starts_with("banc-"))
        .map(|e| e.id)
        .collect();
    let publics = [
        "lyceens",
        "collegiens",
        "etudiants",
        "apprentis",
        "enseignants",
    ];
    inserer(
        &txn,
        (0..INSCRIPTIONS)
            .map(|i| evenement_inscription::ActiveModel {
                evenement_id: Set(evenements[i % evenements.len()]),
                code: Set(format!("banc-{i}")),
                kind: Set("individuelle".to_owned()),
                nom: Set(format!("Personne {i}")),
                email: Set(format!("p{i}@exemple.test")),
                seats: Set(1 + (i % 3) as i32),
                public: Set(publics[i % publics.len()].to_owned()),
                niveau: Set(String::new()),
                is_minor: Set(i % 2 == 0),
                status: Set(if i % 10 == 0 { "annulee" } else { "confirmee" }.to_owned()),
                checked_in_at: Set((i % 3 != 0).then_some(t0)),
                created_at: Set(t0),
                ..Default::default()
            })
            .collect(),
    )
    .await;
    let inscriptions: Vec<(i32, i32)> = evenement_inscription::Entity::find()
        .all(&txn)
        .await
        .expect("inscriptions")
        .into_iter()
        .filter(|i| i.code.starts_with("banc-"))
        .take(AVIS)
        .map(|i| (i.id, i.evenement_id))
        .collect();
    inserer(
        &txn,
        inscriptions
            .iter()
            .enumerate()
            .map(|(k, &(id, ev))| evenement_avis::ActiveModel {
                inscription_id: Set(id),
                evenement_id: Set(ev),
                rating: Set(1 + (k % 5) as i32),
                recommend: Set(k % 4 != 0),
                comment: Set(String::new()),
                created_at: Set(t0),
            })
            .collect(),
    )
    .await;
    let equipements = ids::<equipement::Entity>(&txn, |e| e.id).await;
    inserer(
        &txn,
        (0..RESERVATIONS)
            .map(|i| {
                let debut = instant(i, RESERVATIONS);
                equipement_reservation::ActiveModel {
                    equipement_id: Set(equipements[i % equipements.len()]),
                    user_id: Set(users[i % users.len()]),
                    organisation_id: Set(Some(orgs[i % orgs.len()])),
                    public: Set("lyceen".to_owned()),
                    tarif: Set("academique".to_owned()),
                    debut: Set(debut),
                    fin: Set(debut + Duration::minutes(90)),
                    minutes: Set(90),
                    quota_minutes: Set(0),
                    periode: Set(format!("{ANNEE}")),
                    statut: Set(if i % 7 == 0 { "annulee" } else { "confirmee" }.to_owned()),
                    objet: Set("banc".to_owned()),
                    created_at: Set(debut),
                    updated_at: Set(debut),
                    ..Default::default()
                }
            })
            .collect(),
    )
    .await;
    inserer(
        &txn,
        (0..OFFRES)
            .map(|i| offre::ActiveModel {
                organisation_id: Set(Some(orgs[i % orgs.len()])),
                source: Set("campus".to_owned()),
                type_offre: Set(["apprentissage", "stage", "cdi"][i % 3].to_owned()),
                intitule: Set(format!("Offre {i}")),
                description: Set(String::new()),
                code_rome: Set(Some("H3301".to_owned())),
                niveau: Set(Some(3 + (i % 4) as i16)),
                commune_nom: Set("Orléans".to_owned()),
                departement: Set(Some(DEPARTEMENTS[i % 6].to_owned())),
                postes: Set(1),
                postes_pourvus: Set(0),
                expire_le: Set(format!("{}-12-31", ANNEE + 1)),
                etat: Set("ouverte".to_owned()),
                version: Set(1),
                created_at: Set(instant(i, OFFRES)),
                updated_at: Set(instant(i, OFFRES)),
                ..Default::default()
            })
            .collect(),
    )
    .await;
    let offres: Vec<i32> = offre::Entity::find()
        .all(&txn)
        .await
        .expect("offres")
        .into_iter()
        .filter(|o| o.intitule.starts_with("Offre "))
        .map(|o| o.id)
        .collect();
    inserer(
        &txn,
        (0..CANDIDATURES)
            .map(|i| {
                let envoi = instant(i, CANDIDATURES);
                candidature::ActiveModel {
                    offre_id: Set(offres[i % offres.len()]),
                    // One application per applicant and offer (unique key):
                    // the applicants of an offer shift by one at each turn.
                    candidat_user_id: Set(Some(users[(i + i / offres.len()) % users.len()])),
                    message: Set(String::new()),
                    etat: Set(["envoyee", "retenue", "non_retenue", "entretien"][i % 4].to_owned()),
                    version: Set(1),
                    relances_recruteur: Set(0),
                    repondue_le: Set((i % 4 != 0).then(|| envoi + Duration::hours(i as i64 % 400))),
                    derniere_activite: Set(envoi),
                    pseudonymisee: Set(false),
                    created_at: Set(envoi),
                    updated_at: Set(envoi),
                    ..Default::default()
                }
            })
            .collect(),
    )
    .await;
    inserer(
        &txn,
        (0..PROJETS)
            .map(|i| projet::ActiveModel {
                slug: Set(format!("banc-projet-{i}")),
                type_projet: Set(
                    ["we_lab", "ecole_recherche", "initiation_recherche"][i % 3].to_owned()
                ),
                titre: Set(format!("Projet {i}")),
                resume: Set(String::new()),
                debut: Set(instant(i, PROJETS).format("%Y-%m-%d").to_string()),
                fin: Set(format!("{}-06-30", ANNEE + 1)),
                statut: Set("en_cours".to_owned()),
                etape: Set("idee".to_owned()),
                etat_etape: Set("en_cours".to_owned()),
                etape_depuis: Set(t0),
                public: Set(true),
                version: Set(1),
                created_at: Set(t0),
                updated_at: Set(t0),
                ..Default::default()
            })
            .collect(),
    )
    .await;
    txn.commit().await.expect("validation");
    db.close().await.expect("fermeture");
}

fn secteur() -> Sector {
    Sector::new(
        &["H2301", "H3301", "H3302", "I1304"],
        &["111", "116", "221", "222"],
        &["228", "316"],
    )
    .expect("secteur")
}

/// Mean milliseconds of `n` runs of `f`.
async fn mesurer<F, Fut>(n: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    f().await; // warm-up
    let t = Instant::now();
    for _ in 0..n {
        f().await;
    }
    t.elapsed().as_secs_f64() * 1000.0 / n as f64
}

async fn run() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.expect("connexion");
    store.migrate().await.expect("migration");
    store.load_demo_if_empty().await.expect("démonstration");
    let t = Instant::now();
    generer(&db.url).await;
    println!(
        "base : {} — année {ANNEE} générée en {:.1} s",
        store.backend().as_str(),
        t.elapsed().as_secs_f64()
    );
    let secteur = secteur();
    let formules: Vec<(Formule, bool)> = INDICATEURS_PAR_DEFAUT
        .iter()
        .map(|i| {
            let f = Formule::parse(i.formule).expect("formule");
            let date = REGISTRE.iter().any(|g| {
                g.nom == f.selection.genre && g.ventilations.contains(&Ventilation::Annee)
            });
            (f, date)
        })
        .collect();
    let backend = match store.backend() {
        campus_store::Backend::Sqlite => sea_orm::DbBackend::Sqlite,
        campus_store::Backend::Postgres => sea_orm::DbBackend::Postgres,
    };
    let conn = Database::connect(&db.url).await.expect("connexion");
    let reference = mesurer(50, || async {
        conn.query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) FROM evenement_inscriptions",
        ))
        .await
        .expect("compte");
    })
    .await;
    println!("référence (SELECT COUNT(*) des inscriptions) : {reference:.2} ms");
    let e = store.evaluation();
    let un_par_un = mesurer(3, || async {
        for (f, date) in &formules {
            e.calculer(f, Some(ANNEE), None, &secteur)
                .await
                .expect("indicateur");
            let par = date.then_some(Ventilation::Annee);
            e.calculer(f, None, par, &secteur).await.expect("série");
        }
    })
    .await;
    println!(
        "tableau de bord indicateur par indicateur ({} indicateurs, année + série) : {un_par_un:.1} ms ({:.0} × la référence)",
        formules.len(),
        un_par_un / reference
    );
    let datees: Vec<&Formule> = formules
        .iter()
        .filter(|(_, d)| *d)
        .map(|(f, _)| f)
        .collect();
    let stocks: Vec<&Formule> = formules
        .iter()
        .filter(|(_, d)| !*d)
        .map(|(f, _)| f)
        .collect();
    let tableau = mesurer(5, || async {
        let series = e
            .calculer_par_annee(&datees, None, &secteur)
            .await
            .expect("séries");
        assert_eq!(series.len(), datees.len());
        e.calculer_lot(&stocks, None, None, &secteur)
            .await
            .expect("stocks");
    })
    .await;
    println!(
        "tableau de bord en un passage par genre (séries, dont l'année) : {tableau:.1} ms ({:.0} × la référence, {:.1} × plus rapide qu'indicateur par indicateur)",
        tableau / reference,
        un_par_un / tableau
    );
    let annees = mesurer(5, || async {
        let annees = e.annees().await.expect("années");
        assert!(annees.contains(&ANNEE));
    })
    .await;
    println!(
        "années du sélecteur (annees()) : {annees:.1} ms ({:.0} × la référence)",
        annees / reference
    );
    let participants = Formule::parse(
        INDICATEURS_PAR_DEFAUT
            .iter()
            .find(|i| i.code == "L1-PARTICIPANTS")
            .expect("L1-PARTICIPANTS")
            .formule,
    )
    .expect("formule");
    let un = mesurer(10, || async {
        let r = e
            .calculer_par_annee(&[&participants], Some(Ventilation::Departement), &secteur)
            .await
            .expect("série ventilée");
        let annee = r.first().and_then(|s| s.get(&ANNEE)).expect("année");
        assert!(annee.lignes.len() >= DEPARTEMENTS.len());
    })
    .await;
    println!(
        "un indicateur, sa ventilation par département et sa série (L1-PARTICIPANTS) : {un:.1} ms ({:.0} × la référence)",
        un / reference
    );
    conn.close().await.expect("fermeture");
    store.close().await.expect("fermeture");
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run());
}
