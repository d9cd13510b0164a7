//! The equipment API: catalogue, detail, availability and booking. A
//! booking refused because the slot is taken is a 409 problem; any other
//! refusal (past date, hours, habilitation, quota…) a 422 with the field
//! and the French message.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use campus_store::equipements::{Equipement, Refus, ReservationVue};
use chrono::{Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::calendrier::journees;
use super::pages::ReservationValues;
use super::reserver::{book, validate};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::ApiJson;
use crate::state::AppState;

/// A piece of equipment of the technology platform.
#[derive(Serialize, ToSchema)]
pub(crate) struct EquipementDto {
    slug: String,
    nom: String,
    /// Slug of the owning organisation.
    organisation: String,
    organisation_nom: String,
    site: String,
    /// `chromatographie`, `rheologie`, `formulation`, `salle_propre`, `conditionnement`, `microbiologie` or `caracterisation`.
    categorie: String,
    description: String,
    capacites: String,
    regles_securite: String,
    /// Whether booking needs a valid habilitation for the category.
    habilitation_requise: bool,
    /// Rates per hour, excluding VAT, in euro cents.
    tarif_academique_centimes: i32,
    tarif_industriel_centimes: i32,
    /// `en_service`, `en_maintenance` or `hors_service`.
    statut: String,
    /// Whether bookings wait for a manager's approval.
    approbation_requise: bool,
    /// Open weekdays, 1 = Monday … 7 = Sunday.
    jours_ouverture: Vec<u32>,
    /// Opening and closing time, legal time of France, `HH:MM`.
    ouverture: String,
    fermeture: String,
}

impl From<Equipement> for EquipementDto {
    fn from(e: Equipement) -> Self {
        EquipementDto {
            jours_ouverture: (0..7)
                .filter(|d| e.horaires.ouvert_le(*d))
                .map(|d| d + 1)
                .collect(),
            ouverture: campus_domain::equipement::Horaires::hhmm(e.horaires.ouverture()),
            fermeture: campus_domain::equipement::Horaires::hhmm(e.horaires.fermeture()),
            slug: e.slug,
            nom: e.nom,
            organisation: e.organisation_slug,
            organisation_nom: e.organisation_nom,
            site: e.site,
            categorie: e.categorie.as_str().to_owned(),
            description: e.description,
            capacites: e.capacites,
            regles_securite: e.regles_securite,
            habilitation_requise: e.habilitation_requise,
            tarif_academique_centimes: e.tarif_academique_centimes,
            tarif_industriel_centimes: e.tarif_industriel_centimes,
            statut: e.statut.as_str().to_owned(),
            approbation_requise: e.approbation_requise,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/equipements", tag = "equipements",
    responses((status = 200, body = Vec<EquipementDto>)))]
pub(crate) async fn api_equipements(
    State(state): State<AppState>,
) -> AppResult<Json<Vec<EquipementDto>>> {
    Ok(Json(
        state
            .store
            .equipements()
            .list_equipements()
            .await?
            .into_iter()
            .map(EquipementDto::from)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/equipements/{equipement}", tag = "equipements",
    params(("equipement" = String, Path, description = "Identifiant de l'équipement (slug)")),
    responses((status = 200, body = EquipementDto), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_equipement(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<EquipementDto>> {
    Ok(Json(
        state
            .store
            .equipements()
            .equipement_au_catalogue(&slug)
            .await?
            .into(),
    ))
}

/// A range of a day, legal time of France.
#[derive(Serialize, ToSchema)]
pub(crate) struct RangeDto {
    /// `HH:MM`.
    debut: String,
    fin: String,
    /// `libre`, `reserve`, `en_attente` or `maintenance`.
    nature: String,
}

/// One open day and its ranges.
#[derive(Serialize, ToSchema)]
pub(crate) struct DayDto {
    date: NaiveDate,
    plages: Vec<RangeDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct AvailabilityDto {
    equipement: String,
    /// Length of a booking unit, in minutes: bookings start and end on a multiple.
    unite_minutes: u32,
    jours: Vec<DayDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct AvailabilityParams {
    /// First day, `YYYY-MM-DD` (today by default).
    du: Option<String>,
    /// Number of days, 1 to 62 (14 by default).
    jours: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/equipements/{equipement}/disponibilites", tag = "equipements",
    params(("equipement" = String, Path, description = "Identifiant de l'équipement (slug)"), AvailabilityParams),
    responses((status = 200, body = AvailabilityDto), (status = 400, body = crate::error::Problem, content_type = "application/problem+json"), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_availability(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<AvailabilityParams>,
) -> AppResult<Json<AvailabilityDto>> {
    let e = state
        .store
        .equipements()
        .equipement_au_catalogue(&slug)
        .await?;
    let today = state.clock.today();
    let du = match params
        .du
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| AppError::BadRequest {
            key: "reservation-date-invalid",
            detail: None,
        })?,
        None => today,
    };
    let days = params.jours.unwrap_or(14).clamp(1, 62);
    let start = du.and_time(NaiveTime::MIN).and_utc() - Duration::days(1);
    let end = start + Duration::days(i64::from(days) + 2);
    let occupations = state
        .store
        .equipements()
        .occupation(e.id, start, end)
        .await?;
    let jours = journees(e.horaires, du, days, &occupations)
        .into_iter()
        .map(|j| DayDto {
            date: j.date,
            plages: j
                .plages
                .iter()
                .map(|p| RangeDto {
                    debut: p.debut_hhmm(),
                    fin: p.fin_hhmm(),
                    nature: p.nature.as_str().to_owned(),
                })
                .collect(),
        })
        .collect();
    Ok(Json(AvailabilityDto {
        equipement: e.slug,
        unite_minutes: campus_domain::equipement::MINUTES_PAR_CRENEAU,
        jours,
    }))
}

/// A booking request; times in legal time of France.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ReservationRequest {
    /// `YYYY-MM-DD`.
    date: String,
    /// `HH:MM`, on a 30-minute boundary.
    debut: String,
    /// `HH:MM`, on a 30-minute boundary, the same day.
    fin: String,
    /// Slug of one of the caller's organisations, which the booking is counted against.
    #[serde(default)]
    organisation: Option<String>,
    /// What the equipment is booked for.
    objet: String,
}

/// A booking.
#[derive(Serialize, ToSchema)]
pub(crate) struct ReservationDto {
    id: i32,
    equipement: String,
    debut: chrono::DateTime<Utc>,
    fin: chrono::DateTime<Utc>,
    /// `en_attente` (waiting for the manager's approval) or `confirmee`.
    statut: String,
    /// `academique` or `industriel`.
    tarif: String,
}

impl From<ReservationVue> for ReservationDto {
    fn from(r: ReservationVue) -> Self {
        ReservationDto {
            id: r.id,
            equipement: r.equipement_slug,
            debut: r.debut,
            fin: r.fin,
            statut: r.statut.as_str().to_owned(),
            tarif: r.tarif.as_str().to_owned(),
        }
    }
}

#[utoipa::path(post, path = "/api/v1/equipements/{equipement}/reservations", tag = "equipements",
    params(("equipement" = String, Path, description = "Identifiant de l'équipement (slug)")),
    request_body = ReservationRequest,
    responses((status = 201, body = ReservationDto),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Le créneau est déjà pris, en tout ou partie", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Date passée, horaires, maintenance, habilitation, quota…", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_book(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    ApiJson(request): ApiJson<ReservationRequest>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = state
        .store
        .equipements()
        .equipement_au_catalogue(&slug)
        .await?;
    let values = ReservationValues {
        date: request.date,
        debut: request.debut,
        fin: request.fin,
        organisation: request.organisation.unwrap_or_default(),
        objet: request.objet,
    };
    let demande = match validate(&state, &tr, &me, &e, &values).await? {
        Ok(demande) => demande,
        Err(errors) => return Err(AppError::Invalid(errors.into_problems())),
    };
    match book(&state, &tr, &me, &e, demande).await? {
        Ok(vue) => Ok((StatusCode::CREATED, Json(ReservationDto::from(vue))).into_response()),
        Err((Refus::Conflit, _)) => Err(AppError::Conflict("reservation-conflict")),
        Err((_, errors)) => Err(AppError::Invalid(errors.into_problems())),
    }
}
