//! Benchmarks of the offers' fit on synthetic data shaped like the national
//! referentials: 13 000 skills, 1 500 trades of 30 skills (a third core),
//! 5 000 training units (1 000 certifications of 5 blocs, one session per
//! bloc, each teaching 5 skills of its certification's trade), 10 000 open
//! offers each asking 8 to 15 skills of a trade (one in ten from the
//! person's trade family) at random places of Centre-Val de Loire, and 500
//! applicants to one offer, each with experience in a neighbouring trade.
//!
//! The real national data is reachable only through `campus-import` and the
//! store (see `crates/campus-import/benches/parcours.rs`), which this
//! pure-computation crate does not depend on; the sizes here follow those
//! of ROME 4.60 and the RNCP.
//!
//! `cargo bench -p campus-parcours --bench adequation` first prints the
//! p50/p99 over 200 runs of the fit of one person against the 10 000 offers
//! sorted by fit, as a ratio to a baseline measured in the same run (one
//! pass counting the held skills of each offer in a `HashSet`, no result
//! built), and of the ranking of the 500 applicants; then runs the divan
//! benchmarks.

// Generated codes are valid by construction; a benchmark that met an
// invalid one should stop at once.
#![allow(clippy::expect_used)]

mod common;

use std::collections::HashSet;
use std::hint::black_box;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence};
use campus_domain::{CodeRome, Niveau};
use campus_parcours::adequation::{
    Adequation, IndexAdequation, OffreCible, adequation, trier_par_adequation,
};
use campus_parcours::gap::{Acquired, Experience, Profile, acquired};
use campus_parcours::plan::{Modalite, Unit, UnitKind, Units};
use campus_parcours::{CompetenceId, GeoPoint, Referentiel, ReferentielBuilder};
use common::Rng;

const SKILLS: usize = 13_000;
const METIERS: usize = 1_500;
const SKILLS_PER_METIER: usize = 30;
const CERTIFICATIONS: usize = 1_000;
const BLOCS_PER_CERTIFICATION: usize = 5;
const OFFRES: usize = 10_000;
const CANDIDATS: usize = 500;
/// The person's trade, and the trade of the offer the applicants answer.
const METIER_PERSONNE: usize = 700;
const RUNS: usize = 200;

/// The generator's draws of this benchmark.
trait Draws {
    fn place(&mut self) -> Option<GeoPoint>;
    fn near(&mut self, m: usize, spread: usize) -> usize;
}

impl Draws for Rng {
    /// A place in Centre-Val de Loire (its bounding box).
    fn place(&mut self) -> Option<GeoPoint> {
        GeoPoint::new(46.4 + 2.4 * self.unit(), 0.2 + 2.8 * self.unit()).ok()
    }

    /// A neighbour of trade `m`, within `spread` on either side.
    fn near(&mut self, m: usize, spread: usize) -> usize {
        (m + METIERS + self.below(2 * spread + 1) - spread) % METIERS
    }
}

fn rome(i: usize) -> CodeRome {
    let letter = char::from(b'A' + (i % 14) as u8);
    CodeRome::parse(&format!("{letter}{:04}", i / 14 + 1000)).expect("generated code")
}

fn skill_id(s: usize) -> CompetenceId {
    CompetenceId(s as i64 + 100_000)
}

struct Data {
    referentiel: Referentiel,
    units: Units,
    index: IndexAdequation,
    metier_competences: Vec<Vec<usize>>,
}

fn data() -> Data {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut b = ReferentielBuilder::new();
    for s in 0..SKILLS {
        b.skill(&Competence {
            code_ogr: skill_id(s).0,
            kind: CompetenceKind::SavoirFaire,
            libelle: format!("Compétence {s} : conduire une ligne de conditionnement"),
            categorie: None,
            sous_categorie: None,
        });
    }
    let mut metier_competences = Vec::with_capacity(METIERS);
    for m in 0..METIERS {
        b.metier(rome(m), &format!("Métier {m}"));
        // Trades of one family share skills: draw from a window of the
        // skill list around the trade's position.
        let base = m * SKILLS / METIERS;
        let mut skills = Vec::new();
        while skills.len() < SKILLS_PER_METIER {
            let s = (base + rng.below(300)) % SKILLS;
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        for (k, &s) in skills.iter().enumerate() {
            b.fiche_competence(&FicheCompetence {
                code_rome: rome(m),
                code_ogr: skill_id(s).0,
                coeur: (k % 3 == 0).then_some(Coeur::Principale),
            });
        }
        metier_competences.push(skills);
    }
    let (referentiel, _) = b.build();
    let modalites = [
        Modalite::Apprentissage,
        Modalite::FormationContinue,
        Modalite::FormationContinue,
        Modalite::Initiale,
    ];
    let mut units = Vec::with_capacity(CERTIFICATIONS * BLOCS_PER_CERTIFICATION);
    for c in 0..CERTIFICATIONS {
        let m = rng.below(METIERS);
        for k in 0..BLOCS_PER_CERTIFICATION {
            let code = format!("RNCP{}BC{:02}", c + 1, k + 1);
            units.push(Unit {
                id: format!("session-{c}-{k}"),
                libelle: format!("Bloc {k} de la certification {c}"),
                kind: UnitKind::Bloc(code),
                skills: (0..5)
                    .map(|_| skill_id(metier_competences[m][rng.below(SKILLS_PER_METIER)]))
                    .collect(),
                weak: Vec::new(),
                duree_heures: 35 * (1 + rng.below(10)) as u32,
                cout_euros: 500 + 100 * rng.below(40) as u32,
                lieu: rng.place(),
                modalite: modalites[rng.below(modalites.len())],
                debut: None,
                fin: None,
                niveau: Niveau::new(3 + (c % 4) as u8),
            });
        }
    }
    let units = Units::new(units);
    let index = IndexAdequation::new(&referentiel, &units);
    Data {
        referentiel,
        units,
        index,
        metier_competences,
    }
}

/// `count` distinct skills of trade `m`.
fn offer_skills(rng: &mut Rng, data: &Data, m: usize, count: usize) -> Vec<CompetenceId> {
    let mut skills = Vec::with_capacity(count);
    while skills.len() < count {
        let s = skill_id(data.metier_competences[m][rng.below(SKILLS_PER_METIER)]);
        if !skills.contains(&s) {
            skills.push(s);
        }
    }
    skills
}

fn offres(data: &Data) -> Vec<OffreCible> {
    let mut rng = Rng(7);
    (0..OFFRES)
        .map(|o| {
            let m = if o % 10 == 0 {
                rng.near(METIER_PERSONNE, 5)
            } else {
                rng.below(METIERS)
            };
            let count = 8 + rng.below(8);
            OffreCible {
                competences: offer_skills(&mut rng, data, m, count),
                niveau: Niveau::new(2 + rng.below(5) as u8),
                position: rng.place(),
            }
        })
        .collect()
}

/// The person: five years in their trade, a level-4 certification, living
/// in Tours.
fn personne(data: &Data) -> (Profile, Acquired) {
    let profile = Profile {
        experiences: vec![Experience {
            metier: rome(METIER_PERSONNE),
            annees: 5.0,
        }],
        niveau: Niveau::new(4),
        domicile: GeoPoint::new(47.3941, 0.6848).ok(),
        ..Profile::default()
    };
    let have = acquired(&data.referentiel, &profile).expect("generated profile");
    (profile, have)
}

/// The applicants of one offer of the person's trade: experience in a
/// neighbouring trade, a few declared skills, anywhere in the region.
fn candidats(data: &Data) -> (OffreCible, Vec<(Profile, Acquired)>) {
    let mut rng = Rng(99);
    let offre = OffreCible {
        competences: offer_skills(&mut rng, data, METIER_PERSONNE, 12),
        niveau: Niveau::new(4),
        position: rng.place(),
    };
    let candidats = (0..CANDIDATS)
        .map(|_| {
            let profile = Profile {
                experiences: vec![Experience {
                    metier: rome(rng.near(METIER_PERSONNE, 10)),
                    annees: (rng.below(10)) as f32,
                }],
                declared: (0..rng.below(6))
                    .map(|_| skill_id(rng.below(SKILLS)))
                    .collect(),
                niveau: Niveau::new(2 + rng.below(5) as u8),
                domicile: rng.place(),
                ..Profile::default()
            };
            let have = acquired(&data.referentiel, &profile).expect("generated profile");
            (profile, have)
        })
        .collect();
    (offre, candidats)
}

/// The fit of the person against every offer, sorted by fit: what the
/// offers page computes.
fn fit_all<'a>(
    data: &'a Data,
    profile: &Profile,
    have: &Acquired,
    offres: &[OffreCible],
) -> Vec<(usize, Adequation<'a>)> {
    let mut fits: Vec<(usize, Adequation<'a>)> = offres
        .iter()
        .enumerate()
        .map(|(i, o)| (i, adequation(&data.index, have, profile, o)))
        .collect();
    trier_par_adequation(&mut fits, |(_, a)| a);
    fits
}

/// The applicants of one offer, best fit first: what the recruiter sees.
fn rank<'a>(
    data: &'a Data,
    offre: &OffreCible,
    candidats: &[(Profile, Acquired)],
) -> Vec<(usize, Adequation<'a>)> {
    let mut ranked: Vec<(usize, Adequation<'a>)> = candidats
        .iter()
        .enumerate()
        .map(|(i, (p, have))| (i, adequation(&data.index, have, p, offre)))
        .collect();
    trier_par_adequation(&mut ranked, |(_, a)| a);
    ranked
}

/// The baseline: one pass over the offers' skill vectors counting the
/// held ones in a `HashSet`, no result built, nothing sorted.
fn baseline(held: &HashSet<CompetenceId>, offres: &[OffreCible]) -> usize {
    offres
        .iter()
        .map(|o| o.competences.iter().filter(|s| held.contains(s)).count())
        .sum()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).copied().unwrap_or_default()
}

fn timed(mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-12)
}

fn summary() {
    let data = &*DATA;
    let (profile, have) = &*PERSONNE;
    let offres = &*OFFRES_OUVERTES;
    let held: HashSet<CompetenceId> = have.skills.keys().copied().collect();
    let fits = fit_all(data, profile, have, offres);
    let missing: usize = fits.iter().map(|(_, a)| a.manquantes.len()).sum();
    let full = fits.iter().filter(|(_, a)| a.manquantes.is_empty()).count();
    println!(
        "data: {SKILLS} skills, {METIERS} trades, {} units ({} skills taught), {OFFRES} offers ({} skills asked, {missing} missing, {full} fully held)",
        data.units.len(),
        data.index.enseignees(),
        offres.iter().map(|o| o.competences.len()).sum::<usize>(),
    );
    let (base50, base99) = timed(|| {
        black_box(baseline(black_box(&held), black_box(offres)));
    });
    let (fit50, fit99) = timed(|| {
        black_box(fit_all(data, profile, have, black_box(offres)));
    });
    println!("baseline (held count, HashSet, {OFFRES} offers): p50 {base50:?}, p99 {base99:?}");
    println!(
        "fit of one person against {OFFRES} offers, sorted by fit ({RUNS} runs): p50 {fit50:?} ({:.1}x baseline), p99 {fit99:?} ({:.1}x baseline p99)",
        ratio(fit50, base50),
        ratio(fit99, base99),
    );
    let (offre, candidats) = &*CANDIDATS_OFFRE;
    let (rank50, rank99) = timed(|| {
        black_box(rank(data, offre, black_box(candidats)));
    });
    println!("ranking of {CANDIDATS} applicants of one offer: p50 {rank50:?}, p99 {rank99:?}");
    let t = Instant::now();
    let index = IndexAdequation::new(&data.referentiel, &data.units);
    println!(
        "index: built in {:?} ({} skills taught by some unit)",
        t.elapsed(),
        black_box(index).enseignees()
    );
}

static DATA: LazyLock<Data> = LazyLock::new(data);
static PERSONNE: LazyLock<(Profile, Acquired)> = LazyLock::new(|| personne(&DATA));
static OFFRES_OUVERTES: LazyLock<Vec<OffreCible>> = LazyLock::new(|| offres(&DATA));
static CANDIDATS_OFFRE: LazyLock<(OffreCible, Vec<(Profile, Acquired)>)> =
    LazyLock::new(|| candidats(&DATA));

fn main() {
    summary();
    divan::main();
}

#[divan::bench(sample_count = 200)]
fn fit_10000_offers_sorted(bencher: divan::Bencher) {
    let (profile, have) = &*PERSONNE;
    bencher.bench_local(|| fit_all(&DATA, profile, have, &OFFRES_OUVERTES).len());
}

#[divan::bench(sample_count = 200)]
fn baseline_held_count_10000_offers(bencher: divan::Bencher) {
    let held: HashSet<CompetenceId> = PERSONNE.1.skills.keys().copied().collect();
    bencher.bench_local(|| baseline(&held, &OFFRES_OUVERTES));
}

#[divan::bench(sample_count = 200)]
fn rank_500_applicants(bencher: divan::Bencher) {
    let (offre, candidats) = &*CANDIDATS_OFFRE;
    bencher.bench_local(|| rank(&DATA, offre, candidats).len());
}
