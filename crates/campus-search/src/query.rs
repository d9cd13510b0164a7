//! From what people type to an index query.
//!
//! The text is never parsed as a query language: quotes, `+`, `-`, `AND`
//! or brackets are ordinary characters that the analyzer drops, so no
//! input can be a syntax error. Each remaining word matches, by order of
//! score: the same term (BM25), a longer word it begins (« pharma » →
//! « pharmaceutique »), then a word one or two typos away — the last only
//! for a word the index knows neither as typed nor as a beginning
//! ([`plan`]): a word spelt right is not a typo, and looking for its
//! neighbours costs the most of any clause (an automaton per field over
//! the whole dictionary) while mostly adding noise.

use crate::analyzer::Analyzers;
use crate::dictionary::Dictionary;
use crate::schema::Fields;
use crate::understand::Understanding;
use campus_domain::search::DocumentKind;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Searcher, Term};

/// Weight of a prefix match and of a typo match relative to an exact one.
/// Automaton matches score a constant (their boost) while an exact match
/// scores its BM25 (usually 1 to 10) times the same field weight: exact
/// matches rank first.
const PREFIX_WEIGHT: f32 = 0.5;
const FUZZY_WEIGHT: f32 = 0.3;

/// Scores added to a match that has every word in its title, that has
/// them as a phrase in its title or in one of its other names (a job
/// title), and to the trade whose job title the query names whole. They
/// sit above what scattered words score (BM25 of a word in a title is
/// about 3 to 30), so that these matches come first whatever the
/// frequencies of their words.
const TITLE_ALL: Score = 40.0;
const TITLE_PHRASE: Score = 15.0;
const KEYWORDS_PHRASE: Score = 15.0;
const NAMED_METIER: Score = 200.0;
/// Weight of the match of a certification that leads to a trade the
/// query names (times how much of the job title is typed): found even in
/// other words, below the trade itself. The match scores its BM25 (about
/// 2 for a certification leading to a dozen trades of which this one is
/// common, 10 for one leading only to a rare one).
const LEADS_TO: Score = 6.0;

/// Words that may stand between the words of a phrase (« bac pro
/// procédés de la chimie » is the phrase « bac pro chimie » with slop).
const PHRASE_SLOP: u32 = 2;

/// Shortest word completed as a prefix: shorter ones match too many words
/// to mean anything.
const MIN_PREFIX_CHARS: usize = 4;

/// One word of the query, as index terms see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// The stem, matched exactly.
    pub term: String,
    /// The folded word, matched as a prefix and with typos.
    pub folded: String,
    /// Typos tolerated: 0 up to 4 letters typed, 1 from 5, 2 from 9.
    pub typos: u8,
    pub prefix: bool,
}

impl Word {
    /// Whether a folded word (of a document being highlighted) matches
    /// this word the way the query does. `stem` gives the word's stem; it
    /// is only called when the stem could be this word's term (stemming
    /// keeps the first letter and never lengthens a word), which spares
    /// stemming most words of a long text.
    pub(crate) fn matches(&self, folded: &str, stem: impl FnOnce() -> String) -> bool {
        (self.prefix && folded.starts_with(self.folded.as_str()))
            || (folded.len() >= self.term.len()
                && folded.as_bytes().first() == self.term.as_bytes().first()
                && stem() == self.term)
            || (self.typos > 0 && within_distance(folded, &self.folded, self.typos))
    }
}

/// Typos tolerated for a word typed with `chars` letters.
pub(crate) fn typos_for(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The words of a query text.
pub(crate) fn words(analyzers: &mut Analyzers, text: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for term in analyzers.terms(text) {
        let typed = term.folded.chars().count();
        let word = Word {
            prefix: typed >= MIN_PREFIX_CHARS,
            typos: typos_for(typed),
            term: term.stem,
            folded: term.folded,
        };
        if !words.iter().any(|w| w.term == word.term) {
            words.push(word);
        }
    }
    words
}

/// Keeps the typo tolerance of the words that need it: those found in no
/// field, neither as their stem nor as the beginning of a longer word. One
/// dictionary look-up per field, against an automaton over every term.
pub(crate) fn plan(
    searcher: &Searcher,
    fields: &Fields,
    words: &mut [Word],
) -> tantivy::Result<()> {
    for word in words.iter_mut().filter(|w| w.typos > 0) {
        let mut known = false;
        for (stemmed, folded, _) in fields.weighted() {
            known = searcher.doc_freq(&Term::from_field_text(stemmed, &word.term))? > 0
                || (word.prefix && begins_a_term(searcher, folded, &word.folded)?);
            if known {
                break;
            }
        }
        if known {
            word.typos = 0;
        }
    }
    Ok(())
}

/// Whether some term of `field` begins with `prefix`.
fn begins_a_term(searcher: &Searcher, field: Field, prefix: &str) -> tantivy::Result<bool> {
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(field)?;
        let mut terms = index.terms().range().ge(prefix.as_bytes()).into_stream()?;
        if terms.advance() && terms.key().starts_with(prefix.as_bytes()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Matches of one word in any of `fields` (stemmed, folded, weight).
fn word_query(fields: &[(Field, Field, f32)], word: &Word) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for &(stemmed, folded, weight) in fields {
        let term = Term::from_field_text(stemmed, &word.term);
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                weight,
            )),
        ));
        let typed = Term::from_field_text(folded, &word.folded);
        if word.prefix {
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(FuzzyTermQuery::new_prefix(typed.clone(), 0, true)),
                    weight * PREFIX_WEIGHT,
                )),
            ));
        }
        if word.typos > 0 {
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(FuzzyTermQuery::new(typed, word.typos, true)),
                    weight * FUZZY_WEIGHT,
                )),
            ));
        }
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Words typed, and what the dictionary says they also mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Clause {
    /// One word, or the words an expression of the dictionary spans.
    pub typed: Vec<Word>,
    /// The stems of the other expressions of that group.
    pub alternatives: Vec<Vec<String>>,
}

/// The query's words as clauses: one per word, except where an
/// expression of the dictionary spans several.
pub(crate) fn clauses(words: Vec<Word>, dictionary: &Dictionary) -> Vec<Clause> {
    let stems: Vec<&str> = words.iter().map(|w| w.term.as_str()).collect();
    let expansions = dictionary.expansions(&stems);
    let mut clauses = Vec::new();
    let mut expansions = expansions.into_iter().peekable();
    let mut words = words.into_iter().enumerate().peekable();
    while let Some((i, word)) = words.next() {
        match expansions.peek() {
            Some(e) if e.start == i => {
                let mut typed = vec![word];
                for _ in 1..e.len {
                    if let Some((_, next)) = words.next() {
                        typed.push(next);
                    }
                }
                clauses.push(Clause {
                    typed,
                    alternatives: e.alternatives.clone(),
                });
                expansions.next();
            }
            _ => clauses.push(Clause {
                typed: vec![word],
                alternatives: Vec::new(),
            }),
        }
    }
    clauses
}

/// An exact word of the dictionary's expansions: no prefix, no typo.
fn exact(stem: &str) -> Word {
    Word {
        term: stem.to_owned(),
        folded: stem.to_owned(),
        typos: 0,
        prefix: false,
    }
}

fn all_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match <[_; 1]>::try_from(queries) {
        Ok([one]) => one,
        Err(many) => Box::new(BooleanQuery::new(
            many.into_iter().map(|q| (Occur::Must, q)).collect(),
        )),
    }
}

/// Matches of a clause in `fields`: its typed words all, or the words of
/// one of its alternatives all.
fn clause_query(fields: &[(Field, Field, f32)], clause: &Clause) -> Box<dyn Query> {
    let typed = all_of(clause.typed.iter().map(|w| word_query(fields, w)).collect());
    if clause.alternatives.is_empty() {
        return typed;
    }
    let mut either: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, typed)];
    for alternative in &clause.alternatives {
        let words = alternative
            .iter()
            .map(|stem| word_query(fields, &exact(stem)))
            .collect();
        either.push((Occur::Should, all_of(words)));
    }
    Box::new(BooleanQuery::new(either))
}

/// The words of the clauses, typed and from the dictionary, as the
/// highlighter marks them.
pub(crate) fn marked_words(clauses: &[Clause]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for clause in clauses {
        words.extend(clause.typed.iter().cloned());
        for stem in clause.alternatives.iter().flatten() {
            if !words.iter().any(|w| w.term == *stem) {
                words.push(exact(stem));
            }
        }
    }
    words
}

/// The search's query: every clause required (`Must`), or any of them
/// (`Should`, ranking the documents that have more of them first), plus,
/// when the results are `ranked` by score (not by distance), the scores
/// of the matches that read as what the person means (see
/// [`TITLE_ALL`]): phrases and titles cost the most of the query, for
/// nothing when the nearest come first.
pub(crate) fn text_query(
    fields: &Fields,
    clauses: &[Clause],
    understanding: &Understanding,
    occur: Occur,
    ranked: bool,
) -> Box<dyn Query> {
    let all_fields = fields.weighted();
    let mut query: Vec<(Occur, Box<dyn Query>)> = clauses
        .iter()
        .map(|c| (occur, clause_query(&all_fields, c)))
        .collect();
    if !ranked {
        return Box::new(BooleanQuery::new(query));
    }
    let title = [(fields.title, fields.title_folded, 1.0)];
    let in_title = all_of(clauses.iter().map(|c| clause_query(&title, c)).collect());
    query.push((
        Occur::Should,
        Box::new(ConstScoreQuery::new(in_title, TITLE_ALL)),
    ));
    let typed: Vec<&Word> = clauses.iter().flat_map(|c| &c.typed).collect();
    if typed.len() > 1 {
        for (field, score) in [
            (fields.title, TITLE_PHRASE),
            (fields.keywords, KEYWORDS_PHRASE),
        ] {
            let terms = typed
                .iter()
                .enumerate()
                .map(|(i, w)| (i, Term::from_field_text(field, &w.term)))
                .collect();
            let phrase = PhraseQuery::new_with_offset_and_slop(terms, PHRASE_SLOP);
            query.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(phrase), score)),
            ));
        }
    }
    for (code, coverage) in &understanding.metiers {
        let key = Term::from_field_text(fields.key, &crate::index::key(DocumentKind::Metier, code));
        query.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(key, IndexRecordOption::Basic)),
                NAMED_METIER * coverage,
            )),
        ));
    }
    let scored: Box<dyn Query> = Box::new(BooleanQuery::new(query));
    if understanding.metiers.is_empty() {
        return scored;
    }
    let leading = understanding
        .metiers
        .iter()
        .map(|(code, coverage)| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(fields.metiers, code);
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    LEADS_TO * coverage,
                )),
            )
        })
        .collect();
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, scored),
        (Occur::Should, Box::new(BooleanQuery::new(leading))),
    ]))
}

/// Optimal string alignment distance (Levenshtein with adjacent
/// transpositions, as the index's automata count) is at most `max`.
pub(crate) fn within_distance(a: &str, b: &str, max: u8) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = usize::from(max);
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return false;
        }
    }
    rows[a.len()][b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_tolerance_grows_with_length() {
        assert_eq!(typos_for(3), 0);
        assert_eq!(typos_for(4), 0);
        assert_eq!(typos_for(5), 1);
        assert_eq!(typos_for(8), 1);
        assert_eq!(typos_for(9), 2);
    }

    #[test]
    fn distances() {
        assert!(within_distance("maintenanc", "maintenans", 1));
        assert!(within_distance("chimie", "chmiie", 1), "transposition");
        assert!(!within_distance("chimie", "chinoi", 1));
        assert!(within_distance("", "ab", 2));
        assert!(!within_distance("", "abc", 2));
        assert!(within_distance("été", "ete", 2));
    }

    #[test]
    fn query_words() {
        let mut analyzer = Analyzers::default();
        let found = words(&mut analyzer, "Les opérateurs de l'usine \"AND\" -bts");
        let terms: Vec<&str> = found.iter().map(|w| w.term.as_str()).collect();
        assert_eq!(terms.len(), 4, "{terms:?}");
        assert_eq!(found[0].typos, 2, "« opérateurs » : 11 lettres");
        assert_eq!(found.last().map(|w| w.typos), Some(0), "« bts »");
        assert!(words(&mut analyzer, "de la").is_empty());
        assert_eq!(words(&mut analyzer, "chimie chimie").len(), 1);
    }

    #[test]
    fn words_match_like_the_query() {
        let mut analyzer = Analyzers::default();
        let word = words(&mut analyzer, "pharma").remove(0);
        let stem = |s: &'static str| move || s.to_owned();
        assert!(word.matches("pharma", stem("pharm")));
        assert!(word.matches("pharmaceutique", stem("pharmaceut")));
        assert!(word.matches("pharna", stem("pharn")));
        assert!(!word.matches("chimie", stem("chimi")));
        let typo = words(&mut analyzer, "maintenanse").remove(0);
        assert!(typo.matches("maintenance", stem("mainten")));
        // Same stem, a word the typed one does not begin.
        let plural = words(&mut analyzer, "chevaux").remove(0);
        assert_eq!(plural.term, "cheval");
        assert!(plural.matches("cheval", stem("cheval")));
        assert!(!plural.matches("c", || unreachable!("too short to be stemmed")));
        assert!(!plural.matches("jument", || unreachable!("another first letter")));
    }
}
