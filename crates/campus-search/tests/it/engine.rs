//! The engine on a small hand-made set of documents: facets, filters,
//! paging, distance, replacement of a document, any query text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::GeoPoint;
use campus_domain::search::{DocumentKind, Modalite, SearchDocument};
use campus_search::{Dictionary, Near, SearchIndex, SearchRequest, Understanding};
use proptest::prelude::*;

fn doc(kind: DocumentKind, id: &str, title: &str) -> SearchDocument {
    SearchDocument {
        kind,
        id: id.to_owned(),
        url: format!("/{}/{id}", kind.as_str()),
        title: title.to_owned(),
        keywords: vec![],
        text: vec![],
        niveau: None,
        modalites: vec![],
        departement: None,
        secteur: false,
        position: None,
        en_vigueur: true,
        metiers: vec![],
    }
}

/// Places: Orléans, Tours, Chartres, Bourges, Paris.
const ORLEANS: (f64, f64) = (47.9029, 1.9093);
const TOURS: (f64, f64) = (47.3941, 0.6848);
const CHARTRES: (f64, f64) = (48.4469, 1.4892);
const BOURGES: (f64, f64) = (47.0810, 2.3988);
const PARIS: (f64, f64) = (48.8566, 2.3522);

fn corpus() -> Vec<SearchDocument> {
    let mut docs = Vec::new();
    for (i, (place, dep)) in [
        (ORLEANS, "45"),
        (TOURS, "37"),
        (CHARTRES, "28"),
        (BOURGES, "18"),
        (PARIS, "75"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = doc(
            DocumentKind::Organisation,
            &format!("labo-{dep}"),
            &format!("Laboratoire de contrôle qualité {dep}"),
        );
        d.departement = Some(dep.to_owned());
        d.position = Some(GeoPoint::new(place.0, place.1).unwrap());
        d.secteur = true;
        d.text = vec!["Analyses physico-chimiques des produits cosmétiques.".to_owned()];
        d.modalites = if i % 2 == 0 {
            vec![Modalite::Initiale]
        } else {
            vec![Modalite::Continue, Modalite::Apprentissage]
        };
        docs.push(d);
    }
    for n in 0..30u8 {
        let mut d = doc(
            DocumentKind::Certification,
            &format!("RNCP{n}"),
            &format!("Technicien de contrôle qualité option {n}"),
        );
        d.niveau = Some(3 + n % 6);
        d.secteur = n % 3 == 0;
        docs.push(d);
    }
    let mut m = doc(
        DocumentKind::Metier,
        "H1502",
        "Management et ingénierie qualité industrielle",
    );
    m.keywords = vec!["Responsable qualité".to_owned(), "H1502".to_owned()];
    m.secteur = true;
    docs.push(m);
    let mut e = doc(
        DocumentKind::Metier,
        "H2301",
        "Conduite d'équipement de production chimique ou pharmaceutique",
    );
    e.keywords = vec!["Opérateur / Opératrice de fabrication <cosmétique>".to_owned()];
    docs.push(e);
    docs
}

fn index() -> SearchIndex {
    SearchIndex::build(corpus(), 7, None).unwrap()
}

fn ask(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.to_owned(),
        ..Default::default()
    }
}

#[test]
fn facets_count_every_match_and_ignore_their_own_filter() {
    let index = index();
    assert_eq!(index.generation(), 7);
    let all = index.search(&ask("qualité")).unwrap();
    assert_eq!(all.total, 36);
    assert_eq!(
        all.facets.kinds,
        vec![
            (DocumentKind::Metier, 1),
            (DocumentKind::Certification, 30),
            (DocumentKind::Organisation, 5)
        ]
    );
    assert_eq!(all.facets.niveaux.iter().map(|(_, n)| n).sum::<usize>(), 30);
    assert_eq!(all.facets.niveaux[0], (3, 5));
    assert_eq!(
        all.facets.modalites,
        vec![
            (Modalite::Initiale, 3),
            (Modalite::Apprentissage, 2),
            (Modalite::Continue, 2)
        ]
    );
    assert_eq!(all.facets.secteur, (1 + 10 + 5, 20));
    assert_eq!(all.facets.departements.len(), 5);

    let certifications = index
        .search(&SearchRequest {
            kinds: vec![DocumentKind::Certification],
            niveaux: vec![5, 6],
            ..ask("qualité")
        })
        .unwrap();
    assert_eq!(certifications.total, 10);
    assert!(
        certifications
            .hits
            .iter()
            .all(|h| h.kind == DocumentKind::Certification && matches!(h.niveau, Some(5 | 6)))
    );
    // The kind facet still counts the other kinds at these levels (none),
    // the level facet every level of certifications.
    assert_eq!(
        certifications.facets.kinds,
        vec![(DocumentKind::Certification, 10)]
    );
    assert_eq!(certifications.facets.niveaux.len(), 6);

    let sector = index
        .search(&SearchRequest {
            secteur: Some(true),
            departements: vec!["45".to_owned(), "37".to_owned()],
            ..ask("qualité")
        })
        .unwrap();
    assert_eq!(sector.total, 2);
    assert_eq!(sector.facets.secteur, (2, 0));

    let distance = index
        .search(&SearchRequest {
            modalites: vec![Modalite::Apprentissage],
            ..ask("")
        })
        .unwrap();
    assert_eq!(distance.total, 2);
}

#[test]
fn pages_split_the_matches() {
    let index = index();
    let mut seen = std::collections::HashSet::new();
    for page in 1..=4 {
        let results = index
            .search(&SearchRequest {
                page,
                per_page: 10,
                ..ask("technicien")
            })
            .unwrap();
        assert_eq!(results.total, 30);
        assert_eq!(results.pages(), 3);
        assert_eq!(results.hits.len(), if page <= 3 { 10 } else { 0 });
        for hit in results.hits {
            assert!(seen.insert(hit.id), "un résultat sur deux pages");
        }
    }
    assert_eq!(seen.len(), 30);
    let capped = index
        .search(&SearchRequest {
            per_page: 10_000,
            ..ask("")
        })
        .unwrap();
    assert_eq!(capped.hits.len(), campus_search::MAX_PER_PAGE.min(37));
}

#[test]
fn around_a_place_nearest_first_within_the_radius() {
    let index = index();
    let near = |radius_km| SearchRequest {
        near: Some(Near {
            centre: GeoPoint::new(ORLEANS.0, ORLEANS.1).unwrap(),
            radius_km,
        }),
        ..ask("laboratoire")
    };
    let close = index.search(&near(90.0)).unwrap();
    let ids: Vec<&str> = close.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["labo-45", "labo-28"]);
    assert!(close.hits[0].distance_km.unwrap() < 0.01);
    let wide = index.search(&near(120.0)).unwrap();
    let ids: Vec<&str> = wide.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["labo-45", "labo-28", "labo-18", "labo-37", "labo-75"]);
    let distances: Vec<f64> = wide.hits.iter().filter_map(|h| h.distance_km).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    assert!(distances.iter().all(|d| *d <= 120.0));
}

#[test]
fn exact_words_rank_above_prefixes_and_typos() {
    let index = index();
    let exact = index.search(&ask("management qualité")).unwrap();
    assert_eq!(exact.hits[0].id, "H1502");
    let typo = index.search(&ask("managment")).unwrap();
    assert_eq!(typo.hits[0].id, "H1502");
    assert!(typo.hits[0].title_html.contains("<mark>Management</mark>"));
    let prefix = index.search(&ask("pharma")).unwrap();
    assert_eq!(prefix.hits[0].id, "H2301");
    assert!(
        prefix.hits[0]
            .title_html
            .contains("<mark>pharmaceutique</mark>")
    );
    // Keywords are shown escaped when they hold the match.
    let escaped = index.search(&ask("fabrication")).unwrap();
    assert!(
        escaped.hits[0]
            .snippet_html
            .contains("&#60;cosmétique&#62;"),
        "{}",
        escaped.hits[0].snippet_html
    );
    // Without any document holding every word, those with most rank first.
    let partial = index.search(&ask("management introuvablissime")).unwrap();
    assert_eq!(partial.hits[0].id, "H1502");
    assert_eq!(index.search(&ask("de la")).unwrap().total, 0);
}

#[test]
fn a_replaced_document_is_found_by_its_new_text_only() {
    let index = index();
    let mut changed = corpus().into_iter().find(|d| d.id == "labo-45").unwrap();
    changed.title = "Plateforme d'extraction végétale".to_owned();
    index.upsert(&changed, 8).unwrap();
    assert_eq!(index.generation(), 8);
    assert_eq!(index.len(), 37);
    let found = index.search(&ask("extraction")).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert_eq!(found.hits[0].id, "labo-45");
    let old = index.search(&ask("laboratoire")).unwrap();
    assert!(old.hits.iter().all(|h| h.id != "labo-45"));
}

#[test]
fn an_index_on_disk_reopens_with_its_generation() {
    let dir = std::env::temp_dir().join(format!("campus-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let built = SearchIndex::build(corpus(), 42, Some(&dir)).unwrap();
    assert_eq!(built.len(), 37);
    drop(built);
    let opened = SearchIndex::open(&dir).unwrap();
    assert_eq!(opened.generation(), 42);
    assert_eq!(opened.search(&ask("qualité")).unwrap().total, 36);
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Nothing typed can make a search fail: no syntax, no panic.
    #[test]
    fn any_text_is_a_valid_query(text in "\\PC{0,60}", extra in prop::sample::select(vec![
        "\"", "'", "+", "-", "*", "?", "~2", "AND", "OR", "NOT", "(", ")", "[", "]", ":", "^", "\\", "/", "{", "}", "l'", "’",
    ]), page in 0usize..5) {
        thread_local! {
            static INDEX: SearchIndex = index();
        }
        INDEX.with(|index| {
            for query in [text.clone(), format!("{extra}{text}{extra}"), format!("{text} {extra}")] {
                let results = index.search(&SearchRequest { page, ..ask(&query) }).unwrap();
                prop_assert!(results.hits.len() <= results.per_page);
                for hit in &results.hits {
                    prop_assert!(!hit.title_html.contains('<') || hit.title_html.contains("<mark>"));
                }
            }
            Ok(())
        })?;
    }
}

/// Documents where ranking must read what is meant: a trade and the
/// certifications that mention its words, a diploma renewed, bac pros of
/// several fields.
fn intent_corpus() -> Vec<SearchDocument> {
    let mut procedes = doc(
        DocumentKind::Metier,
        "H1206",
        "Ingénierie de recherche et développement en industrie",
    );
    procedes.keywords = vec![
        "Ingénieur / Ingénieure procédés".to_owned(),
        "Chef / Cheffe de projet R&D".to_owned(),
    ];
    let mut master = doc(
        DocumentKind::Certification,
        "RNCP1",
        "Master génie des procédés pour ingénieur de production",
    );
    master.text = vec!["Concevoir des procédés industriels".to_owned()];
    let mut ecole = doc(
        DocumentKind::Certification,
        "RNCP2",
        "Ingénieur diplômé spécialité procédés",
    );
    ecole.keywords = vec!["Diplôme d'ingénieur".to_owned()];
    let mut old = doc(
        DocumentKind::Certification,
        "RNCP3",
        "BTS métiers de la chimie",
    );
    old.en_vigueur = false;
    old.keywords = vec!["Brevet de technicien supérieur".to_owned()];
    let mut new = doc(
        DocumentKind::Certification,
        "RNCP4",
        "BTS métiers de la chimie",
    );
    new.keywords = vec!["Brevet de technicien supérieur".to_owned()];
    new.text = vec!["Réaliser des synthèses".to_owned()];
    let mut aero = doc(
        DocumentKind::Certification,
        "RNCP5",
        "Bac pro aéronautique option structure",
    );
    aero.keywords = vec!["Baccalauréat professionnel".to_owned()];
    aero.text = vec![
        "Traitements de surface, chimie des matériaux composites, chimie des peintures".to_owned(),
    ];
    let mut chimie = doc(
        DocumentKind::Certification,
        "RNCP6",
        "Bac pro procédés de la chimie, de l'eau et des papiers-cartons",
    );
    chimie.keywords = vec!["Baccalauréat professionnel".to_owned()];
    let mut qlio = doc(
        DocumentKind::Certification,
        "RNCP7",
        "BUT qualité, logistique industrielle et organisation",
    );
    qlio.keywords = vec!["Bachelor universitaire de technologie".to_owned()];
    let mut chimiste = doc(
        DocumentKind::Metier,
        "H1210",
        "Intervention technique en études",
    );
    chimiste.keywords = vec!["Technicien / Technicienne chimiste".to_owned()];
    chimiste.text = vec!["Le BTS métiers de la chimie y prépare.".to_owned()];
    vec![
        procedes, master, ecole, old, new, aero, chimie, qlio, chimiste,
    ]
}

fn understood(index: &SearchIndex, text: &str, understanding: Understanding) -> Vec<String> {
    index
        .search_understood(&ask(text), &understanding, &Dictionary::shipped())
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_job_title_typed_whole_puts_its_trade_first() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    let mut reading = Understanding::literal("ingénieur procédés");
    reading.metiers = vec![("H1206".to_owned(), 0.5)];
    let found = understood(&index, "ingénieur procédés", reading);
    assert_eq!(found[0], "H1206", "{found:?}");
    // Read literally, the certifications titled with both words lead.
    let literal = understood(
        &index,
        "ingénieur procédés",
        Understanding::literal("ingénieur procédés"),
    );
    assert_ne!(literal[0], "H1206", "{literal:?}");
}

#[test]
fn a_diploma_word_first_puts_certifications_first() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    let mut reading = Understanding::literal("bts chimie");
    reading.diplome = true;
    let found = understood(&index, "bts chimie", reading);
    // The three with both words, then (few had them) those with one.
    assert_eq!(found.len(), 5, "{found:?}");
    assert_ne!(found[0], "H1210");
    assert_eq!(found[2], "H1210", "{found:?}");
}

#[test]
fn the_certification_in_force_outranks_the_one_it_replaced() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    let found = understood(
        &index,
        "bts métiers de la chimie",
        Understanding::literal("bts métiers de la chimie"),
    );
    let new = found.iter().position(|id| id == "RNCP4").unwrap();
    let old = found.iter().position(|id| id == "RNCP3").unwrap();
    assert!(new < old, "{found:?}");
}

#[test]
fn words_together_in_the_title_outrank_words_scattered() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    let found = understood(
        &index,
        "bac pro chimie",
        Understanding::literal("bac pro chimie"),
    );
    assert_eq!(found[0], "RNCP6", "{found:?}");
}

#[test]
fn acronyms_of_the_dictionary_find_what_they_stand_for() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    let found = understood(&index, "but qlio", Understanding::literal("but qlio"));
    assert_eq!(
        found.first().map(String::as_str),
        Some("RNCP7"),
        "{found:?}"
    );
    // Without the dictionary, the acronym is unknown: only « but » is left.
    let plain = index.search(&ask("qlio")).unwrap();
    assert_eq!(plain.total, 0);
    let results = index
        .search_understood(
            &ask("but qlio"),
            &Understanding::literal("but qlio"),
            &Dictionary::shipped(),
        )
        .unwrap();
    assert!(
        results.hits[0].title_html.contains("<mark>qualité</mark>"),
        "{}",
        results.hits[0].title_html
    );
}

#[test]
fn a_search_that_finds_nothing_offers_words_and_trades() {
    let index = SearchIndex::build(intent_corpus(), 1, None).unwrap();
    // Two letters off: beyond the one typo tolerated in eight letters.
    let results = index.search(&ask("Pracédus")).unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(
        results.did_you_mean.as_deref(),
        Some("procedes"),
        "{results:?}"
    );
    assert_eq!(
        results
            .metiers_proches
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["H1206"]
    );
    // A search that found something offers neither.
    let found = index.search(&ask("chimie")).unwrap();
    assert!(found.did_you_mean.is_none() && found.metiers_proches.is_empty());
}

#[test]
fn certifications_leading_to_a_named_trade_follow_it() {
    let mut nez = doc(DocumentKind::Metier, "H1505", "Nez");
    nez.keywords = vec!["Parfumeur / Parfumeuse".to_owned()];
    let mut createur = doc(
        DocumentKind::Certification,
        "RNCP37850",
        "Créateur - manager en parfumerie et cosmétique",
    );
    createur.metiers = vec!["H1210".to_owned(), "H1505".to_owned()];
    // Leads to many trades, this one among them: less about it.
    let mut master = doc(
        DocumentKind::Certification,
        "RNCP26699",
        "Master mention biologie, agrosciences",
    );
    master.metiers = (0..14)
        .map(|i| format!("H{:04}", 1600 + i))
        .chain(["H1505".to_owned()])
        .collect();
    let mut vente = doc(
        DocumentKind::Certification,
        "RNCP1",
        "Bac pro métiers du commerce",
    );
    vente.metiers = vec!["D1211".to_owned()];
    let index = SearchIndex::build(vec![nez, createur, master, vente], 1, None).unwrap();
    let mut reading = Understanding::literal("parfumeur");
    reading.metiers = vec![("H1505".to_owned(), 1.0)];
    assert_eq!(
        understood(&index, "parfumeur", reading),
        ["H1505", "RNCP37850", "RNCP26699"]
    );
    // Read literally, only the words count.
    assert_eq!(
        understood(&index, "parfumeur", Understanding::literal("parfumeur")),
        ["H1505"]
    );
}

#[test]
fn few_matches_with_every_word_are_followed_by_those_with_most() {
    let licence = doc(
        DocumentKind::Certification,
        "RNCP30120",
        "Licence pro mention métiers de l'emballage et du conditionnement",
    );
    let but = doc(
        DocumentKind::Certification,
        "RNCP35359",
        "BUT packaging, emballage et conditionnement",
    );
    let emballage = doc(DocumentKind::Certification, "RNCP2", "CAP emballage");
    let cuisine = doc(DocumentKind::Certification, "RNCP3", "CAP cuisine");
    let index = SearchIndex::build(vec![licence, but, emballage, cuisine], 1, None).unwrap();
    let text = "licence emballage conditionnement";
    let results = index
        .search_understood(
            &ask(text),
            &Understanding::literal(text),
            &Dictionary::shipped(),
        )
        .unwrap();
    let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["RNCP30120", "RNCP35359", "RNCP2"]);
    assert_eq!(results.with_every_word, 1);
    assert_eq!(results.total, 3);
    let counted: usize = results.facets.kinds.iter().map(|(_, n)| n).sum();
    assert_eq!(counted, 3, "the facets count the completed list");
    // Enough with every word: nothing is added.
    let results = index
        .search_understood(
            &ask("cap"),
            &Understanding::literal("cap"),
            &Dictionary::shipped(),
        )
        .unwrap();
    assert_eq!((results.total, results.with_every_word), (2, 2));
}
