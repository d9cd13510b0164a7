//! Suggestions while typing: job titles (every ROME appellation) and
//! communes (by name or postal code, or by a whole INSEE code), answered
//! from memory.
//!
//! A keystroke must come back in well under the time a person takes to
//! type the next one, on every node, without a database round trip: each
//! node holds these small sorted tables (about 11 000 job titles and
//! 35 000 communes) beside its search index, rebuilt from the database
//! with it, at the same catalogue generation.
//!
//! Matching: the text and the labels are folded the same way (case,
//! accents, ligatures; hyphens, apostrophes and slashes separate words),
//! and every word typed must begin a word of the label, in any order:
//! « st jean bray », « saint-jean-de-braye » and « Braye » all find
//! Saint-Jean-de-Braye (« st » and « ste » are how « saint » and
//! « sainte » are written on signs and envelopes).
//!
//! Ranking: labels that begin with the words typed, in order, first; then
//! those whose first word begins with the first word typed; then the
//! others. Within each group, communes by population and job titles in
//! common use before rare ones, the campus's sector first, then the
//! shortest (the closest to what was typed).

use std::collections::HashMap;

use campus_domain::{Sector, slugify};
use serde::Serialize;

use crate::analyzer::Analyzers;
use crate::dictionary::Dictionary;

/// A job title and its trade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AppellationSuggestion {
    pub code_ogr: i64,
    pub libelle: String,
    pub code_rome: String,
}

/// A current commune.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommuneSuggestion {
    pub code_insee: String,
    pub nom: String,
    pub departement: Option<String>,
    pub codes_postaux: Vec<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A job title as read from the database.
pub(crate) struct AppellationSource {
    pub(crate) code_ogr: i64,
    pub(crate) libelle: String,
    pub(crate) code_rome: String,
    /// Flagged « peu usité » by the ROME: offered after the usual titles.
    pub(crate) rare: bool,
}

/// A commune as read from the database.
pub(crate) struct CommuneSource {
    pub(crate) suggestion: CommuneSuggestion,
    pub(crate) population: Option<i64>,
}

/// The autocomplete tables of one catalogue generation.
pub struct Suggestions {
    generation: u64,
    appellations: PrefixIndex<AppellationSuggestion>,
    communes: PrefixIndex<CommuneSuggestion>,
    /// Located communes by folded name (`saint-jean-de-braye`), the most
    /// populous of a name, with its population: a place named in a query.
    /// Also by the first word of a composed name (« Romorantin » for
    /// Romorantin-Lanthenay) where no commune has that word as its name.
    communes_by_name: HashMap<String, (CommuneSuggestion, i64)>,
    /// Every job title's forms by their stems: a job title typed whole or
    /// in its main words.
    titles: TitleIndex,
    /// The acronyms and synonyms applied to queries.
    dictionary: Dictionary,
}

impl std::fmt::Debug for Suggestions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggestions")
            .field("generation", &self.generation)
            .field("appellations", &self.appellations.entries.len())
            .field("communes", &self.communes.entries.len())
            .finish()
    }
}

impl Suggestions {
    pub(crate) fn new(
        appellations: Vec<AppellationSource>,
        communes: Vec<CommuneSource>,
        sector: &Sector,
        dictionary: Dictionary,
        generation: u64,
    ) -> Suggestions {
        let titles = TitleIndex::new(&appellations, sector);
        let mut communes_by_name: HashMap<String, (CommuneSuggestion, i64)> = HashMap::new();
        for c in &communes {
            if c.suggestion.latitude.is_none() || c.suggestion.longitude.is_none() {
                continue;
            }
            let population = c.population.unwrap_or(0);
            let name = slugify(&c.suggestion.nom);
            if communes_by_name
                .get(&name)
                .is_none_or(|(_, known)| *known < population)
            {
                communes_by_name.insert(name, (c.suggestion.clone(), population));
            }
        }
        // Only a first word that begins a single composed name: « saint »
        // or « villeneuve » begin hundreds.
        let mut first_words: HashMap<String, Vec<(CommuneSuggestion, i64)>> = HashMap::new();
        for (name, (commune, population)) in &communes_by_name {
            if let Some((first, _)) = name.split_once('-')
                && first.len() > 3
                && !communes_by_name.contains_key(first)
            {
                first_words
                    .entry(first.to_owned())
                    .or_default()
                    .push((commune.clone(), *population));
            }
        }
        let first_words: Vec<(String, (CommuneSuggestion, i64))> = first_words
            .into_iter()
            .filter_map(|(first, mut named)| match named.len() {
                1 => named.pop().map(|only| (first, only)),
                _ => None,
            })
            .collect();
        communes_by_name.extend(first_words);
        let appellations = PrefixIndex::new(appellations.into_iter().map(|a| {
            let words = words(&a.libelle);
            let rank = 2 * i64::from(a.rare) + i64::from(!sector.contains_rome(&a.code_rome));
            let item = AppellationSuggestion {
                code_ogr: a.code_ogr,
                libelle: a.libelle,
                code_rome: a.code_rome,
            };
            (item, words, rank)
        }));
        let communes = PrefixIndex::new(communes.into_iter().map(|c| {
            let mut words = words(&c.suggestion.nom);
            words.extend(c.suggestion.codes_postaux.iter().cloned());
            let rank = -c.population.unwrap_or(0);
            (c.suggestion, words, rank)
        }));
        Suggestions {
            generation,
            appellations,
            communes,
            communes_by_name,
            titles,
            dictionary,
        }
    }

    /// The acronyms and synonyms applied to queries, shipped and added.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The located commune named `words` (folded, « st » for « saint »
    /// accepted) with at least `least` inhabitants; the most populous of
    /// that name.
    pub(crate) fn commune_named(&self, words: &[&str], least: i64) -> Option<&CommuneSuggestion> {
        let name = words
            .iter()
            .map(|w| match *w {
                "st" => "saint",
                "ste" => "sainte",
                other => other,
            })
            .collect::<Vec<_>>()
            .join("-");
        self.communes_by_name
            .get(&name)
            .filter(|(_, population)| *population >= least)
            .map(|(commune, _)| commune)
    }

    /// The most populous located commune of a whole postal code.
    pub(crate) fn commune_by_postal_code(&self, code: &str) -> Option<&CommuneSuggestion> {
        self.communes
            .find(code, 20)
            .into_iter()
            .find(|c| c.latitude.is_some() && c.codes_postaux.iter().any(|p| p == code))
    }

    /// The trades one of whose job titles `text` names, in either gender,
    /// with the share of that title's words typed (see [`TitleIndex`]).
    pub(crate) fn metiers_named(
        &self,
        analyzers: &mut Analyzers,
        text: &str,
    ) -> Vec<(String, f32)> {
        self.titles.named(analyzers, text, &self.dictionary)
    }

    /// The trade of a job offer's title: the most specific job title
    /// (most words) whose every word the offer's title holds, in either
    /// gender; a title of the campus's sector first among equals. An
    /// offer's title says more than a job title (« Assistant de
    /// prévention au sein d'un service douanier »), so the job title is
    /// looked for inside it rather than the other way round. `None` when
    /// no job title fits whole.
    pub fn metier_of_title(&self, title: &str) -> Option<String> {
        let mut analyzers = Analyzers::default();
        self.titles.contained(&mut analyzers, title)
    }

    /// The located commune of a feed's place name (« IVRY SUR SEINE »),
    /// within `departement` when given (« 94 », « 2 » for « 02 »): the
    /// most populous of that exact name.
    pub fn commune_named_in(
        &self,
        name: &str,
        departement: Option<&str>,
    ) -> Option<&CommuneSuggestion> {
        let wanted = slugify(name);
        if wanted.is_empty() {
            return None;
        }
        let departement = departement.map(|d| {
            let d = d.trim();
            if d.len() == 1 && d.chars().all(|c| c.is_ascii_digit()) {
                format!("0{d}")
            } else {
                d.to_ascii_uppercase()
            }
        });
        // The entries' rank is the negated population: the populous first.
        self.communes
            .entries
            .iter()
            .filter(|e| {
                let c = &e.item;
                c.latitude.is_some()
                    && c.longitude.is_some()
                    && slugify(&c.nom) == wanted
                    && departement
                        .as_deref()
                        .is_none_or(|d| c.departement.as_deref() == Some(d))
            })
            .min_by_key(|e| e.rank)
            .map(|e| &e.item)
    }

    /// The catalogue generation the tables reflect.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The best `limit` job titles for `text`.
    pub fn appellations(&self, text: &str, limit: usize) -> Vec<&AppellationSuggestion> {
        self.appellations.find(text, limit)
    }

    /// The best `limit` communes for `text` (a name, or the beginning of a
    /// postal code).
    pub fn communes(&self, text: &str, limit: usize) -> Vec<&CommuneSuggestion> {
        self.communes.find(text, limit)
    }

    /// The commune of an INSEE code typed whole (« 37261 », « 2A004 »):
    /// for those who know it. Not a prefix: an INSEE code's beginning
    /// would mix with the postal codes' ones.
    pub fn commune_by_insee(&self, code: &str) -> Option<&CommuneSuggestion> {
        let code = code.trim();
        if code.len() != 5 {
            return None;
        }
        self.communes
            .entries
            .iter()
            .map(|e| &e.item)
            .find(|c| c.code_insee.eq_ignore_ascii_case(code))
    }
}

/// The forms of a ROME job title: « Conducteur / Conductrice de ligne »
/// is « Conducteur de ligne » and « Conductrice de ligne »; « Visiteur
/// médical / Visiteuse médicale » is each of its halves. The last part
/// holds the words both forms share, after as many words as the first
/// part has.
fn genders(libelle: &str) -> Vec<String> {
    let parts: Vec<&str> = libelle.split(" / ").map(str::trim).collect();
    let Some((last, others)) = parts.split_last() else {
        return Vec::new();
    };
    let mut forms = vec![(*last).to_owned()];
    let last_words: Vec<&str> = last.split_whitespace().collect();
    for part in others {
        let own = part.split_whitespace().count();
        let shared = last_words.get(own..).unwrap_or_default().join(" ");
        forms.push(format!("{part} {shared}").trim().to_owned());
    }
    forms
}

/// The acronyms a ROME title gives itself, « Attaché de recherche
/// clinique (ARC) », « Responsable Qualité Sécurité Environnement -QSE- en
/// industrie »: each is another name of the title.
fn acronyms(libelle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (open, close) in [('(', ')'), ('-', '-')] {
        let mut rest = libelle;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else {
                break;
            };
            let inside = after[..end].trim();
            let letters = inside.chars().filter(|c| c.is_alphabetic()).count();
            if (2..=6).contains(&letters)
                && inside
                    .chars()
                    .all(|c| c.is_uppercase() || c == '&' || c == ' ')
            {
                found.push(inside.to_owned());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    found
}

/// The stems of a text, sorted, once each.
fn stem_set(analyzers: &mut Analyzers, text: &str) -> Vec<String> {
    let mut stems: Vec<String> = analyzers.terms(text).into_iter().map(|t| t.stem).collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// The job titles' forms found by their words. A query names a title when
/// every word typed is one of the title's and the words typed are at
/// least half of the title's: « ingénieur procédés » names « Ingénieur
/// procédés méthodes en industrie » (H1402) and « Ingénieur en procédés en
/// production » (H2502), « qualiticien » names « Qualiticien en
/// industrie », but « ingénieur » alone names none of the long titles
/// that begin with it.
struct TitleIndex {
    /// Each form's stems (sorted), its trade and whether the trade is of
    /// the campus's sector.
    forms: Vec<(Vec<String>, String, bool)>,
    /// The forms holding each stem.
    by_stem: HashMap<String, Vec<u32>>,
}

/// Fewest of a title's words a query must hold to name it.
const TITLE_COVERAGE: f32 = 0.4;
/// Added to the share of a title of the campus's sector: on the campus's
/// site, « opératrice de production » means its production operators
/// before the paper mills'.
const SECTOR_TITLE: f32 = 0.15;
/// Most trades a query names: beyond, the words are too common to say
/// which trade is meant.
const MAX_NAMED: usize = 10;

impl TitleIndex {
    /// See [`Suggestions::metier_of_title`].
    fn contained(&self, analyzers: &mut Analyzers, text: &str) -> Option<String> {
        let held: std::collections::HashSet<String> =
            analyzers.terms(text).into_iter().map(|t| t.stem).collect();
        let mut best: Option<(usize, bool, &str)> = None;
        for (stems, code, in_sector) in &self.forms {
            if stems.is_empty() || !stems.iter().all(|s| held.contains(s)) {
                continue;
            }
            let candidate = (stems.len(), *in_sector, code.as_str());
            let better = match best {
                None => true,
                Some((len, sector, known)) => {
                    (candidate.0, candidate.1) > (len, sector)
                        || ((candidate.0, candidate.1) == (len, sector) && candidate.2 < known)
                }
            };
            if better {
                best = Some(candidate);
            }
        }
        best.map(|(_, _, code)| code.to_owned())
    }

    fn new(appellations: &[AppellationSource], sector: &Sector) -> TitleIndex {
        let mut analyzers = Analyzers::default();
        let mut forms: Vec<(Vec<String>, String, bool)> = Vec::new();
        let mut by_stem: HashMap<String, Vec<u32>> = HashMap::new();
        for a in appellations {
            for form in genders(&a.libelle).into_iter().chain(acronyms(&a.libelle)) {
                let stems = stem_set(&mut analyzers, &form);
                if stems.is_empty()
                    || forms
                        .iter()
                        .rev()
                        .take(4)
                        .any(|f| f.0 == stems && f.1 == a.code_rome)
                {
                    continue;
                }
                let Ok(id) = u32::try_from(forms.len()) else {
                    break;
                };
                for stem in &stems {
                    by_stem.entry(stem.clone()).or_default().push(id);
                }
                forms.push((
                    stems,
                    a.code_rome.clone(),
                    sector.contains_rome(&a.code_rome),
                ));
            }
        }
        TitleIndex { forms, by_stem }
    }

    /// The trades `text` names and the best share of a title's words
    /// typed (plus [`SECTOR_TITLE`] for the campus's sector), most named
    /// first, the campus's sector first among equals. A word no title has stands for the
    /// closest one within its typo tolerance (« pharmaceutiqe »).
    fn named(
        &self,
        analyzers: &mut Analyzers,
        text: &str,
        dictionary: &Dictionary,
    ) -> Vec<(String, f32)> {
        let mut typed: Vec<String> = analyzers
            .terms(text)
            .into_iter()
            .map(|t| {
                if self.by_stem.contains_key(&t.stem) {
                    return t.stem;
                }
                let typos = crate::query::typos_for(t.folded.chars().count());
                (1..=typos)
                    .find_map(|d| {
                        self.by_stem
                            .keys()
                            .filter(|known| crate::query::within_distance(known, &t.stem, d))
                            .min()
                    })
                    .cloned()
                    .unwrap_or(t.stem)
            })
            .collect();
        // A word the dictionary gives another single word for stands for
        // either (« chimie » names « … des industries chimiques »).
        let stems: Vec<&str> = typed.iter().map(String::as_str).collect();
        let mut ways: HashMap<String, Vec<String>> = HashMap::new();
        for expansion in dictionary.expansions(&stems) {
            if expansion.len != 1 {
                continue;
            }
            let Some(word) = typed.get(expansion.start) else {
                continue;
            };
            ways.entry(word.clone()).or_default().extend(
                expansion
                    .alternatives
                    .into_iter()
                    .filter_map(|a| <[String; 1]>::try_from(a).ok())
                    .map(|[one]| one),
            );
        }
        typed.sort_unstable();
        typed.dedup();
        fn ways_of<'a>(ways: &'a HashMap<String, Vec<String>>, t: &'a String) -> Vec<&'a String> {
            std::iter::once(t)
                .chain(ways.get(t).into_iter().flatten())
                .collect()
        }
        let Some(rarest) = typed
            .iter()
            .map(|t| {
                ways_of(&ways, t)
                    .into_iter()
                    .flat_map(|w| self.by_stem.get(w).into_iter().flatten().copied())
                    .collect::<Vec<u32>>()
            })
            .min_by_key(Vec::len)
        else {
            return Vec::new();
        };
        let mut best: HashMap<&str, (f32, bool)> = HashMap::new();
        for id in rarest {
            let Some((stems, code, in_sector)) =
                usize::try_from(id).ok().and_then(|i| self.forms.get(i))
            else {
                continue;
            };
            if !typed.iter().all(|t| {
                ways_of(&ways, t)
                    .iter()
                    .any(|w| stems.binary_search(w).is_ok())
            }) {
                continue;
            }
            let coverage = typed.len() as f32 / stems.len() as f32;
            if coverage >= TITLE_COVERAGE {
                let known = best.entry(code.as_str()).or_insert((0.0, *in_sector));
                known.0 = known.0.max(coverage);
            }
        }
        // The sector's share is added before the most named are kept: a
        // title of the sector half typed outranks another's typed a bit more.
        let mut named: Vec<(&str, f32, bool)> = best
            .into_iter()
            .map(|(code, (coverage, in_sector))| {
                let sector = if in_sector { SECTOR_TITLE } else { 0.0 };
                (code, coverage + sector, in_sector)
            })
            .collect();
        named.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(b.2.cmp(&a.2))
                .then_with(|| a.0.cmp(b.0))
        });
        named
            .into_iter()
            .take(MAX_NAMED)
            .map(|(code, score, _)| (code.to_owned(), score))
            .collect()
    }
}

/// The folded words of a text.
fn words(text: &str) -> Vec<String> {
    slugify(text)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The abbreviation a word is also known by.
fn alias(word: &str) -> Option<&'static str> {
    match word {
        "saint" => Some("st"),
        "sainte" => Some("ste"),
        "saints" => Some("sts"),
        "saintes" => Some("stes"),
        _ => None,
    }
}

/// Whether `typed` begins `word` or its abbreviation.
fn begins(word: &str, typed: &str) -> bool {
    word.starts_with(typed) || alias(word).is_some_and(|a| a.starts_with(typed))
}

struct Entry<T> {
    item: T,
    words: Box<[Box<str>]>,
    /// Fixed part of the order: smaller first.
    rank: i64,
    chars: usize,
}

/// Where an entry goes among the suggestions, smallest first: its tier
/// (see [`tier`]), its fixed rank, its length, its place in the table.
type Order = (u8, i64, usize, u32);

/// Labels found by the beginnings of their words: every word (and
/// abbreviation) with the entry it belongs to, sorted, so that the words
/// starting with some letters are one contiguous range found by binary
/// search.
struct PrefixIndex<T> {
    entries: Vec<Entry<T>>,
    keys: Vec<(Box<str>, u32)>,
}

impl<T> PrefixIndex<T> {
    fn new(items: impl Iterator<Item = (T, Vec<String>, i64)>) -> PrefixIndex<T> {
        let mut entries = Vec::new();
        let mut keys = Vec::new();
        for (item, words, rank) in items {
            let Ok(id) = u32::try_from(entries.len()) else {
                break;
            };
            for word in &words {
                keys.push((Box::from(word.as_str()), id));
                if let Some(short) = alias(word) {
                    keys.push((Box::from(short), id));
                }
            }
            let chars = words.iter().map(String::len).sum::<usize>() + words.len();
            entries.push(Entry {
                item,
                words: words.into_iter().map(String::into_boxed_str).collect(),
                rank,
                chars,
            });
        }
        keys.sort_unstable();
        keys.dedup();
        PrefixIndex { entries, keys }
    }

    fn find(&self, text: &str, limit: usize) -> Vec<&T> {
        let typed = words(text);
        // The longest word typed selects the fewest candidates.
        let Some(longest) = typed.iter().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        let from = self
            .keys
            .partition_point(|(key, _)| key.as_ref() < longest.as_str());
        let mut candidates: Vec<u32> = self.keys[from..]
            .iter()
            .take_while(|(key, _)| key.starts_with(longest.as_str()))
            .map(|&(_, id)| id)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut ranked: Vec<(Order, &Entry<T>)> = candidates
            .into_iter()
            .filter_map(|id| {
                let entry = self.entries.get(usize::try_from(id).ok()?)?;
                let tier = tier(&entry.words, &typed)?;
                Some(((tier, entry.rank, entry.chars, id), entry))
            })
            .collect();
        if ranked.len() > limit && limit > 0 {
            ranked.select_nth_unstable_by_key(limit - 1, |(order, _)| *order);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by_key(|(order, _)| *order);
        ranked.truncate(limit);
        ranked.into_iter().map(|(_, entry)| &entry.item).collect()
    }
}

/// How well a label's words answer the words typed: 0 when the first
/// begins the label and the others follow in order (« conducteur ligne »),
/// 1 when the first begins the label, 2 when each begins some word;
/// `None` when one begins none.
fn tier(words: &[Box<str>], typed: &[String]) -> Option<u8> {
    if !typed.iter().all(|t| words.iter().any(|w| begins(w, t))) {
        return None;
    }
    let (Some(first), Some((label_first, rest))) = (typed.first(), words.split_first()) else {
        return None;
    };
    if !begins(label_first, first) {
        return Some(2);
    }
    let mut rest = rest.iter();
    let in_order = typed[1..]
        .iter()
        .all(|t| rest.by_ref().any(|w| begins(w, t)));
    Some(if in_order { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(code: &str, nom: &str, postaux: &[&str], population: i64) -> CommuneSource {
        CommuneSource {
            suggestion: CommuneSuggestion {
                code_insee: code.to_owned(),
                nom: nom.to_owned(),
                departement: Some(code[..2].to_owned()),
                codes_postaux: postaux.iter().map(|c| (*c).to_owned()).collect(),
                latitude: None,
                longitude: None,
            },
            population: Some(population),
        }
    }

    fn appellation(code_ogr: i64, libelle: &str, code_rome: &str, rare: bool) -> AppellationSource {
        AppellationSource {
            code_ogr,
            libelle: libelle.to_owned(),
            code_rome: code_rome.to_owned(),
            rare,
        }
    }

    fn tables() -> Suggestions {
        let sector = Sector::new(&["H3301"], &[], &[]).unwrap();
        Suggestions::new(
            vec![
                appellation(1, "Opérateur / Opératrice de production", "H2102", false),
                appellation(
                    2,
                    "Conducteur / Conductrice de ligne de conditionnement",
                    "H3301",
                    false,
                ),
                appellation(3, "Conducteur / Conductrice de bus", "N4103", false),
                appellation(4, "Conducteur / Conductrice de machine", "H2102", true),
                appellation(5, "Agent / Agente de conditionnement", "H3302", false),
                appellation(6, "Conducteur / Conductrice d'engins", "N1101", false),
            ],
            vec![
                commune("45234", "Orléans", &["45000", "45100"], 116_000),
                commune("45285", "Saint-Jean-de-Braye", &["45800"], 21_000),
                commune("45147", "Fleury-les-Aubrais", &["45400"], 21_000),
                commune("37261", "Tours", &["37000", "37100", "37200"], 136_000),
                commune("45232", "Ormes", &["45140"], 4_000),
                commune("67482", "Strasbourg", &["67000"], 290_000),
                commune("81284", "Saint-Juéry", &["81160"], 6_800),
            ],
            &sector,
            Dictionary::default(),
            7,
        )
    }

    fn noms(found: Vec<&CommuneSuggestion>) -> Vec<&str> {
        found.into_iter().map(|c| c.nom.as_str()).collect()
    }

    fn codes(found: Vec<&AppellationSuggestion>) -> Vec<i64> {
        found.into_iter().map(|a| a.code_ogr).collect()
    }

    #[test]
    fn accents_case_and_hyphens_are_folded() {
        let t = tables();
        assert_eq!(noms(t.communes("ORLÉ", 5)), ["Orléans"]);
        assert_eq!(noms(t.communes("orle", 5)), ["Orléans"]);
        assert_eq!(
            noms(t.communes("saint jean de b", 5)),
            ["Saint-Jean-de-Braye"]
        );
        assert_eq!(
            noms(t.communes("Saint-Jean-de-Braye", 5)),
            ["Saint-Jean-de-Braye"]
        );
        assert_eq!(noms(t.communes("braye", 5)), ["Saint-Jean-de-Braye"]);
        assert_eq!(noms(t.communes("les aubrais", 5)), ["Fleury-les-Aubrais"]);
        assert!(t.communes("-- ' /", 5).is_empty());
        assert!(t.communes("orleansx", 5).is_empty());
    }

    #[test]
    fn st_stands_for_saint() {
        let t = tables();
        assert_eq!(
            noms(t.communes("st j", 5)),
            ["Saint-Jean-de-Braye", "Saint-Juéry"]
        );
        // « st » alone also begins Strasbourg, the most populated.
        assert_eq!(noms(t.communes("st", 1)), ["Strasbourg"]);
    }

    #[test]
    fn postal_codes_and_their_beginnings() {
        let t = tables();
        assert_eq!(noms(t.communes("37000", 5)), ["Tours"]);
        assert_eq!(noms(t.communes("45100", 5)), ["Orléans"]);
        assert_eq!(
            noms(t.communes("451", 5)),
            ["Orléans", "Ormes"],
            "by population"
        );
        assert_eq!(noms(t.communes("orleans 45", 5)), ["Orléans"]);
    }

    #[test]
    fn insee_codes_whole() {
        let t = tables();
        let nom = |code: &str| t.commune_by_insee(code).map(|c| c.nom.as_str());
        assert_eq!(nom("37261"), Some("Tours"));
        assert_eq!(nom(" 45234 "), Some("Orléans"));
        assert_eq!(nom("3726"), None);
        assert_eq!(nom("37000"), None);
    }

    #[test]
    fn communes_beginning_with_the_text_come_first_then_by_population() {
        let t = tables();
        assert_eq!(noms(t.communes("or", 5)), ["Orléans", "Ormes"]);
        assert_eq!(noms(t.communes("or", 1)), ["Orléans"]);
    }

    #[test]
    fn job_titles_in_order_then_usual_then_sector_then_short() {
        let t = tables();
        // All begin with « conducteur »: the sector's first, the rare one
        // last, the others shortest first.
        assert_eq!(codes(t.appellations("conduct", 10)), [2, 3, 6, 4]);
        assert_eq!(codes(t.appellations("conditionnement", 10)), [2, 5]);
        // Words in the label's order beat the same words elsewhere.
        assert_eq!(codes(t.appellations("conducteur ligne", 10)), [2]);
        assert_eq!(codes(t.appellations("cond", 10)), [2, 3, 6, 4, 5]);
        assert_eq!(codes(t.appellations("operatrice", 10)), [1]);
        assert_eq!(codes(t.appellations("engins conducteur", 10)), [6]);
        assert_eq!(codes(t.appellations("conduct", 2)), [2, 3]);
        assert!(t.appellations("conduct", 0).is_empty());
        assert_eq!(t.generation(), 7);
    }

    #[test]
    fn an_offer_s_title_names_the_most_specific_job_title_it_holds() {
        let t = tables();
        assert_eq!(
            t.metier_of_title("APPRENTI(E) Conductrice de ligne de conditionnement en 3x8")
                .as_deref(),
            Some("H3301")
        );
        // « Conducteur de machine » is rare but whole; « conditionnement »
        // alone names nothing whole.
        assert_eq!(
            t.metier_of_title("Conducteur de machine d'emballage")
                .as_deref(),
            Some("H2102")
        );
        assert_eq!(t.metier_of_title("Chargé de conditionnement"), None);
        assert_eq!(t.metier_of_title(""), None);
    }
}
