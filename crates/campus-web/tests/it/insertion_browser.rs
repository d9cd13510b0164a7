//! An apprenticeship offer from its posting to a retained application, in
//! a real browser, each page passed to the accessibility check; then the
//! day-7 reminder on the test clock and an offer of a partner feed in the
//! offers' search.

use campus_domain::{MembreRole, Role};
use campus_store::parcours::NewSavedPlan;
use chrono::Duration;
use fantoccini::{Client, Locator};

use crate::browser::{
    axe_source, browser, check, fill, page_with, set_value, sign_in, sign_out, skip, start_driver,
    submit,
};
use crate::insertion::PDF;
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

/// A feed of the public-sector apprenticeship site with one offer, in
/// Tours.
const FEED: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Flux rss sortant</title>
    <item>
      <title><a href="/offre/apprenti-conducteur-ligne" hreflang="fr">APPRENTISSAGE - Conducteur de ligne de conditionnement</a></title>
      <link>https://www.pass.fonction-publique.gouv.fr/offre/apprenti-conducteur-ligne</link>
      <description><![CDATA[<p>Conduite d'une ligne de conditionnement de la pharmacie centrale.</p>]]></description>
      <author>Centre hospitalier régional universitaire de Tours</author>
      <guid isPermaLink="false">7a1f0c8e-1d55-4a35-9c39-8f3b1d0c2e10</guid>
      <dc:description>37</dc:description>
      <dc:type>Niveau 4 – (Bac)</dc:type>
      <dc:format>Entre 12 et 24 mois</dc:format>
      <dc:identifier>A-2027-000001</dc:identifier>
      <dc:coverage>TOURS</dc:coverage>
    </item>
  </channel>
</rss>
"#;

#[tokio::test]
async fn an_apprenticeship_offer_from_posting_to_a_retained_application() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::with_catalogue().await;
    let store = &app.state.store;
    let servier = store.organisation_by_slug("servier").await.unwrap();
    let company = app.create_user("rh@servier.test", Role::Entreprise).await;
    store
        .set_member(servier.id, company.id, MembreRole::Membre, None)
        .await
        .unwrap();
    // A learner with a saved path: two years on a packaging line.
    let learner = app.create_user("lea@exemple.test", Role::Apprenant).await;
    let demande = serde_json::json!({
        "statut": "apprenti",
        "metier_1": "H3301",
        "annees_1": "2",
        "commune": "Orléans",
        "cible": "H3301",
        "niveau": "4",
    })
    .to_string();
    store
        .parcours()
        .enregistrer(NewSavedPlan {
            learner_id: learner.id,
            author_id: learner.id,
            titre: "Mon parcours",
            cible: "H3301",
            demande: &demande,
        })
        .await
        .unwrap();
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // The company posts an apprenticeship offer, first without its place.
    sign_in(&client, &app, "rh@servier.test").await;
    client.goto(&app.url("/offres/nouvelle")).await.unwrap();
    check(&client, &axe, "nouvelle offre", &mut failures).await;
    fill(
        &client,
        "champ-intitule",
        "Conducteur de ligne en apprentissage",
    )
    .await;
    fill(
        &client,
        "champ-metier",
        "Conducteur / Conductrice de ligne de conditionnement",
    )
    .await;
    fill(
        &client,
        "champ-description",
        "Conduite et réglage d'une ligne de conditionnement de comprimés.",
    )
    .await;
    let start = (app.today() + Duration::days(60)).to_string();
    set_value(&client, "champ-date_debut", &start).await;
    fill(&client, "champ-duree_mois", "24").await;
    submit(&client, "/offres").await;
    let html = page_with(&client, "error-summary").await;
    assert!(
        html.contains("Indiquez la commune du lieu de travail"),
        "{html}"
    );
    check(&client, &axe, "offre en erreur", &mut failures).await;
    fill(&client, "champ-commune", "Gidy").await;
    submit(&client, "/offres").await;
    let html = page_with(&client, "L'offre est publiée").await;
    assert!(
        html.contains("Rémunération minimale de l'apprenti"),
        "{html}"
    );
    check(&client, &axe, "offre publiée", &mut failures).await;
    let offre = store
        .insertion()
        .offres(&Default::default())
        .await
        .unwrap()
        .remove(0);
    assert_eq!(offre.code_rome.as_ref().unwrap().as_str(), "H3301");
    assert!(
        !offre.competences.is_empty(),
        "compétences du cœur de métier"
    );
    sign_out(&client).await;

    // The learner sees it with its fit, and applies with a PDF.
    sign_in(&client, &app, "lea@exemple.test").await;
    client.goto(&app.url("/offres")).await.unwrap();
    let html = page_with(&client, "des compétences").await;
    assert!(
        html.contains("Conducteur de ligne en apprentissage"),
        "{html}"
    );
    check(&client, &axe, "liste des offres", &mut failures).await;
    client
        .goto(&app.url(&format!("/offres/{}", offre.id)))
        .await
        .unwrap();
    let html = page_with(&client, "Adéquation à votre profil").await;
    assert!(html.contains("Vous avez"), "{html}");
    check(&client, &axe, "offre et adéquation", &mut failures).await;
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cv-lea.pdf");
    std::fs::write(&cv, PDF).unwrap();
    fill(
        &client,
        "champ-message",
        "Bonjour, je conduis une ligne depuis deux ans.",
    )
    .await;
    client
        .find(Locator::Id("champ-cv"))
        .await
        .unwrap()
        .send_keys(&cv.display().to_string())
        .await
        .unwrap();
    click(
        &client,
        "form[enctype=\"multipart/form-data\"] button[type=submit]",
    )
    .await;
    let html = page_with(&client, "Votre candidature est envoyée").await;
    assert!(html.contains("Vous avez postulé"), "{html}");
    check(&client, &axe, "candidature envoyée", &mut failures).await;
    app.wait_for_mail("rh@servier.test", "Nouvelle candidature")
        .await;
    sign_out(&client).await;

    // The recruiter reads the ranked list, reads, invites, retains.
    sign_in(&client, &app, "rh@servier.test").await;
    client
        .goto(&app.url(&format!("/offres/{}/candidatures", offre.id)))
        .await
        .unwrap();
    let html = page_with(&client, "des compétences").await;
    assert!(
        html.contains("lea@exemple.test")
            || html.contains("Léa")
            || html.contains("<a href=\"/candidatures/"),
        "{html}"
    );
    check(&client, &axe, "candidatures reçues", &mut failures).await;
    let candidature = store
        .insertion()
        .candidatures_du_candidat(learner.id)
        .await
        .unwrap()
        .remove(0);
    let page = format!("/candidatures/{}", candidature.id);
    client.goto(&app.url(&page)).await.unwrap();
    page_with(&client, "Télécharger le CV").await;
    check(&client, &axe, "candidature", &mut failures).await;
    for (action, shown, mail) in [
        ("lire", "Lue", "a été lue"),
        ("entretien", "Entretien proposé", "Entretien proposé"),
        ("retenir", "Retenue", "Candidature retenue"),
    ] {
        click(
            &client,
            &format!("input[name=action][value={action}] ~ button"),
        )
        .await;
        page_with(&client, &format!("Étape enregistrée : {shown}")).await;
        app.wait_for_mail("lea@exemple.test", mail).await;
    }
    check(&client, &axe, "candidature retenue", &mut failures).await;
    sign_out(&client).await;

    // Another application waits: the day-7 reminder goes to the recruiter.
    let other = app.create_user("max@exemple.test", Role::Apprenant).await;
    let second = crate::insertion::offer(&app, servier.id, 1).await;
    store
        .insertion()
        .postuler(
            &campus_store::insertion::NouvelleCandidature {
                offre_id: second,
                candidat_user_id: other.id,
                message: "Bonjour".into(),
                cv: None,
            },
            |_| vec![],
        )
        .await
        .unwrap();
    app.advance(Duration::days(7));
    let sent = campus_web::send_candidature_reminders(&app.state, app.now())
        .await
        .unwrap();
    assert_eq!(sent, 1);
    app.wait_for_mail("rh@servier.test", "attente de réponse")
        .await;

    // An offer of the partner feed appears in the offers' search.
    let feed = dir.path().join("flux.rss");
    std::fs::write(&feed, FEED).unwrap();
    let tables = app.state.search.suggestions();
    let report = campus_import::import_offres(store, &feed, &tables)
        .await
        .unwrap();
    assert_eq!(report.counts("offres").inserted, 1, "{report}");
    client
        .goto(&app.url("/offres?departement=37"))
        .await
        .unwrap();
    let html = page_with(&client, "Conducteur de ligne de conditionnement").await;
    assert!(html.contains("site partenaire"), "{html}");
    check(&client, &axe, "offres d'un flux partenaire", &mut failures).await;
    // And in the site's search, once this node's index caught up with the
    // import (the catalogue generation moved).
    app.catch_up_search().await;
    client
        .goto(&app.url("/recherche?q=conducteur+ligne+conditionnement&type=offre"))
        .await
        .unwrap();
    let imported = store
        .insertion()
        .offres(&Default::default())
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.source_id.as_deref() == Some("A-2027-000001"))
        .unwrap();
    page_with(&client, &format!("href=\"/offres/{}\"", imported.id)).await;
    check(
        &client,
        &axe,
        "offre d'un flux dans la recherche",
        &mut failures,
    )
    .await;

    assert!(failures.is_empty(), "{failures:#?}");
    client.close().await.unwrap();
    app.stop().await;
}
