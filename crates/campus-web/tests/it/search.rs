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

/// What the search reads in a query, on the page and in the API: a
/// commune at the end is the place (with a way to search everywhere), a
/// search that finds nothing offers the closest word and trades.
#[tokio::test]
async fn the_search_reads_places_and_leads_out_of_dead_ends() {
    let app = TestApp::with_catalogue().await;
    let client = app.client();

    let (status, html) = client.page("/recherche?q=chimie+orl%C3%A9ans").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Recherche de « chimie » autour de Orléans (30 km)"),
        "{html}"
    );
    assert!(html.contains("partout=oui"), "lien « chercher partout »");
    let (_, everywhere) = client
        .page("/recherche?q=chimie+orl%C3%A9ans&partout=oui")
        .await;
    assert!(!everywhere.contains("autour de Orléans"));
    let (bad, _) = client.page("/recherche?q=chimie&partout=peut-etre").await;
    assert_eq!(bad, 400);

    let api = client
        .json("/api/v1/recherche?q=chimie+orleans&rayon=50")
        .await;
    assert_eq!(api["lieu_lu_dans_q"], true);
    assert_eq!(api["lieu"]["nom"], "Orléans");
    assert_eq!(api["lieu"]["rayon_km"], 50.0);
    assert_eq!(api["texte_cherche"], "chimie");
    for item in api["items"].as_array().unwrap() {
        assert!(item["distance_km"].as_f64().unwrap() <= 50.0, "{item}");
    }

    let none = client.json("/api/v1/recherche?q=condisionnemmant").await;
    assert_eq!(none["total"], 0);
    assert_eq!(none["vouliez_vous_dire"], "conditionnement");
    let trades = none["metiers_proches"].as_array().unwrap();
    assert!(!trades.is_empty());
    assert!(trades.iter().all(|t| t["kind"] == "metier"));
    let (_, html) = client.page("/recherche?q=condisionnemmant").await;
    assert!(html.contains("Vouliez-vous dire"));
    assert!(html.contains("href=\"/recherche?q=conditionnement"));
    assert!(html.contains("Métiers proches de votre recherche"));

    // Results that hold only some of the words are said to be so.
    let all = client.json("/api/v1/recherche?q=chimie").await;
    assert_eq!(all["tous_les_mots"], all["total"]);
    let some = client.json("/api/v1/recherche?q=chimie+xylophonique").await;
    assert!(some["total"].as_u64().unwrap() > 0, "{some}");
    assert_eq!(some["tous_les_mots"], 0);
    let (_, html) = client.page("/recherche?q=chimie+xylophonique").await;
    assert!(
        html.contains("Les résultats suivants ne contiennent qu&#39;une partie des mots cherchés."),
        "{html}"
    );
    // Still said on the next pages.
    assert!(some["pages"].as_u64().unwrap() > 1, "{some}");
    let (_, next) = client.page("/recherche?q=chimie+xylophonique&page=2").await;
    assert!(next.contains("ne contiennent qu&#39;une partie des mots"));
}

/// The campus team extends the dictionary at `/admin/dictionnaire`: a
/// group is checked, saved with its audit line, applied by the search
/// within seconds, and removed the same way.
#[tokio::test]
async fn the_team_extends_the_search_dictionary() {
    let app = TestApp::with_catalogue().await;
    let (staff, _) = app.login_as(campus_domain::Role::EquipeCampus).await;
    let (status, html) = staff.page("/admin/dictionnaire").await;
    assert_eq!(status, 200);
    assert!(html.contains("QLIO = qualité, logistique industrielle et organisation"));
    assert!(html.contains("Aucun groupe ajouté"));

    // Refused, with the reason, and nothing saved.
    let one = staff
        .post_form("/admin/dictionnaire", &[("expressions", "packaging")])
        .await;
    assert_eq!(one.status(), 422);
    assert!(
        one.text()
            .await
            .unwrap()
            .contains("au moins deux expressions")
    );
    let taken = staff
        .post_form(
            "/admin/dictionnaire",
            &[("expressions", "bpf\nbonnes pratiques")],
        )
        .await;
    assert_eq!(taken.status(), 422);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("figure déjà dans le groupe")
    );
    let empty = staff
        .post_form(
            "/admin/dictionnaire",
            &[("expressions", "de la\npackaging")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert!(app.state.store.synonym_groups().await.unwrap().is_empty());

    let search = |text: &'static str| {
        let client = app.client();
        async move { client.json(&format!("/api/v1/recherche?q={text}")).await }
    };
    let before = search("packaging").await;
    let added = staff
        .post_form(
            "/admin/dictionnaire",
            &[
                ("expressions", "packaging\nconditionnement"),
                ("note", "Anglais des ateliers de conditionnement"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let groups = app.state.store.synonym_groups().await.unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].expressions, ["packaging", "conditionnement"]);
    let audit = app.state.store.recent_audit_events(5).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "dictionnaire.ajout"));
    let found = crate::testkit::eventually("le groupe appliqué par la recherche", || async {
        let after = search("packaging").await;
        (after["total"].as_u64() > before["total"].as_u64()).then_some(after)
    })
    .await;
    // Documents that only say « conditionnement » are found now.
    assert!(
        found["items"].as_array().unwrap().iter().any(|item| {
            let title = item["title_html"].as_str().unwrap();
            title.contains("<mark>conditionnement</mark>") && !title.contains("packaging")
        }),
        "{found}"
    );
    let (_, html) = staff.page("/admin/dictionnaire?ok=ajout").await;
    assert!(html.contains("packaging = conditionnement"));
    assert!(html.contains("Groupe ajouté"));

    let remove = format!("/admin/dictionnaire/{}/supprimer", groups[0].id);
    assert_eq!(staff.post_form(&remove, &[]).await.status(), 303);
    assert!(app.state.store.synonym_groups().await.unwrap().is_empty());
    // Removed already: nothing to remove.
    assert_eq!(staff.post_form(&remove, &[]).await.status(), 404);
}
