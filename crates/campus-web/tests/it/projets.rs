//! Projects: a We Lab project from idea to exit with a deliverable refused
//! once; versioned documents checked by their bytes; a guest invited to
//! one project and no other; two reviewers at once; milestones reminded;
//! bad input refused in French with nothing changed; the public showcase
//! in the search; the campus team's dashboard.

use campus_domain::Role;
use campus_domain::projet::{EtapeProjet, EtatEtape, StatutProjet};
use chrono::Duration;
use reqwest::multipart::{Form, Part};

use crate::insertion::PDF;
use crate::testkit::{Client, PASSWORD, TestApp, query_param};

/// Creates a project through the form; returns its slug.
async fn create(
    client: &Client,
    app: &TestApp,
    type_projet: &str,
    titre: &str,
    public: bool,
) -> String {
    let today = app.today();
    let debut = today.to_string();
    let fin = (today + Duration::days(300)).to_string();
    let mut fields = vec![
        ("type_projet", type_projet),
        ("titre", titre),
        (
            "resume",
            "Un flacon rechargeable en pharmacie pour les soins du visage.",
        ),
        ("debut", debut.as_str()),
        ("fin", fin.as_str()),
    ];
    if public {
        fields.push(("public", "oui"));
    }
    let r = client.post_form("/projets", &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    location
        .trim_start_matches("/projets/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

/// Uploads `bytes` as a document of the project.
async fn upload(
    client: &Client,
    slug: &str,
    bytes: &[u8],
    livrable: &str,
    serie_de: Option<i32>,
) -> reqwest::Response {
    let token = client.csrf().await;
    let mut form = Form::new().text("livrable", livrable.to_owned()).part(
        "fichier",
        Part::bytes(bytes.to_vec()).file_name("livrable.pdf"),
    );
    if let Some(id) = serie_de {
        form = form.text("serie_de", id.to_string());
    }
    client
        .post(client.url(&format!("/projets/{slug}/documents?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn decide(client: &Client, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    client
        .post_form(&format!("/projets/{slug}/etape"), fields)
        .await
}

async fn projet(app: &TestApp, slug: &str) -> campus_store::projets::Projet {
    app.state
        .store
        .projets()
        .projet_par_slug(slug)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_we_lab_project_goes_from_idea_to_exit_with_a_deliverable_refused_once() {
    let app = TestApp::new().await;
    let (lead, me) = app.login_with("porteuse@welab.test", Role::Formateur).await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let slug = create(
        &lead,
        &app,
        "we_lab",
        "Flacon rechargeable en pharmacie",
        false,
    )
    .await;
    let p = projet(&app, &slug).await;
    assert_eq!(
        (p.etape, p.etat_etape),
        (EtapeProjet::Idee, EtatEtape::EnCours)
    );
    assert!(p.porteurs().any(|m| m.user_id == me.id));

    // The stage cannot be submitted before its deliverable is deposited.
    let r = decide(&lead, &slug, &[("action", "soumettre"), ("etape", "idee")]).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("déposez d&#39;abord Énoncé du problème")
    );

    let r = upload(&lead, &slug, PDF, "enonce_probleme", None).await;
    assert_eq!(r.status(), 303);
    let first = app.state.store.projets().documents(p.id).await.unwrap()[0].id;
    assert_eq!(
        decide(&lead, &slug, &[("action", "soumettre"), ("etape", "idee")])
            .await
            .status(),
        303
    );
    app.wait_for_mail("equipe@campus.test", "Étape à revoir")
        .await;

    // The lead cannot review their own stage.
    let r = decide(&lead, &slug, &[("action", "valider"), ("etape", "idee")]).await;
    assert_eq!(r.status(), 403);

    // Changes asked: a named deliverable and a comment.
    let r = decide(
        &staff,
        &slug,
        &[
            ("action", "demander_modifications"),
            ("etape", "idee"),
            ("commentaire", "Précisez la cible."),
        ],
    )
    .await;
    assert_eq!(r.status(), 422, "no deliverable named");
    let r = decide(
        &staff,
        &slug,
        &[
            ("action", "demander_modifications"),
            ("etape", "idee"),
            ("refus", "enonce_probleme"),
            (
                "commentaire",
                "Précisez la cible : officines ou parapharmacies ?",
            ),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let mail = app
        .wait_for_mail("porteuse@welab.test", "Modifications demandées")
        .await;
    assert!(mail.body.contains("officines ou parapharmacies"));
    // The same file cannot answer: a new version is needed.
    let r = decide(&lead, &slug, &[("action", "soumettre"), ("etape", "idee")]).await;
    assert_eq!(r.status(), 422);
    let r = upload(&lead, &slug, PDF, "enonce_probleme", Some(first)).await;
    assert_eq!(r.status(), 303);
    let docs = app.state.store.projets().documents(p.id).await.unwrap();
    assert_eq!(docs.len(), 2, "the first version is kept");
    assert_eq!(docs[0].version, 2);
    assert_eq!(docs[0].serie_id, first);

    // Then every stage through to the exit.
    for (etape, livrable) in [
        ("idee", None),
        ("exploration", Some("etude_marche")),
        ("prototype", Some("rapport_prototype")),
        ("transfert", Some("decision_transfert")),
    ] {
        if let Some(l) = livrable {
            assert_eq!(upload(&lead, &slug, PDF, l, None).await.status(), 303);
        }
        assert_eq!(
            decide(&lead, &slug, &[("action", "soumettre"), ("etape", etape)])
                .await
                .status(),
            303
        );
        assert_eq!(
            decide(&staff, &slug, &[("action", "valider"), ("etape", etape)])
                .await
                .status(),
            303
        );
    }
    let p = projet(&app, &slug).await;
    assert_eq!(p.etape, EtapeProjet::Sortie);
    assert_eq!(p.statut, StatutProjet::Termine);
    let facts = app.state.store.projets().historique(p.id).await.unwrap();
    let validated = facts
        .iter()
        .filter(|f| f.fait == campus_store::projets::Fait::EtapeValidee)
        .count();
    assert_eq!(validated, 4);
    let html = lead.page(&format!("/projets/{slug}")).await.1;
    assert!(html.contains("a demandé de reprendre « Énoncé du problème »"));
    assert!(html.contains("Sortie du pré-incubateur"));
    // A finished project takes no more deliverables.
    let r = upload(&lead, &slug, PDF, "decision_transfert", None).await;
    assert_eq!(r.status(), 422);
    app.stop().await;
}

#[tokio::test]
async fn bad_documents_are_refused_by_their_bytes_and_change_nothing() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let slug = create(
        &lead,
        &app,
        "initiation_recherche",
        "Actifs des plantes de Touraine",
        false,
    )
    .await;
    let p = projet(&app, &slug).await;
    // An HTML page named .pdf.
    let r = upload(
        &lead,
        &slug,
        b"<html><script>alert(1)</script></html>",
        "",
        None,
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("le fichier n&#39;est ni un PDF"), "{html}");
    // Over 20 Mo.
    let mut big = PDF.to_vec();
    big.resize(20 * 1024 * 1024 + 1, b' ');
    let r = upload(&lead, &slug, &big, "", None).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("dépasse 20 Mo"));
    // A deliverable of a later stage.
    let r = upload(&lead, &slug, PDF, "rapport_realisation", None).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("pas demandé à l&#39;étape en cours")
    );
    // A version of a document of another project.
    let r = upload(&lead, &slug, PDF, "", Some(999_999)).await;
    assert_eq!(r.status(), 422);
    assert!(
        app.state
            .store
            .projets()
            .documents(p.id)
            .await
            .unwrap()
            .is_empty()
    );
    // Nothing was left in the document store either.
    let r = upload(&lead, &slug, PDF, "note_cadrage", None).await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        app.state
            .store
            .projets()
            .documents(p.id)
            .await
            .unwrap()
            .len(),
        1
    );
    // A bad project form: every field at once, in French.
    let r = lead
        .post_form(
            "/projets",
            &[
                ("type_projet", "autre"),
                ("titre", "x"),
                ("resume", "court"),
                ("debut", "2026-09-01"),
                ("fin", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Choisissez le type de projet")
            && html.contains("La fin ne peut pas précéder le début")
    );
    // A learner does not start projects.
    let (pupil, _) = app.login_with("eleve@lycee.test", Role::Apprenant).await;
    assert_eq!(pupil.page("/projets/nouveau").await.0, 403);
    app.stop().await;
}

#[tokio::test]
async fn a_guest_sees_the_one_project_they_were_invited_to() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let slug = create(
        &lead,
        &app,
        "pedagogique_industriel",
        "Arrêts d'une ligne de conditionnement",
        false,
    )
    .await;
    let other = create(
        &lead,
        &app,
        "ecole_recherche",
        "Conservateurs naturels des émulsions",
        false,
    )
    .await;
    let r = lead
        .post_form(
            &format!("/projets/{slug}/membres"),
            &[
                ("email", "tuteur@industrie.test"),
                ("nom", "Paul Martin"),
                ("role", "tuteur_industriel"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mail = app
        .wait_for_mail("tuteur@industrie.test", "Invitation au projet")
        .await;
    let link = app.link_in(&mail.body, "/invitation");
    let guest = app.client();
    let r = guest
        .post_form(
            "/invitation",
            &[
                ("jeton", &query_param(&link, "jeton")),
                ("display_name", "Paul Martin"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    guest.login("tuteur@industrie.test", PASSWORD).await;
    let (status, html) = guest.page(&format!("/projets/{slug}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Déposer un document"));
    assert_eq!(upload(&guest, &slug, PDF, "", None).await.status(), 303);
    let doc = app
        .state
        .store
        .projets()
        .documents(projet(&app, &slug).await.id)
        .await
        .unwrap()[0]
        .id;
    assert_eq!(
        guest
            .page(&format!("/projets/{slug}/documents/{doc}"))
            .await
            .0,
        200
    );
    // Another project: neither its page, its documents, its API, nor an
    // upload.
    assert_eq!(guest.page(&format!("/projets/{other}")).await.0, 403);
    assert_eq!(
        guest
            .page(&format!("/projets/{other}/documents/{doc}"))
            .await
            .0,
        403
    );
    assert_eq!(upload(&guest, &other, PDF, "", None).await.status(), 403);
    let other_id = projet(&app, &other).await.id;
    assert_eq!(
        guest.page(&format!("/api/v1/projets/{other_id}")).await.0,
        403
    );
    assert_eq!(
        guest
            .page(&format!("/api/v1/projets/{other_id}/documents"))
            .await
            .0,
        403
    );
    let list = guest.json("/api/v1/projets").await;
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["titre"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Arrêts d'une ligne de conditionnement"));
    assert!(!titles.contains(&"Conservateurs naturels des émulsions"));
    // A guest does not manage the project.
    let r = guest
        .post_form(
            &format!("/projets/{slug}/membres"),
            &[("email", "x@y.test"), ("nom", "X"), ("role", "invite")],
        )
        .await;
    assert_eq!(r.status(), 403);
    // Nor can an anonymous visitor read a private project or its files.
    let anonymous = app.client();
    assert_eq!(anonymous.page(&format!("/projets/{slug}")).await.0, 401);
    assert_eq!(
        anonymous
            .page(&format!("/projets/{slug}/documents/{doc}"))
            .await
            .0,
        401
    );
    app.stop().await;
}

#[tokio::test]
async fn two_reviewers_deciding_the_same_stage_one_wins_the_other_is_told() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("porteur@welab.test", Role::Partenaire).await;
    let (a, _) = app
        .login_with("equipe1@campus.test", Role::EquipeCampus)
        .await;
    let (b, _) = app
        .login_with("equipe2@campus.test", Role::EquipeCampus)
        .await;
    let slug = create(
        &lead,
        &app,
        "we_lab",
        "Capteur de fraîcheur des crèmes",
        false,
    )
    .await;
    assert_eq!(
        upload(&lead, &slug, PDF, "enonce_probleme", None)
            .await
            .status(),
        303
    );
    assert_eq!(
        decide(&lead, &slug, &[("action", "soumettre"), ("etape", "idee")])
            .await
            .status(),
        303
    );
    let (ra, rb) = tokio::join!(
        decide(&a, &slug, &[("action", "valider"), ("etape", "idee")]),
        decide(
            &b,
            &slug,
            &[
                ("action", "demander_modifications"),
                ("etape", "idee"),
                ("refus", "enonce_probleme"),
                ("commentaire", "À reprendre.")
            ]
        )
    );
    let mut statuses = [ra.status().as_u16(), rb.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409]);
    let p = projet(&app, &slug).await;
    let facts = app.state.store.projets().historique(p.id).await.unwrap();
    let decisions = facts
        .iter()
        .filter(|f| {
            matches!(
                f.fait,
                campus_store::projets::Fait::EtapeValidee
                    | campus_store::projets::Fait::ModificationsDemandees
            )
        })
        .count();
    assert_eq!(decisions, 1, "one decision recorded, not two");
    app.stop().await;
}

#[tokio::test]
async fn milestones_are_reminded_a_week_before_once() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let slug = create(
        &lead,
        &app,
        "ecole_recherche",
        "Mesure de la viscosité des gels",
        false,
    )
    .await;
    let due = (app.today() + Duration::days(10)).to_string();
    let r = lead
        .post_form(
            &format!("/projets/{slug}/jalons"),
            &[("titre", "Comité de suivi"), ("echeance", &due)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = lead
        .post_form(
            &format!("/projets/{slug}/jalons"),
            &[("titre", "Hier"), ("echeance", "2020-01-01")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("L&#39;échéance est déjà passée")
    );
    assert_eq!(
        campus_web::send_milestone_reminders(&app.state, app.now())
            .await
            .unwrap(),
        0
    );
    app.advance(Duration::days(3));
    assert_eq!(
        campus_web::send_milestone_reminders(&app.state, app.now())
            .await
            .unwrap(),
        1
    );
    app.wait_for_mail("prof@lycee.test", "Jalon proche").await;
    assert_eq!(
        campus_web::send_milestone_reminders(&app.state, app.now())
            .await
            .unwrap(),
        0
    );
    app.stop().await;
}

#[tokio::test]
async fn public_projects_are_in_the_showcase_and_the_search_and_the_dashboard_counts() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    create(
        &lead,
        &app,
        "initiation_recherche",
        "Chromatographie au lycée",
        true,
    )
    .await;
    create(
        &lead,
        &app,
        "initiation_recherche",
        "Projet confidentiel de formulation",
        false,
    )
    .await;
    let anonymous = app.client();
    let html = anonymous.page("/projets").await.1;
    assert!(html.contains("Chromatographie au lycée"));
    assert!(!html.contains("Projet confidentiel"));
    app.catch_up_search().await;
    let found = anonymous
        .json("/api/v1/recherche?q=chromatographie")
        .await
        .to_string();
    assert!(found.contains("Chromatographie au lycée"), "{found}");
    let found = anonymous
        .json("/api/v1/recherche?q=confidentiel")
        .await
        .to_string();
    assert!(!found.contains("Projet confidentiel"));
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let html = staff.page("/admin/projets").await.1;
    assert!(html.contains("Initiation des lycéens à la recherche"));
    let csv = staff.page("/admin/projets.csv").await.1;
    assert!(
        csv.contains("Chromatographie au lycée")
            && csv.contains("Projet confidentiel de formulation")
    );
    assert_eq!(lead.page("/admin/projets").await.0, 403);
    app.stop().await;
}

#[tokio::test]
async fn the_api_creates_a_project_and_decides_its_stages() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let token = lead.csrf().await;
    let today = app.today();
    let r = lead
        .post(lead.url("/api/v1/projets"))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({
            "type_projet": "ecole_recherche",
            "titre": "Émulsions sans conservateur",
            "resume": "Un lycée et un laboratoire étudient la stabilité des émulsions.",
            "debut": today.to_string(),
            "fin": (today + Duration::days(200)).to_string(),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: serde_json::Value = r.json().await.unwrap();
    let id = body["id"].as_i64().unwrap();
    assert_eq!(body["etape"], "cadrage");
    let r = lead
        .post(lead.url(&format!("/api/v1/projets/{id}/etape")))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({ "action": "soumettre", "etape": "cadrage" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Note de cadrage"));
    let stages = lead.json(&format!("/api/v1/projets/{id}/etapes")).await;
    assert_eq!(stages["manquants"][0], "note_cadrage");
    let r = lead
        .post(lead.url("/api/v1/projets"))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({ "type_projet": "we_lab", "titre": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("problem+json")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_school_project_publishes_its_final_presentation_as_an_event_once() {
    let app = TestApp::new().await;
    let (lead, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let slug = create(
        &lead,
        &app,
        "initiation_recherche",
        "Antioxydants des plantes de Touraine",
        false,
    )
    .await;
    let org = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    let p = projet(&app, &slug).await;
    // Without an organisation, no organiser: told, nothing created.
    let day = (app.today() + Duration::days(40)).to_string();
    let (debut, fin) = (format!("{day}T14:00"), format!("{day}T16:00"));
    let fields = [
        ("debut", debut.as_str()),
        ("fin", fin.as_str()),
        ("adresse", "1 rue de Chartres"),
        ("code_postal", "45000"),
        ("commune", "Orléans"),
        ("capacite", "60"),
    ];
    let r = lead
        .post_form(&format!("/projets/{slug}/restitution"), &fields)
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Rattachez d&#39;abord une organisation")
    );
    let org_id = org.id.to_string();
    let today = app.today().to_string();
    let end = (app.today() + Duration::days(200)).to_string();
    let r = lead
        .post_form(
            &format!("/projets/{slug}/modifier"),
            &[
                ("titre", &p.titre),
                ("resume", &p.resume),
                ("debut", &today),
                ("fin", &end),
                ("organisations", &org_id),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    // A bad date: the events' own message, nothing created.
    let r = lead
        .post_form(
            &format!("/projets/{slug}/restitution"),
            &[
                ("debut", "2020-01-01T10:00"),
                ("fin", "2020-01-01T12:00"),
                ("adresse", "1 rue"),
                ("commune", "Orléans"),
                ("capacite", "60"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(projet(&app, &slug).await.evenement_id.is_none());
    let r = lead
        .post_form(&format!("/projets/{slug}/restitution"), &fields)
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let p = projet(&app, &slug).await;
    let event = p.evenement_slug.clone().unwrap();
    let (status, html) = app.client().page(&format!("/evenements/{event}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Restitution : Antioxydants des plantes de Touraine"));
    // Once.
    let r = lead
        .post_form(&format!("/projets/{slug}/restitution"), &fields)
        .await;
    assert_eq!(r.status(), 409);
    app.stop().await;
}
