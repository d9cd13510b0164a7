#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use campus_domain::Niveau;
use proptest::prelude::*;

use super::*;
use crate::gap::tests::small;
use crate::gap::{AcquiredFrom, Experience, acquired};
use crate::plan::{Modalite, Unit, UnitKind, Units};
use crate::referentiel::tests::{cert, rome};

const TOURS: (f64, f64) = (47.3941, 0.6848);
const ORLEANS: (f64, f64) = (47.9029, 1.9093);
/// Saint-Cyr-sur-Loire, about 3 km from Tours.
const SAINT_CYR: (f64, f64) = (47.4004, 0.6650);

fn point((lat, lon): (f64, f64)) -> Option<GeoPoint> {
    GeoPoint::new(lat, lon).ok()
}

fn unit(id: &str, kind: UnitKind, skills: &[i64], weak: &[i64], hours: u32) -> Unit {
    Unit {
        id: id.into(),
        libelle: format!("Formation {id}"),
        kind,
        skills: skills.iter().copied().map(CompetenceId).collect(),
        weak: weak.iter().copied().map(CompetenceId).collect(),
        duree_heures: hours,
        cout_euros: 0,
        lieu: None,
        modalite: Modalite::FormationContinue,
        debut: None,
        fin: None,
        niveau: None,
    }
}

fn bloc(code: &str) -> UnitKind {
    UnitKind::Bloc(code.into())
}

/// Five years as H3301 (trade A of [`small`]): skills 1, 2 and 3.
fn profile(niveau: Option<u8>, home: Option<(f64, f64)>) -> Profile {
    Profile {
        experiences: vec![Experience {
            metier: rome("H3301"),
            annees: 5.0,
        }],
        niveau: niveau.and_then(Niveau::new),
        domicile: home.and_then(point),
        ..Profile::default()
    }
}

fn offre(skills: &[i64]) -> OffreCible {
    OffreCible {
        competences: skills.iter().copied().map(CompetenceId).collect(),
        ..OffreCible::default()
    }
}

fn ids<'a>(m: &Manquante<'a>) -> Vec<&'a str> {
    m.unites.iter().map(|u| u.id.as_str()).collect()
}

#[test]
fn share_of_the_offer_skills_held() {
    let r = small();
    let p = profile(None, None);
    let have = acquired(&r, &p).unwrap();
    let index = IndexAdequation::new(&r, &Units::default());
    let a = adequation(&index, &have, &p, &offre(&[5, 1, 2, 6]));
    assert_eq!((a.detenues, a.total), (2, 4));
    assert!((a.part - 0.5).abs() < 1e-6);
    let missing: Vec<_> = a
        .manquantes
        .iter()
        .map(|m| (m.skill.0, m.libelle))
        .collect();
    assert_eq!(missing, vec![(5, "Compétence 5"), (6, "Compétence 6")]);
    assert!(a.manquantes.iter().all(|m| m.unites.is_empty()));
}

#[test]
fn duplicates_count_once_and_unknown_skills_are_missing() {
    let r = small();
    let p = profile(None, None);
    let have = acquired(&r, &p).unwrap();
    let index = IndexAdequation::new(&r, &Units::default());
    let a = adequation(&index, &have, &p, &offre(&[1, 1, 99, 99]));
    assert_eq!((a.detenues, a.total), (1, 2));
    assert_eq!(a.manquantes.len(), 1);
    assert_eq!((a.manquantes[0].skill.0, a.manquantes[0].libelle), (99, ""));
    // Declared, an unknown skill would be held: the profile is checked
    // against the referential before, so this only happens with a
    // hand-made `Acquired`.
    let mut declared = have.clone();
    declared
        .skills
        .insert(CompetenceId(99), vec![AcquiredFrom::Declared]);
    let a = adequation(&index, &declared, &p, &offre(&[1, 99]));
    assert_eq!((a.detenues, a.total), (2, 2));
}

#[test]
fn missing_skills_name_the_shortest_sure_units() {
    let r = small();
    let p = profile(None, None);
    let have = acquired(&r, &p).unwrap();
    let sessions = vec![
        unit("long", bloc("RNCP7BC01"), &[5], &[], 400),
        unit("b1-a", bloc("RNCP8BC01"), &[5, 6], &[], 70),
        // Another session of the same bloc: the shorter one stands for it.
        unit("b1-b", bloc("RNCP8BC01"), &[5], &[], 35),
        unit("module", UnitKind::Module, &[5], &[], 140),
        unit("module-2", UnitKind::Module, &[5], &[], 210),
        // Teaches 5 only through a weak link: never named for it.
        unit("faible", bloc("RNCP9BC01"), &[5, 6], &[5], 7),
    ];
    let fallback = vec![unit(
        "sans-session",
        UnitKind::Certification(cert("RNCP7")),
        &[5, 4],
        &[],
        14,
    )];
    let units = Units::with_fallback(sessions, fallback);
    let index = IndexAdequation::new(&r, &units);
    let a = adequation(&index, &have, &p, &offre(&[4, 5, 6]));
    let by_skill: Vec<(i64, Vec<&str>)> =
        a.manquantes.iter().map(|m| (m.skill.0, ids(m))).collect();
    assert_eq!(
        by_skill,
        vec![
            // Only a certification without a session teaches it.
            (4, vec!["sans-session"]),
            // Sessions first, shortest first, one per bloc, capped.
            (5, vec!["b1-b", "module", "module-2"]),
            (6, vec!["faible", "b1-a"]),
        ]
    );
    let durations: Vec<u32> = a.manquantes[1]
        .unites
        .iter()
        .map(|u| u.duree_heures)
        .collect();
    assert_eq!(durations, vec![35, 140, 210]);
    assert_eq!(index.unites(CompetenceId(1)), &[]);
    assert_eq!(index.enseignees(), 3);
    assert_eq!(index.libelle(CompetenceId(1)), "Compétence 1");
    assert_eq!(index.libelle(CompetenceId(99)), "");
}

#[test]
fn distance_and_travel_class() {
    let r = small();
    let index = IndexAdequation::new(&r, &Units::default());
    let near = OffreCible {
        position: point(SAINT_CYR),
        ..offre(&[1])
    };
    let far = OffreCible {
        position: point(ORLEANS),
        ..offre(&[1])
    };
    let p = profile(None, Some(TOURS));
    let have = acquired(&r, &p).unwrap();
    let a = adequation(&index, &have, &p, &near);
    assert!(a.distance_km.unwrap() < 5.0);
    assert_eq!(a.trajet, Some(ClasseTrajet::MoinsDe15Min));
    let a = adequation(&index, &have, &p, &far);
    assert!((100.0..120.0).contains(&a.distance_km.unwrap()));
    assert_eq!(a.trajet, Some(ClasseTrajet::PlusDe1H));
    // No home, or no workplace: no distance.
    let homeless = profile(None, None);
    let a = adequation(&index, &have, &homeless, &far);
    assert_eq!((a.distance_km, a.trajet), (None, None));
    let a = adequation(&index, &have, &p, &offre(&[1]));
    assert_eq!((a.distance_km, a.trajet), (None, None));
}

#[test]
fn level_asked_against_level_held() {
    let r = small();
    let index = IndexAdequation::new(&r, &Units::default());
    let have = Acquired::default();
    let case = |asked: Option<u8>, held: Option<u8>| {
        let o = OffreCible {
            niveau: asked.and_then(Niveau::new),
            ..offre(&[1])
        };
        adequation(&index, &have, &profile(held, None), &o).niveau
    };
    assert_eq!(case(None, Some(4)), NiveauAdequation::SansExigence);
    assert_eq!(case(None, None), NiveauAdequation::SansExigence);
    assert_eq!(case(Some(4), Some(4)), NiveauAdequation::Atteint);
    assert_eq!(case(Some(4), Some(6)), NiveauAdequation::Atteint);
    assert_eq!(
        case(Some(5), Some(4)),
        NiveauAdequation::Manque { ecart: 1 }
    );
    // Without a certification a person counts as level 2.
    assert_eq!(case(Some(3), None), NiveauAdequation::Manque { ecart: 1 });
    assert_eq!(case(Some(5), None), NiveauAdequation::Manque { ecart: 3 });
}

#[test]
fn an_offer_without_skills_fits_but_ranks_after_a_shown_fit() {
    let r = small();
    let p = profile(None, Some(TOURS));
    let have = acquired(&r, &p).unwrap();
    let index = IndexAdequation::new(&r, &Units::default());
    let empty = OffreCible {
        position: point(SAINT_CYR),
        ..offre(&[])
    };
    let a = adequation(&index, &have, &p, &empty);
    assert_eq!((a.part, a.detenues, a.total), (1.0, 0, 0));
    assert!(a.manquantes.is_empty());
    let full = OffreCible {
        position: point(ORLEANS),
        ..offre(&[1, 2])
    };
    let b = adequation(&index, &have, &p, &full);
    assert_eq!(ordre_adequation(&b, &a), Ordering::Less);
}

#[test]
fn offers_sort_by_fit_or_by_distance() {
    let r = small();
    let p = profile(Some(4), Some(TOURS));
    let have = acquired(&r, &p).unwrap();
    let index = IndexAdequation::new(&r, &Units::default());
    let offres = [
        ("orleans-moitie", ORLEANS, &[1, 5][..], None),
        ("tours-tiers", TOURS, &[1, 5, 6][..], None),
        ("orleans-tout", ORLEANS, &[1, 2][..], Some(5)),
        ("saint-cyr-tout", SAINT_CYR, &[2, 3][..], Some(6)),
        ("tours-tout", TOURS, &[1, 3][..], Some(6)),
    ];
    let mut fits: Vec<(&str, Adequation<'_>)> = offres
        .iter()
        .map(|&(name, place, skills, niveau)| {
            let o = OffreCible {
                competences: skills.iter().copied().map(CompetenceId).collect(),
                niveau: niveau.and_then(Niveau::new),
                position: point(place),
            };
            (name, adequation(&index, &have, &p, &o))
        })
        .collect();
    trier_par_adequation(&mut fits, |(_, a)| a);
    let names: Vec<&str> = fits.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        vec![
            "tours-tout",
            "saint-cyr-tout",
            "orleans-tout",
            "orleans-moitie",
            "tours-tiers"
        ]
    );
    trier_par_distance(&mut fits, |(_, a)| a);
    let names: Vec<&str> = fits.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        vec![
            "tours-tout",
            "tours-tiers",
            "saint-cyr-tout",
            "orleans-tout",
            "orleans-moitie"
        ]
    );
}

#[test]
fn at_equal_share_and_distance_the_level_decides() {
    let r = small();
    let index = IndexAdequation::new(&r, &Units::default());
    let o = OffreCible {
        niveau: Niveau::new(5),
        ..offre(&[1, 5])
    };
    let have = Acquired::default();
    let applicants = [("cap", Some(3)), ("bts", Some(5)), ("bac", Some(4))];
    let profiles: Vec<(&str, Profile)> = applicants
        .iter()
        .map(|&(name, niveau)| (name, profile(niveau, None)))
        .collect();
    let mut ranked: Vec<(&str, Adequation<'_>)> = profiles
        .iter()
        .map(|(name, p)| (*name, adequation(&index, &have, p, &o)))
        .collect();
    trier_par_adequation(&mut ranked, |(_, a)| a);
    let names: Vec<&str> = ranked.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, vec!["bts", "bac", "cap"]);
}

#[test]
fn applicants_rank_by_their_fit_for_one_offer() {
    let r = small();
    let index = IndexAdequation::new(&r, &Units::default());
    // Trade B's skills: 2 and 5 core, 6 other.
    let o = offre(&[2, 5, 6]);
    let a_five_years = profile(None, None);
    let b_one_year = Profile {
        experiences: vec![Experience {
            metier: rome("I1304"),
            annees: 1.0,
        }],
        ..Profile::default()
    };
    let certified = Profile {
        certifications: vec![cert("RNCP7")],
        ..a_five_years.clone()
    };
    let applicants = [
        ("a", a_five_years),
        ("b", b_one_year),
        ("certifie", certified),
    ];
    let skills: Vec<Acquired> = applicants
        .iter()
        .map(|(_, p)| acquired(&r, p).unwrap())
        .collect();
    let mut ranked: Vec<(&str, Adequation<'_>)> = applicants
        .iter()
        .zip(&skills)
        .map(|((name, p), have)| (*name, adequation(&index, have, p, &o)))
        .collect();
    trier_par_adequation(&mut ranked, |(_, a)| a);
    let ranking: Vec<(&str, usize)> = ranked.iter().map(|(n, a)| (*n, a.detenues)).collect();
    assert_eq!(ranking, vec![("certifie", 3), ("b", 2), ("a", 1)]);
}

fn arbitrary_acquired() -> impl Strategy<Value = Acquired> {
    prop::collection::btree_set(0i64..40, 0..30).prop_map(|ids| Acquired {
        skills: ids
            .into_iter()
            .map(|id| (CompetenceId(id), vec![AcquiredFrom::Declared]))
            .collect::<BTreeMap<_, _>>(),
    })
}

proptest! {
    #[test]
    fn share_and_counts_are_consistent(
        have in arbitrary_acquired(),
        skills in prop::collection::vec(0i64..40, 0..25),
        niveau in prop::option::of(3u8..=8),
    ) {
        let r = small();
        let units = Units::new(vec![unit("m", UnitKind::Module, &[1, 5, 30], &[], 10)]);
        let index = IndexAdequation::new(&r, &units);
        let o = OffreCible { niveau: niveau.and_then(Niveau::new), ..offre(&skills) };
        let a = adequation(&index, &have, &profile(Some(4), Some(TOURS)), &o);
        prop_assert!((0.0..=1.0).contains(&a.part));
        prop_assert_eq!(a.detenues + a.manquantes.len(), a.total);
        let mut distinct = skills.clone();
        distinct.sort_unstable();
        distinct.dedup();
        prop_assert_eq!(a.total, distinct.len());
        prop_assert!(a.manquantes.iter().all(|m| !have.contains(m.skill)));
        prop_assert!(a.manquantes.iter().all(|m| m.unites.len() <= UNITES_PAR_COMPETENCE));
    }
}
