//! The campus team's registry of indicators: an indicator created, a
//! formula over an unknown record kind and a target that is not a number
//! refused in French with nothing stored, an edit kept as version 2 beside
//! version 1, an indicator retired and restored, the lever commentary.

use campus_domain::Role;
use campus_domain::evaluation::indicateur::CodeIndicateur;

use crate::testkit::{Client, TestApp};

fn fields<'a>(code: &'a str, nom: &'a str, formule: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("levier", "2"),
        ("code", code),
        ("nom", nom),
        (
            "definition",
            "Offres d'apprentissage publiées. Une offre compte pour l'année civile de sa publication.",
        ),
        ("formule", formule),
        ("unite", "offres"),
        ("denominateur", ""),
        ("ventilations", "annee"),
        ("ventilations", "metier"),
        ("sens", "hausse"),
    ]
}

async fn staff(app: &TestApp) -> Client {
    app.login_as(Role::EquipeCampus).await.0
}

fn code(text: &str) -> CodeIndicateur {
    CodeIndicateur::parse(text).unwrap()
}

#[tokio::test]
async fn create_edit_target_retire() {
    let app = TestApp::new().await;
    let client = staff(&app).await;

    // The defaults are there, grouped by lever, linked from the admin page.
    let (status, html) = client.page("/admin/indicateurs").await;
    assert_eq!(status, 200);
    assert!(html.contains("L1-ATELIERS") && html.contains("L8-RECOMMANDATION"));
    assert!(client.page("/admin").await.1.contains("/admin/indicateurs"));
    let (status, html) = client.page("/admin/indicateurs/nouveau").await;
    assert_eq!(status, 200);
    // The formula's help lists the record kinds and their fields.
    assert!(html.contains("equipement_reservations") && html.contains("delai_reponse_jours"));

    // Created.
    let r = client
        .post_form(
            "/admin/indicateurs",
            &fields(
                "L2-OFFRES-APPR",
                "Offres d'apprentissage",
                "compte(offres[type = \"apprentissage\"])",
            ),
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(
        r.headers()["location"],
        "/admin/indicateurs/L2-OFFRES-APPR?ok=cree"
    );
    let (status, html) = client.page("/admin/indicateurs/L2-OFFRES-APPR").await;
    assert_eq!(status, 200);
    assert!(html.contains("Version 1"));

    // Edited: version 2, both in the history.
    let mut edit = fields(
        "",
        "Offres d'apprentissage ouvertes",
        "compte(offres[type = \"apprentissage\" et etat = \"ouverte\"])",
    );
    edit.push(("version", "1"));
    let r = client
        .post_form("/admin/indicateurs/L2-OFFRES-APPR", &edit)
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (_, html) = client.page("/admin/indicateurs/L2-OFFRES-APPR").await;
    assert!(html.contains("Version 2"));
    assert!(html.contains("ouvertes"));
    let h = app
        .state
        .store
        .indicateurs()
        .get(&code("L2-OFFRES-APPR"))
        .await
        .unwrap();
    assert_eq!(
        h.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert_eq!(
        h.versions[1].fiche.formule.to_string(),
        "compte(offres[type = \"apprentissage\"])"
    );

    // A second editor who read version 1 is told, and writes nothing.
    let r = client
        .post_form("/admin/indicateurs/L2-OFFRES-APPR", &edit)
        .await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("pendant votre saisie"));

    // A target in French writing, shown in the list for the current year.
    let annee = app.today().format("%Y").to_string();
    let r = client
        .post_form(
            "/admin/indicateurs/L2-OFFRES-APPR/cibles",
            &[("annee", &annee), ("valeur", "1 200,5")],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert!(client.page("/admin/indicateurs").await.1.contains("1200,5"));
    let r = client
        .post_form(
            &format!("/admin/indicateurs/L2-OFFRES-APPR/cibles/{annee}/supprimer"),
            &[],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(
        app.state
            .store
            .indicateurs()
            .cibles(&code("L2-OFFRES-APPR"))
            .await
            .unwrap()
            .is_empty()
    );

    // Retired, apart in the list; restored.
    let r = client
        .post_form("/admin/indicateurs/L2-OFFRES-APPR/retirer", &[])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = client.page("/admin/indicateurs").await;
    let retires = &html[html.find("titre-retires").unwrap()..];
    assert!(retires.contains("L2-OFFRES-APPR"));
    let r = client
        .post_form("/admin/indicateurs/L2-OFFRES-APPR/retablir", &[])
        .await;
    assert_eq!(r.status(), 303);
    let (_, html) = client.page("/admin/indicateurs").await;
    assert!(!html[html.find("titre-retires").unwrap()..].contains("L2-OFFRES-APPR"));
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_stored() {
    let app = TestApp::new().await;
    let client = staff(&app).await;
    let avant = app.state.store.indicateurs().list().await.unwrap();

    // A formula over a record kind that does not exist.
    let r = client
        .post_form(
            "/admin/indicateurs",
            &fields("L2-LICORNES", "Licornes", "compte(licornes)"),
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("inconnu « licornes »"), "{html}");
    assert!(html.contains("champ-formule-erreur"));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("error-summary"));

    // A code of another lever, a breakdown the kind does not carry.
    let mut bad = fields("L3-OFFRES", "Offres", "compte(offres)");
    bad.push(("ventilations", "public"));
    let r = client.post_form("/admin/indicateurs", &bad).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("L2-"), "{html}");
    assert!(html.contains("ne se ventilent pas par public"), "{html}");

    // A default's code is taken.
    let r = client
        .post_form(
            "/admin/indicateurs",
            &fields("L2-OFFRES", "Offres", "compte(offres)"),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("déjà pris"));

    // An edit with a bad formula.
    let mut edit = fields("", "Offres", "somme(offres.etat)");
    edit.push(("version", "1"));
    let r = client
        .post_form("/admin/indicateurs/L2-OFFRES", &edit)
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("pas un nombre"));

    // A target that is not a number, a year out of range.
    let r = client
        .post_form(
            "/admin/indicateurs/L2-OFFRES/cibles",
            &[("annee", "2026"), ("valeur", "abc")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("la cible « abc »"), "{html}");
    assert!(html.contains("champ-valeur-erreur"));
    let r = client
        .post_form(
            "/admin/indicateurs/L2-OFFRES/cibles",
            &[("annee", "1789"), ("valeur", "3")],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("champ-annee-erreur"));

    assert_eq!(app.state.store.indicateurs().list().await.unwrap(), avant);
    assert!(
        app.state
            .store
            .indicateurs()
            .cibles(&code("L2-OFFRES"))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        client.page("/admin/indicateurs/L9-RIEN").await.0,
        404,
        "an impossible code is not found"
    );
}

#[tokio::test]
async fn lever_commentary_per_year() {
    let app = TestApp::new().await;
    let client = staff(&app).await;
    let (status, html) = client
        .page("/admin/evaluation/commentaires?annee=2026")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("champ-texte-8"));
    let r = client
        .post_form(
            "/admin/evaluation/commentaires",
            &[
                ("annee", "2026"),
                ("texte-1", "Deux fois plus de visites de sites."),
                ("texte-2", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let (_, html) = client
        .page("/admin/evaluation/commentaires?annee=2026")
        .await;
    assert!(html.contains("Deux fois plus de visites de sites."));
    let stored = app
        .state
        .store
        .indicateurs()
        .commentaires(2026)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);

    // Too long: refused beside its field, nothing changed.
    let long = "a".repeat(20_001);
    let r = client
        .post_form(
            "/admin/evaluation/commentaires",
            &[("annee", "2026"), ("texte-1", "Autre"), ("texte-3", &long)],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("champ-texte-3-erreur"));
    assert_eq!(
        app.state
            .store
            .indicateurs()
            .commentaires(2026)
            .await
            .unwrap(),
        stored
    );
    assert_eq!(
        client
            .page("/admin/evaluation/commentaires?annee=abc")
            .await
            .0,
        400
    );
}
