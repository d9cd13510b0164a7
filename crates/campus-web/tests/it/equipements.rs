//! Pooled equipment: bookings under concurrency, the rules that refuse a
//! booking (each with its French message and nothing stored), approvals,
//! cancellation, the iCal feed, utilisation and habilitations.

use campus_domain::equipement::CategorieEquipement;
use campus_domain::{MembreRole, Role, heure_legale};
use chrono::{Duration, NaiveDate};

use crate::testkit::{Client, TestApp};

const HPLC: &str = "chaine-hplc-avec-detecteur-uv-a-barrette-de-diodes";
const MELANGEUR: &str = "melangeur-emulseur-sous-vide-de-laboratoire";
const BLISTER: &str = "ligne-de-conditionnement-sous-blister";

/// The day the bookings of these tests fall on: a week from the
/// platform's today. The platform's clock stands on a Wednesday, so this
/// is a Wednesday and the day after a Thursday, both open (the demo
/// equipment opens Monday to Friday, 08:00–18:00).
fn next_week(app: &TestApp) -> NaiveDate {
    app.today() + Duration::weeks(1)
}

/// A year from the platform's today: habilitations valid all along.
fn in_a_year(app: &TestApp) -> NaiveDate {
    app.today() + Duration::days(365)
}

/// A signed-in person holding a valid habilitation for `categorie`.
async fn habilitated(
    app: &TestApp,
    email: &str,
    categorie: CategorieEquipement,
) -> (Client, campus_store::users::User) {
    let (client, user) = app.login_with(email, Role::Apprenant).await;
    app.state
        .store
        .equipements()
        .grant_habilitation(user.id, categorie, None, in_a_year(app), "formation suivie")
        .await
        .unwrap();
    (client, user)
}

async fn api_book(
    app: &TestApp,
    client: &Client,
    token: &str,
    slug: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/v1/equipements/{slug}/reservations")))
        .header("x-csrf-token", token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn slot(date: NaiveDate, debut: &str, fin: &str) -> serde_json::Value {
    serde_json::json!({ "date": date.to_string(), "debut": debut, "fin": fin, "objet": "Dosage d'un actif" })
}

async fn created_reservations(app: &TestApp) -> usize {
    app.state
        .store
        .recent_audit_events(10_000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "reservation.create")
        .count()
}

#[tokio::test]
async fn hundred_concurrent_reservations_of_one_slot_give_exactly_one() {
    let app = TestApp::new().await;
    let (client, user) = habilitated(
        &app,
        "lea@exemple.test",
        CategorieEquipement::Chromatographie,
    )
    .await;
    let token = client.csrf().await;
    let date = next_week(&app);
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let (client, token, base) = (client.clone(), token.clone(), app.base.clone());
        let body = slot(date, "09:00", "11:00");
        tasks.push(tokio::spawn(async move {
            let response = client
                .post(format!("{base}/api/v1/equipements/{HPLC}/reservations"))
                .header("x-csrf-token", token)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (status, response.text().await.unwrap())
        }));
    }
    let mut created = 0;
    let mut conflicts = 0;
    for task in tasks {
        let (status, body) = task.await.unwrap();
        match status {
            201 => created += 1,
            409 => {
                assert!(body.contains("déjà réservé"), "{body}");
                conflicts += 1;
            }
            other => panic!("statut inattendu {other} : {body}"),
        }
    }
    assert_eq!((created, conflicts), (1, 99));
    assert_eq!(
        app.state
            .store
            .equipements()
            .reservations_of_user(user.id)
            .await
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn overlapping_slots_are_refused_and_adjacent_ones_accepted() {
    let app = TestApp::new().await;
    let (client, _) = habilitated(
        &app,
        "lea@exemple.test",
        CategorieEquipement::Chromatographie,
    )
    .await;
    let token = client.csrf().await;
    let date = next_week(&app);
    let first = api_book(&app, &client, &token, HPLC, slot(date, "10:00", "12:00")).await;
    assert_eq!(first.status(), 201);
    for (debut, fin) in [
        ("09:00", "10:30"),
        ("11:30", "13:00"),
        ("10:30", "11:00"),
        ("08:00", "17:00"),
    ] {
        let response = api_book(&app, &client, &token, HPLC, slot(date, debut, fin)).await;
        assert_eq!(response.status(), 409, "{debut}–{fin}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
    }
    for (debut, fin) in [("08:00", "10:00"), ("12:00", "13:30")] {
        let response = api_book(&app, &client, &token, HPLC, slot(date, debut, fin)).await;
        assert_eq!(response.status(), 201, "{debut}–{fin}");
    }
    // The same hours on another day, or on other equipment, are free.
    let other_day = api_book(
        &app,
        &client,
        &token,
        HPLC,
        slot(date + Duration::days(1), "10:00", "12:00"),
    )
    .await;
    assert_eq!(other_day.status(), 201);
    app.stop().await;
}

/// A booking refused after its first writes (the equipment's counter, the
/// quota, the booking row) leaves none of them behind.
#[tokio::test]
async fn a_failure_after_the_first_writes_leaves_nothing() {
    let app = TestApp::new().await;
    let (client, user) = habilitated(
        &app,
        "lea@exemple.test",
        CategorieEquipement::Chromatographie,
    )
    .await;
    let store = &app.state.store;
    let org = store
        .organisation_by_slug("universite-d-orleans")
        .await
        .unwrap();
    store
        .set_member(org.id, user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    store
        .equipements()
        .set_equipement_quota(org.id, 600, None)
        .await
        .unwrap();
    let token = client.csrf().await;
    let date = next_week(&app);
    let periode = date.format("%Y-%m").to_string();
    let mut body = slot(date, "10:00", "12:00");
    body["organisation"] = "universite-d-orleans".into();
    assert_eq!(
        api_book(&app, &client, &token, HPLC, body).await.status(),
        201
    );
    let used = store
        .equipements()
        .equipement_quota(org.id, &periode)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(used.minutes_utilisees, 120);
    let audit_before = created_reservations(&app).await;
    let pending_mail_before = store.pending_mail_count().await.unwrap();

    // Passes every check, counts against the quota, inserts the booking,
    // then fails on the slot units already held.
    let mut body = slot(date, "11:00", "13:00");
    body["organisation"] = "universite-d-orleans".into();
    assert_eq!(
        api_book(&app, &client, &token, HPLC, body).await.status(),
        409
    );

    let after = store
        .equipements()
        .equipement_quota(org.id, &periode)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.minutes_utilisees, 120, "quota rendu");
    assert_eq!(
        store
            .equipements()
            .reservations_of_user(user.id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(created_reservations(&app).await, audit_before);
    assert!(store.pending_mail_count().await.unwrap() <= pending_mail_before);
    app.stop().await;
}

/// Posts the booking form and returns the status and page.
async fn book_form(client: &Client, slug: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let response = client
        .post_form(&format!("/equipements/{slug}/reserver"), fields)
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn each_bad_reservation_gets_its_french_message_and_changes_nothing() {
    let app = TestApp::new().await;
    let (client, user) = habilitated(
        &app,
        "lea@exemple.test",
        CategorieEquipement::Chromatographie,
    )
    .await;
    let store = &app.state.store;
    let date = next_week(&app).to_string();
    let yesterday = (app.today() - Duration::days(1)).to_string();
    let hplc = store.equipements().equipement_by_slug(HPLC).await.unwrap();

    // Maintenance on the afternoon of `date`.
    let at =
        |h: u32| heure_legale::depuis_local(next_week(&app).and_hms_opt(h, 0, 0).unwrap()).unwrap();
    store
        .equipements()
        .add_maintenance(hplc.id, at(14), at(16), "étalonnage", None)
        .await
        .unwrap();

    let cases: Vec<(&str, &str, &str, &str)> = vec![
        (yesterday.as_str(), "09:00", "10:00", "déjà passée"),
        (date.as_str(), "11:00", "10:00", "doit être après"),
        (date.as_str(), "07:00", "09:00", "sort des horaires"),
        (date.as_str(), "18:00", "19:00", "sort des horaires"),
        (date.as_str(), "09:15", "10:00", "par demi-heure"),
        (date.as_str(), "15:00", "17:00", "maintenance"),
        ("01/12/2026", "09:00", "10:00", "date valide"),
    ];
    for (d, debut, fin, expected) in cases {
        let (status, html) = book_form(
            &client,
            HPLC,
            &[("date", d), ("debut", debut), ("fin", fin), ("objet", "TP")],
        )
        .await;
        assert_eq!(status, 422, "{d} {debut}–{fin}");
        assert!(
            html.contains(expected),
            "{d} {debut}–{fin} : {expected}\n{html}"
        );
        assert!(html.contains("error-summary"));
    }

    // Habilitation that expired yesterday.
    store
        .equipements()
        .grant_habilitation(
            user.id,
            CategorieEquipement::Chromatographie,
            None,
            app.today() - Duration::days(1),
            "ancienne formation",
        )
        .await
        .unwrap();
    let (status, html) = book_form(
        &client,
        HPLC,
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "10:00"),
            ("objet", "TP"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("a expiré le"), "{html}");

    // No habilitation at all for the rheometer's category.
    let (status, html) = book_form(
        &client,
        "rheometre-rotatif-a-contrainte-imposee",
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "10:00"),
            ("objet", "TP"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Demandez-la à un formateur"), "{html}");

    // Equipment under maintenance cannot be booked at all.
    store
        .equipements()
        .grant_habilitation(
            user.id,
            CategorieEquipement::Conditionnement,
            None,
            in_a_year(&app),
            "formation",
        )
        .await
        .unwrap();
    let (status, html) = book_form(
        &client,
        BLISTER,
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "10:00"),
            ("objet", "TP"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("ne peut pas être réservé"), "{html}");

    // Quota of the organisation exceeded.
    store
        .equipements()
        .grant_habilitation(
            user.id,
            CategorieEquipement::Chromatographie,
            None,
            in_a_year(&app),
            "renouvellement",
        )
        .await
        .unwrap();
    let org = store
        .organisation_by_slug("universite-d-orleans")
        .await
        .unwrap();
    store
        .set_member(org.id, user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    store
        .equipements()
        .set_equipement_quota(org.id, 60, None)
        .await
        .unwrap();
    let (status, html) = book_form(
        &client,
        HPLC,
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "11:00"),
            ("organisation", "universite-d-orleans"),
            ("objet", "TP"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("quota mensuel"), "{html}");

    assert!(
        store
            .equipements()
            .reservations_of_user(user.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(created_reservations(&app).await, 0);

    // Within the quota, the same form books.
    let (status, _) = book_form(
        &client,
        HPLC,
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "10:00"),
            ("organisation", "universite-d-orleans"),
            ("objet", "TP"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    app.stop().await;
}

#[tokio::test]
async fn approval_cancellation_feed_and_utilisation() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let (client, user) =
        habilitated(&app, "lea@exemple.test", CategorieEquipement::Formulation).await;
    let (manager_client, manager) = app
        .login_with("gestion@exemple.test", Role::Partenaire)
        .await;
    let melangeur = store
        .equipements()
        .equipement_by_slug(MELANGEUR)
        .await
        .unwrap();
    store
        .equipements()
        .add_equipement_manager(melangeur.id, manager.id, None)
        .await
        .unwrap();
    let date = next_week(&app).to_string();

    let (status, _) = book_form(
        &client,
        MELANGEUR,
        &[
            ("date", &date),
            ("debut", "09:00"),
            ("fin", "12:00"),
            ("objet", "Lot pilote"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    app.wait_for_mail("gestion@exemple.test", "Réservation à valider")
        .await;
    let booking = store
        .equipements()
        .reservations_of_user(user.id)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(booking.statut.as_str(), "en_attente");

    // Pending bookings hold the slot.
    let (other_client, other) = app.login_as(Role::Apprenant).await;
    store
        .equipements()
        .grant_habilitation(
            other.id,
            CategorieEquipement::Formulation,
            None,
            in_a_year(&app),
            "",
        )
        .await
        .unwrap();
    let (status, html) = book_form(
        &other_client,
        MELANGEUR,
        &[
            ("date", &date),
            ("debut", "11:00"),
            ("fin", "12:00"),
            ("objet", "Essai"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("déjà réservé"));

    // Someone who does not manage it cannot decide; the manager can.
    let refused = other_client
        .post_form(&format!("/reservations/{}/valider", booking.id), &[])
        .await;
    assert_eq!(refused.status(), 403);
    let page = manager_client.page("/reservations/a-valider").await.1;
    assert!(page.contains("Lot pilote"), "{page}");
    let approved = manager_client
        .post_form(&format!("/reservations/{}/valider", booking.id), &[])
        .await;
    assert_eq!(approved.status(), 303);
    app.wait_for_mail("lea@exemple.test", "Réservation validée")
        .await;
    assert_eq!(
        store
            .equipements()
            .reservation(booking.id)
            .await
            .unwrap()
            .statut
            .as_str(),
        "confirmee"
    );

    // The iCal feed needs its token, and lists the booking without names.
    let (no_token, _) = app
        .page(&format!(
            "/equipements/{MELANGEUR}/calendrier.ics?jeton=faux"
        ))
        .await;
    assert_eq!(no_token, 404);
    // The manager finds the feed's address on the equipment's page.
    let page = manager_client
        .page(&format!("/equipements/{MELANGEUR}"))
        .await
        .1;
    let jeton = store
        .jeton_flux(campus_store::feeds::Flux::Equipement(melangeur.id))
        .await
        .unwrap();
    let feed = format!("/equipements/{MELANGEUR}/calendrier.ics?jeton={jeton}");
    assert!(page.contains(&feed), "{page}");
    let (status, ics) = app.page(&feed).await;
    assert_eq!(status, 200);
    assert!(
        ics.contains("BEGIN:VEVENT\r\n")
            && ics.contains(&format!("UID:reservation-{}@", booking.id))
    );
    assert!(!ics.contains("lea@exemple.test"));
    // Replacing the address revokes the old one; only managers may.
    let refused = client
        .post_form(&format!("/equipements/{MELANGEUR}/flux"), &[])
        .await;
    assert_eq!(refused.status(), 403);
    let renewed = manager_client
        .post_form(&format!("/equipements/{MELANGEUR}/flux"), &[])
        .await;
    assert_eq!(renewed.status(), 303);
    let old = app.client().get(app.url(&feed)).send().await.unwrap();
    assert_eq!(old.status(), 404);
    let jeton = store
        .jeton_flux(campus_store::feeds::Flux::Equipement(melangeur.id))
        .await
        .unwrap();
    let fresh = app
        .client()
        .get(app.url(&format!(
            "/equipements/{MELANGEUR}/calendrier.ics?jeton={jeton}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), 200);

    // Utilisation: the manager sees it and exports it; others may not.
    let first = NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap();
    let csv_path = format!("/equipements/{MELANGEUR}/utilisation.csv?du={first}&au={first}");
    let (status, csv) = manager_client.page(&csv_path).await;
    assert_eq!(status, 200);
    assert!(
        csv.contains(&format!(
            "{first};09:00;12:00;3,00;À titre personnel;Apprenant·e;Tarif académique"
        )),
        "{csv}"
    );
    assert_eq!(client.page(&csv_path).await.0, 403);

    // Cancelling frees the slot for someone else.
    let cancelled = client
        .post_form(&format!("/reservations/{}/annuler", booking.id), &[])
        .await;
    assert_eq!(cancelled.status(), 303);
    let (status, _) = book_form(
        &other_client,
        MELANGEUR,
        &[
            ("date", &date),
            ("debut", "11:00"),
            ("fin", "12:00"),
            ("objet", "Essai"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let again = client
        .post_form(&format!("/reservations/{}/annuler", booking.id), &[])
        .await;
    assert_eq!(again.status(), 409);
    app.stop().await;
}

#[tokio::test]
async fn trainers_grant_habilitations_and_learners_cannot() {
    let app = TestApp::new().await;
    let (learner_client, learner) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    let (trainer, _) = app.login_as(Role::Formateur).await;
    let in_a_year = in_a_year(&app).to_string();
    let yesterday = (app.today() - Duration::days(1)).to_string();

    let denied = learner_client
        .post_form(
            "/habilitations",
            &[
                ("email", "lea@exemple.test"),
                ("categorie", "rheologie"),
                ("expire_le", &in_a_year),
            ],
        )
        .await;
    assert_eq!(denied.status(), 403);

    let past = trainer
        .post_form(
            "/habilitations",
            &[
                ("email", "lea@exemple.test"),
                ("categorie", "rheologie"),
                ("expire_le", &yesterday),
            ],
        )
        .await;
    assert_eq!(past.status(), 422);
    assert!(past.text().await.unwrap().contains("déjà passée"));
    let unknown = trainer
        .post_form(
            "/habilitations",
            &[
                ("email", "personne@exemple.test"),
                ("categorie", "rheologie"),
                ("expire_le", &in_a_year),
            ],
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert!(
        app.state
            .store
            .equipements()
            .habilitations_of(learner.id)
            .await
            .unwrap()
            .is_empty()
    );

    let granted = trainer
        .post_form(
            "/habilitations",
            &[
                ("email", "lea@exemple.test"),
                ("categorie", "rheologie"),
                ("expire_le", &in_a_year),
                ("motif", "TP rhéologie du 12/11"),
            ],
        )
        .await;
    assert_eq!(granted.status(), 303);
    let held = app
        .state
        .store
        .equipements()
        .habilitations_of(learner.id)
        .await
        .unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].categorie, CategorieEquipement::Rheologie);
    assert_eq!(held[0].accordee_par_nom.as_deref(), Some("Test formateur"));
    app.stop().await;
}

#[tokio::test]
async fn api_lists_equipement_and_availability() {
    let app = TestApp::new().await;
    let client = app.client();
    let list: serde_json::Value = client
        .get(app.url("/api/v1/equipements"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 5);
    let date = next_week(&app);
    let availability: serde_json::Value = client
        .get(app.url(&format!(
            "/api/v1/equipements/{HPLC}/disponibilites?du={date}&jours=1"
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(availability["unite_minutes"], 30);
    assert_eq!(
        availability["jours"][0]["plages"][0],
        serde_json::json!({"debut": "08:00", "fin": "18:00", "nature": "libre"})
    );
    let token = client.csrf().await;
    let anonymous = client
        .post(app.url(&format!("/api/v1/equipements/{HPLC}/reservations")))
        .header("x-csrf-token", token)
        .json(&slot(date, "09:00", "10:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn the_campus_team_sets_quotas_and_managers() {
    let app = TestApp::new().await;
    let (team, _) = app.login_as(Role::EquipeCampus).await;
    let manager = app
        .create_user("gestion@exemple.test", Role::Partenaire)
        .await;
    let store = &app.state.store;

    let bad = team
        .post_form(
            "/admin/equipements/quotas",
            &[("organisation", "universite-de-tours"), ("heures", "-3")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("entre 0 et 744"));
    assert!(
        store
            .equipements()
            .list_equipement_quotas()
            .await
            .unwrap()
            .is_empty()
    );
    let ok = team
        .post_form(
            "/admin/equipements/quotas",
            &[("organisation", "universite-de-tours"), ("heures", "20")],
        )
        .await;
    assert_eq!(ok.status(), 303);
    assert_eq!(
        store.equipements().list_equipement_quotas().await.unwrap(),
        vec![("Université de Tours".to_owned(), 1200)]
    );

    let ok = team
        .post_form(
            "/admin/equipements/gestionnaires",
            &[("equipement", MELANGEUR), ("email", "gestion@exemple.test")],
        )
        .await;
    assert_eq!(ok.status(), 303);
    let e = store
        .equipements()
        .equipement_by_slug(MELANGEUR)
        .await
        .unwrap();
    assert!(
        store
            .equipements()
            .is_equipement_manager(e.id, manager.id)
            .await
            .unwrap()
    );
    app.stop().await;
}
