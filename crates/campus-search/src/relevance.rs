//! Relevance of the search, measured against a judged query set.
//!
//! Latency says nothing of whether the right trade, diploma or training
//! comes first. `relevance/judged.toml` lists queries people type on the
//! campus's site, each with the documents a person would want (grade 2)
//! or would accept (grade 1), checked by hand against the catalogue. This
//! module reads that file and scores a ranked list of results against it;
//! the `relevance` bench runs the set against this engine and against
//! PostgreSQL's full-text search, so that every change to ranking or to
//! query understanding shows its effect in figures.
//!
//! Trainings come and go with every import, so a judgment does not name
//! one by its identifier but by what it prepares: `prepare:RNCP35807` is
//! satisfied by any training near the query's place whose codes include
//! RNCP35807. The scorer does not know the corpus: the caller says, per
//! code, which documents of the corpus satisfy it (see
//! [`JudgedQuery::score`]).
//!
//! Metrics, over the first [`CUTOFF`] results: nDCG (gain `2^grade − 1`,
//! discount `log2(rank + 1)`, the ideal list made of the judged grades),
//! recall (relevant results found over the number that could be shown) and
//! the share of queries without any result.

use std::collections::{BTreeMap, HashMap, HashSet};

use campus_domain::search::DocumentKind;
use serde::Deserialize;

/// The committed judged set, compiled in so that a bench or a test always
/// scores against the file of the same commit.
const JUDGED: &str = include_str!("../relevance/judged.toml");

/// Number of results scored: a first page seen without scrolling far.
pub const CUTOFF: usize = 10;

/// Prefix of the judgments that name what a training prepares rather than
/// a document.
const PREPARE: &str = "prepare";

/// What the person typing the query is after: the figures are given per
/// intent, since each calls on a different part of the engine (stemming,
/// acronyms, places, typo tolerance…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    /// A trade or job title (« ingénieur procédés »).
    Metier,
    /// A diploma or certification by its name (« bts pharmacie »).
    Diplome,
    /// An acronym or code (« CQP », « H1206 »).
    Sigle,
    /// A field of the industry (« cosmétique »).
    Secteur,
    /// Something near a commune named in the text (« chimie Orléans »).
    Lieu,
    /// A misspelt query (« maintenanse »).
    Faute,
}

impl Intent {
    pub const ALL: [Intent; 6] = [
        Intent::Metier,
        Intent::Diplome,
        Intent::Sigle,
        Intent::Secteur,
        Intent::Lieu,
        Intent::Faute,
    ];

    /// The code used in the judged file.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Metier => "metier",
            Intent::Diplome => "diplome",
            Intent::Sigle => "sigle",
            Intent::Secteur => "secteur",
            Intent::Lieu => "lieu",
            Intent::Faute => "faute",
        }
    }
}

/// What a judgment is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// One document, by kind and identifier (`metier:H1206`).
    Document { kind: DocumentKind, id: String },
    /// Any training near the query's place whose codes include this one
    /// (`prepare:RNCP35807`).
    Prepares(String),
}

impl Target {
    /// A key of the judged file, `None` when its prefix is unknown or its
    /// identifier empty.
    fn parse(key: &str) -> Option<Target> {
        let (prefix, id) = key.trim().split_once(':')?;
        let id = id.trim();
        if id.is_empty() {
            return None;
        }
        if prefix == PREPARE {
            return Some(Target::Prepares(id.to_owned()));
        }
        Some(Target::Document {
            kind: DocumentKind::parse(prefix)?,
            id: id.to_owned(),
        })
    }

    /// The key as written in the judged file and as results are keyed:
    /// `<kind>:<id>` or `prepare:<code>`.
    pub fn key(&self) -> String {
        match self {
            Target::Document { kind, id } => format!("{}:{id}", kind.as_str()),
            Target::Prepares(code) => format!("{PREPARE}:{code}"),
        }
    }
}

/// One judged document of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgment {
    pub target: Target,
    /// 2: what the person wants; 1: an acceptable answer.
    pub grade: u8,
}

/// A query with its judgments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedQuery {
    pub text: String,
    pub intent: Intent,
    /// The commune named in the text, around which `prepare:` judgments
    /// are satisfied.
    pub place: Option<String>,
    /// How the judgments were checked.
    pub checked: String,
    pub relevant: Vec<Judgment>,
}

/// The judged query set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedSet {
    pub queries: Vec<JudgedQuery>,
}

/// Why a judged file is refused: each names the query at fault, since the
/// file is written by hand and grows by hundreds of entries.
#[derive(Debug, thiserror::Error)]
pub enum JudgedSetError {
    #[error("jugements de pertinence illisibles : {0}")]
    Syntax(#[from] toml::de::Error),
    #[error("jugements de pertinence : aucune requête")]
    NoQuery,
    #[error("requête n° {position} : texte vide")]
    EmptyText { position: usize },
    #[error("requête « {query} » : présente deux fois")]
    DuplicateText { query: String },
    #[error("requête « {query} » : lieu vide (retirer `place` ou nommer la commune)")]
    EmptyPlace { query: String },
    #[error(
        "requête « {query} » : document « {doc} » inconnu (attendu metier:, certification:, \
         formation:, organisation: ou prepare: suivi d'un identifiant)"
    )]
    UnknownDoc { query: String, doc: String },
    #[error("requête « {query} » : « {doc} » jugé deux fois")]
    DuplicateDoc { query: String, doc: String },
    #[error("requête « {query} » : note {grade} pour « {doc} » (1 ou 2 attendu)")]
    Grade {
        query: String,
        doc: String,
        grade: i64,
    },
    #[error("requête « {query} » : aucun document de note 2")]
    NoGradeTwo { query: String },
}

/// The file as written, before validation. Grades are read as any integer
/// so that a wrong one is reported with its query, not as a type error.
/// Unknown fields are allowed: whoever judges may leave notes.
#[derive(Deserialize)]
struct RawSet {
    #[serde(default)]
    query: Vec<RawQuery>,
}

#[derive(Deserialize)]
struct RawQuery {
    text: String,
    intent: Intent,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    checked: String,
    #[serde(default)]
    relevant: Vec<RawJudgment>,
}

#[derive(Deserialize)]
struct RawJudgment {
    doc: String,
    grade: i64,
}

/// Two texts the engines cannot tell apart (case, spacing) are the same
/// query.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl JudgedSet {
    /// Reads and checks a judged file. Any text is accepted: a bad file is
    /// an error naming the query, never a panic.
    pub fn parse(toml_text: &str) -> Result<JudgedSet, JudgedSetError> {
        let raw: RawSet = toml::from_str(toml_text)?;
        if raw.query.is_empty() {
            return Err(JudgedSetError::NoQuery);
        }
        let mut texts = HashSet::new();
        let mut queries = Vec::with_capacity(raw.query.len());
        for (i, q) in raw.query.into_iter().enumerate() {
            let text = q.text.trim().to_owned();
            if text.is_empty() {
                return Err(JudgedSetError::EmptyText { position: i + 1 });
            }
            if !texts.insert(normalised(&text)) {
                return Err(JudgedSetError::DuplicateText { query: text });
            }
            let place = match q.place {
                Some(p) if p.trim().is_empty() => {
                    return Err(JudgedSetError::EmptyPlace { query: text });
                }
                p => p.map(|p| p.trim().to_owned()),
            };
            let mut relevant: Vec<Judgment> = Vec::with_capacity(q.relevant.len());
            for j in q.relevant {
                let Some(target) = Target::parse(&j.doc) else {
                    return Err(JudgedSetError::UnknownDoc {
                        query: text,
                        doc: j.doc,
                    });
                };
                let grade = match j.grade {
                    1 => 1,
                    2 => 2,
                    grade => {
                        return Err(JudgedSetError::Grade {
                            query: text,
                            doc: j.doc,
                            grade,
                        });
                    }
                };
                if relevant.iter().any(|r| r.target == target) {
                    return Err(JudgedSetError::DuplicateDoc {
                        query: text,
                        doc: j.doc,
                    });
                }
                relevant.push(Judgment { target, grade });
            }
            if !relevant.iter().any(|j| j.grade == 2) {
                return Err(JudgedSetError::NoGradeTwo { query: text });
            }
            queries.push(JudgedQuery {
                text,
                intent: q.intent,
                place,
                checked: q.checked,
                relevant,
            });
        }
        Ok(JudgedSet { queries })
    }

    /// The set committed beside this crate (`relevance/judged.toml`).
    pub fn embedded() -> Result<JudgedSet, JudgedSetError> {
        JudgedSet::parse(JUDGED)
    }
}

/// Scores of one query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryScore {
    /// nDCG over the first [`CUTOFF`] results, 0 to 1.
    pub ndcg: f64,
    /// Relevant results in the first [`CUTOFF`] over the number of
    /// relevant documents that fit there, 0 to 1.
    pub recall: f64,
    /// The engine answered nothing at all.
    pub zero_result: bool,
    /// Grade of each of the first [`CUTOFF`] results (0: not relevant).
    pub grades: Vec<u8>,
    /// Relevant documents of the corpus, each once (a `prepare:`
    /// judgment counts the trainings that satisfy it).
    pub relevant: usize,
}

/// Gain of a result of this grade: a wanted result is worth three
/// acceptable ones.
fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

/// Discounted cumulative gain of grades in rank order.
fn dcg(grades: impl IntoIterator<Item = u8>) -> f64 {
    grades
        .into_iter()
        .enumerate()
        .map(|(i, g)| gain(g) / ((i + 2) as f64).log2())
        // Not `sum()`, whose empty sum is -0.0 (printed « -0,000 »).
        .fold(0.0, |total, g| total + g)
}

impl JudgedQuery {
    /// Scores the ranked `hits` of an engine for this query (document keys,
    /// `<kind>:<id>`). `satisfying(code)` gives the keys of the documents
    /// of the corpus that satisfy `prepare:<code>`: trainings that carry
    /// the code and lie near the query's place (anywhere without one).
    ///
    /// Each document of the corpus is relevant once, with the best grade
    /// of the judgments it satisfies: a training that carries both the old
    /// and the new code of a renewed diploma is one relevant document, not
    /// two. The ideal list is made of those documents, so a ranked list
    /// never scores above it: nDCG stays within 0 to 1.
    pub fn score<S: AsRef<str>>(
        &self,
        hits: &[S],
        satisfying: impl Fn(&str) -> Vec<String>,
    ) -> QueryScore {
        let mut best: HashMap<String, u8> = HashMap::new();
        for j in &self.relevant {
            let keys = match &j.target {
                Target::Document { .. } => vec![j.target.key()],
                Target::Prepares(code) => satisfying(code),
            };
            for key in keys {
                let grade = best.entry(key).or_default();
                *grade = (*grade).max(j.grade);
            }
        }
        let mut ideal: Vec<u8> = best.values().copied().collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let relevant = ideal.len();
        ideal.truncate(CUTOFF);

        let mut seen = HashSet::new();
        let grades: Vec<u8> = hits
            .iter()
            .take(CUTOFF)
            .map(|hit| {
                let key = hit.as_ref();
                if seen.insert(key) {
                    best.get(key).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        let ideal_dcg = dcg(ideal.iter().copied());
        let found = grades.iter().filter(|g| **g > 0).count();
        QueryScore {
            ndcg: if ideal_dcg > 0.0 {
                dcg(grades.iter().copied()) / ideal_dcg
            } else {
                0.0
            },
            recall: if relevant > 0 {
                found as f64 / relevant.min(CUTOFF) as f64
            } else {
                0.0
            },
            zero_result: hits.is_empty(),
            grades,
            relevant,
        }
    }
}

/// Means over a group of queries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Means {
    pub queries: usize,
    pub ndcg: f64,
    pub recall: f64,
    /// Share of queries without any result, 0 to 1.
    pub zero_result_rate: f64,
}

impl Means {
    fn of<'a>(scores: impl IntoIterator<Item = &'a QueryScore>) -> Means {
        let mut means = Means::default();
        let mut zero = 0usize;
        for s in scores {
            means.queries += 1;
            means.ndcg += s.ndcg;
            means.recall += s.recall;
            zero += usize::from(s.zero_result);
        }
        if means.queries > 0 {
            let n = means.queries as f64;
            means.ndcg /= n;
            means.recall /= n;
            means.zero_result_rate = zero as f64 / n;
        }
        means
    }
}

/// The scores of a whole run: overall and per intent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub overall: Means,
    /// Only the intents that have queries.
    pub per_intent: BTreeMap<Intent, Means>,
}

impl Summary {
    /// Aggregates the scores of each query with its intent.
    pub fn of<'a>(scores: impl IntoIterator<Item = (Intent, &'a QueryScore)>) -> Summary {
        let scores: Vec<(Intent, &QueryScore)> = scores.into_iter().collect();
        Summary {
            overall: Means::of(scores.iter().map(|(_, s)| *s)),
            per_intent: Intent::ALL
                .into_iter()
                .filter(|intent| scores.iter().any(|(i, _)| i == intent))
                .map(|intent| {
                    let of_intent = scores.iter().filter(|(i, _)| *i == intent);
                    (intent, Means::of(of_intent.map(|(_, s)| *s)))
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn hit(key: &str) -> String {
        key.to_owned()
    }

    fn training(id: &str) -> String {
        format!("formation:{id}")
    }

    /// The trainings `ids` satisfy every `prepare:` judgment.
    fn trainings(ids: &[&str]) -> impl Fn(&str) -> Vec<String> {
        let keys: Vec<String> = ids.iter().map(|id| training(id)).collect();
        move |_| keys.clone()
    }

    fn none(_: &str) -> Vec<String> {
        Vec::new()
    }

    fn query(relevant: &[(&str, u8)]) -> JudgedQuery {
        JudgedQuery {
            text: "q".to_owned(),
            intent: Intent::Metier,
            place: None,
            checked: String::new(),
            relevant: relevant
                .iter()
                .map(|(doc, grade)| Judgment {
                    target: Target::parse(doc).unwrap(),
                    grade: *grade,
                })
                .collect(),
        }
    }

    const VALID: &str = r#"
[[query]]
text = "ingénieur procédés"
intent = "metier"
place = "Orléans"
checked = "fiche ROME lue"
relevant = [
  { doc = "metier:H1206", grade = 2 },
  { doc = "certification:RNCP35000", grade = 1 },
  { doc = "prepare:RNCP35807", grade = 2 },
]

[[query]]
text = "maintenanse"
intent = "faute"
relevant = [{ doc = "metier:I1304", grade = 2 }]
"#;

    #[test]
    fn a_valid_file_is_read() {
        let set = JudgedSet::parse(VALID).unwrap();
        assert_eq!(set.queries.len(), 2);
        let q = &set.queries[0];
        assert_eq!(q.text, "ingénieur procédés");
        assert_eq!(q.intent, Intent::Metier);
        assert_eq!(q.place.as_deref(), Some("Orléans"));
        assert_eq!(
            q.relevant[0].target,
            Target::Document {
                kind: DocumentKind::Metier,
                id: "H1206".to_owned()
            }
        );
        assert_eq!(
            q.relevant[2].target,
            Target::Prepares("RNCP35807".to_owned())
        );
        assert_eq!(q.relevant[2].target.key(), "prepare:RNCP35807");
        assert_eq!(set.queries[1].place, None);
        assert_eq!(set.queries[1].intent, Intent::Faute);
    }

    fn refused(text: &str) -> String {
        match JudgedSet::parse(text) {
            Ok(set) => panic!("accepted: {set:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn one(fields: &str, relevant: &str) -> String {
        format!("[[query]]\n{fields}\nrelevant = [{relevant}]\n")
    }

    #[test]
    fn errors_name_the_query() {
        let ok = r#"{ doc = "metier:H1206", grade = 2 }"#;
        assert_eq!(
            refused(&one(
                r#"text = "  "
intent = "metier""#,
                ok
            )),
            "requête n° 1 : texte vide"
        );
        let e = refused(&one(
            r#"text = "bts"
intent = "diplome""#,
            r#"{ doc = "metier:H1206", grade = 3 }"#,
        ));
        assert_eq!(
            e,
            "requête « bts » : note 3 pour « metier:H1206 » (1 ou 2 attendu)"
        );
        let e = refused(&one(
            r#"text = "bts"
intent = "diplome""#,
            r#"{ doc = "metier:H1206", grade = 1 }"#,
        ));
        assert_eq!(e, "requête « bts » : aucun document de note 2");
        for doc in ["rome:H1206", "metier:", "H1206", "prepare: "] {
            let e = refused(&one(
                r#"text = "bts"
intent = "diplome""#,
                &format!(r#"{{ doc = "{doc}", grade = 2 }}"#),
            ));
            assert!(
                e.starts_with(&format!("requête « bts » : document « {doc} » inconnu")),
                "{e}"
            );
        }
        let twice = format!(
            "{}{}",
            one(
                r#"text = "BTS  chimie"
intent = "diplome""#,
                ok
            ),
            one(
                r#"text = "bts chimie"
intent = "diplome""#,
                ok
            )
        );
        assert_eq!(
            refused(&twice),
            "requête « bts chimie » : présente deux fois"
        );
        let e = refused(&one(
            r#"text = "bts"
intent = "diplome""#,
            &format!("{ok}, {ok}"),
        ));
        assert_eq!(e, "requête « bts » : « metier:H1206 » jugé deux fois");
        let e = refused(&one(
            r#"text = "chimie"
intent = "lieu"
place = " ""#,
            ok,
        ));
        assert!(e.starts_with("requête « chimie » : lieu vide"), "{e}");
        assert_eq!(refused(""), "jugements de pertinence : aucune requête");
        let e = refused(&one(
            r#"text = "bts"
intent = "autre""#,
            ok,
        ));
        assert!(e.starts_with("jugements de pertinence illisibles"), "{e}");
    }

    #[test]
    fn the_committed_set_is_valid() {
        let set = JudgedSet::embedded().unwrap();
        assert!(!set.queries.is_empty());
    }

    #[test]
    fn ndcg_of_a_swapped_pair() {
        let q = query(&[("metier:H1206", 2), ("certification:RNCP1", 1)]);
        let s = q.score(&[hit("certification:RNCP1"), hit("metier:H1206")], none);
        // DCG = 1/log2(2) + 3/log2(3); ideal = 3/log2(2) + 1/log2(3).
        let three = 3f64.log2();
        assert!(close(s.ndcg, (1.0 + 3.0 / three) / (3.0 + 1.0 / three)));
        assert!(close(s.ndcg, 0.796_707_580_990_506_6), "{}", s.ndcg);
        assert_eq!(s.grades, vec![1, 2]);
        assert!(close(s.recall, 1.0));
        assert!(!s.zero_result);
        assert_eq!(s.relevant, 2);

        let perfect = q.score(&[hit("metier:H1206"), hit("certification:RNCP1")], none);
        assert!(close(perfect.ndcg, 1.0));
    }

    #[test]
    fn a_miss_then_a_hit() {
        let q = query(&[("metier:H1206", 2), ("certification:RNCP1", 1)]);
        let s = q.score(&[hit("metier:X"), hit("metier:H1206")], none);
        // 3/log2(3) over 3 + 1/log2(3).
        let three = 3f64.log2();
        assert!(close(s.ndcg, (3.0 / three) / (3.0 + 1.0 / three)));
        assert_eq!(s.grades, vec![0, 2]);
        assert!(close(s.recall, 0.5));
    }

    #[test]
    fn trainings_satisfy_prepare_judgments_as_often_as_the_corpus_can() {
        let q = query(&[("prepare:RNCP9", 2)]);
        let hits = [
            training("a"),
            hit("metier:RNCP9"),
            training("b"),
            training("c"),
            training("d"),
        ];
        // Three trainings of the corpus satisfy it: the fourth earns
        // nothing, nor does a document of another kind with that
        // identifier.
        let s = q.score(&hits, |code| {
            if code == "RNCP9" {
                ["a", "b", "c"].iter().map(|id| training(id)).collect()
            } else {
                Vec::new()
            }
        });
        assert_eq!(s.grades, vec![2, 0, 2, 2, 0]);
        assert_eq!(s.relevant, 3);
        // Ranks 1, 3 and 4 against ranks 1 to 3.
        let three = 3f64.log2();
        let dcg = 3.0 + 3.0 / 2.0 + 3.0 / 5f64.log2();
        let ideal = 3.0 + 3.0 / three + 3.0 / 2.0;
        assert!(close(s.ndcg, dcg / ideal), "{} {}", s.ndcg, dcg / ideal);
        assert!(close(s.recall, 1.0));
    }

    #[test]
    fn the_ideal_is_capped_at_the_cutoff() {
        let q = query(&[("prepare:RNCP9", 2), ("metier:H1206", 1)]);
        let hits: Vec<String> = (0..10).map(|i| training(&i.to_string())).collect();
        // 25 trainings satisfy it: the ideal is ten of them, the trade
        // falls outside the first ten.
        let all: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let s = q.score(&hits, trainings(&all));
        assert!(close(s.ndcg, 1.0));
        assert_eq!(s.relevant, 26);
        assert!(close(s.recall, 1.0));
        // A training the corpus lacks near the place: only the trade
        // counts.
        let s = q.score(&[hit("metier:H1206")], none);
        assert!(close(s.ndcg, 1.0));
        assert_eq!(s.relevant, 1);
    }

    #[test]
    fn a_result_counts_once_and_only_the_first_ten() {
        let q = query(&[("metier:H1206", 2)]);
        let s = q.score(&[hit("metier:H1206"), hit("metier:H1206")], none);
        assert_eq!(s.grades, vec![2, 0]);
        let mut late: Vec<String> = (0..10).map(|i| hit(&format!("metier:X{i}"))).collect();
        late.push(hit("metier:H1206"));
        let s = q.score(&late, none);
        assert_eq!(s.grades.len(), CUTOFF);
        assert!(close(s.ndcg, 0.0));
        assert!(close(s.recall, 0.0));
        assert!(!s.zero_result);
        let s = q.score::<String>(&[], none);
        assert!(s.zero_result);
        assert!(s.ndcg.is_sign_positive() && s.ndcg == 0.0);
    }

    #[test]
    fn a_training_takes_its_best_judgment_and_counts_once() {
        // A training that carries the old and the new code of a renewed
        // diploma is one relevant document, with the better grade.
        let q = query(&[("prepare:RNCP1", 1), ("prepare:RNCP2", 2)]);
        let s = q.score(&[training("a")], |code| {
            if code == "RNCP1" || code == "RNCP2" {
                vec![training("a")]
            } else {
                Vec::new()
            }
        });
        assert_eq!(s.grades, vec![2]);
        assert_eq!(s.relevant, 1);
        assert!(close(s.ndcg, 1.0));
    }

    #[test]
    fn means_overall_and_per_intent() {
        let a = QueryScore {
            ndcg: 1.0,
            recall: 1.0,
            ..Default::default()
        };
        let b = QueryScore {
            ndcg: 0.5,
            recall: 0.0,
            ..Default::default()
        };
        let c = QueryScore {
            zero_result: true,
            ..Default::default()
        };
        let summary = Summary::of([
            (Intent::Metier, &a),
            (Intent::Metier, &b),
            (Intent::Faute, &c),
        ]);
        assert_eq!(summary.overall.queries, 3);
        assert!(close(summary.overall.ndcg, 0.5));
        assert!(close(summary.overall.recall, 1.0 / 3.0));
        assert!(close(summary.overall.zero_result_rate, 1.0 / 3.0));
        assert_eq!(summary.per_intent.len(), 2);
        let metier = &summary.per_intent[&Intent::Metier];
        assert_eq!(metier.queries, 2);
        assert!(close(metier.ndcg, 0.75));
        assert!(close(metier.zero_result_rate, 0.0));
        assert!(close(
            summary.per_intent[&Intent::Faute].zero_result_rate,
            1.0
        ));
        assert_eq!(Summary::of([]), Summary::default());
    }

    /// Lines a judged file is made of, to build inputs that get past the
    /// TOML syntax and exercise the checks.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("[[query]]".to_owned()),
            Just("[query]".to_owned()),
            "text = \"[a-zé ]{0,8}\"",
            "intent = \"(metier|diplome|sigle|secteur|lieu|faute|x)\"",
            "place = \"[A-Z ]{0,4}\"",
            "checked = \"[a-z]{0,4}\"",
            "relevant = \\[(\\{ doc = \"(metier|prepare|formation|rome|):[A-Z0-9]{0,3}\", grade = -?[0-9]{1,3} \\},? ?){0,3}\\]",
            "grade = [0-9]{1,20}",
            ".{0,10}",
        ]
    }

    proptest! {
        #[test]
        fn parsing_never_panics(text in ".{0,400}") {
            let _ = JudgedSet::parse(&text);
        }

        #[test]
        fn parsing_near_valid_files_never_panics(lines in proptest::collection::vec(fragment(), 0..24)) {
            let _ = JudgedSet::parse(&lines.join("\n"));
        }

        #[test]
        fn ndcg_and_recall_stay_within_bounds(
            grades in proptest::collection::vec(1u8..=2, 1..6),
            prepared in 0usize..15,
            picks in proptest::collection::vec(0usize..8, 0..14),
        ) {
            let docs: Vec<String> = (0..grades.len()).map(|i| format!("metier:M{i}")).collect();
            let mut relevant: Vec<(&str, u8)> = docs.iter().map(String::as_str).zip(grades.iter().copied()).collect();
            relevant.push(("prepare:RNCP1", 2));
            let q = query(&relevant);
            let hits: Vec<String> = picks
                .iter()
                .enumerate()
                .map(|(n, i)| match docs.get(*i) {
                    Some(key) => hit(key),
                    None => training(&n.to_string()),
                })
                .collect();
            let s = q.score(&hits, |_| (0..prepared).map(|i| training(&i.to_string())).collect());
            prop_assert!((0.0..=1.0 + 1e-9).contains(&s.ndcg), "{}", s.ndcg);
            prop_assert!((0.0..=1.0 + 1e-9).contains(&s.recall), "{}", s.recall);
        }
    }
}
