//! On-demand modules: a company's request through routing, proposals,
//! decision and trainees to a session of the catalogue, exported in LHÉO;
//! bad input refused with French messages; illegal and concurrent steps.

use std::process::Command;

use campus_domain::{MembreRole, Role};
use chrono::Duration;

use crate::testkit::{Client, TestApp, sous_ensemble};

/// The parties of a request, signed in.
pub(crate) struct Parties {
    pub(crate) company: Client,
    pub(crate) trainer: Client,
    pub(crate) trainer_id: i32,
    pub(crate) other_trainer: Client,
    pub(crate) other_trainer_id: i32,
    pub(crate) staff: Client,
}

/// A form's fields, as posted.
type Fields = Vec<(&'static str, String)>;

/// The platform's date `offset` days from today.
fn day(app: &TestApp, offset: i64) -> String {
    (app.today() + Duration::days(offset)).to_string()
}

pub(crate) async fn parties(app: &TestApp) -> Parties {
    let formacodes = sous_ensemble().join("formacode/FCod-utf-8.csv");
    campus_import::import_formacode(&app.state.store, &formacodes)
        .await
        .unwrap();
    let servier = servier(app).await;
    let (company, company_user) = app.login_with("rh@servier.test", Role::Entreprise).await;
    app.state
        .store
        .set_member(servier.id, company_user.id, MembreRole::Membre, None)
        .await
        .unwrap();
    let (trainer, trainer_user) = app.login_with("formatrice@of.test", Role::Formateur).await;
    let (other_trainer, other) = app
        .login_with("formateur@autre.test", Role::Formateur)
        .await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    Parties {
        company,
        trainer,
        trainer_id: trainer_user.id,
        other_trainer,
        other_trainer_id: other.id,
        staff,
    }
}

fn request_fields(app: &TestApp, organisation: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organisation", organisation.to_owned()),
        (
            "intitule",
            "Conditionnement aseptique en salle propre".to_owned(),
        ),
        (
            "besoin",
            "Former nos opérateurs aux règles de la zone à atmosphère contrôlée.".to_owned(),
        ),
        ("formacodes", "42835".to_owned()),
        ("competences", String::new()),
        ("stagiaires", "6".to_owned()),
        ("lieu", "delocalise".to_owned()),
        ("lieu_adresse", "905 route de Saran".to_owned()),
        ("lieu_code_postal", "45520".to_owned()),
        ("lieu_commune", "Gidy".to_owned()),
        ("date_debut", day(app, 30)),
        ("date_fin", day(app, 90)),
        ("budget", "5 000".to_owned()),
    ]
}

fn proposal_fields(app: &TestApp, price: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            "objectifs",
            "Appliquer les règles d'habillage et de flux.".to_owned(),
        ),
        (
            "contenu",
            "Jour 1 : principes des zones à atmosphère contrôlée. Jour 2 : mises en situation."
                .to_owned(),
        ),
        ("duree_heures", "14".to_owned()),
        ("prix", price.to_owned()),
        ("date_debut", day(app, 40)),
        ("date_fin", day(app, 41)),
        ("lieu_nom", "Site de Gidy".to_owned()),
        ("lieu_adresse", "905 route de Saran".to_owned()),
        ("lieu_code_postal", "45520".to_owned()),
        ("lieu_commune", "Gidy".to_owned()),
        ("organisme_nom", "Université d'Orléans".to_owned()),
        ("organisme_siret", "19450855200016".to_owned()),
        ("numero_activite", "24450123456".to_owned()),
    ]
}

pub(crate) async fn post(
    client: &Client,
    path: &str,
    fields: &[(&'static str, String)],
) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post_form(path, &borrowed).await
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Creates a request as the company and routes it to both trainers, who
/// each propose; returns the request's id.
pub(crate) async fn proposed(app: &TestApp, p: &Parties) -> i32 {
    let servier = servier(app).await;
    let created = post(
        &p.company,
        "/modules/demandes",
        &request_fields(app, &servier.id.to_string()),
    )
    .await;
    assert_eq!(created.status(), 303);
    let id: i32 = location(&created)
        .trim_start_matches("/modules/demandes/")
        .trim_end_matches("?ok=demande")
        .parse()
        .unwrap();
    for trainer in [p.trainer_id, p.other_trainer_id] {
        let routed = post(
            &p.staff,
            &format!("/modules/demandes/{id}/orienter"),
            &[("formateur", trainer.to_string())],
        )
        .await;
        assert_eq!(routed.status(), 303);
    }
    for (client, price) in [(&p.trainer, "4200"), (&p.other_trainer, "3900")] {
        let sent = post(
            client,
            &format!("/modules/demandes/{id}/proposition"),
            &proposal_fields(app, price),
        )
        .await;
        assert_eq!(sent.status(), 303, "{}", sent.text().await.unwrap());
    }
    id
}

#[tokio::test]
async fn from_request_to_catalogue_session_exported_in_lheo() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let store = &app.state.store;

    let id = proposed(&app, &p).await;
    app.wait_for_mail(
        "equipe@campus.test",
        "Nouvelle demande de module : Conditionnement aseptique",
    )
    .await;
    app.wait_for_mail("formatrice@of.test", "Demande de module à étudier")
        .await;

    // The trainer revises until the company decides.
    let revised = post(
        &p.trainer,
        &format!("/modules/demandes/{id}/proposition"),
        &proposal_fields(&app, "4000"),
    )
    .await;
    assert_eq!(revised.status(), 303);
    let d = store.modules().module_detail(id).await.unwrap();
    let mine = d
        .proposals
        .iter()
        .find(|x| x.trainer_user_id == p.trainer_id)
        .unwrap();
    assert_eq!((mine.version, mine.prix.centimes()), (2, 400_000));

    // A trainer sees their own proposal only.
    let page = p
        .other_trainer
        .page(&format!("/modules/demandes/{id}"))
        .await
        .1;
    assert!(page.contains("3\u{202f}900,00"));
    assert!(!page.contains("4\u{202f}000,00"));

    // The company accepts one proposal; the other is closed.
    let accepted = post(
        &p.company,
        &format!("/modules/demandes/{id}/decision"),
        &[
            ("decision", "accepter".to_owned()),
            ("proposition", mine.id.to_string()),
        ],
    )
    .await;
    assert_eq!(accepted.status(), 303);
    let d = store.modules().module_detail(id).await.unwrap();
    assert_eq!(d.request.etat.as_str(), "acceptee");
    assert_eq!(
        d.proposals
            .iter()
            .map(|x| x.etat.as_str())
            .collect::<Vec<_>>(),
        ["acceptee", "close"]
    );
    // The closed proposal can no longer be revised.
    let late = post(
        &p.other_trainer,
        &format!("/modules/demandes/{id}/proposition"),
        &proposal_fields(&app, "3000"),
    )
    .await;
    assert_eq!(late.status(), 409);

    // Scheduling needs the trainees first.
    let early = post(&p.staff, &format!("/modules/demandes/{id}/programmer"), &[]).await;
    assert_eq!(early.status(), 409);
    assert!(
        early
            .text()
            .await
            .unwrap()
            .contains("Inscrivez au moins un stagiaire")
    );

    // Trainees: a bad line is told by its number, then the list is saved.
    let bad = post(
        &p.company,
        &format!("/modules/demandes/{id}/stagiaires"),
        &[
            (
                "liste",
                "Léa Martin ; lea.martin@exemple.fr\nHugo Petit".to_owned(),
            ),
            ("public", "salarie".to_owned()),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("Ligne 2"));
    let saved = post(
        &p.company,
        &format!("/modules/demandes/{id}/stagiaires"),
        &[
            (
                "liste",
                "Léa Martin ; lea.martin@exemple.fr\nHugo Petit ; hugo.petit@exemple.fr".to_owned(),
            ),
            ("public", "salarie".to_owned()),
        ],
    )
    .await;
    assert_eq!(saved.status(), 303);

    // Trainees' addresses: the company and the accepted trainer, not the
    // other one.
    for (client, sees) in [
        (&p.company, true),
        (&p.trainer, true),
        (&p.other_trainer, false),
    ] {
        let page = client.page(&format!("/modules/demandes/{id}")).await.1;
        assert_eq!(page.contains("lea.martin@exemple.fr"), sees);
    }

    // Scheduled: a training, an action and a session of the catalogue.
    let scheduled = post(&p.staff, &format!("/modules/demandes/{id}/programmer"), &[]).await;
    assert_eq!(scheduled.status(), 303);
    let formation_id = format!("campus:module-{id}");
    let f = store.formation(&formation_id).await.unwrap();
    assert_eq!(
        f.formation.intitule,
        "Conditionnement aseptique en salle propre"
    );
    assert_eq!(f.actions.len(), 1);
    assert_eq!(f.actions[0].sessions.len(), 1);
    assert_eq!(f.actions[0].action.prix, Some(4000.0));
    assert_eq!(
        f.actions[0].sessions[0].debut.as_deref(),
        Some(day(&app, 40).as_str())
    );
    let convocation = app
        .wait_for_mail("hugo.petit@exemple.fr", "Convocation")
        .await;
    assert!(convocation.body.contains("Gidy"));
    let training = app
        .client()
        .get(app.url(&format!("/formations/{formation_id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(training.status(), 200);

    // Searchable once the node's index caught up.
    app.catch_up_search().await;
    let found: serde_json::Value = app
        .client()
        .get(app.url("/api/v1/recherche?q=conditionnement+aseptique&type=formation"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(found.to_string().contains(&formation_id), "{found}");

    // Exported in LHÉO, valid against the 2.3 schema.
    let mut xml = Vec::new();
    campus_import::export_lheo(store, &mut xml).await.unwrap();
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(text.contains(&format!("numero=\"module-{id}\"")));
    if let Some(data) = campus_testkit::national_data("validation par le schéma LHÉO 2.3") {
        let path =
            std::env::temp_dir().join(format!("campus-module-{}-{id}.xml", std::process::id()));
        std::fs::write(&path, &xml).unwrap();
        let output = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(data.join("lheo/schema/lheo-2.3.xsd"))
            .arg(&path)
            .output()
            .expect("xmllint (paquet Debian libxml2-utils) est nécessaire à ce test");
        std::fs::remove_file(&path).unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    // Done; then no step is possible any more.
    let finished = post(&p.staff, &format!("/modules/demandes/{id}/terminer"), &[]).await;
    assert_eq!(finished.status(), 303);
    let again = post(&p.company, &format!("/modules/demandes/{id}/annuler"), &[]).await;
    assert_eq!(again.status(), 409);
    let d = store.modules().module_detail(id).await.unwrap();
    assert_eq!(d.request.etat.as_str(), "realisee");
    let trail: Vec<&str> = d.timeline.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        trail,
        [
            "demander",
            "orienter",
            "orienter",
            "proposer",
            "proposer",
            "proposer",
            "accepter",
            "inscrire",
            "programmer",
            "terminer"
        ]
    );
    app.stop().await;
}

/// Servier, the demo company that asks for modules in these tests.
async fn servier(app: &TestApp) -> campus_store::organisations::Organisation {
    app.state
        .store
        .organisation_by_slug("servier")
        .await
        .unwrap()
}

#[tokio::test]
async fn bad_input_gets_french_messages_and_stores_nothing() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let servier = servier(&app).await;
    let before = app
        .state
        .store
        .modules()
        .module_queue()
        .await
        .unwrap()
        .len();
    let cases: [(&str, String, &str); 7] = [
        (
            "date_debut",
            day(&app, -1),
            "ne peut pas être dans le passé",
        ),
        (
            "date_fin",
            day(&app, 10),
            "postérieure ou égale à la date de début",
        ),
        ("stagiaires", "0".to_owned(), "au moins 1"),
        ("stagiaires", "-4".to_owned(), "au moins 1"),
        ("budget", "-100".to_owned(), "ne peut pas être négatif"),
        (
            "formacodes",
            "12345".to_owned(),
            "Formacode 12345 n&#39;existe pas",
        ),
        ("date_debut", "31/12/2030".to_owned(), "format AAAA-MM-JJ"),
    ];
    for (field, value, message) in cases {
        let mut fields = request_fields(&app, &servier.id.to_string());
        for (name, v) in fields.iter_mut() {
            if *name == field {
                *v = value.clone();
            }
        }
        let response = post(&p.company, "/modules/demandes", &fields).await;
        assert_eq!(response.status(), 422, "{field} = {value}");
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{field} = {value} : {message}");
        assert!(html.contains(&format!("href=\"#champ-{field}\"")));
    }
    // A place in the company needs its address; another company is refused.
    let mut fields = request_fields(&app, "999999");
    fields.retain(|(k, _)| *k != "lieu_commune");
    let response = post(&p.company, "/modules/demandes", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#champ-lieu_commune\""));
    assert!(html.contains("href=\"#champ-organisation\""));

    // The API answers with a problem document, one message per field.
    let token = p.company.csrf().await;
    let mut body = serde_json::Map::new();
    for (k, v) in request_fields(&app, &servier.id.to_string()) {
        body.insert(k.to_owned(), serde_json::Value::String(v));
    }
    body.insert("stagiaires".to_owned(), "0".into());
    let problem = p
        .company
        .post(app.url("/api/v1/modules/demandes"))
        .header("x-csrf-token", &token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(problem.status(), 422);
    assert_eq!(
        problem.headers()["content-type"],
        "application/problem+json"
    );
    let problem: serde_json::Value = problem.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "stagiaires");
    assert_eq!(
        app.state
            .store
            .modules()
            .module_queue()
            .await
            .unwrap()
            .len(),
        before
    );

    // A proposal outside the window asked for.
    let id = proposed(&app, &p).await;
    let mut fields = proposal_fields(&app, "100");
    for (name, v) in fields.iter_mut() {
        if *name == "date_fin" {
            *v = day(&app, 120);
        }
        if *name == "numero_activite" {
            *v = "123".to_owned();
        }
    }
    let response = post(
        &p.trainer,
        &format!("/modules/demandes/{id}/proposition"),
        &fields,
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("rester dans la période souhaitée"));
    assert!(html.contains("11 chiffres"));
    // Declining needs a reason.
    let response = post(
        &p.company,
        &format!("/modules/demandes/{id}/decision"),
        &[
            ("decision", "refuser".to_owned()),
            ("motif", " ".to_owned()),
        ],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        app.state
            .store
            .modules()
            .module_demande(id)
            .await
            .unwrap()
            .etat
            .as_str(),
        "proposee"
    );
    app.stop().await;
}

#[tokio::test]
async fn concurrent_acceptances_exactly_one_wins() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let id = proposed(&app, &p).await;
    let d = app.state.store.modules().module_detail(id).await.unwrap();
    let token = p.company.csrf().await;
    let url = app.url(&format!("/api/v1/modules/demandes/{id}/decision"));
    let attempts = (0..8).map(|i| {
        let proposal = d.proposals[i % 2].id;
        p.company
            .post(&url)
            .header("x-csrf-token", &token)
            .json(&serde_json::json!({"decision": "accepter", "proposition": proposal}))
            .send()
    });
    let statuses: Vec<u16> = futures_util::future::join_all(attempts)
        .await
        .into_iter()
        .map(|r| r.unwrap().status().as_u16())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );
    let d = app.state.store.modules().module_detail(id).await.unwrap();
    assert_eq!(d.request.etat.as_str(), "acceptee");
    let accepted: Vec<i32> = d
        .proposals
        .iter()
        .filter(|x| x.etat.as_str() == "acceptee")
        .map(|x| x.id)
        .collect();
    assert_eq!(accepted.len(), 1);
    assert_eq!(d.request.accepted_proposal_id, Some(accepted[0]));
    assert_eq!(
        d.timeline.iter().filter(|e| e.action == "accepter").count(),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn parties_only_and_api_reads() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let id = proposed(&app, &p).await;
    // Another company's user and a trainer it was not sent to get 403.
    let (intruder, _) = app.login_as(Role::Entreprise).await;
    for path in [
        format!("/modules/demandes/{id}"),
        format!("/api/v1/modules/demandes/{id}"),
    ] {
        let response = intruder.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 403, "{path}");
    }
    // The API gives the company every proposal, and a trainer theirs.
    let all: serde_json::Value = p
        .company
        .get(app.url(&format!("/api/v1/modules/demandes/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(all["etat"], "proposee");
    assert_eq!(all["propositions"].as_array().unwrap().len(), 2);
    assert_eq!(all["sujets"][0]["libelle"], "salle blanche");
    let own: serde_json::Value = p
        .trainer
        .get(app.url(&format!("/api/v1/modules/demandes/{id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(own["propositions"].as_array().unwrap().len(), 1);
    // A trainer's first proposal names their training body.
    let (third_client, third) = app.login_with("tiers@univ.test", Role::Formateur).await;
    let orleans = app
        .state
        .store
        .organisation_by_slug("universite-d-orleans")
        .await
        .unwrap();
    app.state
        .store
        .set_member(orleans.id, third.id, MembreRole::Membre, None)
        .await
        .unwrap();
    app.state
        .store
        .modules()
        .route_module_demande(id, &[third.id], third.id, vec![])
        .await
        .unwrap();
    let form = third_client
        .page(&format!("/modules/demandes/{id}"))
        .await
        .1;
    assert!(form.contains("value=\"19450855200016\""), "{form}");
    // The request form finds topic codes by their words.
    let found = p
        .company
        .page("/modules/demandes/nouvelle?sujet=SALLE+blanche")
        .await
        .1;
    assert!(found.contains("<td>42835</td>"), "{found}");
    // The inbox and the queue list it; the demonstration request waits
    // in the queue too.
    let inbox = p.trainer.page("/modules/propositions").await.1;
    assert!(inbox.contains(&format!("/modules/demandes/{id}")));
    let queue = p.staff.page("/admin/modules").await.1;
    assert!(queue.contains("Travailler en salle propre"));
    assert!(queue.contains(&format!("/modules/demandes/{id}")));
    app.stop().await;
}

#[tokio::test]
async fn cancelling_a_scheduled_module_withdraws_it_from_the_catalogue() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let id = proposed(&app, &p).await;
    let d = app.state.store.modules().module_detail(id).await.unwrap();
    let steps: [(&Client, String, Fields); 3] = [
        (
            &p.company,
            format!("/modules/demandes/{id}/decision"),
            vec![
                ("decision", "accepter".to_owned()),
                ("proposition", d.proposals[0].id.to_string()),
            ],
        ),
        (
            &p.company,
            format!("/modules/demandes/{id}/stagiaires"),
            vec![
                ("liste", "Léa Martin ; lea.martin@exemple.fr".to_owned()),
                ("public", "apprenti".to_owned()),
            ],
        ),
        (
            &p.staff,
            format!("/modules/demandes/{id}/programmer"),
            vec![],
        ),
    ];
    for (client, path, fields) in steps {
        let response = post(client, &path, &fields).await;
        assert_eq!(response.status(), 303, "{path}");
    }
    let formation_id = format!("campus:module-{id}");
    let f = app.state.store.formation(&formation_id).await.unwrap();
    // Apprentices: the LHÉO public « jeune sous contrat d'apprentissage ».
    assert_eq!(f.actions[0].public_vise, ["80027"]);
    let cancelled = post(
        &p.company,
        &format!("/modules/demandes/{id}/annuler"),
        &[("motif_annulation", "Ligne arrêtée pour travaux.".to_owned())],
    )
    .await;
    assert_eq!(cancelled.status(), 303);
    assert!(app.state.store.formation(&formation_id).await.is_err());
    let d = app.state.store.modules().module_detail(id).await.unwrap();
    assert_eq!(d.request.etat.as_str(), "annulee");
    assert_eq!(d.request.formation_id, None);
    assert_eq!(
        d.timeline.last().and_then(|e| e.note.as_deref()),
        Some("Ligne arrêtée pour travaux.")
    );
    app.wait_for_mail("formateur@autre.test", "Demande annulée")
        .await;
    app.stop().await;
}

/// Nobody is asked for a code: the topics are typed by their titles (the
/// codes still work), and a word that fits several asks to choose.
#[tokio::test]
async fn topics_are_typed_by_their_titles() {
    let app = TestApp::new().await;
    let p = parties(&app).await;
    let servier = servier(&app).await;
    let with_topic = |topic: &str| {
        let mut fields = request_fields(&app, &servier.id.to_string());
        for (name, value) in fields.iter_mut() {
            if *name == "formacodes" {
                *value = topic.to_owned();
            }
        }
        fields
    };
    let created = post(
        &p.company,
        "/modules/demandes",
        &with_topic("Salle blanche"),
    )
    .await;
    assert_eq!(created.status(), 303, "{}", created.text().await.unwrap());
    let id: i32 = location(&created)
        .trim_start_matches("/modules/demandes/")
        .trim_end_matches("?ok=demande")
        .parse()
        .unwrap();
    let detail = app.state.store.modules().module_detail(id).await.unwrap();
    assert!(
        detail.request.sujets.iter().any(|s| s.code == "42835"),
        "{:?}",
        detail.request.sujets
    );
    let unknown = post(
        &p.company,
        "/modules/demandes",
        &with_topic("dressage de licornes"),
    )
    .await;
    assert_eq!(unknown.status(), 422);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Aucun sujet du référentiel ne correspond")
    );
}
