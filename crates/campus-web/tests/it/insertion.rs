//! Insertion: offers posted and checked, applications with a CV through
//! the pipeline, every step e-mailed; bad input refused in French with
//! nothing changed; concurrent steps and the last positions; reminders on
//! a test clock; retention, export and erasure.

use campus_domain::insertion::{LieuOffre, NouvelleOffre, SaisieOffre};
use campus_domain::{CodeRome, GeoPoint, MembreRole, Role};
use campus_store::insertion::{FiltreOffres, NouvelleCandidature, OffreSaisie};
use chrono::Duration;
use reqwest::multipart::{Form, Part};

use crate::testkit::{Client, PASSWORD, TestApp};

/// The smallest valid PDF.
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// An offer of `organisation` stored directly (no catalogue needed), with
/// `postes` positions, starting in a month.
pub(crate) async fn offer(app: &TestApp, organisation: i32, postes: u32) -> i32 {
    offer_of_type(app, organisation, postes, "apprentissage").await
}

/// An offer of `organisation` of kind `type_offre`.
async fn offer_of_type(app: &TestApp, organisation: i32, postes: u32, type_offre: &str) -> i32 {
    let today = app.today();
    let saisie = SaisieOffre {
        type_offre: type_offre.into(),
        date_debut: (today + Duration::days(30)).to_string(),
        duree_mois: "24".into(),
        postes: postes.to_string(),
        niveau: "5".into(),
        expire_le: String::new(),
    };
    let input = OffreSaisie {
        organisation_id: organisation,
        auteur_user_id: None,
        offre: NouvelleOffre::parse(&saisie, today).unwrap(),
        intitule: "Technicien de laboratoire en apprentissage".into(),
        description: "Contrôle qualité des matières premières.".into(),
        code_rome: CodeRome::parse("H1210").unwrap(),
        certification: None,
        lieu: LieuOffre {
            commune_insee: "45234".into(),
            commune_nom: "Orléans".into(),
            departement: Some("45".into()),
            position: GeoPoint::new(47.9025, 1.9090).unwrap(),
        },
        competences: vec![(100001, "Réaliser des analyses".into())],
        horaires: None,
        remuneration: None,
        formation_id: None,
        contact_nom: None,
        contact_email: Some("rh@recruteur.test".into()),
    };
    app.state
        .store
        .insertion()
        .creer_offre(&input)
        .await
        .unwrap()
        .id
}

/// An offer of `organisation` and `learner`'s application to it.
pub(crate) async fn offer_with_application(
    app: &TestApp,
    organisation: i32,
    learner: i32,
) -> (i32, i32) {
    let offre = offer(app, organisation, 1).await;
    let id = app
        .state
        .store
        .insertion()
        .postuler(
            &NouvelleCandidature {
                offre_id: offre,
                candidat_user_id: learner,
                message: "Je suis motivée.".into(),
                cv: None,
            },
            |_| vec![],
        )
        .await
        .unwrap();
    (offre, id)
}

/// A company user of Servier, signed in.
async fn recruiter(app: &TestApp, email: &str) -> (Client, i32) {
    let servier = app
        .state
        .store
        .organisation_by_slug("servier")
        .await
        .unwrap();
    let (client, user) = app.login_with(email, Role::Entreprise).await;
    app.state
        .store
        .set_member(servier.id, user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    (client, servier.id)
}

/// Sends an application with `bytes` as its CV.
async fn apply(
    client: &Client,
    offre: i32,
    message: &str,
    cv: Option<(&str, &[u8])>,
) -> reqwest::Response {
    let token = client.csrf().await;
    let mut form = Form::new().text("message", message.to_owned());
    if let Some((name, bytes)) = cv {
        form = form.part("cv", Part::bytes(bytes.to_vec()).file_name(name.to_owned()));
    }
    client
        .post(client.url(&format!("/offres/{offre}/candidater?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn step(client: &Client, id: i32, action: &str, version: Option<i32>) -> reqwest::Response {
    let token = client.csrf().await;
    let mut body = serde_json::json!({ "etat": action });
    if let Some(v) = version {
        body["version"] = v.into();
    }
    if action == "non_retenue" {
        body["motif"] = "autre_candidat".into();
    }
    client
        .post(client.url(&format!("/api/v1/candidatures/{id}/etat")))
        .header("x-csrf-token", token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_application_goes_through_the_pipeline_with_its_cv_and_mails() {
    let app = TestApp::new().await;
    let (company, servier) = recruiter(&app, "rh@servier.test").await;
    let offre = offer(&app, servier, 1).await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;

    let sent = apply(
        &learner,
        offre,
        "Bonjour, je prépare un BTS.",
        Some(("cv.pdf", PDF)),
    )
    .await;
    assert_eq!(sent.status(), 303);
    app.wait_for_mail("rh@servier.test", "Nouvelle candidature")
        .await;
    app.wait_for_mail("lea@exemple.test", "Candidature envoyée")
        .await;
    let mine = app
        .state
        .store
        .insertion()
        .candidatures_du_candidat(me.id)
        .await
        .unwrap();
    let c = &mine[0];
    let cv = c.cv.as_ref().unwrap();
    assert_eq!(cv.nature, "pdf");
    // The file lives outside the database, in the document store.
    let key = campus_documents::DocumentKey::parse(&cv.cle).unwrap();
    assert_eq!(app.state.documents.get(&key).await.unwrap(), PDF);

    // The recruiter downloads it; another learner may not.
    let download = company
        .get(company.url(&format!("/candidatures/{}/cv", c.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
    let (other, _) = app.login_with("autre@exemple.test", Role::Apprenant).await;
    let (status, _) = other.page(&format!("/candidatures/{}/cv", c.id)).await;
    assert_eq!(status, 403);

    // A skipped step is refused and changes nothing.
    let skip = step(&company, c.id, "retenue", None).await;
    assert_eq!(skip.status(), 409);
    let problem: serde_json::Value = skip.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("sans sauter d'étape"),
        "{problem}"
    );

    for (etat, subject) in [
        ("lue", "a été lue"),
        ("entretien", "Entretien proposé"),
        ("retenue", "Candidature retenue"),
    ] {
        let r = step(&company, c.id, etat, None).await;
        assert_eq!(r.status(), 200, "{etat}");
        app.wait_for_mail("lea@exemple.test", subject).await;
    }
    // One position, retained: the offer is filled and leaves the lists.
    let open = app
        .state
        .store
        .insertion()
        .offres(&FiltreOffres {
            ouvertes: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(open.iter().all(|o| o.id != offre));
    let trail = app.state.store.insertion().etapes(c.id).await.unwrap();
    assert_eq!(trail.len(), 4);
    // The company's answer rate counts it.
    let taux = app
        .state
        .store
        .insertion()
        .taux_de_reponse(Some(servier))
        .await
        .unwrap();
    assert_eq!((taux.candidatures, taux.repondues), (1, 1));
    app.stop().await;
}

#[tokio::test]
async fn bad_applications_are_refused_in_french_and_change_nothing() {
    let app = TestApp::new().await;
    let (_, servier) = recruiter(&app, "rh@servier.test").await;
    let offre = offer(&app, servier, 1).await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;

    // Not a PDF, whatever its name says.
    let r = apply(
        &learner,
        offre,
        "Bonjour",
        Some(("cv.pdf", b"#!/bin/sh\necho pirate\n")),
    )
    .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("ni un PDF ni une image"), "{page}");
    // Too large.
    let big = [PDF, &vec![b' '; 5 * 1024 * 1024][..]].concat();
    let r = apply(&learner, offre, "Bonjour", Some(("cv.pdf", &big))).await;
    assert!(r.status() == 422 || r.status() == 413, "{}", r.status());
    // Without a message.
    let r = apply(&learner, offre, "  ", None).await;
    assert_eq!(r.status(), 422);
    let insertion = app.state.store.insertion();
    assert!(
        insertion
            .candidatures_du_candidat(me.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Twice to the same offer.
    assert_eq!(apply(&learner, offre, "Bonjour", None).await.status(), 303);
    let r = apply(&learner, offre, "Encore", None).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("déjà postulé"));
    assert_eq!(
        insertion
            .candidatures_du_candidat(me.id)
            .await
            .unwrap()
            .len(),
        1
    );

    // To an expired offer: the default expiry is two months.
    let later = offer(&app, servier, 1).await;
    app.advance(Duration::days(62));
    learner.login("lea@exemple.test", PASSWORD).await;
    let r = apply(&learner, later, "Bonjour", None).await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("ne reçoit plus de candidatures")
    );
    assert_eq!(
        insertion
            .candidatures_du_candidat(me.id)
            .await
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn another_company_cannot_move_an_application() {
    let app = TestApp::new().await;
    let (_, servier) = recruiter(&app, "rh@servier.test").await;
    let learner = app.create_user("lea@exemple.test", Role::Apprenant).await;
    let (_, c) = offer_with_application(&app, servier, learner.id).await;
    let loreal = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    let (outsider, user) = app.login_with("rh@ailleurs.test", Role::Entreprise).await;
    app.state
        .store
        .set_member(loreal.id, user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    assert_eq!(step(&outsider, c, "lue", None).await.status(), 403);
    let (status, _) = outsider.page(&format!("/candidatures/{c}")).await;
    assert_eq!(status, 403);
    let after = app.state.store.insertion().candidature(c).await.unwrap();
    assert_eq!(after.etat.as_str(), "envoyee");
    app.stop().await;
}

#[tokio::test]
async fn two_recruiters_at_once_one_wins_the_other_is_told() {
    let app = TestApp::new().await;
    let (first, servier) = recruiter(&app, "rh1@servier.test").await;
    let (second, _) = recruiter(&app, "rh2@servier.test").await;
    let learner = app.create_user("lea@exemple.test", Role::Apprenant).await;
    let (_, c) = offer_with_application(&app, servier, learner.id).await;
    let version = app
        .state
        .store
        .insertion()
        .candidature(c)
        .await
        .unwrap()
        .version;
    let (a, b) = tokio::join!(
        step(&first, c, "lue", Some(version)),
        step(&second, c, "lue", Some(version))
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
    let trail = app.state.store.insertion().etapes(c).await.unwrap();
    assert_eq!(trail.len(), 2, "one step recorded, not two");
    // A change based on a version seen before is refused as stale.
    let r = step(&first, c, "entretien", Some(version)).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("entre-temps"));
    app.stop().await;
}

#[tokio::test]
async fn two_acceptances_on_the_last_two_positions_close_the_offer_once() {
    let app = TestApp::new().await;
    let (company, servier) = recruiter(&app, "rh@servier.test").await;
    let offre = offer(&app, servier, 2).await;
    let store = app.state.store.insertion();
    let mut ids = Vec::new();
    for n in 0..3 {
        let learner = app
            .create_user(&format!("l{n}@exemple.test"), Role::Apprenant)
            .await;
        let id = store
            .postuler(
                &NouvelleCandidature {
                    offre_id: offre,
                    candidat_user_id: learner.id,
                    message: "Bonjour".into(),
                    cv: None,
                },
                |_| vec![],
            )
            .await
            .unwrap();
        for etat in ["lue", "entretien"] {
            assert_eq!(step(&company, id, etat, None).await.status(), 200);
        }
        ids.push(id);
    }
    let (a, b, c) = tokio::join!(
        step(&company, ids[0], "retenue", None),
        step(&company, ids[1], "retenue", None),
        step(&company, ids[2], "retenue", None)
    );
    let mut statuses = [
        a.status().as_u16(),
        b.status().as_u16(),
        c.status().as_u16(),
    ];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 409]);
    let o = store.offre(offre).await.unwrap();
    assert_eq!((o.postes_pourvus, o.etat.as_str()), (2, "pourvue"));
    app.stop().await;
}

#[tokio::test]
async fn reminders_come_at_day_7_and_15_and_the_candidate_may_remind_once() {
    let app = TestApp::new().await;
    let (_, servier) = recruiter(&app, "rh@servier.test").await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    let (_, c) = offer_with_application(&app, servier, me.id).await;
    let send = |app: &TestApp| {
        let state = app.state.clone();
        let now = app.now();
        async move {
            campus_web::send_candidature_reminders(&state, now)
                .await
                .unwrap()
        }
    };
    app.advance(Duration::days(6));
    assert_eq!(send(&app).await, 0);
    app.advance(Duration::days(1));
    assert_eq!(send(&app).await, 1);
    app.wait_for_mail("rh@servier.test", "attente de réponse")
        .await;
    // Once only, whatever the number of runs.
    assert_eq!(send(&app).await, 0);
    // The candidate may remind from day 10, once (signed in again: a
    // session lasts hours, not days).
    learner.login("lea@exemple.test", PASSWORD).await;
    let token = learner.csrf().await;
    let r = learner
        .post_form(&format!("/candidatures/{c}/relance"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status(), 409);
    app.advance(Duration::days(3));
    learner.login("lea@exemple.test", PASSWORD).await;
    let token = learner.csrf().await;
    let r = learner
        .post_form(&format!("/candidatures/{c}/relance"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status(), 303);
    app.wait_for_mail("rh@servier.test", "Relance d'un candidat")
        .await;
    let r = learner
        .post_form(&format!("/candidatures/{c}/relance"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status(), 409);
    app.advance(Duration::days(5));
    assert_eq!(send(&app).await, 1);
    app.wait_for_mail("rh@servier.test", "Deuxième rappel")
        .await;
    app.advance(Duration::days(30));
    assert_eq!(send(&app).await, 0);
    app.stop().await;
}

#[tokio::test]
async fn cvs_and_applications_follow_the_retention_rules_export_and_erasure() {
    let app = TestApp::new().await;
    let (_, servier) = recruiter(&app, "rh@servier.test").await;
    let offre = offer(&app, servier, 3).await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    assert_eq!(
        apply(&learner, offre, "Bonjour", Some(("cv.pdf", PDF)))
            .await
            .status(),
        303
    );
    let store = app.state.store.insertion();
    let c = store
        .candidatures_du_candidat(me.id)
        .await
        .unwrap()
        .remove(0);
    let key = campus_documents::DocumentKey::parse(&c.cv.as_ref().unwrap().cle).unwrap();

    // The export holds the application.
    let export = learner.json("/api/v1/moi/donnees").await;
    assert_eq!(
        export["candidatures"].as_array().unwrap().len(),
        1,
        "{export}"
    );

    // A year without activity: the CV goes, file and row.
    app.advance(Duration::days(366));
    campus_web::apply_retention(&app.state).await.unwrap();
    let after = store.candidature(c.id).await.unwrap();
    assert!(after.cv.is_none());
    assert!(!app.state.documents.exists(&key).await.unwrap());
    assert_eq!(after.candidat_user_id, Some(me.id));
    // Two years: the application is pseudonymised, its dates stay.
    app.advance(Duration::days(366));
    campus_web::apply_retention(&app.state).await.unwrap();
    let after = store.candidature(c.id).await.unwrap();
    assert!(after.pseudonymisee && after.candidat_user_id.is_none() && after.message.is_empty());

    // Erasure pseudonymises at once, and deletes the CV.
    let offre = offer(&app, servier, 1).await;
    let (other, them) = app.login_with("max@exemple.test", Role::Apprenant).await;
    assert_eq!(
        apply(&other, offre, "Bonjour", Some(("cv.pdf", PDF)))
            .await
            .status(),
        303
    );
    let theirs = store
        .candidatures_du_candidat(them.id)
        .await
        .unwrap()
        .remove(0);
    let key = campus_documents::DocumentKey::parse(&theirs.cv.as_ref().unwrap().cle).unwrap();
    let token = other.csrf().await;
    let erased = other
        .delete(other.url("/api/v1/moi"))
        .header("x-csrf-token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 204);
    let gone = store.candidature(theirs.id).await.unwrap();
    assert!(gone.pseudonymisee && gone.candidat_user_id.is_none());
    assert!(!app.state.documents.exists(&key).await.unwrap());
    app.stop().await;
}

#[tokio::test]
async fn a_pupil_stays_unnamed_to_the_company_until_the_school_agrees() {
    let app = TestApp::new().await;
    let (company, servier) = recruiter(&app, "rh@servier.test").await;
    let offre = offer_of_type(&app, servier, 4, "stage_observation").await;
    let (pupil, me) = app
        .login_with("collegien@exemple.test", Role::Apprenant)
        .await;
    app.state
        .store
        .update_profile(
            me.id,
            "Zoé Martin".into(),
            Some(campus_domain::StatutApprenant::Collegien),
            "fr".into(),
        )
        .await
        .unwrap();
    assert_eq!(
        apply(&pupil, offre, "Je suis en 3e.", Some(("cv.pdf", PDF)))
            .await
            .status(),
        303
    );
    let mail = app
        .wait_for_mail("rh@servier.test", "Nouvelle candidature")
        .await;
    assert!(!mail.body.contains("Zoé"), "{}", mail.body);
    let c = app
        .state
        .store
        .insertion()
        .candidatures_du_candidat(me.id)
        .await
        .unwrap()
        .remove(0);
    let (status, page) = company.page(&format!("/candidatures/{}", c.id)).await;
    assert_eq!(status, 200);
    assert!(
        !page.contains("Zoé") && !page.contains("collegien@exemple.test"),
        "{page}"
    );
    assert!(page.contains("son établissement aura donné son accord"));
    let (status, list) = company.page(&format!("/offres/{offre}/candidatures")).await;
    assert_eq!(status, 200);
    assert!(!list.contains("Zoé"));
    assert_eq!(
        company.page(&format!("/candidatures/{}/cv", c.id)).await.0,
        403
    );
    // The company cannot record the agreement itself.
    let token = company.csrf().await;
    let r = company
        .post_form(
            &format!("/candidatures/{}/accord-etablissement", c.id),
            &[("_csrf", &token)],
        )
        .await;
    assert_eq!(r.status(), 403);

    // The campus team records the school's agreement: the company sees.
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let token = staff.csrf().await;
    let r = staff
        .post_form(
            &format!("/candidatures/{}/accord-etablissement", c.id),
            &[("_csrf", &token)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let (_, page) = company.page(&format!("/candidatures/{}", c.id)).await;
    assert!(page.contains("Zoé Martin"), "{page}");
    assert_eq!(
        company.page(&format!("/candidatures/{}/cv", c.id)).await.0,
        200
    );
    app.stop().await;
}

#[tokio::test]
async fn open_offers_are_in_the_search_and_leave_it_when_closed_or_expired() {
    let app = TestApp::new().await;
    let (company, servier) = recruiter(&app, "rh@servier.test").await;
    let search = |app: &TestApp| {
        let client = app.client();
        async move {
            client
                .json("/api/v1/recherche?q=technicien+laboratoire&type=offre")
                .await
        }
    };
    let first = offer(&app, servier, 1).await;
    let second = offer(&app, servier, 1).await;
    for id in [first, second] {
        app.state
            .search
            .offre_changed(&app.state.store, id)
            .await
            .unwrap();
    }
    let found = search(&app).await;
    let urls: Vec<&str> = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["url"].as_str())
        .collect();
    assert!(
        urls.contains(&format!("/offres/{first}").as_str()),
        "{found}"
    );
    assert!(
        urls.contains(&format!("/offres/{second}").as_str()),
        "{found}"
    );

    // Closed by its company: out of the search at once.
    let token = company.csrf().await;
    let r = company
        .post_form(&format!("/offres/{first}/fermer"), &[("_csrf", &token)])
        .await;
    assert_eq!(r.status(), 303);
    let found = search(&app).await;
    assert!(
        !found.to_string().contains(&format!("/offres/{first}\"")),
        "{found}"
    );
    assert!(
        found.to_string().contains(&format!("/offres/{second}\"")),
        "{found}"
    );

    // Expired: the worker's pass takes it out.
    app.advance(Duration::days(62));
    let removed = app
        .state
        .search
        .offres_expirees(&app.state.store)
        .await
        .unwrap();
    // The second offer, and the demonstration's that expired with it.
    assert!(removed >= 1);
    let found = search(&app).await;
    assert!(
        !found.to_string().contains(&format!("/offres/{second}\"")),
        "{found}"
    );
    assert_eq!(
        app.state
            .search
            .offres_expirees(&app.state.store)
            .await
            .unwrap(),
        0,
        "once out, nothing left to remove"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_teacher_follows_a_learner_s_applications_with_consent_only() {
    use campus_store::parcours::SupportAnswer;
    let app = TestApp::new().await;
    let (company, servier) = recruiter(&app, "rh@servier.test").await;
    let (teacher, prof) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let learner = app.create_user("lea@exemple.test", Role::Apprenant).await;
    let (_, c) = offer_with_application(&app, servier, learner.id).await;
    let page = format!("/candidatures/{c}");
    assert_eq!(teacher.page(&page).await.0, 403);

    let parcours = app.state.store.parcours();
    parcours
        .demander_accompagnement(learner.id, prof.id)
        .await
        .unwrap();
    let support = parcours
        .list_supports_made(prof.id)
        .await
        .unwrap()
        .remove(0);
    parcours
        .repondre_accompagnement(support.id, learner.id, SupportAnswer::Accept)
        .await
        .unwrap();
    let (status, html) = teacher
        .page(&format!("/compte/apprenants/{}", learner.id))
        .await;
    assert_eq!(status, 200);
    assert!(html.contains(&page), "{html}");
    assert_eq!(teacher.page(&page).await.0, 200);
    // Following is reading: the steps stay the company's.
    assert_eq!(step(&teacher, c, "lue", None).await.status(), 403);
    assert_eq!(step(&company, c, "lue", None).await.status(), 200);

    parcours
        .repondre_accompagnement(support.id, learner.id, SupportAnswer::Withdraw)
        .await
        .unwrap();
    assert_eq!(teacher.page(&page).await.0, 403);
    app.stop().await;
}
