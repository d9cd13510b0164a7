//! An on-demand module from request to catalogue session, in a real
//! browser, each page passed to the accessibility check.

use campus_domain::{MembreRole, Role};
use chrono::Duration;
use fantoccini::{Client, Locator};

use crate::browser::{
    axe_source, browser, check, fill, page_with, set_value, sign_in, sign_out, skip, start_driver,
    submit,
};
use crate::testkit::{TestApp, sous_ensemble};

/// Sets a date field to the platform's date `offset` days from today.
async fn set_date(app: &TestApp, client: &Client, id: &str, offset: i64) {
    let value = (app.today() + Duration::days(offset)).to_string();
    set_value(client, id, &value).await;
}

#[tokio::test]
async fn an_on_demand_module_from_request_to_catalogue_session() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    let store = &app.state.store;
    campus_import::import_formacode(store, &sous_ensemble().join("formacode/FCod-utf-8.csv"))
        .await
        .unwrap();
    let servier = store.organisation_by_slug("servier").await.unwrap();
    let company = app.create_user("rh@servier.test", Role::Entreprise).await;
    store
        .set_member(servier.id, company.id, MembreRole::Membre, None)
        .await
        .unwrap();
    let trainer = app.create_user("formatrice@of.test", Role::Formateur).await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    // The company asks, first with a mistake.
    sign_in(&client, &app, "rh@servier.test").await;
    client.goto(&app.url("/modules/demandes")).await.unwrap();
    check(&client, &axe, "mes demandes", &mut failures).await;
    client
        .goto(&app.url("/modules/demandes/nouvelle"))
        .await
        .unwrap();
    check(&client, &axe, "nouvelle demande", &mut failures).await;
    fill(&client, "recherche-sujet", "salle blanche").await;
    client
        .find(Locator::Css("form[role=search].form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "<td>42835</td>").await;
    assert!(html.contains("<td>42835</td>"), "{html}");
    check(&client, &axe, "recherche de thème", &mut failures).await;
    fill(
        &client,
        "champ-intitule",
        "Habillage en zone à atmosphère contrôlée",
    )
    .await;
    fill(
        &client,
        "champ-besoin",
        "Former huit opérateurs de conditionnement.",
    )
    .await;
    fill(&client, "champ-formacodes", "42835").await;
    fill(&client, "champ-stagiaires", "0").await;
    fill(&client, "champ-lieu_adresse", "905 route de Saran").await;
    fill(&client, "champ-lieu_code_postal", "45520").await;
    fill(&client, "champ-lieu_commune", "Gidy").await;
    set_date(&app, &client, "champ-date_debut", 20).await;
    set_date(&app, &client, "champ-date_fin", 60).await;
    submit(&client, "/modules/demandes").await;
    let html = page_with(&client, "error-summary").await;
    assert!(html.contains("au moins 1"), "{html}");
    check(&client, &axe, "demande en erreur", &mut failures).await;
    fill(&client, "champ-stagiaires", "8").await;
    submit(&client, "/modules/demandes").await;
    let html = page_with(&client, "Votre demande est enregistrée").await;
    assert!(html.contains("Demandée, en attente"), "{html}");
    let id = store.modules().module_queue().await.unwrap()[1].id;
    check(&client, &axe, "demande envoyée", &mut failures).await;
    sign_out(&client).await;

    // The campus team routes it to the trainer.
    sign_in(&client, &app, "equipe@campus.test").await;
    client.goto(&app.url("/admin/modules")).await.unwrap();
    check(&client, &axe, "file de l'équipe", &mut failures).await;
    client
        .goto(&app.url(&format!("/modules/demandes/{id}")))
        .await
        .unwrap();
    client
        .find(Locator::Css(&format!(
            "#champ-formateur option[value=\"{}\"]",
            trainer.id
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit(&client, &format!("/modules/demandes/{id}/orienter")).await;
    page_with(&client, "Transmise aux formateurs").await;
    check(&client, &axe, "demande orientée", &mut failures).await;
    sign_out(&client).await;

    // The trainer proposes.
    sign_in(&client, &app, "formatrice@of.test").await;
    client
        .goto(&app.url("/modules/propositions"))
        .await
        .unwrap();
    check(&client, &axe, "demandes adressées", &mut failures).await;
    client
        .goto(&app.url(&format!("/modules/demandes/{id}")))
        .await
        .unwrap();
    check(&client, &axe, "formulaire de proposition", &mut failures).await;
    fill(
        &client,
        "champ-objectifs",
        "Appliquer les règles d'habillage.",
    )
    .await;
    fill(
        &client,
        "champ-contenu",
        "Principes, habillage, mises en situation.",
    )
    .await;
    fill(&client, "champ-duree_heures", "14").await;
    fill(&client, "champ-prix", "4200").await;
    set_date(&app, &client, "champ-date_debut", 30).await;
    set_date(&app, &client, "champ-date_fin", 31).await;
    fill(&client, "champ-organisme_nom", "Université d'Orléans").await;
    fill(&client, "champ-organisme_siret", "19450855200016").await;
    fill(&client, "champ-numero_activite", "24450123456").await;
    submit(&client, &format!("/modules/demandes/{id}/proposition")).await;
    page_with(&client, "Votre proposition est envoyée").await;
    check(&client, &axe, "proposition envoyée", &mut failures).await;
    sign_out(&client).await;

    // The company accepts and lists its trainees.
    sign_in(&client, &app, "rh@servier.test").await;
    client
        .goto(&app.url(&format!("/modules/demandes/{id}")))
        .await
        .unwrap();
    check(&client, &axe, "décision", &mut failures).await;
    client
        .find(Locator::Css("input[name=proposition]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css(
            "input[name=decision][value=accepter] ~ button",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    page_with(&client, "Inscrivez maintenant vos stagiaires").await;
    fill(
        &client,
        "champ-liste",
        "Léa Martin ; lea.martin@exemple.fr\nHugo Petit ; hugo.petit@exemple.fr",
    )
    .await;
    submit(&client, &format!("/modules/demandes/{id}/stagiaires")).await;
    page_with(&client, "La liste des stagiaires est enregistrée").await;
    check(&client, &axe, "stagiaires inscrits", &mut failures).await;
    sign_out(&client).await;

    // The campus team publishes it: a session of the catalogue.
    sign_in(&client, &app, "equipe@campus.test").await;
    client
        .goto(&app.url(&format!("/modules/demandes/{id}")))
        .await
        .unwrap();
    submit(&client, &format!("/modules/demandes/{id}/programmer")).await;
    let html = page_with(&client, "Programmée au catalogue").await;
    assert!(
        html.contains(&format!("/formations/campus:module-{id}")),
        "{html}"
    );
    client
        .find(Locator::Css(&format!(
            "a[href=\"/formations/campus:module-{id}\"]"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "Habillage en zone").await;
    assert!(html.contains("Gidy"), "{html}");
    check(&client, &axe, "session au catalogue", &mut failures).await;
    assert!(
        failures.is_empty(),
        "violations d'accessibilité :\n{}",
        failures.join("\n")
    );
    client.close().await.unwrap();
    app.stop().await;
}
