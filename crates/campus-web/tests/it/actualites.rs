//! News and newsletter: a partner's news reviewed (sent back with a
//! reason, published, withdrawn), the Markdown rendered safely, the Atom
//! feed, the API; bad input refused in French with nothing stored; the
//! newsletter's double opt-in, its batches sent once to each subscriber,
//! the one-click unsubscribe, and the data rights.

use campus_domain::actualite::EtatActualite;
use campus_domain::{Email, MembreRole, Role};
use campus_store::actualites::FiltreActualites;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use reqwest::multipart::{Form, Part};

use crate::testkit::{Client, TestApp};

/// The first bytes of a PNG image: what the document store sniffs.
pub(crate) const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
/// A trade of the demonstration's catalogue.
const ROME: &str = "H3301";

/// A partner member of the demonstration's organisation, signed in.
pub(crate) async fn partner(app: &TestApp, email: &str) -> Client {
    let (client, user) = app.login_with(email, Role::Partenaire).await;
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
    client
}

/// Posts the news form with `fields` and an optional image.
pub(crate) async fn write(
    client: &Client,
    fields: &[(&str, &str)],
    image: Option<&[u8]>,
) -> reqwest::Response {
    let token = client.csrf().await;
    let mut form = Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some(bytes) = image {
        form = form.part("image", Part::bytes(bytes.to_vec()).file_name("photo.png"));
    }
    client
        .post(client.url(&format!("/actualites?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The slug in a redirect to a news item's page.
fn slug_of(r: &reqwest::Response) -> String {
    let location = r.headers()["location"].to_str().unwrap();
    location
        .trim_start_matches("/actualites/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

async fn etat(app: &TestApp, slug: &str) -> EtatActualite {
    app.state
        .store
        .actualites()
        .par_slug(slug)
        .await
        .unwrap()
        .etat
}

#[tokio::test]
async fn a_partners_news_is_reviewed_before_going_public() {
    let app = TestApp::with_catalogue().await;
    let partenaire = partner(&app, "redaction@partenaire.test").await;
    let (equipe, _) = app.login_as(Role::EquipeCampus).await;

    // Submitted: not public yet.
    let r = write(
        &partenaire,
        &[
            ("titre", "Une ligne de flaconnage inaugurée"),
            (
                "resume",
                "La nouvelle ligne accueille les apprentis dès janvier.",
            ),
            ("corps", "## Au programme\n\n- visite\n- **démonstration**"),
            ("metiers", ROME),
            ("image_alt", "La ligne de flaconnage vue de face"),
        ],
        Some(PNG),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let slug = slug_of(&r);
    assert_eq!(etat(&app, &slug).await, EtatActualite::Soumise);
    let a = app.state.store.actualites().par_slug(&slug).await.unwrap();
    assert_eq!(a.metiers[0].0.as_str(), ROME);
    assert_eq!(a.organisation.as_ref().unwrap().2, "cosmetic-valley");
    assert!(a.image.is_some());
    let visitor = app.client();
    assert!(!visitor.page("/actualites").await.1.contains("flaconnage"));
    assert!(
        !visitor
            .page("/actualites/flux.atom")
            .await
            .1
            .contains("flaconnage")
    );
    let hidden = visitor
        .get(app.url(&format!("/actualites/{slug}")))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), 401);
    assert_eq!(
        visitor
            .get(app.url(&format!("/api/v1/actualites/{}", a.id)))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    // Its author reads it; the campus team finds it in the queue.
    assert!(
        partenaire
            .page(&format!("/actualites/{slug}"))
            .await
            .1
            .contains("En relecture")
    );
    assert!(
        equipe
            .page("/admin/actualites")
            .await
            .1
            .contains("Une ligne de flaconnage inaugurée")
    );

    // Sent back: a reason is required, then the author is told it.
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[("action", "renvoyer")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Dites à l&#39;auteur pourquoi")
    );
    assert_eq!(etat(&app, &slug).await, EtatActualite::Soumise);
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[
                ("action", "renvoyer"),
                ("motif", "Précisez la date d'ouverture."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(etat(&app, &slug).await, EtatActualite::Renvoyee);
    let mail = app
        .wait_for_mail("redaction@partenaire.test", "vous est renvoyée")
        .await;
    assert!(
        mail.body.contains("Précisez la date d'ouverture."),
        "{}",
        mail.body
    );
    // A decision on a state it does not start from is refused.
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[("action", "publier")],
        )
        .await;
    assert_eq!(r.status(), 409);
    // The author corrects it: it goes to review again, the reason gone.
    let page = partenaire.page(&format!("/actualites/{slug}")).await.1;
    assert!(page.contains("Précisez la date d&#39;ouverture."), "{page}");
    let (status, form) = partenaire
        .page(&format!("/actualites/{slug}/modifier"))
        .await;
    assert_eq!(status, 200);
    assert!(form.contains("Une ligne de flaconnage inaugurée"));
    let version = app
        .state
        .store
        .actualites()
        .par_slug(&slug)
        .await
        .unwrap()
        .version;
    let token = partenaire.csrf().await;
    let r = partenaire
        .post(partenaire.url(&format!("/actualites/{slug}/modifier?_csrf={token}")))
        .multipart(
            Form::new()
                .text("titre", "Une ligne de flaconnage inaugurée le 8 janvier")
                .text(
                    "resume",
                    "La nouvelle ligne accueille les apprentis dès janvier.",
                )
                .text("metiers", ROME)
                .text("image_alt", "La ligne de flaconnage et ses apprentis")
                .text("version", version.to_string()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let a = app.state.store.actualites().par_slug(&slug).await.unwrap();
    assert_eq!(a.etat, EtatActualite::Soumise);
    assert_eq!(a.motif, None);
    assert_eq!(a.titre, "Une ligne de flaconnage inaugurée le 8 janvier");
    assert_eq!(
        a.image.as_ref().map(|(_, alt)| alt.as_str()),
        Some("La ligne de flaconnage et ses apprentis"),
        "the image stays, described anew"
    );
    // Another signed-in person may not edit it.
    let (autre, _) = app.login_as(Role::Entreprise).await;
    assert_eq!(
        autre.page(&format!("/actualites/{slug}/modifier")).await.0,
        403
    );

    // A second item, about a coming event, published.
    let (events, _) = app
        .state
        .store
        .evenements()
        .list_evenements(&campus_store::evenements::EvenementFilter {
            after: Some(app.now()),
            per_page: 1,
            ..Default::default()
        })
        .await
        .unwrap();
    let event = &events[0];
    let event_id = event.id.to_string();
    let r = write(
        &partenaire,
        &[
            ("titre", "Portes ouvertes du laboratoire"),
            ("resume", "Le laboratoire ouvre ses portes aux lycéens."),
            ("corps", "Inscription sur le site."),
            ("metiers", ROME),
            ("image_alt", "Des lycéens au laboratoire"),
            ("evenements", &event_id),
        ],
        Some(PNG),
    )
    .await;
    let slug = slug_of(&r);
    let version = app
        .state
        .store
        .actualites()
        .par_slug(&slug)
        .await
        .unwrap()
        .version;
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[("action", "publier"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(r.status(), 303);
    // A second reviewer who saw the same version loses.
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[("action", "publier"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(r.status(), 409);
    app.wait_for_mail("redaction@partenaire.test", "est publiée")
        .await;
    let (status, page) = visitor.page(&format!("/actualites/{slug}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("alt=\"Des lycéens au laboratoire\""),
        "{page}"
    );
    assert!(page.contains(&format!("href=\"/metiers/{ROME}\"")));
    assert!(
        visitor
            .page("/actualites")
            .await
            .1
            .contains("Portes ouvertes du laboratoire")
    );
    assert!(
        visitor
            .page("/")
            .await
            .1
            .contains("Portes ouvertes du laboratoire")
    );
    assert!(
        visitor
            .page("/actualites/flux.atom")
            .await
            .1
            .contains("Portes ouvertes du laboratoire")
    );
    assert!(
        page.contains(&format!("href=\"/evenements/{}\"", event.slug)),
        "{page}"
    );
    let event_page = visitor.page(&format!("/evenements/{}", event.slug)).await.1;
    assert!(
        event_page.contains("Portes ouvertes du laboratoire"),
        "{event_page}"
    );
    let trade = visitor.page(&format!("/metiers/{ROME}")).await.1;
    assert!(trade.contains("Portes ouvertes du laboratoire"), "{trade}");
    let image = visitor
        .get(app.url(&format!("/actualites/{slug}/image")))
        .send()
        .await
        .unwrap();
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.bytes().await.unwrap().as_ref(), PNG);
    // The API.
    let list = visitor.json("/api/v1/actualites").await;
    assert_eq!(list["total"], 1, "{list}");
    let id = list["actualites"][0]["id"].as_i64().unwrap();
    let one = visitor.json(&format!("/api/v1/actualites/{id}")).await;
    assert_eq!(one["titre"], "Portes ouvertes du laboratoire");
    assert_eq!(one["metiers"][0], ROME);
    assert_eq!(one["image_alt"], "Des lycéens au laboratoire");
    assert_eq!(one["organisation"], "Cosmetic Valley");

    // Withdrawn: gone from the public pages.
    let r = equipe
        .post_form(
            &format!("/actualites/{slug}/decision"),
            &[("action", "retirer")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        !visitor
            .page("/actualites")
            .await
            .1
            .contains("Portes ouvertes du laboratoire")
    );
    assert_eq!(visitor.json("/api/v1/actualites").await["total"], 0);
    app.wait_for_mail("redaction@partenaire.test", "est retirée")
        .await;

    // The campus team publishes its own directly, signed by the campus.
    let r = write(
        &equipe,
        &[
            ("titre", "Le campus recrute"),
            ("resume", "Une chargée de mission."),
        ],
        None,
    )
    .await;
    assert_eq!(r.status(), 303);
    let slug = slug_of(&r);
    assert_eq!(etat(&app, &slug).await, EtatActualite::Publiee);
    assert!(
        visitor
            .page("/actualites")
            .await
            .1
            .contains("Le campus recrute")
    );
    app.stop().await;
}

/// A refused form: its fields, its image, the message expected.
type Refus = (
    Vec<(&'static str, &'static str)>,
    Option<Vec<u8>>,
    &'static str,
);

#[tokio::test]
async fn bad_news_is_refused_in_french_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let partenaire = partner(&app, "refus@partenaire.test").await;
    let cases: Vec<Refus> = vec![
        (
            vec![("titre", " "), ("resume", "")],
            None,
            "Donnez un titre à l&#39;actualité.",
        ),
        (
            vec![("titre", "Un titre"), ("resume", "")],
            None,
            "Écrivez le résumé de l&#39;actualité.",
        ),
        (
            vec![("titre", "Un titre"), ("resume", "Un résumé")],
            Some(PNG.to_vec()),
            "Décrivez l&#39;image dans son texte alternatif.",
        ),
        (
            vec![
                ("titre", "Un titre"),
                ("resume", "Un résumé"),
                ("image_alt", "Un PDF"),
            ],
            Some(crate::insertion::PDF.to_vec()),
            "Image refusée",
        ),
        (
            vec![
                ("titre", "Un titre"),
                ("resume", "Un résumé"),
                ("image_alt", "Trop grande"),
            ],
            Some([PNG, &vec![0u8; 5 * 1024 * 1024][..]].concat()),
            "Image refusée : le fichier dépasse",
        ),
        (
            vec![
                ("titre", "Un titre"),
                ("resume", "Un résumé"),
                ("metiers", "Dompteur de comètes"),
            ],
            None,
            "Aucun métier ne correspond à « Dompteur de comètes »",
        ),
        (
            vec![
                ("titre", "Un titre"),
                ("resume", "Un résumé"),
                ("evenements", "999999"),
            ],
            None,
            "Choisissez des événements de la liste.",
        ),
    ];
    for (fields, image, message) in cases {
        let r = write(&partenaire, &fields, image.as_deref()).await;
        assert_eq!(r.status(), 422, "{fields:?}");
        let page = r.text().await.unwrap();
        assert!(page.contains(message), "{fields:?} : {message}\n{page}");
        assert!(page.contains("error-summary"));
    }
    let (stored, total) = app
        .state
        .store
        .actualites()
        .liste(&FiltreActualites::default())
        .await
        .unwrap();
    assert_eq!(total, 0, "{stored:?}");
    // Without an organisation, a partner does not write; nor a learner.
    let (seul, _) = app.login_as(Role::Partenaire).await;
    assert_eq!(seul.page("/actualites/nouvelle").await.0, 403);
    let (apprenant, _) = app.login_as(Role::Apprenant).await;
    assert_eq!(apprenant.page("/actualites/nouvelle").await.0, 403);
    app.stop().await;
}

#[tokio::test]
async fn markdown_is_rendered_without_scripts_nor_dangerous_links() {
    let app = TestApp::new().await;
    let (equipe, _) = app.login_as(Role::EquipeCampus).await;
    let r = write(
        &equipe,
        &[
            ("titre", "Texte piégé"),
            ("resume", "Un essai."),
            (
                "corps",
                "<script>alert('x')</script>\n\n[clic](javascript:alert(1)) et [le site](https://exemple.test)\n\n<img src=x onerror=alert(1)>",
            ),
        ],
        None,
    )
    .await;
    let slug = slug_of(&r);
    let page = app.client().page(&format!("/actualites/{slug}")).await.1;
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;"), "{page}");
    assert!(!page.to_ascii_lowercase().contains("javascript:"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(
        page.contains("<a href=\"https://exemple.test\">le site</a>"),
        "{page}"
    );
    let feed = app.client().page("/actualites/flux.atom").await.1;
    assert!(!feed.contains("<script"), "{feed}");
    app.stop().await;
}

/// An element: its path, its text, its attributes.
type Element = (String, String, Vec<(String, String)>);

/// The elements of the feed, by path (`feed/entry/title`), with their text
/// and attributes, as a reader parses them.
fn parse_feed(xml: &str) -> Vec<Element> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut out: Vec<Element> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                path.push(e.name().as_ref().to_owned());
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((path.join("/"), String::new(), attrs));
            }
            Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((format!("{}/{name}", path.join("/")), String::new(), attrs));
            }
            Event::Text(t) => {
                if let Some(last) = out.iter_mut().rev().find(|(p, _, _)| *p == path.join("/")) {
                    last.1.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let text = match r.into_inner().as_ref() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entité inconnue {other}"),
                }
                .to_owned();
                if let Some(last) = out.iter_mut().rev().find(|(p, _, _)| *p == path.join("/")) {
                    last.1.push_str(&text);
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[tokio::test]
async fn the_atom_feed_lists_published_news_only() {
    let app = TestApp::new().await;
    let (equipe, _) = app.login_as(Role::EquipeCampus).await;
    let partenaire = partner(&app, "flux@partenaire.test").await;
    for titre in ["Premier salon & rencontres", "Deuxième <atelier>"] {
        let r = write(
            &equipe,
            &[
                ("titre", titre),
                ("resume", "Résumé « utile »."),
                ("corps", "**Gras** <b>brut</b>"),
            ],
            None,
        )
        .await;
        assert_eq!(r.status(), 303);
    }
    let r = write(
        &partenaire,
        &[
            ("titre", "Brouillon du partenaire"),
            ("resume", "Pas encore relu."),
        ],
        None,
    )
    .await;
    assert_eq!(r.status(), 303);
    let response = app
        .client()
        .get(app.url("/actualites/flux.atom"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let xml = response.text().await.unwrap();
    let elements = parse_feed(&xml);
    let one = |path: &str| {
        elements
            .iter()
            .filter(|(p, _, _)| p == path)
            .collect::<Vec<_>>()
    };
    let feed = one("feed");
    assert_eq!(feed.len(), 1);
    assert!(
        feed[0]
            .2
            .contains(&("xmlns".to_owned(), "http://www.w3.org/2005/Atom".to_owned()))
    );
    for required in ["feed/id", "feed/title", "feed/updated", "feed/author/name"] {
        assert_eq!(one(required).len(), 1, "{required} dans\n{xml}");
        assert!(!one(required)[0].1.is_empty(), "{required} vide");
    }
    assert!(
        one("feed/link")
            .iter()
            .any(|(_, _, a)| a.contains(&("rel".into(), "self".into())))
    );
    let entries = one("feed/entry");
    assert_eq!(entries.len(), 2, "{xml}");
    for required in [
        "feed/entry/id",
        "feed/entry/title",
        "feed/entry/updated",
        "feed/entry/summary",
        "feed/entry/content",
        "feed/entry/link",
        "feed/entry/author/name",
    ] {
        assert_eq!(one(required).len(), 2, "{required} dans\n{xml}");
    }
    let titles: Vec<&str> = one("feed/entry/title")
        .iter()
        .map(|(_, t, _)| t.as_str())
        .collect();
    assert!(titles.contains(&"Premier salon & rencontres"), "{titles:?}");
    assert!(titles.contains(&"Deuxième <atelier>"), "{titles:?}");
    for (_, html, attrs) in one("feed/entry/content") {
        assert!(attrs.contains(&("type".into(), "html".into())));
        assert!(html.contains("<strong>Gras</strong>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }
    for (_, date, _) in one("feed/entry/updated") {
        assert!(chrono::DateTime::parse_from_rfc3339(date).is_ok(), "{date}");
    }
    assert!(!xml.contains("Brouillon du partenaire"));
    // Every page announces the feed.
    let home = app.client().page("/").await.1;
    assert!(home.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/actualites/flux.atom\""
    ));
    app.stop().await;
}

/// Subscribes `email` through the form; the page's text.
async fn subscribe(app: &TestApp, email: &str) -> (u16, String) {
    let r = app.client().post_form("/lettre", &[("email", email)]).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn subscriptions_need_the_confirmation_of_the_address() {
    let app = TestApp::new().await;
    let (status, page) = subscribe(&app, "pas-une-adresse").await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Saisissez une adresse électronique valide"),
        "{page}"
    );

    let (status, first) = subscribe(&app, "lecteur@exemple.test").await;
    assert_eq!(status, 200);
    assert!(first.contains("Vérifiez votre messagerie"));
    let mail = app
        .wait_for_mail("lecteur@exemple.test", "Confirmez votre abonnement")
        .await;
    let link = app.link_in(&mail.body, "/lettre/confirmation/");
    let store = app.state.store.actualites();
    let id: i32 = link.rsplit('/').nth(1).unwrap().parse().unwrap();
    assert!(!store.abonnement(id).await.unwrap().unwrap().confirme);
    // A forged or altered link is refused.
    let client = app.client();
    let (status, page) = client.page(&format!("/lettre/confirmation/{id}/abc")).await;
    assert_eq!(status, 400);
    assert!(
        page.contains("Ce lien n&#39;est pas valide ou a expiré."),
        "{page}"
    );
    // GET shows a button (a mail scanner's visit confirms nothing); POST confirms.
    let (status, page) = client.page(&link).await;
    assert_eq!(status, 200);
    assert!(page.contains("lecteur@exemple.test"));
    assert!(!store.abonnement(id).await.unwrap().unwrap().confirme);
    let path = link.trim_start_matches(&app.url(""));
    let r = client.post_form(path, &[]).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Abonnement confirmé"));
    assert!(store.abonnement(id).await.unwrap().unwrap().confirme);

    // The same address again: the same answer, and nothing sent.
    let (status, again) = subscribe(&app, "LECTEUR@exemple.test").await;
    assert_eq!(status, 200);
    assert_eq!(
        again
            .split("<main")
            .nth(1)
            .map(|m| m.split("</main>").next()),
        first
            .split("<main")
            .nth(1)
            .map(|m| m.split("</main>").next())
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let confirmations = app
        .mailbox
        .messages()
        .iter()
        .filter(|m| m.to == "lecteur@exemple.test")
        .count();
    assert_eq!(confirmations, 1);

    // A subscription never confirmed expires with its link.
    subscribe(&app, "distrait@exemple.test").await;
    let mail = app
        .wait_for_mail("distrait@exemple.test", "Confirmez")
        .await;
    let late = app.link_in(&mail.body, "/lettre/confirmation/");
    app.advance(chrono::Duration::days(8));
    assert_eq!(
        campus_web::purge_pending_subscriptions(&app.state, app.now())
            .await
            .unwrap(),
        1
    );
    assert_eq!(client.page(&late).await.0, 400);
    assert!(store.abonnement(id).await.unwrap().is_some());
    app.stop().await;
}

#[tokio::test]
async fn an_issue_goes_out_in_batches_once_to_each_subscriber() {
    let app = TestApp::new().await;
    let store = app.state.store.actualites();
    let total = 57;
    for n in 0..total {
        let email = Email::parse(&format!("abonne{n}@exemple.test")).unwrap();
        store
            .abonner(&email, |_| campus_store::outbox::OutgoingMail {
                to: email.as_str().to_owned(),
                subject: "bienvenue".into(),
                body: String::new(),
            })
            .await
            .unwrap();
    }
    // Confirm them all but the last (a pending address gets nothing).
    for n in 0..total - 1 {
        let found = store
            .abonnements_de(-1, &format!("abonne{n}@exemple.test"))
            .await
            .unwrap();
        assert!(store.confirmer(found[0].id).await.unwrap());
    }
    let (equipe, _) = app.login_as(Role::EquipeCampus).await;
    let r = write(
        &equipe,
        &[
            ("titre", "Salon de l'apprentissage"),
            ("resume", "Rendez-vous le 12."),
        ],
        None,
    )
    .await;
    let slug = slug_of(&r);
    let a = store.par_slug(&slug).await.unwrap();
    // Composition refused without subject nor introduction.
    let r = equipe
        .post_form("/admin/lettre", &[("actualites", &a.id.to_string())])
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Donnez un objet au numéro."), "{page}");
    assert!(
        page.contains("Écrivez l&#39;introduction du numéro."),
        "{page}"
    );
    let r = equipe
        .post_form(
            "/admin/lettre",
            &[
                ("objet", "Lettre de décembre"),
                (
                    "introduction",
                    "Bonjour à toutes et à tous,\n\nvoici les **nouvelles**.",
                ),
                ("actualites", &a.id.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let preview_path = r.headers()["location"].to_str().unwrap().to_owned();
    let (status, preview) = equipe.page(&preview_path).await;
    assert_eq!(status, 200);
    assert!(preview.contains("<strong>nouvelles</strong>"), "{preview}");
    assert!(preview.contains("Salon de l&#39;apprentissage"));
    assert!(
        preview.contains("Envoyer aux 56 abonnés confirmés"),
        "{preview}"
    );
    let numero_id: i32 = preview_path.rsplit('/').next().unwrap().parse().unwrap();
    let r = equipe
        .post_form(&format!("{preview_path}/envoi"), &[])
        .await;
    assert_eq!(r.status(), 303);
    // Sent twice: refused.
    let r = equipe
        .post_form(&format!("{preview_path}/envoi"), &[])
        .await;
    assert_eq!(r.status(), 409);
    // The job runs concurrently with the worker's own turns.
    let (a1, a2) = tokio::join!(
        campus_web::send_newsletter_batches(&app.state),
        campus_web::send_newsletter_batches(&app.state)
    );
    let _ = (a1, a2);
    crate::testkit::eventually("lettre envoyée", || async {
        (store.numero(numero_id).await.unwrap().etat == "envoye").then_some(())
    })
    .await;
    assert_eq!(store.numero(numero_id).await.unwrap().envoyes, 56);
    crate::testkit::eventually("lettres remises", || async {
        let n = app
            .mailbox
            .messages()
            .iter()
            .filter(|m| m.subject == "Lettre de décembre")
            .count();
        (n == 56).then_some(())
    })
    .await;
    campus_web::send_newsletter_batches(&app.state)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let messages: Vec<_> = app
        .mailbox
        .messages()
        .into_iter()
        .filter(|m| m.subject == "Lettre de décembre")
        .collect();
    assert_eq!(messages.len(), 56);
    let mut recipients: Vec<&str> = messages.iter().map(|m| m.to.as_str()).collect();
    recipients.sort_unstable();
    recipients.dedup();
    assert_eq!(recipients.len(), 56, "un abonné a reçu le numéro deux fois");
    assert!(!recipients.contains(&"abonne56@exemple.test"));
    let mail = messages
        .iter()
        .find(|m| m.to == "abonne3@exemple.test")
        .unwrap();
    assert!(mail.body.contains("Salon de l'apprentissage"));
    assert!(mail.body.contains(&format!("/actualites/{slug}")));
    let unsubscribe = mail
        .list_unsubscribe
        .clone()
        .expect("en-tête List-Unsubscribe");
    assert!(mail.body.contains(&unsubscribe));
    let listed = equipe.page("/admin/lettre").await.1;
    assert!(
        listed.contains("Lettre de décembre") && listed.contains("<td>56</td>"),
        "{listed}"
    );

    // One click, from the mail client: a POST without cookie nor token.
    let path = unsubscribe.split_once("/lettre/").unwrap().1;
    let forged = reqwest::Client::new()
        .post(app.url(&format!("/lettre/{}x", path)))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400);
    let id: i32 = path.split('/').nth(1).unwrap().parse().unwrap();
    assert!(store.abonnement(id).await.unwrap().is_some());
    let done = reqwest::Client::new()
        .post(app.url(&format!("/lettre/{path}")))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    assert!(store.abonnement(id).await.unwrap().is_none());
    // The exemption is that route's only: another POST without token fails.
    let other = reqwest::Client::new()
        .post(app.url("/lettre"))
        .form(&[("email", "x@exemple.test")])
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn a_subscription_is_in_the_export_and_goes_with_the_account() {
    let app = TestApp::new().await;
    let (client, user) = app
        .login_with("abonnee@exemple.test", Role::Apprenant)
        .await;
    let (status, _) = subscribe(&app, "abonnee@exemple.test").await;
    assert_eq!(status, 200);
    let mail = app.wait_for_mail("abonnee@exemple.test", "Confirmez").await;
    let link = app.link_in(&mail.body, "/lettre/confirmation/");
    let r = client
        .post_form(link.trim_start_matches(&app.url("")), &[])
        .await;
    assert_eq!(r.status(), 200);
    let data: serde_json::Value = client
        .get(app.url("/compte/donnees"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lettre = &data["lettre_information"];
    assert_eq!(lettre[0]["email"], "abonnee@exemple.test", "{data:#}");
    assert_eq!(lettre[0]["etat"], "confirme");
    assert!(lettre[0]["confirme_le"].is_string());
    assert_eq!(lettre[0]["user_id"], user.id);
    let page = app.client().page("/donnees-personnelles").await.1;
    assert!(page.contains("Lettre d&#39;information"), "{page}");
    let done = client
        .post_form(
            "/compte/suppression",
            &[
                ("current_password", crate::testkit::PASSWORD),
                ("confirmation", "oui"),
            ],
        )
        .await;
    assert_eq!(done.status(), 200);
    assert!(
        app.state
            .store
            .actualites()
            .abonnements_de(user.id, "abonnee@exemple.test")
            .await
            .unwrap()
            .is_empty()
    );
    app.stop().await;
}
