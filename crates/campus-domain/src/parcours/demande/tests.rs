#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

use super::*;

/// A catalogue of two trades, two skills, one certification with one
/// bloc, and Tours.
struct Catalogue;

impl Lookup for Catalogue {
    fn metier(&self, typed: &str) -> Found<CodeRome> {
        match typed.trim() {
            "H3301" | "Conduite d'équipement de conditionnement" => {
                Found::One(CodeRome::parse("H3301").unwrap())
            }
            "I1304" => Found::One(CodeRome::parse("I1304").unwrap()),
            "technicien" => Found::Several(vec!["Technicien de maintenance (I1304)".into()]),
            _ => Found::None,
        }
    }

    fn competence(&self, typed: &str) -> Found<i64> {
        match typed {
            "100" | "Régler une machine" => Found::One(100),
            "101" => Found::One(101),
            "machine" => Found::Several(vec!["Régler une machine".into()]),
            _ => Found::None,
        }
    }

    fn certification(&self, typed: &str) -> Found<CodeCertification> {
        match typed.to_ascii_uppercase().as_str() {
            "RNCP320" | "TITRE PROFESSIONNEL PLAQUISTE" => {
                Found::One(CodeCertification::parse("RNCP320").unwrap())
            }
            "TITRE PROFESSIONNEL" => Found::Several(vec!["Plaquiste (RNCP320)".into()]),
            _ => Found::None,
        }
    }

    fn bloc(&self, typed: &str) -> Found<String> {
        match typed.to_ascii_uppercase().as_str() {
            "RNCP320BC01" | "POSER DES CLOISONS" => Found::One("RNCP320BC01".into()),
            "CLOISONS" => Found::Several(vec!["Poser des cloisons (RNCP320BC01)".into()]),
            _ => Found::None,
        }
    }

    fn commune(&self, typed: &str) -> Option<Domicile> {
        (typed == "Tours" || typed == "37000").then(|| Domicile {
            nom: "Tours".into(),
            position: GeoPoint::new(47.39, 0.69).unwrap_or_else(|e| unreachable!("{e}")),
        })
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
}

fn valid() -> SaisieParcours {
    SaisieParcours {
        statut: "salarie".into(),
        metier_1: "H3301".into(),
        annees_1: "5".into(),
        certifications: "rncp320".into(),
        blocs: "rncp320bc01".into(),
        competences: "100\n\nRégler une machine\n".into(),
        niveau: "3".into(),
        commune: " Tours ".into(),
        cible: "I1304".into(),
        mod_apprentissage: "1".into(),
        distance: "80,5".into(),
        debut_avant: "2027-09-01".into(),
        duree_max: "1200".into(),
        niveau_max: "libre".into(),
        objectif: "cout".into(),
        ..SaisieParcours::default()
    }
}

fn errors_of(saisie: &SaisieParcours) -> Vec<DemandeParcoursError> {
    DemandeParcours::parse(saisie, today(), &Catalogue).unwrap_err()
}

#[test]
fn a_complete_request_is_read_into_its_values() {
    let d = DemandeParcours::parse(&valid(), today(), &Catalogue).unwrap();
    assert_eq!(d.statut, Some(StatutApprenant::Salarie));
    assert_eq!(
        d.experiences,
        [Experience {
            metier: CodeRome::parse("H3301").unwrap(),
            annees: 5.0
        }]
    );
    assert_eq!(d.certifications[0].as_str(), "RNCP320");
    assert_eq!(d.blocs, ["RNCP320BC01"]);
    assert_eq!(d.competences, [100, 100]);
    assert_eq!(d.niveau, Niveau::new(3));
    assert_eq!(d.domicile.as_ref().map(|h| h.nom.as_str()), Some("Tours"));
    assert_eq!(d.cible.as_str(), "I1304");
    assert_eq!(d.contraintes.modalites, [Modalite::Apprentissage]);
    assert_eq!(d.contraintes.distance_max_km, Some(80.5));
    assert_eq!(
        d.contraintes.debut_avant,
        NaiveDate::from_ymd_opt(2027, 9, 1)
    );
    assert_eq!(d.contraintes.duree_max_heures, Some(1200));
    assert_eq!(d.contraintes.ecart_niveau, EcartNiveau::Libre);
    assert_eq!(d.objectif, Objectif::Cout);
}

#[test]
fn the_fewest_answers_are_a_target() {
    let saisie = SaisieParcours {
        cible: "I1304".into(),
        ..SaisieParcours::default()
    };
    let d = DemandeParcours::parse(&saisie, today(), &Catalogue).unwrap();
    assert!(d.experiences.is_empty() && d.domicile.is_none() && d.statut.is_none());
    assert_eq!(d.contraintes, Contraintes::default());
    assert_eq!(d.objectif, Objectif::Duree);
    assert_eq!(
        errors_of(&SaisieParcours::default()),
        [DemandeParcoursError::CibleManquante]
    );
}

#[test]
fn each_error_names_its_field_and_its_message() {
    let saisie = SaisieParcours {
        statut: "retraite".into(),
        annees_1: "3".into(),
        metier_2: "xqzwv".into(),
        annees_2: "beaucoup".into(),
        metier_3: "technicien".into(),
        annees_3: "51".into(),
        certifications: "RNCP999 RNCP320".into(),
        blocs: "BC01".into(),
        competences: "inconnue\nmachine".into(),
        niveau: "9".into(),
        commune: "Nulle-Part".into(),
        cible: String::new(),
        distance: "loin".into(),
        debut_avant: "2001-01-01".into(),
        duree_max: "0".into(),
        niveau_max: "4".into(),
        objectif: "vite".into(),
        ..SaisieParcours::default()
    };
    let errors = errors_of(&saisie);
    let named: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.champ().nom(), e.message_key()))
        .collect();
    assert_eq!(
        named,
        [
            ("statut", "parcours-error-statut"),
            ("metier_1", "parcours-error-metier-missing"),
            ("metier_2", "parcours-error-metier-unknown"),
            ("annees_2", "parcours-error-annees"),
            ("metier_3", "parcours-error-metier-ambiguous"),
            ("annees_3", "parcours-error-annees"),
            ("certifications", "parcours-error-certification"),
            ("blocs", "parcours-error-bloc"),
            ("competences", "parcours-error-competence-unknown"),
            ("niveau", "parcours-error-niveau"),
            ("commune", "parcours-error-commune-unknown"),
            ("cible", "parcours-error-cible-missing"),
            ("distance", "parcours-error-distance"),
            ("debut_avant", "parcours-error-date-passee"),
            ("duree_max", "parcours-error-duree"),
            ("niveau_max", "parcours-error-niveau-max"),
            ("objectif", "parcours-error-objectif"),
        ]
    );
    // The message's arguments travel with the error.
    assert!(errors.contains(&DemandeParcoursError::MetierInconnu {
        champ: Champ::Metier(1),
        texte: "xqzwv".into()
    }));
    assert!(errors.contains(&DemandeParcoursError::Certification {
        code: "RNCP999".into()
    }));
}

#[test]
fn a_distance_needs_a_home() {
    let without_home = SaisieParcours {
        commune: String::new(),
        objectif: "distance".into(),
        ..valid()
    };
    let champs: Vec<Champ> = errors_of(&without_home).iter().map(|e| e.champ()).collect();
    assert_eq!(champs, [Champ::Distance, Champ::Objectif]);
    // A wrong commune says so itself, once.
    let wrong_home = SaisieParcours {
        commune: "Nulle-Part".into(),
        ..without_home
    };
    let champs: Vec<Champ> = errors_of(&wrong_home).iter().map(|e| e.champ()).collect();
    assert_eq!(champs, [Champ::Commune]);
}

#[test]
fn a_long_list_is_refused_before_any_lookup() {
    struct Counting(std::cell::Cell<usize>);
    impl Lookup for Counting {
        fn metier(&self, typed: &str) -> Found<CodeRome> {
            Catalogue.metier(typed)
        }
        fn competence(&self, _: &str) -> Found<i64> {
            self.0.set(self.0.get() + 1);
            Found::One(100)
        }
        fn certification(&self, _: &str) -> Found<CodeCertification> {
            Found::One(CodeCertification::parse("RNCP320").unwrap())
        }
        fn bloc(&self, _: &str) -> Found<String> {
            Found::One("RNCP320BC01".into())
        }
        fn commune(&self, _: &str) -> Option<Domicile> {
            None
        }
    }
    let lookup = Counting(std::cell::Cell::new(0));
    let saisie = SaisieParcours {
        competences: "100\n".repeat(MAX_ITEMS + 1),
        blocs: "RNCP320BC01 ".repeat(MAX_ITEMS),
        cible: "I1304".into(),
        ..SaisieParcours::default()
    };
    let errors = DemandeParcours::parse(&saisie, today(), &lookup).unwrap_err();
    assert_eq!(
        errors,
        [DemandeParcoursError::TropDeValeurs {
            champ: Champ::Competences,
            max: MAX_ITEMS
        }]
    );
    assert_eq!(lookup.0.get(), 0);
}

#[test]
fn a_step_checks_only_its_own_fields_and_those_before() {
    let saisie = SaisieParcours {
        cible: String::new(),
        distance: "loin".into(),
        ..valid()
    };
    assert_eq!(
        DemandeParcours::verifier(&saisie, Etape::Profil, today(), &Catalogue),
        Ok(())
    );
    let at_target = DemandeParcours::verifier(&saisie, Etape::Cible, today(), &Catalogue);
    assert_eq!(at_target, Err(vec![DemandeParcoursError::CibleManquante]));
    let all = DemandeParcours::verifier(&saisie, Etape::Contraintes, today(), &Catalogue);
    assert_eq!(all.unwrap_err().len(), 2);
}

#[test]
fn today_is_not_past() {
    let saisie = SaisieParcours {
        debut_avant: "2027-03-01".into(),
        ..valid()
    };
    assert!(DemandeParcours::parse(&saisie, today(), &Catalogue).is_ok());
}

#[test]
fn fields_steps_and_names_answer_each_other() {
    let mut saisie = SaisieParcours::default();
    for champ in Champ::ALL {
        assert_eq!(saisie.valeur(champ), "");
    }
    saisie.metier_2 = "H3301".into();
    saisie.mod_vae = "1".into();
    let filled: Vec<(&str, &str)> = saisie.remplis().map(|(c, v)| (c.nom(), v)).collect();
    assert_eq!(filled, [("metier_2", "H3301"), ("mod_vae", "1")]);
    assert!(saisie.modalite(Modalite::Vae) && !saisie.modalite(Modalite::Initiale));
    assert_eq!(Champ::Cible.etape(), Etape::Cible);
    assert_eq!(Champ::DureeMax.etape(), Etape::Contraintes);
    assert_eq!(Champ::Modalite(Modalite::Vae).etape(), Etape::Contraintes);
    assert_eq!(Champ::Metier(1).etape(), Etape::Profil);
    assert_eq!(Etape::parse("3"), Etape::Contraintes);
    assert_eq!(Etape::parse("x"), Etape::Profil);
    assert_eq!(Etape::Cible.numero(), 2);
    let names: std::collections::HashSet<&str> = Champ::ALL.iter().map(|c| c.nom()).collect();
    assert_eq!(names.len(), Champ::ALL.len());
}

#[test]
fn a_saved_request_reads_back_as_it_was_typed() {
    let json = serde_json::to_string(&valid()).unwrap();
    assert!(json.contains("\"metier_1\":\"H3301\""));
    let back: SaisieParcours = serde_json::from_str(&json).unwrap();
    assert_eq!(back, valid());
    // Fields added later default to empty in older saved requests.
    let old: SaisieParcours = serde_json::from_str(r#"{"cible":"I1304"}"#).unwrap();
    assert_eq!(old.cible, "I1304");
}

#[test]
fn years_and_lists() {
    assert_eq!(parse_years("2,5"), Some(2.5));
    assert_eq!(parse_years("-1"), None);
    assert_eq!(parse_years("NaN"), None);
    assert_eq!(parse_years("51"), None);
    let codes: Vec<_> = entries("RNCP320, RS5678;\nRNCP1 rncp2 ").collect();
    assert_eq!(codes, ["RNCP320", "RS5678", "RNCP1", "rncp2"]);
    let titles: Vec<_> = entries("BTS Métiers de la chimie\nRNCP320 ; CAP cuisine").collect();
    assert_eq!(
        titles,
        ["BTS Métiers de la chimie", "RNCP320", "CAP cuisine"]
    );
}

fn any_saisie() -> impl Strategy<Value = SaisieParcours> {
    let text = || {
        prop_oneof![
            ".{0,40}",
            "[0-9 ,.;-]{0,12}",
            Just("H3301".to_owned()),
            Just("RNCP320".to_owned()),
            Just("Tours".to_owned()),
            Just("2027-09-01".to_owned()),
            Just("libre".to_owned()),
        ]
    };
    proptest::collection::vec(text(), 22).prop_map(|v| {
        let mut s = SaisieParcours::default();
        let fields = [
            &mut s.statut,
            &mut s.metier_1,
            &mut s.annees_1,
            &mut s.metier_2,
            &mut s.annees_2,
            &mut s.metier_3,
            &mut s.annees_3,
            &mut s.certifications,
            &mut s.blocs,
            &mut s.competences,
            &mut s.niveau,
            &mut s.commune,
            &mut s.cible,
            &mut s.mod_initiale,
            &mut s.mod_apprentissage,
            &mut s.mod_continue,
            &mut s.mod_vae,
            &mut s.distance,
            &mut s.debut_avant,
            &mut s.duree_max,
            &mut s.niveau_max,
            &mut s.objectif,
        ];
        for (field, value) in fields.into_iter().zip(v) {
            *field = value;
        }
        s
    })
}

proptest! {
    /// Any input gives a request or errors, never a panic; a request
    /// holds only values within their bounds, and errors name distinct
    /// fields of the steps read.
    #[test]
    fn any_input_is_read_or_refused(saisie in any_saisie(), etape in 1u8..=3) {
        let etape = Etape::parse(&etape.to_string());
        match DemandeParcours::parse(&saisie, today(), &Catalogue) {
            Ok(d) => {
                prop_assert!(d.experiences.len() <= EXPERIENCE_ROWS);
                prop_assert!(d.experiences.iter().all(|e| (0.0..=MAX_YEARS).contains(&e.annees)));
                prop_assert!(d.certifications.len() <= MAX_ITEMS);
                prop_assert!(d.blocs.len() <= MAX_ITEMS && d.competences.len() <= MAX_ITEMS);
                prop_assert!(d.contraintes.distance_max_km.is_none_or(|km| km > 0.0 && km <= MAX_DISTANCE_KM));
                prop_assert!(d.contraintes.distance_max_km.is_none() || d.domicile.is_some());
                prop_assert!(d.contraintes.duree_max_heures.is_none_or(|h| (1..=MAX_HOURS).contains(&h)));
                prop_assert!(d.contraintes.debut_avant.is_none_or(|day| day >= today()));
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                let champs: std::collections::HashSet<Champ> =
                    errors.iter().map(|e| e.champ()).collect();
                prop_assert_eq!(champs.len(), errors.len());
            }
        }
        if let Err(errors) = DemandeParcours::verifier(&saisie, etape, today(), &Catalogue) {
            prop_assert!(errors.iter().all(|e| e.champ().etape() <= etape));
        }
    }
}

#[test]
fn certifications_and_blocs_by_title_or_code() {
    let by_title = SaisieParcours {
        certifications: "Titre professionnel plaquiste".into(),
        blocs: "Poser des cloisons\n".into(),
        ..valid()
    };
    let d = DemandeParcours::parse(&by_title, today(), &Catalogue).unwrap();
    assert_eq!(d.certifications[0].as_str(), "RNCP320");
    assert_eq!(d.blocs, ["RNCP320BC01"]);
    // Codes separated by spaces are still codes; a title keeps its spaces.
    let spaced = SaisieParcours {
        certifications: "rncp320 RNCP320".into(),
        ..valid()
    };
    let d = DemandeParcours::parse(&spaced, today(), &Catalogue).unwrap();
    assert_eq!(d.certifications.len(), 2);
    // A title that fits several asks to choose, under its field.
    let vague = SaisieParcours {
        certifications: "titre professionnel".into(),
        blocs: "cloisons".into(),
        ..valid()
    };
    let errors = errors_of(&vague);
    assert_eq!(
        errors,
        [
            DemandeParcoursError::CertificationAmbigue {
                choix: vec!["Plaquiste (RNCP320)".into()]
            },
            DemandeParcoursError::BlocAmbigu {
                choix: vec!["Poser des cloisons (RNCP320BC01)".into()]
            },
        ]
    );
    assert_eq!(errors[0].champ(), Champ::Certifications);
    assert_eq!(errors[1].message_key(), "parcours-error-bloc-ambiguous");
}
