//! Indicator formulas computed over the records, on the database of the
//! test run (SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`).
//!
//! A few records are written in 2040, a year the demonstration data does
//! not reach, so that the figures of that year are known exactly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::Sector;
use campus_domain::evaluation::formule::Formule;
use campus_domain::evaluation::registre::{INDICATEURS_PAR_DEFAUT, REGISTRE, Ventilation};
use campus_store::entity::{candidature, evenement, evenement_avis, evenement_inscription, offre};
use campus_store::{Store, StoreError};
use campus_testkit::TestDb;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, Database, DatabaseConnection, Set};

async fn store() -> (Store, TestDb) {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4)
        .await
        .unwrap()
        .with_clock(campus_testkit::test_clock().into());
    store.migrate().await.unwrap();
    store.load_demo_if_empty().await.unwrap();
    (store, db)
}

fn secteur() -> Sector {
    Sector::new(&["H3301", "H2301"], &["222", "221"], &["228"]).unwrap()
}

fn at(annee: i32, mois: u32, jour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(annee, mois, jour, 9, 0, 0).unwrap()
}

async fn event(
    c: &DatabaseConnection,
    org: i32,
    kind: &str,
    dep: &str,
    start: DateTime<Utc>,
) -> i32 {
    let slug = format!("eval-{kind}-{dep}-{}", start.timestamp());
    evenement::ActiveModel {
        slug: Set(slug),
        organisation_id: Set(org),
        kind: Set(kind.to_owned()),
        titre: Set("Essai".to_owned()),
        description: Set(String::new()),
        adresse: Set("1 rue".to_owned()),
        code_postal: Set(None),
        commune: Set("Orléans".to_owned()),
        departement: Set(Some(dep.to_owned())),
        starts_at: Set(start),
        ends_at: Set(start + Duration::hours(2)),
        capacity: Set(200),
        seats_taken: Set(0),
        waiting_count: Set(0),
        audiences: Set(",lyceens,".to_owned()),
        romes: Set(",H3301,".to_owned()),
        min_age: Set(None),
        clean_room: Set(false),
        gmp: Set(false),
        safety_notes: Set(String::new()),
        created_by: Set(None),
        created_at: Set(start),
        updated_at: Set(start),
        ..Default::default()
    }
    .insert(c)
    .await
    .unwrap()
    .id
}

#[allow(clippy::too_many_arguments)]
async fn inscription(
    c: &DatabaseConnection,
    evenement_id: i32,
    n: usize,
    status: &str,
    seats: i32,
    public: &str,
    niveau: &str,
    present: bool,
) -> i32 {
    let created = at(2040, 1, 1);
    evenement_inscription::ActiveModel {
        evenement_id: Set(evenement_id),
        user_id: Set(None),
        code: Set(format!("code-{evenement_id}-{n}")),
        active_key: Set(None),
        kind: Set("individuelle".to_owned()),
        nom: Set(format!("Personne {n}")),
        email: Set(format!("p{n}@exemple.test")),
        seats: Set(seats),
        public: Set(public.to_owned()),
        niveau: Set(niveau.to_owned()),
        organisation_nom: Set(None),
        is_minor: Set(false),
        parent_email: Set(None),
        status: Set(status.to_owned()),
        consent_at: Set(None),
        consent_by: Set(None),
        checked_in_at: Set(present.then_some(created)),
        reminder_sent_at: Set(None),
        survey_sent_at: Set(None),
        promoted_at: Set(None),
        cancelled_at: Set(None),
        created_at: Set(created),
        ..Default::default()
    }
    .insert(c)
    .await
    .unwrap()
    .id
}

async fn avis(
    c: &DatabaseConnection,
    evenement_id: i32,
    inscription_id: i32,
    note: i32,
    recommande: bool,
) {
    evenement_avis::ActiveModel {
        inscription_id: Set(inscription_id),
        evenement_id: Set(evenement_id),
        rating: Set(note),
        recommend: Set(recommande),
        comment: Set(String::new()),
        created_at: Set(at(2040, 3, 1)),
    }
    .insert(c)
    .await
    .unwrap();
}

async fn offre(c: &DatabaseConnection, org: i32, type_offre: &str, created: DateTime<Utc>) -> i32 {
    offre::ActiveModel {
        organisation_id: Set(Some(org)),
        auteur_user_id: Set(None),
        source: Set("campus".to_owned()),
        source_id: Set(None),
        source_lien: Set(None),
        type_offre: Set(type_offre.to_owned()),
        intitule: Set("Conducteur de ligne".to_owned()),
        description: Set(String::new()),
        code_rome: Set(Some("H3301".to_owned())),
        employeur: Set(None),
        niveau: Set(Some(4)),
        certification: Set(None),
        commune_insee: Set(None),
        commune_nom: Set("Orléans".to_owned()),
        departement: Set(Some("45".to_owned())),
        latitude: Set(None),
        longitude: Set(None),
        date_debut: Set(None),
        duree_mois: Set(None),
        postes: Set(2),
        postes_pourvus: Set(0),
        horaires: Set(None),
        remuneration: Set(None),
        formation_id: Set(None),
        contact_nom: Set(None),
        contact_email: Set(None),
        expire_le: Set("2041-01-01".to_owned()),
        etat: Set("ouverte".to_owned()),
        version: Set(1),
        created_at: Set(created),
        updated_at: Set(created),
        ..Default::default()
    }
    .insert(c)
    .await
    .unwrap()
    .id
}

async fn candidature(c: &DatabaseConnection, offre_id: i32, etat: &str, delai_jours: Option<i64>) {
    let created = at(2040, 5, 1);
    candidature::ActiveModel {
        offre_id: Set(offre_id),
        candidat_user_id: Set(None),
        message: Set(String::new()),
        cv_document_id: Set(None),
        etat: Set(etat.to_owned()),
        motif: Set(None),
        version: Set(1),
        relances_recruteur: Set(0),
        relance_candidat_le: Set(None),
        lue_le: Set(None),
        repondue_le: Set(delai_jours.map(|d| created + Duration::days(d))),
        accord_ecole_le: Set(None),
        derniere_activite: Set(created),
        pseudonymisee: Set(false),
        created_at: Set(created),
        updated_at: Set(created),
        ..Default::default()
    }
    .insert(c)
    .await
    .unwrap();
}

/// Two events in 2040 (a workshop in the Loiret, a visit in the Cher), one
/// in 2041; registrations, answers, offers and applications of 2040,
/// written through the entities: the figures must not depend on the
/// registration rules (a past event takes no registration).
async fn jeu(store: &Store, db: &TestDb) -> i32 {
    let c = &Database::connect(&db.url).await.unwrap();
    let org = store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap()
        .id;
    let atelier = event(c, org, "atelier_decouverte", "45", at(2040, 2, 3)).await;
    let visite = event(c, org, "visite_site", "18", at(2040, 9, 14)).await;
    let plus_tard = event(c, org, "atelier_decouverte", "45", at(2041, 2, 3)).await;
    // Workshop: 3 confirmed lycéens (1, 1, 2 seats), 1 cancelled.
    let i1 = inscription(c, atelier, 1, "confirmee", 1, "lyceens", "Terminale", true).await;
    let i2 = inscription(c, atelier, 2, "confirmee", 1, "lyceens", "", true).await;
    inscription(c, atelier, 3, "confirmee", 2, "etudiants", "5", false).await;
    inscription(c, atelier, 4, "annulee", 1, "lyceens", "", false).await;
    // Visit: a class of 24 collégiens and a waiting teacher.
    let i5 = inscription(c, visite, 5, "confirmee", 24, "collegiens", "3e", true).await;
    inscription(c, visite, 6, "liste_attente", 1, "enseignants", "", false).await;
    inscription(c, plus_tard, 7, "confirmee", 30, "lyceens", "", false).await;
    avis(c, atelier, i1, 5, true).await;
    avis(c, atelier, i2, 3, false).await;
    avis(c, visite, i5, 4, true).await;
    let o = offre(c, org, "apprentissage", at(2040, 4, 2)).await;
    candidature(c, o, "retenue", Some(1)).await;
    candidature(c, o, "non_retenue", Some(10)).await;
    candidature(c, o, "entretien", Some(3)).await;
    candidature(c, o, "envoyee", None).await;
    org
}

async fn calcul(
    store: &Store,
    formule: &str,
    annee: Option<i32>,
    par: Option<Ventilation>,
) -> campus_domain::evaluation::calcul::Resultat {
    let f = Formule::parse(formule).unwrap();
    f.verifier(REGISTRE).unwrap();
    store
        .evaluation()
        .calculer(&f, annee, par, &secteur())
        .await
        .unwrap_or_else(|e| panic!("{formule}: {e}"))
}

async fn valeur(store: &Store, formule: &str) -> Option<f64> {
    calcul(store, formule, Some(2040), None).await.total.valeur
}

#[tokio::test]
async fn formulas_give_the_exact_figures_of_the_records() {
    let (store, _db) = store().await;
    let org = jeu(&store, &_db).await;
    let v = |f: &'static str| {
        let store = store.clone();
        async move { valeur(&store, f).await }
    };
    assert_eq!(v("compte(evenements)").await, Some(2.0));
    assert_eq!(
        v("compte(evenements[type = \"atelier_decouverte\"])").await,
        Some(1.0)
    );
    assert_eq!(
        v("somme(evenement_inscriptions[statut = \"confirmee\"].places)").await,
        Some(28.0)
    );
    // Each operator.
    assert_eq!(
        v("compte(evenement_inscriptions[statut != \"confirmee\"])").await,
        Some(2.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[places >= 2])").await,
        Some(2.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[places > 2])").await,
        Some(1.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[places <= 1])").await,
        Some(4.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[places < 1])").await,
        Some(0.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[present = oui])").await,
        Some(3.0)
    );
    assert_eq!(
        v("compte(evenement_inscriptions[date >= \"2040-06-01\"])").await,
        Some(2.0)
    );
    assert_eq!(
        v("distincts(evenement_inscriptions[statut = \"confirmee\"].public)").await,
        Some(3.0)
    );
    assert_eq!(v("moyenne(evenement_avis.note)").await, Some(4.0));
    let t = calcul(
        &store,
        "taux(evenement_avis[recommande = oui], evenement_avis)",
        Some(2040),
        None,
    )
    .await
    .total;
    assert_eq!(t.effectif, 2);
    assert_eq!(t.denominateur, Some(3));
    assert!((t.valeur.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // Applications: three answered of four, after 1, 3 and 10 days.
    assert_eq!(
        v("taux(candidatures[repondue = oui], candidatures)").await,
        Some(75.0)
    );
    let m = calcul(
        &store,
        "mediane(candidatures[repondue = oui].delai_reponse_jours)",
        Some(2040),
        None,
    )
    .await
    .total;
    assert_eq!((m.valeur, m.effectif), (Some(3.0), 3));
    assert_eq!(
        v("compte(candidatures[etat = \"retenue\" et type_offre = \"apprentissage\"])").await,
        Some(1.0)
    );
    // A rate over nothing, a mean of nothing.
    assert_eq!(
        calcul(
            &store,
            "taux(candidatures[repondue = oui], candidatures)",
            Some(2039),
            None
        )
        .await
        .total
        .valeur,
        None
    );
    assert_eq!(
        calcul(&store, "moyenne(evenement_avis.note)", Some(2039), None)
            .await
            .total
            .valeur,
        None
    );

    // The year filter, and a breakdown by year over all of them.
    assert_eq!(
        calcul(
            &store,
            "somme(evenement_inscriptions.places)",
            Some(2041),
            None
        )
        .await
        .total
        .valeur,
        Some(30.0)
    );
    let r = calcul(
        &store,
        "somme(evenement_inscriptions[date >= \"2040-01-01\"].places)",
        None,
        Some(Ventilation::Annee),
    )
    .await;
    let lignes: Vec<_> = r
        .lignes
        .iter()
        .map(|l| (l.cle.as_str(), l.libelle.as_str(), l.mesure.valeur))
        .collect();
    assert_eq!(
        lignes,
        [("2040", "2040", Some(30.0)), ("2041", "2041", Some(30.0))]
    );

    // Breakdowns: by departement, public, level (free text), organisation.
    let r = calcul(
        &store,
        "somme(evenement_inscriptions[statut = \"confirmee\"].places)",
        Some(2040),
        Some(Ventilation::Departement),
    )
    .await;
    let lignes: Vec<_> = r
        .lignes
        .iter()
        .map(|l| {
            (
                l.cle.as_str(),
                l.libelle.as_str(),
                l.mesure.valeur,
                l.mesure.effectif,
            )
        })
        .collect();
    assert_eq!(
        lignes,
        [
            ("18", "Cher (18)", Some(24.0), 1),
            ("45", "Loiret (45)", Some(4.0), 3)
        ]
    );
    assert_eq!(r.total.valeur, Some(28.0));
    let r = calcul(
        &store,
        "compte(evenement_inscriptions)",
        Some(2040),
        Some(Ventilation::Niveau),
    )
    .await;
    let lignes: Vec<_> = r
        .lignes
        .iter()
        .map(|l| (l.cle.as_str(), l.libelle.as_str(), l.mesure.effectif))
        .collect();
    assert_eq!(
        lignes,
        [
            ("", "Non renseigné", 3),
            ("3e", "3e", 1),
            ("5", "Niveau 5", 1),
            ("Terminale", "Terminale", 1)
        ]
    );
    let r = calcul(
        &store,
        "compte(evenement_inscriptions[public = \"collegiens\"])",
        Some(2040),
        Some(Ventilation::Public),
    )
    .await;
    assert_eq!(r.lignes.len(), 1);
    assert_eq!(r.lignes[0].libelle, "Collégiens");
    let r = calcul(
        &store,
        "taux(candidatures[repondue = oui], candidatures)",
        Some(2040),
        Some(Ventilation::Organisation),
    )
    .await;
    assert_eq!(r.lignes.len(), 1);
    assert_eq!(r.lignes[0].cle, org.to_string());
    assert_eq!(r.lignes[0].libelle, "Cosmetic Valley");
    assert_eq!(r.lignes[0].mesure.valeur, Some(75.0));

    // The years with records include both.
    let annees = store.evaluation().annees().await.unwrap();
    assert!(
        annees.contains(&2040) && annees.contains(&2041),
        "{annees:?}"
    );
    assert!(annees.windows(2).all(|w| w[0] < w[1]));
}

#[tokio::test]
async fn an_unmapped_kind_field_or_breakdown_is_an_error() {
    let (store, _db) = store().await;
    let e = store.evaluation();
    for (formule, par) in [
        ("compte(licornes)", None),
        ("compte(offres[couleur = \"bleu\"])", None),
        ("somme(offres.couleur)", None),
        ("compte(offres)", Some(Ventilation::Public)),
        ("compte(offres[postes = \"deux\"])", None),
        ("taux(offres, candidatures)", None),
    ] {
        let f = Formule::parse(formule).unwrap();
        assert!(
            matches!(
                e.calculer(&f, Some(2040), par, &secteur()).await,
                Err(StoreError::Formule(_))
            ),
            "{formule}"
        );
    }
}

/// Every default indicator, with every breakdown its kind allows, and
/// every field of every kind, compute on the demonstration data.
#[tokio::test]
async fn every_default_indicator_and_field_computes_on_the_demo_data() {
    let (store, _db) = store().await;
    jeu(&store, &_db).await;
    let e = store.evaluation();
    let secteur = secteur();
    for i in INDICATEURS_PAR_DEFAUT {
        let f = Formule::parse(i.formule).unwrap();
        let genre = REGISTRE
            .iter()
            .find(|g| g.nom == f.selection.genre)
            .unwrap();
        for annee in [None, Some(2026), Some(2040)] {
            for par in std::iter::once(None).chain(genre.ventilations.iter().copied().map(Some)) {
                let r = e
                    .calculer(&f, annee, par, &secteur)
                    .await
                    .unwrap_or_else(|err| panic!("{} {annee:?} {par:?}: {err}", i.code));
                if par.is_some() && f.agregat == campus_domain::evaluation::formule::Agregat::Compte
                {
                    let somme: u64 = r.lignes.iter().map(|l| l.mesure.effectif).sum();
                    assert_eq!(somme, r.total.effectif, "{} {par:?}", i.code);
                }
            }
        }
    }
    for genre in REGISTRE {
        for champ in genre.champs {
            let f = Formule::parse(&format!("distincts({}.{})", genre.nom, champ.nom)).unwrap();
            e.calculer(&f, None, None, &secteur)
                .await
                .unwrap_or_else(|err| panic!("{}.{}: {err}", genre.nom, champ.nom));
        }
    }
    let f = Formule::parse("compte(formations[secteur = oui])").unwrap();
    let secteur_demo = e.calculer(&f, None, None, &secteur).await.unwrap();
    let tout = e
        .calculer(
            &Formule::parse("compte(formations)").unwrap(),
            None,
            None,
            &secteur,
        )
        .await
        .unwrap();
    assert!(secteur_demo.total.effectif <= tout.total.effectif);
}

/// Whether two results are the same figures: keys, counts and
/// denominators exactly, values up to the rounding of a sum taken in
/// another order.
fn memes(
    a: &campus_domain::evaluation::calcul::Resultat,
    b: &campus_domain::evaluation::calcul::Resultat,
) -> bool {
    let mesure = |x: &campus_domain::evaluation::calcul::Mesure,
                  y: &campus_domain::evaluation::calcul::Mesure| {
        x.effectif == y.effectif
            && x.denominateur == y.denominateur
            && match (x.valeur, y.valeur) {
                (Some(u), Some(v)) => (u - v).abs() <= 1e-9 * u.abs().max(v.abs()).max(1.0),
                (u, v) => u == v,
            }
    };
    mesure(&a.total, &b.total)
        && a.lignes.len() == b.lignes.len()
        && a.lignes
            .iter()
            .zip(&b.lignes)
            .all(|(x, y)| x.cle == y.cle && x.libelle == y.libelle && mesure(&x.mesure, &y.mesure))
}

/// The lots a dashboard computes give, formula by formula and year by
/// year, the figures computed one at a time: every default indicator and
/// formulas over every aggregate, whole and under every breakdown.
#[tokio::test]
async fn a_lot_and_a_series_give_the_figures_computed_one_by_one() {
    use campus_domain::evaluation::calcul::Mesure;

    let (store, db) = store().await;
    jeu(&store, &db).await;
    let e = store.evaluation();
    let secteur = secteur();
    let mut textes: Vec<&str> = INDICATEURS_PAR_DEFAUT.iter().map(|i| i.formule).collect();
    textes.extend([
        "distincts(candidatures.participant)",
        "distincts(candidatures[repondue = oui].participant)",
        "moyenne(candidatures[repondue = oui].delai_reponse_jours)",
        "mediane(evenement_avis.note)",
        "somme(evenement_inscriptions[statut != \"annulee\"].places)",
        "taux(evenement_inscriptions[present = oui], evenement_inscriptions[statut = \"confirmee\"])",
    ]);
    let formules: Vec<Formule> = textes.iter().map(|t| Formule::parse(t).unwrap()).collect();
    let genre = |f: &Formule| {
        REGISTRE
            .iter()
            .find(|g| g.nom == f.selection.genre)
            .unwrap()
    };
    let mut annees = e.annees().await.unwrap();
    annees.extend([2040, 2041]);
    for par in std::iter::once(None).chain(
        Ventilation::all()
            .filter(|v| *v != Ventilation::Annee)
            .map(Some),
    ) {
        let lot: Vec<&Formule> = formules
            .iter()
            .filter(|f| par.is_none_or(|v| genre(f).ventilations.contains(&v)))
            .collect();
        let ensemble = e
            .calculer_lot(&lot, Some(2040), par, &secteur)
            .await
            .unwrap();
        for (f, r) in lot.iter().zip(&ensemble) {
            let seul = e.calculer(f, Some(2040), par, &secteur).await.unwrap();
            assert!(memes(r, &seul), "{f} {par:?}: {r:?} ≠ {seul:?}");
        }
        let datees: Vec<&Formule> = lot
            .iter()
            .copied()
            .filter(|f| genre(f).ventilations.contains(&Ventilation::Annee))
            .collect();
        let series = e.calculer_par_annee(&datees, par, &secteur).await.unwrap();
        for (f, serie) in datees.iter().zip(&series) {
            for annee in &annees {
                let seul = e.calculer(f, Some(*annee), par, &secteur).await.unwrap();
                match serie.get(annee) {
                    Some(r) => assert!(memes(r, &seul), "{f} {annee} {par:?}: {r:?} ≠ {seul:?}"),
                    None => {
                        assert_eq!(seul.total, Mesure::vide(f.agregat), "{f} {annee}");
                        assert!(seul.lignes.is_empty(), "{f} {annee}");
                    }
                }
            }
        }
    }
    let stock = Formule::parse("compte(organisations)").unwrap();
    assert!(matches!(
        e.calculer_par_annee(&[&stock], None, &secteur).await,
        Err(StoreError::Formule(_))
    ));
}
