//! Suggestions while typing: job titles (ROME appellations) and communes,
//! answered from this node's in-memory tables (see
//! [`campus_search::Suggestions`]): no database round trip per keystroke.

use axum::Json;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/api/v1/suggestions", Access::Public, suggestions),
        // The address this API had before the glossary named it.
        RouteDef::get("/api/v1/autocomplete", Access::Public, autocomplete),
    ]
}

/// What to suggest.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct SuggestionsParams {
    /// The text typed so far (2 to 64 characters).
    q: String,
    /// `appellations`, `communes`, or empty for both.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    kind: String,
}

/// A job title and its trade.
#[derive(Serialize, ToSchema)]
pub(crate) struct AppellationSuggestion {
    code_ogr: i64,
    libelle: String,
    code_rome: String,
}

/// A commune.
#[derive(Serialize, ToSchema)]
pub(crate) struct CommuneSuggestion {
    code_insee: String,
    nom: String,
    departement: Option<String>,
    /// Its postal codes, in order.
    codes_postaux: Vec<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct Suggestions {
    appellations: Vec<AppellationSuggestion>,
    communes: Vec<CommuneSuggestion>,
}

const LIMIT: usize = 10;

#[utoipa::path(get, path = "/api/v1/suggestions", tag = "catalogue", params(SuggestionsParams),
    responses((status = 200, body = Suggestions), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn suggestions(
    State(state): State<AppState>,
    Query(p): Query<SuggestionsParams>,
) -> AppResult<Json<Suggestions>> {
    let q = p.q.trim();
    let length = q.chars().count();
    if !(2..=64).contains(&length) {
        return Err(AppError::BadRequest {
            key: "suggestions-length",
            detail: None,
        });
    }
    let (want_appellations, want_communes) = match p.kind.as_str() {
        "" => (true, true),
        "appellations" => (true, false),
        "communes" => (false, true),
        _ => {
            return Err(AppError::BadRequest {
                key: "suggestions-kind",
                detail: None,
            });
        }
    };
    let tables = state.search.suggestions();
    let appellations = if want_appellations {
        tables
            .appellations(q, LIMIT)
            .into_iter()
            .map(|a| AppellationSuggestion {
                code_ogr: a.code_ogr,
                libelle: a.libelle.clone(),
                code_rome: a.code_rome.clone(),
            })
            .collect()
    } else {
        vec![]
    };
    let communes = if want_communes {
        tables
            .communes(q, LIMIT)
            .into_iter()
            .map(|c| CommuneSuggestion {
                code_insee: c.code_insee.clone(),
                nom: c.nom.clone(),
                departement: c.departement.clone(),
                codes_postaux: c.codes_postaux.clone(),
                latitude: c.latitude,
                longitude: c.longitude,
            })
            .collect()
    } else {
        vec![]
    };
    Ok(Json(Suggestions {
        appellations,
        communes,
    }))
}

/// `GET /api/v1/autocomplete`, the address of [`suggestions`] before the
/// glossary named it: the same answer.
#[utoipa::path(get, path = "/api/v1/autocomplete", tag = "catalogue", params(SuggestionsParams), description = "Ancienne adresse de `/api/v1/suggestions`, gardée pour les clients existants.",
    responses((status = 200, body = Suggestions), (status = 400, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn autocomplete(
    state: State<AppState>,
    query: Query<SuggestionsParams>,
) -> AppResult<Json<Suggestions>> {
    suggestions(state, query).await
}
