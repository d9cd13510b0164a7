//! The training-path engine on the real national data: imports ROME 4.60,
//! Certif Info, the RNCP export, the communes, the higher-education
//! programmes and the LHÉO samples into a fresh database (SQLite unless
//! `CAMPUS_TEST_DATABASE_URL` is set), attaches the programmes to their
//! certifications, aligns the blocs, then measures what a request costs
//! once the engine is loaded.
//!
//! `cargo bench -p campus-import --bench parcours` prints the loading and
//! alignment times, the p50/p99 of a full plan computation (acquired
//! skills, gap, plan with alternatives, VAE and infeasibility analysis)
//! over 150 profiles, the p50/p99 of the passerelles of 150 trades across
//! all 1 584 fiches, and the engine's memory.

// A benchmark that cannot import or align has nothing to measure: it stops.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use campus_import::{
    import_certifinfo, import_communes, import_esr, import_lheo, import_rncp, import_rome,
};
use campus_parcours::GeoPoint;
use campus_parcours::align::{AlignParams, CompetenceIndex};
use campus_parcours::gap::{Experience, Profile, acquired, gap};
use campus_parcours::passerelles::passerelles;
use campus_parcours::plan::{Constraints, Objective, Request, plan};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

const PROFILES: usize = 150;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

async fn run() {
    let Some(data) = national_data("le banc mesure le moteur sur le catalogue national") else {
        return;
    };
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.expect("connexion");
    store.migrate().await.expect("migration");
    let t = Instant::now();
    import_rome(&store, &data.join("rome_v460"))
        .await
        .expect("ROME");
    import_certifinfo(&store, &data.join("certifinfo/certif_info.csv.gz"))
        .await
        .expect("Certif Info");
    import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
        .await
        .expect("RNCP");
    import_lheo(&store, &data.join("lheo/samples"))
        .await
        .expect("LHÉO");
    import_communes(
        &store,
        &data.join("geo/decoupage-administratif-6.0.0/communes.json.gz"),
        &data.join("geo/laposte_hexasmal_2020-04.csv.gz"),
    )
    .await
    .expect("communes");
    import_esr(&store, &data.join("esr")).await.expect("ESR");
    println!("imports: {:.1} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let attached = campus_parcours_service::attach_programmes(&store)
        .await
        .expect("rattachement");
    println!(
        "attachment: {} of {} trainings without a code attached to {} certifications, {:.1} s",
        attached.attached,
        attached.uncoded,
        attached.certifications,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let alignment = campus_parcours_service::align_catalogue(&store, AlignParams::default())
        .await
        .expect("alignement");
    println!(
        "alignment (load, align {} blocs, store {} links, reload): {:.1} s",
        alignment.catalogue.blocs.len(),
        alignment.stored.computed,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let catalogue = campus_parcours_service::load_catalogue(&store)
        .await
        .expect("catalogue");
    let r = &catalogue.referentiel;
    let units = campus_parcours_service::training_units(&store, r)
        .await
        .expect("unités")
        .units;
    println!(
        "engine load from the database: {:.2} s ({} training units)",
        t.elapsed().as_secs_f64(),
        units.len()
    );

    // Each profile: five years in one trade, a CAP, living in Tours,
    // aiming at the trade its passerelles rank first.
    let tours = GeoPoint::new(47.3941, 0.6848).expect("Tours");
    let metiers: Vec<_> = r.metiers().map(|m| m.code.clone()).collect();
    let step = (metiers.len() / PROFILES).max(1);
    let mut cases = Vec::new();
    for from in metiers.iter().step_by(step).take(PROFILES) {
        let Some(target) = passerelles(r, from)
            .ok()
            .and_then(|p| p.first().map(|p| p.cible.clone()))
        else {
            continue;
        };
        let profile = Profile {
            experiences: vec![Experience {
                metier: from.clone(),
                annees: 5.0,
            }],
            niveau: campus_domain::Niveau::new(3),
            domicile: Some(tours),
            ..Profile::default()
        };
        cases.push((profile, target));
    }
    let constraints = Constraints {
        distance_max_km: Some(150.0),
        ..Constraints::default()
    };
    let mut times = Vec::new();
    let mut feasible = 0;
    for (profile, target) in &cases {
        let t = Instant::now();
        let have = acquired(r, profile).expect("acquis");
        let g = gap(r, &have, target).expect("écart");
        let outcome = plan(
            r,
            &Request {
                profile,
                acquired: &have,
                gap: &g,
                units: &units,
                constraints: &constraints,
                objective: Objective::Duree,
            },
        );
        if matches!(
            black_box(outcome),
            Ok(campus_parcours::plan::Outcome::Plans { .. })
        ) {
            feasible += 1;
        }
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "plan: {} profiles ({feasible} with a plan): p50 {:?}, p99 {:?}, max {:?}",
        cases.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default()
    );
    let mut times = Vec::new();
    for (profile, _) in &cases {
        let from = &profile.experiences[0].metier;
        let t = Instant::now();
        black_box(passerelles(r, from).map(|p| p.len()).unwrap_or(0));
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "passerelles across {} trades: p50 {:?}, p99 {:?}",
        metiers.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    let index = CompetenceIndex::new(r);
    println!(
        "memory: referential with its links {:.1} MB, training units with their index {:.1} MB, alignment index {:.1} MB",
        r.heap_bytes() as f64 / 1e6,
        units.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / 1e6
    );
    store.close().await.expect("fermeture");
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run());
}
