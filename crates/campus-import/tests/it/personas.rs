//! The persona suite: people of the campus's publics (`personas.json`),
//! each with what an advisor would name for them, written from the
//! referentials before the engine ran (the file says, persona by persona,
//! which Certif Info rows, RNCP table rows or ROME links back each
//! expectation). The engine runs on the national catalogue as a campus
//! imports it; the test prints, for each persona, the outcome (exact plan,
//! closest plan, nothing), whether a certification the advisor named is
//! in it, and the time the plan took.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use campus_domain::{CodeCertification, CodeRome, Niveau, StatutApprenant};
use campus_parcours::gap::{Experience, Profile, acquired, gap};
use campus_parcours::plan::{
    Constraint, Constraints, Modalite, Objective, Outcome, Plan, Request, UnitKind, plan,
};
use campus_parcours::{GeoPoint, Referentiel, Route};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::parcours::{catalogue, engine};

#[derive(Debug, Deserialize)]
struct ExperienceJson {
    rome: String,
    annees: f32,
}

#[derive(Debug, Deserialize)]
struct Persona {
    id: String,
    /// Collégien … demandeur d'emploi: only pupils and students are
    /// offered initial education, as the form does for a stated situation.
    public: StatutApprenant,
    commune_insee: String,
    niveau: Option<u8>,
    certifications: Vec<String>,
    experiences: Vec<ExperienceJson>,
    cible: String,
    distance_max_km: Option<f64>,
    modalites: Vec<Modalite>,
    ecart_niveau_max: Option<u8>,
    niveau_max: Option<u8>,
    attendu: String,
    certifications_attendues: Vec<String>,
    relacher: Option<String>,
    debut_avant: Option<NaiveDate>,
    duree_max_heures: Option<u32>,
}

/// What a persona got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Got {
    Exact,
    Closest,
    Nothing,
}

fn personas() -> Vec<Persona> {
    let text = include_str!("personas.json");
    serde_json::from_str(text).expect("personas.json")
}

fn constraint(name: &str) -> Constraint {
    match name {
        "distance_max_km" => Constraint::DistanceMax,
        "debut_avant" => Constraint::DebutAvant,
        "duree_max_heures" => Constraint::DureeMax,
        "ecart_niveau_max" => Constraint::Niveau,
        "modalites" => Constraint::Modalites,
        other => panic!("contrainte inconnue « {other} »"),
    }
}

/// Whether `plan` teaches one of `expected`: the whole certification or
/// one of its blocs.
fn names_one_of(plan: &Plan, expected: &[String]) -> bool {
    plan.units.iter().any(|u| match &u.unit.kind {
        UnitKind::Certification(c) => expected.iter().any(|e| e == c.as_str()),
        UnitKind::Bloc(b) => expected.iter().any(|e| {
            b.strip_prefix(e.as_str())
                .is_some_and(|r| r.starts_with("BC"))
        }),
        UnitKind::Module => false,
    })
}

/// The highest level of the plan's units.
fn top_level(plan: &Plan) -> Option<u8> {
    plan.units
        .iter()
        .filter_map(|u| u.unit.niveau.map(Niveau::value))
        .max()
}

#[tokio::test]
async fn personas_get_the_routes_an_advisor_would_name() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let (alignment, units) = engine(&store).await;
    let fallback = &units[units.primary_len()..];
    let placed = fallback.iter().filter(|u| u.lieu.is_some()).count();
    println!(
        "unités : {} dont {} sans session connue ({placed} situées chez un certificateur de l'annuaire)",
        units.len(),
        fallback.len()
    );
    let r: &Referentiel = &alignment.catalogue.referentiel;
    let places: HashMap<String, GeoPoint> = store
        .current_communes()
        .await
        .unwrap()
        .into_iter()
        .filter_map(|(c, _)| {
            let point = GeoPoint::new(c.latitude?, c.longitude?).ok()?;
            Some((c.code_insee, point))
        })
        .collect();

    let mut rows = Vec::new();
    let mut times = Vec::new();
    for p in personas() {
        let profile = Profile {
            experiences: p
                .experiences
                .iter()
                .map(|e| Experience {
                    metier: CodeRome::parse(&e.rome).unwrap(),
                    annees: e.annees,
                })
                .collect(),
            certifications: p
                .certifications
                .iter()
                .map(|c| CodeCertification::parse(c).unwrap())
                .collect(),
            niveau: p.niveau.and_then(Niveau::new),
            domicile: Some(
                *places
                    .get(&p.commune_insee)
                    .unwrap_or_else(|| panic!("{} : commune {}", p.id, p.commune_insee)),
            ),
            ..Profile::default()
        };
        let have = acquired(r, &profile).unwrap();
        let target = gap(r, &have, &CodeRome::parse(&p.cible).unwrap()).unwrap();
        let constraints = Constraints {
            modalites: p.modalites.clone(),
            distance_max_km: p.distance_max_km,
            debut_avant: p.debut_avant,
            duree_max_heures: p.duree_max_heures,
            ecart_niveau_max: p.ecart_niveau_max,
            formation_initiale: p.public.en_formation_initiale(),
            ..Constraints::default()
        };
        let start = Instant::now();
        let outcome = plan(
            r,
            &Request {
                profile: &profile,
                acquired: &have,
                gap: &target,
                units: &units,
                constraints: &constraints,
                objective: Objective::Duree,
            },
        )
        .unwrap();
        times.push(start.elapsed());
        let (got, plans, relax): (Got, Vec<&Plan>, Vec<Constraint>) = match &outcome {
            Outcome::Plans {
                best, alternatives, ..
            } => (
                Got::Exact,
                std::iter::once(best).chain(alternatives).collect(),
                Vec::new(),
            ),
            Outcome::Infeasible { infeasibility, .. } => (
                if infeasibility.closest.is_some() {
                    Got::Closest
                } else {
                    Got::Nothing
                },
                infeasibility.closest.iter().map(|c| &c.plan).collect(),
                infeasibility.relax.iter().map(|x| x.constraint).collect(),
            ),
        };
        let named = plans
            .iter()
            .any(|plan| names_one_of(plan, &p.certifications_attendues));
        let named_first = plans
            .first()
            .is_some_and(|plan| names_one_of(plan, &p.certifications_attendues));
        let level = plans.first().and_then(|plan| top_level(plan));
        if let Some(first) = plans.first() {
            let cible = CodeRome::parse(&p.cible).unwrap();
            let chosen: Vec<String> = first
                .units
                .iter()
                .map(|u| {
                    let certification = match &u.unit.kind {
                        UnitKind::Certification(c) => Some(c),
                        UnitKind::Bloc(b) => r.bloc_certification(b),
                        UnitKind::Module => None,
                    };
                    let voie = match certification.and_then(|c| r.route(c, &cible)) {
                        Some(Route::Metier) => "mène au métier".to_owned(),
                        Some(Route::Voisin {
                            metier,
                            partage,
                            coeur,
                            ..
                        }) => format!("métier voisin {metier}, {partage}/{coeur} cœur"),
                        None => "par ses blocs".to_owned(),
                    };
                    format!("{} [{}] ({voie})", u.unit.id, u.unit.libelle)
                })
                .collect();
            println!("{} → {chosen:?}", p.id);
        }
        rows.push((p, got, named, level, relax, named_first));
    }

    times.sort_unstable();
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!("persona | cible | attendu | obtenu | certification nommée | niveau max");
    for (p, got, named, level, relax, _) in &rows {
        println!(
            "{} | {} | {} | {got:?} | {named} | {level:?} | relâcher {relax:?}",
            p.id, p.cible, p.attendu
        );
    }
    let count = |g: Got| rows.iter().filter(|(_, got, ..)| *got == g).count();
    println!(
        "exact {} · plus proche {} · rien {} · certification nommée {} / {} (par le premier plan : {}) · plan p50 {:?} p99 {:?}",
        count(Got::Exact),
        count(Got::Closest),
        count(Got::Nothing),
        rows.iter().filter(|(_, _, named, ..)| *named).count(),
        rows.iter().filter(|(p, ..)| p.attendu == "plan").count(),
        rows.iter().filter(|row| row.5).count(),
        pick(0.5),
        pick(0.99),
    );

    for (p, got, _, level, relax, _) in &rows {
        match p.attendu.as_str() {
            "plan" => {
                assert_ne!(*got, Got::Nothing, "{} : aucun plan", p.id);
                if let (Some(max), Some(level)) = (p.niveau_max, level) {
                    assert!(*level <= max.max(5), "{} : niveau {level}", p.id);
                }
            }
            "impossible" => {
                let wanted = constraint(p.relacher.as_deref().unwrap());
                assert!(relax.contains(&wanted), "{} : {relax:?}", p.id);
            }
            other => panic!("{} : attendu « {other} »", p.id),
        }
    }
    // A plan names a certification the advisor named for 12 of the 20
    // possible wishes (2 of 20 before the RNCP tables of 2021 and the
    // certifications without a session), the first plan for 10 (5 before
    // certifiers were placed and the narrowest registration preferred);
    // the others get a route to the trade through another certification
    // (see the figures of the README's « Personas »).
    let named = rows.iter().filter(|(_, _, named, ..)| *named).count();
    assert!(named >= 12, "{named} certifications nommées");
    let named_first = rows.iter().filter(|row| row.5).count();
    assert!(named_first >= 10, "{named_first} premiers plans nommés");
    // Debug builds: the figures of the README come from the benchmark.
    assert!(pick(0.99) < Duration::from_millis(500), "{:?}", pick(0.99));
}
