//! Registrations per second under contention on one event, on SQLite and
//! on PostgreSQL, in one run.
//!
//! Each backend runs two scenarios with the same number of registrations
//! and of concurrent clients, through the store's real `register` (seat
//! counter, waitlist, registration row and e-mail in one transaction):
//! - **one event**: every client registers to the same event, whose row
//!   every transaction locks (the contention the capacity rule costs);
//! - **baseline**: each client registers to an event of its own, so no two
//!   transactions touch the same event row.
//!
//! The rules are checked after each run: the seats taken never exceed the
//! capacity, and no registration is lost.
//!
//! Environment: `CAMPUS_BENCH_POSTGRES_URL` (a server where a temporary
//! database is created then dropped; default
//! `postgres://postgres@127.0.0.1:5432/postgres`; `none` to skip),
//! `CAMPUS_BENCH_REGISTRATIONS` (default 2000), `CAMPUS_BENCH_CLIENTS`
//! (default 32).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::error::Error;
use std::time::Instant;

use campus_domain::Email;
use campus_domain::evenement::{Audience, EvenementKind, InscriptionStatus};
use campus_store::Store;
use campus_store::evenements::inscriptions::{InscriptionKind, NewInscription};
use campus_store::evenements::{EvenementInput, Safety};
use campus_store::outbox::OutgoingMail;
use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, Database};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn new_evenement(store: &Store, capacity: i32) -> Result<i32> {
    let org = store.organisation_by_slug("cosmetic-valley").await?;
    let starts_at = Utc::now() + Duration::days(30);
    Ok(store
        .evenements()
        .create_evenement(
            EvenementInput {
                organisation_id: org.id,
                kind: EvenementKind::ForumSalon,
                titre: "Forum de mesure".to_owned(),
                description: String::new(),
                adresse: "Place des Épars".to_owned(),
                code_postal: None,
                commune: "Chartres".to_owned(),
                departement: None,
                starts_at,
                ends_at: starts_at + Duration::hours(6),
                capacity,
                audiences: vec![Audience::Lyceens],
                romes: vec![],
                safety: Safety::default(),
            },
            None,
        )
        .await?
        .id)
}

/// Runs `total` registrations from `clients` tasks; client `c` registers
/// to `events[c % events.len()]`. Returns registrations per second.
async fn run(
    store: &Store,
    events: &[i32],
    total: usize,
    clients: usize,
    tag: &str,
) -> Result<f64> {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let store = store.clone();
        let evenement_id = events[c % events.len()];
        let tag = tag.to_owned();
        tasks.push(tokio::spawn(async move {
            let mut n = c;
            while n < total {
                let email = format!("{tag}{n}@mesure.test");
                store
                    .evenements()
                    .register(
                        NewInscription {
                            evenement_id,
                            user_id: None,
                            kind: InscriptionKind::Personne,
                            nom: format!("Participant {n}"),
                            email: Email::parse(&email).expect("e-mail"),
                            seats: 1,
                            public: Audience::Lyceens,
                            niveau: "Terminale".to_owned(),
                            organisation_nom: None,
                            is_minor: false,
                            parent_email: None,
                        },
                        Box::new(move |r| {
                            Ok(vec![OutgoingMail {
                                to: email,
                                subject: "Inscription".to_owned(),
                                body: r.code.clone(),
                            }])
                        }),
                    )
                    .await
                    .expect("inscription");
                n += clients;
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    Ok(total as f64 / started.elapsed().as_secs_f64())
}

async fn check(store: &Store, evenement_id: i32, capacity: i32) -> Result<usize> {
    let regs = store
        .evenements()
        .inscriptions_of_evenement(evenement_id)
        .await?;
    let seated: i32 = regs
        .iter()
        .filter(|r| r.status == InscriptionStatus::Confirmee)
        .map(|r| r.seats)
        .sum();
    assert!(
        seated <= capacity,
        "capacité dépassée : {seated} > {capacity}"
    );
    let (taken, _) = store.evenements().evenement_counters(evenement_id).await?;
    assert_eq!(taken, seated, "compteur et inscriptions divergent");
    Ok(regs.len())
}

async fn bench_backend(name: &str, url: &str, total: usize, clients: usize) -> Result<()> {
    let store = Store::connect(url, 8).await?;
    store.migrate().await?;
    store.load_demo_if_empty().await?;
    // One event, capacity a quarter of the registrations: the rest waits.
    let capacity = (total / 4).max(1) as i32;
    let one = new_evenement(&store, capacity).await?;
    let contended = run(&store, &[one], total, clients, "un").await?;
    assert_eq!(
        check(&store, one, capacity).await?,
        total,
        "inscriptions perdues"
    );
    // Baseline: one event per client, same capacity rule per event.
    let mut spread = Vec::new();
    for _ in 0..clients {
        spread.push(new_evenement(&store, capacity).await?);
    }
    let baseline = run(&store, &spread, total, clients, "base").await?;
    let mut counted = 0;
    for id in &spread {
        counted += check(&store, *id, capacity).await?;
    }
    assert_eq!(counted, total, "inscriptions perdues");
    println!(
        "{name:<10} un événement : {contended:>7.0} inscriptions/s | référence (un événement par client) : {baseline:>7.0} inscriptions/s | rapport : {:.2}",
        contended / baseline
    );
    store.close().await?;
    Ok(())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let total = env_number("CAMPUS_BENCH_REGISTRATIONS", 2000);
    let clients = env_number("CAMPUS_BENCH_CLIENTS", 32);
    println!("{total} inscriptions, {clients} clients concurrents, pool de 8 connexions");

    let path = std::env::temp_dir().join(format!("campus-bench-{}.db", std::process::id()));
    let sqlite = format!("sqlite://{}", path.display());
    let outcome = bench_backend("SQLite", &sqlite, total, clients).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    outcome?;

    let admin_url = std::env::var("CAMPUS_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    if admin_url == "none" {
        return Ok(());
    }
    let name = format!("campus_bench_{}", std::process::id());
    let admin = Database::connect(&admin_url).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    let mut url = url::Url::parse(&admin_url)?;
    url.set_path(&format!("/{name}"));
    let outcome = bench_backend("PostgreSQL", url.as_str(), total, clients).await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .await?;
    outcome
}
