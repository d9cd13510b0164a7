//! The news API: published news, newest first, and one published item,
//! with its body rendered to safe HTML.

use axum::Json;
use axum::extract::{Path, Query, State};
use campus_domain::actualite::EtatActualite;
use campus_store::actualites::{Actualite, FiltreActualites};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::actualite_or_404;
use crate::error::{AppError, AppResult};
use crate::routes::insertion::path_id;
use crate::state::AppState;

/// A published news item.
#[derive(Serialize, ToSchema)]
pub(crate) struct ActualiteDto {
    id: i32,
    slug: String,
    titre: String,
    resume: String,
    /// The body written in Markdown.
    corps: String,
    /// The body as safe HTML (no script, no raw HTML, only safe links).
    corps_html: String,
    /// The organisation that signs it; none for the campus team.
    organisation: Option<String>,
    /// ROME codes of the trades it concerns.
    metiers: Vec<String>,
    /// The image's address, if any.
    image: Option<String>,
    /// The image's alternative text.
    image_alt: Option<String>,
    /// RFC 3339.
    publiee_le: Option<String>,
    adresse: String,
}

impl ActualiteDto {
    fn of(a: &Actualite) -> ActualiteDto {
        ActualiteDto {
            id: a.id,
            slug: a.slug.clone(),
            titre: a.titre.clone(),
            resume: a.resume.clone(),
            corps: a.corps.clone(),
            corps_html: crate::markdown::render(&a.corps),
            organisation: a.signature().map(str::to_owned),
            metiers: a
                .metiers
                .iter()
                .map(|(c, _)| c.as_str().to_owned())
                .collect(),
            image: a
                .image
                .as_ref()
                .map(|_| format!("/actualites/{}/image", a.slug)),
            image_alt: a.image.as_ref().map(|(_, alt)| alt.clone()),
            publiee_le: a.publiee_le.map(|d| d.to_rfc3339()),
            adresse: format!("/actualites/{}", a.slug),
        }
    }
}

/// A page of published news.
#[derive(Serialize, ToSchema)]
pub(crate) struct ActualitesPage {
    total: u64,
    page: u64,
    actualites: Vec<ActualiteDto>,
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub(crate) struct PageQuery {
    /// Page number, from 1 (20 items a page).
    page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/actualites", tag = "actualites",
    description = "Les actualités publiées du campus et de ses partenaires, les plus récentes d'abord.",
    params(PageQuery),
    responses((status = 200, body = ActualitesPage)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Query(q): Query<PageQuery>,
) -> AppResult<Json<ActualitesPage>> {
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let (actualites, total) = state
        .store
        .actualites()
        .liste(&FiltreActualites {
            publiees: true,
            page: page - 1,
            per_page: 20,
            ..Default::default()
        })
        .await?;
    Ok(Json(ActualitesPage {
        total,
        page,
        actualites: actualites.iter().map(ActualiteDto::of).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/actualites/{id}", tag = "actualites",
    description = "Une actualité publiée.",
    params(("id" = i32, Path, description = "Numéro de l'actualité")),
    responses(
        (status = 200, body = ActualiteDto),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<ActualiteDto>> {
    let id = path_id(&id)?;
    let a = actualite_or_404(&state, &id.to_string()).await?;
    if a.etat != EtatActualite::Publiee {
        return Err(AppError::NotFound);
    }
    Ok(Json(ActualiteDto::of(&a)))
}
