//! What a query means beyond its words: a place named at its end, a job
//! title named whole, a diploma asked for.
//!
//! People type « bts chimie orléans » and mean BTS in chemistry around
//! Orléans, « ingénieur procédés » and mean the trade, « bac pro chimie »
//! and mean a diploma. Word matching alone ranks the three kinds of
//! documents by how often the words occur in them; reading the intent
//! first lets the ranking put what the person means on top.

use campus_domain::slugify;

use crate::analyzer::Analyzers;
use crate::request::SearchRequest;
use crate::suggest::{CommuneSuggestion, Suggestions};

/// Words that begin a query asking for a diploma or a title, folded.
const DIPLOMA_WORDS: &[&str] = &[
    "cap",
    "bep",
    "bp",
    "bac",
    "baccalaureat",
    "bts",
    "btsa",
    "but",
    "dut",
    "deust",
    "licence",
    "master",
    "mastere",
    "bachelor",
    "cqp",
    "titre",
    "diplome",
    "mc",
    "mention",
    "doctorat",
    "certificat",
    "brevet",
    "dnmade",
];

/// Words that begin a query asking for trainings: « formation
/// conditionnement ». Every document mentions training somewhere, so the
/// word itself is not searched.
const TRAINING_WORDS: &[&str] = &["formation", "formations"];

/// Words that may sit between the query and a place: « … à Tours »,
/// « … près de Tours », « … autour d'Orléans », « … sur Chartres ».
const PLACE_WORDS: &[&str] = &[
    "a", "au", "aux", "pres", "de", "d", "du", "autour", "sur", "vers", "dans", "en", "region",
];

/// Fewest inhabitants of a commune read from a one-word name at the end of
/// a query: a small commune named like a common word (« Ligné », « Mer »)
/// must not turn « conducteur de ligne » into a search around it, while
/// the towns people name (Tours, Blois, Dreux) are all larger.
const MIN_POPULATION_ONE_WORD: i64 = 10_000;
/// The same for names of several words (« Saint-Jean-de-Braye »), which
/// no trade is called.
const MIN_POPULATION_SEVERAL_WORDS: i64 = 2_000;
/// Longest commune name read, in words (« La Chapelle-Saint-Mesmin »).
const MAX_PLACE_WORDS: usize = 5;

/// The reading of one query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Understanding {
    /// The text searched: what was typed without the place.
    pub text: String,
    /// The commune named at the end of the text, when the search had no
    /// place of its own.
    pub place: Option<CommuneSuggestion>,
    /// Trades one of whose job titles the text names (either gender), with
    /// the share of the title's words typed: they come first, the most
    /// fully named first.
    pub metiers: Vec<(String, f32)>,
    /// The text begins with a diploma word (« bts », « cap », « licence
    /// pro »): certifications and trainings come first.
    pub diplome: bool,
    /// The text began with « formation(s) », dropped from the words
    /// searched: trainings and certifications come first.
    pub formation: bool,
}

impl Understanding {
    /// The text taken as typed, without reading anything into it.
    pub fn literal(text: &str) -> Understanding {
        Understanding {
            text: text.to_owned(),
            ..Understanding::default()
        }
    }
}

/// A word of the text and where it lies.
struct Word {
    folded: String,
    from: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                words.push(Word {
                    folded: slugify(&text[from..i]),
                    from,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Reads `request`'s text with the tables of the catalogue.
pub fn understand(
    request: &SearchRequest,
    suggestions: &Suggestions,
    analyzers: &mut Analyzers,
) -> Understanding {
    let mut text = request.text.trim().to_owned();
    let mut place = None;
    if request.near.is_none()
        && !request.text_only
        && let Some((cut, commune)) = place_at_end(&text, suggestions)
    {
        text.truncate(cut);
        text.truncate(text.trim_end().len());
        place = Some(commune.clone());
    }
    let mut typed = words(&text);
    let formation = typed.len() > 1
        && typed
            .first()
            .is_some_and(|w| TRAINING_WORDS.contains(&w.folded.as_str()));
    if formation {
        text = text[typed[1].from..].to_owned();
        typed = words(&text);
    }
    let stems: Vec<String> = analyzers.terms(&text).into_iter().map(|t| t.stem).collect();
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    let diplome = typed
        .first()
        .is_some_and(|w| DIPLOMA_WORDS.contains(&w.folded.as_str()))
        || suggestions
            .dictionary()
            .expansions(&stems)
            .iter()
            .any(|e| e.diplome);
    let metiers = if diplome || formation {
        Vec::new()
    } else {
        suggestions.metiers_named(analyzers, &text)
    };
    Understanding {
        text,
        place,
        metiers,
        diplome,
        formation,
    }
}

/// The commune named by the last words of `text`, and where the text
/// before it (and before « à », « près de »…) ends. Some words must
/// remain: a commune alone is a search for what is there, not a filter.
fn place_at_end<'a>(
    text: &str,
    suggestions: &'a Suggestions,
) -> Option<(usize, &'a CommuneSuggestion)> {
    let words = words(text);
    for n in (1..=MAX_PLACE_WORDS.min(words.len().saturating_sub(1))).rev() {
        let name: Vec<&str> = words[words.len() - n..]
            .iter()
            .map(|w| w.folded.as_str())
            .collect();
        let found = if n == 1 && name[0].len() == 5 && name[0].bytes().all(|b| b.is_ascii_digit()) {
            suggestions.commune_by_postal_code(name[0])
        } else {
            let least = if n == 1 {
                MIN_POPULATION_ONE_WORD
            } else {
                MIN_POPULATION_SEVERAL_WORDS
            };
            suggestions.commune_named(&name, least)
        };
        let Some(commune) = found else {
            continue;
        };
        let mut before = words.len() - n;
        while before > 0 && PLACE_WORDS.contains(&words[before - 1].folded.as_str()) {
            before -= 1;
        }
        if before == 0 {
            return None;
        }
        return Some((words[before].from, commune));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::Dictionary;
    use crate::suggest::{AppellationSource, CommuneSource};
    use campus_domain::Sector;

    fn commune(code: &str, nom: &str, postal: &str, population: i64) -> CommuneSource {
        CommuneSource {
            suggestion: CommuneSuggestion {
                code_insee: code.to_owned(),
                nom: nom.to_owned(),
                departement: Some(code[..2].to_owned()),
                codes_postaux: vec![postal.to_owned()],
                latitude: Some(47.0),
                longitude: Some(1.0),
            },
            population: Some(population),
        }
    }

    fn title(libelle: &str, code_rome: &str) -> AppellationSource {
        AppellationSource {
            code_ogr: 1,
            libelle: libelle.to_owned(),
            code_rome: code_rome.to_owned(),
            rare: false,
        }
    }

    fn tables() -> Suggestions {
        Suggestions::new(
            vec![
                title("Ingénieur / Ingénieure procédés", "H1206"),
                title("Visiteur médical / Visiteuse médicale", "D1412"),
                title(
                    "Conducteur / Conductrice de ligne de conditionnement",
                    "H3301",
                ),
                title("Chimiste", "H1210"),
                title("Chimiste", "K2402"),
            ],
            vec![
                commune("45234", "Orléans", "45000", 116_000),
                commune("37261", "Tours", "37000", 136_000),
                commune("44082", "Ligné", "44850", 5_000),
                commune("45285", "Saint-Jean-de-Braye", "45800", 21_000),
                commune("41136", "Mer", "41500", 6_000),
            ],
            &Sector::new::<&str>(&[], &[], &[]).unwrap(),
            Dictionary::default(),
            1,
        )
    }

    fn read(text: &str) -> Understanding {
        let request = SearchRequest {
            text: text.to_owned(),
            ..SearchRequest::default()
        };
        understand(&request, &tables(), &mut Analyzers::default())
    }

    #[test]
    fn a_commune_at_the_end_is_the_place() {
        let found = read("BTS chimie Orléans");
        assert_eq!(found.text, "BTS chimie");
        assert_eq!(found.place.map(|c| c.nom).as_deref(), Some("Orléans"));
        assert!(found.diplome);
        let found = read("bac pro à tours");
        assert_eq!(found.text.trim(), "bac pro");
        assert_eq!(found.place.map(|c| c.code_insee).as_deref(), Some("37261"));
        let found = read("cap près de st jean de braye");
        assert_eq!(found.text.trim(), "cap");
        assert_eq!(
            found.place.map(|c| c.nom).as_deref(),
            Some("Saint-Jean-de-Braye")
        );
        let found = read("formation chimie 45000");
        assert_eq!(found.place.map(|c| c.nom).as_deref(), Some("Orléans"));
        assert!(found.formation);
        assert_eq!(found.text.trim(), "chimie");
        assert!(!read("formation").formation, "the word alone is searched");
    }

    #[test]
    fn small_communes_named_like_words_and_lone_communes_are_not_places() {
        for text in [
            "conducteur de ligne",
            "biologie de la mer",
            "Orléans",
            "à Tours",
        ] {
            let found = read(text);
            assert!(found.place.is_none(), "{text}");
            assert_eq!(found.text, text);
        }
        // A place given in its own field wins; « partout » keeps the text.
        let mut request = SearchRequest {
            text: "chimie tours".to_owned(),
            text_only: true,
            ..SearchRequest::default()
        };
        let tables = tables();
        let mut analyzers = Analyzers::default();
        assert!(
            understand(&request, &tables, &mut analyzers)
                .place
                .is_none()
        );
        request.text_only = false;
        request.near = Some(crate::request::Near {
            centre: campus_domain::GeoPoint::new(47.0, 1.0).unwrap(),
            radius_km: 10.0,
        });
        assert!(
            understand(&request, &tables, &mut analyzers)
                .place
                .is_none()
        );
    }

    #[test]
    fn a_job_title_typed_in_either_gender_names_its_trades() {
        let codes = |text: &str| -> Vec<String> {
            read(text)
                .metiers
                .into_iter()
                .map(|(code, _)| code)
                .collect()
        };
        assert_eq!(
            read("ingenieur procedes").metiers,
            [("H1206".to_owned(), 1.0)]
        );
        assert_eq!(codes("Ingénieure procédés"), ["H1206"]);
        assert_eq!(codes("visiteuse médicale"), ["D1412"]);
        assert_eq!(codes("conductrice de ligne de conditionnement"), ["H3301"]);
        assert_eq!(codes("chimistes"), ["H1210", "K2402"]);
        // Half of a title's words name it, less does not.
        assert_eq!(
            read("conducteur conditionnement").metiers,
            [("H3301".to_owned(), 2.0 / 3.0)]
        );
        assert!(read("conducteur").metiers.is_empty());
        assert!(read("procédés ingénieur qualité").metiers.is_empty());
        // A diploma asked for is not a trade.
        let bts = read("bts chimiste");
        assert!(bts.diplome && bts.metiers.is_empty());
    }

    #[test]
    fn a_word_of_the_dictionary_names_titles_in_its_other_form() {
        let tables = Suggestions::new(
            vec![title(
                "Pilote d'installation des industries chimiques",
                "H2301",
            )],
            vec![],
            &Sector::new::<&str>(&[], &[], &[]).unwrap(),
            Dictionary::shipped(),
            1,
        );
        let request = SearchRequest {
            text: "pilote d'installation chimie".to_owned(),
            ..SearchRequest::default()
        };
        let found = understand(&request, &tables, &mut Analyzers::default());
        assert_eq!(found.metiers, [("H2301".to_owned(), 0.75)]);
    }

    #[test]
    fn the_sector_counts_before_the_most_named_are_kept() {
        // Eleven titles of elsewhere name « opératrice de production » a
        // bit more than the sector's does; the sector's is kept, first.
        let mut titles: Vec<AppellationSource> = (0..11)
            .map(|i| {
                title(
                    "Opérateur / Opératrice de production de pâte à papier",
                    &format!("X{i:04}"),
                )
            })
            .collect();
        titles.push(title(
            "Opérateur / Opératrice technique de production en industrie pharmaceutique",
            "H2303",
        ));
        let tables = Suggestions::new(
            titles,
            vec![],
            &Sector::new(&["H2303"], &[], &[]).unwrap(),
            Dictionary::default(),
            1,
        );
        let request = SearchRequest {
            text: "opératrice de production".to_owned(),
            ..SearchRequest::default()
        };
        let found = understand(&request, &tables, &mut Analyzers::default());
        assert_eq!(found.metiers.len(), 10);
        assert_eq!(found.metiers[0].0, "H2303", "{:?}", found.metiers);
    }

    #[test]
    fn words_and_where_they_start() {
        let found = words("BTS chimie, Orléans");
        let folded: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["bts", "chimie", "orleans"]);
        assert_eq!(found[2].from, 12);
        assert!(words(" -- ").is_empty());
        assert_eq!(words("l'été").len(), 2);
    }
}
