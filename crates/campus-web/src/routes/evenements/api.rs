//! The events' JSON API: the agenda, an event, and registration of the
//! authenticated account (or of a class, for a teacher).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_store::evenements::Evenement;
use campus_store::evenements::inscriptions::Inscription;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::agenda::{AgendaQuery, PER_PAGE, can_register_class};
use super::inscription::{refusal, store_inscription};
use super::pages::{ClassValues, PersonValues};
use super::validate;
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, Problem};
use crate::forms::ApiJson;
use crate::state::AppState;

/// An event of the agenda.
#[derive(Serialize, ToSchema)]
pub(crate) struct EvenementDto {
    slug: String,
    titre: String,
    /// `atelier_decouverte`, `visite_site`, `forum_salon`, `portes_ouvertes`, `conference` or `job_dating`.
    kind: String,
    /// Slug of the organising organisation.
    organisation: String,
    organisation_nom: String,
    description: String,
    adresse: String,
    code_postal: Option<String>,
    commune: String,
    departement: Option<String>,
    /// UTC.
    debut: DateTime<Utc>,
    fin: DateTime<Utc>,
    capacite: i32,
    places_restantes: i32,
    liste_attente: i32,
    /// Target audiences.
    publics: Vec<String>,
    /// Linked ROME trades.
    metiers: Vec<String>,
    securite: SafetyDto,
}

/// Safety rules of a site visit.
#[derive(Serialize, ToSchema)]
pub(crate) struct SafetyDto {
    age_minimum: Option<i32>,
    salle_propre: bool,
    bonnes_pratiques_fabrication: bool,
    consignes: String,
}

impl From<Evenement> for EvenementDto {
    fn from(e: Evenement) -> Self {
        EvenementDto {
            places_restantes: e.seats_left(),
            slug: e.slug,
            titre: e.titre,
            kind: e.kind.as_str().to_owned(),
            organisation: e.organiser.slug,
            organisation_nom: e.organiser.nom,
            description: e.description,
            adresse: e.adresse,
            code_postal: e.code_postal.map(|c| c.as_str().to_owned()),
            commune: e.commune,
            departement: e.departement.map(|d| d.as_str().to_owned()),
            debut: e.starts_at,
            fin: e.ends_at,
            capacite: e.capacity,
            liste_attente: e.waiting_count,
            publics: e.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            metiers: e.romes.iter().map(|r| r.as_str().to_owned()).collect(),
            securite: SafetyDto {
                age_minimum: e.safety.min_age,
                salle_propre: e.safety.clean_room,
                bonnes_pratiques_fabrication: e.safety.gmp,
                consignes: e.safety.notes,
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub(crate) struct EvenementPageDto {
    total: u64,
    page: u64,
    per_page: u64,
    items: Vec<EvenementDto>,
}

/// Filters of the agenda.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct EvenementParams {
    /// Target audience (`lyceens`…).
    public: Option<String>,
    /// Department code.
    departement: Option<String>,
    /// Kind of event.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    kind: Option<String>,
    /// ROME code of a linked trade.
    metier: Option<String>,
    /// Page number, from 1.
    page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/evenements", tag = "evenements", params(EvenementParams),
    responses((status = 200, body = EvenementPageDto)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Query(params): Query<EvenementParams>,
) -> AppResult<Json<EvenementPageDto>> {
    let query = AgendaQuery {
        public: params.public.unwrap_or_default(),
        departement: params.departement.unwrap_or_default(),
        kind: params.kind.unwrap_or_default(),
        metier: params.metier.unwrap_or_default(),
        page: params.page.unwrap_or(1).to_string(),
    };
    let filter = query.filter(state.clock.now());
    let (items, total) = state.store.evenements().list_evenements(&filter).await?;
    Ok(Json(EvenementPageDto {
        total,
        page: filter.page + 1,
        per_page: PER_PAGE,
        items: items.into_iter().map(EvenementDto::from).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/evenements/{evenement}", tag = "evenements",
    params(("event" = String, Path, description = "Identifiant de l'événement dans les adresses")),
    responses((status = 200, body = EvenementDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn detail(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<EvenementDto>> {
    Ok(Json(
        state
            .store
            .evenements()
            .evenement_by_slug(&slug)
            .await?
            .into(),
    ))
}

/// A registration request: `personne` for the account's holder, or
/// `classe` for a teacher registering a class.
#[derive(Deserialize, ToSchema)]
pub(crate) struct InscriptionRequest {
    personne: Option<PersonValues>,
    classe: Option<ClassValues>,
}

/// A stored registration.
#[derive(Serialize, ToSchema)]
pub(crate) struct InscriptionDto {
    id: i32,
    /// Short code shown at the door.
    code: String,
    /// `confirmee`, `attente_consentement` (a parent must consent; they received an e-mail) or `liste_attente`.
    statut: String,
    places: i32,
}

impl From<Inscription> for InscriptionDto {
    fn from(r: Inscription) -> Self {
        InscriptionDto {
            id: r.id,
            code: r.code,
            statut: r.status.as_str().to_owned(),
            places: r.seats,
        }
    }
}

#[utoipa::path(post, path = "/api/v1/evenements/{evenement}/inscriptions", tag = "evenements",
    params(("event" = String, Path, description = "Identifiant de l'événement dans les adresses")),
    request_body = InscriptionRequest,
    responses(
        (status = 201, body = InscriptionDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn register(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    ApiJson(request): ApiJson<InscriptionRequest>,
) -> AppResult<Response> {
    let event = state.store.evenements().evenement_by_slug(&slug).await?;
    let tr = chrome.tr();
    let now = state.clock.now();
    if !event.is_open(now) {
        return Err(AppError::Conflict("evenement-error-closed"));
    }
    let (validated, field) = match (&request.personne, &request.classe) {
        (Some(person), None) => (validate::person(&tr, &event, person, Some(&me), now), "nom"),
        (None, Some(class)) => {
            if !can_register_class(Some(&me)) {
                return Err(AppError::Forbidden);
            }
            (validate::class(&tr, &event, class, &me), "classe")
        }
        _ => {
            return Err(AppError::BadRequest {
                key: "inscription-api-one-of",
                detail: None,
            });
        }
    };
    let new = validated.map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    match store_inscription(&state, tr, &event, new).await {
        Ok(registration) => Ok((
            StatusCode::CREATED,
            [(
                header::LOCATION,
                format!("/api/v1/evenements/{}", event.slug),
            )],
            Json(InscriptionDto::from(registration)),
        )
            .into_response()),
        Err(err) => Err(AppError::Invalid(refusal(&tr, err, field)?.into_problems())),
    }
}
