//! The trades (ROME fiches): list by professional field, and the page of
//! each trade with its definition, access, job titles, skills (core ones
//! marked), working conditions and related trades.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::rome::CompetenceKind;
use campus_domain::{CodeCertification, CodeRome};
use campus_store::rome::Metier;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{
    MetierPage, MetiersPage, NearTraining, NearTrainings, PasserelleLink, SectorPage, render,
};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/metiers", Access::Public, list),
        RouteDef::get("/metiers-du-campus", Access::Public, sector),
        RouteDef::get("/metiers/{code}", Access::Public, show),
        RouteDef::get("/api/v1/metiers/{code_rome}", Access::Public, api_metier),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    domaine: String,
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let domaines = state.store.grands_domaines().await?;
    let selected = domaines
        .iter()
        .find(|d| d.code == q.domaine.trim().to_ascii_uppercase());
    let fiches = match selected {
        Some(d) => state.store.fiches_of_domaine(&d.code).await?,
        None => vec![],
    };
    let page = MetiersPage {
        selected: selected.map(|d| d.code.clone()).unwrap_or_default(),
        selected_label: selected.map(|d| d.libelle.clone()).unwrap_or_default(),
        fiches,
        domaines,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The trades of the campus's sector, as configured.
async fn sector(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let fiches = state
        .store
        .fiches_with_certification_counts(&state.config.sector.romes)
        .await?;
    Ok(render(&SectorPage { chrome, fiches })?.into_response())
}

/// An unknown or malformed code is simply a page that does not exist.
async fn load(state: &AppState, code: &str) -> AppResult<Metier> {
    let code = CodeRome::parse(code).map_err(|_| AppError::NotFound)?;
    Ok(state.store.metier(&code).await?)
}

/// The groupings shown on a trade's page, in this order; sectors and
/// sub-sectors share a heading.
const GROUPINGS: [(&str, &str); 4] = [
    ("centre_interet", "metier-grouping-centre_interet"),
    ("secteur", "metier-grouping-secteur"),
    ("naf", "metier-grouping-naf"),
    ("theme", "metier-grouping-theme"),
];

fn groupings(m: &Metier) -> Vec<(&'static str, Vec<(String, bool)>)> {
    GROUPINGS
        .iter()
        .filter_map(|(kind, key)| {
            let entries: Vec<(String, bool)> = m
                .classements
                .iter()
                .filter(|(c, _)| c.kind.trim_start_matches("sous_") == *kind)
                .map(|(c, principal)| (c.libelle.clone(), *principal))
                .collect();
            (!entries.is_empty()).then_some((*key, entries))
        })
        .collect()
}

const KINDS: [(CompetenceKind, &str); 3] = [
    (CompetenceKind::SavoirFaire, "metier-kind-savoir_faire"),
    (CompetenceKind::SavoirEtre, "metier-kind-savoir_etre"),
    (CompetenceKind::Savoir, "metier-kind-savoir"),
];

/// Where the visitor wants to train: a commune (name or postal code) and a
/// radius, both optional.
#[derive(Deserialize, Default)]
#[serde(default)]
struct NearQuery {
    commune: String,
    rayon: String,
}

/// The trainings near the visitor that lead to the trade: those carrying
/// its ROME code or preparing one of the certifications leading to it.
async fn trainings_near(
    state: &AppState,
    near: &NearQuery,
    code: &CodeRome,
    certifications: &[(String, String, Option<u64>)],
) -> AppResult<Option<NearTrainings>> {
    let typed = near.commune.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let radius = near
        .rayon
        .parse::<u32>()
        .ok()
        .filter(|r| crate::routes::search::RADII.contains(r))
        .unwrap_or(30);
    let Some((_, commune, centre)) = crate::routes::search::locate(state, typed) else {
        return Ok(Some(NearTrainings {
            commune: None,
            radius,
            found: vec![],
        }));
    };
    let codes: Vec<CodeCertification> = certifications
        .iter()
        .filter_map(|(c, _, _)| CodeCertification::parse(c).ok())
        .collect();
    let found = state
        .store
        .formations_near(
            centre,
            f64::from(radius),
            std::slice::from_ref(code),
            &codes,
            20,
        )
        .await?
        .into_iter()
        .map(|p| NearTraining {
            id: p.formation.id,
            intitule: p.formation.intitule,
            organisme: p.formation.organisme_nom,
            ville: p.action.lieu_ville,
            modalite_key: crate::routes::formations::modalite_key(&p.action.modalite),
            km: p.distance_km.round() as u64,
        })
        .collect();
    Ok(Some(NearTrainings {
        commune: Some(commune),
        radius,
        found,
    }))
}

/// Trades shown as close to the one on the page, besides every official
/// mobilité.
const SHOWN_PASSERELLES: usize = 5;

/// The closest trades from this one, by the training-path engine. The
/// page is about the trade: if the engine cannot load, the page shows
/// without them and the cause is logged.
async fn nearest_passerelles(state: &AppState, code: &CodeRome) -> Vec<PasserelleLink> {
    let loaded = match state.parcours.current(&state.store).await {
        Ok(loaded) => loaded,
        Err(e) => {
            tracing::warn!(erreur = %e, "moteur de parcours indisponible");
            return Vec::new();
        }
    };
    campus_parcours::passerelles::passerelles(&loaded.referentiel, code)
        .map(|ranked| {
            campus_parcours::passerelles::with_every_mobilite(ranked, SHOWN_PASSERELLES)
                .into_iter()
                .map(|p| PasserelleLink {
                    code: p.cible.as_str().to_owned(),
                    libelle: p.libelle,
                    core_missing: p.parts.core_missing as u64,
                    official: p.parts.mobilite_rang.is_some(),
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
    Query(near): Query<NearQuery>,
) -> AppResult<Response> {
    let m = load(&state, &code).await?;
    let competence_groups = KINDS
        .iter()
        .filter_map(|(kind, key)| {
            let skills = m.skills.get(kind.as_str())?;
            Some((
                *key,
                skills
                    .iter()
                    .map(|(s, c)| (s.libelle.clone(), c.clone()))
                    .collect(),
            ))
        })
        .collect();
    let mut certifications: Vec<(String, String, Option<u64>)> = Vec::new();
    let code = CodeRome::parse(&m.fiche.code_rome).map_err(|_| AppError::NotFound)?;
    for c in state.store.certifications_of_metier(&code).await? {
        let register = c.code_rncp.or(c.code_rs).unwrap_or_default();
        // A register code listed several times (options) is shown once.
        if !certifications
            .iter()
            .any(|(existing, _, _)| *existing == register)
        {
            certifications.push((
                register,
                c.libelle,
                c.niveau.and_then(|n| u64::try_from(n).ok()),
            ));
        }
    }
    let near_trainings = trainings_near(&state, &near, &code, &certifications).await?;
    let passerelles = nearest_passerelles(&state, &code).await;
    let offres = crate::routes::insertion::offres_liees(
        &state,
        &chrome.tr(),
        &campus_store::insertion::FiltreOffres {
            codes_rome: vec![code.as_str().to_owned()],
            ..Default::default()
        },
    )
    .await?;
    let projets = state
        .store
        .projets()
        .liste(&campus_store::projets::FiltreProjets {
            publics: true,
            metier: Some(code.clone()),
            ..Default::default()
        })
        .await?
        .into_iter()
        .map(|p| (p.slug, p.titre, p.type_projet.label_key()))
        .collect();
    let actualites = state
        .store
        .actualites()
        .liste(&campus_store::actualites::FiltreActualites {
            publiees: true,
            metier: Some(code.clone()),
            per_page: 5,
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .map(|a| (a.slug, a.titre))
        .collect();
    let ressources = crate::routes::ressources::cartes(
        &state,
        &campus_store::ressources::FiltreRessources {
            metier: Some(code.clone()),
            ..Default::default()
        },
    )
    .await?;
    let page = MetierPage {
        ressources,
        offres,
        projets,
        actualites,
        passerelles,
        near_commune: near.commune.trim().chars().take(80).collect(),
        radii: crate::routes::search::RADII.to_vec(),
        near: near_trainings,
        groupings: groupings(&m),
        domaine: m.fiche.code_rome.chars().take(1).collect(),
        competence_groups,
        certifications,
        m,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A skill required by a trade.
#[derive(Serialize, ToSchema)]
pub(crate) struct CompetenceRomeDto {
    code_ogr: i64,
    libelle: String,
    /// `savoir_faire`, `savoir_etre` or `savoir`.
    kind: String,
    /// `principale` (core skill), `emergente`, or absent.
    coeur: Option<String>,
}

/// A grouping a trade is placed in.
#[derive(Serialize, ToSchema)]
pub(crate) struct ClassementDto {
    /// `centre_interet`, `secteur`, `sous_secteur`, `naf` or `theme`.
    kind: String,
    code: String,
    libelle: String,
    /// Whether the referential shows the trade under it first.
    principal: bool,
}

/// A trade (ROME 4.0 fiche).
#[derive(Serialize, ToSchema)]
pub(crate) struct MetierDto {
    code_rome: String,
    libelle: String,
    grand_domaine: Option<String>,
    domaine_professionnel: Option<String>,
    definition: Vec<String>,
    acces: Vec<String>,
    appellations: Vec<String>,
    competences: Vec<CompetenceRomeDto>,
    contextes: Vec<String>,
    /// Codes of the related trades (official mobilities), closest first.
    mobilites: Vec<String>,
    /// Centres d'intérêt, sectors, NAF sectors and themes of the trade.
    classements: Vec<ClassementDto>,
}

#[utoipa::path(get, path = "/api/v1/metiers/{code_rome}", tag = "catalogue",
    params(("code_rome" = String, Path, description = "Code ROME, par exemple H3301")),
    responses((status = 200, body = MetierDto), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_metier(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<MetierDto>> {
    let m = load(&state, &code).await?;
    let competences = m
        .skills
        .into_values()
        .flatten()
        .map(|(s, coeur)| CompetenceRomeDto {
            code_ogr: s.code_ogr,
            libelle: s.libelle,
            kind: s.kind,
            coeur,
        })
        .collect();
    Ok(Json(MetierDto {
        code_rome: m.fiche.code_rome,
        libelle: m.fiche.libelle,
        grand_domaine: m.fiche.grand_domaine_libelle,
        domaine_professionnel: m.fiche.domaine_libelle,
        definition: m.definition,
        acces: m.acces,
        appellations: m.appellations.into_iter().map(|a| a.libelle).collect(),
        competences,
        contextes: m.contextes.into_iter().map(|c| c.libelle).collect(),
        mobilites: m.mobilites.into_iter().map(|f| f.code_rome).collect(),
        classements: m
            .classements
            .into_iter()
            .map(|(c, principal)| ClassementDto {
                kind: c.kind,
                code: c.code,
                libelle: c.libelle,
                principal,
            })
            .collect(),
    }))
}
