//! The partner directory.

use campus_domain::{MembreRole, Role};

use crate::testkit::TestApp;

#[tokio::test]
async fn demonstration_partners_are_listed_and_filtered() {
    let app = TestApp::new().await;
    let client = app.client();
    let html = client.page("/organisations").await.1;
    for name in [
        "Université d&#39;Orléans",
        "Servier",
        "Cosmetic Valley",
        "Polepharma",
        "Novo Nordisk",
        "Axyntis",
        "GREPIC",
    ] {
        assert!(
            html.contains(name) || html.contains(&name.replace("&#39;", "'")),
            "{name} absent"
        );
    }
    let html = client
        .page("/organisations?type=entreprise&q=servier")
        .await
        .1;
    assert!(html.contains("1 organisation"), "{html}");
    let page = client.page("/organisations/universite-de-tours").await.1;
    assert!(page.contains("0370800U") && page.contains("Indre-et-Loire"));
    assert_eq!(client.page("/organisations/inexistante").await.0, 404);
    app.stop().await;
}

#[tokio::test]
async fn a_responsable_edits_their_organisation_only() {
    let app = TestApp::new().await;
    let (client, partner) = app
        .login_with("rh@cosmetic-valley.test", Role::Partenaire)
        .await;
    let org = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    app.state
        .store
        .set_member(org.id, partner.id, MembreRole::Responsable, None)
        .await
        .unwrap();

    assert_eq!(
        client
            .page("/organisations/cosmetic-valley/modifier")
            .await
            .0,
        200
    );
    assert_eq!(client.page("/organisations/servier/modifier").await.0, 403);

    let fields = [
        ("nom", "Cosmetic Valley"),
        ("kind", "cluster_pole"),
        ("siret", "732 829 320 00074"),
        ("code_postal", "28000"),
        ("commune", "Chartres"),
        ("description", "Pôle de compétitivité."),
    ];
    let response = client
        .post_form("/organisations/cosmetic-valley/modifier", &fields)
        .await;
    assert_eq!(response.status(), 303);
    let saved = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    assert_eq!(saved.siret.unwrap().as_str(), "73282932000074");

    // An invalid SIRET is explained in French and nothing changes.
    let mut bad = fields;
    bad[2] = ("siret", "73282932000075");
    let response = client
        .post_form("/organisations/cosmetic-valley/modifier", &bad)
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"champ-siret-erreur\""));
    let unchanged = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    assert_eq!(unchanged.siret.unwrap().as_str(), "73282932000074");

    // Members: an unknown address is refused with an explanation.
    let response = client
        .post_form(
            "/organisations/cosmetic-valley/membres",
            &[("email", "nouveau@exemple.test"), ("role", "membre")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Aucun compte n&#39;utilise cette adresse")
    );
    let colleague = app
        .create_user("collegue@cosmetic-valley.test", Role::Partenaire)
        .await;
    let response = client
        .post_form(
            "/organisations/cosmetic-valley/membres",
            &[
                ("email", "collegue@cosmetic-valley.test"),
                ("role", "membre"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        app.state
            .store
            .membership_role(org.id, colleague.id)
            .await
            .unwrap(),
        Some(MembreRole::Membre)
    );
    app.stop().await;
}

#[tokio::test]
async fn the_campus_team_creates_organisations_with_unique_codes() {
    let app = TestApp::new().await;
    let (client, _) = app.login_as(Role::EquipeCampus).await;
    let response = client
        .post_form(
            "/admin/organisations",
            &[
                ("nom", "Université d'Orléans"),
                ("kind", "universite"),
                ("uai", "0450855k"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Ce code UAI est déjà celui d&#39;une autre organisation.")
    );
    let response = client
        .post_form(
            "/admin/organisations",
            &[("nom", "Servier"), ("kind", "entreprise")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers().get("location").unwrap(),
        "/organisations/servier-2?ok=modifiee"
    );
    app.stop().await;
}
