//! The engine end to end through its public API, on a hand-written
//! miniature of the catalogue: two trades with skills worded as in ROME
//! 4.0, one certification with two blocs worded as in the RNCP. A packaging
//! line operator with five years' experience and a CAP wants to become an
//! industrial maintenance technician near Tours: the blocs are aligned, a
//! wrong link is removed by the campus team, and the plan, the VAE
//! suggestion and the passerelles follow.

use campus_domain::certification::Bloc;
use campus_domain::rome::{Coeur, Competence, CompetenceKind, FicheCompetence, Mobilite};
use campus_domain::{CodeCertification, CodeRome, Niveau};
use campus_parcours::align::{
    AlignBloc, AlignParams, CompetenceIndex, Curation, Decision, Origin, align, coverage, merge,
};
use campus_parcours::gap::{Experience, Profile, acquired, gap};
use campus_parcours::passerelles::passerelles;
use campus_parcours::plan::{
    Constraints, Modalite, Objective, Outcome, Request, Unit, UnitKind, Units, plan,
};
use campus_parcours::{Certification, CompetenceId, GeoPoint, Referentiel, ReferentielBuilder};
use chrono::NaiveDate;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SKILLS: &[(i64, &str)] = &[
    (1, "Conduire une ligne de conditionnement"),
    (2, "Régler les paramètres d'une machine de conditionnement"),
    (3, "Respecter les règles d'hygiène et de sécurité"),
    (
        4,
        "Réaliser la maintenance préventive d'un équipement industriel",
    ),
    (
        5,
        "Diagnostiquer une panne sur un équipement électrique ou mécanique",
    ),
    (6, "Réparer un système automatisé"),
    (7, "Renseigner les documents de suivi d'intervention"),
];

fn rome(code: &str) -> Result<CodeRome, Box<dyn std::error::Error>> {
    Ok(CodeRome::parse(code)?)
}

fn certification() -> Result<CodeCertification, Box<dyn std::error::Error>> {
    Ok(CodeCertification::parse("RNCP35323")?)
}

fn referentiel() -> Result<(Referentiel, Vec<AlignBloc>), Box<dyn std::error::Error>> {
    let mut b = ReferentielBuilder::new();
    for &(code, libelle) in SKILLS {
        b.skill(&Competence {
            code_ogr: code,
            kind: CompetenceKind::SavoirFaire,
            libelle: libelle.into(),
            categorie: None,
            sous_categorie: None,
        });
    }
    b.metier(
        rome("H3301")?,
        "Conducteur / Conductrice d'équipements de conditionnement",
    )
    .metier(
        rome("I1304")?,
        "Technicien / Technicienne de maintenance industrielle",
    );
    let links = [
        ("H3301", 1, Some(Coeur::Principale)),
        ("H3301", 2, Some(Coeur::Principale)),
        ("H3301", 3, None),
        ("I1304", 3, Some(Coeur::Principale)),
        ("I1304", 4, Some(Coeur::Principale)),
        ("I1304", 5, Some(Coeur::Principale)),
        ("I1304", 6, None),
        ("I1304", 7, None),
    ];
    for (code, skill, coeur) in links {
        b.fiche_competence(&FicheCompetence {
            code_rome: rome(code)?,
            code_ogr: skill,
            coeur,
        });
    }
    b.mobilite(&Mobilite {
        code_rome: rome("H3301")?,
        cible: rome("I1304")?,
        ordre: 1,
    });
    b.certification(Certification {
        code: certification()?,
        libelle: "Technicien de maintenance industrielle".into(),
        niveau: Niveau::new(4),
        romes: vec![rome("I1304")?],
        vae: true,
    });
    let blocs = vec![
        AlignBloc {
            code: "RNCP35323BC01".into(),
            certification: certification()?,
            libelle: "Réaliser la maintenance préventive des équipements industriels, dans le respect des règles d'hygiène et de sécurité".into(),
            competences: vec![],
        },
        AlignBloc {
            code: "RNCP35323BC02".into(),
            certification: certification()?,
            libelle: "Diagnostiquer les pannes des équipements électriques et mécaniques ; réparer".into(),
            competences: vec!["Réparer les systèmes automatisés".into()],
        },
    ];
    for bloc in &blocs {
        b.bloc(&Bloc {
            code: bloc.code.clone(),
            certification: bloc.certification.clone(),
            libelle: bloc.libelle.clone(),
        });
    }
    Ok((b.build().0, blocs))
}

fn session(id: &str, bloc: &str, skills: &[i64], heures: u32, tours: GeoPoint) -> Unit {
    Unit {
        id: id.into(),
        libelle: id.into(),
        kind: UnitKind::Bloc(bloc.into()),
        skills: skills.iter().map(|&s| CompetenceId(s)).collect(),
        weak: Vec::new(),
        duree_heures: heures,
        cout_euros: heures * 15,
        lieu: Some(tours),
        modalite: Modalite::FormationContinue,
        debut: NaiveDate::from_ymd_opt(2027, 3, 1),
        fin: None,
        niveau: Niveau::new(4),
    }
}

#[test]
fn operator_to_maintenance_technician() -> TestResult {
    let (mut r, blocs) = referentiel()?;
    let index = CompetenceIndex::new(&r);
    let computed = align(&r, &index, &blocs, AlignParams::default())?;
    let pairs = |links: &[campus_parcours::align::Link]| -> Vec<(String, i64)> {
        links.iter().map(|l| (l.bloc.clone(), l.skill.0)).collect()
    };
    assert_eq!(
        pairs(&computed),
        vec![
            ("RNCP35323BC01".to_owned(), 3),
            ("RNCP35323BC01".to_owned(), 4),
            ("RNCP35323BC02".to_owned(), 5),
            ("RNCP35323BC02".to_owned(), 6),
        ],
        "{computed:?}"
    );
    // The team adds the intervention reports to the second bloc and keeps
    // the hygiene link; a re-alignment would not undo either.
    let curations = [
        Curation {
            bloc: "RNCP35323BC02".into(),
            skill: CompetenceId(7),
            decision: Decision::Keep,
        },
        Curation {
            bloc: "RNCP35323BC01".into(),
            skill: CompetenceId(3),
            decision: Decision::Remove,
        },
    ];
    let links = merge(computed, &curations);
    assert!(
        links
            .iter()
            .any(|l| l.skill == CompetenceId(7) && l.origin == Origin::Curated)
    );
    assert!(!links.iter().any(|l| l.skill == CompetenceId(3)));
    assert_eq!(r.link_blocs(&links), 0);
    let cov = coverage(&r, &links, &[rome("I1304")?]);
    assert_eq!(cov.blocs_linked, 2);
    assert_eq!((cov.metiers[0].core, cov.metiers[0].core_reachable), (3, 2));

    let tours = GeoPoint::new(47.3941, 0.6848)?;
    let profile = Profile {
        experiences: vec![Experience {
            metier: rome("H3301")?,
            annees: 5.0,
        }],
        niveau: Niveau::new(3),
        domicile: Some(tours),
        ..Profile::default()
    };
    let have = acquired(&r, &profile)?;
    let g = gap(&r, &have, &rome("I1304")?)?;
    // Hygiene (3) comes from five years on a line; the two maintenance
    // core skills are missing.
    let core: Vec<i64> = g.required().map(|m| m.skill.0).collect();
    assert_eq!(core, vec![4, 5]);
    let units = vec![
        session("bc1-tours", "RNCP35323BC01", &[4], 210, tours),
        session("bc2-tours", "RNCP35323BC02", &[5, 6, 7], 280, tours),
    ];
    let constraints = Constraints {
        distance_max_km: Some(80.0),
        ..Constraints::default()
    };
    let request = Request {
        profile: &profile,
        acquired: &have,
        gap: &g,
        units: &Units::new(units),
        constraints: &constraints,
        objective: Objective::Duree,
    };
    let Outcome::Plans { best, .. } = plan(&r, &request)? else {
        return Err("a plan exists".into());
    };
    assert_eq!(best.totals.duree_heures, 490);
    assert_eq!(best.certifications, vec![certification()?]);
    assert!(best.uncovered.is_empty());

    let list = passerelles(&r, &rome("H3301")?)?;
    assert_eq!(list[0].cible, rome("I1304")?);
    assert_eq!(list[0].parts.mobilite_rang, Some(1));
    Ok(())
}
