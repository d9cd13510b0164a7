//! Bookings per second on one equipment, on the database of
//! `CAMPUS_TEST_DATABASE_URL` (PostgreSQL) or a fresh SQLite file.
//!
//! Three measures in the same run, each with 8 concurrent tasks on a pool
//! of 8 connections:
//! - baseline: granting a habilitation, the platform's smallest business
//!   write transaction (one upsert and one audit row);
//! - distinct slots: every booking on a free one-hour slot of the same
//!   equipment (lock, checks, booking row, two slot units, audit);
//! - contention: rounds of 8 simultaneous requests for the same slot, of
//!   which one wins and seven are refused by the slot units' unique key.
//!
//! `bench/reservation.sh` runs it on both backends.

// A benchmark that cannot set up its database has nothing to measure.
#![allow(clippy::expect_used, clippy::panic)]

use std::time::Instant;

use campus_domain::equipement::{CategorieEquipement, Creneau, Tarif};
use campus_domain::{Email, Role, heure_legale};
use campus_store::Store;
use campus_store::equipements::{DemandeReservation, Refus, ReservationError};
use campus_store::users::NewUser;
use campus_testkit::TestDb;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

const TASKS: usize = 8;
const BASELINE_OPS: usize = 800;
const DISTINCT_BOOKINGS: usize = 800;
const CONTENTION_ROUNDS: usize = 100;
const HPLC: &str = "chaine-hplc-avec-detecteur-uv-a-barrette-de-diodes";

/// The `n`-th free one-hour slot: ten per open weekday, from next week.
fn slot(n: usize, horaires: campus_domain::equipement::Horaires) -> Creneau {
    let mut date: NaiveDate = heure_legale::aujourdhui(Utc::now()) + Duration::days(7);
    let mut left = n / 10;
    loop {
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            if left == 0 {
                break;
            }
            left -= 1;
        }
        date += Duration::days(1);
    }
    let hour = 8 + (n % 10) as u32;
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("heure");
    Creneau::local(date, at(hour), at(hour + 1), horaires, Utc::now()).expect("créneau")
}

fn rate(ops: usize, seconds: f64) -> f64 {
    ops as f64 / seconds
}

async fn run() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, TASKS as u32)
        .await
        .expect("connexion");
    store.migrate().await.expect("migration");
    store.load_demo_if_empty().await.expect("démonstration");
    let user = store
        .create_user(
            NewUser {
                email: Email::parse("banc@exemple.test").expect("e-mail"),
                display_name: "Banc d'essai".to_owned(),
                password_hash: None,
                role: Role::Formateur,
                statut: None,
                locale: "fr".to_owned(),
                email_verified: true,
            },
            None,
            None,
            None,
        )
        .await
        .expect("compte");
    let e = store
        .equipements()
        .equipement_by_slug(HPLC)
        .await
        .expect("HPLC");
    let expiry = heure_legale::aujourdhui(Utc::now()) + Duration::days(3650);
    println!("base : {}", store.backend().as_str());

    // Baseline.
    let t = Instant::now();
    let mut tasks = Vec::new();
    for task in 0..TASKS {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            for i in (task..BASELINE_OPS).step_by(TASKS) {
                let categorie = CategorieEquipement::all().nth(i % 7).expect("catégorie");
                store
                    .equipements()
                    .grant_habilitation(user.id, categorie, Some(user.id), expiry, "banc")
                    .await
                    .expect("habilitation");
            }
        }));
    }
    for task in tasks {
        task.await.expect("tâche");
    }
    let baseline = rate(BASELINE_OPS, t.elapsed().as_secs_f64());
    println!("référence (habilitation accordée) : {baseline:.0} transactions/s");

    let demande = |creneau| DemandeReservation {
        equipement_id: e.id,
        user_id: user.id,
        organisation_id: None,
        public: "formateur".to_owned(),
        tarif: Tarif::Academique,
        creneau,
        objet: "banc".to_owned(),
    };

    // Distinct slots.
    let t = Instant::now();
    let mut tasks = Vec::new();
    for task in 0..TASKS {
        let store = store.clone();
        let requests: Vec<DemandeReservation> = (task..DISTINCT_BOOKINGS)
            .step_by(TASKS)
            .map(|i| demande(slot(i, e.horaires)))
            .collect();
        tasks.push(tokio::spawn(async move {
            for request in requests {
                store
                    .equipements()
                    .reserve_equipement(request, vec![])
                    .await
                    .expect("réservation");
            }
        }));
    }
    for task in tasks {
        task.await.expect("tâche");
    }
    let distinct = rate(DISTINCT_BOOKINGS, t.elapsed().as_secs_f64());
    println!(
        "créneaux distincts : {distinct:.0} réservations/s (×{:.2} la référence)",
        distinct / baseline
    );

    // Contention: each round, every task asks for the same slot.
    let t = Instant::now();
    let mut won = 0;
    let mut refused = 0;
    for round in 0..CONTENTION_ROUNDS {
        let creneau = slot(DISTINCT_BOOKINGS + round, e.horaires);
        let mut tasks = Vec::new();
        for _ in 0..TASKS {
            let store = store.clone();
            let request = demande(creneau);
            tasks.push(tokio::spawn(async move {
                store
                    .equipements()
                    .reserve_equipement(request, vec![])
                    .await
            }));
        }
        for task in tasks {
            match task.await.expect("tâche") {
                Ok(_) => won += 1,
                Err(ReservationError::Refusee(Refus::Conflit)) => refused += 1,
                Err(other) => panic!("refus inattendu : {other}"),
            }
        }
    }
    let seconds = t.elapsed().as_secs_f64();
    assert_eq!(won, CONTENTION_ROUNDS, "un seul gagnant par créneau");
    let attempts = rate(won + refused, seconds);
    println!(
        "même créneau, {TASKS} demandes simultanées : {attempts:.0} demandes traitées/s (×{:.2} la référence), {:.0} réservations/s ; {won} acceptées, {refused} refusées",
        attempts / baseline,
        rate(won, seconds),
    );
    store.close().await.expect("fermeture");
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run());
}
