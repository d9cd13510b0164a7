//! Sign-in with ProConnect and ÉduConnect against a real OpenID provider
//! (npm `oidc-provider`, started on 127.0.0.1 for each test): a first
//! sign-in creates the account, the next ones open it, the logout goes
//! through the provider; a tampered state, a foreign browser, a wrong
//! nonce, an expired code and a provider out of reach are refused with a
//! French page; an existing account is linked only once its owner confirms
//! from its mailbox.

use std::path::Path;
use std::time::Duration;

use campus_domain::Role;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::json;
use url::Url;

use crate::oidc_provider::{SCRIPT, TestOidcProvider};
use crate::testkit::{Client, TestApp};

/// The address the platform believes it is reached at, registered with the
/// provider; the test's browser brings the provider's answers to the real
/// port.
const PUBLIC_URL: &str = "http://127.0.0.1";
const PC_SECRET: &str = "proconnect-secret-de-test-0123456789abcdef";
const EDU_SECRET: &str = "educonnect-secret-de-test-0123456789abcdef";

fn clients() -> String {
    json!([
        {
            "client_id": "campus-proconnect",
            "client_secret": PC_SECRET,
            "redirect_uris": [format!("{PUBLIC_URL}/connexion/proconnect/retour")],
            "post_logout_redirect_uris": [format!("{PUBLIC_URL}/")],
            "userinfo_signed_response_alg": "RS256",
        },
        {
            "client_id": "campus-educonnect",
            "client_secret": EDU_SECRET,
            "redirect_uris": [format!("{PUBLIC_URL}/connexion/educonnect/retour")],
            "post_logout_redirect_uris": [format!("{PUBLIC_URL}/")],
        }
    ])
    .to_string()
}

fn accounts() -> String {
    json!({
        // ProConnect: no email_verified, the family name in usual_name.
        "claire": {
            "sub": "proconnect-claire",
            "email": "claire.moreau@servier.test",
            "given_name": "Claire",
            "usual_name": "Moreau",
            "siret": "08547026300017",
            "uid": "claire-uid"
        },
        // ÉduConnect: a pupil whose address is verified, one whose is not.
        "noah": {
            "sub": "educonnect-noah",
            "email": "noah.lefevre@eleve.test",
            "email_verified": true,
            "given_name": "Noah",
            "family_name": "Lefèvre"
        },
        "lina": {
            "sub": "educonnect-lina",
            "email": "lina.roux@exemple.test",
            "email_verified": false,
            "given_name": "Lina",
            "family_name": "Roux"
        }
    })
    .to_string()
}

async fn provider(code_ttl_secs: u32) -> TestOidcProvider {
    TestOidcProvider::start(
        Path::new(SCRIPT),
        &[
            ("CLIENTS", clients()),
            ("ACCOUNTS", accounts()),
            ("CODE_TTL_SECONDS", code_ttl_secs.to_string()),
        ],
    )
    .await
    .unwrap_or_else(|e| panic!("fournisseur OpenID de test : {e}"))
}

/// A platform that signs people in with `issuer` for both providers.
async fn platform(issuer: &str) -> TestApp {
    let issuer = issuer.to_owned();
    TestApp::with_config(move |c| {
        c.server.public_url = PUBLIC_URL.to_owned();
        c.oidc.proconnect = Some(campus_web::config::OidcProviderConfig {
            issuer: issuer.clone(),
            client_id: "campus-proconnect".to_owned(),
            client_secret: PC_SECRET.to_owned(),
        });
        c.oidc.educonnect = Some(campus_web::config::OidcProviderConfig {
            issuer,
            client_id: "campus-educonnect".to_owned(),
            client_secret: EDU_SECRET.to_owned(),
        });
    })
    .await
}

/// `url` (an address of the platform as registered, or of the provider)
/// as the test's browser reaches it.
fn reachable(app: &TestApp, url: &str) -> String {
    match url.strip_prefix(&format!("{PUBLIC_URL}/")) {
        Some(rest) => app.url(&format!("/{rest}")),
        None => url.to_owned(),
    }
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Value of `attr` in the first `tag` of `html` (simple HTML only).
fn attribute(html: &str, tag: &str, attr: &str) -> Option<String> {
    let start = html.find(tag)?;
    let end = start + html[start..].find('>')?;
    let needle = format!("{attr}=\"");
    let from = start + html[start..end].find(&needle)? + needle.len();
    let to = from + html[from..].find('"')?;
    Some(html[from..to].replace("&amp;", "&"))
}

/// Leaves the platform for `fournisseur`, signs in at the provider as
/// `login`, and returns the platform's callback address the provider sends
/// the browser back to (not requested yet).
async fn at_provider(app: &TestApp, browser: &Client, fournisseur: &str, login: &str) -> String {
    let depart = browser
        .get(app.url(&format!("/connexion/{fournisseur}")))
        .send()
        .await
        .unwrap();
    assert_eq!(depart.status(), 303, "{}", depart.text().await.unwrap());
    let mut url = Url::parse(&location(&depart)).unwrap();
    assert!(url.as_str().contains("code_challenge="), "{url}");
    let mut response = browser.get(url.clone()).send().await.unwrap();
    for _ in 0..10 {
        if response.status().is_redirection() {
            url = url.join(&location(&response)).unwrap();
            if url.as_str().starts_with(PUBLIC_URL) && url.path().ends_with("/retour") {
                return url.to_string();
            }
            response = browser.get(url.clone()).send().await.unwrap();
            continue;
        }
        assert_eq!(response.status(), StatusCode::OK, "page inattendue : {url}");
        let html = response.text().await.unwrap();
        let action = attribute(&html, "<form", "action").expect("formulaire du fournisseur");
        url = url.join(&action).unwrap();
        response = browser
            .post(url.clone())
            .form(&[("login", login)])
            .send()
            .await
            .unwrap();
    }
    panic!("trop d'étapes chez le fournisseur");
}

/// Brings the provider's answer `url` to the platform with `browser`, and
/// checks that the sign-in is refused with a page saying `because`.
async fn refused(app: &TestApp, browser: &Client, url: &str, because: &str) {
    let response = browser.get(reachable(app, url)).send().await.unwrap();
    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    assert!(page.contains(because), "{page}");
}

/// The whole sign-in: the platform's answer to the provider's callback.
async fn sign_in(
    app: &TestApp,
    browser: &Client,
    fournisseur: &str,
    login: &str,
) -> reqwest::Response {
    let callback = at_provider(app, browser, fournisseur, login).await;
    browser.get(reachable(app, &callback)).send().await.unwrap()
}

#[tokio::test]
async fn proconnect_creates_the_account_then_opens_it_and_logs_out_there_too() {
    let op = provider(60).await;
    let app = platform(op.issuer()).await;
    let browser = app.client();
    let (status, page) = browser.page("/connexion").await;
    assert_eq!(status, 200);
    assert!(page.contains("S&#39;identifier avec ProConnect"), "{page}");
    assert!(page.contains("href=\"/connexion/educonnect\""));

    let answer = sign_in(&app, &browser, "proconnect", "claire").await;
    assert_eq!(answer.status(), 303, "{}", answer.text().await.unwrap());
    assert_eq!(location(&answer), "/compte");
    let user = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("claire.moreau@servier.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.display_name, "Claire Moreau");
    assert_eq!(user.role, Role::Partenaire);
    assert!(user.email_verified && !user.has_password);
    let (status, page) = browser.page("/compte").await;
    assert_eq!(status, 200);
    assert!(page.contains("claire.moreau@servier.test"));

    // The logout ends the provider's session too, and comes back home.
    let token = browser.csrf().await;
    let out = browser
        .post(app.url("/deconnexion"))
        .form(&[("_csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let logout = Url::parse(&location(&out)).unwrap();
    assert!(logout.as_str().starts_with(op.issuer()), "{logout}");
    let param = |name: &str| {
        logout
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    assert_eq!(param("post_logout_redirect_uri"), format!("{PUBLIC_URL}/"));
    assert!(param("id_token_hint").split('.').count() == 3);
    assert_eq!(browser.page("/compte").await.0, 303);

    // The next sign-in opens the same account.
    let again = sign_in(&app, &app.client(), "proconnect", "claire").await;
    assert_eq!(again.status(), 303);
    assert_eq!(app.state.store.count_users().await.unwrap(), 1);
    op.stop().await;
    app.stop().await;
}

#[tokio::test]
async fn tampered_state_foreign_browser_wrong_nonce_and_expired_code_are_refused() {
    let op = provider(2).await;
    let app = platform(op.issuer()).await;

    // A state that is not the one sent.
    let browser = app.client();
    let callback = at_provider(&app, &browser, "educonnect", "noah").await;
    let mut tampered = Url::parse(&callback).unwrap();
    let pairs: Vec<(String, String)> = tampered
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                format!("{v}x")
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    tampered.query_pairs_mut().clear().extend_pairs(pairs);
    refused(
        &app,
        &browser,
        tampered.as_str(),
        "ne correspond à aucune demande de connexion",
    )
    .await;

    // An answer brought by another browser (login CSRF).
    let callback = at_provider(&app, &browser, "educonnect", "noah").await;
    refused(
        &app,
        &app.client(),
        &callback,
        "pas été commencée depuis ce navigateur",
    )
    .await;

    // A nonce that is not the one of the ID token (the sign-ins left
    // unanswered above are forgotten first: one row is under way).
    let conn = Database::connect(app.state.config.database.url.as_str())
        .await
        .unwrap();
    let backend = conn.get_database_backend();
    conn.execute_unprepared("DELETE FROM oidc_logins")
        .await
        .unwrap();
    let callback = at_provider(&app, &browser, "educonnect", "noah").await;
    let row = conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT pending FROM oidc_logins",
        ))
        .await
        .unwrap()
        .unwrap();
    let mut pending: serde_json::Value =
        serde_json::from_str(&row.try_get_by_index::<String>(0).unwrap()).unwrap();
    pending["nonce"] = json!("un-autre-nonce-de-plus-de-trente-deux-caracteres");
    conn.execute_raw(Statement::from_sql_and_values(
        backend,
        if app.state.config.database.url.starts_with("postgres") {
            "UPDATE oidc_logins SET pending = $1"
        } else {
            "UPDATE oidc_logins SET pending = ?"
        },
        [pending.to_string().into()],
    ))
    .await
    .unwrap();
    conn.close().await.unwrap();
    refused(
        &app,
        &browser,
        &callback,
        "jeton d&#39;identité reçu est invalide",
    )
    .await;

    // A code used after its lifetime.
    let callback = at_provider(&app, &browser, "educonnect", "noah").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    refused(
        &app,
        &browser,
        &callback,
        "refusé de finaliser la connexion",
    )
    .await;

    // Nothing was created by any of them.
    assert_eq!(app.state.store.count_users().await.unwrap(), 0);
    op.stop().await;
    app.stop().await;
}

#[tokio::test]
async fn an_unreachable_provider_gets_a_french_page() {
    // A port that was free a moment ago: nobody answers there.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let app = platform(&issuer).await;
    let response = app
        .client()
        .get(app.url("/connexion/proconnect"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert!(response.text().await.unwrap().contains("injoignable"));
    app.stop().await;
}

#[tokio::test]
async fn an_existing_account_is_linked_only_when_its_owner_confirms() {
    let op = provider(60).await;
    let app = platform(op.issuer()).await;
    let existing = app
        .create_user("noah.lefevre@eleve.test", Role::Apprenant)
        .await;

    let answer = sign_in(&app, &app.client(), "educonnect", "noah").await;
    assert_eq!(answer.status(), 200);
    let page = answer.text().await.unwrap();
    assert!(
        page.contains("Un compte existe déjà avec l&#39;adresse noah.lefevre@eleve.test"),
        "{page}"
    );
    // Not signed in, nothing linked yet: the next sign-in asks again.
    assert!(
        app.state
            .store
            .federated_providers(existing.id)
            .await
            .unwrap()
            .is_empty()
    );
    let mail = app
        .wait_for_mail(
            "noah.lefevre@eleve.test",
            "Relier votre compte à ÉduConnect",
        )
        .await;
    let link = mail
        .body
        .lines()
        .find(|l| l.contains("/connexion-federee/lier?jeton="))
        .unwrap()
        .trim()
        .to_owned();
    let owner = app.client();
    let (status, confirm) = owner.page(&reachable(&app, &link)).await;
    assert_eq!(status, 200);
    let token = attribute(&confirm, "name=\"jeton\"", "value").unwrap();
    let linked = owner
        .post_form("/connexion-federee/lier", &[("jeton", &token)])
        .await;
    assert_eq!(linked.status(), 303);
    assert_eq!(location(&linked), "/compte?ok=lien");
    assert!(
        owner
            .page("/compte?ok=lien")
            .await
            .1
            .contains("est reliée à votre compte")
    );
    // The link is spent; the identity now opens the account directly.
    let again = owner
        .post_form("/connexion-federee/lier", &[("jeton", &token)])
        .await;
    assert_eq!(again.status(), 400);
    let direct = sign_in(&app, &app.client(), "educonnect", "noah").await;
    assert_eq!(direct.status(), 303);
    assert_eq!(
        app.state
            .store
            .federated_providers(existing.id)
            .await
            .unwrap(),
        ["educonnect"]
    );
    assert_eq!(app.state.store.count_users().await.unwrap(), 1);

    // An address the provider did not verify links nothing and creates
    // nothing.
    app.create_user("lina.roux@exemple.test", Role::Apprenant)
        .await;
    let refused = sign_in(&app, &app.client(), "educonnect", "lina").await;
    assert_eq!(refused.status(), 400);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("n&#39;a pas confirmé votre adresse")
    );
    op.stop().await;
    app.stop().await;
}

#[tokio::test]
async fn a_provider_not_configured_shows_no_button() {
    let app = TestApp::new().await;
    let page = app.page("/connexion").await.1;
    assert!(!page.contains("S&#39;identifier avec"));
    assert_eq!(app.page("/connexion/proconnect").await.0, 404);
    assert_eq!(
        app.page("/connexion/educonnect/retour?code=x&state=y")
            .await
            .0,
        404
    );
    app.stop().await;
}
