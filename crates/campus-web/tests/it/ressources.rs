//! The resource library: a kit proposed by a trainer, sent back with a
//! reason then approved by the campus team (one of two reviewers wins);
//! visibility (organisation-only and network resources hidden from
//! others); versioned files checked by their bytes and downloads checked
//! against the visibility; bad input refused in French with nothing
//! stored; broken links flagged and told once; JSON-LD; use counts; the
//! API, the site's search and the events that use a kit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use campus_domain::ressource::EtatRessource;
use campus_domain::{MembreRole, Role};
use chrono::Duration;
use reqwest::multipart::{Form, Part};

use crate::insertion::PDF;
use crate::testkit::{Client, TestApp};

pub(crate) const KIT: &str = "Kit de découverte : conduite de ligne de conditionnement";

/// The fields of a discovery kit under CC BY linked to H3301, with
/// `extra` added.
fn kit<'a>(titre: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("titre", titre),
        (
            "description",
            "Un atelier d'une heure et demie pour découvrir la conduite d'une ligne de conditionnement de médicaments.",
        ),
        ("type_ressource", "kit_decouverte"),
        ("licence", "cc_by"),
        ("audiences", "collegiens"),
        ("audiences", "enseignants"),
        ("niveaux", "3"),
        ("niveaux", "4"),
        ("metiers", "H3301"),
        ("duree", "90"),
        ("auteurs", "Léa Martin"),
    ];
    fields.extend_from_slice(extra);
    fields
}

/// Proposes a resource through the form; returns its id.
pub(crate) async fn propose(client: &Client, fields: &[(&str, &str)]) -> i32 {
    let r = client.post_form("/ressources", fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    location
        .trim_start_matches("/ressources/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn moderate(client: &Client, id: i32, action: &str, motif: &str) -> reqwest::Response {
    client
        .post_form(
            &format!("/ressources/{id}/moderation"),
            &[("action", action), ("motif", motif)],
        )
        .await
}

async fn etat(app: &TestApp, id: i32) -> EtatRessource {
    app.state
        .store
        .ressources()
        .ressource(id)
        .await
        .unwrap()
        .etat
}

async fn upload(client: &Client, id: i32, bytes: Vec<u8>, name: &str) -> reqwest::Response {
    let token = client.csrf().await;
    client
        .post(client.url(&format!("/ressources/{id}/fichiers?_csrf={token}")))
        .multipart(Form::new().part("fichier", Part::bytes(bytes).file_name(name.to_owned())))
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp) -> usize {
    app.state
        .store
        .ressources()
        .liste(
            &Default::default(),
            &campus_store::ressources::Lecteur {
                equipe: true,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .len()
}

/// The JSON-LD object of a page.
pub(crate) fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD dans la page")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD lisible")
}

#[tokio::test]
async fn a_kit_is_sent_back_with_a_reason_then_approved_and_published() {
    let app = TestApp::with_catalogue().await;
    let (trainer, _) = app.login_with("formatrice@imt.test", Role::Formateur).await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let (other_staff, _) = app
        .login_with("equipe2@campus.test", Role::EquipeCampus)
        .await;
    let id = propose(&trainer, &kit(KIT, &[])).await;
    assert_eq!(etat(&app, id).await, EtatRessource::Proposee);
    let r = app.state.store.ressources().ressource(id).await.unwrap();
    assert_eq!(r.metiers[0].0.as_str(), "H3301");
    assert_eq!(r.licence.as_str(), "cc_by");

    // Hidden until approved: not in the public list, 404 to others.
    let anonymous = app.client();
    assert_eq!(anonymous.page(&format!("/ressources/{id}")).await.0, 404);
    assert!(!anonymous.page("/ressources").await.1.contains(KIT));
    assert_eq!(trainer.page(&format!("/ressources/{id}")).await.0, 200);
    let queue = staff.page("/admin/ressources").await.1;
    assert!(queue.contains("Kit de découverte"));
    assert_eq!(trainer.page("/admin/ressources").await.0, 403);

    // A trainer cannot approve; sending back needs a reason.
    assert_eq!(moderate(&trainer, id, "approuver", "").await.status(), 403);
    let r = moderate(&staff, id, "renvoyer", "  ").await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Indiquez à l&#39;auteur ce qu&#39;il doit revoir")
    );
    assert_eq!(etat(&app, id).await, EtatRessource::Proposee);
    let r = moderate(&staff, id, "renvoyer", "Ajoutez la fiche élève.").await;
    assert_eq!(r.status(), 303);
    assert_eq!(etat(&app, id).await, EtatRessource::ARevoir);
    let mail = app
        .wait_for_mail("formatrice@imt.test", "Ressource à revoir")
        .await;
    assert!(mail.body.contains("Ajoutez la fiche élève."));
    // Approving what was sent back is refused: the author resubmits.
    assert_eq!(moderate(&staff, id, "approuver", "").await.status(), 409);
    assert_eq!(moderate(&trainer, id, "soumettre", "").await.status(), 303);
    assert_eq!(etat(&app, id).await, EtatRessource::Proposee);

    // Two reviewers at once: one wins, the other is told.
    let (a, b) = tokio::join!(
        moderate(&staff, id, "approuver", ""),
        moderate(&other_staff, id, "renvoyer", "Trop tard ?"),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409]);
    if etat(&app, id).await != EtatRessource::Approuvee {
        assert_eq!(moderate(&trainer, id, "soumettre", "").await.status(), 303);
        assert_eq!(moderate(&staff, id, "approuver", "").await.status(), 303);
    }
    assert_eq!(etat(&app, id).await, EtatRessource::Approuvee);
    app.wait_for_mail("formatrice@imt.test", "Ressource publiée")
        .await;

    // Public now: listed, on the trade's page, with its licence and JSON-LD.
    let (status, html) = anonymous.page(&format!("/ressources/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("https://creativecommons.org/licenses/by/4.0/deed.fr"));
    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "LearningResource");
    assert_eq!(ld["name"], KIT);
    assert_eq!(ld["learningResourceType"], "discovery kit");
    assert_eq!(
        ld["license"],
        "https://creativecommons.org/licenses/by/4.0/deed.fr"
    );
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["isAccessibleForFree"], true);
    assert_eq!(ld["version"], "1");
    assert!(
        ld["description"]
            .as_str()
            .unwrap()
            .contains("ligne de conditionnement")
    );
    assert!(ld["dateModified"].as_str().is_some());
    assert_eq!(ld["author"][0]["name"], "Léa Martin");
    assert_eq!(ld["about"][0]["termCode"], "H3301");
    assert_eq!(ld["educationalLevel"].as_array().unwrap().len(), 2);
    assert_eq!(ld["audience"][0]["@type"], "EducationalAudience");
    assert_eq!(ld["timeRequired"], "PT90M");
    assert!(anonymous.page("/ressources").await.1.contains(KIT));
    assert!(anonymous.page("/metiers/H3301").await.1.contains(KIT));

    // An edit by the author goes back to the review.
    let edit = kit(KIT, &[("version", "2")]);
    let r = trainer
        .post_form(&format!("/ressources/{id}/modifier"), &edit)
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(etat(&app, id).await, EtatRessource::Proposee);
    app.stop().await;
}

#[tokio::test]
async fn an_organisation_or_network_resource_is_hidden_from_others() {
    let app = TestApp::with_catalogue().await;
    let (member, me) = app.login_with("formateur@imt.test", Role::Formateur).await;
    let (outsider, _) = app.login_with("autre@ailleurs.test", Role::Formateur).await;
    let (learner, _) = app.login_with("eleve@lycee.test", Role::Apprenant).await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let org = app
        .state
        .store
        .organisation_by_slug("novo-nordisk")
        .await
        .unwrap();
    app.state
        .store
        .set_member(org.id, me.id, MembreRole::Membre, None)
        .await
        .unwrap();
    let org_id = org.id.to_string();
    // An organisation-only resource needs its organisation.
    let r = member
        .post_form(
            "/ressources",
            &kit("Protocole interne", &[("visibilite", "organisation")]),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Choisissez l&#39;organisation")
    );
    let interne = propose(
        &member,
        &kit(
            "Protocole interne",
            &[("visibilite", "organisation"), ("organisation", &org_id)],
        ),
    )
    .await;
    let reseau = propose(
        &member,
        &kit("Séquence du réseau", &[("visibilite", "reseau")]),
    )
    .await;
    for id in [interne, reseau] {
        assert_eq!(moderate(&staff, id, "approuver", "").await.status(), 303);
    }
    let anonymous = app.client();
    let page = |id: i32| format!("/ressources/{id}");
    assert_eq!(member.page(&page(interne)).await.0, 200);
    assert_eq!(outsider.page(&page(interne)).await.0, 403);
    assert_eq!(learner.page(&page(interne)).await.0, 403);
    assert_eq!(anonymous.page(&page(interne)).await.0, 401);
    assert_eq!(
        outsider
            .get(outsider.url(&format!("/api/v1/ressources/{interne}")))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(outsider.page(&page(reseau)).await.0, 200);
    assert_eq!(learner.page(&page(reseau)).await.0, 403);
    assert_eq!(anonymous.page(&page(reseau)).await.0, 401);
    // Hidden from lists and the search too; no JSON-LD but on public ones.
    assert!(
        !outsider
            .page("/ressources")
            .await
            .1
            .contains("Protocole interne")
    );
    assert!(
        member
            .page("/ressources")
            .await
            .1
            .contains("Protocole interne")
    );
    let list = anonymous.json("/api/v1/ressources").await.to_string();
    assert!(!list.contains("Protocole interne") && !list.contains("Séquence du réseau"));
    assert!(
        !member
            .page(&page(interne))
            .await
            .1
            .contains("application/ld+json")
    );
    app.catch_up_search().await;
    let found = anonymous
        .json("/api/v1/recherche?q=protocole+interne")
        .await
        .to_string();
    assert!(!found.contains("Protocole interne"), "{found}");

    // Files: downloads follow the resource's visibility.
    assert_eq!(
        upload(&member, interne, PDF.to_vec(), "protocole.pdf")
            .await
            .status(),
        303
    );
    let file = format!("/ressources/{interne}/fichiers/1");
    assert_eq!(member.page(&file).await.0, 200);
    assert_eq!(outsider.page(&file).await.0, 403);
    assert_eq!(anonymous.page(&file).await.0, 401);
    assert_eq!(
        upload(&outsider, interne, PDF.to_vec(), "x.pdf")
            .await
            .status(),
        403
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_refused_in_french_and_nothing_is_stored() {
    let app = TestApp::with_catalogue().await;
    let (trainer, _) = app.login_with("formatrice@imt.test", Role::Formateur).await;
    let before = count(&app).await;
    let cases: [(&[(&str, &str)], &str); 6] = [
        (&[("licence", "")], "Choisissez la licence sous laquelle"),
        (&[("titre", "   ")], "Indiquez le titre de la ressource"),
        (
            &[("lien", "ftp://serveur.test/kit.zip")],
            "Le lien doit commencer par http:// ou https://",
        ),
        (
            &[("lien", "javascript:alert(1)")],
            "Le lien doit commencer par http:// ou https://",
        ),
        (
            &[("metiers", "Dompteur de licornes")],
            "Aucun métier ne correspond à « Dompteur de licornes »",
        ),
        (
            &[("certifications", "Diplôme imaginaire de rêverie")],
            "Aucune certification ne correspond à « Diplôme imaginaire de rêverie »",
        ),
    ];
    for (change, message) in cases {
        let mut fields: Vec<(&str, &str)> = kit(KIT, &[])
            .into_iter()
            .filter(|(k, _)| !change.iter().any(|(c, _)| c == k) || *k == "metiers")
            .collect();
        fields.extend_from_slice(change);
        let r = trainer.post_form("/ressources", &fields).await;
        assert_eq!(r.status(), 422, "{change:?}");
        let html = r.text().await.unwrap().replace("&#39;", "'");
        assert!(html.contains(message), "{change:?}: {message}");
    }
    assert_eq!(count(&app).await, before);

    // Files are checked by their bytes and their size.
    let id = propose(&trainer, &kit(KIT, &[])).await;
    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".repeat(10);
    let r = upload(&trainer, id, exe, "kit.pdf").await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("champ-fichier-erreur"), "{html}");
    let mut big = PDF.to_vec();
    big.resize(20 * 1024 * 1024 + 1, b' ');
    let r = upload(&trainer, id, big, "kit.pdf").await;
    assert_eq!(r.status(), 422);
    let stored = app.state.store.ressources().ressource(id).await.unwrap();
    assert!(stored.fichiers.is_empty());
    // A learner cannot propose.
    let (learner, _) = app.login_with("eleve@lycee.test", Role::Apprenant).await;
    assert_eq!(
        learner
            .post_form("/ressources", &kit(KIT, &[]))
            .await
            .status(),
        403
    );
    app.stop().await;
}

#[tokio::test]
async fn files_are_versioned_and_uses_are_counted_without_who() {
    let app = TestApp::with_catalogue().await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    // The campus team publishes directly.
    let id = propose(&staff, &kit(KIT, &[])).await;
    assert_eq!(etat(&app, id).await, EtatRessource::Approuvee);
    assert_eq!(
        upload(&staff, id, PDF.to_vec(), "kit.pdf").await.status(),
        303
    );
    assert_eq!(
        upload(&staff, id, PDF.to_vec(), "kit-v2.pdf")
            .await
            .status(),
        303
    );
    let r = app.state.store.ressources().ressource(id).await.unwrap();
    assert_eq!(
        r.fichiers.iter().map(|f| f.version).collect::<Vec<_>>(),
        [2, 1]
    );
    let anonymous = app.client();
    let answer = anonymous
        .get(anonymous.url(&format!("/ressources/{id}/fichiers/1")))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.headers()["content-type"], "application/pdf");
    assert_eq!(
        anonymous
            .page(&format!("/ressources/{id}/fichiers/3"))
            .await
            .0,
        404
    );
    anonymous.page(&format!("/ressources/{id}")).await;
    anonymous.page(&format!("/ressources/{id}")).await;

    // An event uses the kit: its organiser picks it by title.
    let event = crate::evenements::event(&app, 30, None).await;
    let r = staff
        .post_form(
            &format!("/evenements/{}/ressources", event.slug),
            &[("ressources", "Une ressource qui n'existe pas")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Aucune ressource approuvée ne s&#39;intitule")
    );
    let r = staff
        .post_form(
            &format!("/evenements/{}/ressources", event.slug),
            &[("ressources", KIT)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let html = anonymous
        .page(&format!("/evenements/{}", event.slug))
        .await
        .1;
    assert!(html.contains(KIT));
    let (outsider, _) = app.login_with("autre@ailleurs.test", Role::Formateur).await;
    assert_eq!(
        outsider
            .post_form(
                &format!("/evenements/{}/ressources", event.slug),
                &[("ressources", KIT)],
            )
            .await
            .status(),
        403
    );

    let today = app.today();
    let usages = app
        .state
        .store
        .ressources()
        .usages(today - Duration::days(30), today + Duration::days(30))
        .await
        .unwrap();
    let u = usages.iter().find(|u| u.ressource_id == id).unwrap();
    assert_eq!((u.vues, u.telechargements, u.evenements), (2, 1, 1));
    let none = app
        .state
        .store
        .ressources()
        .usages(today - Duration::days(60), today - Duration::days(31))
        .await
        .unwrap();
    let u = none.iter().find(|u| u.ressource_id == id).unwrap();
    assert_eq!((u.vues, u.telechargements, u.evenements), (0, 0, 0));
    app.stop().await;
}

/// A server on 127.0.0.1 that answers 404 while `broken` is set, 200
/// otherwise.
async fn link_server(broken: Arc<AtomicBool>) -> String {
    let app = axum::Router::new().route(
        "/kit",
        axum::routing::get(move || {
            let broken = broken.clone();
            async move {
                if broken.load(Ordering::SeqCst) {
                    axum::http::StatusCode::NOT_FOUND
                } else {
                    axum::http::StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/kit")
}

#[tokio::test]
async fn a_broken_link_is_flagged_and_its_author_told_once() {
    let app = TestApp::with_catalogue().await;
    let (trainer, _) = app.login_with("formatrice@imt.test", Role::Formateur).await;
    let broken = Arc::new(AtomicBool::new(true));
    let url = link_server(broken.clone()).await;
    let id = propose(&trainer, &kit("Vidéo d'une ligne", &[("lien", &url)])).await;

    let told = campus_web::check_ressource_links(&app.state, app.now())
        .await
        .unwrap();
    assert_eq!(told, 1);
    assert!(
        app.state
            .store
            .ressources()
            .ressource(id)
            .await
            .unwrap()
            .lien_casse
    );
    let mail = app.wait_for_mail("formatrice@imt.test", "Lien cassé").await;
    assert!(mail.body.contains(&url));
    assert!(
        trainer
            .page(&format!("/ressources/{id}"))
            .await
            .1
            .contains("ce lien ne répond plus")
    );
    // Checked again a day later, still broken: not told twice.
    app.advance(Duration::hours(25));
    let told = campus_web::check_ressource_links(&app.state, app.now())
        .await
        .unwrap();
    assert_eq!(told, 0);
    // Not due again within the day.
    broken.store(false, Ordering::SeqCst);
    campus_web::check_ressource_links(&app.state, app.now())
        .await
        .unwrap();
    assert!(
        app.state
            .store
            .ressources()
            .ressource(id)
            .await
            .unwrap()
            .lien_casse
    );
    // A good check clears the flag.
    app.advance(Duration::hours(25));
    campus_web::check_ressource_links(&app.state, app.now())
        .await
        .unwrap();
    assert!(
        !app.state
            .store
            .ressources()
            .ressource(id)
            .await
            .unwrap()
            .lien_casse
    );
    app.stop().await;
}

#[tokio::test]
async fn the_api_the_search_and_the_export_find_an_approved_kit() {
    let app = TestApp::with_catalogue().await;
    let (trainer, _) = app.login_with("formatrice@imt.test", Role::Formateur).await;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let id = propose(
        &trainer,
        &kit(
            KIT,
            &[("certifications", "RNCP36085"), ("blocs", "RNCP36085BC04")],
        ),
    )
    .await;
    let anonymous = app.client();
    assert_eq!(
        anonymous
            .get(anonymous.url(&format!("/api/v1/ressources/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(moderate(&staff, id, "approuver", "").await.status(), 303);
    let one = anonymous.json(&format!("/api/v1/ressources/{id}")).await;
    assert_eq!(one["titre"], KIT);
    assert_eq!(one["licence"], "cc_by");
    assert_eq!(one["metiers"][0]["code"], "H3301");
    assert_eq!(one["blocs"][0]["code"], "RNCP36085BC04");
    let list = anonymous
        .json(
            "/api/v1/ressources?type=kit_decouverte&metier=H3301&audience=collegiens&licence=cc_by",
        )
        .await;
    assert!(list.as_array().unwrap().iter().any(|r| r["id"] == id));
    let none = anonymous
        .json("/api/v1/ressources?licence=cc_by_nc&q=conduite+de+ligne")
        .await;
    assert!(!none.as_array().unwrap().iter().any(|r| r["id"] == id));
    // The library's own facets, without JavaScript.
    let html = anonymous
        .page("/ressources?q=kit+conditionnement&bloc=RNCP36085BC04&niveau=3")
        .await
        .1;
    assert!(html.contains(KIT));
    // The site's search.
    app.catch_up_search().await;
    let found = anonymous
        .json("/api/v1/recherche?q=kit+conditionnement")
        .await
        .to_string();
    assert!(found.contains(KIT), "{found}");
    let html = anonymous.page("/recherche?q=kit+conditionnement").await.1;
    assert!(html.contains(&format!("/ressources/{id}")));
    // The author's export lists it.
    let export = trainer.json("/api/v1/moi/donnees").await;
    assert_eq!(export["ressources"][0]["titre"], KIT);
    app.stop().await;
}
