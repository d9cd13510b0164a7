//! Which certification a higher-education programme prepares.
//!
//! The Parcoursup and "Trouver mon master" extracts name each programme
//! ("BTS - Production - Maintenance des systemes - option A Systemes de
//! production", "Master Chimie") but give no RNCP code, so the engine could
//! not tell what they teach. The national diplomas they lead to are in
//! Certif Info under their own titles ("BTS maintenance des systèmes
//! option A : systèmes de production", RNCP36968). A programme is attached
//! to the certification of the same kind of diploma whose title says the
//! same thing:
//!
//! - the kind must agree (a BTS never matches a licence professionnelle);
//! - only the programme's own name is compared: Parcoursup's category
//!   ("Production", "Services"), a licence's "Portail" and every part
//!   after the mention (a parcours, a site, "Accès santé") say nothing of
//!   the diploma, except a BTS option, which is part of its title;
//! - titles are compared as sets of folded words without the diploma's
//!   words ("BTS", "mention", "spécialité") and French function words,
//!   by the Dice coefficient, kept from [`THRESHOLD`];
//! - a tie between two certifications is no answer, nor is a name contained
//!   in several titles none of which it equals: "BUT Génie biologique" is
//!   the common part of its five parcours' certifications, and choosing
//!   one would be a guess.

use std::collections::{BTreeSet, HashMap};

use campus_domain::CodeCertification;

use campus_domain::fold_accents;

/// Lowest Dice score kept. At 0.7 the two titles share at least two words
/// of three ("métiers de la chimie" and "métiers de la chimie" score 1;
/// "sciences de la vie" against "sciences de la vie et de la Terre" 0.8);
/// below it, a title sharing one word of two ("génie biologique" and
/// "génie civil") would pass.
pub const THRESHOLD: f32 = 0.7;

/// The kinds of national diploma the higher-education extracts teach and
/// Certif Info lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Bts,
    Btsa,
    But,
    Licence,
    LicencePro,
    Deust,
    Master,
}

impl Kind {
    /// The kind of a certification from Certif Info's diploma type.
    pub fn from_type(libelle_type: &str) -> Option<Kind> {
        Some(match libelle_type.trim() {
            "Brevet de technicien supérieur" => Kind::Bts,
            "Brevet de technicien supérieur agricole" => Kind::Btsa,
            "Bachelor universitaire de technologie" => Kind::But,
            "Licence" => Kind::Licence,
            "Licence professionnelle" => Kind::LicencePro,
            "Diplôme d'études universitaires scientifiques et techniques" => Kind::Deust,
            "Master" => Kind::Master,
            _ => return None,
        })
    }
}

impl Kind {
    /// Full-time years from the level that opens the diploma to the
    /// diploma.
    pub fn years(self) -> u32 {
        match self {
            Kind::LicencePro => 1,
            Kind::Bts | Kind::Btsa | Kind::Deust | Kind::Master => 2,
            Kind::But | Kind::Licence => 3,
        }
    }
}

/// Hours a full-time year of initial education counts for when an offer
/// gives no duration (the extracts never do): about 32 weeks of 31 hours
/// of teaching, the order of a BTS or BUT timetable. Plans compare
/// programmes by duration; counting such a programme as 0 hours would make
/// a two-year BTS look shorter than a 35-hour module.
pub const HOURS_PER_YEAR: u32 = 1_000;

/// A certification a programme may be attached to.
#[derive(Debug, Clone)]
pub struct Reference {
    pub code: CodeCertification,
    pub kind: Kind,
    pub libelle: String,
}

/// A programme attached to a certification, with the Dice score of the
/// two titles, in [`THRESHOLD`]..=1.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub code: CodeCertification,
    pub score: f32,
}

/// The references by kind, each title as its set of words.
#[derive(Debug, Default)]
pub struct Matcher {
    by_kind: HashMap<Kind, Vec<(BTreeSet<String>, CodeCertification)>>,
}

impl Matcher {
    pub fn new(references: impl IntoIterator<Item = Reference>) -> Matcher {
        let mut by_kind: HashMap<Kind, Vec<(BTreeSet<String>, CodeCertification)>> = HashMap::new();
        for r in references {
            let words = words(&r.libelle);
            if !words.is_empty() {
                by_kind.entry(r.kind).or_default().push((words, r.code));
            }
        }
        Matcher { by_kind }
    }

    /// The certification the programme titled `intitule` prepares, when
    /// one stands out.
    pub fn attach(&self, intitule: &str) -> Option<Attachment> {
        let (kind, name) = programme(intitule)?;
        let name = words(&name);
        if name.is_empty() {
            return None;
        }
        let mut best: Option<(f32, &CodeCertification)> = None;
        let mut tied = false;
        let mut containing: Option<&CodeCertification> = None;
        let mut several_contain = false;
        for (title, code) in self.by_kind.get(&kind)? {
            let shared = title.intersection(&name).count();
            if shared == 0 {
                continue;
            }
            if shared == name.len() {
                several_contain |= containing.is_some_and(|c| c != code);
                containing = Some(code);
            }
            let score = (2 * shared) as f32 / (title.len() + name.len()) as f32;
            match best {
                Some((top, top_code)) if score == top => tied |= top_code != code,
                Some((top, _)) if score < top => {}
                _ => {
                    best = Some((score, code));
                    tied = false;
                }
            }
        }
        let (score, code) = best?;
        // A name every word of which is in several certifications' titles,
        // none of them exactly, is the common part of those certifications
        // ("BUT Génie biologique" and its parcours): the shortest title
        // would win by length alone.
        let ambiguous = tied || (several_contain && score < 1.0);
        (score >= THRESHOLD && !ambiguous).then(|| Attachment {
            code: code.clone(),
            score,
        })
    }
}

/// The kind of diploma and the programme's own name, from its title as
/// the extracts give it (parts joined by " - ").
fn programme(intitule: &str) -> Option<(Kind, String)> {
    let parts: Vec<&str> = intitule
        .split(" - ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let first = *parts.first()?;
    let part = |i: usize| parts.get(i).copied().unwrap_or_default();
    match first {
        "BTS" if part(1) == "Agricole" => Some((Kind::Btsa, part(2).to_owned())),
        "BTS" => {
            let option = part(3);
            let name = if option.to_lowercase().starts_with("option") {
                format!("{} {option}", part(2))
            } else {
                part(2).to_owned()
            };
            Some((Kind::Bts, name))
        }
        "BUT" => Some((Kind::But, part(1).to_owned())),
        "Licence professionnelle" => Some((Kind::LicencePro, part(1).to_owned())),
        "Licence" => Some((
            Kind::Licence,
            part(1)
                .strip_prefix("Portail ")
                .unwrap_or(part(1))
                .to_owned(),
        )),
        "DEUST" => Some((Kind::Deust, part(1).to_owned())),
        _ => first
            .strip_prefix("Master ")
            .map(|mention| (Kind::Master, mention.to_owned())),
    }
}

/// Words that name the diploma or join others: they would make every BTS
/// close to every other.
const IGNORED: &[&str] = &[
    "a",
    "au",
    "aux",
    "avec",
    "bachelor",
    "brevet",
    "bts",
    "btsa",
    "but",
    "d",
    "de",
    "des",
    "deust",
    "du",
    "en",
    "et",
    "l",
    "la",
    "le",
    "les",
    "licence",
    "master",
    "mention",
    "ou",
    "par",
    "parcours",
    "pour",
    "pro",
    "professionnelle",
    "specialite",
    "superieur",
    "sur",
    "technicien",
    "technologie",
    "un",
    "une",
    "universitaire",
];

/// The folded content words of a title.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold_accents)
        .filter(|w| !IGNORED.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(code: &str, kind: Kind, libelle: &str) -> Reference {
        Reference {
            code: CodeCertification::parse(code).unwrap(),
            kind,
            libelle: libelle.to_owned(),
        }
    }

    fn matcher() -> Matcher {
        Matcher::new([
            reference(
                "RNCP36968",
                Kind::Bts,
                "BTS maintenance des systèmes option A : systèmes de production",
            ),
            reference("RNCP38382", Kind::Bts, "BTS métiers de la chimie"),
            reference("RNCP35335", Kind::Bts, "BTS bioqualité"),
            reference(
                "RNCP24530",
                Kind::Licence,
                "Licence mention sciences de la vie",
            ),
            reference(
                "RNCP24532",
                Kind::Licence,
                "Licence mention sciences de la vie et de la Terre",
            ),
            reference(
                "RNCP35367",
                Kind::But,
                "BUT spécialité génie biologique parcours biologie médicale et biotechnologie",
            ),
            reference(
                "RNCP35369",
                Kind::But,
                "BUT spécialité génie biologique parcours agronomie",
            ),
            reference("RNCP34212", Kind::Master, "Master chimie"),
        ])
    }

    fn code(a: Option<Attachment>) -> Option<String> {
        a.map(|a| a.code.as_str().to_owned())
    }

    #[test]
    fn parcoursup_programmes_find_their_diploma() {
        let m = matcher();
        assert_eq!(
            code(m.attach(
                "BTS - Production - Maintenance des systemes - option A Systemes de production"
            )),
            Some("RNCP36968".into())
        );
        assert_eq!(
            code(m.attach("BTS - Production - Metiers de la chimie")),
            Some("RNCP38382".into())
        );
        // The parcours and the site say nothing of the mention.
        assert_eq!(
            code(m.attach(
                "Licence - Portail Sciences de la vie - SvC (Sciences de la vie et Chimie)"
            )),
            Some("RNCP24530".into())
        );
        assert_eq!(code(m.attach("Master Chimie")), Some("RNCP34212".into()));
    }

    #[test]
    fn the_kind_must_agree() {
        // A licence titled like a BTS is not that BTS.
        assert_eq!(
            code(matcher().attach("Licence - Metiers de la chimie")),
            None
        );
        assert_eq!(code(matcher().attach("CPGE - PCSI")), None);
    }

    #[test]
    fn a_tie_or_a_weak_match_is_no_answer() {
        let m = matcher();
        // Equally close to two parcours of the BUT.
        assert_eq!(code(m.attach("BUT - Genie biologique")), None);
        assert_eq!(
            code(m.attach("BTS - Production - Metiers de la mode")),
            None
        );
    }

    #[test]
    fn scores_are_within_bounds() {
        let a = matcher()
            .attach("Licence - Sciences de la vie et de la Terre")
            .unwrap();
        assert_eq!(a.code.as_str(), "RNCP24532");
        assert!((THRESHOLD..=1.0).contains(&a.score), "{}", a.score);
    }

    proptest! {
        #[test]
        fn any_title_is_answered_without_panic(title in "\\PC{0,120}") {
            if let Some(a) = matcher().attach(&title) {
                prop_assert!((THRESHOLD..=1.0).contains(&a.score));
            }
        }

        #[test]
        fn a_programme_named_as_a_reference_finds_it(
            words in proptest::collection::vec("q[a-z]{3,8}", 1..6)
        ) {
            let title = words.join(" ");
            let m = Matcher::new([reference("RNCP30001", Kind::Bts, &format!("BTS {title}"))]);
            let found = m.attach(&format!("BTS - Production - {title}")).unwrap();
            prop_assert_eq!(found.code.as_str(), "RNCP30001");
            prop_assert_eq!(found.score, 1.0);
        }
    }
}
