//! The events' walk-throughs in a real browser, each page checked by
//! axe-core: a teacher registers a class, a parent consents for a minor, a
//! cancellation seats the next person on the waiting list.

use campus_domain::Role;
use campus_domain::evenement::{Audience, EvenementKind};
use campus_store::evenements::{Evenement, EvenementInput, Safety};
use chrono::Duration;
use fantoccini::{Client, Locator};

use crate::browser::{
    axe_source, browser, fill, page_with, sign_in, skip, start_driver, violations,
};
use crate::testkit::TestApp;

async fn event(app: &TestApp, capacity: i32) -> Evenement {
    let org = app
        .state
        .store
        .organisation_by_slug("universite-de-tours")
        .await
        .unwrap();
    let starts_at = app.now() + Duration::days(14);
    app.state
        .store
        .evenements()
        .create_evenement(
            EvenementInput {
                organisation_id: org.id,
                kind: EvenementKind::AtelierDecouverte,
                titre: "Atelier cosmétique".to_owned(),
                description: "Fabriquer une crème.".to_owned(),
                adresse: "31 avenue Monge".to_owned(),
                code_postal: None,
                commune: "Tours".to_owned(),
                departement: None,
                starts_at,
                ends_at: starts_at + Duration::hours(2),
                capacity,
                audiences: vec![Audience::Collegiens, Audience::Lyceens],
                romes: vec![],
                safety: Safety {
                    notes: "Blouse fournie.".to_owned(),
                    ..Default::default()
                },
            },
            None,
        )
        .await
        .unwrap()
}

/// Sets a field's value directly (date inputs take typed keys in the
/// browser's locale order).
async fn set_value(client: &Client, id: &str, value: &str) {
    client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![id.into(), value.into()],
        )
        .await
        .unwrap();
}

async fn check(client: &Client, id: &str) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn no_violations(client: &Client, axe: &str, what: &str) {
    let found = violations(client, axe).await;
    assert!(found.is_empty(), "{what} : {}", found.join("\n"));
}

async fn register_person(client: &Client, name: &str, email: &str, birth: &str, parent: &str) {
    fill(client, "champ-nom", name).await;
    fill(client, "champ-email", email).await;
    set_value(client, "champ-date_naissance", birth).await;
    if !parent.is_empty() {
        fill(client, "champ-email_parent", parent).await;
    }
    client
        .find(Locator::Css("#champ-public option[value=lyceens]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css("#form-personne button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test]
async fn a_teacher_registers_a_class_in_a_browser() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    let event = event(&app, 30).await;
    app.create_user("prof@college.test", Role::Formateur).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    sign_in(&client, &app, "prof@college.test").await;

    client.goto(&app.url("/evenements")).await.unwrap();
    no_violations(&client, &axe, "agenda").await;
    client
        .goto(&app.url(&format!("/evenements/{}", event.slug)))
        .await
        .unwrap();
    no_violations(&client, &axe, "page de l'événement").await;
    // Too many pupils first: the error is shown, tied to the field.
    fill(&client, "champ-classe", "3e B").await;
    fill(&client, "champ-eleves", "31").await;
    client
        .find(Locator::Css(
            "#champ-classe_public option[value=collegiens]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(&client, "champ-etablissement", "Collège Jean Zay").await;
    check(&client, "champ-attestation").await;
    client
        .find(Locator::Css("#form-classe button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "error-summary").await;
    assert!(html.contains("une classe n'est jamais séparée"), "{html}");
    no_violations(&client, &axe, "classe en erreur").await;

    // The form kept what was typed, the attestation included.
    fill(&client, "champ-eleves", "24").await;
    client
        .find(Locator::Css("#form-classe button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "code-inscription").await;
    assert!(
        html.contains("Confirmée") && html.contains("24 places"),
        "{html}"
    );
    no_violations(&client, &axe, "billet de la classe").await;
    assert_eq!(
        app.state
            .store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (24, 0)
    );
    client.close().await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn a_parent_consents_for_a_minor_in_a_browser() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    let event = event(&app, 30).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    client
        .goto(&app.url(&format!("/evenements/{}", event.slug)))
        .await
        .unwrap();
    let birth = (app.today() - Duration::days(365 * 14)).to_string();
    register_person(&client, "Hugo Petit", "hugo@exemple.test", &birth, "").await;
    let html = page_with(&client, "error-summary").await;
    assert!(html.contains("indiquez l'e-mail d'un parent"), "{html}");
    no_violations(&client, &axe, "mineur sans parent").await;
    set_value(&client, "champ-date_naissance", &birth).await;
    fill(&client, "champ-email_parent", "maman@exemple.test").await;
    client
        .find(Locator::Css("#champ-public option[value=collegiens]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css("#form-personne button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "code-inscription").await;
    assert!(
        html.contains("En attente de l'accord d'un parent"),
        "{html}"
    );

    let mail = app
        .wait_for_mail("maman@exemple.test", "Votre accord")
        .await;
    let link = app.link_in(&mail.body, "/evenements/inscriptions/");
    client.goto(&link).await.unwrap();
    page_with(&client, "Accord parental").await;
    no_violations(&client, &axe, "page de consentement").await;
    fill(&client, "champ-nom_parent", "Sophie Petit").await;
    check(&client, "champ-accord").await;
    client
        .find(Locator::Css(
            "form:not(#form-refus) button[type=submit].button:not(.button-secondary)",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "Accord enregistré").await;
    assert!(html.contains("Sophie Petit"), "{html}");
    let regs = app
        .state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(regs[0].consent_by.as_deref(), Some("Sophie Petit"));
    client.close().await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn a_cancellation_promotes_the_waiting_list_in_a_browser() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    let event = event(&app, 1).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let adult = (app.today() - Duration::days(365 * 30)).to_string();
    let page = app.url(&format!("/evenements/{}", event.slug));
    client.goto(&page).await.unwrap();
    register_person(&client, "Alice Durand", "alice@exemple.test", &adult, "").await;
    page_with(&client, "code-inscription").await;
    let alice_ticket = client.current_url().await.unwrap().to_string();

    client.goto(&page).await.unwrap();
    let html = page_with(&client, "liste d'attente").await;
    assert!(html.contains("L'événement est complet"), "{html}");
    register_person(&client, "Bruno Moreau", "bruno@exemple.test", &adult, "").await;
    let html = page_with(&client, "statut-inscription").await;
    assert!(html.contains("Sur liste d'attente"), "{html}");
    no_violations(&client, &axe, "billet en liste d'attente").await;
    let bruno_ticket = client.current_url().await.unwrap().to_string();

    client.goto(&alice_ticket).await.unwrap();
    client
        .find(Locator::Css(
            "form[action$=\"/annuler\"] button[type=submit]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let html = page_with(&client, "Inscription annulée").await;
    assert!(html.contains("Annulée"), "{html}");

    client.goto(&bruno_ticket).await.unwrap();
    let html = page_with(&client, "code-inscription").await;
    assert!(html.contains("Confirmée"), "{html}");
    app.wait_for_mail("bruno@exemple.test", "Une place s'est libérée")
        .await;
    client.close().await.unwrap();
    app.stop().await;
}
