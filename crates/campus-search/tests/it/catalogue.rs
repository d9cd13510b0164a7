//! Search over the real catalogue (ROME, Certif Info, RNCP, communes, the
//! demonstration organisations), with queries people actually type.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::search::DocumentKind;
use campus_domain::{GeoPoint, Sector};
use campus_search::{Catalogue, IndexLocation, Near, SearchRequest, SearchResults};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

const SECTOR: [&str; 6] = ["H2301", "H3301", "H3302", "H1502", "H1503", "I1304"];

/// The embedded subset of the referentials, unpacked once for the tests:
/// real extracts laid out as `../shared/data`, there in a fresh clone too.
fn sous_ensemble() -> std::path::PathBuf {
    campus_import::SousEnsemble::embedded()
        .cached(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")))
        .unwrap()
}

/// The national catalogue: the queries' expected answers are those of
/// the whole national data.
async fn real_catalogue(db: &TestDb, data: &std::path::Path) -> Store {
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    campus_import::import_rome(&store, &data.join("rome_v460"))
        .await
        .unwrap();
    campus_import::import_certifinfo(&store, &data.join("certifinfo/certif_info.csv.gz"))
        .await
        .unwrap();
    campus_import::import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
        .await
        .unwrap();
    let geo = data.join("geo");
    campus_import::import_communes(
        &store,
        &geo.join("decoupage-administratif-6.0.0/communes.json.gz"),
        &geo.join("laposte_hexasmal_2020-04.csv.gz"),
    )
    .await
    .unwrap();
    campus_import::import_esr(&store, &data.join("esr"))
        .await
        .unwrap();
    campus_import::import_lheo(&store, &data.join("lheo/samples"))
        .await
        .unwrap();
    store.load_demo_if_empty().await.unwrap();
    store
}

async fn search(catalogue: &Catalogue, text: &str) -> SearchResults {
    catalogue
        .search(SearchRequest {
            text: text.to_owned(),
            ..Default::default()
        })
        .await
        .unwrap()
}

fn no_sector() -> Sector {
    Sector::new::<&str>(&[], &[], &[]).unwrap()
}

fn ids(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.id.as_str()).collect()
}

#[tokio::test]
async fn real_queries_on_the_real_catalogue() {
    let Some(data) = national_data("requêtes réelles sur tout le catalogue national") else {
        return;
    };
    let db = TestDb::new().await;
    let store = real_catalogue(&db, &data).await;
    let sector = Sector::new(&SECTOR, &[], &[]).unwrap();
    let catalogue = Catalogue::open(&store, IndexLocation::Memory, sector)
        .await
        .unwrap();
    let index = catalogue.index();
    assert!(index.len() > 5000, "{}", index.len());
    assert_eq!(
        index.generation(),
        store.catalogue_generation().await.unwrap()
    );

    // Packaging operators: in ROME 4.0 their job titles belong to H3302
    // (« Opérateur de conditionnement manuel ») and H3305 (« … de ligne de
    // conditionnement »), beside H3301, the packaging line operator.
    let packaging = search(&catalogue, "operateur conditionnement").await;
    let top: Vec<&str> = ids(&packaging).into_iter().take(5).collect();
    assert!(
        ["H3302", "H3305"].contains(&top[0]) && top.contains(&"H3301"),
        "{top:?}"
    );
    assert!(
        packaging.hits[0].snippet_html.contains(
            "<mark>Opérateur</mark> / <mark>Opératrice</mark> de <mark>conditionnement</mark>"
        ),
        "{}",
        packaging.hits[0].snippet_html
    );
    let line = search(&catalogue, "conducteur de ligne de conditionnement").await;
    assert_eq!(line.hits[0].id, "H3301", "{:?}", ids(&line));
    assert_eq!(line.hits[0].kind, DocumentKind::Metier);

    // « BTS cosmétique » is the BTS of aesthetics, cosmetics and perfumery.
    let bts = search(&catalogue, "bts cosmétique").await;
    let first = &bts.hits[0];
    assert_eq!(first.kind, DocumentKind::Certification);
    assert!(
        first
            .title
            .to_lowercase()
            .contains("esthétique-cosmétique-parfumerie")
            || first.title.contains("cosmétique et de la parfumerie"),
        "{}",
        first.title
    );
    assert!(first.title_html.contains("<mark>BTS</mark>"));

    // Quality in pharmaceutical industries: trades and certifications of
    // quality, pharmacy words matched from the beginning typed.
    let quality = search(&catalogue, "qualité pharma").await;
    assert!(quality.total >= 10, "{}", quality.total);
    for hit in quality.hits.iter().take(5) {
        let title = hit.title_html.to_lowercase();
        assert!(
            title.contains("<mark>qualit")
                || hit.snippet_html.to_lowercase().contains("<mark>qualit"),
            "{}",
            hit.title
        );
    }
    assert!(
        quality
            .hits
            .iter()
            .take(10)
            .any(|h| h.title.to_lowercase().contains("pharma")),
        "{:?}",
        quality.hits.iter().map(|h| &h.title).collect::<Vec<_>>()
    );

    // A long query mixing trade, modality and place, searched as typed
    // (« partout »): no document has every word, those with most of them
    // come first — industrial maintenance technicians, their trainings in
    // alternance or around Orléans.
    let long = catalogue
        .search(SearchRequest {
            text: "technicien maintenance industrielle alternance Orléans".to_owned(),
            text_only: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(long.place.is_none());
    let titles: Vec<String> = long
        .hits
        .iter()
        .take(5)
        .map(|h| h.title.to_lowercase())
        .collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    assert!(
        titles[..3]
            .iter()
            .all(|t| t.contains("technicien") && t.contains("maintenance industrielle")),
        "{titles:?}"
    );
    assert!(
        titles.iter().filter(|t| t.contains("maintenance")).count() >= 4,
        "{titles:?}"
    );

    // Accents, case, plurals and elision do not change the answer: the
    // same first five in order, the same first ten (near-ties further down
    // may swap, plural and singular forms weighing a hair apart).
    let top10 = |r: &SearchResults| {
        let ids: Vec<String> = ids(r).into_iter().take(10).map(str::to_owned).collect();
        let mut rest = ids[5.min(ids.len())..].to_vec();
        rest.sort();
        (ids[..5.min(ids.len())].to_vec(), rest)
    };
    let reference = top10(&search(&catalogue, "opérateur de conditionnement").await);
    for variant in [
        "OPERATEUR DE CONDITIONNEMENT",
        "opérateurs de conditionnements",
        "Opérateur du conditionnement",
        "opérateur d'conditionnement",
    ] {
        let found = search(&catalogue, variant).await;
        assert_eq!(top10(&found), reference, "{variant}");
    }
    assert_eq!(
        top10(&search(&catalogue, "l'esthétique").await),
        top10(&search(&catalogue, "esthetique").await)
    );

    // A typo still finds maintenance.
    let typo = search(&catalogue, "maintenanse").await;
    assert!(typo.total > 0);
    assert!(
        typo.hits[0].title.to_lowercase().contains("maintenance"),
        "{}",
        typo.hits[0].title
    );
    assert!(typo.hits[0].title_html.contains("<mark>"));

    // Codes find their document first.
    assert_eq!(search(&catalogue, "H2301").await.hits[0].id, "H2301");
    assert_eq!(
        search(&catalogue, "RNCP36085").await.hits[0].id,
        "RNCP36085"
    );

    // Facets: kinds and levels of every match, sector among them.
    let chimie = search(&catalogue, "chimie").await;
    let kinds: usize = chimie.facets.kinds.iter().map(|(_, n)| n).sum();
    assert_eq!(kinds, chimie.total);
    assert!(
        chimie
            .facets
            .niveaux
            .iter()
            .all(|(n, _)| (3..=8).contains(n))
    );
    let (in_sector, outside) = chimie.facets.secteur;
    assert_eq!(in_sector + outside, chimie.total);
    let level_5 = catalogue
        .search(SearchRequest {
            text: "chimie".to_owned(),
            niveaux: vec![5],
            ..Default::default()
        })
        .await
        .unwrap();
    let expected = chimie
        .facets
        .niveaux
        .iter()
        .find(|(n, _)| *n == 5)
        .map(|(_, c)| *c)
        .unwrap();
    assert_eq!(level_5.total, expected);
    assert!(level_5.hits.iter().all(|h| h.niveau == Some(5)));

    // Pages follow each other without overlap.
    let page1 = catalogue
        .search(SearchRequest {
            text: "technicien".to_owned(),
            per_page: 10,
            page: 1,
            ..Default::default()
        })
        .await
        .unwrap();
    let page2 = catalogue
        .search(SearchRequest {
            text: "technicien".to_owned(),
            per_page: 10,
            page: 2,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page1.total, page2.total);
    assert_eq!(page2.hits.len(), 10);
    assert!(
        page2
            .hits
            .iter()
            .all(|h| !ids(&page1).contains(&h.id.as_str()))
    );

    // Organisations around Orléans, nearest first, within the radius.
    let suggestions = catalogue.suggestions();
    let orleans = suggestions.communes("45000", 1);
    let centre = GeoPoint::from_columns(orleans[0].latitude, orleans[0].longitude).unwrap();
    let around = catalogue
        .search(SearchRequest {
            near: Some(Near {
                centre,
                radius_km: 60.0,
            }),
            kinds: vec![DocumentKind::Organisation],
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(around.total >= 2, "{:?}", ids(&around));
    let distances: Vec<f64> = around.hits.iter().filter_map(|h| h.distance_km).collect();
    assert_eq!(distances.len(), around.hits.len());
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    assert!(distances.iter().all(|d| *d <= 60.0));
    let everywhere = catalogue
        .search(SearchRequest {
            kinds: vec![DocumentKind::Organisation],
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(everywhere.total > around.total);

    // Chemistry trainings within 30 km of Orléans, nearest first: the
    // Orléans ones (IUT, university) before the others.
    let chimie = catalogue
        .search(SearchRequest {
            text: "chimie".to_owned(),
            near: Some(Near {
                centre,
                radius_km: 30.0,
            }),
            kinds: vec![DocumentKind::Formation],
            per_page: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(chimie.total >= 3, "{:?}", ids(&chimie));
    let distances: Vec<f64> = chimie.hits.iter().filter_map(|h| h.distance_km).collect();
    assert_eq!(distances.len(), chimie.hits.len());
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(distances.iter().all(|d| *d <= 30.0), "{distances:?}");
    assert!(
        chimie
            .hits
            .iter()
            .all(|h| h.title.to_lowercase().contains("chimi")
                || h.snippet_html.to_lowercase().contains("chimi")),
        "{:?}",
        chimie.hits.iter().map(|h| &h.title).collect::<Vec<_>>()
    );
    assert!(
        chimie.hits[0].departement.as_deref() == Some("45"),
        "{:?}",
        chimie.hits[0]
    );
    let wider = catalogue
        .search(SearchRequest {
            text: "chimie".to_owned(),
            kinds: vec![DocumentKind::Formation],
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(wider.total > chimie.total);

    // Autocomplete on the real job titles and communes.
    let tables = catalogue.suggestions();
    assert_eq!(tables.generation(), index.generation());
    let labels = |found: Vec<&campus_search::AppellationSuggestion>| {
        found
            .into_iter()
            .map(|a| (a.code_ogr, a.libelle.clone()))
            .collect::<Vec<_>>()
    };
    let operators = labels(tables.appellations("operateur condi", 10));
    assert_eq!(operators[0].0, 17072, "{operators:?}");
    assert!(operators.iter().any(|(code, _)| *code == 17110));
    assert!(
        operators
            .iter()
            .all(|(_, l)| l.starts_with("Opérateur") && l.contains("conditionnement")),
        "{operators:?}"
    );
    let line = labels(tables.appellations("Conducteur ligne cond", 10));
    assert_eq!(
        line[0].1,
        "Conducteur / Conductrice de ligne de conditionnement"
    );
    // Every job title is there, not only the trades' main ones.
    assert!(tables.appellations("conditionnement", 100).len() >= 17);
    assert!(tables.appellations("zzzz", 10).is_empty());
    let noms = |found: Vec<&campus_search::CommuneSuggestion>| {
        found.into_iter().map(|c| c.nom.clone()).collect::<Vec<_>>()
    };
    assert_eq!(noms(tables.communes("orl", 1)), ["Orléans"]);
    assert_eq!(noms(tables.communes("ORLÉANS", 1)), ["Orléans"]);
    assert_eq!(noms(tables.communes("45000", 5)), ["Orléans"]);
    assert_eq!(noms(tables.communes("37", 1)), ["Tours"]);
    assert_eq!(
        noms(tables.communes("st jean de bray", 1)),
        ["Saint-Jean-de-Braye"]
    );
    assert_eq!(
        noms(tables.communes("fleury les aub", 1)),
        ["Fleury-les-Aubrais"]
    );
    let saint = tables.communes("saint-", 10);
    assert_eq!(saint.len(), 10);
    assert!(saint.iter().all(|c| c.nom.starts_with("Saint")));

    what_people_mean(&catalogue).await;
}

/// Whether `first` is on the page and `then` after it or further away.
fn before(results: &SearchResults, first: &str, then: &str) -> bool {
    let found = ids(results);
    match (
        found.iter().position(|id| *id == first),
        found.iter().position(|id| *id == then),
    ) {
        (Some(a), Some(b)) => a < b,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// The ranking reads what is meant (the failures of plain word matching,
/// pinned): a job title puts its trade first, a diploma word the
/// diplomas, the renewed diploma comes after its successor, the sector's
/// acronyms are known, words together in a title beat scattered ones, a
/// commune at the end is the place, and a search finding nothing still
/// leads somewhere.
async fn what_people_mean(catalogue: &Catalogue) {
    // « Ingénieur / Ingénieure procédés » is a job title of H1206, H1402
    // and H2502: a trade comes before the engineering schools' titles.
    let procedes = search(catalogue, "ingénieur procédés").await;
    assert_eq!(
        procedes.hits[0].kind,
        DocumentKind::Metier,
        "{:?}",
        ids(&procedes)
    );
    assert!(
        ["H1206", "H1402", "H2502"].contains(&procedes.hits[0].id.as_str()),
        "{:?}",
        ids(&procedes)
    );
    for text in ["visiteur médical", "Visiteuse medicale", "délégué médical"] {
        assert_eq!(search(catalogue, text).await.hits[0].id, "D1412", "{text}");
    }
    let chimiste = search(catalogue, "technicienne chimiste").await;
    assert_eq!(
        chimiste.hits[0].kind,
        DocumentKind::Metier,
        "{:?}",
        ids(&chimiste)
    );

    // The BTS of 2015 renewed in 2025 (RNCP lineage) and the BTS
    // bioanalyses renewed in 2026 (Certif Info's former code).
    let mecp = search(catalogue, "bts esthétique cosmétique parfumerie").await;
    assert!(before(&mecp, "RNCP37375", "RNCP20693"), "{:?}", ids(&mecp));
    assert_eq!(mecp.hits[0].id, "RNCP37375", "{:?}", ids(&mecp));
    let bioac = search(catalogue, "bts bioanalyses et contrôles").await;
    assert!(before(&bioac, "RNCP38884", "RNCP2705"), "{:?}", ids(&bioac));

    // Acronyms of the dictionary.
    let qlio = search(catalogue, "but qlio").await;
    assert!(
        ["RNCP35350", "RNCP35351", "RNCP35352"].contains(&qlio.hits[0].id.as_str()),
        "{:?}",
        ids(&qlio)
    );
    assert!(qlio.hits[0].title_html.contains("<mark>"));
    let mecp = search(catalogue, "mecp").await;
    assert_eq!(mecp.hits[0].id, "RNCP37375", "{:?}", ids(&mecp));

    // The one bac pro with chemistry in its title, before the bac pros
    // that mention chemistry in their blocs.
    let bac = search(catalogue, "bac pro chimie").await;
    assert_eq!(bac.hits[0].id, "RNCP38499", "{:?}", ids(&bac));
    let bts = search(catalogue, "bts chimie").await;
    assert!(
        bts.hits
            .iter()
            .take(3)
            .all(|h| h.kind != DocumentKind::Metier),
        "{:?}",
        ids(&bts)
    );

    // A renewed diploma is found by its former title.
    let renewed = search(catalogue, "bac pro bio-industries de transformation").await;
    assert!(
        ids(&renewed)
            .into_iter()
            .take(3)
            .any(|id| id == "RNCP37699"),
        "{:?}",
        ids(&renewed)
    );
    // A job title in other words than the certifications that lead to it:
    // the trade, then them.
    let parfumeur = search(catalogue, "parfumeur").await;
    assert_eq!(parfumeur.hits[0].id, "H1505", "{:?}", ids(&parfumeur));
    assert!(
        ids(&parfumeur)
            .into_iter()
            .take(5)
            .any(|id| id == "RNCP37850"),
        "{:?}",
        ids(&parfumeur)
    );
    // Few certifications hold every word: the closest follow them.
    let licence = search(catalogue, "licence pro emballage conditionnement").await;
    assert_eq!(licence.hits[0].id, "RNCP30120", "{:?}", ids(&licence));
    assert!(licence.with_every_word < licence.total);
    assert!(
        ids(&licence).contains(&"RNCP35359"),
        "the BUT packaging: {:?}",
        ids(&licence)
    );

    // A commune at the end is the place searched around; « partout » reads
    // the whole text.
    let around = search(catalogue, "chimie Orléans").await;
    assert_eq!(
        around.place.as_ref().map(|c| c.nom.as_str()),
        Some("Orléans")
    );
    assert_eq!(around.searched_text.trim(), "chimie");
    assert!(around.total > 0);
    assert!(
        around
            .hits
            .iter()
            .all(|h| h.distance_km.is_some_and(|d| d <= 30.0)),
        "{:?}",
        around.hits
    );
    let everywhere = catalogue
        .search(SearchRequest {
            text: "chimie Orléans".to_owned(),
            text_only: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(everywhere.place.is_none());
    let conducteur = search(catalogue, "conducteur de ligne").await;
    assert!(conducteur.place.is_none(), "Ligné n'est pas un lieu ici");

    // No dead end: the closest known word, and trades.
    let nothing = search(catalogue, "condisionnemmant").await;
    assert_eq!(nothing.total, 0);
    assert_eq!(nothing.did_you_mean.as_deref(), Some("conditionnement"));
    assert!(!nothing.metiers_proches.is_empty());
    assert!(
        nothing
            .metiers_proches
            .iter()
            .all(|h| h.kind == DocumentKind::Metier)
    );
}

fn new_organisation(nom: &str) -> campus_store::organisations::OrganisationInput {
    campus_store::organisations::OrganisationInput {
        nom: nom.to_owned(),
        kind: campus_domain::OrganisationKind::Laboratoire,
        siret: None,
        uai: None,
        description: "Extraction végétale et formulation.".to_owned(),
        adresse: None,
        code_postal: None,
        commune: Some("Tours".to_owned()),
        departement: None,
        site_web: None,
        email_contact: None,
    }
}

/// The index follows the database: reused on disk while current, rebuilt
/// when another process changed the catalogue, updated at once for an
/// edit made here; importing unchanged files changes nothing.
#[tokio::test]
async fn the_index_follows_the_catalogue_generation() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    assert_eq!(store.catalogue_generation().await.unwrap(), 0);
    store.load_demo_if_empty().await.unwrap();
    assert_eq!(store.catalogue_generation().await.unwrap(), 1);

    let dir = std::env::temp_dir().join(format!("campus-index-{}", uuid_like()));
    let location = IndexLocation::Dir(dir.clone());
    let first = Catalogue::open(&store, location.clone(), no_sector())
        .await
        .unwrap();
    assert_eq!(first.index().generation(), 1);
    let folder = std::fs::read_to_string(dir.join("current")).unwrap();
    drop(first);
    // Still current: opened again, not rebuilt.
    let catalogue = Catalogue::open(&store, location.clone(), no_sector())
        .await
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("current")).unwrap(),
        folder
    );
    assert!(!catalogue.catch_up(&store).await.unwrap());

    // An edit made through this node is searchable at once.
    let created = store
        .create_organisation(new_organisation("Phytolab Touraine"), None)
        .await
        .unwrap();
    catalogue
        .organisation_changed(&store, created.id)
        .await
        .unwrap();
    assert_eq!(catalogue.index().generation(), 2);
    let found = search(&catalogue, "phytolab").await;
    assert_eq!(ids(&found), ["phytolab-touraine"]);
    assert!(
        found.hits[0].snippet_html.contains("<mark>")
            || found.hits[0].title_html.contains("<mark>")
    );
    assert!(!catalogue.catch_up(&store).await.unwrap());

    // A write by another process (an import, another node): noticed and
    // rebuilt into a new folder, the old one removed.
    let other = Store::connect(&db.url, 2).await.unwrap();
    other
        .update_organisation(created.id, new_organisation("Phytolab Val de Loire"), None)
        .await
        .unwrap();
    let formacode = sous_ensemble().join("formacode/FCod-utf-8.csv");
    campus_import::import_formacode(&other, &formacode)
        .await
        .unwrap();
    let generation = store.catalogue_generation().await.unwrap();
    assert_eq!(generation, 4);
    // The same file again changes nothing, so no rebuild is due.
    campus_import::import_formacode(&other, &formacode)
        .await
        .unwrap();
    assert_eq!(store.catalogue_generation().await.unwrap(), 4);
    assert!(catalogue.catch_up(&store).await.unwrap());
    assert_eq!(catalogue.index().generation(), 4);
    let renamed = search(&catalogue, "val de loire phytolab").await;
    assert_eq!(renamed.with_every_word, 1);
    assert_eq!(ids(&renamed)[0], "phytolab-touraine");
    let folders: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    assert_eq!(folders.len(), 1);
    assert_ne!(
        std::fs::read_to_string(dir.join("current")).unwrap(),
        folder
    );

    // The autocomplete's tables follow the same generation: communes
    // imported by another process are suggested after the catch-up.
    assert_eq!(catalogue.suggestions().generation(), 4);
    assert!(catalogue.suggestions().communes("orl", 5).is_empty());
    let geo = sous_ensemble().join("geo");
    campus_import::import_communes(
        &other,
        &geo.join("decoupage-administratif-6.0.0/communes.json"),
        &geo.join("laposte_hexasmal_2020-04.csv"),
    )
    .await
    .unwrap();
    assert!(catalogue.catch_up(&store).await.unwrap());
    let tables = catalogue.suggestions();
    assert_eq!(tables.generation(), 5);
    assert_eq!(tables.generation(), catalogue.index().generation());
    assert_eq!(tables.communes("orl", 1)[0].nom, "Orléans");

    std::fs::remove_dir_all(&dir).unwrap();
}

fn uuid_like() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    )
}
