//! The RSS 2.0 feed of apprenticeship offers of the public sector, as the
//! Place de l'apprentissage et des stages (PASS,
//! `pass.fonction-publique.gouv.fr/flux/offres`) publishes it: one `<item>`
//! per offer, with Dublin Core elements (`dc:identifier`, `dc:coverage`…)
//! for what RSS has no element for.
//!
//! It feeds `campus import offres`, which imports offers again and again
//! from fresh copies of the feed: every offer must therefore come with a
//! stable identifier (the PASS reference, else the `guid`) and the absolute
//! link back to its source, or it is rejected. As in the other XML readers
//! of this crate, the feed is read as a stream of events and only the item
//! being read is held in memory; an item whose content is wrong is rejected
//! with the line of its `<item>` and the reading goes on, while XML that is
//! not well formed stops the import with its `line:column`, since nothing
//! after it can be trusted.
//!
//! What the publisher writes, and how it is read:
//! - `<title>` holds an HTML link, `<a href="/offre/…">APPRENTISSAGE  -
//!   Intitulé</a>`, as child elements in the sample and as escaped text in
//!   other feeds: both are read as HTML, and the kind of contract that
//!   leads the title is set apart in [`OffreFlux::nature`];
//! - `<description>` is HTML in a CDATA section, turned into plain text
//!   (see [`texte_de_html`]);
//! - `<pubDate>` is written `2025-01-16T17:29:33+0100`, not in the RFC 2822
//!   form RSS asks for: both are accepted.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use quick_xml::NsReader;
use quick_xml::events::{BytesRef, Event};
use quick_xml::name::{Namespace, ResolveResult};

use crate::lines::Lines;
use crate::{FormatError, Record};

/// The namespace of the Dublin Core elements the PASS feed adds to RSS.
pub const DUBLIN_CORE: &str = "http://purl.org/dc/elements/1.1/";

/// Longest description kept, in characters: the longest offer of the
/// sample has about 4 000; beyond this it is no longer an offer but a
/// document, and the page that shows it must stay readable.
pub const DESCRIPTION_MAX: usize = 20_000;

/// Most bytes of text kept for one element of an item. A hostile or broken
/// feed may hold one endless element: memory stays bounded by this rather
/// than by the file. A description is cut here (it is cut shorter anyway);
/// any other element that long rejects its item.
const FIELD_MAX_BYTES: usize = 1 << 20;

/// Nesting deeper than this is not RSS (an item's deepest element sits at
/// depth 5): refusing it keeps a hostile file from exhausting memory.
const MAX_DEPTH: usize = 64;

/// Kinds of contract a title may start with (`APPRENTISSAGE - …`), in
/// their canonical spelling. A leading part that is not one of these
/// (`SGAMI SO / DEL / CSAG79 - APPRENTISSAGE - Mécanicien`) stays in the
/// title: it names the employer, not the contract.
const NATURES: [&str; 3] = ["APPRENTISSAGE", "ALTERNANCE", "STAGE"];

/// One offer of the feed, as published, with its texts cleaned.
///
/// Only what the import needs to be idempotent and to send people back to
/// the source is required (`identifiant`, `lien`, `titre`); the rest is
/// kept raw where the publisher's wording is the information (`niveau`,
/// `duree`), and parsed where the platform computes with it
/// (`niveau_rncp`, dates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffreFlux {
    /// Line of the item's `<item>` tag, for messages about this offer after
    /// it has left the reader (the same as the line of [`Record::Valid`]).
    pub ligne: u64,
    /// The PASS reference (`dc:identifier`, `A-2025-156100`), or the `guid`
    /// when it is absent: the key that makes a second import update rather
    /// than duplicate.
    pub identifiant: String,
    pub guid: Option<String>,
    /// The offer's page on the source site, absolute `http(s)` URL.
    pub lien: String,
    /// The title as text, without the kind of contract that leads it.
    pub titre: String,
    /// The kind of contract that led the title (`APPRENTISSAGE`,
    /// `ALTERNANCE`, `STAGE`), in capitals whatever the publisher's case.
    pub nature: Option<String>,
    /// The description as plain text: one paragraph or list item per line
    /// (items start with `- `), no blank line, at most
    /// [`DESCRIPTION_MAX`] characters.
    pub description: String,
    /// The employer (`<author>`), e.g. « Ministère des Armées ».
    pub employeur: Option<String>,
    /// The service that recruits (`dc:publisher`).
    pub service: Option<String>,
    /// The ministry it belongs to (`dc:contributor`).
    pub ministere: Option<String>,
    /// The département code as written (`dc:description`): `94`, `2A`,
    /// `971`, and `2` or `6` without the leading zero, as the feed writes
    /// them.
    pub departement: Option<String>,
    /// The level as written (`dc:type`), e.g. « Niveau 5 – (Bac+2) ».
    pub niveau: Option<String>,
    /// The level of the national framework (3 to 8) that `niveau` names,
    /// when it names one.
    pub niveau_rncp: Option<u8>,
    /// The duration as written (`dc:format`), e.g. « Entre 12 et 24 mois ».
    pub duree: Option<String>,
    /// The town (`dc:coverage`), as written (`IVRY SUR SEINE`).
    pub commune: Option<String>,
    /// Start of the contract (`dc:date`): the date as written, whatever
    /// the offset that follows it (`2025-09-15T00:00:00+02:00` is the 15th).
    pub date_debut: Option<NaiveDate>,
    /// When the offer was published (`<pubDate>`).
    pub publie_le: Option<DateTime<FixedOffset>>,
}

/// The offers of a feed, in order. An `Err` item is fatal (the feed cannot
/// be read further); a [`Record::Rejected`] offer is not.
pub struct OffresRss<R: BufRead> {
    name: String,
    reader: NsReader<Lines<R>>,
    buf: Vec<u8>,
    /// Open elements, from the root.
    path: Vec<Nom>,
    item: Option<Builder>,
    root_seen: bool,
    done: bool,
}

/// Opens a feed file (plain or `.gz`, UTF-8 or Windows-1252).
pub fn offres_rss(path: &Path) -> Result<OffresRss<BufReader<Box<dyn Read + Send>>>, FormatError> {
    let (stream, _) = crate::open(path)?;
    Ok(OffresRss::from_reader(
        &path.display().to_string(),
        BufReader::new(stream),
    ))
}

/// The name of an element: RSS elements have no namespace, the others are
/// told apart by theirs so that an extension's `<media:title>` is never
/// taken for the title.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Nom {
    Rss(String),
    DublinCore(String),
    Other(String),
}

impl Nom {
    /// How the element is written in messages.
    fn affiche(&self) -> String {
        match self {
            Nom::Rss(local) | Nom::Other(local) => local.clone(),
            Nom::DublinCore(local) => format!("dc:{local}"),
        }
    }

    fn local(&self) -> &str {
        match self {
            Nom::Rss(local) | Nom::DublinCore(local) | Nom::Other(local) => local,
        }
    }
}

impl<R: BufRead> OffresRss<R> {
    /// The offers of `input`, reported under the file name `name`.
    pub fn from_reader(name: &str, input: R) -> OffresRss<R> {
        OffresRss {
            name: name.to_owned(),
            reader: NsReader::from_reader(Lines::new(input)),
            buf: Vec::new(),
            path: Vec::new(),
            item: None,
            root_seen: false,
            done: false,
        }
    }

    pub fn file_name(&self) -> &str {
        &self.name
    }

    fn error_at(&mut self, offset: u64, message: impl Into<String>) -> FormatError {
        let (line, column) = self.reader.get_mut().position(offset);
        FormatError::at(&self.name, line, column, message)
    }

    fn here(&self) -> u64 {
        self.reader.buffer_position()
    }

    /// The name of an element read, by its namespace. A `dc:` prefix the
    /// feed forgot to declare is still Dublin Core: no other vocabulary
    /// uses it.
    fn nom(resolved: &ResolveResult<'_>, local: &str) -> Nom {
        let local = local.to_owned();
        match resolved {
            ResolveResult::Unbound => Nom::Rss(local),
            ResolveResult::Bound(Namespace(ns)) if *ns == DUBLIN_CORE => Nom::DublinCore(local),
            ResolveResult::Unknown(prefix) if prefix == "dc" => Nom::DublinCore(local),
            _ => Nom::Other(local),
        }
    }

    fn next_offre(&mut self) -> Result<Option<Record<OffreFlux>>, FormatError> {
        loop {
            self.buf.clear();
            // Where the next event starts: an `<item>` is placed at its `<`.
            let before = self.here();
            let (nom, event) = match self.reader.read_resolved_event_into(&mut self.buf) {
                Ok((resolved, event)) => {
                    let nom = match &event {
                        Event::Start(e) | Event::Empty(e) => {
                            Some(Self::nom(&resolved, e.local_name().as_ref()))
                        }
                        _ => None,
                    };
                    (nom, event.into_owned())
                }
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error_at(at, format!("XML mal formé : {e}")));
                }
            };
            match event {
                Event::Start(_) => {
                    let Some(nom) = nom else { continue };
                    self.open(nom, before)?;
                }
                Event::Empty(_) => {
                    let Some(nom) = nom else { continue };
                    if self.path.is_empty() {
                        self.open(nom, before)?;
                        return self.close();
                    }
                    if let Some(item) = &mut self.item {
                        if self.path.len() >= 4 {
                            item.element(&nom, true);
                        }
                    } else if self.path.len() == 2 {
                        // `<item/>`: an offer with nothing in it, rejected
                        // as such rather than skipped unseen.
                        self.open(nom, before)?;
                        self.path.pop();
                        if let Some(builder) = self.item.take() {
                            return Ok(Some(self.record(builder)));
                        }
                    }
                }
                Event::End(_) => {
                    let depth = self.path.len();
                    if let Some(item) = &mut self.item {
                        match depth {
                            4 => item.end_field(&self.path[3]),
                            5.. => {
                                if let Some(nom) = self.path.last() {
                                    item.close_element(nom);
                                }
                            }
                            _ => {}
                        }
                    }
                    self.path.pop();
                    if depth == 3
                        && let Some(builder) = self.item.take()
                    {
                        return Ok(Some(self.record(builder)));
                    }
                    if depth == 1 {
                        return self.close();
                    }
                }
                Event::Text(text) => {
                    if let Some(item) = &mut self.item {
                        item.text(self.path.len(), &text.xml10_content(), false);
                    }
                }
                Event::CData(data) => {
                    if let Some(item) = &mut self.item {
                        item.text(self.path.len(), &data.xml10_content(), true);
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(item) = &mut self.item {
                        item.reference(self.path.len(), &reference);
                    }
                }
                Event::Eof => {
                    let at = self.here();
                    if let Some(open) = self.path.last().map(Nom::affiche) {
                        return Err(self.error_at(
                            at,
                            format!(
                                "fin de fichier inattendue : élément <{open}> non fermé (fichier tronqué ?)"
                            ),
                        ));
                    }
                    if !self.root_seen {
                        return Err(
                            self.error_at(at, "aucun élément <rss> : ce n'est pas un flux RSS 2.0")
                        );
                    }
                    return Ok(None);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }

    /// The offer an item read makes, or its rejection at its line.
    fn record(&self, builder: Builder) -> Record<OffreFlux> {
        let line = builder.line;
        match builder.finish() {
            Ok(offre) => Record::Valid(offre, line),
            Err(reason) => Record::Rejected(FormatError::new(&self.name, Some(line), reason)),
        }
    }

    /// An element opened at byte `start`.
    fn open(&mut self, nom: Nom, start: u64) -> Result<(), FormatError> {
        let depth = self.path.len();
        if depth == 0 {
            if self.root_seen {
                let at = self.here();
                return Err(self.error_at(at, "contenu après la fin de l'élément <rss>"));
            }
            if nom != Nom::Rss("rss".to_owned()) {
                let at = self.here();
                return Err(self.error_at(
                    at,
                    format!(
                        "élément racine <{}> : <rss> attendu (ce n'est pas un flux RSS 2.0)",
                        nom.affiche()
                    ),
                ));
            }
            self.root_seen = true;
        } else if depth >= MAX_DEPTH {
            let at = self.here();
            return Err(self.error_at(
                at,
                format!(
                    "éléments imbriqués sur plus de {MAX_DEPTH} niveaux : ce n'est pas un flux RSS"
                ),
            ));
        }
        let is_item = depth == 2
            && self.path[1] == Nom::Rss("channel".to_owned())
            && nom == Nom::Rss("item".to_owned());
        if is_item {
            let (line, _) = self.reader.get_mut().position(start);
            self.item = Some(Builder::new(line));
        } else if let Some(item) = &mut self.item {
            match depth {
                3 => item.start_field(&nom),
                4.. => item.element(&nom, false),
                _ => {}
            }
        }
        self.path.push(nom);
        Ok(())
    }

    /// The root element closed: what follows may only be comments and
    /// blanks, which the parser checks until the end of the file.
    fn close(&mut self) -> Result<Option<Record<OffreFlux>>, FormatError> {
        loop {
            self.buf.clear();
            match self.reader.read_event_into(&mut self.buf) {
                Ok(Event::Eof) => return Ok(None),
                Ok(Event::Text(text)) if text.xml10_content().trim().is_empty() => {}
                Ok(Event::Comment(_) | Event::PI(_)) => {}
                Ok(_) => {
                    let at = self.here();
                    return Err(self.error_at(at, "contenu après la fin de l'élément <rss>"));
                }
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error_at(at, format!("XML mal formé : {e}")));
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for OffresRss<R> {
    type Item = Result<Record<OffreFlux>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_offre();
        self.done = !matches!(next, Ok(Some(_)));
        next.transpose()
    }
}

/// The elements of an item this reader keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Champ {
    Titre,
    Lien,
    Description,
    Auteur,
    Guid,
    PubDate,
    Identifiant,
    Service,
    Ministere,
    Departement,
    Niveau,
    Duree,
    Commune,
    DateDebut,
}

impl Champ {
    fn of(nom: &Nom) -> Option<Champ> {
        Some(match nom {
            Nom::Rss(local) => match local.as_str() {
                "title" => Champ::Titre,
                "link" => Champ::Lien,
                "description" => Champ::Description,
                "author" => Champ::Auteur,
                "guid" => Champ::Guid,
                "pubDate" => Champ::PubDate,
                _ => return None,
            },
            Nom::DublinCore(local) => match local.as_str() {
                "identifier" => Champ::Identifiant,
                "publisher" => Champ::Service,
                "contributor" => Champ::Ministere,
                "description" => Champ::Departement,
                "type" => Champ::Niveau,
                "format" => Champ::Duree,
                "coverage" => Champ::Commune,
                "date" => Champ::DateDebut,
                _ => return None,
            },
            Nom::Other(_) => return None,
        })
    }

    /// Whether the element holds HTML (escaped, in CDATA or as child
    /// elements) rather than text.
    fn html(self) -> bool {
        matches!(self, Champ::Titre | Champ::Description)
    }

    /// The element as the feed writes it, for messages.
    fn balise(self) -> &'static str {
        match self {
            Champ::Titre => "title",
            Champ::Lien => "link",
            Champ::Description => "description",
            Champ::Auteur => "author",
            Champ::Guid => "guid",
            Champ::PubDate => "pubDate",
            Champ::Identifiant => "dc:identifier",
            Champ::Service => "dc:publisher",
            Champ::Ministere => "dc:contributor",
            Champ::Departement => "dc:description",
            Champ::Niveau => "dc:type",
            Champ::Duree => "dc:format",
            Champ::Commune => "dc:coverage",
            Champ::DateDebut => "dc:date",
        }
    }
}

/// The item being read: the text of each element kept, as written, until
/// the item is complete.
struct Builder {
    line: u64,
    /// The element of the item being read, and its text so far (HTML for
    /// the title and the description).
    current: Option<(Champ, String)>,
    /// Texts of the elements read, the first of each kind.
    fields: Vec<(Champ, String)>,
    /// The first problem met while reading, reported when the item ends.
    problem: Option<String>,
}

impl Builder {
    fn new(line: u64) -> Builder {
        Builder {
            line,
            current: None,
            fields: Vec::new(),
            problem: None,
        }
    }

    fn start_field(&mut self, nom: &Nom) {
        self.current = Champ::of(nom).map(|champ| (champ, String::new()));
    }

    fn end_field(&mut self, nom: &Nom) {
        if let Some((champ, text)) = self.current.take()
            && Champ::of(nom) == Some(champ)
            && !self.fields.iter().any(|(c, _)| *c == champ)
        {
            self.fields.push((champ, text));
        }
    }

    fn push(&mut self, text: &str) {
        let Some((champ, current)) = &mut self.current else {
            return;
        };
        if current.len() + text.len() <= FIELD_MAX_BYTES {
            current.push_str(text);
            return;
        }
        let mut end = FIELD_MAX_BYTES
            .saturating_sub(current.len())
            .min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        current.push_str(&text[..end]);
        if *champ != Champ::Description && self.problem.is_none() {
            self.problem = Some(format!(
                "<{}> trop long (plus de {} Mio)",
                champ.balise(),
                FIELD_MAX_BYTES >> 20
            ));
        }
    }

    /// Text at `depth` (that of the item's elements is 4). In the title and
    /// the description, text of the element itself is HTML (RSS escapes
    /// it, or wraps it in CDATA), while text inside child elements is the
    /// text of that XHTML: it is escaped again so that both read alike.
    fn text(&mut self, depth: usize, text: &str, cdata: bool) {
        let Some((champ, _)) = self.current else {
            return;
        };
        if champ.html() && depth > 4 && !cdata {
            self.push(&quick_xml::escape::minimal_escape(text));
        } else {
            self.push(text);
        }
    }

    /// An entity reference at `depth`. Feeds made from HTML write `&nbsp;`
    /// and `&rsquo;` where XML knows only five entities: those HTML names
    /// are read as HTML would; an unknown one rejects the item.
    fn reference(&mut self, depth: usize, reference: &BytesRef<'_>) {
        let Some((champ, _)) = self.current else {
            return;
        };
        let name = reference.xml10_content();
        let resolved = match reference.resolve_char_ref() {
            Ok(Some(c)) => Some(c.to_string()),
            _ => quick_xml::escape::resolve_predefined_entity(&name)
                .map(str::to_owned)
                .or_else(|| entite_html(&name).map(String::from)),
        };
        match resolved {
            Some(text) if champ.html() && depth > 4 => {
                self.push(&quick_xml::escape::minimal_escape(&text));
            }
            // The element's own text is HTML once unescaped: `&lt;a&gt;`
            // there is the tag `<a>`, as a CDATA section would write it.
            Some(text) => self.push(&text),
            None => {
                if self.problem.is_none() {
                    self.problem = Some(format!("entité inconnue « &{name}; »"));
                }
            }
        }
    }

    /// A child element of an item's element opened (or empty): in HTML it
    /// is a tag that may break lines; elsewhere only its text counts.
    fn element(&mut self, nom: &Nom, empty: bool) {
        if let Some((champ, _)) = self.current
            && champ.html()
        {
            let local = nom.local().to_owned();
            self.push(&format!("<{local}{}>", if empty { "/" } else { "" }));
        }
    }

    fn close_element(&mut self, nom: &Nom) {
        if let Some((champ, _)) = self.current
            && champ.html()
        {
            let local = nom.local().to_owned();
            self.push(&format!("</{local}>"));
        }
    }

    fn take(&mut self, champ: Champ) -> Option<String> {
        let at = self.fields.iter().position(|(c, _)| *c == champ)?;
        Some(self.fields.swap_remove(at).1)
    }

    /// A text element, its blanks collapsed; `None` when empty.
    fn simple(&mut self, champ: Champ) -> Option<String> {
        self.take(champ)
            .map(|t| espaces(&t))
            .filter(|t| !t.is_empty())
    }

    fn finish(mut self) -> Result<OffreFlux, String> {
        let guid = self.simple(Champ::Guid);
        let identifiant = self
            .simple(Champ::Identifiant)
            .or_else(|| guid.clone())
            .ok_or("offre sans identifiant : ni <dc:identifier> ni <guid>")?;
        let about = |message: String| format!("offre « {identifiant} » : {message}");
        if let Some(problem) = self.problem.take() {
            return Err(about(problem));
        }
        let lien = self
            .simple(Champ::Lien)
            .ok_or_else(|| about("<link> absent".to_owned()))?;
        if !lien_absolu(&lien) {
            return Err(about(format!(
                "lien « {lien} » : adresse absolue http(s) attendue"
            )));
        }
        let titre = self
            .take(Champ::Titre)
            .map(|html| texte_de_html(&html).replace('\n', " "))
            .unwrap_or_default();
        let (nature, titre) = nature(&titre);
        if titre.is_empty() {
            return Err(about("titre absent ou vide".to_owned()));
        }
        let description = self
            .take(Champ::Description)
            .map(|html| tronque(texte_de_html(&html), DESCRIPTION_MAX))
            .unwrap_or_default();
        let departement = self.simple(Champ::Departement);
        if let Some(code) = &departement
            && !(code.len() <= 3 && code.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return Err(about(format!(
                "département « {code} » invalide (<dc:description> : code de 1 à 3 lettres ou chiffres attendu, comme 94, 2A ou 971)"
            )));
        }
        let niveau = self.simple(Champ::Niveau);
        let date_debut = match self.simple(Champ::DateDebut) {
            None => None,
            Some(text) => Some(date_debut(&text).ok_or_else(|| {
                about(format!(
                    "date de début « {text} » invalide (<dc:date> : AAAA-MM-JJ attendue)"
                ))
            })?),
        };
        let publie_le = match self.simple(Champ::PubDate) {
            None => None,
            Some(text) => Some(publication(&text).ok_or_else(|| {
                about(format!(
                    "date de publication « {text} » invalide (<pubDate> : RFC 2822 ou ISO 8601 attendue)"
                ))
            })?),
        };
        Ok(OffreFlux {
            ligne: self.line,
            niveau_rncp: niveau.as_deref().and_then(niveau_rncp),
            identifiant,
            guid,
            lien,
            titre,
            nature,
            description,
            employeur: self.simple(Champ::Auteur),
            service: self.simple(Champ::Service),
            ministere: self.simple(Champ::Ministere),
            departement,
            niveau,
            duree: self.simple(Champ::Duree),
            commune: self.simple(Champ::Commune),
            date_debut,
            publie_le,
        })
    }
}

/// Runs of blanks (line breaks and non-breaking spaces included) as one
/// space, none at either end.
fn espaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` cut to at most `max` characters, on a character boundary.
fn tronque(mut text: String, max: usize) -> String {
    if let Some((end, _)) = text.char_indices().nth(max) {
        text.truncate(end);
        let kept = text.trim_end().len();
        text.truncate(kept);
    }
    text
}

/// Whether `lien` is an absolute `http` or `https` address with a host: a
/// relative one would send people nowhere once the offer is on our site.
fn lien_absolu(lien: &str) -> bool {
    let lower = lien.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.starts_with(['.', ':', '@'])
        && !lien.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The kind of contract leading a title (`APPRENTISSAGE  - Intitulé`), in
/// its canonical spelling, and the title without it.
fn nature(titre: &str) -> (Option<String>, String) {
    // A space at the end lets a title that is only a kind
    // (`APPRENTISSAGE -`) lose it too, and come out empty.
    let padded = format!("{titre} ");
    for separator in [" - ", " – ", " — ", " : "] {
        if let Some((head, tail)) = padded.split_once(separator) {
            let head = head.trim().to_uppercase();
            if let Some(kind) = NATURES.iter().find(|k| **k == head) {
                return (Some((*kind).to_owned()), tail.trim().to_owned());
            }
        }
    }
    (None, titre.trim().to_owned())
}

/// The level of the national framework in « Niveau 5 – (Bac+2) »: the
/// digit after « Niveau », when it is one of the levels of certifications
/// (3 to 8).
fn niveau_rncp(niveau: &str) -> Option<u8> {
    let lower = niveau.to_ascii_lowercase();
    let at = lower.find("niveau")?;
    let rest = lower[at + "niveau".len()..].trim_start();
    let mut digits = rest.chars().take_while(char::is_ascii_digit);
    let first = digits.next()?.to_digit(10)?;
    if digits.next().is_some() {
        return None;
    }
    u8::try_from(first).ok().filter(|n| (3..=8).contains(n))
}

/// The date `dc:date` starts with (`2025-09-15T00:00:00+02:00` or
/// `2025-09-15`): the day the publisher wrote, not that day moved to
/// another time zone.
fn date_debut(text: &str) -> Option<NaiveDate> {
    let day = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// A publication date in the RFC 2822 form RSS asks for, or in the ISO 8601
/// form PASS writes (`2025-01-16T17:29:33+0100`, offset without colon).
fn publication(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc2822(text)
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok()
}

/// HTML elements that end a line of text.
const BLOCS: [&str; 30] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
    "nav",
];

/// Plain text of an offer's HTML, for the page that shows it and the search
/// index: paragraphs, line breaks and list items each end a line (items
/// start with `- `), other tags go, entities are decoded, blanks (the
/// `&nbsp;` publishers type for spacing included) collapse to one space,
/// and empty lines (`<p><br>&nbsp;</p>`) are dropped. Text that only looks
/// like a tag (`a < b`) stays.
pub fn texte_de_html(html: &str) -> String {
    let mut texte = Texte::default();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => rest = texte.balise(rest),
            '&' => {
                let (decoded, after) = entite(rest);
                match decoded {
                    Some(d) => d.chars().for_each(|c| texte.push(c)),
                    None => texte.push('&'),
                }
                rest = after;
            }
            _ => {
                texte.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    texte.finish()
}

/// The plain text being written.
#[derive(Default)]
struct Texte {
    out: String,
    /// Whether the line being written has text.
    line_started: bool,
    space: bool,
    /// A list item opened: its first text gets a bullet.
    bullet: bool,
}

impl Texte {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
            return;
        }
        if c.is_control() || c == '\u{AD}' || c == '\u{200B}' || c == '\u{FEFF}' {
            return;
        }
        if !self.line_started {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            if self.bullet && !matches!(c, '-' | '–' | '—' | '•' | '*' | '·') {
                self.out.push_str("- ");
            }
            self.line_started = true;
        } else if self.space {
            self.out.push(' ');
        }
        self.space = false;
        self.bullet = false;
        self.out.push(c);
    }

    fn break_line(&mut self) {
        self.line_started = false;
        self.space = false;
        self.bullet = false;
    }

    /// Reads the tag `rest` starts with (`rest` starts with `<`) and
    /// returns what follows it.
    fn balise<'a>(&mut self, rest: &'a str) -> &'a str {
        let after = &rest[1..];
        if let Some(comment) = after.strip_prefix("!--") {
            return comment.find("-->").map_or("", |end| &comment[end + 3..]);
        }
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !is_tag {
            self.push('<');
            return after;
        }
        // An unterminated tag at the very end (a cut text) is dropped.
        let Some(end) = after.find('>') else {
            return "";
        };
        let tag = &after[..end];
        let following = &after[end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !closing && (name == "script" || name == "style") {
            let lower = following.to_ascii_lowercase();
            return lower
                .find(&format!("</{name}"))
                .map_or("", |at| &following[at..]);
        }
        if BLOCS.contains(&name.as_str()) {
            self.break_line();
            self.bullet = name == "li" && !closing;
        } else if matches!(name.as_str(), "td" | "th") {
            self.space = true;
        }
        following
    }

    fn finish(self) -> String {
        self.out
    }
}

/// The entity `rest` starts with (`rest` starts with `&`), decoded, and
/// what follows it; `None` and what follows the `&` when it is not one.
fn entite(rest: &str) -> (Option<String>, &str) {
    let after = &rest[1..];
    let Some(end) = after
        .char_indices()
        .take(32)
        .find(|(_, c)| *c == ';')
        .map(|(i, _)| i)
    else {
        return (None, after);
    };
    let name = &after[..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse::<u32>().ok(),
        };
        code.and_then(char::from_u32).map(String::from)
    } else {
        entite_html(name).map(String::from)
    };
    match decoded {
        Some(text) => (Some(text), &after[end + 1..]),
        None => (None, after),
    }
}

/// The HTML named entities French offers use (those of Latin-1 letters,
/// typography and the five of XML).
fn entite_html(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{A0}",
        "rsquo" => "’",
        "lsquo" => "‘",
        "rdquo" => "”",
        "ldquo" => "“",
        "laquo" => "«",
        "raquo" => "»",
        "hellip" => "…",
        "ndash" => "–",
        "mdash" => "—",
        "bull" => "•",
        "middot" => "·",
        "euro" => "€",
        "deg" => "°",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "shy" => "\u{AD}",
        "thinsp" => "\u{2009}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "times" => "×",
        "sup2" => "²",
        "frac12" => "½",
        "agrave" => "à",
        "aacute" => "á",
        "acirc" => "â",
        "auml" => "ä",
        "ccedil" => "ç",
        "egrave" => "è",
        "eacute" => "é",
        "ecirc" => "ê",
        "euml" => "ë",
        "icirc" => "î",
        "iuml" => "ï",
        "ocirc" => "ô",
        "ouml" => "ö",
        "ugrave" => "ù",
        "ucirc" => "û",
        "uuml" => "ü",
        "yuml" => "ÿ",
        "oelig" => "œ",
        "aelig" => "æ",
        "Agrave" => "À",
        "Acirc" => "Â",
        "Ccedil" => "Ç",
        "Egrave" => "È",
        "Eacute" => "É",
        "Ecirc" => "Ê",
        "Euml" => "Ë",
        "Icirc" => "Î",
        "Iuml" => "Ï",
        "Ocirc" => "Ô",
        "Ugrave" => "Ù",
        "Ucirc" => "Û",
        "OElig" => "Œ",
        "AElig" => "Æ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Option<std::path::PathBuf> {
        campus_testkit::national_data("flux RSS des offres d'apprentissage de la PASS")
            .map(|d| d.join("offres/pass_fonction_publique_apprentissage_2025-01.rss"))
    }

    fn read(xml: &str) -> Vec<Result<Record<OffreFlux>, FormatError>> {
        OffresRss::from_reader("test.rss", xml.as_bytes()).collect()
    }

    /// A feed of the given items, each on its own lines from line 3.
    fn feed(items: &[&str]) -> String {
        let mut xml = String::from(
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>t</title>\n",
        );
        for item in items {
            xml.push_str(item);
            xml.push('\n');
        }
        xml.push_str("</channel></rss>\n");
        xml
    }

    const GOOD: &str = "<item><title>Stage – Chimiste</title><link>https://pass.example/offre/1</link><dc:identifier>A-1</dc:identifier></item>";

    fn valid(record: &Result<Record<OffreFlux>, FormatError>) -> &OffreFlux {
        match record {
            Ok(Record::Valid(offre, line)) => {
                assert_eq!(offre.ligne, *line);
                offre
            }
            other => panic!("{other:?}"),
        }
    }

    fn rejected(record: &Result<Record<OffreFlux>, FormatError>) -> String {
        match record {
            Ok(Record::Rejected(e)) => e.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_real_feed() {
        let Some(sample) = sample() else {
            return;
        };
        let offres: Vec<OffreFlux> = offres_rss(&sample)
            .unwrap()
            .map(|r| match r.unwrap() {
                Record::Valid(offre, _) => offre,
                Record::Rejected(e) => panic!("{e}"),
            })
            .collect();
        assert_eq!(offres.len(), 72);
        assert!(offres.iter().all(|o| o.identifiant.starts_with("A-20")));
        assert!(
            offres
                .iter()
                .all(|o| o.guid.is_some() && o.publie_le.is_some())
        );
        assert!(offres.iter().all(|o| !o.description.is_empty()
            && !o.description.contains("\n\n")
            && !o.description.contains('<')
            && !o.description.contains("&nbsp;")));
        let mut identifiants: Vec<_> = offres.iter().map(|o| &o.identifiant).collect();
        identifiants.sort();
        identifiants.dedup();
        assert_eq!(identifiants.len(), 72, "identifiants en double");

        let first = &offres[0];
        assert_eq!(first.ligne, 10);
        assert_eq!(first.identifiant, "A-2025-156100");
        assert_eq!(
            first.guid.as_deref(),
            Some("197f8060-fb01-4bf7-b8cc-5892d1421ca5")
        );
        assert_eq!(
            first.lien,
            "https://www.pass.fonction-publique.gouv.fr/offre/apprentissage-assistant-e-de-prevention-au-sein-dun-service-douanier-competence-nationale"
        );
        assert_eq!(
            first.titre,
            "Assistant (e) de prévention au sein d’un service douanier à compétence nationale"
        );
        assert_eq!(first.nature.as_deref(), Some("APPRENTISSAGE"));
        assert!(
            first.description.starts_with(
                "Apprenti(e) au sein du service Prévention/Dialogue Social, vous serez chargé(e)"
            ),
            "{}",
            first.description
        );
        assert!(
            first
                .description
                .contains("\nPrincipales missions :\n-Participation à la mise à jour du DUERP,\n"),
            "{}",
            first.description
        );
        assert!(
            first
                .description
                .ends_with("-Suivi des stocks des matériels ergonomiques...")
        );
        assert_eq!(
            first.employeur.as_deref(),
            Some("Direction générale des douanes et droits indirects")
        );
        assert_eq!(first.service.as_deref(), Some("DGDDI - DNRED"));
        assert_eq!(
            first.ministere.as_deref(),
            Some("Ministères économiques et financiers")
        );
        assert_eq!(first.departement.as_deref(), Some("94"));
        assert_eq!(first.niveau.as_deref(), Some("Niveau 5 – (Bac+2)"));
        assert_eq!(first.niveau_rncp, Some(5));
        assert_eq!(first.duree.as_deref(), Some("Entre 12 et 24 mois"));
        assert_eq!(first.commune.as_deref(), Some("IVRY SUR SEINE"));
        assert_eq!(first.date_debut, NaiveDate::from_ymd_opt(2025, 9, 15));
        assert_eq!(
            first.publie_le.map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-01-16T17:29:33+01:00")
        );

        let tours: Vec<_> = offres
            .iter()
            .filter(|o| o.commune.as_deref() == Some("TOURS"))
            .collect();
        assert_eq!(tours.len(), 1);
        assert_eq!(tours[0].identifiant, "A-2024-148286");
        assert_eq!(tours[0].departement.as_deref(), Some("37"));
        assert_eq!(
            tours[0].titre,
            "Apprenti, Chargé(e) de communication digitale"
        );
        assert_eq!(tours[0].nature, None);
        assert_eq!(tours[0].niveau_rncp, Some(6));
        assert_eq!(
            tours[0].service.as_deref(),
            Some("Secrétariat général pour l'administration")
        );
        assert_eq!(
            offres
                .iter()
                .filter(|o| o.departement.as_deref() == Some("37"))
                .count(),
            1
        );
        // Every level of the sample is one of the framework's.
        assert!(offres.iter().all(|o| o.niveau_rncp.is_some()));
        // Titles: entities decoded, blanks collapsed, kinds set apart.
        assert!(offres.iter().all(|o| !o.titre.contains("&#039;")
            && !o.titre.contains("  ")
            && o.titre.trim() == o.titre));
        assert!(offres.iter().any(|o| o.nature.as_deref() == Some("STAGE")));
        assert!(
            offres
                .iter()
                .any(|o| o.nature.as_deref() == Some("ALTERNANCE"))
        );
        assert!(offres.iter().any(|o| {
            o.titre
                .starts_with("SGAMI SO / DEL / CSAG79 - APPRENTISSAGE")
        }));
    }

    #[test]
    fn a_minimal_item_and_the_line_of_each_item() {
        let xml = feed(&[GOOD, "", GOOD]);
        let records = read(&xml);
        assert_eq!(records.len(), 2);
        let offre = valid(&records[0]);
        assert_eq!(offre.ligne, 3);
        assert_eq!(offre.titre, "Chimiste");
        assert_eq!(offre.nature.as_deref(), Some("STAGE"));
        assert_eq!(offre.description, "");
        assert_eq!((offre.departement.as_ref(), offre.date_debut), (None, None));
        assert_eq!(valid(&records[1]).ligne, 5);
    }

    #[test]
    fn the_identifier_falls_back_to_the_guid_and_is_required() {
        let xml = feed(&[
            "<item><title>A</title><link>https://x.fr/1</link><guid isPermaLink=\"false\"> g-1 </guid></item>",
            "<item><title>B</title>\n<link>https://x.fr/2</link><dc:identifier>  </dc:identifier></item>",
            "<item/>",
            GOOD,
        ]);
        let records = read(&xml);
        assert_eq!(records.len(), 4);
        let offre = valid(&records[0]);
        assert_eq!(
            (offre.identifiant.as_str(), offre.guid.as_deref()),
            ("g-1", Some("g-1"))
        );
        assert_eq!(
            rejected(&records[1]),
            "test.rss:4: offre sans identifiant : ni <dc:identifier> ni <guid>"
        );
        assert_eq!(
            rejected(&records[2]),
            "test.rss:6: offre sans identifiant : ni <dc:identifier> ni <guid>"
        );
        assert_eq!(valid(&records[3]).ligne, 7);
    }

    #[test]
    fn links_must_be_absolute_http() {
        let item = |link: &str| {
            format!(
                "<item><title>T</title><link>{link}</link><dc:identifier>A-9</dc:identifier></item>"
            )
        };
        let xml = feed(&[
            &item("/offre/chimiste"),
            &item("ftp://x.fr/a"),
            &item("https:///a"),
            &item("https://x.fr/a b"),
            "<item><title>T</title><dc:identifier>A-9</dc:identifier></item>",
            &item(" HTTPS://www.pass.fonction-publique.gouv.fr/offre/x?a=1&amp;b=2 "),
        ]);
        let records = read(&xml);
        assert_eq!(
            rejected(&records[0]),
            "test.rss:3: offre « A-9 » : lien « /offre/chimiste » : adresse absolue http(s) attendue"
        );
        for r in &records[1..4] {
            assert!(rejected(r).contains("adresse absolue http(s) attendue"));
        }
        assert_eq!(
            rejected(&records[4]),
            "test.rss:7: offre « A-9 » : <link> absent"
        );
        assert_eq!(
            valid(&records[5]).lien,
            "HTTPS://www.pass.fonction-publique.gouv.fr/offre/x?a=1&b=2"
        );
    }

    #[test]
    fn departements_are_checked_lightly() {
        let item = |code: &str| {
            format!(
                "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-{code}</dc:identifier><dc:description>{code}</dc:description></item>"
            )
        };
        let xml = feed(&[
            &item(" 2A "),
            &item("971"),
            &item("6"),
            &item("Val-de-Marne"),
            &item("9 4"),
        ]);
        let records = read(&xml);
        assert_eq!(valid(&records[0]).departement.as_deref(), Some("2A"));
        assert_eq!(valid(&records[1]).departement.as_deref(), Some("971"));
        assert_eq!(valid(&records[2]).departement.as_deref(), Some("6"));
        assert_eq!(
            rejected(&records[3]),
            "test.rss:6: offre « A-Val-de-Marne » : département « Val-de-Marne » invalide (<dc:description> : code de 1 à 3 lettres ou chiffres attendu, comme 94, 2A ou 971)"
        );
        assert!(rejected(&records[4]).contains("département « 9 4 » invalide"));
    }

    #[test]
    fn dates_levels_and_other_fields() {
        let item = |extra: &str| {
            format!(
                "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-1</dc:identifier>{extra}</item>"
            )
        };
        let xml = feed(&[
            &item(
                "<pubDate>Thu, 16 Jan 2025 17:29:33 +0100</pubDate><dc:date>2024-01-15</dc:date><dc:type>niveau 7 (Bac+5)</dc:type>",
            ),
            &item(
                "<pubDate>2025-01-16T17:29:33+01:00</pubDate><dc:date>2025-03-01T23:00:00-05:00</dc:date><dc:type>Niveau 2</dc:type>",
            ),
            &item("<pubDate>hier</pubDate>"),
            &item("<dc:date>2025-02-30T00:00:00+01:00</dc:date>"),
            &item(
                "<dc:type>Bac+2</dc:type><dc:format> 24\n mois </dc:format><dc:coverage>TOURS</dc:coverage><dc:source><time datetime=\"x\">y</time></dc:source><media:title xmlns:media=\"http://search.yahoo.com/mrss/\">autre</media:title>",
            ),
        ]);
        let records = read(&xml);
        let a = valid(&records[0]);
        assert_eq!(
            a.publie_le.map(|d| d.to_rfc3339()).as_deref(),
            Some("2025-01-16T17:29:33+01:00")
        );
        assert_eq!(a.date_debut, NaiveDate::from_ymd_opt(2024, 1, 15));
        assert_eq!(a.niveau_rncp, Some(7));
        let b = valid(&records[1]);
        assert!(b.publie_le.is_some());
        // The day as written, not moved to UTC.
        assert_eq!(b.date_debut, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(b.niveau_rncp, None);
        assert_eq!(
            rejected(&records[2]),
            "test.rss:5: offre « A-1 » : date de publication « hier » invalide (<pubDate> : RFC 2822 ou ISO 8601 attendue)"
        );
        assert!(
            rejected(&records[3]).contains("date de début « 2025-02-30T00:00:00+01:00 » invalide")
        );
        let e = valid(&records[4]);
        assert_eq!((e.niveau.as_deref(), e.niveau_rncp), (Some("Bac+2"), None));
        assert_eq!(e.duree.as_deref(), Some("24 mois"));
        assert_eq!(e.commune.as_deref(), Some("TOURS"));
        assert_eq!(e.titre, "T");
    }

    #[test]
    fn titles_as_elements_or_escaped_html() {
        let item = |title: &str| {
            format!(
                "<item><title>{title}</title><link>https://x.fr/</link><dc:identifier>A-1</dc:identifier></item>"
            )
        };
        let xml = feed(&[
            &item(
                "<a href=\"/offre/x\" hreflang=\"fr\">APPRENTISSAGE  - Agent de maintenance CRS de l&#039;Ariane </a>",
            ),
            &item("&lt;a href=\"/offre/x\"&gt;Apprentissage - R&amp;amp;D &amp;rsquo;&lt;/a&gt;"),
            &item("<![CDATA[<a href='/x'>alternance : Préparateur  &eacute;</a>]]>"),
            &item("<a>SGAMI SO / DEL - APPRENTISSAGE - Mécanicien</a>"),
            &item("<a>  APPRENTISSAGE - </a>"),
            &item("<a>Chimie &lt;fine&gt; R&amp;D</a>"),
        ]);
        let records = read(&xml);
        let a = valid(&records[0]);
        assert_eq!(
            (a.nature.as_deref(), a.titre.as_str()),
            (
                Some("APPRENTISSAGE"),
                "Agent de maintenance CRS de l'Ariane"
            )
        );
        let b = valid(&records[1]);
        assert_eq!(
            (b.nature.as_deref(), b.titre.as_str()),
            (Some("APPRENTISSAGE"), "R&D ’")
        );
        let c = valid(&records[2]);
        assert_eq!(
            (c.nature.as_deref(), c.titre.as_str()),
            (Some("ALTERNANCE"), "Préparateur é")
        );
        let d = valid(&records[3]);
        assert_eq!(
            (d.nature.as_deref(), d.titre.as_str()),
            (None, "SGAMI SO / DEL - APPRENTISSAGE - Mécanicien")
        );
        assert!(rejected(&records[4]).contains("titre absent ou vide"));
        // Text of child elements is text, not HTML.
        assert_eq!(valid(&records[5]).titre, "Chimie <fine> R&D");
    }

    #[test]
    fn html_entities_outside_cdata_are_read_or_reject_the_item() {
        let xml = feed(&[
            "<item><title>T&nbsp;&rsquo;x</title><link>https://x.fr/</link><dc:identifier>A-1</dc:identifier><author>Mairie d&rsquo;Orléans</author></item>",
            "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-2</dc:identifier><author>&inconnue;</author></item>",
            GOOD,
        ]);
        let records = read(&xml);
        let a = valid(&records[0]);
        assert_eq!(a.titre, "T ’x");
        assert_eq!(a.employeur.as_deref(), Some("Mairie d’Orléans"));
        assert_eq!(
            rejected(&records[1]),
            "test.rss:4: offre « A-2 » : entité inconnue « &inconnue; »"
        );
        valid(&records[2]);
    }

    #[test]
    fn broken_xml_stops_with_line_and_column() {
        let xml = feed(&[GOOD, "<item><title>T</link></item>", GOOD]);
        let records = read(&xml);
        assert_eq!(records.len(), 2);
        valid(&records[0]);
        let error = records[1].as_ref().unwrap_err();
        assert_eq!(error.line, Some(4), "{error}");
        assert!(error.column.is_some());
        assert!(error.to_string().starts_with("test.rss:4:"), "{error}");
        assert!(error.message.contains("XML mal formé"), "{error}");

        // A file cut between two items, then inside a tag.
        let whole = feed(&[GOOD, GOOD]);
        let cut = &whole[..whole.find("</item>").unwrap() + "</item>\n<it".len()];
        let records = read(&cut[..cut.len() - 3]);
        assert_eq!(records.len(), 2);
        valid(&records[0]);
        let error = records[1].as_ref().unwrap_err();
        assert!(
            error.message.contains("élément <channel> non fermé"),
            "{error}"
        );
        assert_eq!(error.line, Some(4), "{error}");
        let error = read(cut).pop().unwrap().unwrap_err();
        assert!(error.message.contains("XML mal formé"), "{error}");
        assert_eq!((error.line, error.column), (Some(4), Some(1)), "{error}");

        let error = read("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
            .pop()
            .unwrap()
            .unwrap_err();
        assert!(error.message.contains("<rss> attendu"), "{error}");
        let error = read("").pop().unwrap().unwrap_err();
        assert!(error.message.contains("aucun élément <rss>"), "{error}");
        let error = read("<rss></rss><rss/>").pop().unwrap().unwrap_err();
        assert!(error.message.contains("après la fin"), "{error}");
        let deep = format!("<rss>{}", "<a>".repeat(100));
        let error = read(&deep).pop().unwrap().unwrap_err();
        assert!(error.message.contains("imbriqués"), "{error}");
    }

    #[test]
    fn an_empty_channel_has_no_offers() {
        assert!(read(&feed(&[])).is_empty());
        assert!(
            read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n<!-- fin -->\n")
                .is_empty()
        );
        assert!(read("<rss/>").is_empty());
        // Items outside the channel are not offers of the feed.
        assert!(read("<rss><item><title>x</title></item><channel/></rss>").is_empty());
    }

    #[test]
    fn a_long_description_is_cut_on_a_character_boundary() {
        let long = format!("<p>{}</p>", "é".repeat(DESCRIPTION_MAX + 10));
        let xml = feed(&[&format!(
            "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-1</dc:identifier><description><![CDATA[{long}]]></description></item>"
        )]);
        let records = read(&xml);
        let offre = valid(&records[0]);
        assert_eq!(offre.description.chars().count(), DESCRIPTION_MAX);
        let huge = "x".repeat(FIELD_MAX_BYTES + 1);
        let xml = feed(&[
            &format!(
                "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-1</dc:identifier><author>{huge}</author></item>"
            ),
            &format!(
                "<item><title>T</title><link>https://x.fr/</link><dc:identifier>A-2</dc:identifier><description>{huge}</description></item>"
            ),
        ]);
        let records = read(&xml);
        assert!(rejected(&records[0]).contains("<author> trop long"));
        assert_eq!(valid(&records[1]).description.len(), DESCRIPTION_MAX);
    }

    #[test]
    fn html_becomes_plain_text() {
        let cases = [
            ("<p>Un&nbsp;:</p><p><br>&nbsp;</p><p>deux</p>", "Un :\ndeux"),
            ("a<br>b<br/>c<BR />d", "a\nb\nc\nd"),
            (
                "<ul><li>Analyser</li><li>- Rédiger</li><li></li></ul>fin",
                "- Analyser\n- Rédiger\nfin",
            ),
            (
                "<p><strong>Missions</strong>&nbsp;: <em>suivre</em></p>",
                "Missions : suivre",
            ),
            (
                "L&rsquo;agent &amp; l&#039;apprenti &#x2014; &laquo;&nbsp;x&nbsp;&raquo;",
                "L’agent & l'apprenti — « x »",
            ),
            (
                "R&D &unknown; &#xZZ; a < b > c",
                "R&D &unknown; &#xZZ; a < b > c",
            ),
            (
                "  espaces\n\t multiples  \n\n\n  ici  ",
                "espaces multiples ici",
            ),
            (
                "<h3>Profil</h3>\n<p>x</p><!-- <p>caché</p> --><script>alert(1)</script><style>p{}</style>y",
                "Profil\nx\ny",
            ),
            ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
            ("texte coupé <a href=", "texte coupé"),
            ("", ""),
        ];
        for (html, text) in cases {
            assert_eq!(texte_de_html(html), text, "{html}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(niveau_rncp("Niveau 3 – (CAP, BEP)"), Some(3));
        assert_eq!(niveau_rncp("Niveau 8"), Some(8));
        assert_eq!(niveau_rncp("Niveau 9"), None);
        assert_eq!(niveau_rncp("Niveau 10"), None);
        assert_eq!(niveau_rncp("Bac+2"), None);
        assert!(publication("2025-01-16T17:29:33+0100").is_some());
        assert!(publication("2025-01-16T17:29:33.250+0100").is_some());
        assert!(publication("2025-01-16T17:29:33Z").is_some());
        assert!(publication("2025-01-16").is_none());
        assert_eq!(
            date_debut("2025-09-15T00:00:00+02:00"),
            NaiveDate::from_ymd_opt(2025, 9, 15)
        );
        assert_eq!(date_debut("2025-09-15x"), None);
        assert_eq!(date_debut("15/09/2025"), None);
        assert_eq!(date_debut("é"), None);
        assert_eq!(tronque("abcé".to_owned(), 4), "abcé");
        assert_eq!(tronque("ab é".to_owned(), 3), "ab");
    }

    proptest! {
        #[test]
        fn any_bytes_give_offers_or_errors_without_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            wrapped in any::<bool>(),
        ) {
            let mut input = Vec::new();
            if wrapped {
                input.extend_from_slice(b"<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item>");
            }
            input.extend_from_slice(&bytes);
            if wrapped {
                input.extend_from_slice(b"</item></channel></rss>");
            }
            let mut count = 0;
            for record in OffresRss::from_reader("fuzz.rss", input.as_slice()) {
                count += 1;
                prop_assert!(count < 4096);
                let _ = record.map(|r| matches!(r, Record::Valid(..)));
            }
        }

        #[test]
        fn xml_like_strings_in_an_item_never_panic(
            inside in "(<[a-z:]{1,12}>|</[a-z:]{1,12}>|<[a-z]{1,4}/>|&[a-z#0-9x]{0,8};?|<!\\[CDATA\\[|\\]\\]>|[A-Za-z0-9 é’\\n<>&;/:-]{1,12}){0,40}",
        ) {
            let xml = format!(
                "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item>{inside}</item>\n{GOOD}</channel></rss>"
            );
            for record in OffresRss::from_reader("fuzz.rss", xml.as_bytes()) {
                if let Ok(Record::Valid(offre, line)) = record {
                    prop_assert!(!offre.identifiant.is_empty());
                    prop_assert!(lien_absolu(&offre.lien));
                    prop_assert!(line >= 1);
                }
            }
        }

        #[test]
        fn mutated_items_never_panic(cut in 0usize..2000, insert in "[<>&/a-zA-Z:;#x0-9 \\[\\]!é]{0,8}") {
            let base = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><title><a href=\"/o\">APPRENTISSAGE  - Chimiste d&#039;atelier</a></title><link>https://x.fr/o</link><description><![CDATA[<p>Missions&nbsp;:</p><ul><li>a</li></ul>]]></description><guid>g</guid><pubDate>2025-01-16T17:29:33+0100</pubDate><dc:description>37</dc:description><dc:type>Niveau 5 – (Bac+2)</dc:type><dc:date>2025-09-15T00:00:00+02:00</dc:date><dc:identifier>A-1</dc:identifier><dc:coverage>TOURS</dc:coverage></item></channel></rss>";
            let at = cut % base.len();
            let at = (0..=at).rev().find(|i| base.is_char_boundary(*i)).unwrap_or(0);
            let xml = format!("{}{insert}{}", &base[..at], &base[at..]);
            for record in OffresRss::from_reader("fuzz.rss", xml.as_bytes()) {
                let _ = record.map(|r| matches!(r, Record::Valid(..)));
            }
        }

        #[test]
        fn plain_text_of_any_html_has_no_blank_or_padded_line(html in "(<[/]?[a-zA-Z]{1,6}[ /]?>|&[a-z#0-9x]{0,8};?|[a-z \\n\\t\u{a0}<>&;!-]{1,6}|é){0,40}") {
            let text = texte_de_html(&html);
            for line in text.split('\n').filter(|_| !text.is_empty()) {
                prop_assert!(!line.is_empty(), "{:?}", text);
                prop_assert_eq!(line.trim(), line);
            }
            prop_assert!(tronque(text.clone(), 5).chars().count() <= 5);
        }
    }
}
