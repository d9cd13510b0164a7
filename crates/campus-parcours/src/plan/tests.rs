#![allow(clippy::unwrap_used)]

use campus_domain::Niveau;
use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence};
use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::GeoPoint;
use crate::gap::{Experience, acquired, gap};
use crate::referentiel::tests::{cert, rome};
use crate::referentiel::{Certification, ReferentielBuilder};

const TOURS: (f64, f64) = (47.3941, 0.6848);

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Days::new(u64::from(d))
}

/// Target trade I1304 with skills 1..=n, `core[i]` telling whether skill
/// i+1 is core; a certification RNCP9 whose blocs BC01/BC02 teach skills
/// 1-2 and 3-4.
fn referentiel(core: &[bool]) -> Referentiel {
    let mut b = ReferentielBuilder::new();
    b.metier(rome("I1304"), "Technicien de maintenance");
    for (i, &c) in core.iter().enumerate() {
        let code = i as i64 + 1;
        b.skill(&Competence {
            code_ogr: code,
            kind: CompetenceKind::SavoirFaire,
            libelle: format!("Compétence {code}"),
            categorie: None,
            sous_categorie: None,
        })
        .fiche_competence(&FicheCompetence {
            code_rome: rome("I1304"),
            code_ogr: code,
            coeur: c.then_some(Coeur::Principale),
        });
    }
    b.certification(Certification {
        code: cert("RNCP9"),
        libelle: "Maintenance".into(),
        niveau: Niveau::new(4),
        romes: vec![rome("I1304")],
        vae: true,
    });
    for (bloc, skills) in [("RNCP9BC01", [1, 2]), ("RNCP9BC02", [3, 4])] {
        b.bloc(&campus_domain::certification::Bloc {
            code: bloc.into(),
            certification: cert("RNCP9"),
            libelle: bloc.into(),
        });
        for s in skills {
            b.bloc_competence(bloc, CompetenceId(s));
        }
    }
    b.build().0
}

fn unit(id: &str, kind: UnitKind, skills: &[i64], heures: u32, euros: u32) -> Unit {
    Unit {
        id: id.into(),
        libelle: id.into(),
        kind,
        skills: skills.iter().map(|&s| CompetenceId(s)).collect(),
        weak: Vec::new(),
        duree_heures: heures,
        cout_euros: euros,
        lieu: Some(GeoPoint::new(TOURS.0, TOURS.1).unwrap()),
        modalite: Modalite::FormationContinue,
        debut: Some(day(10)),
        fin: None,
        niveau: Niveau::new(4),
    }
}

fn home() -> Profile {
    Profile {
        domicile: Some(GeoPoint::new(TOURS.0, TOURS.1).unwrap()),
        niveau: Niveau::new(3),
        ..Profile::default()
    }
}

fn run(
    r: &Referentiel,
    profile: &Profile,
    units: &[Unit],
    constraints: &Constraints,
    objective: Objective,
) -> Outcome {
    let have = acquired(r, profile).unwrap();
    let g = gap(r, &have, &rome("I1304")).unwrap();
    plan(
        r,
        &Request {
            profile,
            acquired: &have,
            gap: &g,
            units: &Units::new(units.to_vec()),
            constraints,
            objective,
        },
    )
    .unwrap()
}

/// The plan of `units` then `fallback` ([`Units::with_fallback`]).
fn run_with_fallback(r: &Referentiel, units: Vec<Unit>, fallback: Vec<Unit>) -> Outcome {
    let profile = home();
    let have = acquired(r, &profile).unwrap();
    let g = gap(r, &have, &rome("I1304")).unwrap();
    plan(
        r,
        &Request {
            profile: &profile,
            acquired: &have,
            gap: &g,
            units: &Units::with_fallback(units, fallback),
            constraints: &Constraints::default(),
            objective: Objective::Duree,
        },
    )
    .unwrap()
}

#[test]
fn units_without_a_session_only_when_the_sessions_make_no_plan() {
    let r = referentiel(&[true, true]);
    let without_session = |id: &str, skills: &[i64]| Unit {
        lieu: None,
        debut: None,
        ..unit(id, UnitKind::Module, skills, 100, 0)
    };
    // A shorter certification without a session does not beat the
    // sessions that make a plan.
    let Outcome::Plans { best, .. } = run_with_fallback(
        &r,
        vec![unit("session", UnitKind::Module, &[1, 2], 900, 0)],
        vec![without_session("sans-session", &[1, 2])],
    ) else {
        panic!("un plan attendu")
    };
    assert_eq!(best.units[0].unit.id, "session");
    // Where the sessions leave a core skill, it makes the plan, with the
    // sessions' units where they help.
    let Outcome::Plans { best, .. } = run_with_fallback(
        &r,
        vec![unit("session", UnitKind::Module, &[1], 900, 0)],
        vec![without_session("sans-session", &[2])],
    ) else {
        panic!("un plan attendu")
    };
    let mut ids: Vec<&str> = best.units.iter().map(|u| u.unit.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["sans-session", "session"]);
}

#[test]
fn among_free_plans_the_shortest_wins() {
    // No offer gives a price: every plan costs 0 €, and the cheapest is
    // the one that takes the fewest hours, not any of them.
    let r = referentiel(&[true, true]);
    let units = vec![
        unit("long", UnitKind::Module, &[1, 2], 3000, 0),
        unit("a", UnitKind::Module, &[1], 500, 0),
        unit("b", UnitKind::Module, &[2], 500, 0),
    ];
    let Outcome::Plans { best, .. } = run(
        &r,
        &home(),
        &units,
        &Constraints::default(),
        Objective::Cout,
    ) else {
        panic!("un plan attendu")
    };
    let mut ids: Vec<&str> = best.units.iter().map(|u| u.unit.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        (best.totals.cout_euros, best.totals.duree_heures),
        (0, 1000)
    );
}

#[test]
fn blocs_win_when_shorter_and_complete_the_certification() {
    let r = referentiel(&[true, true, true, true]);
    let units = vec![
        unit(
            "cert",
            UnitKind::Certification(cert("RNCP9")),
            &[1, 2, 3, 4],
            900,
            6000,
        ),
        unit(
            "bc1",
            UnitKind::Bloc("RNCP9BC01".into()),
            &[1, 2],
            300,
            2500,
        ),
        unit(
            "bc2",
            UnitKind::Bloc("RNCP9BC02".into()),
            &[3, 4],
            300,
            2500,
        ),
    ];
    let Outcome::Plans {
        best, alternatives, ..
    } = run(
        &r,
        &home(),
        &units,
        &Constraints::default(),
        Objective::Duree,
    )
    else {
        panic!("a plan exists");
    };
    let ids: Vec<_> = best.units.iter().map(|u| u.unit.id.as_str()).collect();
    assert_eq!(ids, vec!["bc1", "bc2"]);
    assert_eq!(best.totals.duree_heures, 600);
    assert_eq!(best.certifications, vec![cert("RNCP9")]);
    assert_eq!(
        best.blocs,
        vec!["RNCP9BC01".to_owned(), "RNCP9BC02".to_owned()]
    );
    assert_eq!(best.units[0].covers, vec![CompetenceId(1), CompetenceId(2)]);
    assert!(best.optimal);
    // Cost objective picks the whole certification; so does the plan
    // without the main bloc.
    assert_eq!(alternatives.len(), 1);
    assert_eq!(alternatives[0].units[0].unit.id, "cert");
}

#[test]
fn says_which_constraint_to_relax() {
    let r = referentiel(&[true, true, false, false]);
    let mut far = unit(
        "far",
        UnitKind::Bloc("RNCP9BC01".into()),
        &[1, 2],
        300,
        2000,
    );
    far.lieu = Some(GeoPoint::new(43.6, 1.44).unwrap());
    let mut late = unit(
        "late",
        UnitKind::Bloc("RNCP9BC01".into()),
        &[1, 2],
        300,
        2000,
    );
    late.debut = Some(day(200));
    let constraints = Constraints {
        distance_max_km: Some(80.0),
        debut_avant: Some(day(100)),
        ..Constraints::default()
    };
    let Outcome::Infeasible { infeasibility, .. } =
        run(&r, &home(), &[far, late], &constraints, Objective::Duree)
    else {
        panic!("no plan fits");
    };
    assert_eq!(
        infeasibility.blocking,
        vec![CompetenceId(1), CompetenceId(2)]
    );
    assert!(infeasibility.unteachable.is_empty());
    let relax: Vec<_> = infeasibility.relax.iter().map(|r| r.constraint).collect();
    assert_eq!(relax, vec![Constraint::DistanceMax, Constraint::DebutAvant]);
    assert!(infeasibility.relax_all);
    // No allowed unit teaches any of the core: nothing comes close.
    assert!(infeasibility.closest.is_none());
}

#[test]
fn unteachable_competences_are_named() {
    let r = referentiel(&[true, true, true, false]);
    let units = vec![unit(
        "bc1",
        UnitKind::Bloc("RNCP9BC01".into()),
        &[1, 2],
        300,
        2500,
    )];
    let Outcome::Infeasible { infeasibility, .. } = run(
        &r,
        &home(),
        &units,
        &Constraints::default(),
        Objective::Duree,
    ) else {
        panic!("skill 3 is taught nowhere");
    };
    assert_eq!(infeasibility.unteachable, vec![CompetenceId(3)]);
    assert!(infeasibility.relax.is_empty() && !infeasibility.relax_all);
    // The closest plan covers what the catalogue teaches, and says what
    // remains.
    let closest = infeasibility.closest.expect("un parcours le plus proche");
    assert_eq!(closest.plan.reason, PlanReason::Closest);
    assert_eq!(closest.plan.units[0].unit.id, "bc1");
    assert_eq!(closest.remaining, vec![CompetenceId(3)]);
    assert_eq!(closest.plan.covered, vec![CompetenceId(1), CompetenceId(2)]);
}

#[test]
fn non_core_where_reachable_and_vae() {
    let r = referentiel(&[true, false, false, false]);
    let units = vec![
        unit("m1", UnitKind::Module, &[1], 10, 100),
        unit(
            "bc1",
            UnitKind::Bloc("RNCP9BC01".into()),
            &[1, 2],
            300,
            2500,
        ),
    ];
    let incidental = run(
        &r,
        &home(),
        &units,
        &Constraints::default(),
        Objective::Duree,
    );
    let Outcome::Plans { best, .. } = incidental else {
        panic!()
    };
    assert_eq!(best.units.len(), 1);
    assert_eq!(
        best.uncovered,
        vec![CompetenceId(2), CompetenceId(3), CompetenceId(4)]
    );
    let reachable = Constraints {
        non_core: NonCore::WhereReachable,
        ..Constraints::default()
    };
    let Outcome::Plans { best, vae, .. } = run(&r, &home(), &units, &reachable, Objective::Duree)
    else {
        panic!()
    };
    assert_eq!(best.units[0].unit.id, "bc1");
    assert_eq!(best.uncovered, vec![CompetenceId(3), CompetenceId(4)]);
    assert!(vae.is_empty(), "no experience, no VAE");
    // Experience in the target trade with three of four skills declared:
    // VAE for RNCP9 is suggested.
    let experienced = Profile {
        experiences: vec![Experience {
            metier: rome("I1304"),
            annees: 2.0,
        }],
        declared: vec![CompetenceId(3), CompetenceId(4)],
        ..home()
    };
    let Outcome::Plans { vae, .. } = run(
        &r,
        &experienced,
        &units,
        &Constraints::default(),
        Objective::Duree,
    ) else {
        panic!()
    };
    assert_eq!(vae.len(), 1);
    assert_eq!(vae[0].certification, cert("RNCP9"));
    assert_eq!(vae[0].missing, vec![CompetenceId(2)]);
}

#[test]
fn a_ready_learner_gets_an_empty_plan() {
    let r = referentiel(&[true, false]);
    let units = vec![unit("m1", UnitKind::Module, &[1, 2], 10, 100)];
    let ready = Profile {
        declared: vec![CompetenceId(1)],
        ..home()
    };
    let Outcome::Plans {
        best, alternatives, ..
    } = run(&r, &ready, &units, &Constraints::default(), Objective::Cout)
    else {
        panic!("nothing to cover is always possible");
    };
    assert!(best.units.is_empty() && alternatives.is_empty());
    assert_eq!(best.uncovered, vec![CompetenceId(2)]);
    assert_eq!(best.totals.cout_euros, 0);
}

#[test]
fn distance_needs_a_home() {
    let r = referentiel(&[true]);
    let units = vec![unit("m1", UnitKind::Module, &[1], 10, 100)];
    let have = Acquired::default();
    let g = gap(&r, &have, &rome("I1304")).unwrap();
    let constraints = Constraints {
        distance_max_km: Some(30.0),
        ..Constraints::default()
    };
    let request = Request {
        profile: &Profile::default(),
        acquired: &have,
        gap: &g,
        units: &Units::new(units.clone()),
        constraints: &constraints,
        objective: Objective::Duree,
    };
    assert_eq!(plan(&r, &request), Err(ParcoursError::DomicileInconnu));
    let bad = Constraints {
        distance_max_km: Some(f64::NAN),
        ..Constraints::default()
    };
    let request = Request {
        constraints: &bad,
        ..request
    };
    assert!(matches!(
        plan(&r, &request),
        Err(ParcoursError::DistanceInvalide(_))
    ));
}

// Random small instances: up to 6 skills, up to 10 units.

#[derive(Debug, Clone)]
struct Instance {
    core: Vec<bool>,
    units: Vec<Unit>,
    declared: Vec<i64>,
    niveau: Option<u8>,
    constraints: Constraints,
    objective: Objective,
}

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..=6).prop_flat_map(|n| {
        let skills = proptest::collection::vec(1..=n as i64, 0..=4);
        let modalite = prop_oneof![
            Just(Modalite::Initiale),
            Just(Modalite::Apprentissage),
            Just(Modalite::FormationContinue),
            Just(Modalite::Vae)
        ];
        let unit = (
            skills,
            1u32..400,
            0u32..5000,
            proptest::option::of((46.5f64..48.5, -0.5f64..2.5)),
            modalite,
            proptest::option::of(0u32..300),
            proptest::option::of(3u8..=8),
        )
            .prop_map(
                |(skills, heures, euros, lieu, modalite, debut, niveau)| Unit {
                    id: String::new(),
                    libelle: String::new(),
                    kind: UnitKind::Module,
                    skills: skills.into_iter().map(CompetenceId).collect(),
                    weak: Vec::new(),
                    duree_heures: heures,
                    cout_euros: euros,
                    lieu: lieu.map(|(a, b)| GeoPoint::new(a, b).unwrap()),
                    modalite,
                    debut: debut.map(day),
                    fin: None,
                    niveau: niveau.and_then(Niveau::new),
                },
            );
        let constraints = (
            proptest::collection::vec(
                prop_oneof![
                    Just(Modalite::Initiale),
                    Just(Modalite::FormationContinue),
                    Just(Modalite::Vae)
                ],
                0..3,
            ),
            proptest::option::of(20.0f64..200.0),
            proptest::option::of(0u32..300),
            proptest::option::of(50u32..1200),
            proptest::option::of(0u8..4),
            prop_oneof![Just(NonCore::Incidental), Just(NonCore::WhereReachable)],
            any::<bool>(),
        )
            .prop_map(
                |(modalites, distance, debut, duree, ecart, non_core, formation_initiale)| {
                    Constraints {
                        modalites,
                        distance_max_km: distance,
                        debut_avant: debut.map(day),
                        duree_max_heures: duree,
                        ecart_niveau_max: ecart,
                        non_core,
                        formation_initiale,
                    }
                },
            );
        (
            proptest::collection::vec(any::<bool>(), n),
            proptest::collection::vec(unit, 0..=10),
            proptest::collection::vec(1..=n as i64, 0..3),
            proptest::option::of(3u8..=8),
            constraints,
            prop_oneof![
                Just(Objective::Duree),
                Just(Objective::Cout),
                Just(Objective::Distance)
            ],
        )
            .prop_map(
                |(core, mut units, declared, niveau, constraints, objective)| {
                    for (i, u) in units.iter_mut().enumerate() {
                        u.id = format!("u{i}");
                    }
                    Instance {
                        core,
                        units,
                        declared,
                        niveau,
                        constraints,
                        objective,
                    }
                },
            )
    })
}

fn profile_of(i: &Instance) -> Profile {
    Profile {
        declared: i.declared.iter().map(|&s| CompetenceId(s)).collect(),
        niveau: i.niveau.and_then(Niveau::new),
        ..home()
    }
}

/// The constraints, checked here independently of the engine's filter.
fn allowed(i: &Instance, u: &Unit) -> bool {
    let c = &i.constraints;
    let home = GeoPoint::new(TOURS.0, TOURS.1).unwrap();
    let level = i.niveau.unwrap_or(2);
    (c.modalites.is_empty() || c.modalites.contains(&u.modalite))
        && (c.formation_initiale || u.modalite != Modalite::Initiale)
        && c.distance_max_km
            .is_none_or(|m| u.lieu.is_none_or(|p| home.distance_km(p) <= m))
        && c.debut_avant.is_none_or(|d| u.debut.is_none_or(|s| s <= d))
        && c.ecart_niveau_max
            .is_none_or(|e| u.niveau.is_none_or(|n| n.value() <= level + e))
        && c.duree_max_heures.is_none_or(|m| u.duree_heures <= m)
}

fn objective_of(units: &[&Unit], objective: Objective) -> u64 {
    let home = GeoPoint::new(TOURS.0, TOURS.1).unwrap();
    units
        .iter()
        .map(|u| match objective {
            Objective::Duree => u64::from(u.duree_heures),
            Objective::Cout => u64::from(u.cout_euros),
            Objective::Distance => u
                .lieu
                .map_or(0, |p| (home.distance_km(p) * 1000.0).round() as u64),
        })
        .sum()
}

/// The best objective over every subset of allowed units that covers the
/// required skills, by enumeration.
fn brute_force(i: &Instance, r: &Referentiel) -> Option<u64> {
    let have = acquired(r, &profile_of(i)).unwrap();
    let g = gap(r, &have, &rome("I1304")).unwrap();
    let allowed_units: Vec<&Unit> = i.units.iter().filter(|u| allowed(i, u)).collect();
    let mut required: Vec<CompetenceId> = g.required().map(|m| m.skill).collect();
    if i.constraints.non_core == NonCore::WhereReachable {
        required.extend(
            g.missing
                .iter()
                .filter(|m| m.requirement != Requirement::Core)
                .map(|m| m.skill)
                .filter(|s| allowed_units.iter().any(|u| u.skills.contains(s))),
        );
    }
    let core: Vec<CompetenceId> = g.required().map(|m| m.skill).collect();
    cheapest(i, &allowed_units, &required).or_else(|| cheapest(i, &allowed_units, &core))
}

fn cheapest(i: &Instance, allowed_units: &[&Unit], required: &[CompetenceId]) -> Option<u64> {
    let mut best = None;
    for mask in 0u32..(1 << allowed_units.len()) {
        let chosen: Vec<&Unit> = allowed_units
            .iter()
            .enumerate()
            .filter(|(k, _)| mask & (1 << k) != 0)
            .map(|(_, u)| *u)
            .collect();
        let hours: u64 = chosen.iter().map(|u| u64::from(u.duree_heures)).sum();
        if i.constraints
            .duree_max_heures
            .is_some_and(|m| hours > u64::from(m))
        {
            continue;
        }
        if required
            .iter()
            .all(|s| chosen.iter().any(|u| u.skills.contains(s)))
        {
            let cost = objective_of(&chosen, i.objective);
            best = Some(best.map_or(cost, |b: u64| b.min(cost)));
        }
    }
    best
}

fn check_plan(i: &Instance, r: &Referentiel, p: &Plan) -> Result<(), TestCaseError> {
    let have = acquired(r, &profile_of(i)).unwrap();
    let g = gap(r, &have, &rome("I1304")).unwrap();
    let units: Vec<&Unit> = p.units.iter().map(|pu| &pu.unit).collect();
    // Covers what it claims, and every core skill.
    for s in &p.covered {
        prop_assert!(units.iter().any(|u| u.skills.contains(s)));
    }
    for m in g.required() {
        prop_assert!(
            p.covered.contains(&m.skill),
            "core skill {:?} uncovered",
            m.skill
        );
    }
    for pu in &p.units {
        for s in &pu.covers {
            prop_assert!(pu.unit.skills.contains(s));
        }
    }
    // Breaks no constraint.
    for u in &units {
        prop_assert!(allowed(i, u), "unit {} breaks a constraint", u.id);
    }
    if let Some(max) = i.constraints.duree_max_heures {
        prop_assert!(p.totals.duree_heures <= u64::from(max));
    }
    prop_assert_eq!(
        p.totals.duree_heures,
        units.iter().map(|u| u64::from(u.duree_heures)).sum::<u64>()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn plans_cover_respect_and_are_optimal(i in instance()) {
        let r = referentiel(&i.core);
        let outcome = run(&r, &profile_of(&i), &i.units, &i.constraints, i.objective);
        let expected = brute_force(&i, &r);
        match &outcome {
            Outcome::Plans { best, alternatives, .. } => {
                check_plan(&i, &r, best)?;
                let units: Vec<&Unit> = best.units.iter().map(|pu| &pu.unit).collect();
                prop_assert_eq!(Some(objective_of(&units, i.objective)), expected);
                prop_assert!(best.optimal);
                for alternative in alternatives {
                    check_plan(&i, &r, alternative)?;
                }
            }
            Outcome::Infeasible { infeasibility, .. } => {
                prop_assert_eq!(expected, None);
                for relaxation in &infeasibility.relax {
                    let relaxed = Instance { constraints: i.constraints.without(relaxation.constraint), ..i.clone() };
                    prop_assert!(brute_force(&relaxed, &r).is_some());
                }
                // A closest plan leaves exactly the blocking core skills,
                // covers every other, and uses allowed units only.
                if let Some(closest) = &infeasibility.closest {
                    prop_assert_eq!(&closest.remaining, &infeasibility.blocking);
                    prop_assert_eq!(&closest.plan.reason, &PlanReason::Closest);
                    for pu in &closest.plan.units {
                        prop_assert!(allowed(&i, &pu.unit), "{:?}", pu.unit);
                    }
                    let have = acquired(&r, &profile_of(&i)).unwrap();
                    let g = gap(&r, &have, &rome("I1304")).unwrap();
                    for core in g.required().map(|m| m.skill) {
                        let covered = closest.plan.covered.contains(&core);
                        prop_assert_eq!(covered, !closest.remaining.contains(&core));
                    }
                }
            }
        }
    }

    #[test]
    fn an_acquired_competence_never_lengthens_the_best_plan(i in instance(), extra in 1i64..=6) {
        // Under `WhereReachable` an acquired skill can free enough of the
        // hour budget for the non-core skills to fit again, and the plan
        // then rightly grows to cover them: the property is the default
        // mode's, where the required set only shrinks.
        prop_assume!(i.constraints.non_core == NonCore::Incidental);
        let r = referentiel(&i.core);
        let before = run(&r, &profile_of(&i), &i.units, &i.constraints, i.objective);
        let mut more = i.clone();
        if extra <= i.core.len() as i64 {
            more.declared.push(extra);
        }
        let after = run(&r, &profile_of(&more), &more.units, &more.constraints, more.objective);
        let value = |o: &Outcome| match o {
            Outcome::Plans { best, .. } => {
                let units: Vec<&Unit> = best.units.iter().map(|pu| &pu.unit).collect();
                Some(objective_of(&units, i.objective))
            }
            Outcome::Infeasible { .. } => None,
        };
        if let Some(b) = value(&before) {
            let a = value(&after);
            prop_assert!(a.is_some_and(|a| a <= b), "{:?} then {:?}", b, a);
        }
    }

    #[test]
    fn never_panics_on_extreme_input(
        hours in proptest::collection::vec(any::<u32>(), 0..12),
        skills in proptest::collection::vec(proptest::collection::vec(-3i64..10, 0..6), 12),
        distance in any::<f64>(),
        lat in -90.0f64..90.0,
        lon in -180.0f64..180.0,
        declared in proptest::collection::vec(1i64..=4, 0..4),
        objective in prop_oneof![Just(Objective::Duree), Just(Objective::Cout), Just(Objective::Distance)],
    ) {
        let r = referentiel(&[true, false, true, false]);
        let units: Vec<Unit> = hours
            .iter()
            .zip(&skills)
            .enumerate()
            .map(|(k, (&h, s))| Unit {
                id: format!("u{k}"),
                lieu: Some(GeoPoint::new(lat, lon).unwrap()),
                niveau: None,
                debut: None,
                cout_euros: h,
                ..unit("x", UnitKind::Module, s, h, h)
            })
            .collect();
        let profile = Profile { declared: declared.into_iter().map(CompetenceId).collect(), ..home() };
        let have = acquired(&r, &profile).unwrap();
        let g = gap(&r, &have, &rome("I1304")).unwrap();
        let constraints = Constraints {
            distance_max_km: Some(distance),
            duree_max_heures: hours.first().copied(),
            ..Constraints::default()
        };
        let request = Request { profile: &profile, acquired: &have, gap: &g, units: &Units::new(units.clone()), constraints: &constraints, objective };
        match plan(&r, &request) {
            Ok(_) => prop_assert!(distance.is_finite() && distance >= 0.0),
            Err(e) => prop_assert!(
                matches!(e, ParcoursError::DistanceInvalide(_)) && !(distance.is_finite() && distance >= 0.0)
            ),
        }
    }
}

#[test]
fn a_year_in_a_trade_the_certification_leads_to_suggests_vae() {
    let r = referentiel(&[true, true, false, false]);
    let units = vec![unit(
        "cert",
        UnitKind::Certification(cert("RNCP9")),
        &[1, 2, 3, 4],
        900,
        6000,
    )];
    let with_years = |annees: f32| Profile {
        experiences: vec![Experience {
            metier: rome("I1304"),
            annees,
        }],
        ..home()
    };
    let vae_of = |profile: &Profile| match run(
        &r,
        profile,
        &units,
        &Constraints::default(),
        Objective::Duree,
    ) {
        Outcome::Plans { vae, .. } | Outcome::Infeasible { vae, .. } => vae,
    };
    // A year of practice in the trade RNCP9 leads to: VAE, saying why.
    let vae = vae_of(&with_years(1.0));
    assert_eq!(vae.len(), 1);
    assert_eq!(vae[0].certification, cert("RNCP9"));
    assert_eq!(vae[0].experience, Some((rome("I1304"), 1.0)));
    assert_eq!(vae[0].years_required, VAE_MIN_YEARS);
    // Six months are not enough for a jury.
    assert!(vae_of(&with_years(0.5)).is_empty());
}

#[test]
fn weak_links_are_told_from_sure_ones() {
    use crate::align::{Link, Origin, Scope};
    // Core 1 and 2 (RNCP9 leads to I1304), others 3 to 5.
    let mut r = referentiel(&[true, true, false, false, false]);
    let link = |bloc: &str, skill: i64, score: f32, origin: Origin| Link {
        bloc: bloc.into(),
        skill: CompetenceId(skill),
        score,
        origin,
        scope: Scope::CertificationTrades,
    };
    r.link_blocs(&[
        // Weak, but a core skill of the trade the certification leads to.
        link("RNCP9BC01", 1, 0.40, Origin::Computed),
        link("RNCP9BC01", 3, 0.50, Origin::Computed),
        link("RNCP9BC01", 5, 0.30, Origin::Computed),
        // The same skill, confirmed by the team in the other bloc.
        link("RNCP9BC02", 3, 0.50, Origin::Curated),
        link("RNCP9BC02", 4, 0.80, Origin::Computed),
    ]);
    let ids = |v: &[i64]| v.iter().map(|&s| CompetenceId(s)).collect::<Vec<_>>();
    assert_eq!(r.bloc_weak_competences("RNCP9BC01"), ids(&[3, 5]));
    assert!(r.bloc_weak_competences("RNCP9BC02").is_empty());
    assert_eq!(r.certification_weak_competences(&cert("RNCP9")), ids(&[5]));
    assert_eq!(
        r.certification_competences(&cert("RNCP9")),
        ids(&[1, 2, 3, 4, 5])
    );
}

#[test]
fn a_unit_reaching_the_core_only_through_weak_links_is_not_proposed() {
    let r = referentiel(&[true, true, false]);
    let ids = |v: &[i64]| v.iter().map(|&s| CompetenceId(s)).collect::<Vec<_>>();
    // The shortest unit names the whole core, through weak links only.
    let weak_only = Unit {
        weak: ids(&[1, 2]),
        ..unit("faible", UnitKind::Module, &[1, 2], 10, 0)
    };
    // Sure of skill 1: its weak link to skill 2 then counts.
    let anchored = Unit {
        weak: ids(&[2]),
        ..unit("ancre", UnitKind::Module, &[1, 2, 3], 50, 0)
    };
    let outcome = run(
        &r,
        &home(),
        &[weak_only.clone(), anchored],
        &Constraints::default(),
        Objective::Duree,
    );
    let Outcome::Plans {
        best, alternatives, ..
    } = outcome
    else {
        panic!("{outcome:?}");
    };
    let chosen: Vec<&str> = best.units.iter().map(|u| u.unit.id.as_str()).collect();
    assert_eq!(chosen, ["ancre"]);
    assert_eq!(best.covered, ids(&[1, 2, 3]));
    assert!(
        alternatives
            .iter()
            .all(|p| p.units.iter().all(|u| u.unit.id != "faible"))
    );
    // Alone, it makes no plan, nor a closest one: nothing surely teaches
    // the core.
    let Outcome::Infeasible { infeasibility, .. } = run(
        &r,
        &home(),
        &[weak_only],
        &Constraints::default(),
        Objective::Duree,
    ) else {
        panic!("a weak unit made a plan");
    };
    assert_eq!(infeasibility.unteachable, ids(&[1, 2]));
    assert!(infeasibility.closest.is_none());
}

#[test]
fn an_adult_is_not_sent_back_to_school() {
    let r = referentiel(&[true, true]);
    let lycee = Unit {
        modalite: Modalite::Initiale,
        ..unit(
            "lycee",
            UnitKind::Certification(cert("RNCP9")),
            &[1, 2],
            100,
            0,
        )
    };
    let formation_continue = unit(
        "continue",
        UnitKind::Certification(cert("RNCP9")),
        &[1, 2],
        400,
        0,
    );
    let adult = Constraints {
        formation_initiale: false,
        ..Constraints::default()
    };
    let best_of = |units: &[Unit], constraints: &Constraints| -> Option<String> {
        match run(&r, &home(), units, constraints, Objective::Duree) {
            Outcome::Plans { best, .. } => Some(best.units[0].unit.id.clone()),
            Outcome::Infeasible { .. } => None,
        }
    };
    let both = [lycee.clone(), formation_continue];
    assert_eq!(
        best_of(&both, &Constraints::default()).as_deref(),
        Some("lycee")
    );
    assert_eq!(best_of(&both, &adult).as_deref(), Some("continue"));
    // Going back to school is never suggested as a constraint to relax.
    let Outcome::Infeasible { infeasibility, .. } =
        run(&r, &home(), &[lycee], &adult, Objective::Duree)
    else {
        panic!("an adult got a lycée's programme");
    };
    assert!(infeasibility.relax.is_empty() && !infeasibility.relax_all);
    assert!(infeasibility.closest.is_none());
}
