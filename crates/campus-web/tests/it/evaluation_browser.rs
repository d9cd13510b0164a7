//! The evaluation in a real browser, each page passed to the
//! accessibility check: the campus team walks the dashboard, a lever with
//! its charts, an indicator broken down, produces the annual report; then
//! anyone reads « Le campus en chiffres ». Without JavaScript the forms
//! are plain GET and POST forms, so the walk uses them as a person does.

use campus_domain::Role;

use crate::browser::{axe_source, browser, check, fill, page_with, sign_in, skip, start_driver};
use crate::testkit::TestApp;

#[tokio::test]
async fn the_campus_team_walks_the_dashboards_and_produces_the_report() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    let annee = *app
        .state
        .store
        .evaluation()
        .annees()
        .await
        .unwrap()
        .iter()
        .max()
        .expect("dated records");
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    sign_in(&client, &app, "equipe@campus.test").await;
    client
        .goto(&app.url(&format!("/admin/evaluation?annee={annee}")))
        .await
        .unwrap();
    page_with(&client, "Évaluation du plan d'action").await;
    check(&client, &axe, "tableau de bord", &mut failures).await;
    for n in [1, 5, 8] {
        client
            .goto(&app.url(&format!("/admin/evaluation/leviers/{n}?annee={annee}")))
            .await
            .unwrap();
        page_with(&client, "Données du graphique").await;
        check(&client, &axe, &format!("levier {n}"), &mut failures).await;
    }
    client
        .goto(&app.url(&format!(
            "/admin/evaluation/indicateurs/L1-PARTICIPANTS?annee={annee}&par=public"
        )))
        .await
        .unwrap();
    page_with(&client, "Ventilation par").await;
    check(&client, &axe, "indicateur ventilé", &mut failures).await;

    client
        .goto(&app.url("/admin/evaluation/rapports"))
        .await
        .unwrap();
    page_with(&client, "Rapports annuels").await;
    check(&client, &axe, "rapports annuels", &mut failures).await;
    // A year without data is refused with its reason next to the field.
    fill(&client, "champ-annee", "2001").await;
    client
        .find(fantoccini::Locator::Css("form.form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    page_with(&client, "aucune donnée pour l'année 2001").await;
    check(&client, &axe, "rapport refusé", &mut failures).await;
    fill(&client, "champ-annee", &annee.to_string()).await;
    client
        .find(fantoccini::Locator::Css("form.form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    page_with(&client, "reproduit à l'identique").await;
    check(&client, &axe, "rapport figé", &mut failures).await;

    client.goto(&app.url("/chiffres")).await.unwrap();
    page_with(&client, "Le campus en chiffres").await;
    check(&client, &axe, "le campus en chiffres", &mut failures).await;
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    client.close().await.unwrap();
    app.stop().await;
}
