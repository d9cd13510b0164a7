//! The library in a real browser, each page passed to the accessibility
//! check: a trainer publishes a discovery kit under CC BY linked to the
//! trade H3301, the campus team approves it, a teacher finds it by
//! searching « kit conditionnement », and the event the campus organises
//! lists it.

use campus_domain::Role;
use fantoccini::{Client, Locator};

use crate::browser::{
    axe_source, browser, check, fill, page_with, set_value, sign_in, sign_out, skip, start_driver,
    submit,
};
use crate::ressources::KIT;
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
async fn a_trainer_publishes_a_kit_the_team_approves_it_and_a_teacher_finds_it() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    app.create_user("formatrice@imt.test", Role::Formateur)
        .await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    app.create_user("prof@college.test", Role::Formateur).await;
    let event = crate::evenements::event(&app, 30, None).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // The trainer proposes the kit; a missing licence is refused first.
    sign_in(&client, &app, "formatrice@imt.test").await;
    client.goto(&app.url("/ressources")).await.unwrap();
    check(&client, &axe, "bibliothèque", &mut failures).await;
    client.goto(&app.url("/ressources/nouvelle")).await.unwrap();
    check(&client, &axe, "nouvelle ressource", &mut failures).await;
    fill(&client, "champ-titre", KIT).await;
    fill(
        &client,
        "champ-description",
        "Un atelier d'une heure et demie : vidéo d'une ligne, jeu de rôle du conducteur de ligne, fiche élève.",
    )
    .await;
    set_value(&client, "champ-type_ressource", "kit_decouverte").await;
    click(&client, "#audience-collegiens").await;
    click(&client, "#audience-enseignants").await;
    click(&client, "#niveau-3").await;
    fill(&client, "champ-metiers", "H3301").await;
    submit(&client, "/ressources").await;
    page_with(&client, "Choisissez la licence sous laquelle").await;
    check(&client, &axe, "ressource refusée", &mut failures).await;
    click(&client, "#licence-cc_by").await;
    submit(&client, "/ressources").await;
    page_with(&client, "La ressource est proposée").await;
    check(&client, &axe, "ressource proposée", &mut failures).await;
    let url = client.current_url().await.unwrap();
    let id: i32 = url
        .path()
        .trim_start_matches("/ressources/")
        .parse()
        .unwrap();
    sign_out(&client).await;

    // The campus team approves it from the moderation queue.
    sign_in(&client, &app, "equipe@campus.test").await;
    client.goto(&app.url("/admin/ressources")).await.unwrap();
    page_with(&client, KIT).await;
    check(&client, &axe, "file de modération", &mut failures).await;
    click(&client, &format!("a[href=\"/ressources/{id}\"]")).await;
    page_with(&client, "Relecture par l'équipe du campus").await;
    check(&client, &axe, "ressource à relire", &mut failures).await;
    click(&client, "button[name=action][value=approuver]").await;
    page_with(&client, "La ressource est approuvée et publiée").await;
    app.wait_for_mail("formatrice@imt.test", "Ressource publiée")
        .await;

    // The campus organises the event: it lists the kit.
    client
        .goto(&app.url(&format!("/evenements/{}", event.slug)))
        .await
        .unwrap();
    fill(&client, "champ-ressources", KIT).await;
    submit(&client, &format!("/evenements/{}/ressources", event.slug)).await;
    page_with(&client, &format!("href=\"/ressources/{id}\"")).await;
    check(&client, &axe, "événement et ses ressources", &mut failures).await;
    sign_out(&client).await;

    // A teacher finds it by searching « kit conditionnement ».
    app.catch_up_search().await;
    sign_in(&client, &app, "prof@college.test").await;
    client
        .goto(&app.url("/recherche?q=kit+conditionnement"))
        .await
        .unwrap();
    // The title's words are highlighted in the results: look for its link.
    page_with(&client, &format!("href=\"/ressources/{id}\"")).await;
    check(&client, &axe, "recherche du kit", &mut failures).await;
    client
        .goto(&app.url("/ressources?q=kit+conditionnement"))
        .await
        .unwrap();
    page_with(&client, KIT).await;
    check(&client, &axe, "bibliothèque filtrée", &mut failures).await;
    click(&client, &format!("a[href=\"/ressources/{id}\"]")).await;
    let html = page_with(&client, "CC BY 4.0").await;
    assert!(html.contains("application/ld+json"));
    check(&client, &axe, "page du kit", &mut failures).await;
    client
        .goto(&app.url(&format!("/evenements/{}", event.slug)))
        .await
        .unwrap();
    page_with(&client, KIT).await;

    client.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    app.stop().await;
}
