//! A fresh clone's first start: the embedded subset of the referentials
//! loaded into the empty database, aligned, indexed; the home page leads
//! to what people come for.

use fantoccini::Locator;
use serde_json::{Value, json};

use crate::browser::{axe_source, browser, fill, page_with, skip, start_driver, violations};
use crate::testkit::TestApp;

#[tokio::test]
async fn a_first_start_shows_a_living_catalogue() {
    let app = TestApp::with_config(|c| c.demo.sous_ensemble = true).await;
    let client = app.client();
    let get = |path: &str| {
        let (client, url) = (client.clone(), app.url(path));
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };

    // Search finds the packaging trades and trainings.
    let found: Value =
        serde_json::from_str(&get("/api/v1/recherche?q=conditionnement").await).unwrap();
    assert!(found["total"].as_u64().unwrap() >= 5, "{found}");

    // The campus's trades are there.
    let sector = get("/metiers-du-campus").await;
    for code in ["H3301", "I1304", "H2301", "H1503"] {
        assert!(
            sector.contains(&format!("href=\"/metiers/{code}\"")),
            "{code}"
        );
    }

    // The home page: first what people come for, then the action plan.
    let home = get("/").await;
    let position = |needle: &str| {
        home.find(needle)
            .unwrap_or_else(|| panic!("{needle} absent de l'accueil"))
    };
    let nav = [
        "href=\"/recherche\"",
        "href=\"/parcours\"",
        "href=\"/evenements\"",
        "href=\"/equipements\"",
    ];
    for pair in nav.windows(2) {
        assert!(position(pair[0]) < position(pair[1]), "{pair:?}");
    }
    assert!(home.contains("name=\"commune\"") && home.contains("id=\"accueil-q\""));
    assert!(position("id=\"titre-chercher\"") < position("id=\"titre-prochains\""));
    assert!(position("id=\"titre-prochains\"") < position("id=\"titre-axes\""));
    assert!(home.contains("href=\"/metiers/H3301\""));
    assert!(home.contains("href=\"/evenements/"), "prochains événements");

    // A training path from packaging to maintenance near Tours.
    let (_, answer) = app
        .ask_parcours(json!({
            "experiences": [{"metier": "H3301", "annees": 5}],
            "niveau": 3,
            "commune": "Tours",
            "cible": "I1304",
            "distance_max_km": 80,
        }))
        .await;
    let best = &answer["plans"][0];
    assert_eq!(best["raison"], "meilleur", "{answer}");
    // Two years either way: the BTS maintenance des systèmes of the lycées
    // around Tours (Parcoursup), or the bac pro MSPC entered in première at
    // a lycée of Tours (Affelnet).
    let text = best.to_string();
    assert!(
        text.contains("RNCP36968") || text.contains("RNCP35698"),
        "BTS maintenance des systèmes ou bac pro MSPC : {best}"
    );
    // Each says it leads to the trade.
    let units = best["unites"].as_array().unwrap();
    assert!(units.iter().any(|u| u["mene_au_metier"] == true), "{best}");
    // Said as a worker's, the same request is not sent back to school:
    // no lycée or university programme in any plan.
    let (_, answer) = app
        .ask_parcours(json!({
            "statut": "salarie",
            "experiences": [{"metier": "H3301", "annees": 5}],
            "niveau": 3,
            "commune": "Tours",
            "cible": "I1304",
        }))
        .await;
    let plans = answer["plans"].as_array().unwrap();
    assert!(!plans.is_empty(), "{answer}");
    for plan in plans {
        for unit in plan["unites"].as_array().unwrap() {
            assert_ne!(unit["modalite"], "initiale", "{unit}");
        }
    }
    // An unknown situation is a field error.
    let (status, problem) = app
        .ask_parcours(json!({"statut": "retraite", "cible": "I1304"}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "statut", "{problem}");
    app.stop().await;
}

#[tokio::test]
async fn the_home_page_in_a_browser() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    client.goto(&app.url("/")).await.unwrap();
    let headings = client
        .execute(
            "return Array.from(document.querySelectorAll('main h1, main h2')).map(h => h.tagName);",
            vec![],
        )
        .await
        .unwrap();
    let headings: Vec<String> = serde_json::from_value(headings).unwrap();
    assert_eq!(headings.first().map(String::as_str), Some("H1"));
    assert_eq!(headings.iter().filter(|h| *h == "H1").count(), 1);
    let mut failures = violations(&client, &axe).await;

    // Search a trade near a commune, without JavaScript's help.
    fill(&client, "accueil-q", "conditionnement").await;
    fill(&client, "accueil-commune", "Tours").await;
    // The header holds a search form too: this is the home page's own.
    client
        .find(Locator::Css(".home-search button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let results = page_with(&client, "résultat").await;
    assert!(results.contains("Tours"), "{results}");
    let url = client.current_url().await.unwrap();
    assert_eq!(url.path(), "/recherche");
    assert!(url.query().unwrap_or_default().contains("commune=Tours"));
    failures.extend(violations(&client, &axe).await);

    // The navigation leads to the training-path form.
    client.goto(&app.url("/")).await.unwrap();
    client
        .find(Locator::Css("nav.main-nav a[href=\"/parcours\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let form = page_with(&client, "action=\"/parcours\"").await;
    assert_eq!(client.current_url().await.unwrap().path(), "/parcours");
    assert!(form.contains("aria-current=\"page\""));
    failures.extend(violations(&client, &axe).await);

    assert!(failures.is_empty(), "{}", failures.join("\n"));
    client.close().await.unwrap();
    app.stop().await;
}
