//! Events through the site and the API: bad input refused with French
//! messages and nothing stored, a class registration, a minor's parental
//! consent, a waitlist promotion with its e-mail, the organisers' export
//! and check-in, the reminders.

use campus_domain::Role;
use campus_domain::evenement::{Audience, EvenementKind, InscriptionStatus};
use campus_store::evenements::{Evenement, EvenementFilter, EvenementInput, Safety};
use chrono::{DateTime, Duration, Utc};

use crate::testkit::{Client, TestApp, extract_csrf};

pub(crate) async fn event(app: &TestApp, capacity: i32, min_age: Option<i32>) -> Evenement {
    event_by(app, capacity, min_age, None).await
}

/// A site visit next week, created by `organiser`.
pub(crate) async fn event_by(
    app: &TestApp,
    capacity: i32,
    min_age: Option<i32>,
    organiser: Option<i32>,
) -> Evenement {
    let org = app
        .state
        .store
        .organisation_by_slug("novo-nordisk")
        .await
        .unwrap();
    let starts_at = app.now() + Duration::days(7);
    app.state
        .store
        .evenements()
        .create_evenement(
            EvenementInput {
                organisation_id: org.id,
                kind: EvenementKind::VisiteSite,
                titre: "Visite de la ligne de conditionnement".to_owned(),
                description: String::new(),
                adresse: "Site de production".to_owned(),
                code_postal: None,
                commune: "Chartres".to_owned(),
                departement: None,
                starts_at,
                ends_at: starts_at + Duration::hours(2),
                capacity,
                audiences: vec![Audience::Lyceens],
                romes: vec![],
                safety: Safety {
                    min_age,
                    ..Default::default()
                },
            },
            organiser,
        )
        .await
        .unwrap()
}

/// The birth date of someone `years` old (and a few days) today.
pub(crate) fn birth_date(app: &TestApp, years: i64) -> String {
    (app.today() - Duration::days(365 * years + years / 4 + 10)).to_string()
}

async fn count_evenements(app: &TestApp) -> u64 {
    app.state
        .store
        .evenements()
        .list_evenements(&EvenementFilter {
            per_page: 200,
            ..Default::default()
        })
        .await
        .unwrap()
        .1
}

#[tokio::test]
async fn bad_evenement_input_is_refused_with_a_message_and_nothing_stored() {
    let app = TestApp::new().await;
    let (client, _) = app.login_as(Role::EquipeCampus).await;
    let before = count_evenements(&app).await;
    let paris = |d: DateTime<Utc>| campus_domain::heure_legale::valeur_saisie(d);
    let soon = app.now() + Duration::days(10);
    let cases = [
        (
            paris(app.now() - Duration::days(1)),
            paris(soon),
            "30",
            "La date de début est passée",
        ),
        (
            paris(soon),
            paris(soon - Duration::hours(2)),
            "30",
            "La fin doit être après le début.",
        ),
        (
            paris(soon),
            paris(soon + Duration::hours(2)),
            "0",
            "Le nombre de places doit être d&#39;au moins 1.",
        ),
        (
            paris(soon),
            paris(soon + Duration::hours(2)),
            "-4",
            "Le nombre de places doit être d&#39;au moins 1.",
        ),
        (
            "demain matin".to_owned(),
            paris(soon),
            "30",
            "Saisissez une date et une heure valides",
        ),
    ];
    for (debut, fin, capacite, message) in cases {
        let response = client
            .post_form(
                "/evenements",
                &[
                    ("organisation", "cosmetic-valley"),
                    ("kind", "forum_salon"),
                    ("titre", "Forum"),
                    ("adresse", "Place des Épars"),
                    ("commune", "Chartres"),
                    ("debut", &debut),
                    ("fin", &fin),
                    ("capacite", capacite),
                    ("publics", "lyceens"),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{message}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{message} absent :\n{html}");
        assert!(html.contains("error-summary"));
    }
    assert_eq!(
        count_evenements(&app).await,
        before,
        "rien n'est enregistré"
    );

    // The same form, valid, creates the event.
    let response = client
        .post_form(
            "/evenements",
            &[
                ("organisation", "cosmetic-valley"),
                ("kind", "forum_salon"),
                ("titre", "Forum des métiers"),
                ("adresse", "Place des Épars"),
                ("code_postal", "28000"),
                ("commune", "Chartres"),
                ("debut", &paris(soon)),
                ("fin", &paris(soon + Duration::hours(3))),
                ("capacite", "40"),
                ("publics", "lyceens"),
                ("publics", "etudiants"),
                ("metiers", "H3301, H1502"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let html = client.page(&location).await.1;
    assert!(html.contains("Forum des métiers") && html.contains("/metiers/H3301"));
    assert_eq!(count_evenements(&app).await, before + 1);
    app.stop().await;
}

#[tokio::test]
async fn a_teacher_registers_a_class_all_or_nothing() {
    let app = TestApp::new().await;
    let event = event(&app, 20, Some(16)).await;
    let (client, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let path = format!("/evenements/{}/inscription", event.slug);
    let class = |pupils: &'static str, attestation: &'static str| {
        vec![
            ("type", "classe"),
            ("classe", "1re STL"),
            ("eleves", pupils),
            ("classe_public", "lyceens"),
            ("etablissement", "Lycée Jean Zay"),
            ("attestation", attestation),
        ]
    };
    let response = client.post_form(&path, &class("25", "oui")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("une classe n&#39;est jamais séparée")
    );
    let response = client.post_form(&path, &class("12", "")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Cochez l&#39;attestation")
    );
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (0, 0)
    );

    let response = client.post_form(&path, &class("12", "oui")).await;
    assert_eq!(response.status(), 303);
    let ticket = response.headers()["location"].to_str().unwrap().to_owned();
    let html = client.page(&ticket).await.1;
    assert!(
        html.contains("Confirmée") && html.contains("<svg"),
        "{html}"
    );
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (12, 0)
    );
    let mail = app
        .wait_for_mail("prof@lycee.test", "Inscription confirmée")
        .await;
    assert!(mail.body.contains("1re STL") && mail.body.contains("12 élèves"));

    // An apprentice may not register a class.
    let (other, _) = app.login_as(Role::Apprenant).await;
    let response = other.post_form(&path, &class("5", "oui")).await;
    assert_eq!(response.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn a_minor_is_confirmed_after_the_parent_consents() {
    let app = TestApp::new().await;
    let event = event(&app, 10, Some(14)).await;
    let client = app.client();
    let path = format!("/evenements/{}/inscription", event.slug);
    let person = |birth: String, parent: &'static str| {
        vec![
            ("type".to_owned(), "personne".to_owned()),
            ("nom".to_owned(), "Léa Martin".to_owned()),
            ("email".to_owned(), "lea@exemple.test".to_owned()),
            ("date_naissance".to_owned(), birth),
            ("email_parent".to_owned(), parent.to_owned()),
            ("public".to_owned(), "lyceens".to_owned()),
        ]
    };
    let post = async |fields: Vec<(String, String)>| {
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        client.post_form(&path, &fields).await
    };
    // Too young for the visit; then a minor without a parent's address.
    let response = post(person(birth_date(&app, 12), "parent@exemple.test")).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("au moins 14 ans"));
    let response = post(person(birth_date(&app, 15), "")).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("indiquez l&#39;e-mail d&#39;un parent")
    );
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (0, 0)
    );

    let response = post(person(birth_date(&app, 15), "parent@exemple.test")).await;
    assert_eq!(response.status(), 303);
    let regs = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(regs[0].status, InscriptionStatus::AttenteConsentement);
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (1, 0)
    );

    let mail = app
        .wait_for_mail("parent@exemple.test", "Votre accord est demandé")
        .await;
    let link = app.link_in(&mail.body, "/evenements/inscriptions/");
    let page = client.page(&link).await.1;
    assert!(page.contains("Accord parental") && page.contains("Léa Martin"));
    // A forged signature is unknown.
    let forged = format!("{}x", link);
    assert_eq!(client.page(&forged).await.0, 404);

    let signature = crate::testkit::query_param(&link, "signature");
    let consent_path = url::Url::parse(&link).unwrap().path().to_owned();
    let response = client
        .post_form(
            &consent_path,
            &[
                ("signature", &signature),
                ("reponse", "accepter"),
                ("nom_parent", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let response = client
        .post_form(
            &consent_path,
            &[
                ("signature", &signature),
                ("reponse", "accepter"),
                ("nom_parent", "Claire Martin"),
                ("accord", "oui"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Accord enregistré, donné par Claire Martin")
    );
    let regs = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(regs[0].status, InscriptionStatus::Confirmee);
    assert_eq!(regs[0].consent_by.as_deref(), Some("Claire Martin"));
    app.stop().await;
}

#[tokio::test]
async fn a_cancellation_promotes_the_next_and_tells_them() {
    let app = TestApp::new().await;
    let event = event(&app, 1, None).await;
    let client = app.client();
    let path = format!("/evenements/{}/inscription", event.slug);
    for (name, email) in [("Ana", "ana@exemple.test"), ("Bruno", "bruno@exemple.test")] {
        let birth = birth_date(&app, 30);
        let response = client
            .post_form(
                &path,
                &[
                    ("type", "personne"),
                    ("nom", name),
                    ("email", email),
                    ("date_naissance", &birth),
                    ("public", "salaries"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303);
    }
    app.wait_for_mail("bruno@exemple.test", "Liste d'attente")
        .await;
    let confirmed = app
        .wait_for_mail("ana@exemple.test", "Inscription confirmée")
        .await;
    // Registered by an anonymous form: the mail says how to undo it.
    assert!(
        confirmed.body.contains("Ce n'était pas vous ?"),
        "{}",
        confirmed.body
    );
    let ticket = app.link_in(&confirmed.body, "/evenements/inscriptions/");
    let html = client.page(&ticket).await.1;
    let token = extract_csrf(&html).unwrap();
    let signature = crate::testkit::query_param(&ticket, "signature");
    let cancel = format!("{}/annuler", url::Url::parse(&ticket).unwrap().path());
    let response = client
        .post(app.url(&cancel))
        .form(&[("_csrf", token.as_str()), ("signature", signature.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let promoted = app
        .wait_for_mail("bruno@exemple.test", "Une place s'est libérée")
        .await;
    assert!(promoted.body.contains("est confirmée"));
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (1, 0)
    );
    app.stop().await;
}

#[tokio::test]
async fn organisers_export_check_in_and_remind() {
    let app = TestApp::new().await;
    let event = event(&app, 5, None).await;
    let org = app
        .state
        .store
        .organisation_by_slug("novo-nordisk")
        .await
        .unwrap();
    let (client, organiser) = app.login_with("rh@novo.test", Role::Partenaire).await;
    app.state
        .store
        .set_member(
            org.id,
            organiser.id,
            campus_domain::MembreRole::Membre,
            None,
        )
        .await
        .unwrap();
    let visitor = app.client();
    let birth = birth_date(&app, 25);
    let response = visitor
        .post_form(
            &format!("/evenements/{}/inscription", event.slug),
            &[
                ("type", "personne"),
                ("nom", "=Inès Robert"),
                ("email", "ines@exemple.test"),
                ("date_naissance", &birth),
                ("public", "etudiants"),
                ("niveau", "BTS Métiers de la chimie"),
                ("organisation", "Lycée Pothier"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let code = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap()[0]
        .code
        .clone();

    let csv = client
        .get(app.url(&format!("/evenements/{}/inscriptions/export", event.slug)))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    assert!(text.contains("Code;Type;Nom"), "{text}");
    assert!(
        text.contains("'=Inès Robert"),
        "no formula in a spreadsheet: {text}"
    );
    assert!(text.contains("BTS Métiers de la chimie") && text.contains("Lycée Pothier"));

    let check_in = format!("/evenements/{}/pointage", event.slug);
    let response = client.post_form(&check_in, &[("code", "ZZZZ9999")]).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Aucune inscription")
    );
    let response = client
        .post_form(&check_in, &[("code", &code.to_lowercase())])
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("est pointé"));

    // A stranger to the organisation sees none of it.
    let (stranger, _) = app.login_as(Role::Partenaire).await;
    let response = stranger
        .get(app.url(&format!("/evenements/{}/inscriptions", event.slug)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // Nothing to remind a week ahead; the reminder goes once, the day
    // before.
    assert_eq!(
        campus_web::send_evenement_follow_ups(&app.state, app.now())
            .await
            .unwrap(),
        0
    );
    app.set_now(event.starts_at - Duration::hours(20));
    assert_eq!(
        campus_web::send_evenement_follow_ups(&app.state, app.now())
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        campus_web::send_evenement_follow_ups(&app.state, app.now())
            .await
            .unwrap(),
        0
    );
    let reminder = app.wait_for_mail("ines@exemple.test", "Rappel").await;
    assert!(reminder.body.contains(&code));

    // The iCal file of the event.
    let ics = visitor
        .get(app.url(&format!("/evenements/{}/calendrier", event.slug)))
        .send()
        .await
        .unwrap();
    assert!(
        ics.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = ics.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.contains("SUMMARY:Visite de la ligne"));
    app.stop().await;
}

#[tokio::test]
async fn the_api_lists_and_registers() {
    let app = TestApp::new().await;
    let event = event(&app, 3, None).await;
    let list: serde_json::Value = reqwest::get(app.url("/api/v1/evenements?public=lyceens"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["slug"] == event.slug.as_str())
    );
    let (client, _) = app.login_with("api@exemple.test", Role::Apprenant).await;
    let token = client.csrf().await;
    let path = app.url(&format!("/api/v1/evenements/{}/inscriptions", event.slug));
    let bad = client
        .post(&path)
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({"personne": {"nom": "Paul", "email": "api@exemple.test", "public": "lyceens", "date_naissance": "2999-01-01"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = bad.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "date_naissance");
    let ok = client
        .post(&path)
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({"personne": {"nom": "Paul", "email": "api@exemple.test", "public": "salaries", "date_naissance": "1990-05-04"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 201);
    let body: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(body["statut"], "confirmee");
    assert_eq!(body["places"], 1);
    app.stop().await;
}

/// Signed in, a person registers themselves at their account's address,
/// whatever address the request names: nobody takes a seat in someone
/// else's name, nor blocks that person's own registration.
#[tokio::test]
async fn a_signed_in_registration_uses_the_account_address() {
    let app = TestApp::new().await;
    let visit = event(&app, 30, None).await;
    let (client, _) = app.login_with("leo@exemple.test", Role::Apprenant).await;
    let token = client.csrf().await;
    let path = app.url(&format!("/api/v1/evenements/{}/inscriptions", visit.slug));
    let someone_else = serde_json::json!({"personne": {"nom": "Léo", "email": "voisine@exemple.test", "public": "salaries", "date_naissance": "1990-05-04"}});
    let mine = client
        .post(&path)
        .header("x-csrf-token", &token)
        .json(&someone_else)
        .send()
        .await
        .unwrap();
    assert_eq!(mine.status(), 201);
    let registered = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(visit.id)
        .await
        .unwrap();
    assert_eq!(registered.len(), 1);
    assert_eq!(registered[0].email.as_str(), "leo@exemple.test");
    // The person whose address was named registers as usual.
    let theirs = register_person(
        &app.client(),
        &app,
        &visit,
        "Inès Voisine",
        "voisine@exemple.test",
    )
    .await;
    assert_eq!(theirs.status(), 303);
    app.stop().await;
}

/// A registration through the public form, as `name` at `email`.
pub(crate) async fn register_person(
    client: &Client,
    app: &TestApp,
    visit: &Evenement,
    name: &str,
    email: &str,
) -> reqwest::Response {
    let birth = birth_date(app, 30);
    client
        .post_form(
            &format!("/evenements/{}/inscription", visit.slug),
            &[
                ("type", "personne"),
                ("nom", name),
                ("email", email),
                ("date_naissance", &birth),
                ("public", "salaries"),
            ],
        )
        .await
}

/// Anonymous registrations are limited per client address and per event,
/// counted in the database (every node sees the same counts): the next one
/// gets 429 with `Retry-After` and a French page.
#[tokio::test]
async fn anonymous_registrations_are_rate_limited() {
    let app = TestApp::with_config(|c| {
        c.server.trust_forwarded_for = true;
        c.security.anonymous_registrations_per_ip_hour = 2;
        c.security.anonymous_registrations_per_event_minute = 3;
    })
    .await;
    let visit = event(&app, 30, None).await;
    let from = |ip: &str| app.client_from(ip);
    let one = from("203.0.113.1");
    for n in 0..2 {
        let email = format!("personne{n}@exemple.test");
        let response = register_person(&one, &app, &visit, "Une Personne", &email).await;
        assert_eq!(response.status(), 303);
    }
    // A third one from the same address waits.
    let refused =
        register_person(&one, &app, &visit, "Une Personne", "personne2@exemple.test").await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    assert!(refused.text().await.unwrap().contains("Trop de requêtes"));
    // The event takes three a minute, whatever the addresses.
    let other = register_person(
        &from("203.0.113.2"),
        &app,
        &visit,
        "Autre",
        "autre@exemple.test",
    )
    .await;
    assert_eq!(other.status(), 303);
    let fourth = register_person(
        &from("203.0.113.3"),
        &app,
        &visit,
        "Quatre",
        "quatre@exemple.test",
    )
    .await;
    assert_eq!(fourth.status(), 429);
    app.advance(Duration::seconds(61));
    let later = register_person(
        &from("203.0.113.3"),
        &app,
        &visit,
        "Quatre",
        "quatre@exemple.test",
    )
    .await;
    assert_eq!(later.status(), 303);
    // Nothing was stored for the refused ones.
    let stored = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(visit.id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 4);
    app.stop().await;
}

#[tokio::test]
async fn calendar_feeds_open_with_their_token_and_renewing_revokes_it() {
    let app = TestApp::new().await;
    let visit = event(&app, 30, None).await;
    let (client, user) = app.login_with("agenda@exemple.test", Role::Apprenant).await;
    let register =
        register_person(&client, &app, &visit, "Léa Martin", "agenda@exemple.test").await;
    assert_eq!(register.status(), 303, "{}", register.text().await.unwrap());

    // The person's page gives the feed's address, which opens it.
    let page = client.page("/compte/evenements").await.1;
    let prefix = format!("/evenements/flux/personnes/{}?jeton=", user.id);
    let start = page.find(&prefix).expect("adresse du flux");
    let feed: String = page[start..]
        .chars()
        .take_while(|c| !matches!(c, '<' | '"' | ' '))
        .collect();
    let ics = app.client().get(app.url(&feed)).send().await.unwrap();
    assert_eq!(ics.status(), 200);
    assert!(ics.text().await.unwrap().contains(&visit.titre));
    let wrong = app
        .client()
        .get(app.url(&format!("{prefix}faux")))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 404);

    // An address of the former, signed kind says where the new one is.
    let signed = app
        .client()
        .get(app.url(&format!(
            "/evenements/flux/personnes/{}?signature=abc",
            user.id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 410);
    assert!(signed.text().await.unwrap().contains("Mes événements"));

    // Renewing revokes the address at once and shows a new one.
    let renewed = client.post_form("/compte/evenements/flux", &[]).await;
    assert_eq!(renewed.status(), 303);
    let old = app.client().get(app.url(&feed)).send().await.unwrap();
    assert_eq!(old.status(), 404);
    let page = client
        .get(app.url("/compte/evenements"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&prefix) && !page.contains(&feed));
    app.stop().await;
}

/// A registration of a 15-year-old named `name` through the public form,
/// with their parent's address.
pub(crate) async fn register_minor(
    app: &TestApp,
    visit: &Evenement,
    name: &str,
    parent_email: &str,
) -> reqwest::Response {
    let birth = birth_date(app, 15);
    let local: String = name
        .to_lowercase()
        .replace(' ', ".")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect();
    let email = format!("{local}@eleve.test");
    app.client()
        .post_form(
            &format!("/evenements/{}/inscription", visit.slug),
            &[
                ("type", "personne"),
                ("nom", name),
                ("email", &email),
                ("date_naissance", &birth),
                ("email_parent", parent_email),
                ("public", "lyceens"),
            ],
        )
        .await
}

/// A parent signed in with the address their child gave (by password or
/// through ÉduConnect) finds the consent to give in their account, and
/// answers it there; nobody else sees it.
#[tokio::test]
async fn a_signed_in_parent_consents_from_their_account() {
    let app = TestApp::new().await;
    let visit = event(&app, 10, Some(14)).await;
    let response = register_minor(&app, &visit, "Léa Martin", "Parent.Martin@exemple.test").await;
    assert_eq!(response.status(), 303);

    let (stranger, _) = app.login_as(Role::Apprenant).await;
    assert!(
        !stranger
            .page("/compte/evenements")
            .await
            .1
            .contains("Léa Martin")
    );

    let (parent, _) = app
        .login_with("parent.martin@exemple.test", Role::Apprenant)
        .await;
    let (status, page) = parent.page("/compte/evenements").await;
    assert_eq!(status, 200);
    assert!(page.contains("Accords parentaux à donner"), "{page}");
    let start = page.find("href=\"/evenements/inscriptions/").unwrap() + "href=\"".len();
    let href = page[start..start + page[start..].find('"').unwrap()].replace("&amp;", "&");
    let (status, consent) = parent.page(&href).await;
    assert_eq!(status, 200);
    let signature = extract_hidden(&consent, "signature");
    let id = href
        .trim_start_matches("/evenements/inscriptions/")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let given = parent
        .post_form(
            &format!("/evenements/inscriptions/{id}/consentement"),
            &[
                ("signature", signature.as_str()),
                ("reponse", "accepter"),
                ("nom_parent", "Camille Martin"),
                ("accord", "oui"),
            ],
        )
        .await;
    assert_eq!(given.status(), 200);
    let regs = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(visit.id)
        .await
        .unwrap();
    assert_eq!(regs[0].status, InscriptionStatus::Confirmee);
    assert!(
        !parent
            .page("/compte/evenements")
            .await
            .1
            .contains("Accords parentaux")
    );
    app.stop().await;
}

/// The value of the hidden field `name` of a page's form.
fn extract_hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap() + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}
