//! The catalogue's offers as the engine's training units.
//!
//! A session of an action whose training prepares a certification the
//! engine knows gives one unit for the whole certification and one per
//! bloc of it: the learner may follow only the blocs they lack
//! (« certification partielle par blocs »). A lycée's programme is the
//! exception: a pupil follows the whole diploma. An action without a dated
//! session gives the same units, starting on demand.
//!
//! LHÉO gives one duration and one price per action, not per bloc: a bloc
//! unit gets an equal share of both, the only estimate that neither
//! favours nor penalises a bloc over the others, and that makes the blocs
//! a learner needs shorter than the whole programme as soon as they need
//! fewer than all of them. An offer without a duration (the
//! higher-education extracts give none) counts the diploma's usual years.
//!
//! A certification the catalogue offers nowhere, but whose title, level and
//! certifiers are known, gives the same units « sans session connue », one
//! set per route open to it: no date, the certifiers to contact. A
//! certifier the directory places (same SIRET as an apprenticeship
//! training organisation) gives its own set, at its address, so that a
//! distance limit applies; the others are at no place.
//! They count the diploma's usual years (one year when its kind is
//! unknown), and the engine searches them only when the catalogue's
//! sessions make no plan ([`Units::with_fallback`]).
//! Such a unit teaches only the core skills of the trades its
//! certification leads to (a bloc: those of them its title aligns with):
//! with every certification of the register a candidate, a title that
//! merely shares words with a trade's skill (a distiller's bloc for a
//! cosmetics operator) must not make a plan.

use std::collections::{HashMap, HashSet};

use campus_domain::formation::Modalite as ModaliteFormation;
use campus_domain::{CodeCertification, GeoPoint};
use campus_parcours::Referentiel;
use campus_parcours::plan::{Modalite, Unit, UnitKind, Units};
use campus_parcours::rattachement::{HOURS_PER_YEAR, Kind};
use campus_store::Store;
use campus_store::parcours::{Certificateurs, Offre};

use crate::ServiceError;
use crate::rattachement::kinds;

/// Where a unit is taught, as the results page names it: the training
/// (for its page) and the place. The engine's units carry only
/// coordinates; this is read with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPlace {
    /// `None` for a unit « sans session connue ».
    pub formation_id: Option<String>,
    /// The training body, or the certifiers to contact.
    pub organisme: String,
    pub lieu: Option<String>,
    /// No session of it is known: the learner asks its certifiers.
    pub sans_session: bool,
}

/// The id prefix of the units « sans session connue » of a certification
/// by a route: `sans-session-RNCP36085-continue`.
fn sans_session_id(code: &CodeCertification, modalite: ModaliteFormation) -> String {
    let route = match modalite {
        ModaliteFormation::Initiale => "initiale",
        ModaliteFormation::Apprentissage => "apprentissage",
        ModaliteFormation::Continue => "continue",
        ModaliteFormation::Vae => "vae",
    };
    format!("sans-session-{code}-{route}")
}

/// The training units of the catalogue, indexed by the skills they teach,
/// and the place of each, keyed by the session (or sessionless action) id
/// that starts each unit's id (`session#code`).
#[derive(Debug, Default)]
pub struct TrainingUnits {
    pub units: Units,
    pub places: HashMap<String, UnitPlace>,
}

/// The units of every session (or sessionless action) of the catalogue
/// preparing a certification of `referentiel`.
pub async fn training_units(
    store: &Store,
    referentiel: &Referentiel,
) -> Result<TrainingUnits, ServiceError> {
    let parcours = store.parcours();
    let offres = parcours.list_offres().await?;
    let kinds = kinds(&parcours.list_certification_types().await?);
    let certificateurs = parcours.list_certificateurs().await?;
    let mut units = units_of(referentiel, &kinds, offres);
    sans_session(&mut units, referentiel, &kinds, certificateurs);
    Ok(units)
}

/// The units of the offers, for the certifications the referential knows.
fn units_of(
    referentiel: &Referentiel,
    kinds: &HashMap<String, (Kind, String)>,
    offres: Vec<Offre>,
) -> TrainingUnits {
    let mut units = Vec::new();
    let mut places = HashMap::new();
    for offre in offres {
        let lieu = offre.position;
        if lieu.is_none() && offre.names_a_place {
            // Taught somewhere the catalogue cannot place: neither
            // "anywhere" (a unit without a place passes every distance
            // limit) nor a guess.
            continue;
        }
        let place = UnitPlace {
            formation_id: Some(offre.formation_id.clone()),
            organisme: offre.organisme.clone(),
            lieu: offre.lieu.clone(),
            sans_session: false,
        };
        let dated: Vec<_> = if offre.sessions.is_empty() {
            vec![(offre.action_id.clone(), None, None)]
        } else {
            offre
                .sessions
                .iter()
                .map(|s| (s.id.clone(), s.debut, s.fin))
                .collect()
        };
        for (id, _, _) in &dated {
            places.insert(id.clone(), place.clone());
        }
        let cout = whole(offre.prix);
        for code in &offre.certifications {
            let Some(certification) = referentiel.certification(code) else {
                continue;
            };
            let duree = match whole(offre.duree_heures) {
                // Unknown kind: one year, as for a certification without
                // a session, never a unit that takes no time.
                0 => kinds
                    .get(code.as_str())
                    .map_or(HOURS_PER_YEAR, |(kind, _)| kind.years() * HOURS_PER_YEAR),
                hours => hours,
            };
            let niveau = certification.niveau.or(offre.niveau_sortie);
            let blocs = if offre.par_blocs {
                referentiel.certification_blocs(code)
            } else {
                Vec::new()
            };
            let share = u32::try_from(blocs.len().max(1)).unwrap_or(u32::MAX);
            for (id, debut, fin) in &dated {
                let base = Unit {
                    id: format!("{id}#{}", code.as_str()),
                    libelle: offre.intitule.clone(),
                    kind: UnitKind::Certification(code.clone()),
                    skills: referentiel.certification_competences(code),
                    weak: referentiel.certification_weak_competences(code),
                    duree_heures: duree,
                    cout_euros: cout,
                    lieu,
                    modalite: modalite(offre.modalite),
                    debut: *debut,
                    fin: *fin,
                    niveau,
                };
                for bloc in &blocs {
                    units.push(Unit {
                        id: format!("{id}#{bloc}"),
                        libelle: format!("{} — bloc {bloc}", offre.intitule),
                        kind: UnitKind::Bloc(bloc.clone()),
                        skills: referentiel.bloc_competences(bloc),
                        weak: referentiel.bloc_weak_competences(bloc),
                        duree_heures: duree.div_ceil(share),
                        cout_euros: cout.div_ceil(share),
                        ..base.clone()
                    });
                }
                units.push(base);
            }
        }
    }
    TrainingUnits {
        units: Units::new(units),
        places,
    }
}

/// Adds the units « sans session connue » of the certifications of the
/// referential that no offer prepares, whose title and level are known and
/// whose certifiers are known: one
/// set (the whole certification and each bloc) per route open to it, VAE
/// aside (the plans suggest it on their own).
fn sans_session(
    training: &mut TrainingUnits,
    referentiel: &Referentiel,
    kinds: &HashMap<String, (Kind, String)>,
    certificateurs: Vec<Certificateurs>,
) {
    let offered: HashSet<CodeCertification> = training
        .units
        .iter()
        .filter_map(|u| match &u.kind {
            UnitKind::Certification(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let primary = std::mem::take(&mut training.units).into_units();
    let mut units = Vec::new();
    // At equal cost the engine keeps the first of identical units: the
    // certification registered for the fewest trades, which prepares each
    // of them most surely (a distiller's title registered for both the
    // food and the chemical industries comes after a chemical operator's).
    let mut certificateurs = certificateurs;
    certificateurs.sort_by_cached_key(|c| {
        referentiel
            .certification(&c.certification)
            .map_or(usize::MAX, |e| e.metier_count())
    });
    for c in certificateurs {
        let code = &c.certification;
        if offered.contains(code) {
            continue;
        }
        // A certification known only by its code (the RNCP export's blocs
        // name no title nor level) is no route an advisor could name.
        let Some(certification) = referentiel
            .certification(code)
            .filter(|c| c.niveau.is_some() && c.libelle != code.as_str())
        else {
            continue;
        };
        let duree = kinds.get(code.as_str()).map_or(1, |(kind, _)| kind.years()) * HOURS_PER_YEAR;
        let mut leads_to = referentiel.certification_metier_competences(code);
        if leads_to.is_empty() {
            continue;
        }
        leads_to.sort_unstable();
        let blocs = referentiel.certification_blocs(code);
        let share = u32::try_from(blocs.len().max(1)).unwrap_or(u32::MAX);
        // Where to ask: each certifier the directory places, or, when it
        // places none, all of them, at no place.
        let wheres: Vec<(String, String, Option<String>, Option<GeoPoint>)> = if c.lieux.is_empty()
        {
            vec![(String::new(), c.noms.join(", "), None, None)]
        } else {
            c.lieux
                .iter()
                .map(|l| {
                    (
                        format!("-{}", l.siret),
                        l.nom.clone(),
                        l.commune.clone(),
                        Some(l.position),
                    )
                })
                .collect()
        };
        let routes = c
            .modalites
            .iter()
            .copied()
            .filter(|m| *m != ModaliteFormation::Vae);
        for (route, (suffix, organisme, commune, position)) in
            routes.flat_map(|route| wheres.iter().map(move |w| (route, w)))
        {
            let id = format!("{}{suffix}", sans_session_id(code, route));
            training.places.insert(
                id.clone(),
                UnitPlace {
                    formation_id: None,
                    organisme: organisme.clone(),
                    lieu: commune.clone(),
                    sans_session: true,
                },
            );
            let base = Unit {
                id: format!("{id}#{code}"),
                libelle: certification.libelle.clone(),
                kind: UnitKind::Certification(code.clone()),
                skills: leads_to.clone(),
                // The trades' core, by registration: sure.
                weak: Vec::new(),
                duree_heures: duree,
                cout_euros: 0,
                lieu: *position,
                modalite: modalite(route),
                debut: None,
                fin: None,
                niveau: certification.niveau,
            };
            for bloc in &blocs {
                units.push(Unit {
                    id: format!("{id}#{bloc}"),
                    libelle: format!("{} — bloc {bloc}", certification.libelle),
                    kind: UnitKind::Bloc(bloc.clone()),
                    skills: referentiel
                        .bloc_competences(bloc)
                        .into_iter()
                        .filter(|s| leads_to.binary_search(s).is_ok())
                        .collect(),
                    duree_heures: duree.div_ceil(share),
                    ..base.clone()
                });
            }
            units.push(base);
        }
    }
    training.units = Units::with_fallback(primary, units);
}

/// A training's modality as the engine names it.
pub fn modalite(m: ModaliteFormation) -> Modalite {
    match m {
        ModaliteFormation::Initiale => Modalite::Initiale,
        ModaliteFormation::Apprentissage => Modalite::Apprentissage,
        ModaliteFormation::Continue => Modalite::FormationContinue,
        ModaliteFormation::Vae => Modalite::Vae,
    }
}

/// Hours or euros as the engine counts them: whole, rounded up (a 0.5 h
/// module still takes time), an unknown amount as 0.
fn whole(value: Option<f64>) -> u32 {
    match value {
        Some(v) if v.is_finite() && v > 0.0 => {
            let v = v.ceil();
            if v >= f64::from(u32::MAX) {
                u32::MAX
            } else {
                v as u32
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use campus_domain::certification::Bloc;
    use campus_domain::parcours::{Origin, Scope};
    use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence};
    use campus_domain::{CodeCertification, CodeRome, Niveau};
    use campus_store::parcours::{
        BlocParcours, CatalogueParcours, CertificationParcours, LienBlocCompetence,
        LieuCertificateur, MetierParcours, SessionOffre,
    };
    use chrono::NaiveDate;

    use super::*;
    use crate::catalogue::build;

    fn code(text: &str) -> CodeCertification {
        CodeCertification::parse(text).unwrap_or_else(|_| unreachable!())
    }

    /// A certification of level 5 in two blocs, each teaching one skill,
    /// leading to a trade whose core is both skills.
    fn referentiel() -> Referentiel {
        let bloc = |n: &str| BlocParcours {
            bloc: Bloc {
                code: format!("RNCP1BC0{n}"),
                certification: code("RNCP1"),
                libelle: format!("Bloc {n}"),
            },
            competences: Vec::new(),
        };
        let lien = |n: &str, ogr: i64| LienBlocCompetence {
            bloc: format!("RNCP1BC0{n}"),
            code_ogr: ogr,
            score: 0.8,
            origin: Origin::Computed,
            scope: Scope::CertificationTrades,
            removed: false,
        };
        let skill = |ogr: i64| Competence {
            code_ogr: ogr,
            kind: CompetenceKind::SavoirFaire,
            libelle: format!("Compétence {ogr}"),
            categorie: None,
            sous_categorie: None,
        };
        let h2301 = || CodeRome::parse("H2301").unwrap_or_else(|_| unreachable!());
        let core = |ogr: i64| FicheCompetence {
            code_rome: h2301(),
            code_ogr: ogr,
            coeur: Some(Coeur::Principale),
        };
        build(CatalogueParcours {
            skills: vec![skill(10), skill(11)],
            metiers: vec![MetierParcours {
                code: h2301(),
                libelle: "Conduite d'équipement de production chimique".to_owned(),
                parent: None,
                emploi_cadre: false,
            }],
            fiche_competences: vec![core(10), core(11)],
            certifications: vec![CertificationParcours {
                code: code("RNCP1"),
                libelle: "BTS chimiste".to_owned(),
                niveau: Niveau::new(5),
                romes: vec![h2301()],
                vae: false,
            }],
            blocs: vec![bloc("1"), bloc("2")],
            liens: vec![lien("1", 10), lien("2", 11)],
            ..CatalogueParcours::default()
        })
        .referentiel
    }

    fn offre(action: &str) -> Offre {
        Offre {
            action_id: action.to_owned(),
            formation_id: "F1".to_owned(),
            intitule: "BTS chimiste".to_owned(),
            organisme: "Lycée Vaucanson".to_owned(),
            niveau_sortie: None,
            certifications: vec![code("RNCP1"), code("RNCP999")],
            modalite: ModaliteFormation::Apprentissage,
            position: campus_domain::GeoPoint::from_columns(Some(47.39), Some(0.69)),
            names_a_place: true,
            lieu: Some("Tours".to_owned()),
            duree_heures: Some(1200.5),
            prix: Some(3001.0),
            sessions: Vec::new(),
            par_blocs: true,
        }
    }

    /// A lycée's programme is followed whole: one unit per certification,
    /// none per bloc.
    #[test]
    fn a_lycee_programme_gives_only_the_whole_certification() {
        let r = referentiel();
        let o = Offre {
            par_blocs: false,
            ..offre("A1")
        };
        let units = units_of(&r, &HashMap::new(), vec![o]).units;
        assert!(units.iter().count() > 0);
        assert!(
            units
                .iter()
                .all(|u| matches!(u.kind, UnitKind::Certification(_))),
            "{:?}",
            units.iter().map(|u| &u.id).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_session_gives_the_whole_certification_and_each_bloc() {
        let r = referentiel();
        let day = NaiveDate::from_ymd_opt(2027, 9, 1);
        let o = Offre {
            sessions: vec![SessionOffre {
                id: "S1".to_owned(),
                debut: day,
                fin: None,
            }],
            ..offre("A1")
        };
        let t = units_of(&r, &HashMap::new(), vec![o]);
        let mut ids: Vec<&str> = t.units.iter().map(|u| u.id.as_str()).collect();
        ids.sort_unstable();
        // RNCP999 is not in the referential: no unit for it.
        assert_eq!(ids, ["S1#RNCP1", "S1#RNCP1BC01", "S1#RNCP1BC02"]);
        for u in t.units.iter() {
            assert_eq!(u.debut, day);
            assert_eq!(u.modalite, Modalite::Apprentissage);
            assert_eq!(u.niveau, Niveau::new(5));
            match &u.kind {
                UnitKind::Certification(_) => {
                    assert_eq!((u.duree_heures, u.cout_euros), (1201, 3001));
                    assert_eq!(u.skills.len(), 2);
                }
                _ => {
                    // An equal share of each, rounded up.
                    assert_eq!((u.duree_heures, u.cout_euros), (601, 1501));
                    assert_eq!(u.skills.len(), 1);
                }
            }
        }
        assert_eq!(
            t.places.get("S1").map(|p| p.lieu.as_deref()),
            Some(Some("Tours"))
        );
    }

    #[test]
    fn places_the_catalogue_cannot_find_give_no_unit() {
        let r = referentiel();
        let lost = Offre {
            position: None,
            ..offre("A1")
        };
        let distance = Offre {
            position: None,
            names_a_place: false,
            lieu: None,
            ..offre("A3")
        };
        let t = units_of(&r, &HashMap::new(), vec![lost, distance]);
        assert!(t.units.iter().all(|u| u.id.starts_with("A3#")));
        assert!(t.units.iter().all(|u| u.lieu.is_none()));
        assert_eq!(t.units.len(), 3);
        assert!(!t.places.contains_key("A1") && t.places.contains_key("A3"));
    }

    #[test]
    fn an_offer_without_duration_counts_the_diploma_s_years() {
        let r = referentiel();
        let kinds = HashMap::from([("RNCP1".to_owned(), (Kind::Bts, "BTS".to_owned()))]);
        let o = Offre {
            duree_heures: None,
            ..offre("A1")
        };
        let t = units_of(&r, &kinds, vec![o]);
        let whole_title = t
            .units
            .iter()
            .find(|u| u.id == "A1#RNCP1")
            .map(|u| u.duree_heures);
        assert_eq!(whole_title, Some(Kind::Bts.years() * HOURS_PER_YEAR));
    }

    fn certificateurs(routes: Vec<ModaliteFormation>) -> Certificateurs {
        Certificateurs {
            certification: code("RNCP1"),
            noms: vec!["Ministère de l'Éducation nationale".to_owned()],
            modalites: routes,
            lieux: Vec::new(),
        }
    }

    #[test]
    fn the_narrowest_registration_comes_first_among_units_without_session() {
        let rome = |c: &str| CodeRome::parse(c).unwrap_or_else(|_| unreachable!());
        let metier = |c: &str| MetierParcours {
            code: rome(c),
            libelle: c.to_owned(),
            parent: None,
            emploi_cadre: false,
        };
        let certification = |c: &str, romes: &[&str]| CertificationParcours {
            code: code(c),
            libelle: format!("Titre {c}"),
            niveau: Niveau::new(3),
            romes: romes.iter().map(|r| rome(r)).collect(),
            vae: false,
        };
        let r = build(CatalogueParcours {
            skills: vec![Competence {
                code_ogr: 10,
                kind: CompetenceKind::SavoirFaire,
                libelle: "Conduire".to_owned(),
                categorie: None,
                sous_categorie: None,
            }],
            metiers: vec![metier("H2301"), metier("H2102")],
            fiche_competences: ["H2301", "H2102"]
                .into_iter()
                .map(|m| FicheCompetence {
                    code_rome: rome(m),
                    code_ogr: 10,
                    coeur: Some(Coeur::Principale),
                })
                .collect(),
            certifications: vec![
                certification("RNCP2", &["H2102", "H2301"]),
                certification("RNCP3", &["H2301"]),
            ],
            ..CatalogueParcours::default()
        })
        .referentiel;
        let listed = |c: &str| Certificateurs {
            certification: code(c),
            noms: vec!["Branche".to_owned()],
            modalites: vec![ModaliteFormation::Continue],
            lieux: Vec::new(),
        };
        let mut t = TrainingUnits::default();
        sans_session(
            &mut t,
            &r,
            &HashMap::new(),
            vec![listed("RNCP2"), listed("RNCP3")],
        );
        let ids: Vec<&str> = t.units.iter().map(|u| u.id.as_str()).collect();
        // Same skill, same hours: the one registered for one trade first.
        assert_eq!(
            ids,
            [
                "sans-session-RNCP3-continue#RNCP3",
                "sans-session-RNCP2-continue#RNCP2"
            ]
        );
    }

    #[test]
    fn a_certifier_the_directory_places_gives_the_unit_its_place() {
        let r = referentiel();
        let mut t = TrainingUnits::default();
        let lycee = |siret: &str, lat: f64| LieuCertificateur {
            siret: siret.to_owned(),
            nom: format!("CFA {siret}"),
            commune: Some("Tours".to_owned()),
            position: GeoPoint::new(lat, 0.69).unwrap_or_else(|e| unreachable!("{e}")),
        };
        let c = Certificateurs {
            lieux: vec![
                lycee("11111111100011", 47.39),
                lycee("22222222200022", 47.9),
            ],
            ..certificateurs(vec![ModaliteFormation::Continue])
        };
        sans_session(&mut t, &r, &HashMap::new(), vec![c]);
        // One set per placed certifier, each at its address.
        let whole: Vec<(&str, Option<f64>)> = t
            .units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Certification(_)))
            .map(|u| (u.id.as_str(), u.lieu.map(GeoPoint::lat)))
            .collect();
        assert_eq!(
            whole,
            [
                (
                    "sans-session-RNCP1-continue-11111111100011#RNCP1",
                    Some(47.39)
                ),
                (
                    "sans-session-RNCP1-continue-22222222200022#RNCP1",
                    Some(47.9)
                ),
            ]
        );
        let place = t
            .places
            .get("sans-session-RNCP1-continue-22222222200022")
            .unwrap();
        assert_eq!(place.organisme, "CFA 22222222200022");
        assert_eq!(place.lieu.as_deref(), Some("Tours"));
        assert!(place.sans_session);
    }

    #[test]
    fn a_certification_offered_nowhere_is_a_unit_without_session() {
        let r = referentiel();
        let kinds = HashMap::from([("RNCP1".to_owned(), (Kind::Bts, "BTS".to_owned()))]);
        let mut t = TrainingUnits::default();
        let routes = vec![
            ModaliteFormation::Initiale,
            ModaliteFormation::Continue,
            ModaliteFormation::Vae,
        ];
        sans_session(&mut t, &r, &kinds, vec![certificateurs(routes)]);
        let mut ids: Vec<&str> = t.units.iter().map(|u| u.id.as_str()).collect();
        ids.sort_unstable();
        // One set per route, VAE aside.
        assert_eq!(
            ids,
            [
                "sans-session-RNCP1-continue#RNCP1",
                "sans-session-RNCP1-continue#RNCP1BC01",
                "sans-session-RNCP1-continue#RNCP1BC02",
                "sans-session-RNCP1-initiale#RNCP1",
                "sans-session-RNCP1-initiale#RNCP1BC01",
                "sans-session-RNCP1-initiale#RNCP1BC02",
            ]
        );
        for u in t.units.iter() {
            assert!(u.debut.is_none() && u.lieu.is_none(), "{u:?}");
            assert_eq!(u.niveau, Niveau::new(5));
            let whole = Kind::Bts.years() * HOURS_PER_YEAR;
            match &u.kind {
                UnitKind::Certification(_) => assert_eq!(u.duree_heures, whole),
                _ => assert_eq!(u.duree_heures, whole.div_ceil(2)),
            }
        }
        let place = t.places.get("sans-session-RNCP1-continue").unwrap();
        assert!(place.sans_session && place.formation_id.is_none());
        assert_eq!(place.organisme, "Ministère de l'Éducation nationale");
    }

    #[test]
    fn an_offered_certification_gets_no_unit_without_session() {
        let r = referentiel();
        let mut t = units_of(&r, &HashMap::new(), vec![offre("A1")]);
        let before = t.units.len();
        sans_session(
            &mut t,
            &r,
            &HashMap::new(),
            vec![certificateurs(vec![ModaliteFormation::Continue])],
        );
        assert_eq!(t.units.len(), before);
        assert!(t.places.values().all(|p| !p.sans_session));
    }

    #[test]
    fn amounts_are_whole_and_never_wrap() {
        assert_eq!(whole(Some(12.2)), 13);
        assert_eq!(whole(Some(-3.0)), 0);
        assert_eq!(whole(Some(f64::NAN)), 0);
        assert_eq!(whole(Some(1e20)), u32::MAX);
        assert_eq!(whole(None), 0);
    }
}
