//! Training pages, their API and the LHÉO export, on the real offer files.

use campus_domain::{OrganisationKind, Role, Siret};
use campus_store::organisations::OrganisationInput;

use crate::testkit::{TestApp, sous_ensemble};

#[tokio::test]
async fn training_page_api_lists_and_lheo_export() {
    let Some(data) =
        campus_testkit::national_data("les quatre échantillons LHÉO et l'export RNCP national")
    else {
        return;
    };
    let app = TestApp::new().await;
    let store = &app.state.store;
    let afpa = store
        .create_organisation(
            OrganisationInput {
                nom: "AFPA Centre-Val de Loire".to_owned(),
                kind: OrganisationKind::OrganismeFormation,
                siret: Some(Siret::parse("82422814200660").unwrap()),
                uai: None,
                description: String::new(),
                adresse: None,
                code_postal: None,
                commune: None,
                departement: None,
                site_web: None,
                email_contact: None,
            },
            None,
        )
        .await
        .unwrap();
    campus_import::import_rncp(store, &data.join("rncp_rs_2024-01-17"))
        .await
        .unwrap();
    campus_import::import_lheo(store, &data.join("lheo/samples"))
        .await
        .unwrap();
    let client = app.client();

    let html = client.page("/formations/lheo:07_10").await.1;
    assert!(html.contains("<h1>Titre professionnel plaquiste</h1>"));
    assert!(html.contains("Veigné") && html.contains("Formation continue"));
    assert!(html.contains("<time datetime=\"2017-12-04\">"));
    assert!(
        html.contains("Bénéficiaire de l&#39;action") || html.contains("Bénéficiaire de l'action")
    );
    assert!(html.contains(&format!("href=\"/organisations/{}\"", afpa.slug)));
    assert!(html.contains("href=\"/certifications/RNCP320\""));
    let onisep = client.page("/formations/lheo:9436_18706").await.1;
    assert!(
        !onisep.contains("&lt;p&gt;"),
        "le HTML des sources n'est pas affiché brut"
    );

    let organisation = client
        .page(&format!("/organisations/{}", afpa.slug))
        .await
        .1;
    assert!(organisation.contains("href=\"/formations/lheo:07_10\""));
    let certification = client.page("/certifications/RNCP320").await.1;
    assert!(certification.contains("href=\"/formations/lheo:07_10\""));

    let api: serde_json::Value = client
        .get(app.url("/api/v1/formations/lheo:07_10"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["niveau_sortie"], 3);
    assert_eq!(api["organisation"], afpa.slug.as_str());
    assert_eq!(api["actions"][0]["lieu"]["commune"], "37266");
    assert_eq!(
        api["actions"][0]["sessions"][0]["etat_recrutement"],
        "ouvert"
    );
    assert_eq!(api["actions"][0]["financeurs"][1]["libelle"], "Entreprise");
    let missing = client
        .get(app.url("/api/v1/formations/lheo:inconnue"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(client.page("/formations/lheo:inconnue").await.0, 404);

    let export = client
        .get(app.url("/api/v1/export/lheo"))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert!(
        export.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    let body = export.text().await.unwrap();
    let mut cli = Vec::new();
    campus_import::export_lheo(store, &mut cli).await.unwrap();
    assert_eq!(body, String::from_utf8(cli).unwrap());
    assert_eq!(body.matches("<formation ").count(), 4);
    app.stop().await;
}

/// A Parcoursup programme names no RNCP code: its page names the
/// certification its title designates, and says where that comes from.
#[tokio::test]
async fn a_programme_page_names_the_certification_its_title_designates() {
    let app = TestApp::new().await;
    let store = &app.state.store;
    let data = sous_ensemble();
    campus_import::import_certifinfo(store, &data.join("certifinfo/certif_info.csv"))
        .await
        .unwrap();
    // The regional extract alone, through a folder of its own.
    let dir = std::env::temp_dir().join(format!("campus-esr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("fr-esr-parcoursup_simplified_centre-val-de-loire.csv");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(data.join("esr/fr-esr-parcoursup_simplified.csv"), &link).unwrap();
    campus_import::import_esr(store, &dir).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let report = campus_parcours_service::attach_programmes(store)
        .await
        .unwrap();
    assert!(report.attached > 100, "{report:?}");

    let (_, units) = crate::parcours::engine(&app).await;
    let unit = units
        .iter()
        .find(|u| {
            u.libelle
                == "BTS - Production - Maintenance des systemes - option A Systemes de production"
        })
        .unwrap();
    let formation = unit.id.split('/').next().unwrap();
    let page = app
        .client()
        .get(app.url(&format!("/formations/{formation}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap().replace("&#39;", "'");
    assert!(page.contains("<dt>Prépare</dt>"), "{page}");
    assert!(page.contains("href=\"/certifications/RNCP36968\""));
    assert!(page.contains("reconnue d'après l'intitulé de la formation"));

    // The campus team reviews the certification's trainings, removes this
    // one and confirms the others' first; a new computation keeps both
    // decisions, and the engine no longer offers the removed one.
    let (staff, _) = app.login_as(Role::EquipeCampus).await;
    let review = staff
        .get(app.url("/admin/parcours/formations?certification=rncp36968"))
        .send()
        .await
        .unwrap();
    assert_eq!(review.status(), 200);
    let review = review.text().await.unwrap();
    assert!(
        review.contains(&format!("href=\"/formations/{formation}\"")),
        "{review}"
    );
    assert!(review.contains("calculé"));
    let removed = staff
        .post_form(
            "/admin/parcours/formations",
            &[
                ("certification", "RNCP36968"),
                ("formation", formation),
                ("decision", "retirer"),
            ],
        )
        .await;
    assert_eq!(removed.status(), 303);
    let refused = staff
        .post_form(
            "/admin/parcours/formations",
            &[
                ("certification", "RNCP36968"),
                ("formation", "inconnue"),
                ("decision", "garder"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert!(
        refused.contains("Aucune formation du catalogue n&#39;a cet identifiant."),
        "{refused}"
    );
    let again = campus_parcours_service::attach_programmes(store)
        .await
        .unwrap();
    assert_eq!(again.curated, 1, "{again:?}");
    let (_, units) = crate::parcours::engine(&app).await;
    assert!(
        units
            .iter()
            .all(|u| !u.id.starts_with(&format!("{formation}/")))
    );
    let page = app
        .client()
        .get(app.url(&format!("/formations/{formation}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("<dt>Prépare</dt>"));
    let review = staff
        .page("/admin/parcours/formations?certification=RNCP36968")
        .await
        .1
        .replace("&#39;", "'");
    assert!(review.contains("retiré par l'équipe"), "{review}");
    // Nobody outside the campus team reaches the review.
    let visitor = app
        .client()
        .get(app.url("/admin/parcours/formations"))
        .send()
        .await
        .unwrap();
    assert_ne!(visitor.status(), 200);
}

/// A lycée's programme (Affelnet) shows its places and first wishes, and
/// its school, referenced by the catalogue of the apprenticeship
/// organisations, is in the directory as such, apart from the network's
/// own members.
#[tokio::test]
async fn a_lycee_programme_shows_how_hard_a_place_is_to_get() {
    let app = TestApp::with_catalogue().await;
    let (status, page) = app.page("/formations/affelnet:0410031L-23820020102").await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Bac pro Pilote de ligne de production (entrée en 2e année sur 3)"),
        "{page}"
    );
    assert!(
        page.contains(
            "15 places ; 9 élèves l&#39;ont demandée en premier vœu (Affelnet 2022), soit 0,6 demandes par place."
        ) || page.contains(
            "15 places ; 9 élèves l&#x27;ont demandée en premier vœu (Affelnet 2022), soit 0,6 demandes par place."
        ),
        "{page}"
    );

    let (_, referenced) = app
        .page("/organisations?origine=catalogue_apprentissage&departement=41")
        .await;
    assert!(
        referenced.contains(" · Référencé par le catalogue de l"),
        "{referenced}"
    );
    let (_, network) = app.page("/organisations?origine=reseau").await;
    assert!(
        !network.contains(" · Référencé par le catalogue de l"),
        "{network}"
    );
    let directory = app
        .state
        .store
        .list_organisations(&campus_store::organisations::OrganisationFilter {
            origine: Some(campus_domain::OrigineOrganisation::CatalogueApprentissage),
            per_page: 200,
            ..Default::default()
        })
        .await
        .unwrap();
    // The 221 apprenticeship organisations of Centre-Val de Loire, less
    // the few the catalogue lists as closed.
    assert!(directory.1 > 200 && directory.1 <= 221, "{}", directory.1);
    let org = &directory.0[0];
    let (status, page) = app.page(&format!("/organisations/{}", org.slug)).await;
    assert_eq!(status, 200);
    assert!(page.contains("pas encore membre du réseau"), "{page}");
    assert!(org.position.is_some() || org.commune.is_some(), "{org:?}");
}
