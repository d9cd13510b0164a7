//! The training-path engine on the real catalogue: ROME 4.60, Certif Info,
//! the RNCP export's blocs, the RNCP tables of 2021, the Kit apprentissage,
//! the LHÉO samples, the higher-education programmes (Parcoursup, masters),
//! the BCN, the apprenticeship organisations and the lycées' programmes
//! (Affelnet), imported as a campus would, then
//! attached, aligned, stored, corrected and used for real personas.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::{CodeCertification, CodeRome, Niveau};
use campus_import::{
    import_affelnet, import_bcn, import_certifinfo, import_communes, import_correspondances,
    import_esr, import_kit_apprentissage, import_lheo, import_organismes_apprentissage,
    import_rncp, import_rome,
};
use campus_parcours::align::{AlignParams, Decision, Origin, coverage};
use campus_parcours::gap::{Experience, Profile, Requirement, acquired, gap};
use campus_parcours::passerelles::{self, passerelles};
use campus_parcours::plan::Units;
use campus_parcours::plan::{Constraints, Modalite, Objective, Outcome, Request, UnitKind, plan};
use campus_parcours::{CompetenceId, GeoPoint};
use campus_parcours_service::{Alignment, align_catalogue, attach_programmes, training_units};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

/// A copy of the national catalogue, imported as a campus would, once per
/// test process, the first time a test asks for it; `None` in a fresh
/// clone (the figures below are those of the whole national data).
pub(crate) async fn catalogue() -> Option<(TestDb, Store)> {
    let data = national_data("catalogue national : couverture et personas")?;
    let db = TestDb::from_fixture("import_catalogue", || async move {
        let db = TestDb::new().await;
        let store = Store::connect(&db.url, 4).await.unwrap();
        store.migrate().await.unwrap();
        import_rome(&store, &data.join("rome_v460")).await.unwrap();
        import_certifinfo(&store, &data.join("certifinfo/certif_info.csv.gz"))
            .await
            .unwrap();
        import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
            .await
            .unwrap();
        import_correspondances(&store, &data.join("rncp_tables_2021"))
            .await
            .unwrap();
        import_kit_apprentissage(
            &store,
            &data.join("apprentissage/Kit_apprentissage_20231218.csv.gz"),
        )
        .await
        .unwrap();
        import_organismes_apprentissage(
            &store,
            &data.join("apprentissage/catalogue_etablissement_apprentissage_20221010.json.gz"),
        )
        .await
        .unwrap();
        import_lheo(&store, &data.join("lheo/samples"))
            .await
            .unwrap();
        import_communes(
            &store,
            &data.join("geo/decoupage-administratif-6.0.0/communes.json.gz"),
            &data.join("geo/laposte_hexasmal_2020-04.csv.gz"),
        )
        .await
        .unwrap();
        import_esr(&store, &data.join("esr")).await.unwrap();
        import_bcn(&store, &data.join("bcn")).await.unwrap();
        import_affelnet(
            &store,
            &data.join("orion/attractivite_capacite_2022.csv.gz"),
            &data.join("bcn/nMef.csv.gz"),
        )
        .await
        .unwrap();
        store.close().await.unwrap();
        db
    })
    .await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    Some((db, store))
}

/// The catalogue aligned, its programmes attached, and its training
/// units, as the engine serves them.
pub(crate) async fn engine(store: &Store) -> (Alignment, Units) {
    let alignment = align_catalogue(store, AlignParams::default())
        .await
        .unwrap();
    attach_programmes(store).await.unwrap();
    let units = training_units(store, &alignment.catalogue.referentiel)
        .await
        .unwrap()
        .units;
    (alignment, units)
}

fn rome(code: &str) -> CodeRome {
    CodeRome::parse(code).unwrap()
}

fn tours() -> GeoPoint {
    GeoPoint::new(47.3941, 0.6848).unwrap()
}

#[tokio::test]
async fn alignment_is_stored_and_curations_survive_a_new_run() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let first = align_catalogue(&store, AlignParams::default())
        .await
        .unwrap();
    let r = &first.catalogue.referentiel;
    assert_eq!(first.catalogue.blocs.len(), 30735);
    assert!(first.stored.computed > 50_000, "{:?}", first.stored);
    assert_eq!(first.stored.superseded, 0);
    let sector: Vec<CodeRome> = ["H3301", "H2301", "H2303", "H1503", "I1304"]
        .into_iter()
        .map(rome)
        .collect();
    let cover = coverage(r, &first.links, &sector);
    assert!(cover.blocs_share() > 0.8, "{}", cover.blocs_share());
    assert!(cover.core_share() > 0.5, "{}", cover.core_share());

    // The pharmacy and cosmetics technician's production bloc is linked to
    // skills, best first.
    let bloc = first
        .catalogue
        .blocs
        .iter()
        .find(|b| b.certification.as_str() == "RNCP36085")
        .map(|b| b.code.clone())
        .unwrap();
    let links = store.parcours().list_bloc_links(&bloc).await.unwrap();
    assert!(!links.is_empty(), "{bloc}");
    assert!(links.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(
        links
            .iter()
            .all(|l| l.origin == Origin::Computed && !l.removed)
    );

    // The team removes the best link and adds one by hand.
    let wrong = CompetenceId(links[0].code_ogr);
    let added = r
        .metier_competences(&rome("H2301"))
        .into_iter()
        .map(|(s, _)| s)
        .find(|s| links.iter().all(|l| l.code_ogr != s.0))
        .unwrap();
    store
        .parcours()
        .decide_link(&bloc, wrong.0, Decision::Remove)
        .await
        .unwrap();
    store
        .parcours()
        .decide_link(&bloc, added.0, Decision::Keep)
        .await
        .unwrap();
    assert!(matches!(
        store
            .parcours()
            .decide_link("RNCP1BC99", added.0, Decision::Keep)
            .await,
        Err(campus_store::StoreError::NotFound)
    ));

    // A new alignment replaces the computed links and keeps both decisions.
    let second = align_catalogue(&store, AlignParams::default())
        .await
        .unwrap();
    assert_eq!(
        second.stored.superseded, 1,
        "the removed link is not recomputed"
    );
    assert_eq!(second.stored.computed + 1, first.stored.computed);
    let after = store.parcours().list_bloc_links(&bloc).await.unwrap();
    let removed = after.iter().find(|l| l.code_ogr == wrong.0).unwrap();
    assert!(removed.removed && removed.origin == Origin::Curated);
    let kept = after.iter().find(|l| l.code_ogr == added.0).unwrap();
    assert!(!kept.removed && kept.origin == Origin::Curated && kept.score == 1.0);
    let used = second.catalogue.referentiel.bloc_competences(&bloc);
    assert!(used.contains(&added) && !used.contains(&wrong));
    assert!(
        second
            .links
            .iter()
            .filter(|l| l.bloc == bloc)
            .all(|l| l.skill != wrong)
    );
}

#[tokio::test]
async fn personas_on_the_real_catalogue() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let (alignment, units) = engine(&store).await;
    let r = &alignment.catalogue.referentiel;

    // The plasterer's professional title (RNCP320) is taught at Veigné,
    // near Tours: a unit for the whole title and one per bloc, each with
    // its place, its dates and the title's level.
    let plaquiste = CodeCertification::parse("RNCP320").unwrap();
    let of_title: Vec<_> = units
        .iter()
        .filter(|u| match &u.kind {
            UnitKind::Certification(c) => c == &plaquiste,
            UnitKind::Bloc(b) => b.starts_with("RNCP320BC"),
            UnitKind::Module => false,
        })
        .collect();
    assert!(
        of_title
            .iter()
            .any(|u| u.kind == UnitKind::Certification(plaquiste.clone()))
    );
    assert!(
        of_title
            .iter()
            .any(|u| u.kind == UnitKind::Bloc("RNCP320BC01".into()))
    );
    for u in &of_title {
        assert!(u.lieu.is_some(), "{u:?}");
    }

    // A packaging-line operator with a CAP and five years on the line wants
    // to become an industrial maintenance technician, within 80 km of Tours.
    let operator = Profile {
        experiences: vec![Experience {
            metier: rome("H3301"),
            annees: 5.0,
        }],
        niveau: Niveau::new(3),
        domicile: Some(tours()),
        ..Profile::default()
    };
    let have = acquired(r, &operator).unwrap();
    let target = gap(r, &have, &rome("I1304")).unwrap();
    let core = r
        .metier_competences(&rome("I1304"))
        .into_iter()
        .filter(|(_, c)| *c == Some(campus_domain::rome::Coeur::Principale))
        .count();
    let missing_core: Vec<_> = target.required().collect();
    // The two trades share no core skill: the whole core of maintenance is
    // missing, and only a few of its other skills come from the line.
    assert_eq!(missing_core.len(), core);
    assert!(target.readiness() > 0.0 && target.readiness() < 0.2);
    assert!(
        missing_core
            .iter()
            .all(|m| m.requirement == Requirement::Core)
    );
    let constraints = Constraints {
        distance_max_km: Some(80.0),
        ..Constraints::default()
    };
    let outcome = plan(
        r,
        &Request {
            profile: &operator,
            acquired: &have,
            gap: &target,
            units: &units,
            constraints: &constraints,
            objective: Objective::Duree,
        },
    )
    .unwrap();
    // Two years either way, within 80 km, at the level a CAP holder may
    // aim at, closing the whole core: the BTS « maintenance des systèmes »
    // taught in lycées around Tours (Parcoursup, RNCP36968), or the bac
    // pro « maintenance des systèmes de production connectés » entered in
    // première at a lycée of Tours (Affelnet, RNCP35698). Certif Info
    // links both to the maintenance trades.
    let Outcome::Plans { best, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(
        best.certifications
            .iter()
            .any(|c| ["RNCP36968", "RNCP35698"].contains(&c.as_str())),
        "{best:#?}"
    );
    assert!(best.units.iter().map(|u| u.unit.duree_heures).sum::<u32>() <= 2_000);
    assert!(
        best.uncovered
            .iter()
            .all(|s| !missing_core.iter().any(|m| m.skill == *s))
    );
    for planned in &best.units {
        assert!(
            planned.distance_km.is_some_and(|d| d <= 80.0),
            "{planned:?}"
        );
        assert!(
            planned.unit.niveau.is_none_or(|n| n.value() <= 5),
            "{planned:?}"
        );
        assert!(planned.unit.duree_heures > 0, "{planned:?}");
    }
    // Its blocs, aligned by their titles, reach part of that core; the rest
    // comes with the certification as a whole.
    let reach = coverage(r, &alignment.links, &[rome("I1304")]);
    assert!(reach.metiers[0].core_reachable > 0, "{reach:?}");

    // From that line, the passerelles put the ROME's official mobilités
    // first: the closest one (H2102) leads, and 7 of the 8 first trades are
    // official mobilités.
    let ranked = passerelles(r, &rome("H3301")).unwrap();
    assert_eq!(ranked.len(), 1583);
    assert_eq!(ranked[0].cible.as_str(), "H2102");
    assert_eq!(ranked[0].parts.mobilite_rang, Some(1));
    let official = ranked[..8]
        .iter()
        .filter(|p| p.parts.mobilite_rang.is_some())
        .count();
    assert!(official >= 7, "{:?}", &ranked[..8]);
    let rank = |code: &str| ranked.iter().position(|p| p.cible.as_str() == code);
    assert!(rank("I1304").is_some_and(|i| i < 10));

    // A job seeker from retail (shelf stocker, D1507) with a bac aims at
    // pharmaceutical manufacturing (H2303): a real gap of core skills.
    let retail = Profile {
        experiences: vec![Experience {
            metier: rome("D1507"),
            annees: 4.0,
        }],
        niveau: Niveau::new(4),
        domicile: Some(tours()),
        ..Profile::default()
    };
    let have = acquired(r, &retail).unwrap();
    let pharma = gap(r, &have, &rome("H2303")).unwrap();
    let required: Vec<_> = pharma.required().map(|m| m.skill).collect();
    let pharma_core: Vec<_> = r
        .metier_competences(&rome("H2303"))
        .into_iter()
        .filter(|(_, c)| *c == Some(campus_domain::rome::Coeur::Principale))
        .map(|(s, _)| s)
        .collect();
    assert!(!required.is_empty());
    assert!(required.iter().all(|s| pharma_core.contains(s)));
    assert!(pharma.missing.iter().all(|m| !m.libelle.is_empty()));
    let outcome = plan(
        r,
        &Request {
            profile: &retail,
            acquired: &have,
            gap: &pharma,
            units: &units,
            constraints: &Constraints::default(),
            objective: Objective::Cout,
        },
    )
    .unwrap();
    // Certif Info still cites ROME v3 codes: the certifications it links
    // to H2301 (chemical and pharmaceutical production) lead to H2303,
    // split from it in ROME 4.0, and a programme preparing one is the plan.
    let Outcome::Plans { best, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(best.uncovered.iter().all(|s| !required.contains(s)));
    assert!(!best.certifications.is_empty(), "{best:#?}");
    for c in &best.certifications {
        let entry = r.certification(c).unwrap();
        let skills = r.certification_competences(c);
        assert!(pharma_core.iter().any(|s| skills.contains(s)), "{entry:?}");
    }

    // A bac pro pupil aims at quality control in a cosmetics lab (H1503,
    // laboratory technician in industrial analysis): nothing is acquired
    // yet, every core skill is to learn.
    let pupil = Profile {
        niveau: Niveau::new(4),
        domicile: Some(tours()),
        ..Profile::default()
    };
    let have = acquired(r, &pupil).unwrap();
    let lab = gap(r, &have, &rome("H1503")).unwrap();
    assert_eq!(lab.readiness(), 0.0);
    let lab_core = r
        .metier_competences(&rome("H1503"))
        .into_iter()
        .filter(|(_, c)| *c == Some(campus_domain::rome::Coeur::Principale))
        .count();
    assert_eq!(lab.required().count(), lab_core);
    assert!(lab_core > 0);
    let outcome = plan(
        r,
        &Request {
            profile: &pupil,
            acquired: &have,
            gap: &lab,
            units: &units,
            constraints: &Constraints {
                distance_max_km: Some(50.0),
                ..Constraints::default()
            },
            objective: Objective::Distance,
        },
    )
    .unwrap();
    // Near Tours, a BTS of laboratory analysis or the local BUT in
    // biology prepares the trade: the plan stays within 50 km.
    let Outcome::Plans { best, .. } = &outcome else {
        panic!("{outcome:?}")
    };
    assert!(!best.certifications.is_empty(), "{best:#?}");
    for planned in &best.units {
        assert!(
            planned.distance_km.is_some_and(|d| d <= 50.0),
            "{planned:?}"
        );
    }
}

/// Most Parcoursup programmes of a kind Certif Info lists find their
/// diploma; those of the campus's sector that the personas need do.
#[tokio::test]
async fn programmes_are_attached_to_their_certification() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let report = attach_programmes(&store).await.unwrap();
    println!("{report:?}");
    assert!(report.uncoded > 17_000, "{report:?}");
    assert!(report.attached > 8_000, "{report:?}");
    assert_eq!(report.curated, 0);
    // A second run replaces the first: same figures, no duplicate.
    assert_eq!(attach_programmes(&store).await.unwrap(), report);
}

/// The summary plans of the passerelles from pharmaceutical manufacturing
/// (H2303) teach the target trade: a formulation technician (H1217) is
/// not offered a mechatronics licence, which its blocs' titles reached
/// only through weak alignment links; no plan of a worker changing trades
/// goes back to a lycée, nor climbs more than a level above the target's
/// entry level (a chemical line operator, H2301, was offered a master).
#[tokio::test]
async fn passerelle_plans_teach_the_target_trade() {
    let Some((_db, store)) = catalogue().await else {
        return;
    };
    let (alignment, units) = engine(&store).await;
    let r = &alignment.catalogue.referentiel;
    let from = rome("H2303");
    let ranked = passerelles::with_every_mobilite(passerelles::passerelles(r, &from).unwrap(), 10);
    let mut planned = 0;
    for p in &ranked {
        let Some(plan) = passerelles::summary_plan(r, &units, &from, &p.cible) else {
            println!("{} {} : aucun plan", p.cible, p.libelle);
            continue;
        };
        planned += 1;
        let titles: Vec<&str> = plan.units.iter().map(|u| u.unit.libelle.as_str()).collect();
        println!("{} {} : {titles:?}", p.cible, p.libelle);
        let entry = r.entry_level(&p.cible).map_or(8, Niveau::value);
        for u in &plan.units {
            assert_ne!(u.unit.modalite, Modalite::Initiale, "{}", u.unit.id);
            // An operator's move is not made through a master.
            assert!(
                u.unit.niveau.is_none_or(|n| n.value() <= entry + 1),
                "{} : {} (entrée au niveau {entry})",
                p.cible,
                u.unit.libelle
            );
            assert!(
                !u.unit.libelle.to_lowercase().contains("mécatronique"),
                "{} : {}",
                p.cible,
                u.unit.libelle
            );
        }
    }
    assert!(planned >= ranked.len() / 2, "{planned} / {}", ranked.len());
}
