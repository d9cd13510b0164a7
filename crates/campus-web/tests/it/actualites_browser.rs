//! News and newsletter in a real browser, each page passed to the
//! accessibility check: a partner writes a news item with an image and a
//! linked trade, the campus team publishes it, it shows on the news page,
//! the home page and the Atom feed; a visitor subscribes, confirms from
//! the e-mail, the campus team sends an issue, the subscriber receives it
//! with its `List-Unsubscribe` header and unsubscribes in one click.

use campus_domain::Role;
use fantoccini::{Client, Locator};

use crate::actualites::{PNG, partner};
use crate::browser::{
    axe_source, browser, check, fill, page_with, set_value, sign_in, sign_out, skip, start_driver,
    submit,
};
use crate::testkit::TestApp;

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn a_partners_news_goes_public_and_out_in_the_newsletter() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    partner(&app, "redaction@labo.test").await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    let image = std::env::temp_dir().join(format!("actualite-{}.png", uuid::Uuid::new_v4()));
    std::fs::write(&image, PNG).unwrap();
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // The partner writes.
    sign_in(&client, &app, "redaction@labo.test").await;
    client.goto(&app.url("/actualites/nouvelle")).await.unwrap();
    check(&client, &axe, "formulaire d'actualité", &mut failures).await;
    fill(&client, "champ-titre", "Journée des métiers du flacon").await;
    fill(
        &client,
        "champ-resume",
        "Les apprentis présentent la ligne de flaconnage.",
    )
    .await;
    fill(
        &client,
        "champ-corps",
        "Au programme :\n\n- visite\n- **atelier**",
    )
    .await;
    client
        .find(Locator::Id("champ-image"))
        .await
        .unwrap()
        .send_keys(&image.display().to_string())
        .await
        .unwrap();
    fill(&client, "champ-image_alt", "Des apprentis devant la ligne").await;
    set_value(&client, "champ-metiers", "H3301").await;
    click(
        &client,
        "form[enctype=\"multipart/form-data\"] button[type=submit]",
    )
    .await;
    page_with(&client, "pour relecture").await;
    check(&client, &axe, "actualité soumise", &mut failures).await;
    sign_out(&client).await;

    // The campus team publishes it.
    sign_in(&client, &app, "equipe@campus.test").await;
    client.goto(&app.url("/admin/actualites")).await.unwrap();
    page_with(&client, "Journée des métiers du flacon").await;
    check(&client, &axe, "relecture des actualités", &mut failures).await;
    click(&client, "table a[href^=\"/actualites/\"]").await;
    page_with(&client, "Motif du renvoi").await;
    check(&client, &axe, "actualité à relire", &mut failures).await;
    click(&client, "input[value=publier] ~ button[type=submit]").await;
    page_with(&client, "actualité est publiée.").await;
    check(&client, &axe, "actualité publiée", &mut failures).await;
    sign_out(&client).await;

    // Public: the list, the home page, the feed.
    client.goto(&app.url("/actualites")).await.unwrap();
    page_with(&client, "Journée des métiers du flacon").await;
    check(&client, &axe, "liste des actualités", &mut failures).await;
    client.goto(&app.url("/")).await.unwrap();
    page_with(&client, "Journée des métiers du flacon").await;
    let feed = app.client().page("/actualites/flux.atom").await.1;
    assert!(feed.contains("Journée des métiers du flacon"), "{feed}");
    client.goto(&app.url("/actualites")).await.unwrap();
    click(&client, "a[href^=\"/actualites/journee\"]").await;
    let html = page_with(&client, "Des apprentis devant la ligne").await;
    assert!(html.contains("<strong>atelier</strong>"), "{html}");
    check(&client, &axe, "page d'une actualité", &mut failures).await;

    // A visitor subscribes and confirms from the e-mail.
    client.goto(&app.url("/lettre")).await.unwrap();
    check(&client, &axe, "abonnement", &mut failures).await;
    fill(&client, "champ-email", "pas-une-adresse").await;
    submit(&client, "/lettre").await;
    page_with(&client, "Saisissez une adresse électronique valide").await;
    check(&client, &axe, "abonnement refusé", &mut failures).await;
    fill(&client, "champ-email", "lectrice@exemple.test").await;
    submit(&client, "/lettre").await;
    page_with(&client, "Vérifiez votre messagerie").await;
    check(&client, &axe, "abonnement demandé", &mut failures).await;
    let mail = app
        .wait_for_mail("lectrice@exemple.test", "Confirmez votre abonnement")
        .await;
    client
        .goto(&app.link_in(&mail.body, "/lettre/confirmation/"))
        .await
        .unwrap();
    page_with(&client, "Confirmer mon abonnement").await;
    check(&client, &axe, "confirmation d'abonnement", &mut failures).await;
    click(
        &client,
        "form[action^=\"/lettre/confirmation/\"] button[type=submit]",
    )
    .await;
    page_with(&client, "Abonnement confirmé").await;
    check(&client, &axe, "abonnement confirmé", &mut failures).await;

    // The campus team composes and sends an issue.
    sign_in(&client, &app, "equipe@campus.test").await;
    client.goto(&app.url("/admin/lettre")).await.unwrap();
    check(&client, &axe, "lettre d'information", &mut failures).await;
    fill(&client, "champ-objet", "La lettre du campus – décembre").await;
    fill(
        &client,
        "champ-introduction",
        "Bonjour,\n\nles **nouvelles** du mois.",
    )
    .await;
    click(&client, "input[name=actualites]").await;
    submit(&client, "/admin/lettre").await;
    page_with(&client, "abonné confirmé").await;
    check(&client, &axe, "aperçu de la lettre", &mut failures).await;
    click(&client, "form[action$=\"/envoi\"] button[type=submit]").await;
    page_with(&client, "un message envoyé").await;
    check(&client, &axe, "lettre envoyée", &mut failures).await;
    sign_out(&client).await;

    // The subscriber receives it and unsubscribes in one click.
    let issue = app
        .wait_for_mail("lectrice@exemple.test", "La lettre du campus")
        .await;
    assert!(issue.body.contains("Journée des métiers du flacon"));
    let unsubscribe = issue.list_unsubscribe.clone().expect("List-Unsubscribe");
    assert!(issue.body.contains(&unsubscribe));
    let path = &unsubscribe[unsubscribe.find("/lettre/").unwrap()..];
    client.goto(&app.url(path)).await.unwrap();
    page_with(&client, "Me désabonner").await;
    check(&client, &axe, "désabonnement", &mut failures).await;
    let one_click = reqwest::Client::new()
        .post(app.url(path))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), 200);
    assert_eq!(
        app.state
            .store
            .actualites()
            .abonnes_confirmes()
            .await
            .unwrap(),
        0
    );
    std::fs::remove_file(&image).unwrap();
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    app.stop().await;
}
