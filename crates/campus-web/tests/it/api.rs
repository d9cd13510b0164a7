//! The JSON API: tokens, problem documents, the OpenAPI document.

use campus_domain::Role;

use campus_store::users::User;

use crate::testkit::{Client, TestApp};

/// A signed-in account of `role` and the personal access token it
/// creates through its account page.
async fn token_for(app: &TestApp, role: Role) -> (Client, User, String) {
    let (client, user) = app.login_as(role).await;
    let response = client
        .post_form("/compte/jetons", &[("name", "tableur")])
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let start = html.find("id=\"nouveau-jeton\">").unwrap() + "id=\"nouveau-jeton\">".len();
    let token = html[start..].split('<').next().unwrap().to_owned();
    assert!(token.starts_with("campus_"));
    (client, user, token)
}

#[tokio::test]
async fn tokens_authenticate_until_revoked() {
    let app = TestApp::new().await;
    let (browser, user, token) = token_for(&app, Role::Formateur).await;
    let api = reqwest::Client::new();
    let me: serde_json::Value = api
        .get(app.url("/api/v1/moi"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], user.email.as_str());
    assert_eq!(me["role"], "formateur");
    // The list shows only the prefix.
    let html = browser.page("/compte/jetons").await.1;
    assert!(!html.contains(&token));
    let id = app
        .state
        .store
        .api_tokens(me["id"].as_i64().unwrap() as i32)
        .await
        .unwrap()[0]
        .id;
    let response = browser
        .post_form(&format!("/compte/jetons/{id}/revoquer"), &[])
        .await;
    assert_eq!(response.status(), 303);
    let response = api
        .get(app.url("/api/v1/moi"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    // Anonymous API calls get 401, not a login page.
    let response = api.get(app.url("/api/v1/moi")).send().await.unwrap();
    assert_eq!(response.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn organisations_through_the_api() {
    let app = TestApp::new().await;
    let (_, _, staff) = token_for(&app, Role::EquipeCampus).await;
    let (_, _, pupil) = token_for(&app, Role::Apprenant).await;
    let api = reqwest::Client::new();

    let list: serde_json::Value = api
        .get(app.url("/api/v1/organisations?departement=45"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["total"].as_u64().unwrap() >= 3);
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["departement"] == "45")
    );
    let orleans: serde_json::Value = api
        .get(app.url("/api/v1/organisations/universite-d-orleans"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(orleans["uai"], "0450855K");
    assert_eq!(orleans["siret"], "19450855200016");

    let body = serde_json::json!({"nom": "Lycée Jean Zay", "kind": "etablissement_scolaire", "code_postal": "45000", "commune": "Orléans"});
    let forbidden = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&pupil)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(forbidden.status(), 403);
    let created = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&staff)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    assert_eq!(
        created.headers().get("location").unwrap(),
        "/api/v1/organisations/lycee-jean-zay"
    );
    let created: serde_json::Value = created.json().await.unwrap();
    assert_eq!(created["departement"], "45", "déduit du code postal");

    let invalid =
        serde_json::json!({"nom": "", "kind": "usine", "siret": "123", "uai": "0450855A"});
    let response = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&staff)
        .json(&invalid)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let problem: serde_json::Value = response.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["nom", "kind", "siret", "uai"]);

    let duplicate =
        serde_json::json!({"nom": "Autre université", "kind": "universite", "uai": "0450855K"});
    let response = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&staff)
        .json(&duplicate)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "uai");

    let broken = api
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&staff)
        .header("content-type", "application/json")
        .body("{\"nom\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), 400);
    let problem: serde_json::Value = broken.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("EOF"));
    app.stop().await;
}

#[tokio::test]
async fn session_writes_to_the_api_need_the_csrf_header() {
    let app = TestApp::new().await;
    let (client, _) = app.login_as(Role::EquipeCampus).await;
    let body = serde_json::json!({"nom": "Labo", "kind": "laboratoire"});
    let response = client
        .post(app.url("/api/v1/organisations"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let token = client.csrf().await;
    let response = client
        .post(app.url("/api/v1/organisations"))
        .header("x-csrf-token", token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    app.stop().await;
}

/// A call without a session cookie or a token is told to authenticate
/// (401, problem+json, `WWW-Authenticate: Bearer`), whatever its method:
/// the anti-forgery check only concerns requests that carry our cookies
/// (see `session_writes_to_the_api_need_the_csrf_header`).
#[tokio::test]
async fn api_calls_without_credentials_are_asked_for_a_token() {
    let app = TestApp::new().await;
    let bare = reqwest::Client::new();
    let body = serde_json::json!({"nom": "Labo", "kind": "laboratoire"});
    for request in [
        bare.get(app.url("/api/v1/moi")),
        bare.post(app.url("/api/v1/organisations")).json(&body),
        bare.post(app.url("/api/v1/modules/demandes")).json(&body),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401);
        assert_eq!(
            response.headers().get("www-authenticate").unwrap(),
            "Bearer realm=\"campus\""
        );
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/problem+json"
        );
    }
    app.stop().await;
}

/// The served document matches the reviewed snapshot; run with
/// `UPDATE_SNAPSHOTS=1` to accept a deliberate change.
#[tokio::test]
async fn openapi_document_snapshot() {
    let app = TestApp::new().await;
    let served: serde_json::Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(served["openapi"], "3.1.0");
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    let pretty = serde_json::to_string_pretty(&served).unwrap() + "\n";
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &pretty).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).expect("instantané absent : lancez avec UPDATE_SNAPSHOTS=1");
    assert_eq!(
        pretty, expected,
        "le document OpenAPI a changé : relisez puis lancez avec UPDATE_SNAPSHOTS=1"
    );
    // Every API route of the router is documented.
    for rule in campus_web::route_rules() {
        if rule.path.starts_with("/api/v1") {
            let method = rule.method.as_str().to_lowercase();
            assert!(
                served["paths"][rule.path][&method].is_object(),
                "{} {} non documentée",
                rule.method,
                rule.path
            );
        }
    }
    app.stop().await;
}
