//! The evaluation of the action plan: the campus team's dashboards per
//! axis, lever and indicator (charts, tables, breakdowns, CSV); the
//! annual report produced, frozen and rendered again byte for byte after
//! the data changed; the bad inputs refused with nothing stored; the
//! public key figures and the API with small counts suppressed.

use campus_domain::Role;
use campus_domain::evaluation::formule::Formule;
use campus_domain::evaluation::indicateur::CodeIndicateur;
use campus_domain::evaluation::registre::INDICATEURS_PAR_DEFAUT;
use sha2::{Digest, Sha256};

use crate::testkit::{Client, TestApp};

/// GET `path` with `client`'s session.
async fn get(client: &Client, path: &str) -> reqwest::Response {
    client
        .get(client.url(path))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path} : {e}"))
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The latest year the demonstration data has records for.
async fn annee_des_donnees(app: &TestApp) -> i32 {
    let annees = app.state.store.evaluation().annees().await.unwrap();
    *annees
        .iter()
        .max()
        .expect("the demonstration data has dated records")
}

#[tokio::test]
async fn dashboards_show_every_lever_with_charts_tables_and_breakdowns() {
    let app = TestApp::new().await;
    let (staff, _) = app.login_as(Role::EquipeCampus).await;
    let annee = annee_des_donnees(&app).await;

    let (status, html) = staff
        .page(&format!("/admin/evaluation?annee={annee}"))
        .await;
    assert_eq!(status, 200, "{html}");
    for d in INDICATEURS_PAR_DEFAUT {
        let nom = d.nom.replace('\'', "&#39;");
        assert!(html.contains(&nom), "{} absent du tableau de bord", d.nom);
    }
    for n in 1..=8 {
        let (status, html) = staff
            .page(&format!("/admin/evaluation/leviers/{n}?annee={annee}"))
            .await;
        assert_eq!(status, 200, "levier {n}: {html}");
        // Each chart is an accessible SVG followed by its data table.
        assert!(html.contains("<svg"), "levier {n}");
        assert!(html.contains("role=\"img\""), "levier {n}");
        assert!(html.contains("Données du graphique"), "levier {n}");
    }
    let (status, html) = staff
        .page(&format!(
            "/admin/evaluation/indicateurs/L1-PARTICIPANTS?annee={annee}&par=public"
        ))
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Ventilation par"), "{html}");

    // A breakdown the indicator does not offer, a year that is not one.
    let (status, _) = staff
        .page("/admin/evaluation/indicateurs/L6-ORGANISATIONS?par=public")
        .await;
    assert_eq!(status, 400);
    let (status, _) = staff.page("/admin/evaluation?annee=deux-mille").await;
    assert_eq!(status, 400);
    let (status, _) = staff.page("/admin/evaluation/indicateurs/L9-INCONNU").await;
    assert_eq!(status, 404);

    // Not signed in: the figures before suppression are the team's.
    let response = get(
        &app.client(),
        &format!(
            "/admin/evaluation/indicateurs/L1-PARTICIPANTS/donnees.csv?annee={annee}&par=public"
        ),
    )
    .await;
    assert_ne!(response.status(), 200);
    assert!(!response.text().await.unwrap().contains("L1-PARTICIPANTS"));
    let csv = get(
        &staff,
        &format!(
            "/admin/evaluation/indicateurs/L1-PARTICIPANTS/donnees.csv?annee={annee}&par=public"
        ),
    )
    .await;
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert!(text.contains("L1-PARTICIPANTS"), "{text}");
    assert!(text.contains(&annee.to_string()), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn the_annual_report_is_frozen_and_reproduced_byte_for_byte() {
    let app = TestApp::new().await;
    let (staff, user) = app.login_as(Role::EquipeCampus).await;
    let annee = annee_des_donnees(&app).await;

    // Bad input: a year without data, a year that is not a number.
    let response = staff
        .post_form("/admin/evaluation/rapports", &[("annee", "2001")])
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("aucune donnée pour l&#39;année 2001")
            || html.contains("aucune donnée pour l'année 2001"),
        "{html}"
    );
    let response = staff
        .post_form("/admin/evaluation/rapports", &[("annee", "deux mille")])
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("n&#39;est pas une année")
    );
    assert!(app.state.store.rapports().list().await.unwrap().is_empty());

    let response = staff
        .post_form(
            "/admin/evaluation/rapports",
            &[("annee", &annee.to_string())],
        )
        .await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let fige = app.state.store.rapports().list().await.unwrap().remove(0);
    assert_eq!(location, format!("/admin/evaluation/rapports/{}", fige.id));
    assert_eq!(fige.annee, annee);
    assert_eq!(fige.auteur_user_id, Some(user.id));

    let pdf = get(&staff, &format!("{location}/rapport.pdf")).await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = pdf.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(sha256(&pdf), fige.sha256_pdf);
    let xlsx = get(&staff, &format!("{location}/classeur.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();
    assert!(xlsx.starts_with(b"PK"));
    assert_eq!(sha256(&xlsx), fige.sha256_xlsx);
    let snapshot: serde_json::Value = staff.json(&format!("{location}/instantane.json")).await;
    assert_eq!(snapshot["annee"], annee);
    assert_eq!(snapshot["axes"].as_array().unwrap().len(), 4);
    let definitions: Vec<String> = snapshot["axes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["leviers"].as_array().unwrap().iter())
        .flat_map(|l| l["indicateurs"].as_array().unwrap().iter())
        .map(|i| i["formule"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(definitions.len(), INDICATEURS_PAR_DEFAUT.len());
    // The sources the figures rest on, each with its SHA-256.
    for s in snapshot["sources"].as_array().unwrap() {
        assert_eq!(s["sha256"].as_str().unwrap().len(), 64, "{s}");
    }

    // The definitions in force change: an indicator is retired. The frozen
    // report still gives the same bytes.
    app.state
        .store
        .indicateurs()
        .retire(&CodeIndicateur::parse("L1-ATELIERS").unwrap())
        .await
        .unwrap();
    let (_, html) = staff.page("/admin/evaluation").await;
    assert!(!html.contains("Ateliers de découverte tenus"));
    let again = get(&staff, &format!("{location}/rapport.pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(again, pdf, "the frozen PDF is reproduced byte for byte");
    let again = get(&staff, &format!("{location}/classeur.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        again, xlsx,
        "the frozen workbook is reproduced byte for byte"
    );
    let (status, html) = staff.page(&location).await;
    assert_eq!(status, 200);
    assert_eq!(
        html.matches("reproduit à l&#39;identique").count()
            + html.matches("reproduit à l'identique").count(),
        2,
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn public_figures_and_the_api_never_show_a_small_count() {
    let app = TestApp::new().await;
    let annee = annee_des_donnees(&app).await;
    let (status, html) = app.page(&format!("/chiffres?annee={annee}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Le campus en chiffres"));

    let client = app.client();
    let liste = client.json("/api/v1/indicateurs").await;
    assert_eq!(
        liste.as_array().unwrap().len(),
        INDICATEURS_PAR_DEFAUT.len()
    );
    let mut masques = 0;
    for d in INDICATEURS_PAR_DEFAUT {
        let formule = Formule::parse(d.formule).unwrap();
        let brut = app
            .state
            .store
            .evaluation()
            .calculer(
                &formule,
                Some(annee),
                None,
                &app.state.config.sector.sector().unwrap(),
            )
            .await
            .unwrap();
        let publie = client
            .json(&format!("/api/v1/indicateurs/{}?annee={annee}", d.code))
            .await;
        assert_eq!(publie["annee"], annee);
        let additive = matches!(
            formule.agregat,
            campus_domain::evaluation::formule::Agregat::Compte
                | campus_domain::evaluation::formule::Agregat::Somme
                | campus_domain::evaluation::formule::Agregat::Distincts
        );
        if let Some(v) = brut.total.valeur
            && additive
            && v > 0.0
            && v < 5.0
        {
            assert!(publie["valeur"].is_null(), "{}: {publie}", d.code);
            assert_eq!(publie["affichage"], "s", "{}", d.code);
            // The public card says it as the API does.
            let carte = format!(
                "<span class=\"chiffre\">s</span> <span class=\"chiffre-nom\">{} ({annee})",
                d.nom.replace('\'', "&#39;")
            );
            assert!(html.contains(&carte), "{}: {html}", d.code);
            masques += 1;
            assert!(
                !html.contains(&format!("{} ({annee})", d.nom))
                    || !html.contains(&format!(">{}<", v)),
                "{}",
                d.code
            );
        }
    }
    assert!(masques > 0, "the demonstration year holds a small count");
    let response = get(&client, "/api/v1/indicateurs/L6-ORGANISATIONS?par=public").await;
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let response = get(&client, "/api/v1/indicateurs/L9-INCONNU").await;
    assert_eq!(response.status(), 404);
    let ventile = client
        .json(&format!(
            "/api/v1/indicateurs/L1-PARTICIPANTS?annee={annee}&par=public"
        ))
        .await;
    assert!(ventile["ventilation"]["lignes"].is_array(), "{ventile}");
    app.stop().await;
}
