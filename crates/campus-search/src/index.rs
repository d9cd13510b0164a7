//! One built index: its documents, the catalogue generation they come
//! from, and the search over them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use campus_domain::search::{DocumentKind, Modalite, SearchDocument};
use std::ops::Bound;

use tantivy::indexer::NoMergePolicy;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::analyzer::{self, Analyzers, FOLDED, FRENCH};
use crate::codes::{
    kind_code, kind_of_code, modalite_bit, modalites_mask, pack_departement, unpack_departement,
};
use crate::collector::{Match, Matches};
use crate::dictionary::Dictionary;
use crate::error::SearchError;
use crate::highlight::{Highlighter, beginning};
use crate::query::{Clause, Word, clauses, marked_words, plan, text_query, within_distance, words};
use crate::request::{Facets, Hit, MAX_PER_PAGE, PER_PAGE, SearchRequest, SearchResults};
use crate::schema::{Fields, schema};
use crate::understand::Understanding;

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
        // Merged once, below, rather than in the background while more
        // documents are written.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for document in documents {
            writer.add_document(to_tantivy(&fields, &document))?;
        }
        commit(&mut writer, generation)?;
        // One segment: a large catalogue is written in several, which each
        // query would walk (and merge in the background while serving).
        let segments = index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        writer.wait_merging_threads()?;
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

    /// The analyzers queries are read with.
    pub(crate) fn analyzers(&self) -> Analyzers {
        self.analyzers.clone()
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

    /// Removes a document, if the index holds it; returns whether it did.
    /// A document that is not there costs one term lookup, no commit.
    pub fn remove(
        &self,
        kind: DocumentKind,
        id: &str,
        generation: u64,
    ) -> Result<bool, SearchError> {
        let term = Term::from_field_text(self.fields.key, &key(kind, id));
        // Counted by a query, which skips deleted documents (the term's
        // document frequency still counts them until segments merge).
        let query =
            tantivy::query::TermQuery::new(term.clone(), tantivy::schema::IndexRecordOption::Basic);
        if self
            .reader
            .searcher()
            .search(&query, &tantivy::collector::Count)?
            == 0
        {
            return Ok(false);
        }
        let _guard = self
            .writing
            .lock()
            .map_err(|_| SearchError::Task("écriture précédente interrompue".to_owned()))?;
        let mut writer: IndexWriter = self.index.writer_with_num_threads(1, WRITER_MEMORY)?;
        writer.delete_term(term);
        commit(&mut writer, generation)?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.generation.store(generation, Ordering::Release);
        Ok(true)
    }

    /// Answers a search, its text taken as typed. Any text is accepted.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        self.search_understood(
            request,
            &Understanding::literal(&request.text),
            &Dictionary::default(),
        )
    }

    /// Answers a search read by [`crate::understand::understand`] (the
    /// place it named is already in `request.near`), its words expanded
    /// by `dictionary`. Any text is accepted.
    pub fn search_understood(
        &self,
        request: &SearchRequest,
        understanding: &Understanding,
        dictionary: &Dictionary,
    ) -> Result<SearchResults, SearchError> {
        let mut analyzers = self.analyzers.clone();
        let mut words = words(&mut analyzers, &understanding.text);
        let searcher = self.reader.searcher();
        plan(&searcher, &self.fields, &mut words)?;
        let clauses = clauses(words, dictionary);
        let collector = Matches {
            kind_weights: kind_weights(understanding),
        };
        // Around a place the nearest come first: scores only break ties.
        let ranked = request.near.is_none();
        let mut matches = if clauses.is_empty() {
            if understanding.text.trim().is_empty() {
                let all: Box<dyn Query> = Box::new(AllQuery);
                searcher.search(self.around(all, request).as_ref(), &collector)?
            } else {
                // Only stop words or punctuation: nothing to look for.
                Vec::new()
            }
        } else {
            let all = text_query(&self.fields, &clauses, understanding, Occur::Must, ranked);
            searcher.search(self.around(all, request).as_ref(), &collector)?
        };
        let (mut kept, mut facets) = filter(request, &mut matches);
        let with_every_word = kept.len();
        if kept.is_empty() && clauses.len() > 1 {
            // No document (within the filters) has every word: rank those
            // with most of them.
            let any = text_query(&self.fields, &clauses, understanding, Occur::Should, ranked);
            let mut matches = searcher.search(self.around(any, request).as_ref(), &collector)?;
            (kept, facets) = filter(request, &mut matches);
        } else if ranked && kept.len() < FEW && clauses.len() > 1 {
            // Few documents have every word: those with most of them follow.
            let any = text_query(&self.fields, &clauses, understanding, Occur::Should, ranked);
            let mut matches = searcher.search(self.around(any, request).as_ref(), &collector)?;
            // Every document with all the words has some of them: the
            // facets of this wider search count the completed list.
            let (more, wider) = filter(request, &mut matches);
            facets = wider;
            // Below the last of those with every word, in their own order.
            let floor = kept
                .iter()
                .map(|(m, _)| m.score)
                .fold(f32::INFINITY, f32::min);
            let top = more.iter().map(|(m, _)| m.score).fold(0.0, f32::max);
            let scale = if top > 0.0 && floor.is_finite() {
                floor / (2.0 * top)
            } else {
                1.0
            };
            let known: std::collections::HashSet<tantivy::DocAddress> =
                kept.iter().map(|(m, _)| m.address).collect();
            kept.extend(
                more.into_iter()
                    .filter(|(m, _)| !known.contains(&m.address))
                    .map(|(mut m, d)| {
                        m.score *= scale;
                        (m, d)
                    }),
            );
        }
        if ranked && !clauses.is_empty() {
            self.rerank_by_title(&searcher, &mut analyzers, &clauses, &collector, &mut kept)?;
        }
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
        let marked = marked_words(&clauses);
        let mut highlighter = Highlighter {
            analyzers: &mut analyzers,
            words: &marked,
        };
        let mut hits = Vec::new();
        for (m, distance) in kept.iter().skip(start).take(per_page) {
            let doc: TantivyDocument = searcher.doc(m.address)?;
            hits.push(self.hit(&doc, m, *distance, request, &mut highlighter));
        }
        let mut results = SearchResults {
            total,
            page,
            per_page,
            hits,
            facets,
            place: understanding.place.clone(),
            searched_text: understanding.text.clone(),
            did_you_mean: None,
            metiers_proches: Vec::new(),
            with_every_word,
        };
        if total == 0 && !clauses.is_empty() {
            self.no_dead_end(&searcher, &clauses, &mut results)?;
        }
        Ok(results)
    }

    /// `query` limited to the box around the request's circle, when it has
    /// one: documents far away are then never scored nor collected, which
    /// is most of the work on a national catalogue (the circle itself is
    /// checked by [`filter`]).
    fn around(&self, query: Box<dyn Query>, request: &SearchRequest) -> Box<dyn Query> {
        let Some(near) = request.near else {
            return query;
        };
        let ((south, north), (west, east)) = near.centre.bounding_box(near.radius_km);
        let range = |field, low, high| -> Box<dyn Query> {
            Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_f64(field, low)),
                Bound::Included(Term::from_field_f64(field, high)),
            ))
        };
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Must, range(self.fields.lat, south, north)),
            (Occur::Must, range(self.fields.lon, west, east)),
        ]))
    }

    /// Raises the best matches whose title holds every clause by the share
    /// of the title those words make: « Master mention chimie » is closer
    /// to « master chimie » than « Master mention chimie physique et
    /// analytique », an exact title closest of all. Only the first
    /// [`RERANKED`] are read: their stored titles are loaded for the page
    /// anyway.
    fn rerank_by_title(
        &self,
        searcher: &Searcher,
        analyzers: &mut Analyzers,
        clauses: &[Clause],
        collector: &Matches,
        kept: &mut [(Match, f64)],
    ) -> Result<(), SearchError> {
        let depth = RERANKED.min(kept.len());
        if depth == 0 {
            return Ok(());
        }
        if depth < kept.len() {
            kept.select_nth_unstable_by(depth - 1, |a, b| {
                b.0.score
                    .total_cmp(&a.0.score)
                    .then(a.0.address.cmp(&b.0.address))
            });
        }
        for (m, _) in kept[..depth].iter_mut() {
            let doc: TantivyDocument = searcher.doc(m.address)?;
            let title = doc
                .get_first(self.fields.title)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            let mut stems: Vec<String> =
                analyzers.terms(title).into_iter().map(|t| t.stem).collect();
            stems.sort_unstable();
            stems.dedup();
            if stems.is_empty() {
                continue;
            }
            let mut used = vec![false; stems.len()];
            let mut all = true;
            for clause in clauses {
                // The clause as typed, or one of its dictionary expressions.
                let ways: Vec<Vec<&str>> =
                    std::iter::once(clause.typed.iter().map(|w| w.term.as_str()).collect())
                        .chain(
                            clause
                                .alternatives
                                .iter()
                                .map(|a| a.iter().map(String::as_str).collect()),
                        )
                        .collect();
                let found = ways.iter().find(|way| {
                    way.iter()
                        .all(|stem| stems.binary_search_by(|s| s.as_str().cmp(stem)).is_ok())
                });
                match found {
                    Some(way) => {
                        for stem in way {
                            if let Ok(i) = stems.binary_search_by(|s| s.as_str().cmp(stem)) {
                                used[i] = true;
                            }
                        }
                    }
                    None => all = false,
                }
            }
            if all {
                let share = used.iter().filter(|u| **u).count() as f32 / stems.len() as f32;
                m.score += TITLE_SHARE * share * collector.weight(m.kind);
            }
        }
        Ok(())
    }

    /// What a search that found nothing offers instead: the text with its
    /// unknown words replaced by the closest words of the catalogue, and
    /// the trades that have most of the (corrected) words.
    fn no_dead_end(
        &self,
        searcher: &Searcher,
        typed: &[Clause],
        results: &mut SearchResults,
    ) -> Result<(), SearchError> {
        let mut corrected = Vec::new();
        let mut changed = false;
        for word in typed.iter().flat_map(|c| &c.typed) {
            match closest_known(searcher, &self.fields, word)? {
                Some(known) if known != word.folded => {
                    corrected.push(known);
                    changed = true;
                }
                _ => corrected.push(word.folded.clone()),
            }
        }
        let text = corrected.join(" ");
        if changed {
            results.did_you_mean = Some(text.clone());
        }
        let mut analyzers = self.analyzers.clone();
        let words = words(&mut analyzers, &text);
        let clauses = clauses(words, &Dictionary::default());
        if clauses.is_empty() {
            return Ok(());
        }
        let any = text_query(
            &self.fields,
            &clauses,
            &Understanding::literal(&text),
            Occur::Should,
            true,
        );
        let mut matches = searcher.search(any.as_ref(), &Matches::PLAIN)?;
        let metier = kind_code(DocumentKind::Metier);
        matches.retain(|m| m.kind == metier);
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.address.cmp(&b.address)));
        let marked = marked_words(&clauses);
        let mut highlighter = Highlighter {
            analyzers: &mut analyzers,
            words: &marked,
        };
        let request = SearchRequest::default();
        for m in matches.iter().take(NEAREST_TRADES) {
            let doc: TantivyDocument = searcher.doc(m.address)?;
            results
                .metiers_proches
                .push(self.hit(&doc, m, 0.0, &request, &mut highlighter));
        }
        Ok(())
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

/// The unique key of a document in the index.
pub(crate) fn key(kind: DocumentKind, id: &str) -> String {
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
    doc.add_u64(fields.en_vigueur, u64::from(d.en_vigueur));
    for code in &d.metiers {
        doc.add_text(fields.metiers, code);
    }
    doc
}

/// Best matches reranked by how much of their title the query is, and the
/// score an exact title gains.
const RERANKED: usize = 20;
const TITLE_SHARE: tantivy::Score = 20.0;

/// Fewer documents with every word than this, and those with most of
/// them complete the list.
const FEW: usize = 5;

/// Trades offered when a search found nothing.
const NEAREST_TRADES: usize = 5;

/// Score factors of the kinds of documents for what the query asks: a
/// query that begins with a diploma word wants certifications and
/// trainings, not the trades and organisations that mention them.
fn kind_weights(understanding: &Understanding) -> [tantivy::Score; 9] {
    let mut weights = Matches::PLAIN.kind_weights;
    let mut set = |kind: DocumentKind, weight: tantivy::Score| {
        if let Some(w) = usize::try_from(kind_code(kind))
            .ok()
            .and_then(|k| weights.get_mut(k))
        {
            *w = weight;
        }
    };
    // Offers are few and change daily; the offers' own list sorts and
    // filters them. In the site's search they follow the catalogue's
    // documents of a like score, so that an offer's title does not push a
    // trade or a diploma out of the first answers.
    set(DocumentKind::Offre, OFFERS);
    set(DocumentKind::Projet, OFFERS);
    set(DocumentKind::Expert, OFFERS);
    set(DocumentKind::Ressource, OFFERS);
    if understanding.diplome {
        set(DocumentKind::Metier, ASIDE);
        set(DocumentKind::Organisation, ASIDE);
        set(DocumentKind::Formation, TRAININGS_OF_A_DIPLOMA);
    }
    if understanding.formation {
        set(DocumentKind::Metier, ASIDE);
        set(DocumentKind::Organisation, ASIDE);
    }
    weights
}

/// Weight of offers in every search.
const OFFERS: tantivy::Score = 0.5;
/// Weight of the kinds a query does not ask for (trades and organisations
/// for a diploma or a training).
const ASIDE: tantivy::Score = 0.3;
/// Weight of trainings for a query naming a diploma: the diploma's page
/// (which lists its trainings) first, then the trainings, then the rest.
const TRAININGS_OF_A_DIPLOMA: tantivy::Score = 0.6;

/// The folded word of the title and keyword fields closest to `word` when
/// the catalogue does not know `word` itself: fewest edits (one more than
/// the search tolerated, since within that the search found it already),
/// then the most documents. Only words
/// with the same first letter are compared, as typos seldom change it.
fn closest_known(
    searcher: &Searcher,
    fields: &Fields,
    word: &Word,
) -> Result<Option<String>, SearchError> {
    let max = word.typos.saturating_add(1);
    let Some(first) = word.folded.chars().next() else {
        return Ok(None);
    };
    let mut prefix = [0u8; 4];
    let prefix = first.encode_utf8(&mut prefix).as_bytes().to_vec();
    let mut best: Option<(u8, u32, String)> = None;
    for field in [fields.title_folded, fields.keywords_folded] {
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(field)?;
            let mut terms = index
                .terms()
                .range()
                .ge(&prefix)
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                let key = terms.key();
                if !key.starts_with(&prefix) {
                    break;
                }
                let Ok(known) = std::str::from_utf8(key) else {
                    continue;
                };
                if known == word.folded {
                    return Ok(None);
                }
                let Some(distance) = (1..=max).find(|d| within_distance(known, &word.folded, *d))
                else {
                    continue;
                };
                let docs = terms.value().doc_freq;
                let better = best
                    .as_ref()
                    .is_none_or(|(d, n, _)| distance < *d || (distance == *d && docs > *n));
                if better {
                    best = Some((distance, docs, known.to_owned()));
                }
            }
        }
    }
    Ok(best.map(|(_, _, known)| known))
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
