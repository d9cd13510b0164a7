//! The dictionary of the sector's acronyms and synonyms, applied at query
//! time.
//!
//! People type « but qlio », « bpf » or « bac pro » where the catalogue
//! writes « Bachelor universitaire de technologie qualité, logistique
//! industrielle et organisation », « bonnes pratiques de fabrication » or
//! « Baccalauréat professionnel ». A group lists expressions that mean the
//! same thing; when one of them is in the query, the words it spans match
//! any expression of the group. Expanding the query rather than the
//! documents keeps the index as the referentials write it, and lets the
//! campus team add a group without rebuilding anything but the tables
//! read at query time.
//!
//! The reviewed groups ship in `data/dictionary.toml`; the team's own
//! additions are kept in the database and joined to them when the index
//! is loaded ([`Dictionary::with`]).

use serde::{Deserialize, Serialize};

use crate::analyzer::Analyzers;

/// The groups shipped with the platform, reviewed like code.
const SHIPPED: &str = include_str!("../data/dictionary.toml");

/// Most expressions a group may hold, and longest expression: a group is
/// a handful of ways to say one thing.
pub const MAX_EXPRESSIONS: usize = 8;
pub const MAX_EXPRESSION_CHARS: usize = 120;

/// Expressions that mean the same thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub expressions: Vec<String>,
    /// Where the equivalence comes from (a referential's label, a
    /// regulation), shown to the campus team.
    #[serde(default)]
    pub note: String,
    /// The group names a diploma (« MECP », « QLIO »): a query that holds
    /// it asks for the diploma and its trainings first.
    #[serde(default)]
    pub diplome: bool,
    /// The team's addition it comes from (its database id), `None` for a
    /// shipped group.
    #[serde(skip)]
    pub added: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<Group>,
}

/// Why a group or a dictionary file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DictionaryError {
    #[error("dictionnaire illisible : {0}")]
    Syntax(String),
    #[error("groupe {0} : il faut au moins deux expressions")]
    TooFew(usize),
    #[error("groupe {0} : {MAX_EXPRESSIONS} expressions au plus")]
    TooMany(usize),
    #[error("groupe {group} : « {expression} » ne contient aucun mot cherchable")]
    NoWord { group: usize, expression: String },
    #[error("groupe {group} : « {expression} » dépasse {MAX_EXPRESSION_CHARS} caractères")]
    TooLong { group: usize, expression: String },
    #[error("groupe {group} : « {expression} » apparaît deux fois")]
    Repeated { group: usize, expression: String },
}

impl Group {
    /// Checks a group (the `number`th, for messages): at least two
    /// expressions, each with searchable words, none repeated.
    pub fn check(&self, number: usize) -> Result<(), DictionaryError> {
        if self.expressions.len() < 2 {
            return Err(DictionaryError::TooFew(number));
        }
        if self.expressions.len() > MAX_EXPRESSIONS {
            return Err(DictionaryError::TooMany(number));
        }
        let mut analyzers = Analyzers::default();
        let mut seen: Vec<Vec<String>> = Vec::new();
        for expression in &self.expressions {
            let fail = |e: fn(usize, String) -> DictionaryError| Err(e(number, expression.clone()));
            if expression.chars().count() > MAX_EXPRESSION_CHARS {
                return fail(|group, expression| DictionaryError::TooLong { group, expression });
            }
            let stems = stems(&mut analyzers, expression);
            if stems.is_empty() {
                return fail(|group, expression| DictionaryError::NoWord { group, expression });
            }
            if seen.contains(&stems) {
                return fail(|group, expression| DictionaryError::Repeated { group, expression });
            }
            seen.push(stems);
        }
        Ok(())
    }
}

fn stems(analyzers: &mut Analyzers, text: &str) -> Vec<String> {
    analyzers.terms(text).into_iter().map(|t| t.stem).collect()
}

/// The groups in force, with each expression as the stems a query is
/// compared with.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    groups: Vec<Group>,
    /// Every expression's stems and its group, longest first so that the
    /// longest expression found at a place wins.
    expressions: Vec<(Vec<String>, usize)>,
}

impl Dictionary {
    /// The shipped groups. The file is checked by the tests, so a failure
    /// here means a broken build and gives an empty dictionary rather than
    /// a search that does not start.
    pub fn shipped() -> Dictionary {
        match Dictionary::parse(SHIPPED) {
            Ok(dictionary) => dictionary,
            Err(e) => {
                tracing::error!(erreur = %e, "dictionnaire livré illisible");
                Dictionary::default()
            }
        }
    }

    /// Reads a dictionary file: `[[group]]` tables of `expressions` and a
    /// `note`.
    pub fn parse(text: &str) -> Result<Dictionary, DictionaryError> {
        let file: File =
            toml::from_str(text).map_err(|e| DictionaryError::Syntax(e.to_string()))?;
        for (i, group) in file.group.iter().enumerate() {
            group.check(i + 1)?;
        }
        Ok(Dictionary::of(file.group))
    }

    fn of(groups: Vec<Group>) -> Dictionary {
        let mut analyzers = Analyzers::default();
        let mut expressions: Vec<(Vec<String>, usize)> = Vec::new();
        for (i, group) in groups.iter().enumerate() {
            for expression in &group.expressions {
                let stems = stems(&mut analyzers, expression);
                if !stems.is_empty() {
                    expressions.push((stems, i));
                }
            }
        }
        expressions.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        Dictionary {
            groups,
            expressions,
        }
    }

    /// This dictionary and the team's additions (checked when they were
    /// saved; one that no longer checks is left out).
    pub fn with(self, added: impl IntoIterator<Item = Group>) -> Dictionary {
        let mut groups = self.groups;
        for group in added {
            if group.check(groups.len() + 1).is_ok() {
                groups.push(group);
            }
        }
        Dictionary::of(groups)
    }

    /// Every group, shipped ones first.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The group that already holds `expression` (the same words once
    /// analysed: « Contrôle qualité » and « controles qualite » are one).
    pub fn holding(&self, expression: &str) -> Option<&Group> {
        let wanted = stems(&mut Analyzers::default(), expression);
        self.expressions
            .iter()
            .find(|(stems, _)| *stems == wanted)
            .and_then(|(_, group)| self.groups.get(*group))
    }

    /// The places where an expression of a group is in `stems` (a query's
    /// words), left to right, without overlaps: for each, where it starts,
    /// how many words it spans, and the stems of the group's other
    /// expressions.
    pub(crate) fn expansions(&self, stems: &[&str]) -> Vec<Expansion> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < stems.len() {
            let hit = self.expressions.iter().find(|(expression, _)| {
                stems.len() - at >= expression.len()
                    && expression.iter().zip(&stems[at..]).all(|(e, s)| e == s)
            });
            match hit {
                Some((expression, group)) => {
                    let alternatives = self
                        .expressions
                        .iter()
                        .filter(|(other, g)| g == group && other != expression)
                        .map(|(other, _)| other.clone())
                        .collect();
                    found.push(Expansion {
                        start: at,
                        len: expression.len(),
                        alternatives,
                        diplome: self.groups.get(*group).is_some_and(|g| g.diplome),
                    });
                    at += expression.len();
                }
                None => at += 1,
            }
        }
        found
    }
}

/// Query words that an expression of the dictionary spans, and the other
/// ways to say them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Expansion {
    pub start: usize,
    pub len: usize,
    pub alternatives: Vec<Vec<String>>,
    /// The group names a diploma.
    pub diplome: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_shipped_dictionary_checks() {
        let dictionary = Dictionary::parse(SHIPPED).expect("dictionnaire livré");
        assert!(dictionary.groups().len() >= 30);
        assert_eq!(
            Dictionary::shipped().groups().len(),
            dictionary.groups().len()
        );
    }

    #[test]
    fn acronyms_expand_where_they_are() {
        let dictionary = Dictionary::shipped();
        let found = dictionary.expansions(&["but", "qlio"]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[1].start, found[1].len), (1, 1));
        assert!(
            found[1]
                .alternatives
                .iter()
                .any(|a| a.len() == 4 && a[0] == "qualit"),
            "{found:?}"
        );
        // Two words as one expression, in either direction.
        let found = dictionary.expansions(&["bac", "pro", "chimi"]);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].len), (0, 2));
        let found = dictionary.expansions(&["baccalaureat", "professionnel"]);
        assert_eq!(
            found[0].alternatives,
            vec![vec!["bac".to_owned(), "pro".to_owned()]]
        );
        assert!(dictionary.expansions(&["chimi", "organ"]).is_empty());
    }

    #[test]
    fn bad_groups_are_refused_with_their_number() {
        let one = "[[group]]\nexpressions = [\"a b\", \"c d\"]\n[[group]]\nexpressions = [\"bpf\"]";
        assert_eq!(
            Dictionary::parse(one).err(),
            Some(DictionaryError::TooFew(2))
        );
        let stop = "[[group]]\nexpressions = [\"de la\", \"bpf\"]";
        assert!(matches!(
            Dictionary::parse(stop),
            Err(DictionaryError::NoWord { group: 1, .. })
        ));
        let same = "[[group]]\nexpressions = [\"Contrôles\", \"contrôle\"]";
        assert!(matches!(
            Dictionary::parse(same),
            Err(DictionaryError::Repeated { group: 1, .. })
        ));
        assert!(matches!(
            Dictionary::parse("[[group]]\nexpressions = 3"),
            Err(DictionaryError::Syntax(_))
        ));
        assert!(matches!(
            Dictionary::parse("[[groupe]]"),
            Err(DictionaryError::Syntax(_))
        ));
    }

    #[test]
    fn additions_join_and_bad_ones_are_left_out() {
        let added = Group {
            expressions: vec!["lyophilisation".to_owned(), "cryodessiccation".to_owned()],
            note: String::new(),
            diplome: false,
            added: Some(7),
        };
        let broken = Group {
            expressions: vec!["seul".to_owned()],
            note: String::new(),
            diplome: false,
            added: Some(8),
        };
        let dictionary = Dictionary::shipped();
        let shipped = dictionary.groups().len();
        let dictionary = dictionary.with([added, broken]);
        assert_eq!(dictionary.groups().len(), shipped + 1);
        assert_eq!(
            dictionary
                .holding("cryodessiccations")
                .and_then(|g| g.added),
            Some(7)
        );
        assert!(dictionary.holding("BPF").is_some_and(|g| g.added.is_none()));
        assert!(dictionary.holding("pharmacie").is_none());
        let typed = stems(&mut Analyzers::default(), "Cryodessiccation");
        let typed: Vec<&str> = typed.iter().map(String::as_str).collect();
        assert_eq!(dictionary.expansions(&typed).len(), 1);
    }

    proptest! {
        #[test]
        fn any_file_is_read_or_refused(text in "\\PC{0,200}") {
            let _ = Dictionary::parse(&text);
        }

        #[test]
        fn any_query_expands_without_panic(words in proptest::collection::vec("[a-z]{1,6}", 0..8)) {
            let dictionary = Dictionary::shipped();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            for e in dictionary.expansions(&words) {
                prop_assert!(e.start + e.len <= words.len());
            }
        }
    }
}
