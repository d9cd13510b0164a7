//! The technology platform managed in the platform: the campus team adds
//! equipment, its managers edit it (every error at once, nothing stored
//! on any), add and delete photos checked by their bytes, and retire it;
//! the campus team imports a list all or nothing; holders and managers
//! are warned once before a habilitation expires. Nobody else may.

use campus_domain::equipement::CategorieEquipement;
use campus_domain::{MembreRole, Role};
use chrono::Duration;
use reqwest::multipart::{Form, Part};

use crate::testkit::{Client, TestApp};

const MELANGEUR: &str = "melangeur-emulseur-sous-vide-de-laboratoire";
const RHEOMETRE: &str = "rheometre-rotatif-a-contrainte-imposee";

/// The first bytes of a PNG image: what the document store sniffs.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// The sample list of `campus-import`'s tests.
const LISTE: &[u8] = include_bytes!("../../../campus-import/tests/it/equipements.csv");

/// A valid form of a new equipment, owned by `organisation` (a slug).
fn valid(organisation: &str) -> Vec<(&'static str, String)> {
    vec![
        ("nom", "Spray-dryer de laboratoire".into()),
        ("organisation", organisation.into()),
        ("categorie", "formulation".into()),
        ("statut", "en_service".into()),
        ("site", "Atelier de fabrication pilote, Tours".into()),
        (
            "description",
            "Atomisation de solutions et d'émulsions en poudres fines.".into(),
        ),
        ("capacites", "Débit d'eau évaporée jusqu'à 1 L/h.".into()),
        (
            "regles_securite",
            "Gants thermiques pour le cyclone.".into(),
        ),
        ("habilitation_requise", "oui".into()),
        ("tarif_academique", "55".into()),
        ("tarif_industriel", "140,50".into()),
        ("jours", "lun".into()),
        ("jours", "mer".into()),
        ("jours", "ven".into()),
        ("ouverture", "08:30".into()),
        ("fermeture", "17:00".into()),
    ]
}

async fn post(client: &Client, path: &str, fields: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post_form(path, &fields).await
}

/// Sends a photo (`bytes`, described by `alt`) for the equipment `slug`.
async fn upload_photo(client: &Client, slug: &str, bytes: &[u8], alt: &str) -> reqwest::Response {
    let token = client.csrf().await;
    let form = Form::new()
        .text("texte_alternatif", alt.to_owned())
        .part("photo", Part::bytes(bytes.to_vec()).file_name("photo.png"));
    client
        .post(client.url(&format!("/equipements/{slug}/photos?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Sends a list of equipment to the import page.
async fn upload_list(client: &Client, bytes: &[u8]) -> reqwest::Response {
    let token = client.csrf().await;
    let form = Form::new().part(
        "fichier",
        Part::bytes(bytes.to_vec()).file_name("equipements.csv"),
    );
    client
        .post(client.url(&format!("/admin/equipements/import?_csrf={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A partner made manager of the equipment `slug`, signed in.
async fn manager_of(app: &TestApp, email: &str, slug: &str) -> Client {
    let (client, user) = app.login_with(email, Role::Partenaire).await;
    let e = app
        .state
        .store
        .equipements()
        .equipement_by_slug(slug)
        .await
        .unwrap();
    app.state
        .store
        .equipements()
        .add_equipement_manager(e.id, user.id, None)
        .await
        .unwrap();
    client
}

/// Gives `field` the value `value` in a form's fields.
fn set(fields: &mut [(&'static str, String)], field: &str, value: &str) {
    for (k, v) in fields.iter_mut() {
        if *k == field {
            *v = value.to_owned();
        }
    }
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_campus_team_adds_a_manager_edits_and_retires_with_every_error_at_once() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let before = store.equipements().list_equipements().await.unwrap().len();
    assert_eq!(staff.page("/equipements/nouveau").await.0, 200);

    // Every field wrong: every error shown, nothing stored.
    let r = post(
        &staff,
        "/equipements/nouveau",
        &[
            ("nom", "x".into()),
            ("organisation", "inconnue".into()),
            ("categorie", "four".into()),
            ("site", " ".into()),
            ("description", "".into()),
            ("tarif_academique", "-5".into()),
            ("tarif_industriel", "beaucoup".into()),
            ("ouverture", "08:15".into()),
            ("fermeture", "7h".into()),
        ],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    for message in [
        "Choisissez une organisation dans la liste.",
        "Indiquez le nom de l&#39;équipement, de 3 à 120 caractères.",
        "Choisissez une catégorie dans la liste.",
        "Indiquez le lieu de l&#39;équipement",
        "Décrivez l&#39;équipement",
        "Un tarif ne peut pas être négatif.",
        "Indiquez un tarif horaire en euros",
        "Cochez au moins un jour d&#39;ouverture.",
        "choisissez une heure pleine ou une demie",
    ] {
        assert!(html.contains(message), "{message} absent de :\n{html}");
    }
    assert!(html.contains("Le formulaire contient 9 erreurs"), "{html}");
    assert_eq!(
        store.equipements().list_equipements().await.unwrap().len(),
        before
    );

    // A valid one is added, and its form opens to add photos.
    let r = post(
        &staff,
        "/equipements/nouveau",
        &valid("universite-de-tours"),
    )
    .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let slug = "spray-dryer-de-laboratoire";
    assert_eq!(
        location(&r),
        format!("/equipements/{slug}/modifier?ok=cree")
    );
    let e = store.equipements().equipement_by_slug(slug).await.unwrap();
    assert_eq!(e.organisation_nom, "Université de Tours");
    assert_eq!(
        (e.tarif_academique_centimes, e.tarif_industriel_centimes),
        (5_500, 14_050)
    );
    assert_eq!(e.horaires.jours(), 0b001_0101);
    assert!(e.habilitation_requise && !e.approbation_requise);
    assert_eq!(e.version, 1);
    assert!(
        app.page("/equipements")
            .await
            .1
            .contains("Spray-dryer de laboratoire")
    );

    // Its manager edits it; a mistake changes nothing.
    let manager = manager_of(&app, "gestionnaire@univ-tours.test", slug).await;
    let (status, html) = manager.page(&format!("/equipements/{slug}/modifier")).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"version\" value=\"1\""), "{html}");
    let mut edit = valid("ignore-pour-un-gestionnaire");
    edit.push(("version", "1".into()));
    set(&mut edit, "nom", "Spray-dryer Büchi B-290");
    set(&mut edit, "tarif_academique", "dix");
    edit.retain(|(k, _)| *k != "jours");
    let r = post(&manager, &format!("/equipements/{slug}/modifier"), &edit).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Le formulaire contient 2 erreurs"), "{html}");
    assert!(html.contains("Cochez au moins un jour"));
    let same = store.equipements().equipement_by_slug(slug).await.unwrap();
    assert_eq!(same, e);

    // Corrected: saved, the owner kept (a manager does not move it).
    set(&mut edit, "tarif_academique", "60");
    edit.push(("jours", "mar".into()));
    edit.push(("approbation_requise", "oui".into()));
    let r = post(&manager, &format!("/equipements/{slug}/modifier"), &edit).await;
    assert_eq!(r.status(), 303);
    let saved = store.equipements().equipement_by_slug(slug).await.unwrap();
    assert_eq!(saved.nom, "Spray-dryer Büchi B-290");
    assert_eq!(saved.slug, slug);
    assert_eq!(saved.tarif_academique_centimes, 6_000);
    assert_eq!(saved.horaires.jours(), 0b000_0010);
    assert!(saved.approbation_requise);
    assert_eq!(saved.organisation_nom, "Université de Tours");
    assert_eq!(saved.version, 2);

    // The same form sent again starts from an old version: refused.
    set(&mut edit, "nom", "Spray-dryer écrasé");
    let r = post(&manager, &format!("/equipements/{slug}/modifier"), &edit).await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Quelqu&#39;un a modifié cet équipement")
    );
    assert_eq!(
        store.equipements().equipement_by_slug(slug).await.unwrap(),
        saved
    );

    // Someone who does not manage it may not touch it.
    let (other, other_user) = app
        .login_with("autre@partenaire.test", Role::Partenaire)
        .await;
    let org = store
        .organisation_by_slug("universite-de-tours")
        .await
        .unwrap();
    store
        .set_member(org.id, other_user.id, MembreRole::Responsable, None)
        .await
        .unwrap();
    assert_eq!(
        other.page(&format!("/equipements/{slug}/modifier")).await.0,
        403
    );
    let r = post(&other, &format!("/equipements/{slug}/modifier"), &edit).await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        other
            .post_form(&format!("/equipements/{slug}/retirer"), &[])
            .await
            .status(),
        403
    );
    assert_eq!(
        upload_photo(&other, slug, PNG, "Vue d'ensemble")
            .await
            .status(),
        403
    );
    assert_eq!(other.page("/equipements/nouveau").await.0, 403);
    assert_eq!(manager.page("/equipements/nouveau").await.0, 403);

    // Retiring waits for the bookings to come.
    let learner_user = app.create_user("lea@exemple.test", Role::Apprenant).await;
    let booking =
        crate::authz_matrix::pending_reservation(&app, learner_user.id, "lot pilote").await;
    let melangeur = manager_of(&app, "gestion@imt.test", MELANGEUR).await;
    let r = melangeur
        .post_form(&format!("/equipements/{MELANGEUR}/retirer"), &[])
        .await;
    assert_eq!(r.status(), 409);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("Une réservation à venir occupe encore cet équipement")
    );
    assert!(
        store
            .equipements()
            .equipement_by_slug(MELANGEUR)
            .await
            .unwrap()
            .au_catalogue()
    );
    store
        .equipements()
        .cancel_reservation(booking, learner_user.id, vec![])
        .await
        .unwrap();
    let r = melangeur
        .post_form(&format!("/equipements/{MELANGEUR}/retirer"), &[])
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/equipements?ok=retire");
    // Gone from the catalogue, the API and booking; its history stays.
    assert!(
        !app.page("/equipements")
            .await
            .1
            .contains("Mélangeur-émulseur")
    );
    assert_eq!(app.page(&format!("/equipements/{MELANGEUR}")).await.0, 404);
    assert_eq!(
        app.page(&format!("/api/v1/equipements/{MELANGEUR}"))
            .await
            .0,
        404
    );
    let (status, html) = melangeur.page(&format!("/equipements/{MELANGEUR}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("a été retiré du catalogue"));
    assert_eq!(
        melangeur
            .page(&format!("/equipements/{MELANGEUR}/utilisation"))
            .await
            .0,
        200
    );
    assert_eq!(
        store
            .equipements()
            .reservation(booking)
            .await
            .unwrap()
            .equipement_slug,
        MELANGEUR
    );
    let e = store
        .equipements()
        .equipement_by_slug(MELANGEUR)
        .await
        .unwrap();
    let date = app.today() + Duration::weeks(2);
    let at = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let creneau =
        campus_domain::equipement::Creneau::local(date, at(9), at(10), e.horaires, app.now())
            .unwrap();
    let refused = store
        .equipements()
        .reserve_equipement(
            campus_store::equipements::DemandeReservation {
                equipement_id: e.id,
                user_id: learner_user.id,
                organisation_id: None,
                public: "apprenant".into(),
                tarif: campus_domain::equipement::Tarif::Academique,
                creneau,
                objet: "après retrait".into(),
            },
            vec![],
        )
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        campus_store::equipements::ReservationError::Refusee(
            campus_store::equipements::Refus::Indisponible
        )
    ));
    // A retired equipment is edited no more.
    assert_eq!(
        melangeur
            .page(&format!("/equipements/{MELANGEUR}/modifier"))
            .await
            .0,
        404
    );
    app.stop().await;
}

#[tokio::test]
async fn photos_are_checked_by_their_bytes_and_shown_while_in_the_catalogue() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let manager = manager_of(&app, "plateau@univ-tours.test", RHEOMETRE).await;
    let e = store
        .equipements()
        .equipement_by_slug(RHEOMETRE)
        .await
        .unwrap();

    // An HTML page named photo.png.
    let r = upload_photo(
        &manager,
        RHEOMETRE,
        b"<html><script>alert(1)</script></html>",
        "Le rhéomètre",
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("le fichier n&#39;est pas une image (PNG, JPEG, WebP)"),
        "{html}"
    );
    // Over 5 Mo.
    let mut big = PNG.to_vec();
    big.resize(5 * 1024 * 1024 + 1, 0);
    let r = upload_photo(&manager, RHEOMETRE, &big, "Le rhéomètre").await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("dépasse 5 Mo"));
    // Without its alternative text.
    let r = upload_photo(&manager, RHEOMETRE, PNG, "   ").await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("le texte alternatif est obligatoire")
    );
    assert!(store.equipements().photos(e.id).await.unwrap().is_empty());
    assert!(
        !store
            .recent_audit_events(1000)
            .await
            .unwrap()
            .iter()
            .any(|a| a.action.starts_with("equipement.photo"))
    );

    // A real image: stored, shown with its text, served with its type.
    let alt = "Le rhéomètre sur sa paillasse, géométrie cône-plan montée";
    let r = upload_photo(&manager, RHEOMETRE, PNG, alt).await;
    assert_eq!(r.status(), 303);
    let photos = store.equipements().photos(e.id).await.unwrap();
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].fichier.nature, "png");
    let path = format!("/equipements/{RHEOMETRE}/photos/{}", photos[0].id);
    let page = app.page(&format!("/equipements/{RHEOMETRE}")).await.1;
    assert!(
        page.contains(&format!(
            "<img src=\"{path}\" alt=\"{}\"",
            alt.replace('\'', "&#39;")
        )),
        "{page}"
    );
    let response = app.client().get(app.url(&path)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);
    // Not under another equipment's address.
    assert_eq!(
        app.page(&format!("/equipements/{MELANGEUR}/photos/{}", photos[0].id))
            .await
            .0,
        404
    );

    // Deleted: its address answers no more.
    let r = manager.post_form(&format!("{path}/supprimer"), &[]).await;
    assert_eq!(r.status(), 303);
    assert_eq!(app.page(&path).await.0, 404);
    assert!(store.equipements().photos(e.id).await.unwrap().is_empty());

    // Once retired, its photos are its managers' only.
    let r = upload_photo(&manager, RHEOMETRE, PNG, alt).await;
    assert_eq!(r.status(), 303);
    let id = store.equipements().photos(e.id).await.unwrap()[0].id;
    let path = format!("/equipements/{RHEOMETRE}/photos/{id}");
    assert_eq!(
        manager
            .post_form(&format!("/equipements/{RHEOMETRE}/retirer"), &[])
            .await
            .status(),
        303
    );
    assert_eq!(app.page(&path).await.0, 404);
    let (learner, _) = app.login_as(Role::Apprenant).await;
    assert_eq!(learner.page(&path).await.0, 404);
    assert_eq!(manager.page(&path).await.0, 200);
    app.stop().await;
}

#[tokio::test]
async fn a_list_is_imported_all_or_nothing_with_its_problems_by_line() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let (staff, _) = app
        .login_with("equipe@campus.test", Role::EquipeCampus)
        .await;
    let before = store.equipements().list_equipements().await.unwrap();
    let (status, html) = staff.page("/admin/equipements/import").await;
    assert_eq!(status, 200);
    assert!(html.contains("nom;categorie;organisation;site"));

    // The sample with one bad line more: every problem with its line,
    // nothing stored.
    let mut bad = LISTE.to_vec();
    bad.extend_from_slice(
        "Lyophilisateur;formulation;L'Oréal;Chartres;Séchage à froid.;;;peut-être;20;60;lun-dim;08:00;18:00;non\n"
            .as_bytes(),
    );
    let r = upload_list(&staff, &bad).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains(
            "equipements.csv:7: habilitation_requise : « peut-être » : indiquez oui ou non"
        ),
        "{html}"
    );
    assert!(html.contains("Aucun équipement n&#39;a été enregistré"));
    assert_eq!(
        store.equipements().list_equipements().await.unwrap(),
        before
    );

    // An unknown owner is found out in the transaction: nothing stored.
    let mut unknown = LISTE.to_vec();
    unknown.extend_from_slice(
        "Lyophilisateur;formulation;Laboratoire fantôme;Chartres;Séchage à froid.;;;oui;20;60;lun-ven;08:00;18:00;non\n"
            .as_bytes(),
    );
    let r = upload_list(&staff, &unknown).await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("equipements.csv:7: organisation : « Laboratoire fantôme »")
    );
    assert_eq!(
        store.equipements().list_equipements().await.unwrap(),
        before
    );

    // The sample: three added, the rheometer updated.
    let r = upload_list(&staff, LISTE).await;
    assert_eq!(r.status(), 303);
    let notice = staff.page(&location(&r)).await.1;
    assert!(
        notice.contains("3 équipement(s) ajouté(s), 1 mis à jour, 0 inchangé(s)"),
        "{notice}"
    );
    assert_eq!(
        store.equipements().list_equipements().await.unwrap().len(),
        before.len() + 3
    );
    assert_eq!(
        store
            .equipements()
            .equipement_by_slug(RHEOMETRE)
            .await
            .unwrap()
            .tarif_academique_centimes,
        4_000
    );

    // Not for anyone else.
    let (partner, _) = app.login_as(Role::Partenaire).await;
    assert_eq!(partner.page("/admin/equipements/import").await.0, 403);
    assert_eq!(upload_list(&partner, LISTE).await.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn holders_and_managers_are_warned_once_thirty_days_before_expiry() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let _manager = manager_of(
        &app,
        "plateau@univ-orleans.test",
        "chaine-hplc-avec-detecteur-uv-a-barrette-de-diodes",
    )
    .await;
    let holder = app
        .create_user("chimiste@exemple.test", Role::Apprenant)
        .await;
    let expire_le = app.today() + Duration::days(40);
    store
        .equipements()
        .grant_habilitation(
            holder.id,
            CategorieEquipement::Chromatographie,
            None,
            expire_le,
            "formation HPLC",
        )
        .await
        .unwrap();
    // A habilitation of a category whose equipment has no manager: no
    // one to warn.
    let other = app
        .create_user("formulatrice@exemple.test", Role::Apprenant)
        .await;
    store
        .equipements()
        .grant_habilitation(
            other.id,
            CategorieEquipement::SallePropre,
            None,
            app.today() + Duration::days(35),
            "",
        )
        .await
        .unwrap();
    let warn = || campus_web::send_habilitation_warnings(&app.state, app.now());
    assert_eq!(warn().await.unwrap(), 0);

    // Thirty days before: the holder and the manager, once.
    app.advance(Duration::days(10));
    assert_eq!(warn().await.unwrap(), 1);
    let date = expire_le.format("%d/%m/%Y").to_string();
    let mail = app
        .wait_for_mail("chimiste@exemple.test", "expire le")
        .await;
    assert!(mail.subject.contains(&date), "{}", mail.subject);
    assert!(mail.body.contains("Chaîne HPLC"), "{}", mail.body);
    let mail = app
        .wait_for_mail("plateau@univ-orleans.test", "Habilitation bientôt expirée")
        .await;
    assert!(mail.body.contains("Test apprenant"), "{}", mail.body);
    assert_eq!(warn().await.unwrap(), 0);
    app.advance(Duration::days(1));
    assert_eq!(warn().await.unwrap(), 0);

    // Renewed for a short while: its new expiry is warned of again.
    store
        .equipements()
        .grant_habilitation(
            holder.id,
            CategorieEquipement::Chromatographie,
            None,
            app.today() + Duration::days(20),
            "remise à niveau",
        )
        .await
        .unwrap();
    assert_eq!(warn().await.unwrap(), 1);
    assert_eq!(warn().await.unwrap(), 0);
    // The HPLC, the one managed equipment of the category, retired:
    // nobody manages what the habilitation opens, nobody is warned.
    let hplc = store
        .equipements()
        .equipement_by_slug("chaine-hplc-avec-detecteur-uv-a-barrette-de-diodes")
        .await
        .unwrap();
    store
        .equipements()
        .retire_equipement(hplc.id, None)
        .await
        .unwrap();
    store
        .equipements()
        .grant_habilitation(
            holder.id,
            CategorieEquipement::Chromatographie,
            None,
            app.today() + Duration::days(10),
            "",
        )
        .await
        .unwrap();
    assert_eq!(warn().await.unwrap(), 0);
    app.stop().await;
}
