//! One built index: its documents, the catalogue generation they come
//! from, and the search over them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use campus_domain::search::{DocumentKind, Modalite, SearchDocument};
use tantivy::query::{AllQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analyzer::{self, Analyzers, FOLDED, FRENCH};
use crate::codes::{
    kind_code, kind_of_code, modalite_bit, modalites_mask, pack_departement, unpack_departement,
};
use crate::collector::{Match, Matches};
use crate::error::SearchError;
use crate::highlight::{Highlighter, beginning};
use crate::query::{plan, text_query, words};
use crate::request::{Facets, Hit, MAX_PER_PAGE, PER_PAGE, SearchRequest, SearchResults};
use crate::schema::{Fields, schema};

/// Memory of the single indexing thread: the whole catalogue fits in one
/// segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// An index ready to answer searches.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The catalogue generation the documents reflect.
    generation: AtomicU64,
    /// Queries are analysed with a clone of these (cheap), kept to avoid
    /// rebuilding the stop word sets per query.
    analyzers: Analyzers,
    /// Writes are rare (an organisation edited) and must not interleave.
    writing: Mutex<()>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("generation", &self.generation())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes `documents` in memory (tests) or in the empty folder `dir`.
    pub fn build(
        documents: impl IntoIterator<Item = SearchDocument>,
        generation: u64,
        dir: Option<&Path>,
    ) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        let index = match dir {
            Some(dir) => Index::create_in_dir(dir, schema)?,
            None => Index::create_in_ram(schema),
        };
        register(&index);
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        for document in documents {
            writer.add_document(to_tantivy(&fields, &document))?;
        }
        commit(&mut writer, generation)?;
        SearchIndex::ready(index, fields, generation)
    }

    /// Opens an index built earlier in `dir`.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        let index = Index::open_in_dir(dir)?;
        register(&index);
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(SearchError::Index(tantivy::TantivyError::SchemaError(
                "schéma d'une autre version".to_owned(),
            )));
        }
        let generation = index
            .load_metas()?
            .payload
            .and_then(|p| p.parse().ok())
            .unwrap_or_default();
        SearchIndex::ready(index, fields, generation)
    }

    fn ready(index: Index, fields: Fields, generation: u64) -> Result<SearchIndex, SearchError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            generation: AtomicU64::new(generation),
            analyzers: Analyzers::default(),
            writing: Mutex::new(()),
        })
    }

    /// The catalogue generation the documents reflect.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Number of documents.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replaces (or adds) one document, visible to searches on return;
    /// the index then reflects `generation`.
    pub fn upsert(&self, document: &SearchDocument, generation: u64) -> Result<(), SearchError> {
        let _guard = self
            .writing
            .lock()
            .map_err(|_| SearchError::Task("écriture précédente interrompue".to_owned()))?;
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, WRITER_MEMORY)?;
        writer.delete_term(Term::from_field_text(
            self.fields.key,
            &key(document.kind, &document.id),
        ));
        writer.add_document(to_tantivy(&self.fields, document))?;
        commit(&mut writer, generation)?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.generation.store(generation, Ordering::Release);
        Ok(())
    }

    /// Answers a search. Any text is accepted.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let mut analyzers = self.analyzers.clone();
        let mut words = words(&mut analyzers, &request.text);
        let searcher = self.reader.searcher();
        plan(&searcher, &self.fields, &mut words)?;
        let mut matches = if words.is_empty() {
            if request.text.trim().is_empty() {
                searcher.search(&AllQuery, &Matches)?
            } else {
                // Only stop words or punctuation: nothing to look for.
                Vec::new()
            }
        } else {
            let all = text_query(&self.fields, &words, Occur::Must);
            let found = searcher.search(all.as_ref(), &Matches)?;
            if found.is_empty() && words.len() > 1 {
                // No document has every word: rank those with most of them.
                let any: Box<dyn Query> = text_query(&self.fields, &words, Occur::Should);
                searcher.search(any.as_ref(), &Matches)?
            } else {
                found
            }
        };
        let (mut kept, facets) = filter(request, &mut matches);
        let total = kept.len();
        let per_page = match request.per_page {
            0 => PER_PAGE,
            n => n.min(MAX_PER_PAGE),
        };
        let page = request.page.max(1);
        let start = (page - 1).saturating_mul(per_page);
        // Only the matches up to the end of the page need to be in order.
        let order = |a: &(Match, f64), b: &(Match, f64)| {
            if request.near.is_some() {
                a.1.total_cmp(&b.1).then(b.0.score.total_cmp(&a.0.score))
            } else {
                b.0.score.total_cmp(&a.0.score)
            }
            .then(a.0.address.cmp(&b.0.address))
        };
        let needed = start.saturating_add(per_page);
        if needed < kept.len() {
            kept.select_nth_unstable_by(needed, order);
            kept.truncate(needed);
        }
        kept.sort_by(order);
        let mut highlighter = Highlighter {
            analyzers: &mut analyzers,
            words: &words,
        };
        let mut hits = Vec::new();
        for (m, distance) in kept.iter().skip(start).take(per_page) {
            let doc: TantivyDocument = searcher.doc(m.address)?;
            hits.push(self.hit(&doc, m, *distance, request, &mut highlighter));
        }
        Ok(SearchResults {
            total,
            page,
            per_page,
            hits,
            facets,
        })
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        m: &Match,
        distance: f64,
        request: &SearchRequest,
        highlighter: &mut Highlighter<'_>,
    ) -> Hit {
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let all = |field, separator: &str| {
            doc.get_all(field)
                .filter_map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(separator)
        };
        let title = text(self.fields.title);
        let keywords = all(self.fields.keywords, " · ");
        let body = all(self.fields.text, " ");
        // The extract showing the most matched words, the keywords (other
        // names of the thing) when equal.
        let marks = |html: &String| html.matches("<mark>").count();
        let snippet_html = match (highlighter.extract(&keywords), highlighter.extract(&body)) {
            (Some(k), Some(b)) => Some(if marks(&b) > marks(&k) { b } else { k }),
            (k, b) => k.or(b),
        }
        .unwrap_or_else(|| {
            if body.is_empty() {
                beginning(&keywords)
            } else {
                beginning(&body)
            }
        });
        Hit {
            kind: kind_of_code(m.kind).unwrap_or(DocumentKind::Metier),
            id: text(self.fields.id),
            url: text(self.fields.url),
            title_html: highlighter.whole(&title),
            title,
            snippet_html,
            niveau: u8::try_from(m.niveau).ok().filter(|n| *n > 0),
            departement: unpack_departement(m.departement),
            secteur: m.secteur,
            distance_km: request.near.map(|_| distance),
            score: m.score,
        }
    }
}

fn register(index: &Index) {
    index.tokenizers().register(FRENCH, analyzer::french());
    index.tokenizers().register(FOLDED, analyzer::folded());
}

fn key(kind: DocumentKind, id: &str) -> String {
    format!("{}:{id}", kind.as_str())
}

fn commit(writer: &mut IndexWriter, generation: u64) -> Result<(), SearchError> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&generation.to_string());
    prepared.commit()?;
    Ok(())
}

fn to_tantivy(fields: &Fields, d: &SearchDocument) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.key, key(d.kind, &d.id));
    doc.add_u64(fields.kind, kind_code(d.kind));
    doc.add_text(fields.id, &d.id);
    doc.add_text(fields.url, &d.url);
    doc.add_text(fields.title, &d.title);
    doc.add_text(fields.title_folded, &d.title);
    for keyword in &d.keywords {
        doc.add_text(fields.keywords, keyword);
        doc.add_text(fields.keywords_folded, keyword);
    }
    for text in &d.text {
        doc.add_text(fields.text, text);
        doc.add_text(fields.text_folded, text);
    }
    doc.add_u64(fields.niveau, d.niveau.map_or(0, u64::from));
    doc.add_u64(fields.modalites, modalites_mask(&d.modalites));
    doc.add_u64(
        fields.departement,
        d.departement.as_deref().map_or(0, pack_departement),
    );
    doc.add_u64(fields.secteur, u64::from(d.secteur));
    if let Some(position) = d.position {
        doc.add_f64(fields.lat, position.lat());
        doc.add_f64(fields.lon, position.lon());
    }
    doc
}

/// Facet filters of a request, as index codes.
struct Filters {
    kinds: Vec<u64>,
    niveaux: Vec<u64>,
    modalites: u64,
    departements: Vec<u64>,
    secteur: Option<bool>,
}

/// Indexes of the facets in [`Filters::failing`].
const KIND: usize = 0;
const NIVEAU: usize = 1;
const MODALITE: usize = 2;
const DEPARTEMENT: usize = 3;
const SECTEUR: usize = 4;

impl Filters {
    fn of(request: &SearchRequest) -> Filters {
        Filters {
            kinds: request.kinds.iter().map(|k| kind_code(*k)).collect(),
            niveaux: request.niveaux.iter().map(|n| u64::from(*n)).collect(),
            modalites: modalites_mask(&request.modalites),
            departements: request
                .departements
                .iter()
                .map(|d| pack_departement(d))
                .collect(),
            secteur: request.secteur,
        }
    }

    /// Which facet filters reject `m`.
    fn failing(&self, m: &Match) -> [bool; 5] {
        [
            !self.kinds.is_empty() && !self.kinds.contains(&m.kind),
            !self.niveaux.is_empty() && !self.niveaux.contains(&m.niveau),
            self.modalites != 0 && self.modalites & m.modalites == 0,
            !self.departements.is_empty() && !self.departements.contains(&m.departement),
            self.secteur.is_some_and(|s| s != m.secteur),
        ]
    }
}

/// Keeps the matches that pass every filter (with their distance) and
/// counts the facets: a facet's counts ignore its own filter, so that
/// choosing « certification » still shows how many trades there are.
fn filter(request: &SearchRequest, matches: &mut Vec<Match>) -> (Vec<(Match, f64)>, Facets) {
    let filters = Filters::of(request);
    let mut kinds: BTreeMap<u64, usize> = BTreeMap::new();
    let mut niveaux: BTreeMap<u64, usize> = BTreeMap::new();
    let mut modalites: BTreeMap<u64, usize> = BTreeMap::new();
    let mut departements: BTreeMap<u64, usize> = BTreeMap::new();
    let mut secteur = (0, 0);
    let mut kept = Vec::new();
    for m in matches.drain(..) {
        let distance = match request.near {
            Some(near) => match m.position {
                Some(p) => {
                    let d = near.centre.distance_km(p);
                    if d > near.radius_km {
                        continue;
                    }
                    d
                }
                None => continue,
            },
            None => 0.0,
        };
        let failing = filters.failing(&m);
        let failed = failing.iter().filter(|f| **f).count();
        if failed > 1 {
            continue;
        }
        let counts = |facet: usize| failed == 0 || failing[facet];
        if counts(KIND) {
            *kinds.entry(m.kind).or_default() += 1;
        }
        if counts(NIVEAU) && m.niveau > 0 {
            *niveaux.entry(m.niveau).or_default() += 1;
        }
        if counts(MODALITE) {
            for modalite in Modalite::ALL {
                if m.modalites & modalite_bit(modalite) != 0 {
                    *modalites.entry(modalite_bit(modalite)).or_default() += 1;
                }
            }
        }
        if counts(DEPARTEMENT) && m.departement != 0 {
            *departements.entry(m.departement).or_default() += 1;
        }
        if counts(SECTEUR) {
            if m.secteur {
                secteur.0 += 1;
            } else {
                secteur.1 += 1;
            }
        }
        if failed == 0 {
            kept.push((m, distance));
        }
    }
    let mut departements: Vec<(String, usize)> = departements
        .into_iter()
        .filter_map(|(code, n)| Some((unpack_departement(code)?, n)))
        .collect();
    departements.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let facets = Facets {
        kinds: kinds
            .into_iter()
            .filter_map(|(code, n)| Some((kind_of_code(code)?, n)))
            .collect(),
        niveaux: niveaux
            .into_iter()
            .filter_map(|(n, count)| Some((u8::try_from(n).ok()?, count)))
            .collect(),
        modalites: Modalite::ALL
            .into_iter()
            .filter_map(|m| Some((m, *modalites.get(&modalite_bit(m))?)))
            .collect(),
        departements,
        secteur,
    };
    (kept, facets)
}
