//! French text normalisation for the alignment of blocs with ROME skills.
//!
//! A bloc title ("Assurer la maintenance préventive des équipements") and a
//! ROME skill ("Réaliser la maintenance préventive d'un équipement") share
//! meaning through their content words, not their spelling: case, accents,
//! elided articles (« d'un »), grammatical words and inflection
//! (équipements / équipement) must all disappear before two texts are
//! compared. The order matters: elision is cut on the raw word, the Snowball
//! French stemmer (the same as the search engine's) reads accented words,
//! and only its output is folded to ASCII so that « contrôle » and
//! « controle », typed either way, meet.

use campus_domain::fold_accents;
use rust_stemmers::{Algorithm, Stemmer};

/// Turns French text into comparable terms. Holds the stemmer so that it is
/// built once per alignment, not once per word.
pub struct Normaliser {
    stemmer: Stemmer,
}

impl Default for Normaliser {
    fn default() -> Self {
        Normaliser::new()
    }
}

impl Normaliser {
    pub fn new() -> Normaliser {
        Normaliser {
            stemmer: Stemmer::create(Algorithm::French),
        }
    }

    /// The terms of `text`, in order, repeated as often as they occur (the
    /// caller weighs repetition).
    pub fn terms(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut terms = Vec::new();
        for raw in lower.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))) {
            for word in raw.split(is_apostrophe).enumerate().filter_map(|(i, w)| {
                // « l'équipement » → « équipement »; « aujourd'hui » keeps
                // both halves, harmless since neither is a skill word.
                (i > 0 || !ELISIONS.contains(&w)).then_some(w)
            }) {
                if word.is_empty() || is_stop_word(word) || is_numbering(word) {
                    continue;
                }
                let word = verb_of(word).unwrap_or(word);
                let stem = self.stemmer.stem(word);
                let folded = fold_accents(&stem);
                // One letter left after stemming carries no meaning; digits
                // (« ISO 9001 ») do.
                if folded.chars().count() > 1 || folded.chars().all(|c| c.is_ascii_digit()) {
                    terms.push(folded);
                }
            }
        }
        terms
    }
}

/// Bloc titles name activities with nouns (« conduite d'une ligne »,
/// « gestion des stocks »), ROME skills with verbs (« conduire une
/// ligne », « gérer les stocks »). The stemmer joins regular pairs
/// (préparation / préparer → « prépar »); these irregular ones, frequent
/// in the national blocs, are mapped to their verb first.
const NOMINALISATIONS: &[(&str, &str)] = &[
    ("accueil", "accueillir"),
    ("achat", "acheter"),
    ("achats", "acheter"),
    ("acquisition", "acquérir"),
    ("conception", "concevoir"),
    ("conduite", "conduire"),
    ("conduites", "conduire"),
    ("conseil", "conseiller"),
    ("construction", "construire"),
    ("décision", "décider"),
    ("fabrication", "fabriquer"),
    ("gestion", "gérer"),
    ("intervention", "intervenir"),
    ("interventions", "intervenir"),
    ("lecture", "lire"),
    ("mise", "mettre"),
    ("prévention", "prévenir"),
    ("production", "produire"),
    ("réception", "recevoir"),
    ("rédaction", "rédiger"),
    ("résolution", "résoudre"),
    ("soin", "soigner"),
    ("soins", "soigner"),
    ("traduction", "traduire"),
    ("vente", "vendre"),
    ("ventes", "vendre"),
];

fn verb_of(word: &str) -> Option<&'static str> {
    NOMINALISATIONS
        .iter()
        .find(|(noun, _)| *noun == word)
        .map(|&(_, verb)| verb)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Elided words before an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Grammatical words of French, and the few verbs of every bloc title
/// (« être », « avoir ») that tell nothing about a skill. Compared after
/// lowercasing, with and without accents.
const STOP_WORDS: &[&str] = &[
    "a", "à", "afin", "ainsi", "alors", "au", "aucun", "aupres", "auprès", "aussi", "autre",
    "autres", "aux", "avec", "avoir", "ce", "ceci", "cela", "celle", "celles", "celui", "ces",
    "cet", "cette", "chaque", "chez", "comme", "comment", "dans", "de", "des", "deux", "donc",
    "dont", "du", "elle", "elles", "en", "entre", "est", "et", "etre", "être", "eux", "hors", "il",
    "ils", "la", "le", "les", "leur", "leurs", "lui", "mais", "me", "meme", "même", "mes", "moins",
    "ne", "ni", "nos", "notre", "nous", "on", "ou", "où", "par", "parmi", "pas", "plus", "pour",
    "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "sa", "sans", "se", "selon", "ses",
    "si", "son", "sont", "sous", "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "toutes", "tu", "un", "une", "unes", "uns", "vers", "via", "vos", "votre", "vous", "y", "etc",
];

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// List numbers and part codes (« 3 », « U12 », « BC01 »): letters mixed
/// with digits, or fewer than three digits. Standards keep their number
/// (« ISO 9001 », « ISO 22716 »).
fn is_numbering(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    digits > 0 && (digits < 3 || digits < word.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn inflection_accents_and_elision_meet() {
        let n = Normaliser::new();
        let a = n.terms("Assurer la maintenance préventive des équipements");
        let b = n.terms("Réaliser la maintenance PREVENTIVE d'un équipement");
        for term in ["mainten", "prevent", "equip"] {
            assert!(a.iter().any(|t| t.starts_with(term)), "{a:?}");
            assert!(b.iter().any(|t| t.starts_with(term)), "{b:?}");
        }
        let shared = a.iter().filter(|t| b.contains(t)).count();
        assert_eq!(shared, 3, "{a:?} / {b:?}");
    }

    #[test]
    fn stop_words_and_elided_articles_vanish() {
        let n = Normaliser::new();
        assert!(n.terms("de la, et l' d’ qu'").is_empty());
        assert_eq!(n.terms("l'hygiène"), n.terms("hygiène"));
        assert_eq!(n.terms("Contrôle qualité"), n.terms("controle qualite"));
        assert_eq!(
            n.terms("ISO 9001"),
            vec!["iso".to_owned(), "9001".to_owned()]
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_terms_are_folded(s in "\\PC{0,80}") {
            let n = Normaliser::new();
            for term in n.terms(&s) {
                prop_assert!(!term.is_empty());
                prop_assert!(!term.chars().any(|c| "àâäçéèêëîïôöùûüÿœæ".contains(c)));
            }
        }
    }
}
