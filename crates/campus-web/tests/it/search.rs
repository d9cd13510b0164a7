//! The search page and API on the real catalogue, and the index kept in
//! step with organisation edits.

use crate::testkit::TestApp;

#[tokio::test]
async fn search_page_and_api_on_the_real_catalogue() {
    let app = TestApp::with_catalogue().await;
    let client = app.client();
    let get = |path: &str| {
        let client = client.clone();
        let url = app.url(path);
        async move { client.get(url).send().await.unwrap() }
    };

    // The header's search box leads to the page.
    let home = get("/").await.text().await.unwrap();
    assert!(home.contains("action=\"/recherche\"") && home.contains("role=\"search\""));

    let empty = get("/recherche").await;
    assert_eq!(empty.status(), 200);
    assert!(!empty.text().await.unwrap().contains("role=\"status\""));

    let page = get("/recherche?q=bts+cosm%C3%A9tique").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<mark>BTS</mark>"), "mots trouvés surlignés");
    assert!(html.contains("href=\"/certifications/RNCP"));
    assert!(html.contains("résultats"));
    // Facets are checkboxes of a GET form, with counts.
    assert!(html.contains(
        "type=\"checkbox\" id=\"f-type-certification\" name=\"type\" value=\"certification\""
    ));
    assert!(html.contains("name=\"niveau\" value=\"5\""));
    // Pagination links keep the search.
    let html = get("/recherche?q=technicien&secteur=")
        .await
        .text()
        .await
        .unwrap();
    let next = html
        .split("rel=\"next\"")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .map(|href| href.trim_end_matches("\" ").replace("&#38;", "&"))
        .unwrap();
    assert!(
        next.starts_with("/recherche?q=technicien&") && next.ends_with("page=2"),
        "{next}"
    );
    let page2 = get(&next).await.text().await.unwrap();
    assert!(page2.contains("Page 2 sur"));

    // Typed values are escaped back into the form.
    let hostile = get("/recherche?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(hostile.status(), 200);
    assert!(!hostile.text().await.unwrap().contains("<script>alert"));

    // A bad parameter is a clear message, in French.
    let bad = get("/recherche?q=chimie&niveau=12&commune=Nullepart-sur-Rien").await;
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("Niveau invalide « 12 »"));
    assert!(bad.contains("Commune ou code postal introuvable : « Nullepart-sur-Rien »"));

    // The API answers the same search in JSON.
    let api: serde_json::Value =
        get("/api/v1/recherche?q=operateur+conditionnement&type=metier&par_page=5")
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(api["page"], 1);
    assert_eq!(api["per_page"], 5);
    let results = api["items"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    assert!(results.iter().all(|r| r["kind"] == "metier"));
    assert!(results.iter().take(5).any(|r| r["id"] == "H3301"));
    assert!(
        api["facets"]["types"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["value"] == "certification"),
        "une facette compte ce que son propre filtre exclut"
    );

    // The former address answers the same page, hits also under `results`.
    let former: serde_json::Value =
        get("/api/v1/search?q=operateur+conditionnement&type=metier&par_page=5")
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(former["items"], api["items"]);
    assert_eq!(former["results"], api["items"]);

    // Around a postal code: organisations nearest first, within the radius.
    let around: serde_json::Value =
        get("/api/v1/recherche?type=organisation&commune=45000&rayon=50")
            .await
            .json()
            .await
            .unwrap();
    assert_eq!(around["lieu"]["nom"], "Orléans");
    let distances: Vec<f64> = around["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["distance_km"].as_f64().unwrap())
        .collect();
    assert!(!distances.is_empty());
    assert!(distances.windows(2).all(|w| w[0] <= w[1]) && distances.iter().all(|d| *d <= 50.0));

    let problem = get("/api/v1/recherche?q=x&secteur=peut-etre").await;
    assert_eq!(problem.status(), 400);
    assert_eq!(
        problem.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let problem: serde_json::Value = problem.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("peut-etre"));
    app.stop().await;
}

#[tokio::test]
async fn an_edited_organisation_is_found_at_once() {
    let app = TestApp::new().await;
    let (client, _) = app.login_as(campus_domain::Role::Admin).await;
    let created = client
        .post_form(
            "/admin/organisations",
            &[
                ("nom", "Distillerie Végétale du Loiret"),
                ("kind", "entreprise"),
                ("description", "Extraction d'huiles essentielles."),
                ("commune", "Orléans"),
                ("departement", "45"),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let found: serde_json::Value = client
        .get(app.url("/api/v1/recherche?q=distillerie+vegetale"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], "distillerie-vegetale-du-loiret");
    assert_eq!(found["items"][0]["departement"], "45");
    assert_eq!(
        app.state.search.index().generation(),
        app.state.store.catalogue_generation().await.unwrap(),
        "l'index reflète la base sans reconstruction"
    );
    app.stop().await;
}
