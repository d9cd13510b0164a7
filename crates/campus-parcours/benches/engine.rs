//! Benchmarks of the engine on synthetic data shaped like the national
//! referentials: 1 584 trades of about 40 skills (a third core) drawn from
//! 18 000 skills, about 9 official mobilités per trade, 6 000
//! certifications of 5 blocs (30 000 blocs) each linked to about 5 skills of
//! its certification's trades, and 1 to 3 sessions per bloc across
//! Centre-Val de Loire.
//!
//! `cargo bench -p campus-parcours` first prints the p50/p99 of a plan
//! computation over 100 profiles and of the passerelles of 100 trades, and
//! the size of the engine's data, then runs the divan benchmarks.

// Generated codes are valid by construction; a benchmark that met an
// invalid one should stop at once.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use campus_domain::certification::Bloc;
use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence, Mobilite};
use campus_domain::{CodeCertification, CodeRome, Niveau};
use campus_parcours::align::{AlignBloc, AlignParams, CompetenceIndex, align};
use campus_parcours::gap::{Experience, Profile, acquired, gap};
use campus_parcours::passerelles::passerelles;
use campus_parcours::plan::{
    Constraints, Modalite, Objective, Request, Unit, UnitKind, Units, plan,
};
use campus_parcours::{Certification, CompetenceId, GeoPoint, Referentiel, ReferentielBuilder};
use chrono::NaiveDate;
use common::Rng;

const METIERS: usize = 1584;
const SKILLS: usize = 18_000;
const SKILLS_PER_METIER: usize = 40;
const CERTIFICATIONS: usize = 6000;
const BLOCS_PER_CERTIFICATION: usize = 5;
const PROFILES: usize = 100;

fn rome(i: usize) -> CodeRome {
    let letter = char::from(b'A' + (i % 14) as u8);
    CodeRome::parse(&format!("{letter}{:04}", i / 14 + 1000)).expect("generated code")
}

fn certification(i: usize) -> CodeCertification {
    CodeCertification::parse(&format!("RNCP{}", i + 1)).expect("generated code")
}

const WORDS: &[&str] = &[
    "maintenance",
    "préventive",
    "équipement",
    "industriel",
    "conduire",
    "ligne",
    "conditionnement",
    "contrôler",
    "qualité",
    "produit",
    "cosmétique",
    "pharmaceutique",
    "réglage",
    "machine",
    "hygiène",
    "sécurité",
    "analyser",
    "échantillon",
    "laboratoire",
    "stock",
    "approvisionnement",
    "procédure",
    "fabrication",
    "lot",
    "nettoyage",
    "stérile",
    "diagnostic",
    "panne",
    "électrique",
    "mécanique",
    "automatisme",
    "formulation",
    "emballage",
    "traçabilité",
    "documentation",
];

fn phrase(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

struct Data {
    referentiel: Referentiel,
    /// The blocs for the alignment benchmark.
    blocs: Vec<AlignBloc>,
    /// Sessions, per skill index, for the candidate units of a plan.
    units_by_competence: Vec<Vec<usize>>,
    units: Vec<Unit>,
}

fn data() -> Data {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut b = ReferentielBuilder::new();
    for s in 0..SKILLS {
        b.skill(&Competence {
            code_ogr: s as i64 + 100_000,
            kind: CompetenceKind::SavoirFaire,
            libelle: phrase(&mut rng, 4),
            categorie: None,
            sous_categorie: None,
        });
    }
    let mut metier_competences: Vec<Vec<usize>> = Vec::with_capacity(METIERS);
    for m in 0..METIERS {
        b.metier(rome(m), &format!("Métier {m}"));
        // Trades of one family share skills: draw from a window of the
        // skill list around the trade's position.
        let base = m * SKILLS / METIERS;
        let mut skills = Vec::new();
        while skills.len() < SKILLS_PER_METIER {
            let s = (base + rng.below(400)) % SKILLS;
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        for (k, &s) in skills.iter().enumerate() {
            b.fiche_competence(&FicheCompetence {
                code_rome: rome(m),
                code_ogr: s as i64 + 100_000,
                coeur: match k % 6 {
                    0 | 1 => Some(Coeur::Principale),
                    2 if k % 12 == 2 => Some(Coeur::Emergente),
                    _ => None,
                },
            });
        }
        for ordre in 1..=9 {
            let cible = (m + METIERS + rng.below(30) - 15) % METIERS;
            if cible != m {
                b.mobilite(&Mobilite {
                    code_rome: rome(m),
                    cible: rome(cible),
                    ordre,
                });
            }
        }
        metier_competences.push(skills);
    }
    let mut blocs = Vec::new();
    let mut bloc_competences: Vec<Vec<usize>> = Vec::new();
    for c in 0..CERTIFICATIONS {
        let m = rng.below(METIERS);
        b.certification(Certification {
            code: certification(c),
            libelle: format!("Certification {c}"),
            niveau: Niveau::new(3 + (c % 4) as u8),
            romes: vec![rome(m)],
            vae: c % 3 != 0,
        });
        for k in 0..BLOCS_PER_CERTIFICATION {
            let code = format!("RNCP{}BC{:02}", c + 1, k + 1);
            let skills: Vec<usize> = (0..5)
                .map(|_| metier_competences[m][rng.below(SKILLS_PER_METIER)])
                .collect();
            b.bloc(&Bloc {
                code: code.clone(),
                certification: certification(c),
                libelle: phrase(&mut rng, 8),
            });
            for &s in &skills {
                b.bloc_competence(&code, CompetenceId(s as i64 + 100_000));
            }
            blocs.push(AlignBloc {
                code,
                certification: certification(c),
                libelle: phrase(&mut rng, 8),
                competences: (0..3).map(|_| phrase(&mut rng, 5)).collect(),
            });
            bloc_competences.push(skills);
        }
    }
    let (referentiel, _) = b.build();
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
    let modalites = [
        Modalite::Initiale,
        Modalite::Apprentissage,
        Modalite::FormationContinue,
        Modalite::FormationContinue,
    ];
    let mut units = Vec::new();
    let mut units_by_competence = vec![Vec::new(); SKILLS];
    for (i, bloc) in blocs.iter().enumerate() {
        for session in 0..1 + rng.below(3) {
            let id = units.len();
            for &s in &bloc_competences[i] {
                units_by_competence[s].push(id);
            }
            let debut = start + chrono::Days::new(rng.below(365) as u64);
            let lieu = GeoPoint::new(46.4 + 2.0 * rng.unit(), 0.2 + 2.8 * rng.unit()).ok();
            let c = i / BLOCS_PER_CERTIFICATION;
            units.push(Unit {
                id: format!("{}-{session}", bloc.code),
                libelle: bloc.libelle.clone(),
                kind: UnitKind::Bloc(bloc.code.clone()),
                skills: bloc_competences[i]
                    .iter()
                    .map(|&s| CompetenceId(s as i64 + 100_000))
                    .collect(),
                weak: Vec::new(),
                duree_heures: 35 * (2 + rng.below(10)) as u32,
                cout_euros: 500 + 100 * rng.below(40) as u32,
                lieu,
                modalite: modalites[rng.below(modalites.len())],
                debut: Some(debut),
                fin: Some(debut + chrono::Days::new(120)),
                niveau: Niveau::new(3 + (c % 4) as u8),
            });
        }
    }
    Data {
        referentiel,
        blocs,
        units_by_competence,
        units,
    }
}

/// A learner moving from a trade to one of its mobilités, with the units
/// the store would hand the engine: every session teaching a gap skill.
struct Case {
    profile: Profile,
    target: CodeRome,
    units: Units,
    constraints: Constraints,
    objective: Objective,
}

fn cases(data: &Data) -> Vec<Case> {
    let mut rng = Rng(42);
    (0..PROFILES)
        .map(|p| {
            let from = rng.below(METIERS);
            let target = (from + 1 + rng.below(10)) % METIERS;
            let profile = Profile {
                experiences: vec![Experience {
                    metier: rome(from),
                    annees: (1 + rng.below(10)) as f32,
                }],
                niveau: Niveau::new(3 + (p % 3) as u8),
                domicile: GeoPoint::new(47.39, 0.69).ok(),
                ..Profile::default()
            };
            let have = acquired(&data.referentiel, &profile).unwrap_or_default();
            let g = gap(&data.referentiel, &have, &rome(target));
            let mut ids: Vec<usize> = g
                .iter()
                .flat_map(|g| g.missing.iter())
                .flat_map(|m| {
                    data.units_by_competence[(m.skill.0 - 100_000) as usize]
                        .iter()
                        .copied()
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            Case {
                profile,
                target: rome(target),
                units: Units::new(ids.into_iter().map(|u| data.units[u].clone()).collect()),
                constraints: Constraints {
                    distance_max_km: Some(150.0),
                    ..Constraints::default()
                },
                objective: Objective::ALL[p % 3],
            }
        })
        .collect()
}

/// Whether a plan was found, and proved optimal.
fn compute(data: &Data, case: &Case) -> (bool, bool) {
    let Ok(have) = acquired(&data.referentiel, &case.profile) else {
        return (false, false);
    };
    let Ok(g) = gap(&data.referentiel, &have, &case.target) else {
        return (false, false);
    };
    let request = Request {
        profile: &case.profile,
        acquired: &have,
        gap: &g,
        units: &case.units,
        constraints: &case.constraints,
        objective: case.objective,
    };
    match plan(&data.referentiel, &request) {
        Ok(campus_parcours::plan::Outcome::Plans { best, .. }) => (true, best.optimal),
        _ => (false, false),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).copied().unwrap_or_default()
}

fn summary(data: &Data) {
    let cases = cases(data);
    let mut times = Vec::new();
    let (mut feasible, mut optimal) = (0, 0);
    let mut units = 0;
    for case in &cases {
        let t = Instant::now();
        let (found, proved) = black_box(compute(data, case));
        feasible += usize::from(found);
        optimal += usize::from(proved);
        times.push(t.elapsed());
        units += case.units.len();
    }
    times.sort();
    println!(
        "plan: {} profiles ({feasible} feasible, {optimal} proved optimal, {} candidate units on average): p50 {:?}, p99 {:?}, max {:?}",
        cases.len(),
        units / cases.len().max(1),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default()
    );
    let mut times = Vec::new();
    for m in 0..PROFILES {
        let t = Instant::now();
        black_box(
            passerelles(&data.referentiel, &rome(m * 15))
                .map(|p| p.len())
                .unwrap_or(0),
        );
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "passerelles across {METIERS} trades: p50 {:?}, p99 {:?}",
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    let t = Instant::now();
    let index = CompetenceIndex::new(&data.referentiel);
    let links = align(
        &data.referentiel,
        &index,
        &data.blocs,
        AlignParams::default(),
    )
    .expect("the index is built from this referential");
    println!(
        "alignment of {} blocs with {SKILLS} skills: {:?}, {} links",
        data.blocs.len(),
        t.elapsed(),
        links.len()
    );
    println!(
        "memory: referential {:.1} MB, alignment index {:.1} MB",
        data.referentiel.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / 1e6
    );
}

fn main() {
    summary(&DATA);
    divan::main();
}

static DATA: std::sync::LazyLock<Data> = std::sync::LazyLock::new(data);
static CASES: std::sync::LazyLock<Vec<Case>> = std::sync::LazyLock::new(|| cases(&DATA));

#[divan::bench(sample_count = 200)]
fn plan_one_profile(bencher: divan::Bencher) {
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % CASES.len();
        compute(&DATA, &CASES[i])
    });
}

#[divan::bench(sample_count = 200)]
fn passerelles_one_trade(bencher: divan::Bencher) {
    let from = rome(700);
    bencher.bench_local(|| passerelles(&DATA.referentiel, &from).map(|p| p.len()));
}
