//! Real browser tests: headless Chromium driven through chromedriver, and
//! an automated accessibility check (axe-core, from the npm registry) on
//! every page.
//!
//! They need `chromium`, `chromedriver` and `tests/browser/node_modules`
//! (installed by `scripts/test`). They fail when these are missing, unless
//! `CAMPUS_SKIP_BROWSER=1` says so explicitly.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use campus_domain::Role;
use chrono::Duration;
use fantoccini::{Client, ClientBuilder, Locator};

use crate::testkit::{Data, PASSWORD, TestApp, eventually};

pub(crate) struct Driver {
    process: Child,
    port: u16,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

pub(crate) fn skip() -> bool {
    if std::env::var("CAMPUS_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("tests navigateur ignorés : CAMPUS_SKIP_BROWSER=1");
        return true;
    }
    false
}

// The lint cannot see that `Driver::drop` kills and waits for the process.
#[allow(clippy::zombie_processes)]
pub(crate) async fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let process = Command::new(
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned()),
    )
    .arg(format!("--port={port}"))
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect(
        "chromedriver introuvable : installez chromium et chromium-driver (scripts/test le fait)",
    );
    let profile = std::env::temp_dir().join(format!("campus-chromium-{port}"));
    // Built first, so that the process is stopped if it never answers.
    let driver = Driver {
        process,
        port,
        profile,
    };
    eventually("chromedriver à l'écoute", || async {
        std::net::TcpStream::connect(("127.0.0.1", port))
            .is_ok()
            .then_some(())
    })
    .await;
    driver
}

pub(crate) async fn browser(driver: &Driver) -> Client {
    // Two TLS back-ends are linked in (ring and aws-lc); the WebDriver
    // client needs one chosen explicitly.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut caps = serde_json::Map::new();
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    caps.insert(
        "goog:chromeOptions".to_owned(),
        serde_json::json!({
            "binary": binary,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,900",
                format!("--user-data-dir={}", driver.profile.display()),
            ]
        }),
    );
    ClientBuilder::rustls()
        .expect("client WebDriver")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("session Chromium")
}

pub(crate) async fn fill(client: &Client, id: &str, value: &str) {
    let field = client.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

pub(crate) async fn submit(client: &Client, form_action: &str) {
    let selector = format!("form[action=\"{form_action}\"] button[type=submit]");
    client
        .find(Locator::Css(&selector))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// The page source once it contains `text` (a submitted form's answer may
/// arrive after the click returns).
pub(crate) async fn page_with(client: &Client, text: &str) -> String {
    eventually(&format!("une page contenant « {text} »"), || async {
        client
            .source()
            .await
            .ok()
            .filter(|html| html.contains(text))
    })
    .await
}

#[tokio::test]
async fn register_verify_login_logout_in_a_browser() {
    if skip() {
        return;
    }
    let app = TestApp::new().await;
    let driver = start_driver().await;
    let client = browser(&driver).await;

    client.goto(&app.url("/inscription")).await.unwrap();
    fill(&client, "champ-display_name", "Inès Robert").await;
    fill(&client, "champ-email", "ines@exemple.test").await;
    fill(&client, "champ-password", PASSWORD).await;
    submit(&client, "/inscription").await;
    let html = page_with(&client, "Vérifiez votre boîte e-mail").await;
    assert!(html.contains("Vérifiez votre boîte e-mail"), "{html}");

    let mail = app.wait_for_mail("ines@exemple.test", "Confirmez").await;
    let link = app.link_in(&mail.body, "/inscription/verifier");
    client.goto(&link).await.unwrap();
    submit(&client, "/inscription/verifier").await;
    assert!(
        page_with(&client, "Adresse confirmée")
            .await
            .contains("Adresse confirmée")
    );

    client.goto(&app.url("/connexion")).await.unwrap();
    fill(&client, "champ-email", "ines@exemple.test").await;
    fill(&client, "champ-password", PASSWORD).await;
    submit(&client, "/connexion").await;
    let html = page_with(&client, "Inès Robert").await;
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/compte")
    );
    assert!(html.contains("Mon compte") && html.contains("Inès Robert"));

    submit(&client, "/deconnexion").await;
    assert!(
        page_with(&client, "Se connecter")
            .await
            .contains("Se connecter")
    );
    assert_eq!(client.current_url().await.unwrap().path(), "/");
    client.close().await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn wrong_password_shows_the_french_error_in_a_browser() {
    if skip() {
        return;
    }
    let app = TestApp::new().await;
    app.create_user("paul@exemple.test", Role::Apprenant).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    client.goto(&app.url("/connexion")).await.unwrap();
    fill(&client, "champ-email", "paul@exemple.test").await;
    fill(&client, "champ-password", "pas le bon mot de passe").await;
    submit(&client, "/connexion").await;
    page_with(&client, "error-summary").await;
    let summary = client.find(Locator::Css(".error-summary")).await.unwrap();
    assert!(
        summary
            .text()
            .await
            .unwrap()
            .contains("Adresse e-mail ou mot de passe incorrect.")
    );
    // The summary receives the focus, and its link leads to the field.
    let focused: serde_json::Value = client
        .execute("return document.activeElement.className", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "error-summary");
    assert!(client.title().await.unwrap().starts_with("Erreur"));
    client.close().await.unwrap();
    app.stop().await;
}

const HPLC: &str = "chaine-hplc-avec-detecteur-uv-a-barrette-de-diodes";

/// Sets a field's value the way a date or time picker would (typing into
/// those depends on the browser's locale).
pub(crate) async fn set_value(client: &Client, id: &str, value: &str) {
    client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![serde_json::json!(id), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

/// Signs in through the sign-in page, as a person would.
pub(crate) async fn sign_in(client: &Client, app: &TestApp, email: &str) {
    client.goto(&app.url("/connexion")).await.unwrap();
    fill(client, "champ-email", email).await;
    fill(client, "champ-password", PASSWORD).await;
    submit(client, "/connexion").await;
    page_with(client, "Mon compte").await;
}

/// Signs out through the header's button.
pub(crate) async fn sign_out(client: &Client) {
    submit(client, "/deconnexion").await;
    page_with(client, "Se connecter").await;
}

async fn fill_reservation(client: &Client, app: &TestApp, date: &str) {
    client
        .goto(&app.url(&format!("/equipements/{HPLC}/reserver")))
        .await
        .unwrap();
    set_value(client, "champ-date", date).await;
    set_value(client, "champ-debut", "09:00").await;
    set_value(client, "champ-fin", "11:00").await;
    fill(client, "champ-objet", "Dosage de la caféine").await;
    submit(client, &format!("/equipements/{HPLC}/reserver")).await;
}

#[tokio::test]
async fn reservation_refused_without_habilitation_then_accepted_once_granted() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    app.create_user("lea@exemple.test", Role::Apprenant).await;
    app.create_user("prof@exemple.test", Role::Formateur).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();
    // A week from the platform's Wednesday: a Wednesday, when the HPLC
    // opens.
    let date = (app.today() + Duration::weeks(1)).to_string();

    sign_in(&client, &app, "lea@exemple.test").await;
    fill_reservation(&client, &app, &date).await;
    page_with(&client, "error-summary").await;
    let summary = client
        .find(Locator::Css(".error-summary"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        summary.contains("pas d'habilitation « Chromatographie »"),
        "{summary}"
    );
    failures.extend(violations(&client, &axe).await);
    sign_out(&client).await;

    sign_in(&client, &app, "prof@exemple.test").await;
    client.goto(&app.url("/habilitations")).await.unwrap();
    fill(&client, "champ-email", "lea@exemple.test").await;
    set_value(&client, "champ-categorie", "chromatographie").await;
    set_value(&client, "champ-expire_le", &date).await;
    fill(&client, "champ-motif", "Formation HPLC suivie").await;
    submit(&client, "/habilitations").await;
    let html = page_with(&client, "est accordée").await;
    assert!(html.contains("est accordée"), "{html}");
    failures.extend(violations(&client, &axe).await);
    sign_out(&client).await;

    sign_in(&client, &app, "lea@exemple.test").await;
    fill_reservation(&client, &app, &date).await;
    let html = page_with(&client, "réservation est confirmée").await;
    assert!(html.contains("réservation est confirmée"), "{html}");
    assert_eq!(client.current_url().await.unwrap().path(), "/reservations");
    failures.extend(violations(&client, &axe).await);
    client
        .goto(&app.url(&format!("/equipements/{HPLC}")))
        .await
        .unwrap();
    let html = client.source().await.unwrap();
    assert!(html.contains("09:00–11:00 : réservé"), "{html}");
    failures.extend(violations(&client, &axe).await);

    assert!(failures.is_empty(), "{}", failures.join("\n"));
    client.close().await.unwrap();
    app.stop().await;
}

pub(crate) fn axe_source() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} absent : lancez `npm ci` dans tests/browser",
            path.display()
        )
    })
}

/// Serious or critical WCAG 2.1 A/AA violations on the current page.
pub(crate) async fn violations(client: &Client, axe: &str) -> Vec<String> {
    client
        .execute(&format!("{axe}\nreturn typeof window.axe;"), vec![])
        .await
        .unwrap();
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
              .then(r => done(r.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => v.id + " : " + v.help + " " + JSON.stringify(v.nodes.map(n => n.target)))))
              .catch(e => done(["axe : " + e]));"#,
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(result).unwrap()
}

#[tokio::test]
async fn every_page_passes_the_accessibility_check() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    app.create_user("admin@campus.test", Role::Admin).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;

    let (events, _) = app
        .state
        .store
        .evenements()
        .list_evenements(&campus_store::evenements::EvenementFilter {
            per_page: 1,
            ..Default::default()
        })
        .await
        .unwrap();
    let evenement_slug = events[0].slug.clone();
    let mut pages: Vec<String> = campus_web::route_rules()
        .into_iter()
        .filter(|r| r.method == "GET")
        .map(|r| r.path)
        .filter(|p| {
            !p.starts_with("/api")
                && !p.starts_with("/static")
                && !matches!(*p, "/healthz" | "/readyz" | "/metrics")
                && !p.ends_with(".csv")
                && !p.ends_with(".ics")
                && !p.ends_with(".atom")
        })
        .map(|p| {
            p.replace("{slug}", "universite-d-orleans")
                .replace("{code}", "H3301")
                .replace("{id}", "lheo:07_10")
                .replace("{equipement}", HPLC)
                .replace("{evenement}", &evenement_slug)
        })
        .collect();
    pages.push("/certifications/RNCP36968".to_owned());
    let mobilite = app
        .state
        .store
        .mobilite()
        .offres(&Default::default())
        .await
        .unwrap()
        .remove(0)
        .id();
    pages.push(format!("/mobilite/{mobilite}"));
    pages.push("/organisations?pays=DE".to_owned());
    pages.push("/page-inexistante".to_owned());
    pages.push("/metiers?domaine=H".to_owned());
    pages.push("/recherche?q=qualit%C3%A9+pharma&commune=Orl%C3%A9ans&rayon=100".to_owned());
    pages.push("/recherche?q=chimie&niveau=12".to_owned());
    pages.push("/inscription/verifier?jeton=invalide".to_owned());
    // The first demonstration resource, and the library's facets.
    pages.push("/ressources/1".to_owned());
    pages.push("/ressources?q=conditionnement&type=kit_decouverte".to_owned());

    let mut failures = Vec::new();
    let mut checked = 0;
    // Anonymous first (forms, public pages, error pages)…
    for page in &pages {
        client.goto(&app.url(page)).await.unwrap();
        for v in violations(&client, &axe).await {
            failures.push(format!("anonyme {page} : {v}"));
        }
        checked += 1;
    }
    // …a form shown with its errors…
    client.goto(&app.url("/inscription")).await.unwrap();
    submit(&client, "/inscription").await;
    page_with(&client, "error-summary").await;
    for v in violations(&client, &axe).await {
        failures.push(format!("inscription en erreur : {v}"));
    }
    // …then every page as an administrator.
    sign_in(&client, &app, "admin@campus.test").await;
    for page in &pages {
        client.goto(&app.url(page)).await.unwrap();
        for v in violations(&client, &axe).await {
            failures.push(format!("admin {page} : {v}"));
        }
        checked += 1;
    }
    assert!(checked >= 30, "{checked} pages vérifiées");
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    client.close().await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn the_training_path_form_in_a_browser() {
    if skip() {
        return;
    }
    let axe = axe_source();
    // Loading the engine on the real referential is slow in a test build.
    let app = TestApp::start(Data::Catalogue, |c| c.server.request_timeout_secs = 600).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // Step 1, reached from a trade's page: experience and home.
    client.goto(&app.url("/metiers/I1304")).await.unwrap();
    client
        .find(Locator::Css("a[href=\"/parcours?cible=I1304\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The step list names every step on every page: wait for the heading.
    page_with(&client, "<h2>1. Où vous en êtes</h2>").await;
    for v in violations(&client, &axe).await {
        failures.push(format!("étape 1 : {v}"));
    }
    // A diploma held is found by its name: the search field beside the
    // list suggests certifications, « Ajouter à la liste » puts the choice
    // on its own line, with its code.
    fill(&client, "champ-certifications-recherche", "banque").await;
    let first = eventually("une certification suggérée", || async {
        client
            .execute(
                "var o = document.querySelector('#champ-certifications-choix option'); return o ? o.value : null;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    })
    .await;
    assert!(first.contains("(RNCP"), "{first}");
    set_value(&client, "champ-certifications-recherche", &first).await;
    client
        .find(Locator::Css(".suggest-list button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let area = client
        .find(Locator::Id("champ-certifications"))
        .await
        .unwrap();
    assert_eq!(
        area.prop("value").await.unwrap().as_deref(),
        Some(first.as_str())
    );
    fill(&client, "champ-metier_1", "H3301").await;
    fill(&client, "champ-annees_1", "cinq").await;
    fill(&client, "champ-commune", "Tours").await;
    submit(&client, "/parcours").await;
    let html = page_with(&client, "error-summary").await;
    assert!(html.contains("Indiquez un nombre d"), "{html}");
    for v in violations(&client, &axe).await {
        failures.push(format!("étape 1 en erreur : {v}"));
    }
    fill(&client, "champ-annees_1", "5").await;
    submit(&client, "/parcours").await;

    // Step 2: the target, pre-filled from the trade page.
    page_with(&client, "<h2>2. Le métier que vous visez</h2>").await;
    let cible = client.find(Locator::Id("champ-cible")).await.unwrap();
    assert_eq!(cible.prop("value").await.unwrap().as_deref(), Some("I1304"));
    for v in violations(&client, &axe).await {
        failures.push(format!("étape 2 : {v}"));
    }
    submit(&client, "/parcours").await;

    // Step 3: constraints, then the results.
    page_with(&client, "<h2>3. Vos contraintes</h2>").await;
    for v in violations(&client, &axe).await {
        failures.push(format!("étape 3 : {v}"));
    }
    fill(&client, "champ-distance", "80").await;
    submit(&client, "/parcours").await;
    let html = page_with(&client, "Votre parcours vers").await;
    assert!(html.contains("Ce qu"), "{html}");
    for v in violations(&client, &axe).await {
        failures.push(format!("résultats : {v}"));
    }
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    client.close().await.unwrap();
    app.stop().await;
}

/// Passes the current page to the accessibility check, recording each
/// violation with `what` the page is.
pub(crate) async fn check(client: &Client, axe: &str, what: &str, failures: &mut Vec<String>) {
    for v in violations(client, axe).await {
        failures.push(format!("{what} : {v}"));
    }
}
