//! Données personnelles: a person who used every feature downloads what
//! is held about them, then erases their account, and nothing in any text
//! column of any table names them any more; what must be handed over first
//! blocks the erasure; the retention periods erase what is too old.

use campus_domain::{Email, MembreRole, Role};
use campus_store::evenements::follow_up::Avis;
use campus_store::parcours::saved::NewSavedPlan;
use campus_store::users::NewUser;
use chrono::Duration;
use sea_orm::{ConnectionTrait, Database, Statement};

use crate::evenements::{event, register_minor, register_person};
use crate::modules::{parties, post, proposed};
use crate::testkit::{Client, PASSWORD, TestApp};

const NAME: &str = "Hortense Vaucanson-Lefebvre";
const EMAIL: &str = "hortense.vaucanson@exemple.test";

/// Every text of every table of the platform's database that contains
/// `needle` (case-insensitive), as `table.column: count`.
async fn mentions(app: &TestApp, needle: &str) -> Vec<String> {
    let url = &app.state.config.database.url;
    let conn = Database::connect(url.as_str()).await.unwrap();
    let backend = conn.get_database_backend();
    let postgres = url.starts_with("postgres");
    let columns: Vec<(String, String)> = if postgres {
        conn.query_all_raw(Statement::from_string(
            backend,
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type IN \
             ('text', 'character varying', 'character', 'json', 'jsonb')",
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            (
                row.try_get_by_index::<String>(0).unwrap(),
                row.try_get_by_index::<String>(1).unwrap(),
            )
        })
        .collect()
    } else {
        let tables: Vec<String> = conn
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT name FROM sqlite_master WHERE type = 'table'",
            ))
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.try_get_by_index::<String>(0).unwrap())
            .collect();
        let mut columns = Vec::new();
        for table in tables {
            // Every column, whatever its declared type: SQLite stores text
            // anywhere.
            for row in conn
                .query_all_raw(Statement::from_string(
                    backend,
                    format!("SELECT name FROM pragma_table_info('{table}')"),
                ))
                .await
                .unwrap()
            {
                columns.push((table.clone(), row.try_get_by_index::<String>(0).unwrap()));
            }
        }
        columns
    };
    assert!(columns.len() > 100, "{} colonnes seulement", columns.len());
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql = if postgres {
            format!("SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\"::text ILIKE '%{needle}%'")
        } else {
            format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE lower(CAST(\"{column}\" AS TEXT)) LIKE '%{}%'",
                needle.to_lowercase()
            )
        };
        let n = conn
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        if n > 0 {
            found.push(format!("{table}.{column} : {n}"));
        }
    }
    conn.close().await.unwrap();
    found
}

/// The person's account, signed in (after one wrong password).
async fn person(app: &TestApp) -> (Client, i32) {
    let hash = app.state.passwords.hash(PASSWORD.to_owned()).await.unwrap();
    let user = app
        .state
        .store
        .create_user(
            NewUser {
                email: Email::parse(EMAIL).unwrap(),
                display_name: NAME.to_owned(),
                password_hash: Some(hash),
                role: Role::Apprenant,
                statut: None,
                locale: "fr".to_owned(),
                email_verified: true,
            },
            None,
            None,
            None,
        )
        .await
        .unwrap();
    let client = app.client();
    let wrong = client
        .post_form(
            "/connexion",
            &[("email", EMAIL), ("password", "pas le bon mot de passe")],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    client.login(EMAIL, PASSWORD).await;
    (client, user.id)
}

/// A personal API token of the signed-in `client`.
async fn api_token(client: &Client) -> String {
    let created = client
        .post_form("/compte/jetons", &[("name", "export")])
        .await;
    let html = created.text().await.unwrap();
    let start = html.find("id=\"nouveau-jeton\">").unwrap() + "id=\"nouveau-jeton\">".len();
    let end = start + html[start..].find('<').unwrap();
    html[start..end].to_owned()
}

/// The person uses every feature that records something about them.
async fn uses_everything(app: &TestApp, client: &Client, user_id: i32) {
    let store = &app.state.store;
    // Registrations: signed in to one event, without an account (same
    // address) to another, answered the survey of the latter.
    let visit = event(app, 10, None).await;
    let response = register_person(client, app, &visit, NAME, EMAIL).await;
    assert_eq!(response.status(), 303);
    let workshop = event(app, 10, None).await;
    let response = register_person(&app.client(), app, &workshop, "H. Vaucanson", EMAIL).await;
    assert_eq!(response.status(), 303);
    let anonymous = store
        .evenements()
        .inscriptions_of_evenement(workshop.id)
        .await
        .unwrap()
        .remove(0);
    store
        .evenements()
        .save_avis(
            &anonymous,
            Avis {
                rating: 5,
                recommend: true,
                comment: "Très bien, merci — Hortense Vaucanson-Lefebvre".to_owned(),
            },
        )
        .await
        .unwrap();
    // A parent: her daughter's registration waits for, then gets, her
    // consent.
    let daughter = register_minor(app, &visit, "Léonie Martin", EMAIL).await;
    assert_eq!(daughter.status(), 303);
    let minor = store
        .evenements()
        .inscriptions_of_evenement(visit.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.is_minor)
        .unwrap();
    store
        .evenements()
        .record_consent(minor.id, NAME, Box::new(|_| Ok(vec![])))
        .await
        .unwrap();
    // Equipment: habilitation and a booking.
    crate::authz_matrix::pending_reservation(
        app,
        user_id,
        "Essais d'émulsion de Hortense Vaucanson-Lefebvre",
    )
    .await;
    // The network, a saved path, a supporter.
    let org = store.organisation_by_slug("cosmetic-valley").await.unwrap();
    store
        .set_member(org.id, user_id, MembreRole::Membre, None)
        .await
        .unwrap();
    store
        .parcours()
        .enregistrer(NewSavedPlan {
            learner_id: user_id,
            author_id: user_id,
            titre: "Le parcours d'Hortense Vaucanson-Lefebvre",
            cible: "H3302",
            demande: "{}",
        })
        .await
        .unwrap();
    let trainer = app
        .create_user("tuteur@exemple.test", Role::Formateur)
        .await;
    store
        .parcours()
        .demander_accompagnement(user_id, trainer.id)
        .await
        .unwrap();
    // A trainee of an on-demand module her employer asked for.
    let p = parties(app).await;
    let id = proposed(app, &p).await;
    let proposal = store.modules().module_detail(id).await.unwrap().proposals[0].id;
    let accepted = post(
        &p.company,
        &format!("/modules/demandes/{id}/decision"),
        &[
            ("decision", "accepter".to_owned()),
            ("proposition", proposal.to_string()),
        ],
    )
    .await;
    assert_eq!(accepted.status(), 303);
    let trainees = post(
        &p.company,
        &format!("/modules/demandes/{id}/stagiaires"),
        &[
            (
                "liste",
                format!("{NAME} ; {EMAIL}\nHugo Petit ; hugo.petit@exemple.fr"),
            ),
            ("public", "salarie".to_owned()),
        ],
    )
    .await;
    assert_eq!(trainees.status(), 303);
}

#[tokio::test]
async fn a_person_downloads_then_erases_everything_held_about_them() {
    let app = TestApp::new().await;
    let (client, user_id) = person(&app).await;
    let token = api_token(&client).await;
    uses_everything(&app, &client, user_id).await;
    app.wait_for_mail(EMAIL, "Inscription confirmée").await;

    // The export holds every part, without secrets.
    let api = reqwest::Client::new();
    let export = api
        .get(app.url("/api/v1/moi/donnees"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("donnees-personnelles.json")
    );
    let text = export.text().await.unwrap();
    for secret in ["password_hash", "token_hash", "argon2", &token] {
        assert!(!text.contains(secret), "{secret} dans l'export");
    }
    let data: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(data["compte"]["email"], EMAIL);
    let count = |section: &str| data[section].as_array().unwrap().len();
    assert_eq!(count("inscriptions"), 2, "{data:#}");
    for section in [
        "organisations",
        "consentements_parentaux",
        "avis",
        "reservations",
        "habilitations",
        "parcours_enregistres",
        "accompagnements",
        "module_stagiaires",
        "jetons_api",
        "sessions",
    ] {
        assert_eq!(count(section), 1, "{section} : {data:#}");
    }
    assert!(count("connexions") >= 1, "{data:#}");
    assert!(count("e_mails") >= 1, "{data:#}");
    assert!(count("journal") >= 1, "{data:#}");
    // The same file from the account page, with the session.
    let (status, page) = client.page("/compte").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/compte/donnees\""));
    let download = client.get(app.url("/compte/donnees")).send().await.unwrap();
    assert_eq!(download.status(), 200);
    let again: serde_json::Value = download.json().await.unwrap();
    assert_eq!(again["compte"]["email"], EMAIL);

    let before = mentions(&app, "vaucanson").await;
    assert!(before.len() >= 8, "{before:#?}");
    let visit_seats = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(
            app.state
                .store
                .evenements()
                .inscriptions_of_user(user_id)
                .await
                .unwrap()[0]
                .1
                .id,
        )
        .await
        .unwrap()
        .len();

    // Erasure through the API.
    let erased = api
        .delete(app.url("/api/v1/moi"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 204);
    for needle in ["vaucanson", "hortense", EMAIL] {
        let left = mentions(&app, needle).await;
        assert!(left.is_empty(), "« {needle} » reste dans : {left:#?}");
    }
    // The token, the session and the password no longer open anything.
    let after = api
        .get(app.url("/api/v1/moi"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 401);
    assert_eq!(client.page("/compte").await.0, 303);
    let login = app
        .client()
        .post_form("/connexion", &[("email", EMAIL), ("password", PASSWORD)])
        .await;
    assert_eq!(login.status(), 422);
    // What other people did stays counted: the registrations are still
    // there (the coming one cancelled), the booking keeps its hours.
    let events = app.state.store.evenements();
    let kept = events.inscriptions_of_evenement(
        events
            .evenement_by_slug(&{
                let all = events.list_evenements(&Default::default()).await.unwrap().0;
                all.into_iter()
                    .find(|e| e.titre == "Visite de la ligne de conditionnement")
                    .unwrap()
                    .slug
            })
            .await
            .unwrap()
            .id,
    );
    assert_eq!(kept.await.unwrap().len(), visit_seats);
    let user = app.state.store.user(user_id).await.unwrap();
    assert!(user.disabled);
    assert_eq!(user.display_name, "Personne effacée");
    // A second erasure finds nobody.
    assert!(app.state.store.erase_person(user_id, None).await.is_err());
    app.stop().await;
}

/// The confirmed action of the account page: the password and the box are
/// asked for; a person who organises a coming event hands it over first.
#[tokio::test]
async fn erasure_from_the_account_page_is_confirmed_and_handed_over_first() {
    let app = TestApp::new().await;
    let (client, user_id) = person(&app).await;
    let (status, page) = client.page("/compte/suppression").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Supprimer définitivement mon compte"),
        "{page}"
    );
    let refused = client
        .post_form(
            "/compte/suppression",
            &[("current_password", "mauvais"), ("confirmation", "oui")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let unticked = client
        .post_form("/compte/suppression", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(unticked.status(), 422);
    assert!(unticked.text().await.unwrap().contains("Cochez la case"));
    assert!(!app.state.store.user(user_id).await.unwrap().disabled);

    // An organiser of a coming event is asked to hand it over.
    let (organiser, organiser_user) = app.login_as(Role::Partenaire).await;
    crate::evenements::event_by(&app, 10, None, Some(organiser_user.id)).await;
    let page = organiser.page("/compte/suppression").await.1;
    assert!(page.contains("À transmettre d&#39;abord"), "{page}");
    assert!(page.contains("Visite de la ligne de conditionnement"));
    let token = organiser.csrf().await;
    let blocked = organiser
        .delete(app.url("/api/v1/moi"))
        .header("x-csrf-token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 409);
    let problem: serde_json::Value = blocked.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Visite de la ligne de conditionnement"),
        "{problem}"
    );

    let done = client
        .post_form(
            "/compte/suppression",
            &[("current_password", PASSWORD), ("confirmation", "oui")],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(
        done.headers()
            .get_all("set-cookie")
            .iter()
            .any(|c| c.to_str().unwrap().contains("Max-Age=0"))
    );
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("Votre compte a été supprimé")
    );
    assert!(app.state.store.user(user_id).await.unwrap().disabled);
    assert!(mentions(&app, "vaucanson").await.is_empty());
    app.stop().await;
}

/// The retention periods, run by the worker's job on the platform's clock.
#[tokio::test]
async fn retention_periods_erase_what_is_too_old() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let new_user = |email: &str, verified: bool| NewUser {
        email: Email::parse(email).unwrap(),
        display_name: "Compte de test".to_owned(),
        password_hash: None,
        role: Role::Apprenant,
        statut: None,
        locale: "fr".to_owned(),
        email_verified: verified,
    };
    let unverified = store
        .create_user(
            new_user("jamais.confirme@exemple.test", false),
            None,
            None,
            None,
        )
        .await
        .unwrap();
    let idle = store
        .create_user(new_user("dormant@exemple.test", true), None, None, None)
        .await
        .unwrap();
    let back = app
        .create_user("revenu@exemple.test", Role::Apprenant)
        .await;
    // A minor registered to an event next week.
    let visit = event(&app, 10, None).await;
    let response = register_minor(
        &app,
        &visit,
        "Jeanne Mineure-Test",
        "parent.mineure@exemple.test",
    )
    .await;
    assert_eq!(response.status(), 303);

    // Eight days on: the unconfirmed account goes, the others stay.
    app.advance(Duration::days(8));
    campus_web::apply_retention(&app.state).await.unwrap();
    assert!(store.user(unverified.id).await.unwrap().disabled);
    assert!(!store.user(idle.id).await.unwrap().disabled);

    // Nearly three years on: a warning, then the erasure 30 days later,
    // except for the person who signed in meanwhile.
    app.advance(Duration::days(3 * 365 - 8 - 29));
    campus_web::apply_retention(&app.state).await.unwrap();
    let warning = app
        .wait_for_mail("dormant@exemple.test", "sera supprimé faute d'utilisation")
        .await;
    assert!(warning.body.contains("/connexion"), "{}", warning.body);
    app.wait_for_mail("revenu@exemple.test", "sera supprimé")
        .await;
    app.client().login("revenu@exemple.test", PASSWORD).await;
    app.advance(Duration::days(31));
    campus_web::apply_retention(&app.state).await.unwrap();
    assert!(store.user(idle.id).await.unwrap().disabled);
    assert!(!store.user(back.id).await.unwrap().disabled);
    // The minor's name and her parent's address went a year after the
    // visit; the registration still counts.
    let regs = store
        .evenements()
        .inscriptions_of_evenement(visit.id)
        .await
        .unwrap();
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].nom, "Personne effacée");
    let left = mentions(&app, "mineure").await;
    assert!(left.is_empty(), "{left:#?}");
    // The audit trail keeps a year.
    let audit = store.recent_audit_events(1000).await.unwrap();
    assert!(
        audit
            .iter()
            .all(|e| e.created_at > app.now() - Duration::days(366)),
        "{audit:?}"
    );
    app.stop().await;
}
