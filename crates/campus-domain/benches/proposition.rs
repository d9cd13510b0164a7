//! Benchmark of the experts proposed for a request: 5 000 active profiles
//! (more than a regional network will ever hold) of 5 to 20 subjects
//! drawn from 400 (ROME domains, skills, equipment, keywords), offering
//! one to three of the five kinds of intervention, at random places of
//! Centre-Val de Loire; a request of 6 subjects.
//!
//! `cargo bench -p campus-domain --bench proposition` prints the p50/p99
//! over 300 runs of `proposer`, as a ratio to a baseline measured in the
//! same run: one pass counting each profile's subjects in common with the
//! request through a `HashSet`, nothing sorted nor explained.

#![allow(clippy::expect_used)]

use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use campus_domain::GeoPoint;
use campus_domain::expertise::{Besoin, Candidat, EtatProfil, OffreExpert, SujetExpert, proposer};

const EXPERTS: usize = 5_000;
const SUJETS: usize = 400;
const RUNS: usize = 300;

/// A small deterministic generator (xorshift), so that every run draws
/// the same network.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

fn sujet(i: usize) -> SujetExpert {
    match i % 4 {
        0 => SujetExpert::parse("domaine", &format!("H{:02}", 10 + i % 90)),
        1 => SujetExpert::parse("competence", &format!("{}", 100_000 + i)),
        2 => SujetExpert::parse("equipement", &format!("equipement-{i}")),
        _ => SujetExpert::parse("mot_cle", &format!("sujet numéro {i}")),
    }
    .expect("sujet valide")
}

fn place(rng: &mut Rng) -> Option<GeoPoint> {
    GeoPoint::new(46.35 + rng.unit() * 2.25, 0.05 + rng.unit() * 3.1).ok()
}

fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    times.sort();
    let at = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[at]
}

fn main() {
    let mut rng = Rng(0x5eed_cafe_f00d_beef);
    let offres: Vec<OffreExpert> = OffreExpert::all().collect();
    let candidats: Vec<Candidat> = (0..EXPERTS)
        .map(|id| {
            let n = 5 + rng.below(16);
            let sujets = (0..n).map(|_| sujet(rng.below(SUJETS))).collect();
            let k = 1 + rng.below(3);
            let mine = (0..k).map(|_| offres[rng.below(offres.len())]).collect();
            Candidat {
                id: id as i64,
                sujets,
                offres: mine,
                organisation_id: Some(rng.below(60) as i64),
                position: place(&mut rng),
                demandes_en_cours: rng.below(4) as u32,
                etat: EtatProfil::Actif,
            }
        })
        .collect();
    let besoin = Besoin {
        sujets: (0..6).map(|i| sujet(i * 37 % SUJETS)).collect(),
        offre: OffreExpert::InterventionClasse,
        organisation_id: Some(7),
        lieu: GeoPoint::new(47.9025, 1.9090).ok(),
    };

    let wanted: HashSet<SujetExpert> = besoin.sujets.iter().cloned().collect();
    let mut baseline = Vec::with_capacity(RUNS);
    let mut measured = Vec::with_capacity(RUNS);
    let mut proposed = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let common: usize = candidats
            .iter()
            .map(|c| c.sujets.iter().filter(|s| wanted.contains(*s)).count())
            .sum();
        black_box(common);
        baseline.push(start.elapsed());
        let start = Instant::now();
        let p = proposer(black_box(&besoin), black_box(&candidats));
        measured.push(start.elapsed());
        proposed = p.len();
    }
    let (b50, b99) = (
        percentile(baseline.clone(), 0.5),
        percentile(baseline, 0.99),
    );
    let (m50, m99) = (
        percentile(measured.clone(), 0.5),
        percentile(measured, 0.99),
    );
    println!(
        "proposer ({EXPERTS} experts, {proposed} proposés) : p50 {m50:?} (×{:.1} la base), p99 {m99:?} (×{:.1}) ; base p50 {b50:?}, p99 {b99:?}",
        m50.as_secs_f64() / b50.as_secs_f64(),
        m99.as_secs_f64() / b99.as_secs_f64(),
    );
}
