//! The platform's frame: probes, security headers, error pages, limits.

use crate::testkit::TestApp;

#[tokio::test]
async fn probes_and_metrics() {
    const TOKEN: &str = "jeton-de-supervision-de-32-caracteres";
    let app = TestApp::with_config(|c| c.security.metrics_token = Some(TOKEN.to_owned())).await;
    let client = app.client();
    assert_eq!(client.page("/healthz").await.1, "ok");
    app.wait_until_ready().await;
    // Metrics are for the scraper that presents the configured token.
    assert_eq!(client.page("/metrics").await.0, 404);
    let metrics = |token: &'static str| client.get(app.url("/metrics")).bearer_auth(token).send();
    assert_eq!(metrics("un-autre-jeton").await.unwrap().status(), 404);
    let scraped = metrics(TOKEN).await.unwrap();
    assert_eq!(scraped.status(), 200);
    let text = scraped.text().await.unwrap();
    assert!(text.contains("campus_http_requests_total"), "{text}");
    app.stop().await;
}

/// A node whose database is gone is taken out of the load balancer's
/// rotation, and says why; it stays alive.
#[tokio::test]
async fn readiness_says_what_is_missing() {
    let app = TestApp::new().await;
    app.wait_until_ready().await;
    app.state.store.clone().close().await.unwrap();
    let (status, body) = app.page("/readyz").await;
    assert_eq!(status, 503);
    assert!(body.contains("base de données injoignable"), "{body}");
    assert_eq!(app.page("/healthz").await.0, 200);
}

#[tokio::test]
async fn metrics_are_not_served_without_a_token() {
    let app = TestApp::new().await;
    assert_eq!(app.client().page("/metrics").await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn home_page_presents_the_campus_in_french() {
    let app = TestApp::new().await;
    let response = app.client().get(app.url("/")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Aller au contenu"));
    for lever in 1..=8 {
        assert!(
            html.contains(&format!("Levier {lever}")),
            "levier {lever} absent"
        );
    }
    assert!(
        html.contains("Soutenir l'attractivité des métiers")
            || html.contains("Soutenir l&#39;attractivité des métiers")
    );
    let csp = headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(headers.get("referrer-policy").unwrap(), "same-origin");
    app.stop().await;
}

#[tokio::test]
async fn english_is_the_second_language() {
    let app = TestApp::new().await;
    let client = app.client();
    let response = client
        .post_form("/langue", &[("lang", "en"), ("suite", "/organisations")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers().get("location").unwrap(),
        "/organisations"
    );
    let html = client.page("/").await.1;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Skip to content"));
    app.stop().await;
}

#[tokio::test]
async fn unknown_pages_are_french_html_and_problem_json_under_api() {
    let app = TestApp::new().await;
    let client = app.client();
    let page = client.get(app.url("/nulle-part")).send().await.unwrap();
    assert_eq!(page.status(), 404);
    assert!(
        page.headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.text().await.unwrap().contains("Page introuvable"));
    let api = client
        .get(app.url("/api/v1/nulle-part"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(
        api.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let problem: serde_json::Value = api.json().await.unwrap();
    assert_eq!(problem["status"], 404);
    assert_eq!(problem["title"], "Page introuvable");
    app.stop().await;
}

#[tokio::test]
async fn forms_without_csrf_token_are_refused() {
    let app = TestApp::new().await;
    let client = app.client();
    let response = client
        .post(app.url("/connexion"))
        .form(&[("email", "a@b.test"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Ce formulaire a expiré")
    );
    // A token from another browser does not work either.
    let other = app.client();
    let token = other.csrf().await;
    let _ = client.csrf().await;
    let response = client
        .post(app.url("/connexion"))
        .form(&[
            ("_csrf", token.as_str()),
            ("email", "a@b.test"),
            ("password", "x"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn bad_bodies_get_clear_4xx_and_never_a_panic() {
    let app = TestApp::new().await;
    let client = app.client();
    let token = client.csrf().await;
    // Invalid UTF-8 once percent-decoded.
    let body = format!("_csrf={token}&email=%FF%FE&password=x");
    let response = client
        .post(app.url("/connexion"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("UTF-8"));
    // Over the body limit.
    let huge = format!("_csrf={token}&email={}", "a".repeat(2 * 1024 * 1024));
    let response = client
        .post(app.url("/connexion"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert!(
        response.status() == 413 || response.status() == 400,
        "{}",
        response.status()
    );
    // Over-long field: a field error, not a crash.
    let long_name = "é".repeat(500);
    let response = client
        .post_form(
            "/inscription",
            &[
                ("display_name", &long_name),
                ("email", "x@y.test"),
                ("password", "p"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary"));
    assert!(html.contains("href=\"#champ-display_name\""));
    // Wrong content type.
    let response = client
        .post(app.url("/connexion"))
        .header("x-csrf-token", token.as_str())
        .header("content-type", "text/plain")
        .body("bonjour")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(client.page("/healthz").await.0.is_success());
    app.stop().await;
}

/// Oversized addresses and header blocks, and query strings that are not
/// UTF-8, are refused with a body that says so: problem+json under `/api`,
/// a French page on the site.
#[tokio::test]
async fn oversized_requests_and_bad_queries_are_explained() {
    let app = TestApp::new().await;
    let client = app.client();
    let long = format!("/api/v1/recherche?q={}", "a".repeat(9 * 1024));
    let problem = |response: reqwest::Response| async move {
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        response.json::<serde_json::Value>().await.unwrap()
    };
    let response = client.get(app.url(&long)).send().await.unwrap();
    assert_eq!(response.status(), 414);
    let body = problem(response).await;
    assert_eq!(body["status"], 414);
    assert_eq!(body["title"], "Adresse trop longue");
    let (status, html) = client
        .page(&format!("/recherche?q={}", "a".repeat(9 * 1024)))
        .await;
    assert_eq!(status, 414);
    assert!(html.contains("Adresse trop longue"), "{html}");

    let response = client
        .get(app.url("/api/v1/recherche?q=chimie"))
        .header("x-remplissage", "b".repeat(20 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 431);
    assert_eq!(problem(response).await["title"], "En-têtes trop volumineux");

    let response = client
        .get(app.url("/api/v1/recherche?q=cr%E8me"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body = problem(response).await;
    assert!(body["detail"].as_str().unwrap().contains("UTF-8"), "{body}");
    let (status, html) = client.page("/recherche?q=%FF").await;
    assert_eq!(status, 400);
    assert!(html.contains("UTF-8"));
    // Percent-encoded UTF-8 is what browsers send: it passes.
    let response = client
        .get(app.url("/api/v1/recherche?q=cr%C3%A8me"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    app.stop().await;
}

#[tokio::test]
async fn graceful_shutdown_lets_the_server_stop() {
    let app = TestApp::new().await;
    let client = app.client();
    assert!(client.page("/").await.0.is_success());
    let base = app.base.clone();
    app.stop().await;
    assert!(client.get(format!("{base}/healthz")).send().await.is_err());
}
