//! European mobility: partners abroad and mobility offers created by the
//! campus team; a minor apprentice's application through the insertion
//! pipeline with its learning agreement, the school's and the host's
//! approvals and the parent's consent; the Europass Mobility document
//! after return; every bad input refused in French with nothing stored;
//! the reporting figures, the Erasmus+ CSV and the API.

use campus_domain::{CodeCertification, Role};
use chrono::Duration;
use reqwest::multipart::Form;

use crate::testkit::{Client, TestApp};

/// The certification of the learners of these tests (in the embedded
/// subset, with blocs and ROME links).
const CERTIFICATION: &str = "RNCP36085";

/// A partner in Leipzig created through the form; its id.
pub(crate) async fn partner(app: &TestApp, staff: &Client, contact: &str) -> i32 {
    let response = staff
        .post_form(
            "/admin/mobilite/partenaires",
            &[
                ("nom", "Pharmawerk Sachsen"),
                ("type", "entreprise"),
                ("pays", "DE"),
                ("ville", "Leipzig"),
                ("description", "Conditionnement pharmaceutique."),
                ("langues", "de, en"),
                ("metiers", "H3301"),
                ("niveaux", "3, 4"),
                ("contact_nom", "Anna Weber"),
                ("contact_email", contact),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    app.state
        .store
        .mobilite()
        .partenaires(None)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.organisation.nom == "Pharmawerk Sachsen")
        .unwrap()
        .organisation
        .id
}

/// Days from today to the start of the test offers: in the next school
/// year's September, so that the whole mobility falls in one school year.
const DEBUT: i64 = 90;

/// The fields of a valid 3-week placement starting in [`DEBUT`] days.
fn offer_fields(app: &TestApp, partenaire: i32) -> Vec<(String, String)> {
    let debut = app.today() + Duration::days(DEBUT);
    [
        ("partenaire", partenaire.to_string()),
        ("intitule", "Stage de trois semaines à Leipzig".into()),
        ("description", "Conditionnement de médicaments.".into()),
        ("nature", "stage".into()),
        ("date_debut", debut.to_string()),
        ("date_fin", (debut + Duration::days(21)).to_string()),
        ("places", "3".into()),
        ("financement", "erasmus_plus".into()),
        ("age_min", "15".into()),
        ("age_max", "30".into()),
        (
            "date_limite",
            (app.today() + Duration::days(30)).to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn post_offer(staff: &Client, fields: &[(String, String)]) -> reqwest::Response {
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    staff.post_form("/admin/mobilite/offres", &refs).await
}

/// Creates an offer; its id (from the redirect).
pub(crate) async fn offer(staff: &Client, fields: &[(String, String)]) -> i32 {
    let response = post_offer(staff, fields).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    location
        .trim_start_matches("/mobilite/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn with(fields: &[(String, String)], key: &str, value: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields.iter().filter(|(k, _)| k != key).cloned().collect();
    out.push((key.to_owned(), value.to_owned()));
    out
}

/// Sends an application.
async fn apply(client: &Client, offre: i32, fields: &[(&str, &str)]) -> reqwest::Response {
    let token = client.csrf().await;
    let mut form = Form::new();
    for (k, v) in fields {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    client
        .post(client.url(&format!("/mobilite/{offre}/candidater?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

const MINEUR: [(&str, &str); 4] = [
    ("message", "Je voudrais découvrir une usine allemande."),
    ("date_naissance", "2010-03-01"),
    ("email_parent", "parent@exemple.test"),
    ("certification", CERTIFICATION),
];

async fn step(client: &Client, id: i32, etat: &str) -> reqwest::Response {
    let token = client.csrf().await;
    client
        .post(client.url(&format!("/api/v1/candidatures/{id}/etat")))
        .header("x-csrf-token", token)
        .json(&serde_json::json!({ "etat": etat }))
        .send()
        .await
        .unwrap()
}

async fn skills(app: &TestApp) -> Vec<campus_store::mobilite::CompetenceCertification> {
    app.state
        .store
        .mobilite()
        .competences_de_certification(&CodeCertification::parse(CERTIFICATION).unwrap())
        .await
        .unwrap()
}

async fn application_of(app: &TestApp, user: i32) -> i32 {
    app.state
        .store
        .insertion()
        .candidatures_du_candidat(user)
        .await
        .unwrap()
        .first()
        .expect("une candidature")
        .id
}

#[tokio::test]
async fn a_minor_apprentice_goes_abroad_and_gets_a_europass() {
    let app = TestApp::with_catalogue().await;
    let store = &app.state.store;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let partenaire = partner(&app, &staff, "accueil@pharmawerk.test").await;
    let offre = offer(&staff, &offer_fields(&app, partenaire)).await;
    let (page_status, page) = app.page("/mobilite").await;
    assert_eq!(page_status, 200);
    assert!(page.contains("Stage de trois semaines à Leipzig"), "{page}");
    let (_, directory) = app.page("/organisations?pays=DE").await;
    assert!(directory.contains("Pharmawerk Sachsen"), "{directory}");
    assert!(!directory.contains("Cosmetic Valley"), "{directory}");

    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    let sent = apply(&learner, offre, &MINEUR).await;
    assert_eq!(sent.status(), 303, "{}", sent.text().await.unwrap());
    let id = application_of(&app, me.id).await;
    let ext = store.mobilite().candidature(id).await.unwrap();
    assert_eq!(ext.consentement.as_str(), "attendu");
    assert_eq!(ext.certification.unwrap().as_str(), CERTIFICATION);
    let parent_mail = app
        .wait_for_mail("parent@exemple.test", "Votre accord est demandé")
        .await;
    let consent_link = app.link_in(&parent_mail.body, "/mobilite/consentement/");

    // The learning agreement: two skills of the certification.
    let offered = skills(&app).await;
    assert!(offered.len() >= 2, "{offered:?}");
    let (_, page) = learner.page(&format!("/mobilite/candidatures/{id}")).await;
    assert!(
        page.contains(&offered[0].libelle.replace('\'', "&#39;"))
            || page.contains(&offered[0].code),
        "{page}"
    );
    let saved = learner
        .post_form(
            &format!("/mobilite/candidatures/{id}/contrat"),
            &[
                ("competence", &offered[0].code),
                ("competence", &offered[1].code),
            ],
        )
        .await;
    assert_eq!(saved.status(), 303);

    // Not confirmable yet: the pipeline refuses to retain it.
    assert_eq!(step(&staff, id, "lue").await.status(), 200);
    assert_eq!(step(&staff, id, "entretien").await.status(), 200);
    let early = step(&staff, id, "retenue").await;
    assert_eq!(early.status(), 409);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("établissement d'envoi")
    );

    // The school approves; the host gets its signed link.
    let approved = staff
        .post_form(&format!("/mobilite/candidatures/{id}/accord-ecole"), &[])
        .await;
    assert_eq!(approved.status(), 303);
    let host_mail = app
        .wait_for_mail("accueil@pharmawerk.test", "Contrat pédagogique à approuver")
        .await;
    let host_link = app.link_in(&host_mail.body, "/mobilite/accueil/");
    let anonymous = app.client();
    let (status, host_page) = anonymous.page(&host_link.replace(&app.url(""), "")).await;
    assert_eq!(status, 200);
    assert!(host_page.contains(&offered[1].code), "{host_page}");
    // A forged signature is unknown.
    let forged = anonymous
        .get(app.url(&format!("/mobilite/accueil/{id}?signature=faux")))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 404);
    let signature = crate::testkit::query_param(&host_link, "signature");
    let host_ok = anonymous
        .post_form(
            &format!("/mobilite/accueil/{id}"),
            &[
                ("signature", &signature),
                ("reponse", "accepter"),
                ("nom", "Anna Weber"),
                ("accord", "oui"),
            ],
        )
        .await;
    assert_eq!(host_ok.status(), 200);
    let ext = store.mobilite().candidature(id).await.unwrap();
    assert_eq!(ext.accord_hote_nom.as_deref(), Some("Anna Weber"));

    // Still the parent's consent missing.
    let early = step(&staff, id, "retenue").await;
    assert_eq!(early.status(), 409);
    assert!(early.text().await.unwrap().contains("parent"));
    let signature = crate::testkit::query_param(&consent_link, "signature");
    let consented = anonymous
        .post_form(
            &format!("/mobilite/consentement/{id}"),
            &[
                ("signature", &signature),
                ("reponse", "accepter"),
                ("nom", "Claire Martin"),
                ("accord", "oui"),
            ],
        )
        .await;
    assert_eq!(consented.status(), 200);
    app.wait_for_mail("lea@exemple.test", "Accord parental donné")
        .await;
    assert_eq!(step(&staff, id, "retenue").await.status(), 200);

    // Not before return.
    let too_early = staff
        .post_form(
            &format!("/mobilite/candidatures/{id}/acquis"),
            &[("competence", &offered[0].code)],
        )
        .await;
    assert_eq!(too_early.status(), 409);
    app.advance(Duration::days(DEBUT + 30));
    // Sessions do not outlive three months: sign in again.
    staff
        .login("equipe@campus.test", crate::testkit::PASSWORD)
        .await;
    learner
        .login("lea@exemple.test", crate::testkit::PASSWORD)
        .await;
    let recorded = staff
        .post_form(
            &format!("/mobilite/candidatures/{id}/acquis"),
            &[("competence", &offered[0].code), ("mentor", "Anna Weber")],
        )
        .await;
    assert_eq!(recorded.status(), 303);
    let pdf = learner
        .get(learner.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    let bytes = pdf.bytes().await.unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let label: String = offered[0]
        .libelle
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&offered[0].code), "{flat}");
    assert!(flat.contains(&label[..label.len().min(30)]), "{flat}");
    assert!(
        flat.contains("Allemagne") && flat.contains("Anna Weber"),
        "{flat}"
    );
    assert!(!flat.contains(&offered[1].code), "{flat}");

    // Another learner, a company user, anonymous: refused.
    let (other, _) = app.login_with("autre@exemple.test", Role::Apprenant).await;
    let refused = other
        .get(other.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let (company, _) = app.login_with("rh@exemple.test", Role::Entreprise).await;
    let refused = company
        .get(company.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let anonymous_pdf = anonymous
        .get(app.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_ne!(anonymous_pdf.status(), 200);
    // The school's trainer (a member of the learner's organisation) may.
    let org = store.organisation_by_slug("cosmetic-valley").await.unwrap();
    let (trainer, trainer_user) = app.login_with("prof@exemple.test", Role::Formateur).await;
    for uid in [me.id, trainer_user.id] {
        store
            .set_member(org.id, uid, campus_domain::MembreRole::Membre, None)
            .await
            .unwrap();
    }
    let allowed = trainer
        .get(trainer.url(&format!("/mobilite/candidatures/{id}/europass.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 200);

    // Reporting: one learner abroad this school year, and the CSV line.
    let (status, tableau) = staff.page("/admin/mobilite").await;
    assert_eq!(status, 200);
    let learners = store.mobilite().apprenants_connus().await.unwrap();
    let share = format!("{:.1}", 100.0 / learners as f64).replace('.', ",");
    assert!(
        tableau.contains(&format!("{share} % des apprenants")),
        "{share} {tableau}"
    );
    assert!(tableau.contains("objectif européen : 8 %"), "{tableau}");
    let csv = staff
        .get(staff.url("/admin/mobilite.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let line = csv
        .lines()
        .find(|l| l.contains(&format!("P{id:06}")))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        line.contains(";DE;") && line.contains(";21;") && line.contains("Erasmus+"),
        "{line}"
    );

    // API: the learner sees their application, another learner nothing.
    let mine = learner
        .json(&format!("/api/v1/mobilites/{offre}/candidatures"))
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(mine[0]["consentement"], "donne");
    let theirs = other
        .json(&format!("/api/v1/mobilites/{offre}/candidatures"))
        .await;
    assert_eq!(theirs.as_array().unwrap().len(), 0);
    // Export of the learner's data holds the mobility.
    let export = learner.json("/api/v1/moi/donnees").await;
    let text = export.to_string();
    assert!(
        text.contains("2010-03-01") && text.contains("parent@exemple.test"),
        "{text}"
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_offers_are_refused_in_french_and_nothing_is_stored() {
    let app = TestApp::with_catalogue().await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let partenaire = partner(&app, &staff, "accueil@pharmawerk.test").await;
    let fields = offer_fields(&app, partenaire);
    let debut = fields
        .iter()
        .find(|(k, _)| k == "date_debut")
        .unwrap()
        .1
        .clone();
    let before = app
        .state
        .store
        .mobilite()
        .offres(&Default::default())
        .await
        .unwrap()
        .len();
    let cases: Vec<(Vec<(String, String)>, &str)> = vec![
        (with(&fields, "date_fin", &debut), "au moins un jour"),
        (
            with(
                &fields,
                "date_fin",
                &(app.today() + Duration::days(DEBUT - 10)).to_string(),
            ),
            "précède la date de début",
        ),
        (
            with(
                &fields,
                "date_fin",
                &(app.today() + Duration::days(DEBUT + 10)).to_string(),
            ),
            "trop courte",
        ),
        (
            with(
                &fields,
                "date_fin",
                &(app.today() + Duration::days(500)).to_string(),
            ),
            "trop longue",
        ),
        (
            with(
                &with(&fields, "nature", "observation"),
                "date_fin",
                &(app.today() + Duration::days(DEBUT + 70)).to_string(),
            ),
            "2 mois (60 jours) pour les personnels",
        ),
        (
            with(
                &fields,
                "date_limite",
                &(app.today() + Duration::days(DEBUT + 1)).to_string(),
            ),
            "doit précéder le début",
        ),
        (with(&fields, "age_min", "40"), "dépasse l&#39;âge maximum"),
        (
            with(&fields, "partenaire", "999999"),
            "partenaires à l&#39;étranger",
        ),
        (
            with(&fields, "financement", "autre"),
            "Nommez le financement",
        ),
    ];
    for (case, message) in cases {
        let response = post_offer(&staff, &case).await;
        assert_eq!(response.status(), 422);
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "« {message} » absent :\n{page}");
    }
    // Unknown country, and France, for a partner.
    for (pays, message) in [
        ("XX", "Ce pays est inconnu"),
        ("FR", "ne peut pas être en France"),
    ] {
        let response = staff
            .post_form(
                "/admin/mobilite/partenaires",
                &[
                    ("nom", "Ailleurs"),
                    ("type", "entreprise"),
                    ("pays", pays),
                    ("ville", "Nulle part"),
                    ("contact_nom", "X"),
                    ("contact_email", "x@exemple.test"),
                ],
            )
            .await;
        assert_eq!(response.status(), 422);
        assert!(response.text().await.unwrap().contains(message));
    }
    let after = app
        .state
        .store
        .mobilite()
        .offres(&Default::default())
        .await
        .unwrap()
        .len();
    assert_eq!(before, after);
    assert_eq!(
        app.state
            .store
            .mobilite()
            .partenaires(None)
            .await
            .unwrap()
            .len(),
        3
    );
    app.stop().await;
}

/// A refused application: the offer, the fields, the message expected.
type Cas = (i32, Vec<(&'static str, &'static str)>, &'static str);

#[tokio::test]
async fn bad_applications_are_refused_in_french_and_nothing_is_stored() {
    let app = TestApp::with_catalogue().await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let partenaire = partner(&app, &staff, "accueil@pharmawerk.test").await;
    let fields = offer_fields(&app, partenaire);
    let offre = offer(&staff, &fields).await;
    let niveau8 = offer(&staff, &with(&fields, "niveau", "8")).await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    let cases: Vec<Cas> = vec![
        (
            offre,
            vec![
                ("message", "Bonjour"),
                ("date_naissance", "2010-03-01"),
                ("certification", CERTIFICATION),
            ],
            "adresse électronique d&#39;un parent",
        ),
        (
            offre,
            vec![
                ("message", "Bonjour"),
                ("date_naissance", "2012-09-01"),
                ("email_parent", "p@exemple.test"),
                ("certification", CERTIFICATION),
            ],
            "ouverte de 15 à 30 ans",
        ),
        (
            offre,
            vec![
                ("message", "Bonjour"),
                ("date_naissance", "demain"),
                ("certification", CERTIFICATION),
            ],
            "date de naissance est invalide",
        ),
        (
            offre,
            vec![("message", "Bonjour"), ("date_naissance", "2000-01-01")],
            "certification que vous préparez",
        ),
        (
            niveau8,
            vec![
                ("message", "Bonjour"),
                ("date_naissance", "2000-01-01"),
                ("certification", CERTIFICATION),
            ],
            "certification de niveau",
        ),
    ];
    for (o, case, message) in cases {
        let response = apply(&learner, o, &case).await;
        assert_eq!(response.status(), 422, "{message}");
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "« {message} » absent :\n{page}");
    }
    assert!(
        app.state
            .store
            .insertion()
            .candidatures_du_candidat(me.id)
            .await
            .unwrap()
            .is_empty()
    );
    // A company user cannot apply; a trainer cannot apply to a learners' offer.
    let (trainer, _) = app.login_with("prof@exemple.test", Role::Formateur).await;
    assert_eq!(apply(&trainer, offre, &MINEUR).await.status(), 403);

    // After the deadline.
    app.advance(Duration::days(31));
    learner
        .login("lea@exemple.test", crate::testkit::PASSWORD)
        .await;
    let late = apply(&learner, offre, &MINEUR).await;
    assert_eq!(late.status(), 422);
    assert!(late.text().await.unwrap().contains("closes depuis"));
    app.advance(Duration::days(-31));
    learner
        .login("lea@exemple.test", crate::testkit::PASSWORD)
        .await;

    // A learning agreement with a skill outside the certification.
    assert_eq!(apply(&learner, offre, &MINEUR).await.status(), 303);
    let id = application_of(&app, me.id).await;
    let refused = learner
        .post_form(
            &format!("/mobilite/candidatures/{id}/contrat"),
            &[("competence", "999999999")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("n&#39;appartient pas à la certification")
    );
    let empty = learner
        .post_form(&format!("/mobilite/candidatures/{id}/contrat"), &[])
        .await;
    assert_eq!(empty.status(), 422);
    let ext = app.state.store.mobilite().candidature(id).await.unwrap();
    assert!(ext.contrat_le.is_none() && ext.competences.is_empty());
    // The school cannot approve an agreement that does not exist.
    let approve = staff
        .post_form(&format!("/mobilite/candidatures/{id}/accord-ecole"), &[])
        .await;
    assert_eq!(approve.status(), 409);
    app.stop().await;
}

#[tokio::test]
async fn a_parent_who_refuses_blocks_the_confirmation() {
    let app = TestApp::with_catalogue().await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let partenaire = partner(&app, &staff, "accueil@pharmawerk.test").await;
    let offre = offer(&staff, &offer_fields(&app, partenaire)).await;
    let (learner, me) = app.login_with("lea@exemple.test", Role::Apprenant).await;
    assert_eq!(apply(&learner, offre, &MINEUR).await.status(), 303);
    let id = application_of(&app, me.id).await;
    let offered = skills(&app).await;
    learner
        .post_form(
            &format!("/mobilite/candidatures/{id}/contrat"),
            &[("competence", &offered[0].code)],
        )
        .await;
    staff
        .post_form(&format!("/mobilite/candidatures/{id}/accord-ecole"), &[])
        .await;
    let mail = app
        .wait_for_mail("accueil@pharmawerk.test", "Contrat pédagogique")
        .await;
    let host = app.link_in(&mail.body, "/mobilite/accueil/");
    let anonymous = app.client();
    // The host must tick the agreement.
    let unticked = anonymous
        .post_form(
            &format!("/mobilite/accueil/{id}"),
            &[
                (
                    "signature",
                    &crate::testkit::query_param(&host, "signature"),
                ),
                ("reponse", "accepter"),
                ("nom", "Anna Weber"),
            ],
        )
        .await;
    assert_eq!(unticked.status(), 422);
    anonymous
        .post_form(
            &format!("/mobilite/accueil/{id}"),
            &[
                (
                    "signature",
                    &crate::testkit::query_param(&host, "signature"),
                ),
                ("reponse", "accepter"),
                ("nom", "Anna Weber"),
                ("accord", "oui"),
            ],
        )
        .await;
    let mail = app
        .wait_for_mail("parent@exemple.test", "Votre accord")
        .await;
    let link = app.link_in(&mail.body, "/mobilite/consentement/");
    let (status, page) = anonymous.page(&link.replace(&app.url(""), "")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Refuser la mobilité"), "{page}");
    let refused = anonymous
        .post_form(
            &format!("/mobilite/consentement/{id}"),
            &[
                (
                    "signature",
                    &crate::testkit::query_param(&link, "signature"),
                ),
                ("reponse", "refuser"),
                ("nom", "Claire Martin"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 200);
    app.wait_for_mail("lea@exemple.test", "Accord parental refusé")
        .await;
    assert_eq!(step(&staff, id, "lue").await.status(), 200);
    assert_eq!(step(&staff, id, "entretien").await.status(), 200);
    let blocked = step(&staff, id, "retenue").await;
    assert_eq!(blocked.status(), 409);
    let c = app.state.store.insertion().candidature(id).await.unwrap();
    assert_eq!(c.etat.as_str(), "entretien");
    // A second answer through the same link changes nothing.
    anonymous
        .post_form(
            &format!("/mobilite/consentement/{id}"),
            &[
                (
                    "signature",
                    &crate::testkit::query_param(&link, "signature"),
                ),
                ("reponse", "accepter"),
                ("nom", "Claire Martin"),
                ("accord", "oui"),
            ],
        )
        .await;
    let ext = app.state.store.mobilite().candidature(id).await.unwrap();
    assert_eq!(ext.consentement.as_str(), "refuse");

    // Erasure: the birth date, the parent and their name go.
    let token = learner.csrf().await;
    let erased = learner
        .delete(app.url("/api/v1/moi"))
        .header("x-csrf-token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), 204);
    let ext = app.state.store.mobilite().candidature(id).await.unwrap();
    assert_eq!(ext.date_naissance.to_string(), "1900-01-01");
    assert!(ext.email_parent.is_none() && ext.consentement_nom.is_none());
    app.stop().await;
}

#[tokio::test]
async fn the_api_lists_offers_and_partners_abroad() {
    let app = TestApp::new().await;
    let offers = app.client().json("/api/v1/mobilites").await;
    let list = offers.as_array().unwrap();
    assert_eq!(list.len(), 2, "{offers}");
    let de = app.client().json("/api/v1/mobilites?pays=DE").await;
    assert_eq!(de.as_array().unwrap().len(), 1);
    assert_eq!(de[0]["pays"], "DE");
    assert_eq!(de[0]["duree_jours"], 21);
    let staff_only = app
        .client()
        .json("/api/v1/mobilites?public=personnels")
        .await;
    assert_eq!(staff_only[0]["nature"], "observation");
    let id = de[0]["id"].as_i64().unwrap();
    let one = app.client().json(&format!("/api/v1/mobilites/{id}")).await;
    assert_eq!(one["financement"], "erasmus_plus");
    let missing = app
        .client()
        .get(app.url("/api/v1/mobilites/999999"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let partners = app.client().json("/api/v1/partenaires-etrangers").await;
    assert_eq!(partners.as_array().unwrap().len(), 2);
    assert!(partners.to_string().contains("\"langues\":[\"de\",\"en\"]"));
    // The host contact is not published.
    assert!(!partners.to_string().contains("ausbildung@"));
    let orgs = app.client().json("/api/v1/organisations?pays=ES").await;
    assert_eq!(orgs["total"], 1, "{orgs}");
    assert_eq!(orgs["items"][0]["pays"], "ES");
    app.stop().await;
}
