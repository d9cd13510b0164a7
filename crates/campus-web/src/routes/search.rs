//! Search over the catalogue: the page `/recherche` (a GET form that works
//! without JavaScript: facets are checkboxes, pages are links) and the API
//! `GET /api/v1/recherche`, with the same parameters.
//!
//! Repeated parameters (`type=metier&type=certification`) are alternatives
//! of one facet, so the query string is read by hand rather than through a
//! struct that would keep only one value.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use campus_domain::search::{DocumentKind, Modalite};
use campus_domain::{Departement, GeoPoint};
use campus_search::{Facets, Hit, MAX_PER_PAGE, Near, PER_PAGE, SearchRequest, SearchResults};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::url_encode;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::templates::{FacetGroup, FacetOption, HitView, SearchPage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/recherche", Access::Public, page),
        RouteDef::get("/api/v1/recherche", Access::Public, api),
        // The address and body this API had before the glossary named them.
        RouteDef::get("/api/v1/search", Access::Public, api_search),
    ]
}

/// Longest query text accepted.
const MAX_QUERY_CHARS: usize = 200;
/// Radius around a commune when none is given, and the accepted range.
const DEFAULT_RADIUS_KM: u32 = 30;
const MAX_RADIUS_KM: u32 = 200;
/// Radii offered by the page's selector.
pub(crate) const RADII: [u32; 6] = [5, 10, 20, 30, 50, 100];
/// Départements shown in the facet before « more » would be needed: the
/// most frequent, plus any chosen.
const SHOWN_DEPARTEMENTS: usize = 12;

/// The search parameters as typed (kept to fill the form again), also the
/// API's documentation of them.
#[derive(Clone, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Typed {
    /// Free text: trade, job title, certification, organisation, code.
    #[param(required = false)]
    q: String,
    /// Kind of result, repeatable: `metier`, `certification`, `organisation`.
    #[param(rename = "type", required = false)]
    kinds: Vec<String>,
    /// European qualification level (3 to 8), repeatable.
    #[param(rename = "niveau", required = false, value_type = Vec<u8>)]
    niveaux: Vec<String>,
    /// Delivery of trainings, repeatable: `presentiel`, `distance`, `mixte`, `alternance`.
    #[param(rename = "modalite", required = false)]
    modalites: Vec<String>,
    /// Département code (`45`, `2A`, `971`), repeatable.
    #[param(rename = "departement", required = false)]
    departements: Vec<String>,
    /// `oui`: only the campus's sector; `non`: only outside it.
    #[param(required = false)]
    secteur: String,
    /// Commune name or postal code: only what lies around it, nearest first.
    #[param(required = false)]
    commune: String,
    /// Radius around the commune in km (1 to 200, 30 by default).
    #[param(required = false, value_type = u32)]
    rayon: String,
    /// `oui`: search the text as typed, without reading a commune at its
    /// end (« bts chimie orléans » otherwise searches « bts chimie » around
    /// Orléans).
    #[param(required = false)]
    partout: String,
    /// Page number, from 1.
    #[param(required = false, value_type = u32)]
    page: String,
    /// Results per page (20 by default, at most 100).
    #[param(rename = "par_page", required = false, value_type = u32)]
    per_page: String,
}

impl Typed {
    fn parse(raw: Option<&str>) -> Typed {
        let mut typed = Typed::default();
        for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            let value = value.trim().to_owned();
            match name.as_ref() {
                "q" => typed.q = value,
                "type" if !value.is_empty() => typed.kinds.push(value),
                "niveau" if !value.is_empty() => typed.niveaux.push(value),
                "modalite" if !value.is_empty() => typed.modalites.push(value),
                "departement" if !value.is_empty() => typed.departements.push(value),
                "secteur" => typed.secteur = value,
                "commune" => typed.commune = value,
                "rayon" => typed.rayon = value,
                "partout" => typed.partout = value,
                "page" => typed.page = value,
                "par_page" => typed.per_page = value,
                _ => {}
            }
        }
        typed
    }

    /// The query string of this search at another page.
    fn href(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("q", &self.q)];
        pairs.extend(self.kinds.iter().map(|v| ("type", v.as_str())));
        pairs.extend(self.niveaux.iter().map(|v| ("niveau", v.as_str())));
        pairs.extend(self.modalites.iter().map(|v| ("modalite", v.as_str())));
        pairs.extend(
            self.departements
                .iter()
                .map(|v| ("departement", v.as_str())),
        );
        if !self.secteur.is_empty() {
            pairs.push(("secteur", &self.secteur));
        }
        if !self.rayon.is_empty() {
            pairs.push(("rayon", &self.rayon));
        }
        if !self.commune.is_empty() {
            pairs.push(("commune", &self.commune));
        }
        if !self.partout.is_empty() {
            pairs.push(("partout", &self.partout));
        }
        let mut href = String::from("/recherche?");
        for (name, value) in pairs {
            href.push_str(name);
            href.push('=');
            href.push_str(&url_encode(value));
            href.push('&');
        }
        href.push_str(&format!("page={page}"));
        href
    }
}

/// A parameter that cannot be used: message key and the value at fault.
struct Rejected {
    key: &'static str,
    value: String,
}

/// The commune a search is centred on.
struct Place {
    code_insee: String,
    nom: String,
    near: Near,
}

/// Reads the parameters into a request, or says which one is wrong.
fn criteria(
    state: &AppState,
    typed: &Typed,
) -> Result<(SearchRequest, Option<Place>), Vec<Rejected>> {
    let mut rejected = Vec::new();
    let mut reject = |key, value: &str| {
        rejected.push(Rejected {
            key,
            value: value.chars().take(60).collect(),
        })
    };
    if typed.q.chars().count() > MAX_QUERY_CHARS {
        reject("search-query-long", "");
    }
    let mut request = SearchRequest {
        text: typed.q.clone(),
        ..Default::default()
    };
    for kind in &typed.kinds {
        match DocumentKind::parse(kind) {
            Some(k) if !request.kinds.contains(&k) => request.kinds.push(k),
            Some(_) => {}
            None => reject("search-type-invalid", kind),
        }
    }
    for niveau in &typed.niveaux {
        match niveau.parse::<u8>() {
            Ok(n) if (3..=8).contains(&n) => request.niveaux.push(n),
            _ => reject("search-niveau-invalid", niveau),
        }
    }
    for modalite in &typed.modalites {
        match Modalite::parse(modalite) {
            Some(m) => request.modalites.push(m),
            None => reject("search-modalite-invalid", modalite),
        }
    }
    for departement in &typed.departements {
        match Departement::parse(departement) {
            Ok(d) => request.departements.push(d.as_str().to_owned()),
            Err(_) => reject("search-departement-invalid", departement),
        }
    }
    request.secteur = match typed.secteur.as_str() {
        "" => None,
        "oui" => Some(true),
        "non" => Some(false),
        other => {
            reject("search-secteur-invalid", other);
            None
        }
    };
    let radius = match typed.rayon.as_str() {
        "" => DEFAULT_RADIUS_KM,
        r => match r.parse::<u32>() {
            Ok(km) if (1..=MAX_RADIUS_KM).contains(&km) => km,
            _ => {
                reject("search-rayon-invalid", r);
                DEFAULT_RADIUS_KM
            }
        },
    };
    request.page = match typed.page.as_str() {
        "" => 1,
        p => match p.parse::<usize>() {
            Ok(n) if (1..=10_000).contains(&n) => n,
            _ => {
                reject("search-page-invalid", p);
                1
            }
        },
    };
    request.per_page = match typed.per_page.as_str() {
        "" => PER_PAGE,
        p => match p.parse::<usize>() {
            Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => n,
            _ => {
                reject("search-par-page-invalid", p);
                PER_PAGE
            }
        },
    };
    request.text_only = match typed.partout.as_str() {
        "" | "non" => false,
        "oui" => true,
        other => {
            reject("search-partout-invalid", other);
            false
        }
    };
    if !typed.rayon.is_empty() {
        request.place_radius_km = Some(f64::from(radius));
    }
    let mut place = None;
    if !typed.commune.is_empty() {
        match locate(state, &typed.commune) {
            Some((code_insee, nom, centre)) => {
                let near = Near {
                    centre,
                    radius_km: f64::from(radius),
                };
                request.near = Some(near);
                place = Some(Place {
                    code_insee,
                    nom,
                    near,
                });
            }
            None => reject("search-commune-unknown", &typed.commune),
        }
    }
    if rejected.is_empty() {
        Ok((request, place))
    } else {
        Err(rejected)
    }
}

/// A commune with coordinates, from its name, its postal code or its
/// INSEE code, found in this node's autocomplete tables: the commune of
/// that exact name or postal code first, else the commune of that INSEE
/// code (postal codes are typed far more often, and the two overlap),
/// else the best suggestion for what was typed (the most populated
/// first).
pub(crate) fn locate(state: &AppState, typed: &str) -> Option<(String, String, GeoPoint)> {
    let tables = state.search.suggestions();
    let candidates = tables.communes(typed, 20);
    let wanted = campus_domain::slugify(typed);
    let with_place = |c: &&&campus_search::CommuneSuggestion| {
        GeoPoint::from_columns(c.latitude, c.longitude).is_some()
    };
    let exact = candidates.iter().filter(with_place).find(|c| {
        campus_domain::slugify(&c.nom) == wanted
            || c.codes_postaux.iter().any(|p| *p == typed.trim())
    });
    let chosen = exact
        .copied()
        .or_else(|| tables.commune_by_insee(typed))
        .or_else(|| candidates.iter().find(with_place).copied());
    chosen.and_then(|c| {
        let point = GeoPoint::from_columns(c.latitude, c.longitude)?;
        Some((c.code_insee.clone(), c.nom.clone(), point))
    })
}

/// Applies an organisation's edit to this node's index at once. The write
/// itself succeeded: a failure here is logged, and the periodic check of
/// the catalogue generation rebuilds the index anyway.
pub(crate) async fn organisation_changed(state: &AppState, id: i32) {
    if let Err(e) = state.search.organisation_changed(&state.store, id).await {
        tracing::warn!(erreur = %e, organisation = id, "index de recherche non mis à jour");
    }
}

/// Applies an offer's change to this node's index at once (see
/// [`organisation_changed`]).
pub(crate) async fn offre_changed(state: &AppState, id: i32) {
    if let Err(e) = state.search.offre_changed(&state.store, id).await {
        tracing::warn!(erreur = %e, offre = id, "index de recherche non mis à jour");
    }
}

/// Applies an expert profile's change to this node's search index at once.
pub(crate) async fn expert_changed(state: &AppState, id: i32) {
    if let Err(e) = state.search.expert_changed(&state.store, id).await {
        tracing::warn!(erreur = %e, expert = id, "index de recherche non mis à jour");
    }
}

/// Applies a project's change to this node's search index at once (the
/// other nodes catch up through the catalogue's generation).
pub(crate) async fn projet_changed(state: &AppState, id: i32) {
    if let Err(e) = state.search.projet_changed(&state.store, id).await {
        tracing::warn!(erreur = %e, projet = id, "index de recherche non mis à jour");
    }
}

/// Applies a resource's change to this node's search index at once.
pub(crate) async fn ressource_changed(state: &AppState, id: i32) {
    if let Err(e) = state.search.ressource_changed(&state.store, id).await {
        tracing::warn!(erreur = %e, ressource = id, "index de recherche non mis à jour");
    }
}

fn kind_label_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Metier => "search-kind-metier",
        DocumentKind::Certification => "search-kind-certification",
        DocumentKind::Formation => "search-kind-formation",
        DocumentKind::Organisation => "search-kind-organisation",
        DocumentKind::Offre => "search-kind-offre",
        DocumentKind::Projet => "search-kind-projet",
        DocumentKind::Expert => "search-kind-expert",
        DocumentKind::Ressource => "search-kind-ressource",
    }
}

fn modalite_label_key(modalite: Modalite) -> &'static str {
    match modalite {
        Modalite::Initiale => "modalite-initiale",
        Modalite::Apprentissage => "modalite-apprentissage",
        Modalite::Continue => "modalite-continue",
        Modalite::Vae => "modalite-vae",
    }
}

fn departement_label(code: &str) -> String {
    match Departement::parse(code) {
        Ok(d) => format!("{} ({code})", d.nom()),
        Err(_) => code.to_owned(),
    }
}

fn facet_groups(tr: &Tr, facets: &Facets, typed: &Typed) -> Vec<FacetGroup> {
    let option =
        |name: &str, value: String, label: String, count: usize, chosen: &[String]| FacetOption {
            id: format!("f-{name}-{value}"),
            checked: chosen.contains(&value),
            value,
            label,
            count,
        };
    let mut groups = Vec::new();
    groups.push(FacetGroup {
        name: "type",
        legend: tr.t("search-facet-type"),
        radio: false,
        options: facets
            .kinds
            .iter()
            .map(|(k, n)| {
                option(
                    "type",
                    k.as_str().to_owned(),
                    tr.t(kind_label_key(*k)),
                    *n,
                    &typed.kinds,
                )
            })
            .collect(),
    });
    groups.push(FacetGroup {
        name: "niveau",
        legend: tr.t("search-facet-niveau"),
        radio: false,
        options: facets
            .niveaux
            .iter()
            .map(|(level, n)| {
                option(
                    "niveau",
                    level.to_string(),
                    tr.tn("search-niveau", "niveau", u64::from(*level)),
                    *n,
                    &typed.niveaux,
                )
            })
            .collect(),
    });
    groups.push(FacetGroup {
        name: "modalite",
        legend: tr.t("search-facet-modalite"),
        radio: false,
        options: facets
            .modalites
            .iter()
            .map(|(m, n)| {
                option(
                    "modalite",
                    m.as_str().to_owned(),
                    tr.t(modalite_label_key(*m)),
                    *n,
                    &typed.modalites,
                )
            })
            .collect(),
    });
    let mut departements: Vec<FacetOption> = Vec::new();
    for (i, (code, n)) in facets.departements.iter().enumerate() {
        if i < SHOWN_DEPARTEMENTS || typed.departements.contains(code) {
            departements.push(option(
                "departement",
                code.clone(),
                departement_label(code),
                *n,
                &typed.departements,
            ));
        }
    }
    groups.push(FacetGroup {
        name: "departement",
        legend: tr.t("search-facet-departement"),
        radio: false,
        options: departements,
    });
    let secteur = vec![typed.secteur.clone()];
    let (inside, outside) = facets.secteur;
    groups.push(FacetGroup {
        name: "secteur",
        legend: tr.t("search-facet-secteur"),
        radio: true,
        options: vec![
            FacetOption {
                id: "f-secteur-tous".to_owned(),
                value: String::new(),
                label: tr.t("search-secteur-tous"),
                count: inside + outside,
                checked: typed.secteur.is_empty(),
            },
            option(
                "secteur",
                "oui".to_owned(),
                tr.t("search-secteur-oui"),
                inside,
                &secteur,
            ),
            option(
                "secteur",
                "non".to_owned(),
                tr.t("search-secteur-non"),
                outside,
                &secteur,
            ),
        ],
    });
    groups.retain(|g| !g.options.is_empty());
    groups
}

fn hit_view(tr: &Tr, hit: &Hit) -> HitView {
    let mut meta = vec![tr.t(kind_label_key(hit.kind))];
    if let Some(level) = hit.niveau {
        meta.push(tr.tn("search-niveau", "niveau", u64::from(level)));
    }
    if let Some(code) = &hit.departement {
        meta.push(departement_label(code));
    }
    if hit.secteur {
        meta.push(tr.t("search-secteur-oui"));
    }
    if let Some(km) = hit.distance_km {
        meta.push(tr.ts("search-distance", "km", &format!("{km:.1}")));
    }
    HitView {
        url: hit.url.clone(),
        title_html: hit.title_html.clone(),
        snippet_html: hit.snippet_html.clone(),
        meta: meta.join(" · "),
    }
}

async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let typed = Typed::parse(raw.as_deref());
    let asked = raw.is_some_and(|r| !r.is_empty());
    let (results, place, errors, status) = match criteria(&state, &typed) {
        Ok((request, place)) => (
            Some(state.search.search(request).await?),
            place,
            vec![],
            StatusCode::OK,
        ),
        Err(rejected) => (
            None,
            None,
            rejected
                .iter()
                .map(|r| tr.ts(r.key, "valeur", &r.value))
                .collect(),
            StatusCode::BAD_REQUEST,
        ),
    };
    let results = results.unwrap_or_default();
    let pages = results.pages();
    // A commune read from the end of the text is shown like one typed in
    // its field, with the way to search the whole text everywhere.
    let read_place = results.place.as_ref().map(|c| c.nom.clone());
    let everywhere_href = read_place.is_some().then(|| {
        let mut everywhere = typed.clone();
        everywhere.partout = "oui".to_owned();
        everywhere.href(1)
    });
    let did_you_mean = results.did_you_mean.clone().map(|text| {
        let mut corrected = typed.clone();
        corrected.q.clone_from(&text);
        (text, corrected.href(1))
    });
    let radius = typed
        .rayon
        .parse()
        .ok()
        .filter(|r| RADII.contains(r))
        .unwrap_or(DEFAULT_RADIUS_KM);
    let read_notice = read_place.as_ref().map(|nom| {
        tr.tv(
            "search-place-read",
            &[
                ("texte", &results.searched_text),
                ("commune", nom),
                ("km", &radius.to_string()),
            ],
        )
    });
    let page = SearchPage {
        asked,
        q: typed.q.clone(),
        commune: typed.commune.clone(),
        place: place.map(|p| p.nom).or(read_place),
        read_notice,
        everywhere_href,
        did_you_mean,
        metiers_proches: results
            .metiers_proches
            .iter()
            .map(|h| hit_view(&tr, h))
            .collect(),
        // On a later page than the one where they begin, they begin at its
        // top.
        partial_from: (results.with_every_word < results.total)
            .then(|| {
                results
                    .with_every_word
                    .saturating_sub((results.page.max(1) - 1) * results.per_page)
            })
            .filter(|i| *i < results.hits.len()),
        radius,
        radii: RADII.to_vec(),
        errors,
        total: results.total as u64,
        groups: facet_groups(&tr, &results.facets, &typed),
        hits: results.hits.iter().map(|h| hit_view(&tr, h)).collect(),
        page_label: tr.tv(
            "search-page-of",
            &[
                ("page", &results.page.max(1).to_string()),
                ("pages", &pages.to_string()),
            ],
        ),
        pages: pages as u64,
        prev_href: (results.page > 1).then(|| typed.href(results.page - 1)),
        next_href: (results.page < pages).then(|| typed.href(results.page + 1)),
        chrome,
    };
    Ok((status, render(&page)?).into_response())
}

/// A facet value and how many results have it.
#[derive(Serialize, ToSchema)]
pub(crate) struct FacetCountDto {
    value: String,
    count: u64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct SearchFacetsDto {
    /// By kind (`metier`, `certification`, `organisation`).
    types: Vec<FacetCountDto>,
    /// By European level (3 to 8).
    niveaux: Vec<FacetCountDto>,
    /// By delivery of trainings.
    modalites: Vec<FacetCountDto>,
    /// By département, most frequent first.
    departements: Vec<FacetCountDto>,
    /// `oui` (the campus's sector) and `non`.
    secteur: Vec<FacetCountDto>,
}

/// A result.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchHitDto {
    /// `metier`, `certification`, `formation`, `organisation` or `offre`.
    kind: String,
    /// ROME code, register code (RNCP…, RS…), training id, organisation
    /// slug or offer number.
    id: String,
    /// The page of the result on this site.
    url: String,
    title: String,
    /// The title, HTML-escaped, matched words in `<mark>`.
    title_html: String,
    /// An extract around the matched words, HTML-escaped, matched words in `<mark>`.
    snippet_html: String,
    niveau: Option<u8>,
    departement: Option<String>,
    /// Whether it belongs to the campus's sector.
    secteur: bool,
    /// Kilometres from the commune searched around.
    distance_km: Option<f64>,
}

/// The commune a search is centred on.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchPlaceDto {
    code_insee: String,
    nom: String,
    latitude: f64,
    longitude: f64,
    rayon_km: f64,
}

/// One page of results with the facet counts of the whole search.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchResponse {
    total: u64,
    page: u64,
    per_page: u64,
    pages: u64,
    lieu: Option<SearchPlaceDto>,
    /// Whether `lieu` was read from the end of `q` (« bts chimie orléans »)
    /// rather than given as `commune`; `partout=oui` turns that off.
    lieu_lu_dans_q: bool,
    /// The text searched: `q` without the commune read from it.
    texte_cherche: String,
    /// When nothing matched: `q` with its unknown words replaced by the
    /// closest words of the catalogue.
    vouliez_vous_dire: Option<String>,
    /// When nothing matched: the trades closest to the words of `q`.
    metiers_proches: Vec<SearchHitDto>,
    /// How many of `total` (the first ones) hold every word of
    /// `texte_cherche`; when few do, those with most of its words follow.
    tous_les_mots: u64,
    items: Vec<SearchHitDto>,
    facets: SearchFacetsDto,
}

fn counts<T>(values: &[(T, usize)], code: impl Fn(&T) -> String) -> Vec<FacetCountDto> {
    values
        .iter()
        .map(|(v, n)| FacetCountDto {
            value: code(v),
            count: *n as u64,
        })
        .collect()
}

fn hit_dto(h: Hit) -> SearchHitDto {
    SearchHitDto {
        kind: h.kind.as_str().to_owned(),
        id: h.id,
        url: h.url,
        title: h.title,
        title_html: h.title_html,
        snippet_html: h.snippet_html,
        niveau: h.niveau,
        departement: h.departement,
        secteur: h.secteur,
        distance_km: h.distance_km,
    }
}

fn response(results: SearchResults, place: Option<Place>, radius_km: f64) -> SearchResponse {
    let f = &results.facets;
    let read = results.place.as_ref().and_then(|c| {
        Some(SearchPlaceDto {
            code_insee: c.code_insee.clone(),
            nom: c.nom.clone(),
            latitude: c.latitude?,
            longitude: c.longitude?,
            rayon_km: radius_km,
        })
    });
    SearchResponse {
        total: results.total as u64,
        page: results.page as u64,
        per_page: results.per_page as u64,
        pages: results.pages() as u64,
        lieu_lu_dans_q: read.is_some(),
        lieu: place
            .map(|p| SearchPlaceDto {
                code_insee: p.code_insee,
                nom: p.nom,
                latitude: p.near.centre.lat(),
                longitude: p.near.centre.lon(),
                rayon_km: p.near.radius_km,
            })
            .or(read),
        texte_cherche: results.searched_text,
        vouliez_vous_dire: results.did_you_mean,
        metiers_proches: results.metiers_proches.into_iter().map(hit_dto).collect(),
        tous_les_mots: results.with_every_word as u64,
        facets: SearchFacetsDto {
            types: counts(&f.kinds, |k| k.as_str().to_owned()),
            niveaux: counts(&f.niveaux, u8::to_string),
            modalites: counts(&f.modalites, |m| m.as_str().to_owned()),
            departements: counts(&f.departements, String::clone),
            secteur: vec![
                FacetCountDto {
                    value: "oui".to_owned(),
                    count: f.secteur.0 as u64,
                },
                FacetCountDto {
                    value: "non".to_owned(),
                    count: f.secteur.1 as u64,
                },
            ],
        },
        items: results.hits.into_iter().map(hit_dto).collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/recherche", tag = "catalogue", params(Typed),
    responses((status = 200, body = SearchResponse), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api(
    State(state): State<AppState>,
    chrome: Chrome,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<SearchResponse>> {
    let typed = Typed::parse(raw.as_deref());
    match criteria(&state, &typed) {
        Ok((request, place)) => {
            let radius_km = request
                .place_radius_km
                .unwrap_or(campus_search::DEFAULT_RADIUS_KM);
            let results = state.search.search(request).await?;
            Ok(Json(response(results, place, radius_km)))
        }
        Err(rejected) => {
            let tr = chrome.tr();
            let detail = rejected
                .iter()
                .map(|r| tr.ts(r.key, "valeur", &r.value))
                .collect::<Vec<_>>()
                .join(" ");
            Err(AppError::BadRequest {
                key: rejected.first().map_or("search-invalid", |r| r.key),
                detail: Some(detail),
            })
        }
    }
}

/// `GET /api/v1/search`, the address of [`api`] before the glossary: the same
/// answer, with the hits also under their former name `results` so that
/// existing clients keep working.
#[utoipa::path(get, path = "/api/v1/search", tag = "catalogue", params(Typed), description = "Ancienne adresse de `/api/v1/recherche`, gardée pour les clients existants.",
    responses((status = 200, body = SearchResponse, description = "La réponse de `/api/v1/recherche`, les résultats aussi sous `results`."), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_search(
    state: State<AppState>,
    chrome: Chrome,
    raw: RawQuery,
) -> AppResult<Json<serde_json::Value>> {
    let Json(body) = api(state, chrome, raw).await?;
    let mut value =
        serde_json::to_value(body).map_err(|e| AppError::internal("réponse de recherche", e))?;
    if let Some(object) = value.as_object_mut()
        && let Some(items) = object.get("items").cloned()
    {
        object.insert("results".to_owned(), items);
    }
    Ok(Json(value))
}
