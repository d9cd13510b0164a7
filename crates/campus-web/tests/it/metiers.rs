//! The trades of the ROME referential, once imported.

use crate::testkit::{Data, TestApp};

#[tokio::test]
async fn trade_pages_and_api_on_the_real_referential() {
    let fresh = TestApp::new().await;
    let empty = fresh.page("/metiers").await.1;
    assert!(empty.contains("pas encore été importé"));
    fresh.stop().await;

    let app = TestApp::with_catalogue().await;
    let client = app.client();
    let html = client.page("/metiers/H3301").await.1;
    assert!(html.contains("Conducteur / Conductrice de ligne de conditionnement"));
    assert!(
        html.contains("cœur de métier"),
        "compétences cœur de métier signalées"
    );
    assert!(html.contains("Savoir-faire") && html.contains("Savoirs"));
    assert!(html.contains("href=\"/metiers/"), "métiers proches");
    assert!(
        html.contains("Ce métier peut vous plaire si")
            && html.contains("J&#39;aime le travail manuel"),
        "centres d'intérêt du métier"
    );
    let h2301 = client.page("/metiers/H2301").await.1;
    assert!(
        h2301.contains("href=\"/certifications/RNCP36085\""),
        "certifications qui mènent au métier"
    );
    let lower = client.get(app.url("/metiers/h3301")).send().await.unwrap();
    assert_eq!(lower.status(), 200);
    assert_eq!(client.page("/metiers/Z9999").await.0, 404);
    assert_eq!(client.page("/metiers/pas-un-code").await.0, 404);

    let list = client.page("/metiers?domaine=h").await.1;
    assert!(list.contains("href=\"/metiers/H3301\""));

    let api: serde_json::Value = client
        .get(app.url("/api/v1/metiers/I1304"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["code_rome"], "I1304");
    assert!(
        api["competences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["coeur"] == "principale")
    );
    assert!(!api["mobilites"].as_array().unwrap().is_empty());
    let missing = client
        .get(app.url("/api/v1/metiers/A0000"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    app.stop().await;
}

#[tokio::test]
async fn certification_pages_and_api() {
    let app = TestApp::with_catalogue().await;
    let client = app.client();
    let html = client.page("/certifications/RNCP36085").await.1;
    assert!(html.contains("Technicien en pharmacie et cosmétique industrielles"));
    assert!(html.contains("Niveau 4") && html.contains("équivalent baccalauréat"));
    assert!(html.contains("href=\"/metiers/H2301\""));
    let blocs = client.page("/certifications/rncp36085").await.1;
    assert!(
        blocs.contains("RNCP36085BC04") && blocs.contains("href=\"/certifications/RNCP12811\"")
    );
    let api: serde_json::Value = client
        .get(app.url("/api/v1/certifications/RNCP36085"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["niveau"], 4);
    assert_eq!(api["metiers"][0], "H2301");
    assert_eq!(client.page("/certifications/RNCP9999999").await.0, 404);
    assert_eq!(
        client.page("/api/v1/certifications/pas-un-code").await.0,
        404
    );
    app.stop().await;
}

#[tokio::test]
async fn certification_pages_show_the_xml_export_bcn_and_onisep() {
    let Some((app, data)) =
        TestApp::national("export XML du RNCP, nomenclatures BCN et liste Idéo").await
    else {
        return;
    };
    let store = &app.state.store;
    campus_import::import_rncp_xml(
        store,
        &data.join("rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml"),
    )
    .await
    .unwrap();
    campus_import::import_bcn(store, &data.join("bcn"))
        .await
        .unwrap();
    campus_import::import_onisep(
        store,
        &data.join("onisep/ideo-formations_initiales_en_france.csv.gz"),
    )
    .await
    .unwrap();
    let client = app.client();
    let new = client.page("/certifications/RNCP40792").await.1;
    assert!(new.contains("Services informatiques aux organisations, Option A"));
    assert!(new.contains("Niveau 5"));
    assert!(new.contains("Active : elle peut être délivrée"));
    assert!(
        new.contains("En contrat d&#39;apprentissage")
            || new.contains("En contrat d'apprentissage")
    );
    assert!(new.contains("Activités visées"));
    // Skills nested under the skill they belong to.
    assert!(new.contains("<li>Gérer le patrimoine informatique<ul><li>Recenser et identifier les ressources numériques</li>"));
    assert!(new.contains("href=\"/metiers/M1801\""));
    assert!(new.contains("href=\"/certifications/RNCP35340\""));
    let old = client.page("/certifications/RNCP35340").await.1;
    assert!(old.contains("Inactive"));
    assert!(old.contains("onisep.fr/http/redirection/formation/slug/FOR.5987"));
    assert!(old.contains("(32032613)"));
    let api: serde_json::Value = client
        .get(app.url("/api/v1/certifications/RNCP40792"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["niveau"], 5);
    assert_eq!(api["actif"], true);
    assert_eq!(api["voies_acces"].as_array().unwrap().len(), 6);
    assert_eq!(api["blocs"].as_array().unwrap().len(), 5);
    assert_eq!(
        api["blocs"][0]["competences"][0]["libelle"],
        "Gérer le patrimoine informatique"
    );
    assert_eq!(api["codes_rome"].as_array().unwrap().len(), 3);
    assert_eq!(api["codes_nsf"][0]["code"], "326");
    assert_eq!(api["anciennes"][0], "RNCP35340");
    app.stop().await;
}

#[tokio::test]
async fn autocomplete_of_job_titles_and_communes() {
    let app = TestApp::with_catalogue().await;
    let client = app.client();
    let get = |q: &str| {
        client
            .get(app.url(&format!("/api/v1/suggestions?{q}")))
            .send()
    };
    let both: serde_json::Value = get("q=conditionnement")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        both["appellations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code_rome"] == "H3301")
    );
    let communes: serde_json::Value = get("q=Orl&type=communes")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(communes["communes"][0]["nom"], "Orléans");
    assert!(communes["appellations"].as_array().unwrap().is_empty());
    let by_postcode: serde_json::Value = get("q=37000&type=communes")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_postcode["communes"][0]["nom"], "Tours");
    assert!(
        by_postcode["communes"][0]["codes_postaux"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("37000"))
    );
    let saint: serde_json::Value = get("q=st%20jean%20de%20bray&type=communes")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(saint["communes"][0]["nom"], "Saint-Jean-de-Braye");
    let short = get("q=a").await.unwrap();
    assert_eq!(short.status(), 400);
    assert_eq!(
        short.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    assert_eq!(get("q=orl&type=villes").await.unwrap().status(), 400);
    app.stop().await;
}

#[tokio::test]
async fn the_campus_sector_is_highlighted_and_configurable() {
    let app = TestApp::start(Data::Catalogue, |c| {
        c.sector.romes = vec!["I1304".to_owned(), "H3301".to_owned(), "N9999".to_owned()]
    })
    .await;
    let html = app
        .client()
        .get(app.url("/metiers-du-campus"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let maintenance = html.find("href=\"/metiers/I1304\"").unwrap();
    let packaging = html.find("href=\"/metiers/H3301\"").unwrap();
    assert!(maintenance < packaging, "dans l'ordre de la configuration");
    assert!(html.contains("certifications y mènent"));
    assert!(!html.contains("N9999"));
    app.stop().await;
}

#[tokio::test]
async fn trainings_near_the_visitor_on_a_trade_page() {
    let Some((app, data)) =
        TestApp::national("offre LHÉO du plaquiste (F1604), hors du secteur").await
    else {
        return;
    };
    campus_import::import_lheo(&app.state.store, &data.join("lheo/samples"))
        .await
        .unwrap();
    let client = app.client();
    let page = |query: &'static str| {
        let client = client.clone();
        async move { client.page(&format!("/metiers/F1604{query}")).await.1 }
    };

    // The plasterer's offer at Veigné (AFPA) is 15 km from Tours.
    let tours = page("?commune=37000&rayon=30").await;
    assert!(tours.contains("Autour de Tours"), "{tours}");
    assert!(tours.contains("href=\"/formations/lheo:07_10\""));
    assert!(tours.contains("Formation continue"));
    // Not within 30 km of Orléans.
    let orleans = page("?commune=Orl%C3%A9ans&rayon=30").await;
    assert!(orleans.contains("Aucune formation menant à ce métier"));
    assert!(!orleans.contains("href=\"/formations/lheo:07_10\""));
    // An unknown commune is said so, and nothing is listed.
    let unknown = page("?commune=Nullepart-sur-Rien").await;
    assert!(unknown.contains("Commune introuvable"));
    // An odd radius falls back to 30 km rather than failing.
    let odd = page("?commune=Tours&rayon=-4").await;
    assert!(odd.contains("href=\"/formations/lheo:07_10\""));
    app.stop().await;
}
