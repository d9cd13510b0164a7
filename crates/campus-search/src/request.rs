//! What a search asks and what it answers.

use campus_domain::GeoPoint;
use campus_domain::search::{DocumentKind, Modalite};
use serde::Serialize;

use crate::suggest::CommuneSuggestion;

/// Results per page unless asked otherwise, and the most a page may hold.
pub const PER_PAGE: usize = 20;
pub const MAX_PER_PAGE: usize = 100;

/// Radius of a search around a commune named in the text, unless the
/// request says otherwise: a commune and its surroundings within a
/// half-hour drive.
pub const DEFAULT_RADIUS_KM: f64 = 30.0;

/// A search: free text, facet filters (several values of one facet are
/// alternatives, facets combine), an optional circle around a place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchRequest {
    pub text: String,
    pub kinds: Vec<DocumentKind>,
    pub niveaux: Vec<u8>,
    pub modalites: Vec<Modalite>,
    pub departements: Vec<String>,
    pub secteur: Option<bool>,
    pub near: Option<Near>,
    /// Search the text as typed: no commune read from its end (the « search
    /// everywhere » of a search that read one).
    pub text_only: bool,
    /// Radius around a commune read from the text, in km
    /// ([`DEFAULT_RADIUS_KM`] when `None`).
    pub place_radius_km: Option<f64>,
    /// From 1.
    pub page: usize,
    pub per_page: usize,
}

/// Only what lies within `radius_km` of a point, nearest first.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    pub centre: GeoPoint,
    pub radius_km: f64,
}

/// One page of results with the facets of every match.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SearchResults {
    /// Matches of the whole search (every page).
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// The commune read from the end of the text, around which the search
    /// ran (within the request's radius, or the default one).
    pub place: Option<CommuneSuggestion>,
    /// The text searched: what was typed without that commune.
    pub searched_text: String,
    /// When nothing matched: the text with each unknown word replaced by
    /// the closest word the catalogue knows, if that changes it.
    pub did_you_mean: Option<String>,
    /// When nothing matched: the trades closest to the words typed.
    pub metiers_proches: Vec<Hit>,
    /// How many of the matches (the first ones) hold every word searched:
    /// when few do, those with most of the words follow them.
    pub with_every_word: usize,
}

impl SearchResults {
    /// Number of pages (at least 1, so that « page 1 of 1 » reads well).
    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// A result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    pub kind: DocumentKind,
    pub id: String,
    pub url: String,
    pub title: String,
    /// The title, HTML-escaped, matched words in `<mark>`.
    pub title_html: String,
    /// An extract around the matched words, HTML-escaped, matched words in
    /// `<mark>`; empty when the document has no text.
    pub snippet_html: String,
    pub niveau: Option<u8>,
    pub departement: Option<String>,
    pub secteur: bool,
    /// Kilometres from the searched place, for searches around one.
    pub distance_km: Option<f64>,
    pub score: f32,
}

/// Counts per facet value. Each facet counts the matches of every other
/// filter, so that its values stay choosable as alternatives.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Facets {
    pub kinds: Vec<(DocumentKind, usize)>,
    pub niveaux: Vec<(u8, usize)>,
    pub modalites: Vec<(Modalite, usize)>,
    pub departements: Vec<(String, usize)>,
    /// Matches in the campus's sector, and outside it.
    pub secteur: (usize, usize),
}
