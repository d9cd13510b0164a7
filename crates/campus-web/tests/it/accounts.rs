//! Accounts: registration with e-mail verification, sign-in and out,
//! throttling, password reset, invitations, administration.

use campus_domain::Role;
use chrono::Duration;

use crate::testkit::{PASSWORD, TestApp, eventually, query_param};

#[tokio::test]
async fn register_verify_login_account_logout() {
    let app = TestApp::new().await;
    let client = app.client();
    let response = client
        .post_form(
            "/inscription",
            &[
                ("display_name", "Léa Martin"),
                ("email", "Lea.Martin@Exemple.test"),
                ("password", PASSWORD),
                ("statut", "lyceen"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Vérifiez votre boîte e-mail")
    );

    // Not verified yet: sign-in refused with a clear message.
    let response = client
        .post_form(
            "/connexion",
            &[("email", "lea.martin@exemple.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Confirmez d&#39;abord votre adresse")
    );

    let mail = app
        .wait_for_mail("lea.martin@exemple.test", "Confirmez")
        .await;
    let link = app.link_in(&mail.body, "/inscription/verifier");
    let page = client.page(&link).await.1;
    assert!(page.contains("Confirmer mon adresse"));
    let token = query_param(&link, "jeton");
    let response = client
        .post_form("/inscription/verifier", &[("jeton", &token)])
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("Adresse confirmée"));
    // The link is single-use.
    let again = client
        .post_form("/inscription/verifier", &[("jeton", &token)])
        .await;
    assert_eq!(again.status(), 410);

    client.login("lea.martin@exemple.test", PASSWORD).await;
    let account = client.get(app.url("/compte")).send().await.unwrap();
    assert_eq!(account.status(), 200);
    assert_eq!(account.headers().get("cache-control").unwrap(), "no-store");
    let html = account.text().await.unwrap();
    assert!(html.contains("Léa Martin") && html.contains("lea.martin@exemple.test"));

    let response = client.post_form("/deconnexion", &[]).await;
    assert_eq!(response.status(), 303);
    let after = client.get(app.url("/compte")).send().await.unwrap();
    assert_eq!(after.status(), 303);
    assert!(
        after
            .headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("/connexion?suite=")
    );
    app.stop().await;
}

#[tokio::test]
async fn wrong_password_is_a_french_error_and_sign_in_is_throttled() {
    let app = TestApp::new().await;
    app.create_user("marc@exemple.test", Role::Formateur).await;
    let client = app.client();
    let response = client
        .post_form(
            "/connexion",
            &[("email", "marc@exemple.test"), ("password", "mauvais")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Adresse e-mail ou mot de passe incorrect."));
    assert!(html.contains("aria-invalid=\"true\""));
    // Unknown address: exactly the same message.
    let response = client
        .post_form(
            "/connexion",
            &[("email", "inconnu@exemple.test"), ("password", "x")],
        )
        .await;
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Adresse e-mail ou mot de passe incorrect.")
    );
    for _ in 0..4 {
        client
            .post_form(
                "/connexion",
                &[("email", "marc@exemple.test"), ("password", "mauvais")],
            )
            .await;
    }
    // Five failures: even the right password waits.
    let response = client
        .post_form(
            "/connexion",
            &[("email", "marc@exemple.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Trop de tentatives de connexion")
    );
    // Once the window has passed, the right password works again.
    app.advance(Duration::minutes(16));
    client.login("marc@exemple.test", PASSWORD).await;
    app.stop().await;
}

#[tokio::test]
async fn registering_an_address_in_use_reveals_nothing() {
    let app = TestApp::new().await;
    app.create_user("deja@exemple.test", Role::Apprenant).await;
    let client = app.client();
    let response = client
        .post_form(
            "/inscription",
            &[
                ("display_name", "Autre"),
                ("email", "deja@exemple.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Vérifiez votre boîte e-mail")
    );
    app.wait_for_mail("deja@exemple.test", "Tentative d'inscription")
        .await;
    assert_eq!(app.state.store.count_users().await.unwrap(), 1);
    app.stop().await;
}

#[tokio::test]
async fn inscription_errors_are_specific_and_nothing_is_written() {
    let app = TestApp::new().await;
    let client = app.client();
    let response = client
        .post_form(
            "/inscription",
            &[
                ("display_name", ""),
                ("email", "pas-une-adresse"),
                ("password", "court"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Erreur –"), "le titre signale l'erreur");
    for field in ["display_name", "email", "password"] {
        assert!(
            html.contains(&format!("href=\"#champ-{field}\"")),
            "{field}"
        );
        assert!(
            html.contains(&format!("id=\"champ-{field}-erreur\"")),
            "{field}"
        );
    }
    assert_eq!(app.state.store.count_users().await.unwrap(), 0);
    app.stop().await;
}

#[tokio::test]
async fn password_reset_is_single_use_and_closes_sessions() {
    let app = TestApp::new().await;
    let (other_device, _) = app.login_with("nadia@exemple.test", Role::Entreprise).await;

    let client = app.client();
    let response = client
        .post_form("/mot-de-passe-oublie", &[("email", "nadia@exemple.test")])
        .await;
    assert_eq!(response.status(), 200);
    // Unknown addresses get the same answer and no e-mail.
    let response = client
        .post_form(
            "/mot-de-passe-oublie",
            &[("email", "personne@exemple.test")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let mail = app
        .wait_for_mail("nadia@exemple.test", "Nouveau mot de passe")
        .await;
    let link = app.link_in(&mail.body, "/mot-de-passe/reinitialiser");
    let token = query_param(&link, "jeton");
    assert_eq!(client.page(&link).await.0, 200);

    let weak = client
        .post_form(
            "/mot-de-passe/reinitialiser",
            &[("jeton", &token), ("password", "123")],
        )
        .await;
    assert_eq!(weak.status(), 422);
    let new_password = "un tout nouveau mot de passe";
    let done = client
        .post_form(
            "/mot-de-passe/reinitialiser",
            &[("jeton", &token), ("password", new_password)],
        )
        .await;
    assert_eq!(done.status(), 200);
    let reused = client
        .post_form(
            "/mot-de-passe/reinitialiser",
            &[("jeton", &token), ("password", new_password)],
        )
        .await;
    assert_eq!(reused.status(), 410);

    assert_eq!(
        other_device.page("/compte").await.0,
        303,
        "ancienne session fermée"
    );
    client.login("nadia@exemple.test", new_password).await;
    assert!(
        app.state.store.pending_mail_count().await.unwrap() == 0
            || !app.mailbox.messages().is_empty()
    );
    app.stop().await;
}

#[tokio::test]
async fn invitation_by_the_campus_team() {
    let app = TestApp::new().await;
    let (staff, _) = app.login_as(Role::EquipeCampus).await;
    let response = staff
        .post_form(
            "/admin/invitations",
            &[
                ("email", "formatrice@exemple.test"),
                ("display_name", "Claire"),
                ("role", "formateur"),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("L&#39;invitation a été envoyée")
    );
    // The campus team cannot invite an administrator.
    let response = staff
        .post_form(
            "/admin/invitations",
            &[
                ("email", "chef@exemple.test"),
                ("display_name", "Chef"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);

    let mail = app
        .wait_for_mail("formatrice@exemple.test", "Invitation")
        .await;
    let link = app.link_in(&mail.body, "/invitation");
    let token = query_param(&link, "jeton");
    let invited = app.client();
    assert_eq!(invited.page(&link).await.0, 200);
    let response = invited
        .post_form(
            "/invitation",
            &[
                ("jeton", &token),
                ("display_name", "Claire Dubois"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = invited.page("/compte").await.1;
    assert!(html.contains("Claire Dubois") && html.contains("Formateur"));
    app.stop().await;
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions() {
    let app = TestApp::new().await;
    let (admin, me) = app.login_as(Role::Admin).await;
    let (pupil, target) = app.login_as(Role::Apprenant).await;

    let response = admin
        .post_form(
            &format!("/admin/utilisateurs/{}/desactiver", target.id),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(pupil.page("/compte").await.0, 303);
    let response = pupil
        .post_form(
            "/connexion",
            &[("email", target.email.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert!(response.text().await.unwrap().contains("désactivé"));
    // Nobody disables themselves.
    let response = admin
        .post_form(&format!("/admin/utilisateurs/{}/desactiver", me.id), &[])
        .await;
    assert_eq!(response.status(), 400);
    app.stop().await;
}

#[tokio::test]
async fn sign_in_never_redirects_to_another_site() {
    let app = TestApp::new().await;
    app.create_user("julie@exemple.test", Role::Apprenant).await;
    let client = app.client();
    let response = client
        .post_form(
            "/connexion",
            &[
                ("email", "julie@exemple.test"),
                ("password", PASSWORD),
                ("suite", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers().get("location").unwrap(), "/compte");
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    app.stop().await;
}

#[tokio::test]
async fn profile_and_password_changes() {
    let app = TestApp::new().await;
    let (client, tom) = app.login_as(Role::Apprenant).await;
    let response = client
        .post_form(
            "/compte",
            &[
                ("display_name", "Tom R."),
                ("statut", "apprenti"),
                ("locale", "fr"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let user = app.state.store.user(tom.id).await.unwrap();
    assert_eq!(user.display_name, "Tom R.");
    assert_eq!(user.statut.map(|s| s.as_str()), Some("apprenti"));
    let response = client
        .post_form(
            "/compte",
            &[
                ("display_name", "Tom"),
                ("statut", "astronaute"),
                ("locale", "fr"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let wrong = client
        .post_form(
            "/compte/mot-de-passe",
            &[
                ("current_password", "faux"),
                ("new_password", "encore une phrase longue"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Le mot de passe actuel est incorrect.")
    );
    let ok = client
        .post_form(
            "/compte/mot-de-passe",
            &[
                ("current_password", PASSWORD),
                ("new_password", "encore une phrase longue"),
            ],
        )
        .await;
    assert_eq!(ok.status(), 303);
    assert_eq!(
        client.page("/compte").await.0,
        200,
        "la session courante reste ouverte"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_mail_server_that_is_down_loses_nothing() {
    let settings = campus_mail::SmtpSettings {
        host: "127.0.0.1".to_owned(),
        port: 1,
        tls: campus_mail::SmtpSecurity::None,
        credentials: None,
    };
    let mailer = campus_web::Mailer::smtp("Campus <campus@campus.test>", &settings).unwrap();
    let app = TestApp::with_mailer(mailer).await;
    let client = app.client();
    let response = client
        .post_form(
            "/inscription",
            &[
                ("display_name", "Zoé"),
                ("email", "zoe@exemple.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        200,
        "l'inscription réussit même sans serveur de courrier"
    );
    assert_eq!(app.state.store.count_users().await.unwrap(), 1);
    // The worker tries, fails, and keeps the message for a later attempt.
    eventually("un essai d'envoi en échec enregistré", || async {
        (app.state.store.failing_mail_count().await.unwrap() == 1).then_some(())
    })
    .await;
    assert_eq!(app.state.store.pending_mail_count().await.unwrap(), 1);
    app.stop().await;
}

#[tokio::test]
async fn sessions_end_after_two_idle_hours_and_after_twelve_hours() {
    let app = TestApp::new().await;
    let (client, _) = app.login_as(Role::Apprenant).await;
    app.advance(Duration::minutes(119));
    assert_eq!(
        client.page("/compte").await.0,
        200,
        "active within two hours"
    );
    app.advance(Duration::minutes(121));
    assert_eq!(
        client.page("/compte").await.0,
        303,
        "idle for over two hours"
    );

    // Active all along, a session still ends twelve hours after sign-in.
    let (client, _) = app.login_as(Role::Apprenant).await;
    for _ in 0..7 {
        app.advance(Duration::minutes(100));
        assert_eq!(client.page("/compte").await.0, 200);
    }
    app.advance(Duration::minutes(30));
    assert_eq!(
        client.page("/compte").await.0,
        303,
        "twelve hours after sign-in"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let app = TestApp::new().await;
    app.create_user("nadia@exemple.test", Role::Entreprise)
        .await;
    let client = app.client();
    client
        .post_form("/mot-de-passe-oublie", &[("email", "nadia@exemple.test")])
        .await;
    let mail = app
        .wait_for_mail("nadia@exemple.test", "Nouveau mot de passe")
        .await;
    let link = app.link_in(&mail.body, "/mot-de-passe/reinitialiser");
    app.advance(Duration::minutes(59));
    assert_eq!(client.page(&link).await.0, 200);
    app.advance(Duration::minutes(2));
    let (status, html) = client.page(&link).await;
    assert_eq!(status, 410);
    assert!(html.contains("Ce lien a expiré."), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn https_deployments_get_host_only_secure_cookies_and_hsts() {
    let app =
        TestApp::with_config(|c| c.server.public_url = "https://campus.example".to_owned()).await;
    app.create_user("sam@exemple.test", Role::Apprenant).await;
    let client = app.client();
    let home = client.get(app.url("/")).send().await.unwrap();
    assert!(home.headers().get("strict-transport-security").is_some());
    let csrf_cookie = home
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csrf_cookie.starts_with("__Host-campus_csrf=") && csrf_cookie.contains("Secure"),
        "{csrf_cookie}"
    );
    app.stop().await;
}

/// Guesses spread over many accounts from one address stop that address
/// from retrying the accounts it failed on, not the people who share it.
#[tokio::test]
async fn a_busy_address_is_slowed_without_locking_out_the_people_behind_it() {
    let app = TestApp::with_config(|c| c.security.login_max_failures_per_ip = 3).await;
    app.create_user("victime@exemple.test", Role::Apprenant)
        .await;
    app.create_user("collegue@exemple.test", Role::Apprenant)
        .await;
    let client = app.client();
    // An attacker spreading guesses over many accounts from one address…
    for email in [
        "essai0@exemple.test",
        "essai1@exemple.test",
        "victime@exemple.test",
    ] {
        let response = client
            .post_form("/connexion", &[("email", email), ("password", "devine")])
            .await;
        assert_eq!(response.status(), 422);
    }
    // …may no longer retry an account it has failed on, even with the
    // right password…
    let response = client
        .post_form(
            "/connexion",
            &[("email", "victime@exemple.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    // …but someone behind the same address who has not failed signs in.
    app.client().login("collegue@exemple.test", PASSWORD).await;
    // After the window, the address starts afresh.
    app.advance(Duration::minutes(16));
    client.login("victime@exemple.test", PASSWORD).await;
    app.stop().await;
}

/// Failures of one account from one client slow that client down, with a
/// delay that doubles at each new failure; the owner signing in from
/// another address is not held back.
#[tokio::test]
async fn failures_slow_the_guessing_client_not_the_owner() {
    let app = TestApp::with_config(|c| c.server.trust_forwarded_for = true).await;
    app.create_user("marc@exemple.test", Role::Formateur).await;
    let attacker = app.client_from("203.0.113.7");
    let guess = || {
        attacker.post_form(
            "/connexion",
            &[("email", "marc@exemple.test"), ("password", "mauvais")],
        )
    };
    for _ in 0..5 {
        assert_eq!(guess().await.status(), 422);
    }
    assert_eq!(guess().await.status(), 429);
    // The owner, elsewhere, signs in at once.
    app.client_from("198.51.100.20")
        .login("marc@exemple.test", PASSWORD)
        .await;
    // One minute after the fifth failure the attacker may try again; its
    // sixth failure makes it wait two minutes, then four.
    app.advance(Duration::seconds(61));
    assert_eq!(guess().await.status(), 422);
    app.advance(Duration::seconds(61));
    assert_eq!(guess().await.status(), 429);
    app.advance(Duration::seconds(61));
    assert_eq!(guess().await.status(), 422);
    app.advance(Duration::seconds(181));
    let response = guess().await;
    assert_eq!(response.status(), 429);
    let retry: i64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    app.stop().await;
}
