//! A minor apprentice's placement in Germany in a real browser, each page
//! passed to the accessibility check: the application with its learning
//! agreement, the school's approval, the host's approval and the parent's
//! consent through their signed links, the confirmation, and after return
//! the Europass Mobility document listing the skills; then the reporting
//! page against the 8 % target.

use campus_domain::{CodeCertification, Role};
use chrono::Duration;
use fantoccini::{Client, Locator};

use crate::browser::{
    axe_source, browser, check, fill, page_with, set_value, sign_in, sign_out, skip, start_driver,
    submit,
};
use crate::testkit::{PASSWORD, TestApp};

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
async fn a_minor_apprentice_goes_to_germany_and_brings_back_a_europass() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    let store = &app.state.store;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    let learner = app.create_user("lea@exemple.test", Role::Apprenant).await;
    // The demonstration's three weeks in Leipzig.
    let offre = store
        .mobilite()
        .offres(&Default::default())
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.pays.as_str() == "DE")
        .unwrap();
    assert_eq!(offre.periode.jours(), 21);
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // The learner finds it and applies, as a minor, with her parent's
    // address and the certification she prepares.
    sign_in(&client, &app, "lea@exemple.test").await;
    client.goto(&app.url("/mobilite?pays=DE")).await.unwrap();
    page_with(&client, "Leipzig").await;
    check(&client, &axe, "mobilité européenne", &mut failures).await;
    client
        .goto(&app.url(&format!("/mobilite/{}", offre.id())))
        .await
        .unwrap();
    page_with(&client, "Candidater").await;
    check(&client, &axe, "offre de mobilité", &mut failures).await;
    fill(
        &client,
        "champ-message",
        "Je voudrais découvrir une usine allemande.",
    )
    .await;
    set_value(&client, "champ-date_naissance", "2010-03-01").await;
    fill(&client, "champ-email_parent", "parent@exemple.test").await;
    set_value(&client, "champ-certification", "RNCP36085").await;
    click(
        &client,
        "form[enctype=\"multipart/form-data\"] button[type=submit]",
    )
    .await;
    page_with(&client, "Votre candidature est envoyée").await;
    check(&client, &axe, "suivi de la mobilité", &mut failures).await;
    let id = store
        .insertion()
        .candidatures_du_candidat(learner.id)
        .await
        .unwrap()
        .remove(0)
        .id;
    let skills = store
        .mobilite()
        .competences_de_certification(&CodeCertification::parse("RNCP36085").unwrap())
        .await
        .unwrap();
    click(&client, "#competence-1").await;
    click(&client, "#competence-2").await;
    submit(&client, &format!("/mobilite/candidatures/{id}/contrat")).await;
    page_with(&client, "Contrat pédagogique enregistré").await;
    sign_out(&client).await;

    // The school approves; the host's contact gets a signed link.
    sign_in(&client, &app, "equipe@campus.test").await;
    client
        .goto(&app.url(&format!("/mobilite/candidatures/{id}")))
        .await
        .unwrap();
    page_with(&client, "Approuver le contrat pédagogique").await;
    check(&client, &axe, "contrat à approuver", &mut failures).await;
    submit(
        &client,
        &format!("/mobilite/candidatures/{id}/accord-ecole"),
    )
    .await;
    page_with(&client, "Contrat pédagogique approuvé").await;
    sign_out(&client).await;
    let mail = app
        .wait_for_mail(
            "ausbildung@pharmawerk.example",
            "Contrat pédagogique à approuver",
        )
        .await;
    client
        .goto(&app.link_in(&mail.body, "/mobilite/accueil/"))
        .await
        .unwrap();
    page_with(&client, "attend votre accord").await;
    check(&client, &axe, "accord de l'accueil", &mut failures).await;
    fill(&client, "champ-nom", "Frau Weber").await;
    click(&client, "#champ-accord").await;
    click(&client, "button[value=accepter]").await;
    page_with(&client, "approuvé par Frau Weber").await;

    // The parent consents through her link.
    let mail = app
        .wait_for_mail("parent@exemple.test", "Votre accord est demandé")
        .await;
    client
        .goto(&app.link_in(&mail.body, "/mobilite/consentement/"))
        .await
        .unwrap();
    page_with(&client, "Refuser la mobilité").await;
    check(&client, &axe, "accord parental", &mut failures).await;
    fill(&client, "champ-nom", "Claire Martin").await;
    click(&client, "#champ-accord").await;
    click(&client, "button[value=accepter]").await;
    page_with(&client, "Accord donné par Claire Martin").await;

    // The campus team confirms the mobility through the pipeline.
    sign_in(&client, &app, "equipe@campus.test").await;
    client
        .goto(&app.url(&format!("/candidatures/{id}")))
        .await
        .unwrap();
    for (action, shown) in [
        ("lire", "Lue"),
        ("entretien", "Entretien proposé"),
        ("retenir", "Retenue"),
    ] {
        click(
            &client,
            &format!("input[name=action][value={action}] ~ button"),
        )
        .await;
        page_with(&client, &format!("Étape enregistrée : {shown}")).await;
    }

    // After return, the school records the skills acquired.
    app.advance(Duration::days(150));
    sign_in(&client, &app, "equipe@campus.test").await;
    client
        .goto(&app.url(&format!("/mobilite/candidatures/{id}")))
        .await
        .unwrap();
    page_with(&client, "Compétences acquises pendant la mobilité").await;
    check(&client, &axe, "acquis après le retour", &mut failures).await;
    fill(&client, "champ-mentor", "Frau Weber").await;
    submit(&client, &format!("/mobilite/candidatures/{id}/acquis")).await;
    page_with(&client, "le document Europass Mobilité est prêt").await;
    check(&client, &axe, "Europass établi", &mut failures).await;

    // The learner downloads it: the skills are listed.
    let http = app.client();
    http.login("lea@exemple.test", PASSWORD).await;
    let pdf = http
        .get(app.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    let doc = lopdf::Document::load_mem(&pdf.bytes().await.unwrap()).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for skill in &skills[..2] {
        assert!(flat.contains(&skill.code), "{} absent : {flat}", skill.code);
    }
    assert!(
        flat.contains("Leipzig") && flat.contains("Allemagne"),
        "{flat}"
    );

    // The reporting page: the share against the 8 % target.
    client.goto(&app.url("/admin/mobilite")).await.unwrap();
    let html = page_with(&client, "objectif européen : 8 %").await;
    assert!(html.contains("1 mobilité confirmée"), "{html}");
    check(&client, &axe, "tableau de la mobilité", &mut failures).await;
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    client.close().await.unwrap();
    app.stop().await;
}
