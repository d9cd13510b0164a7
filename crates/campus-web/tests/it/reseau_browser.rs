//! The network at work, in a real browser, each page passed to the
//! accessibility check: a teacher finds an expert for a class talk and the
//! expert accepts from the e-mail; a We Lab project goes from the idea to
//! the transfer with a deliverable refused once then accepted; an
//! industrial guest uploads a document to the one project they were
//! invited to and cannot open another; the campus team's dashboards show
//! the figures.

use campus_domain::Role;
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

async fn attach_file(client: &Client, id: &str, path: &std::path::Path) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
}

/// Uploads `file` as the deliverable `livrable` of the project page open
/// in `client`, as a new version of `serie` when given.
async fn deposit(client: &Client, file: &std::path::Path, livrable: &str, serie: Option<i32>) {
    attach_file(client, "champ-fichier", file).await;
    set_value(client, "champ-livrable", livrable).await;
    if let Some(id) = serie {
        set_value(client, "champ-serie_de", &id.to_string()).await;
    }
    click(
        client,
        "form[enctype=\"multipart/form-data\"] button[type=submit]",
    )
    .await;
    page_with(client, "Le document est déposé").await;
}

#[tokio::test]
async fn a_teacher_finds_an_expert_for_a_class_talk_and_the_expert_accepts() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    let expert = crate::expertise::expert(&app, "experte@reseau.test", "parfumerie").await;
    app.create_user("prof@lycee.test", Role::Formateur).await;
    let driver = start_driver().await;
    let client = browser(&driver).await;
    let mut failures = Vec::new();

    client
        .goto(&app.url("/experts?q=parfumerie"))
        .await
        .unwrap();
    page_with(&client, "Ingénieure formulation").await;
    check(&client, &axe, "annuaire des experts", &mut failures).await;
    client
        .goto(&app.url(&format!("/experts/{expert}")))
        .await
        .unwrap();
    let html = page_with(&client, "Ingénieure formulation").await;
    assert!(
        !html.contains("experte@reseau.test"),
        "no address in public"
    );
    check(&client, &axe, "fiche d'expert", &mut failures).await;

    sign_in(&client, &app, "prof@lycee.test").await;
    client
        .goto(&app.url("/demandes-expertise/nouvelle"))
        .await
        .unwrap();
    check(&client, &axe, "nouvelle demande", &mut failures).await;
    fill(
        &client,
        "champ-sujet",
        "Les métiers de la parfumerie en seconde",
    )
    .await;
    let debut = (app.today() + Duration::days(21)).to_string();
    set_value(&client, "champ-debut", &debut).await;
    fill(&client, "champ-mots_cles", "parfumerie").await;
    fill(
        &client,
        "champ-message",
        "Une heure pour présenter votre métier à une classe de seconde.",
    )
    .await;
    submit(&client, "/demandes-expertise").await;
    page_with(&client, "Experts proposés").await;
    let html = page_with(&client, "1 sujet en commun").await;
    assert!(!html.contains("experte@reseau.test"), "{html}");
    check(&client, &axe, "experts proposés", &mut failures).await;
    click(&client, &format!("#expert-{expert}")).await;
    click(&client, "form[action$=\"/envoi\"] button[type=submit]").await;
    page_with(&client, "La demande est envoyée").await;
    check(&client, &axe, "demande envoyée", &mut failures).await;
    sign_out(&client).await;

    // The expert answers from the e-mail, without signing in.
    let mail = app
        .wait_for_mail("experte@reseau.test", "Demande d'intervention")
        .await;
    let link = app.link_in(&mail.body, "/demandes-expertise/");
    client.goto(&link).await.unwrap();
    page_with(&client, "Les métiers de la parfumerie en seconde").await;
    check(&client, &axe, "réponse de l'expert", &mut failures).await;
    fill(&client, "champ-message-reponse", "Avec plaisir, le mardi.").await;
    click(&client, "button[name=action][value=accepter]").await;
    page_with(&client, "vous avez accepté la demande").await;
    let mail = app
        .wait_for_mail("prof@lycee.test", "accepte votre demande")
        .await;
    assert!(mail.body.contains("experte@reseau.test"));

    // The teacher now sees the expert's address.
    sign_in(&client, &app, "prof@lycee.test").await;
    client.goto(&app.url("/demandes-expertise")).await.unwrap();
    check(&client, &axe, "mes demandes", &mut failures).await;
    click(&client, "table a").await;
    page_with(&client, "experte@reseau.test").await;
    check(&client, &axe, "demande acceptée", &mut failures).await;

    assert!(failures.is_empty(), "{failures:#?}");
    client.close().await.unwrap();
    app.stop().await;
}

#[tokio::test]
async fn a_we_lab_project_from_idea_to_transfer_and_a_guest_of_one_project() {
    if skip() {
        return;
    }
    let axe = axe_source();
    let app = TestApp::new().await;
    app.create_user("porteuse@welab.test", Role::Partenaire)
        .await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    // One driver per person: a browser profile serves one session.
    let drivers = [
        start_driver().await,
        start_driver().await,
        start_driver().await,
    ];
    let lead = browser(&drivers[0]).await;
    let staff = browser(&drivers[1]).await;
    let mut failures = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("livrable.pdf");
    std::fs::write(&file, PDF).unwrap();

    // The lead starts a We Lab project.
    sign_in(&lead, &app, "porteuse@welab.test").await;
    lead.goto(&app.url("/projets/nouveau")).await.unwrap();
    check(&lead, &axe, "nouveau projet", &mut failures).await;
    set_value(&lead, "champ-type_projet", "we_lab").await;
    fill(&lead, "champ-titre", "Flacon rechargeable en pharmacie").await;
    fill(
        &lead,
        "champ-resume",
        "Une station de remplissage de soins en officine, et son flacon.",
    )
    .await;
    set_value(&lead, "champ-debut", &app.today().to_string()).await;
    set_value(
        &lead,
        "champ-fin",
        &(app.today() + Duration::days(365)).to_string(),
    )
    .await;
    submit(&lead, "/projets").await;
    page_with(&lead, "Le projet est créé").await;
    check(&lead, &axe, "projet créé", &mut failures).await;
    let projet = app
        .state
        .store
        .projets()
        .liste(&Default::default())
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.titre == "Flacon rechargeable en pharmacie")
        .unwrap();
    let url = app.url(&format!("/projets/{}", projet.slug));

    // Idea: the problem statement, refused once, then accepted.
    deposit(&lead, &file, "enonce_probleme", None).await;
    click(&lead, "form[action$=\"/etape\"] button[type=submit]").await;
    page_with(&lead, "L'étape est soumise").await;
    sign_in(&staff, &app, "equipe@campus.test").await;
    staff.goto(&url).await.unwrap();
    page_with(&staff, "Revue de l'étape").await;
    check(&staff, &axe, "revue d'étape", &mut failures).await;
    click(&staff, "#refus-enonce_probleme").await;
    fill(&staff, "champ-commentaire", "Précisez les clients visés.").await;
    click(&staff, "button[name=action][value=demander_modifications]").await;
    page_with(&staff, "La demande de modifications est envoyée").await;
    lead.goto(&url).await.unwrap();
    let html = page_with(&lead, "Précisez les clients visés.").await;
    assert!(html.contains("à reprendre"), "{html}");
    check(&lead, &axe, "livrable à reprendre", &mut failures).await;
    let first = app
        .state
        .store
        .projets()
        .documents(projet.id)
        .await
        .unwrap()[0]
        .id;
    deposit(&lead, &file, "enonce_probleme", Some(first)).await;
    page_with(&lead, "v2").await;
    for (etape, livrable) in [
        ("idee", None),
        ("exploration", Some("etude_marche")),
        ("prototype", Some("rapport_prototype")),
    ] {
        lead.goto(&url).await.unwrap();
        if let Some(l) = livrable {
            deposit(&lead, &file, l, None).await;
        }
        click(&lead, "form[action$=\"/etape\"] button[type=submit]").await;
        page_with(&lead, "L'étape est soumise").await;
        staff.goto(&url).await.unwrap();
        page_with(&staff, "Revue de l'étape").await;
        click(&staff, "button[name=action][value=valider]").await;
        page_with(&staff, "L'étape est validée").await;
        let p = app.state.store.projets().projet(projet.id).await.unwrap();
        assert_ne!(p.etape.as_str(), etape, "the project moved on");
    }
    lead.goto(&url).await.unwrap();
    let html = page_with(
        &lead,
        "Décision de propriété intellectuelle et de transfert",
    )
    .await;
    assert!(
        html.contains("Transfert ou création d'entreprise"),
        "{html}"
    );
    check(&lead, &axe, "projet à l'étape de transfert", &mut failures).await;

    // An industrial guest, invited to this project only; another project
    // of the same lead stays private.
    let porteuse = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("porteuse@welab.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let champs =
        campus_domain::projet::NouveauProjet::parse(&campus_domain::projet::SaisieProjet {
            type_projet: "we_lab".into(),
            titre: "Projet confidentiel de capsule".into(),
            resume: "Un second projet, privé, de la même porteuse.".into(),
            resultats: String::new(),
            debut: app.today().to_string(),
            fin: (app.today() + Duration::days(200)).to_string(),
        })
        .unwrap();
    let (_, other_slug) = app
        .state
        .store
        .projets()
        .creer(
            &campus_store::projets::ProjetEcrit {
                champs,
                public: false,
                organisations: vec![],
                metiers: vec![],
                certifications: vec![],
                equipements: vec![],
            },
            porteuse.id,
        )
        .await
        .unwrap();
    fill(&lead, "champ-membre_email", "tuteur@industrie.test").await;
    fill(&lead, "champ-membre_nom", "Paul Martin").await;
    click(&lead, "form[action$=\"/membres\"] button[type=submit]").await;
    page_with(&lead, "L'invitation est envoyée").await;
    let mail = app
        .wait_for_mail("tuteur@industrie.test", "Invitation au projet")
        .await;
    let invitation = app.link_in(&mail.body, "/invitation");
    let guest = browser(&drivers[2]).await;
    guest.goto(&invitation).await.unwrap();
    fill(&guest, "champ-display_name", "Paul Martin").await;
    fill(&guest, "champ-password", crate::testkit::PASSWORD).await;
    submit(&guest, "/invitation").await;
    // The invitation form already shows the name: wait for the account
    // page the acceptance leads to, so the session cookie is set.
    page_with(&guest, "Mes informations").await;
    guest.goto(&url).await.unwrap();
    page_with(&guest, "Déposer un document").await;
    check(&guest, &axe, "projet vu par un invité", &mut failures).await;
    attach_file(&guest, "champ-fichier", &file).await;
    fill(&guest, "champ-titre", "Cahier des charges de la station").await;
    click(
        &guest,
        "form[enctype=\"multipart/form-data\"] button[type=submit]",
    )
    .await;
    page_with(&guest, "Cahier des charges de la station").await;
    guest
        .goto(&app.url(&format!("/projets/{other_slug}")))
        .await
        .unwrap();
    let html = page_with(&guest, "</html>").await;
    assert!(
        !html.contains("Projet confidentiel de capsule"),
        "another project stays closed"
    );

    // The campus team's dashboards.
    staff.goto(&app.url("/admin/projets")).await.unwrap();
    let html = page_with(&staff, "Temps moyen passé dans chaque étape validée").await;
    assert!(html.contains("Projet We Lab (pré-incubation)"), "{html}");
    check(&staff, &axe, "tableau des projets", &mut failures).await;
    staff.goto(&app.url("/admin/expertise")).await.unwrap();
    page_with(&staff, "Experts actifs").await;
    check(&staff, &axe, "tableau des experts", &mut failures).await;

    assert!(failures.is_empty(), "{failures:#?}");
    for c in [lead, staff, guest] {
        c.close().await.unwrap();
    }
    app.stop().await;
}
