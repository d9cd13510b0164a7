//! The official outcomes of the campus's sector trainings in its région
//! (InserJeunes: employment and further study; Orion: attractiveness and
//! enrolment), each beside every training of the same level in the
//! région and the same training in the country: one page for the campus
//! team (`/admin/evaluation/devenirs`), the same public
//! (`/chiffres/devenirs`), and the JSON at `/api/v1/devenirs`.
//!
//! Sector trainings are those whose diploma has an NSF speciality of the
//! configured sector ([`campus_domain::Sector::matches_nsf`]), the rule of
//! the catalogue. The figures are the source's published counts; the
//! domain turns a rate over fewer than twenty into « nd », and what
//! leaves the campus team (public page, API) hides an enrolment of one to
//! four pupils too, with the shares computed from it.

use std::collections::HashMap;

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::evaluation::attractivite::{Attractivite, ComparaisonOrion, comparer_orion};
use campus_domain::evaluation::devenir::{ClasseEffectif, Comparaison, Ecart, comparer};
use campus_domain::evaluation::inserjeunes::{Millesime, Voie};
use campus_domain::evaluation::secret::{SEUIL_EFFECTIF, Taux};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::templates::render;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/evaluation/devenirs", Access::Staff, admin),
        RouteDef::get("/chiffres/devenirs", Access::Public, public),
        RouteDef::get("/api/v1/devenirs", Access::Public, api),
    ]
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct DevenirsQuery {
    /// The cohort, `2021-2022` or `2021_2022`; the newest when empty.
    millesime: String,
    /// `scolaire` or `apprentissage`; both when empty.
    voie: String,
}

/// What the pages and the API show, read for one cohort and route.
struct Donnees {
    millesimes: Vec<Millesime>,
    millesime: Option<Millesime>,
    voie: Option<Voie>,
    devenirs: Vec<Comparaison>,
    orion: Vec<ComparaisonOrion>,
    libelles: HashMap<String, String>,
}

fn bad(detail: String) -> AppError {
    AppError::BadRequest {
        key: "devenirs-parametre-invalide",
        detail: Some(detail),
    }
}

async fn charger(state: &AppState, q: &DevenirsQuery) -> AppResult<Donnees> {
    let voie = match q.voie.trim() {
        "" => None,
        v => Some(Voie::parse(v).map_err(|_| bad(format!("voie inconnue « {v} »")))?),
    };
    let millesimes = state.store.millesimes_devenir().await?;
    let millesime = match q.millesime.trim() {
        "" => millesimes.first().copied(),
        m => Some(Millesime::parse(m).map_err(|e| bad(e.to_string()))?),
    };
    let sector = state
        .config
        .sector
        .sector()
        .map_err(|e| AppError::internal("secteur du campus", e))?;
    let region = state.config.sector.region.as_str();
    let du_secteur = |nsf: Option<&str>| nsf.is_some_and(|n| sector.matches_nsf(n));
    let devenirs = match millesime {
        Some(m) => {
            let lignes = state.store.lignes_devenir_de(Some(m)).await?;
            comparer(&lignes, region, |l| du_secteur(l.nsf.as_deref()))
                .into_iter()
                .filter(|c| voie.is_none_or(|v| v == c.voie))
                .collect()
        }
        None => Vec::new(),
    };
    let lignes = state.store.lignes_attractivite().await?;
    let orion: Vec<ComparaisonOrion> =
        comparer_orion(&lignes, region, |l| du_secteur(l.nsf.as_deref()))
            .into_iter()
            .filter(|c| voie.is_none_or(|v| v.as_str() == c.statut.as_str()))
            .collect();
    let libelles = state
        .store
        .libelles_diplomes(
            devenirs
                .iter()
                .map(|c| c.cfd.as_str())
                .chain(orion.iter().map(|c| c.cfd.as_str())),
        )
        .await?;
    Ok(Donnees {
        millesimes,
        millesime,
        voie,
        devenirs,
        orion,
        libelles,
    })
}

/// A decimal number the French way: `86,7`.
fn decimal(x: f64, decimales: usize) -> String {
    format!("{x:.decimales$}").replace('.', ",")
}

/// A signed difference: `+18,6`, `−3,2` (a true minus sign).
fn signe(x: f64, decimales: usize) -> String {
    let texte = decimal(x.abs(), decimales);
    if texte.trim_start_matches(['0', ',']).is_empty() {
        texte
    } else if x < 0.0 {
        format!("\u{2212}{texte}")
    } else {
        format!("+{texte}")
    }
}

fn pourcentage(t: Taux) -> Option<f64> {
    match t {
        Taux::Pourcentage(p) => Some(p),
        Taux::NonDiffusable => None,
    }
}

/// Whether a count may leave the campus team: one to four pupils name
/// them; zero names nobody.
fn diffusable(n: u64) -> bool {
    n == 0 || n >= SEUIL_EFFECTIF
}

/// One cell of a table: its text, or « nd » (not published).
struct Cellule {
    texte: Option<String>,
}

impl Cellule {
    fn de(texte: Option<String>) -> Cellule {
        Cellule { texte }
    }

    fn nd(&self) -> bool {
        self.texte.is_none()
    }

    fn texte(&self) -> &str {
        self.texte.as_deref().unwrap_or_default()
    }
}

/// A rate with its references and gaps, as cells: training, région,
/// gap, country, gap.
fn cellules_taux(e: &Ecart) -> [Cellule; 5] {
    let t = |t: Taux| Cellule::de(pourcentage(t).map(|p| format!("{}\u{a0}%", decimal(p, 1))));
    let g = |p: Option<f64>| Cellule::de(p.map(|p| format!("{}\u{a0}pts", signe(p, 1))));
    [
        t(e.formation),
        t(e.region_niveau),
        g(e.points_region()),
        t(e.national),
        g(e.points_national()),
    ]
}

/// Wishes per place (the rate divided by a hundred) with its references.
fn cellules_pression(e: &Ecart) -> [Cellule; 5] {
    let t = |t: Taux| Cellule::de(pourcentage(t).map(|p| decimal(p / 100.0, 2)));
    let g = |p: Option<f64>| Cellule::de(p.map(|p| signe(p / 100.0, 2)));
    [
        t(e.formation),
        t(e.region_niveau),
        g(e.points_region()),
        t(e.national),
        g(e.points_national()),
    ]
}

fn classe(tr: &Tr, c: ClasseEffectif) -> String {
    tr.t(c.message_key())
}

fn niveau(tr: &Tr, n: Option<u8>) -> String {
    match n {
        Some(n) => tr.ts("devenirs-niveau-n", "niveau", &n.to_string()),
        None => tr.t("devenirs-niveau-inconnu"),
    }
}

/// One sector training's outcomes, as a row of the page.
struct LigneDevenirVue {
    formation: String,
    niveau: String,
    classe: String,
    /// Employment at 6, 12 and 24 months, then further study.
    mesures: Vec<[Cellule; 5]>,
}

/// One route's table.
struct TableVoie {
    voie: Voie,
    lignes: Vec<LigneDevenirVue>,
}

struct LigneAttractiviteVue {
    formation: String,
    niveau: String,
    voie: String,
    source: String,
    places: String,
    cellules: [Cellule; 5],
}

struct LigneInscritsVue {
    formation: String,
    niveau: String,
    voie: String,
    cellules: [Cellule; 5],
}

#[derive(Template)]
#[template(path = "devenirs/page.html")]
struct DevenirsPage {
    chrome: Chrome,
    action: &'static str,
    publique: bool,
    region: String,
    millesimes: Vec<(String, bool)>,
    voie: String,
    millesime: String,
    tables: Vec<TableVoie>,
    /// Headings of the measures of a route's table, in column order.
    mesures: [&'static str; 4],
    attractivite: Vec<LigneAttractiviteVue>,
    inscrits: Vec<LigneInscritsVue>,
    annee_constat: String,
}

/// Months of employment the page shows, as indexes of
/// [`Comparaison::emploi`] (6, 12 and 24 months; 18 is in the API).
const MOIS_PAGE: [usize; 3] = [0, 1, 3];

fn libelle(d: &Donnees, cfd: &str) -> String {
    d.libelles
        .get(cfd)
        .map_or_else(|| cfd.to_owned(), |l| format!("{l} ({cfd})"))
}

/// Enrolment cells: the training, the level in the région, the share,
/// the country, the région's share; small counts hidden when public.
fn cellules_inscrits(c: &ComparaisonOrion, publique: bool) -> Option<[Cellule; 5]> {
    let i = c.inscrits?;
    let montre = |n: Option<u64>| n.filter(|&n| !publique || diffusable(n));
    let nombre = |n: Option<u64>| Cellule::de(montre(n).map(|n| n.to_string()));
    let cache = montre(i.formation).is_none();
    let part = |t: Taux| {
        Cellule::de(
            pourcentage(t)
                .filter(|_| !cache)
                .map(|p| format!("{}\u{a0}%", decimal(p, 1))),
        )
    };
    Some([
        nombre(i.formation),
        nombre(i.region_niveau),
        part(i.part_region_niveau()),
        nombre(i.national),
        part(i.part_nationale()),
    ])
}

fn page(
    chrome: Chrome,
    d: &Donnees,
    region: &str,
    action: &'static str,
    publique: bool,
) -> DevenirsPage {
    let tr = chrome.tr();
    let tables = Voie::all()
        .filter(|v| d.voie.is_none_or(|choisie| choisie == *v))
        .map(|voie| TableVoie {
            voie,
            lignes: d
                .devenirs
                .iter()
                .filter(|c| c.voie == voie)
                .map(|c| LigneDevenirVue {
                    formation: libelle(d, &c.cfd),
                    niveau: niveau(&tr, c.niveau),
                    classe: classe(&tr, c.classe),
                    mesures: MOIS_PAGE
                        .iter()
                        .map(|&m| cellules_taux(&c.emploi[m]))
                        .chain([cellules_taux(&c.poursuite)])
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let mut attractivite = Vec::new();
    let mut inscrits = Vec::new();
    let mut annee_constat = String::new();
    for c in &d.orion {
        let sources: [(&str, Option<Attractivite>); 2] = [
            ("devenirs-source-affelnet", c.affelnet),
            ("devenirs-source-parcoursup", c.parcoursup),
        ];
        for (cle, a) in sources {
            if let Some(a) = a {
                attractivite.push(LigneAttractiviteVue {
                    formation: libelle(d, &c.cfd),
                    niveau: niveau(&tr, c.niveau),
                    voie: tr.t(c.statut.label_key()),
                    source: tr.ts(cle, "annee", &a.annee.to_string()),
                    places: classe(&tr, a.places),
                    cellules: cellules_pression(&a.pression),
                });
            }
        }
        if let Some(cellules) = cellules_inscrits(c, publique) {
            if let Some(i) = c.inscrits {
                annee_constat = i.annee.to_string();
            }
            inscrits.push(LigneInscritsVue {
                formation: libelle(d, &c.cfd),
                niveau: niveau(&tr, c.niveau),
                voie: tr.t(c.statut.label_key()),
                cellules,
            });
        }
    }
    DevenirsPage {
        action,
        publique,
        region: campus_domain::Departement::all()
            .find(|dep| dep.region_code() == region)
            .map_or_else(|| region.to_owned(), |dep| dep.region_nom().to_owned()),
        millesimes: d
            .millesimes
            .iter()
            .map(|m| (m.to_string(), Some(*m) == d.millesime))
            .collect(),
        voie: d.voie.map(|v| v.as_str().to_owned()).unwrap_or_default(),
        millesime: d.millesime.map(|m| m.to_string()).unwrap_or_default(),
        tables,
        mesures: [
            "devenirs-col-emploi-6",
            "devenirs-col-emploi-12",
            "devenirs-col-emploi-24",
            "devenirs-col-poursuite",
        ],
        attractivite,
        inscrits,
        annee_constat,
        chrome,
    }
}

/// The campus team's page.
pub(crate) async fn admin(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<DevenirsQuery>,
) -> AppResult<Response> {
    let d = charger(&state, &q).await?;
    let page = page(
        chrome,
        &d,
        &state.config.sector.region,
        "/admin/evaluation/devenirs",
        false,
    );
    Ok(render(&page)?.into_response())
}

/// The same figures for everyone, small counts hidden.
pub(crate) async fn public(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<DevenirsQuery>,
) -> AppResult<Response> {
    let d = charger(&state, &q).await?;
    let page = page(
        chrome,
        &d,
        &state.config.sector.region,
        "/chiffres/devenirs",
        true,
    );
    Ok(render(&page)?.into_response())
}

/// A rate (or wishes per place) beside its references; `null` where the
/// figure is not published.
#[derive(Serialize, ToSchema)]
pub(crate) struct EcartDto {
    formation: Option<f64>,
    /// Every training of the same level and route in the région.
    region_niveau: Option<f64>,
    /// The training minus the région, in points (or wishes per place).
    ecart_region: Option<f64>,
    /// The same training and route in the whole country.
    national: Option<f64>,
    ecart_national: Option<f64>,
}

fn arrondi(x: f64, echelle: f64) -> f64 {
    (x * echelle).round() / echelle
}

impl EcartDto {
    /// `diviseur` 1 for a rate in percent, 100 for wishes per place.
    fn de(e: &Ecart, diviseur: f64) -> EcartDto {
        let echelle = if diviseur > 1.0 { 100.0 } else { 10.0 };
        let v = |t: Taux| pourcentage(t).map(|p| arrondi(p / diviseur, echelle));
        let g = |p: Option<f64>| p.map(|p| arrondi(p / diviseur, echelle));
        EcartDto {
            formation: v(e.formation),
            region_niveau: v(e.region_niveau),
            ecart_region: g(e.points_region()),
            national: v(e.national),
            ecart_national: g(e.points_national()),
        }
    }
}

fn classe_code(c: ClasseEffectif) -> String {
    c.message_key().trim_start_matches("effectif-").to_owned()
}

/// One sector training's outcomes for the cohort.
#[derive(Serialize, ToSchema)]
pub(crate) struct DevenirDto {
    /// The diploma (CFD).
    cfd: String,
    libelle: Option<String>,
    niveau: Option<u8>,
    /// `scolaire` or `apprentissage`.
    voie: String,
    /// The cohort's size class: `moins-de-5`, `5-19`, `20-49`, `50-99`,
    /// `100-plus`.
    classe_effectif: String,
    /// Employment rates, in percent, at 6, 12, 18 and 24 months.
    emploi_6_mois: EcartDto,
    emploi_12_mois: EcartDto,
    emploi_18_mois: EcartDto,
    emploi_24_mois: EcartDto,
    poursuite_etudes: EcartDto,
}

/// Wishes per place of one source's campaign.
#[derive(Serialize, ToSchema)]
pub(crate) struct AttractiviteDto {
    annee: u16,
    /// The size class of the places in the région.
    classe_places: String,
    voeux_par_place: EcartDto,
}

/// Pupils at the start of the school year; a count of one to four is
/// `null`.
#[derive(Serialize, ToSchema)]
pub(crate) struct InscritsDto {
    annee: u16,
    formation: Option<u64>,
    region_niveau: Option<u64>,
    /// The training's share of its level in the région, in percent.
    part_region_niveau: Option<f64>,
    national: Option<u64>,
    /// The région's share of the training in the country, in percent.
    part_nationale: Option<f64>,
}

/// One sector training's attractiveness and enrolment.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrionDto {
    cfd: String,
    libelle: Option<String>,
    niveau: Option<u8>,
    voie: String,
    /// First wishes per place (Affelnet).
    affelnet: Option<AttractiviteDto>,
    /// Confirmed wishes per place (Parcoursup, BTS).
    parcoursup_bts: Option<AttractiviteDto>,
    inscrits: Option<InscritsDto>,
}

/// The official outcomes of the campus's sector trainings.
#[derive(Serialize, ToSchema)]
pub(crate) struct DevenirsDto {
    /// INSEE code of the campus's région.
    region: String,
    /// The cohort shown (`2021-2022`), none when InserJeunes is not imported.
    millesime: Option<String>,
    /// Every cohort available, newest first.
    millesimes: Vec<String>,
    voie: Option<String>,
    devenirs: Vec<DevenirDto>,
    orion: Vec<OrionDto>,
}

fn attractivite_dto(a: &Attractivite) -> AttractiviteDto {
    AttractiviteDto {
        annee: a.annee,
        classe_places: classe_code(a.places),
        voeux_par_place: EcartDto::de(&a.pression, 100.0),
    }
}

#[utoipa::path(get, path = "/api/v1/devenirs", tag = "evaluation",
    description = "Devenir (InserJeunes : emploi et poursuite d'études) et attractivité (Orion : vœux par place, effectifs) des formations du secteur du campus dans sa région, à côté de toutes les formations du même niveau de la région et de la même formation en France, avec l'écart en points. Un taux dont le dénominateur est inférieur à 20 vaut null, comme un effectif de 1 à 4.",
    params(DevenirsQuery),
    responses(
        (status = 200, body = DevenirsDto),
        (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api(
    State(state): State<AppState>,
    Query(q): Query<DevenirsQuery>,
) -> AppResult<Json<DevenirsDto>> {
    let d = charger(&state, &q).await?;
    let libelle = |cfd: &str| d.libelles.get(cfd).cloned();
    Ok(Json(DevenirsDto {
        region: state.config.sector.region.clone(),
        millesime: d.millesime.map(|m| m.to_string()),
        millesimes: d.millesimes.iter().map(ToString::to_string).collect(),
        voie: d.voie.map(|v| v.as_str().to_owned()),
        devenirs: d
            .devenirs
            .iter()
            .map(|c| DevenirDto {
                libelle: libelle(&c.cfd),
                cfd: c.cfd.clone(),
                niveau: c.niveau,
                voie: c.voie.as_str().to_owned(),
                classe_effectif: classe_code(c.classe),
                emploi_6_mois: EcartDto::de(&c.emploi[0], 1.0),
                emploi_12_mois: EcartDto::de(&c.emploi[1], 1.0),
                emploi_18_mois: EcartDto::de(&c.emploi[2], 1.0),
                emploi_24_mois: EcartDto::de(&c.emploi[3], 1.0),
                poursuite_etudes: EcartDto::de(&c.poursuite, 1.0),
            })
            .collect(),
        orion: d
            .orion
            .iter()
            .map(|c| OrionDto {
                libelle: libelle(&c.cfd),
                cfd: c.cfd.clone(),
                niveau: c.niveau,
                voie: c.statut.as_str().to_owned(),
                affelnet: c.affelnet.as_ref().map(attractivite_dto),
                parcoursup_bts: c.parcoursup.as_ref().map(attractivite_dto),
                inscrits: c.inscrits.map(|i| {
                    let montre = |n: Option<u64>| n.filter(|&n| diffusable(n));
                    let cache = montre(i.formation).is_none();
                    let part =
                        |t: Taux| pourcentage(t).filter(|_| !cache).map(|p| arrondi(p, 10.0));
                    InscritsDto {
                        annee: i.annee,
                        formation: montre(i.formation),
                        region_niveau: montre(i.region_niveau),
                        part_region_niveau: part(i.part_region_niveau()),
                        national: montre(i.national),
                        part_nationale: part(i.part_nationale()),
                    }
                }),
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_and_signed_gaps() {
        assert_eq!(decimal(86.6667, 1), "86,7");
        assert_eq!(signe(18.52, 1), "+18,5");
        assert_eq!(signe(-3.21, 1), "\u{2212}3,2");
        assert_eq!(signe(-0.01, 1), "0,0");
        assert_eq!(signe(0.35, 2), "+0,35");
    }

    #[test]
    fn one_to_four_pupils_are_not_published() {
        assert!(diffusable(0));
        assert!(!diffusable(1) && !diffusable(4));
        assert!(diffusable(5));
    }
}
