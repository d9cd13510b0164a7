//! The French analyzer: how texts and queries become index terms.
//!
//! Words → lower case → accents folded (people type « operateur » for
//! « opérateur ») → elided articles dropped (« l'opérateur », « d'analyse »)
//! → French stop words dropped → French Snowball stemmer (plurals and
//! common endings: « contrôles » and « contrôle » meet). Documents and
//! queries go through the same chain, so every spelling variant of a word
//! reaches the same term.
//!
//! The same chain without the stemmer gives the folded words, indexed
//! beside the stems: typos and unfinished words are matched on them, since
//! a misspelt word is often stemmed differently from the right one
//! (« maintenanse » → `maintenans`, « maintenance » → `mainten`).

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Names under which the analyzers are registered in the index.
pub const FRENCH: &str = "campus_fr";
pub const FOLDED: &str = "campus_fr_folded";

/// Articles and conjunctions that French writes elided before a vowel,
/// once lower-cased and folded.
const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// French stop words: the Snowball list (as shipped by tantivy), written
/// folded because they are compared with folded tokens, without its lone
/// elided letters: [`Elision`] drops those only where they are elided, so
/// that « option C » keeps its letter.
const STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il",
    "je", "la", "le", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos",
    "notre", "nous", "on", "ou", "par", "pas", "pour", "que", "qui", "sa", "se", "ses", "sur",
    "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "a", "y", "etee",
    "etees", "etant", "suis", "es", "etes", "sont", "serai", "seras", "sera", "serons", "serez",
    "seront", "serais", "serait", "serions", "seriez", "seraient", "etais", "etait", "etions",
    "etiez", "etaient", "fus", "fut", "fumes", "futes", "furent", "sois", "soit", "soyons",
    "soyez", "soient", "fusse", "fusses", "fussions", "fussiez", "fussent", "ayant", "eu", "eue",
    "eues", "eus", "ai", "avons", "avez", "ont", "aurai", "aurons", "aurez", "auront", "aurais",
    "aurait", "aurions", "auriez", "auraient", "avais", "avait", "aviez", "avaient", "eut",
    "eumes", "eutes", "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses",
    "eussions", "eussiez", "eussent", "ceci", "cela", "cet", "cette", "ici", "ils", "les", "leurs",
    "quel", "quels", "quelle", "quelles", "sans", "soi",
];

/// The stemming analyzer, for the main text fields.
pub fn french() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Elision)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|w| (*w).to_owned()),
        ))
        .filter(Stemmer::new(Language::French))
        .build()
}

/// The same chain without stemming, for the folded twin fields.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Elision)
        .filter(StopWordFilter::remove(
            STOP_WORDS.iter().map(|w| (*w).to_owned()),
        ))
        .build()
}

/// One word of an analysed text, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The stemmed index term.
    pub stem: String,
    /// The folded word, before stemming.
    pub folded: String,
    /// Byte range of the original word in the analysed text.
    pub from: usize,
    pub to: usize,
}

/// Both analyzers, to see each word as stem and as folded word.
#[derive(Clone)]
pub struct Analyzers {
    stemmed: TextAnalyzer,
    folded: TextAnalyzer,
}

impl Default for Analyzers {
    fn default() -> Self {
        Analyzers {
            stemmed: french(),
            folded: folded(),
        }
    }
}

impl Analyzers {
    /// The words of `text`. The stemmer never drops a word, so both chains
    /// yield the same words at the same places.
    pub fn terms(&mut self, text: &str) -> Vec<Term> {
        let mut folded = Vec::new();
        let mut stream = self.folded.token_stream(text);
        while let Some(token) = stream.next() {
            folded.push(token.text.clone());
        }
        let mut terms = Vec::with_capacity(folded.len());
        let mut stream = self.stemmed.token_stream(text);
        let mut folded = folded.into_iter();
        while let Some(token) = stream.next() {
            terms.push(Term {
                stem: token.text.clone(),
                folded: folded.next().unwrap_or_else(|| token.text.clone()),
                from: token.offset_from,
                to: token.offset_to,
            });
        }
        terms
    }
}

impl Analyzers {
    /// The folded words of `text` with their byte ranges, unstemmed: what
    /// highlighting reads, stemming only the few words that may match.
    pub fn folded_terms(&mut self, text: &str) -> Vec<(String, usize, usize)> {
        let mut terms = Vec::new();
        let mut stream = self.folded.token_stream(text);
        while let Some(token) = stream.next() {
            terms.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        terms
    }

    /// The stem of a folded word (one of [`Analyzers::folded_terms`]).
    pub fn stem(&mut self, folded: &str) -> String {
        let mut stream = self.stemmed.token_stream(folded);
        match stream.next() {
            Some(token) => token.text.clone(),
            None => folded.to_owned(),
        }
    }
}

/// Drops an elided article or conjunction: a token of [`ELIDED`] directly
/// followed by an apostrophe (straight or typographic) in the original
/// text. The same letters elsewhere (« vitamine C ») are kept.
#[derive(Clone, Copy, Debug)]
pub struct Elision;

impl TokenFilter for Elision {
    type Tokenizer<T: Tokenizer> = ElisionFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ElisionFilter<T> {
        ElisionFilter { inner: tokenizer }
    }
}

#[derive(Clone, Debug)]
pub struct ElisionFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ElisionFilter<T> {
    type TokenStream<'a> = ElisionStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElisionStream {
            text,
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct ElisionStream<'a, S> {
    text: &'a str,
    tail: S,
}

impl<S: TokenStream> ElisionStream<'_, S> {
    fn is_elided(&self, token: &Token) -> bool {
        ELIDED.contains(&token.text.as_str())
            && self
                .text
                .get(token.offset_to..)
                .is_some_and(|rest| rest.starts_with(['\'', '’', 'ʼ']))
    }
}

impl<S: TokenStream> TokenStream for ElisionStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !self.is_elided(self.tail.token()) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzers::default()
            .terms(text)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    }

    #[test]
    fn accents_and_case_are_folded() {
        assert_eq!(terms("Opérateur"), terms("operateur"));
        assert_eq!(terms("COSMÉTIQUE"), terms("cosmétique"));
        assert_eq!(terms("qualité"), terms("QUALITE"));
        assert_eq!(terms("Cœur"), terms("coeur"));
    }

    #[test]
    fn plurals_meet_their_singular() {
        assert_eq!(terms("contrôles"), terms("contrôle"));
        assert_eq!(terms("opérateurs"), terms("opérateur"));
        assert_eq!(
            terms("industries pharmaceutiques"),
            terms("industrie pharmaceutique")
        );
    }

    #[test]
    fn elided_articles_are_dropped() {
        assert_eq!(terms("l'esthétique"), terms("esthétique"));
        assert_eq!(terms("d’analyse"), terms("analyse"));
        assert_eq!(terms("qu'elle"), Vec::<String>::new());
        assert_eq!(terms("jusqu'au laboratoire"), terms("laboratoire"));
        // A lone letter that is not elided stays: it may be an option.
        assert_eq!(terms("option c").len(), 2);
    }

    #[test]
    fn stop_words_are_dropped() {
        assert_eq!(
            terms("technicien de la production et du conditionnement"),
            terms("technicien production conditionnement")
        );
        assert!(terms("à été").len() <= 1, "{:?}", terms("à été"));
    }

    #[test]
    fn offsets_point_at_the_original_words() {
        let text = "Métiers de l'esthétique";
        let found = Analyzers::default().terms(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].from..found[0].to], "Métiers");
        assert_eq!(&text[found[1].from..found[1].to], "esthétique");
    }

    #[test]
    fn folded_words_are_kept_beside_stems() {
        let found = Analyzers::default().terms("Maintenance des Équipements");
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|t| (t.stem.as_str(), t.folded.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("mainten", "maintenance"), ("equip", "equipements")]
        );
    }

    #[test]
    fn folded_words_stem_like_the_whole_text() {
        let text = "Contrôles des opérateurs d'usine, CHEVAUX";
        let mut analyzers = Analyzers::default();
        let folded = analyzers.folded_terms(text);
        let whole = analyzers.terms(text);
        assert_eq!(folded.len(), whole.len());
        for ((word, from, to), term) in folded.iter().zip(&whole) {
            assert_eq!((word, *from, *to), (&term.folded, term.from, term.to));
            assert_eq!(analyzers.stem(word), term.stem);
        }
    }

    #[test]
    fn codes_are_single_terms() {
        assert_eq!(terms("H3301"), vec!["h3301".to_owned()]);
        assert_eq!(terms("RNCP36085"), vec!["rncp36085".to_owned()]);
    }
}
