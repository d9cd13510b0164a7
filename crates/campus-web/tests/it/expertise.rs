//! The experts' network: a profile published, a teacher's request, the
//! experts proposed, sending to at most three within the sending limits,
//! answers by signed link, reminders after five working days then the
//! campus team told; bad input refused in French with nothing changed.

use campus_domain::expertise::{ProfilExpert, SaisieProfil};
use campus_domain::{MembreRole, Role};
use campus_store::expertise::ProfilEcrit;
use chrono::Duration;

use crate::testkit::{Client, TestApp};

/// An active expert of Cosmetic Valley, stored directly; returns the
/// profile's id.
pub(crate) async fn expert(app: &TestApp, email: &str, mot_cle: &str) -> i32 {
    let user = app.create_user(email, Role::Partenaire).await;
    let org = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    let profil = ProfilExpert::parse(&SaisieProfil {
        titre: "Ingénieure formulation".into(),
        presentation: String::new(),
        sujets: vec![("mot_cle".into(), mot_cle.into())],
        offres: vec!["intervention_classe".into(), "jury".into()],
        langues: vec!["fr".into()],
        disponibilite: String::new(),
    })
    .unwrap();
    app.state
        .store
        .expertise()
        .enregistrer_profil(
            user.id,
            &ProfilEcrit {
                profil,
                libelles: vec![mot_cle.into()],
                organisation_id: Some(org.id),
                contributions_publiques: true,
            },
        )
        .await
        .unwrap()
}

/// A request of `client` about `mot_cle`; returns its id.
async fn request(client: &Client, app: &TestApp, mot_cle: &str) -> i32 {
    let debut = (app.today() + Duration::days(20)).to_string();
    let r = client
        .post_form(
            "/demandes-expertise",
            &[
                (
                    "sujet",
                    "Les métiers de la parfumerie pour une classe de seconde",
                ),
                ("offre", "intervention_classe"),
                ("public", "lyceens"),
                ("debut", &debut),
                (
                    "message",
                    "Une heure de présentation des métiers, questions des élèves.",
                ),
                ("mots_cles", mot_cle),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    location
        .trim_start_matches("/demandes-expertise/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn send(client: &Client, demande: i32, experts: &[i32]) -> reqwest::Response {
    let ids: Vec<String> = experts.iter().map(|e| e.to_string()).collect();
    let mut fields: Vec<(&str, &str)> = Vec::new();
    for id in &ids {
        fields.push(("experts", id));
    }
    client
        .post_form(&format!("/demandes-expertise/{demande}/envoi"), &fields)
        .await
}

#[tokio::test]
async fn a_teacher_finds_an_expert_for_a_class_talk_and_the_expert_accepts() {
    let app = TestApp::new().await;
    // The expert publishes a profile through the form.
    let (me, user) = app
        .login_with("experte@cosmetic-valley.test", Role::Partenaire)
        .await;
    let org = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    app.state
        .store
        .set_member(org.id, user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    let org_id = org.id.to_string();
    let r = me
        .post_form(
            "/compte/expert",
            &[
                ("titre", "Ingénieure formulation parfums"),
                ("organisation", &org_id),
                ("offres", "intervention_classe"),
                ("mots_cles", "parfumerie, formulation"),
                ("langues", "fr, en"),
                ("contributions_publiques", "oui"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let profile = app
        .state
        .store
        .expertise()
        .expert_de(user.id)
        .await
        .unwrap()
        .unwrap();
    let anonymous = app.client();
    let html = anonymous.page("/experts?q=parfumerie").await.1;
    assert!(html.contains("Ingénieure formulation parfums"));
    assert!(!html.contains("experte@cosmetic-valley.test"));

    let (teacher, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let demande = request(&teacher, &app, "parfumerie").await;
    let html = teacher
        .page(&format!("/demandes-expertise/{demande}"))
        .await
        .1;
    assert!(html.contains("Ingénieure formulation parfums"), "{html}");
    assert!(html.contains("1 sujet en commun"));
    assert!(
        !html.contains("experte@cosmetic-valley.test"),
        "no address before acceptance"
    );
    assert_eq!(send(&teacher, demande, &[profile.id]).await.status(), 303);
    let mail = app
        .wait_for_mail("experte@cosmetic-valley.test", "Demande d'intervention")
        .await;
    let link = app.link_in(&mail.body, "/demandes-expertise/");
    // The signed link works without signing in; a forged one does not.
    let expert_browser = app.client();
    assert_eq!(expert_browser.page(&link).await.0, 200);
    let forged = link.replace("signature=", "signature=x");
    assert_eq!(expert_browser.page(&forged).await.0, 401);
    let signature = crate::testkit::query_param(&link, "signature");
    let expert_id = profile.id.to_string();
    let r = expert_browser
        .post_form(
            &format!("/demandes-expertise/{demande}/reponse"),
            &[
                ("expert", &expert_id),
                ("signature", &signature),
                ("action", "accepter"),
                ("message", "Avec plaisir."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let mail = app
        .wait_for_mail("prof@lycee.test", "accepte votre demande")
        .await;
    assert!(mail.body.contains("experte@cosmetic-valley.test"));
    let html = teacher
        .page(&format!("/demandes-expertise/{demande}"))
        .await
        .1;
    assert!(
        html.contains("experte@cosmetic-valley.test"),
        "the address once accepted"
    );
    // A second answer changes nothing.
    let r = expert_browser
        .post_form(
            &format!("/demandes-expertise/{demande}/reponse"),
            &[
                ("expert", &expert_id),
                ("signature", &signature),
                ("action", "decliner"),
            ],
        )
        .await;
    assert_eq!(r.status(), 409);
    // The contribution is listed, with the expert's consent.
    let html = anonymous.page(&format!("/experts/{}", profile.id)).await.1;
    assert!(html.contains("Les métiers de la parfumerie"));
    // The campus team's figures.
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let html = staff.page("/admin/expertise").await.1;
    assert!(html.contains("Experts actifs"));
    let csv = staff.page("/admin/expertise.csv").await.1;
    assert!(csv.contains("Les métiers de la parfumerie") && csv.contains("Acceptée"));
    app.stop().await;
}

#[tokio::test]
async fn bad_sends_are_refused_in_french_and_change_nothing() {
    let app = TestApp::new().await;
    let (teacher, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let mut experts = Vec::new();
    for i in 0..8 {
        experts.push(expert(&app, &format!("expert{i}@reseau.test"), "parfumerie").await);
    }
    let demande = request(&teacher, &app, "parfumerie").await;
    // A fourth recipient.
    let r = send(&teacher, demande, &experts[..4]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("trois experts au plus"));
    // A paused expert.
    let paused_user = app
        .state
        .store
        .expertise()
        .expert(experts[0])
        .await
        .unwrap()
        .user_id;
    app.state
        .store
        .expertise()
        .changer_etat_profil(paused_user, campus_domain::expertise::EtatProfil::EnPause)
        .await
        .unwrap();
    let r = send(&teacher, demande, &[experts[0], experts[1]]).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("ne reçoit pas de demandes en ce moment")
    );
    let d = app.state.store.expertise().demande(demande).await.unwrap();
    assert!(d.destinataires.is_empty(), "nothing was sent");
    // Within the limit: three, then three more on another request, then
    // the sending limit of the week stops a seventh.
    assert_eq!(send(&teacher, demande, &experts[1..4]).await.status(), 303);
    let second = request(&teacher, &app, "parfumerie").await;
    assert_eq!(send(&teacher, second, &experts[4..7]).await.status(), 303);
    let third = request(&teacher, &app, "parfumerie").await;
    let r = send(&teacher, third, &experts[7..8]).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("limite de 6 experts contactés sur 7 jours")
    );
    // A bad request form: every field at once.
    let r = teacher
        .post_form(
            "/demandes-expertise",
            &[
                ("sujet", "x"),
                ("offre", "autre"),
                ("public", "lyceens"),
                ("debut", "2020-01-01"),
                ("message", "court"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Le sujet de la demande compte de 3 à 200 caractères"));
    assert!(html.contains("La date de début est déjà passée"));
    // Someone else's request.
    let (other, _) = app.login_with("autre@lycee.test", Role::Formateur).await;
    assert_eq!(
        other
            .page(&format!("/demandes-expertise/{demande}"))
            .await
            .0,
        403
    );
    assert_eq!(send(&other, demande, &experts[4..5]).await.status(), 403);
    // A learner neither asks nor publishes a profile.
    let (pupil, _) = app.login_with("eleve@lycee.test", Role::Apprenant).await;
    assert_eq!(pupil.page("/demandes-expertise/nouvelle").await.0, 403);
    assert_eq!(pupil.page("/compte/expert").await.0, 403);
    app.stop().await;
}

#[tokio::test]
async fn silent_experts_are_reminded_after_five_working_days_then_the_campus_team_is_told() {
    let app = TestApp::new().await;
    app.create_user("equipe@campus.test", Role::EquipeCampus)
        .await;
    let (teacher, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let e = expert(&app, "silencieux@reseau.test", "stérilisation").await;
    let demande = request(&teacher, &app, "stérilisation").await;
    assert_eq!(send(&teacher, demande, &[e]).await.status(), 303);
    assert_eq!(
        campus_web::send_expertise_reminders(&app.state, app.now())
            .await
            .unwrap(),
        0
    );
    app.advance(Duration::days(8));
    assert_eq!(
        campus_web::send_expertise_reminders(&app.state, app.now())
            .await
            .unwrap(),
        1
    );
    app.wait_for_mail("silencieux@reseau.test", "Rappel").await;
    assert_eq!(
        campus_web::send_expertise_reminders(&app.state, app.now())
            .await
            .unwrap(),
        0,
        "reminded once"
    );
    app.advance(Duration::days(8));
    assert_eq!(
        campus_web::send_expertise_reminders(&app.state, app.now())
            .await
            .unwrap(),
        1
    );
    app.wait_for_mail("equipe@campus.test", "Demande sans réponse")
        .await;
    app.advance(Duration::days(8));
    assert_eq!(
        campus_web::send_expertise_reminders(&app.state, app.now())
            .await
            .unwrap(),
        0,
        "escalated once"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_api_lists_experts_without_addresses_and_sends_requests() {
    let app = TestApp::new().await;
    let e = expert(&app, "api@reseau.test", "chromatographie").await;
    let anonymous = app.client();
    let list = anonymous.json("/api/v1/experts?q=chromatographie").await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(!list.to_string().contains("api@reseau.test"));
    let (teacher, _) = app.login_with("prof@lycee.test", Role::Formateur).await;
    let token = teacher.csrf().await;
    let r = teacher
        .post(teacher.url("/api/v1/demandes-expertise"))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({
            "sujet": "Jury de BTS métiers de la chimie",
            "offre": "jury",
            "public": "etudiants",
            "debut": (app.today() + Duration::days(30)).to_string(),
            "message": "Jury de soutenance des projets de fin d'année.",
            "mots_cles": "chromatographie",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["propositions"][0]["expert_id"], e);
    let id = body["id"].as_i64().unwrap();
    let r = teacher
        .post(teacher.url(&format!("/api/v1/demandes-expertise/{id}/destinataires")))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({ "experts": [e, e + 1000, e + 2000, e + 3000] }))
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
    let r = teacher
        .post(teacher.url(&format!("/api/v1/demandes-expertise/{id}/destinataires")))
        .header("x-csrf-token", &token)
        .json(&serde_json::json!({ "experts": [e] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["destinataires"][0]["etat"], "envoyee");
    assert!(body["destinataires"][0]["email"].is_null());
    app.stop().await;
}
