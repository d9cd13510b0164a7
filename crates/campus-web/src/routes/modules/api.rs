//! The modules' API: a company creates a request and decides, a trainer
//! proposes, every party reads the request as the site shows it to them.
//! Same checks and same steps as the site's forms; errors are problem
//! documents, with one message per field for invalid input.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_domain::Centimes;
use campus_store::modules::{Proposal, RequestDetail};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::demandes::create_request;
use super::steps::{DecisionForm, submit_decision, submit_proposal};
use super::validate::{ProposalValues, RequestValues};
use super::{party, request_id};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, Problem};
use crate::forms::ApiJson;
use crate::state::AppState;

/// A topic of a request.
#[derive(Serialize, ToSchema)]
pub(crate) struct SujetDto {
    /// `formacode` or `competence` (ROME skill, OGR code).
    kind: String,
    code: String,
    libelle: String,
}

/// A trainer's proposal.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProposalDto {
    id: i32,
    formateur: String,
    contenu: String,
    objectifs: String,
    /// Whole hours.
    duree_heures: u32,
    /// Total price including VAT, in cents of euro.
    prix_centimes: i64,
    date_debut: String,
    date_fin: String,
    lieu: String,
    organisme: String,
    /// `en_attente`, `acceptee` or `close`.
    etat: String,
    /// How many times it was written (1, then one more per revision).
    version: i32,
}

/// A step of the request's trail.
#[derive(Serialize, ToSchema)]
pub(crate) struct TimelineDto {
    date: String,
    acteur: Option<String>,
    action: String,
    etat: String,
}

/// A request as its viewer may see it.
#[derive(Serialize, ToSchema)]
pub(crate) struct ModuleRequestDto {
    id: i32,
    organisation: String,
    intitule: String,
    besoin: String,
    sujets: Vec<SujetDto>,
    stagiaires: u32,
    /// `delocalise` or `campus`.
    lieu: String,
    commune: Option<String>,
    date_debut: String,
    date_fin: String,
    /// In cents of euro.
    budget_centimes: Option<i64>,
    /// `demandee`, `orientee`, `proposee`, `acceptee`, `refusee`,
    /// `programmee`, `realisee` or `annulee`.
    etat: String,
    motif_refus: Option<String>,
    /// The training of the catalogue, once scheduled.
    formation: Option<String>,
    /// All proposals for the company and the campus team; a trainer sees
    /// their own.
    propositions: Vec<ProposalDto>,
    /// How many trainees are registered (their names go to the parties'
    /// pages only).
    inscrits: usize,
    historique: Vec<TimelineDto>,
}

fn proposal_dto(p: &Proposal) -> ProposalDto {
    ProposalDto {
        id: p.id,
        formateur: p.trainer_nom.clone(),
        contenu: p.contenu.clone(),
        objectifs: p.objectifs.clone(),
        duree_heures: p.duree_heures,
        prix_centimes: p.prix.centimes(),
        date_debut: p.date_debut.to_string(),
        date_fin: p.date_fin.to_string(),
        lieu: format!(
            "{}, {} {} {}",
            p.lieu_nom,
            p.lieu_adresse,
            p.lieu_code_postal.as_str(),
            p.lieu_commune
        ),
        organisme: p.organisme_nom.clone(),
        etat: p.etat.as_str().to_owned(),
        version: p.version,
    }
}

async fn dto(state: &AppState, me: &Identity, d: RequestDetail) -> AppResult<ModuleRequestDto> {
    let party = party(state, me, &d.request).await?;
    let r = d.request;
    let propositions = d
        .proposals
        .iter()
        .filter(|p| party.company || party.staff || p.trainer_user_id == me.user.id)
        .map(proposal_dto)
        .collect();
    Ok(ModuleRequestDto {
        id: r.id,
        organisation: r.organisation_nom,
        intitule: r.intitule,
        besoin: r.besoin,
        sujets: r
            .sujets
            .into_iter()
            .map(|s| SujetDto {
                kind: s.kind.as_str().to_owned(),
                code: s.code,
                libelle: s.libelle,
            })
            .collect(),
        stagiaires: r.stagiaires,
        lieu: r.lieu.as_str().to_owned(),
        commune: r.lieu_commune,
        date_debut: r.date_debut.to_string(),
        date_fin: r.date_fin.to_string(),
        budget_centimes: r.budget.map(Centimes::centimes),
        etat: r.etat.as_str().to_owned(),
        motif_refus: r.motif_refus,
        formation: r.formation_id,
        propositions,
        inscrits: d.trainees.len(),
        historique: d
            .timeline
            .into_iter()
            .map(|e| TimelineDto {
                date: e.created_at.to_rfc3339(),
                acteur: e.actor,
                action: e.action,
                etat: e.etat_apres.as_str().to_owned(),
            })
            .collect(),
    })
}

async fn current(state: &AppState, me: &Identity, id: i32) -> AppResult<Json<ModuleRequestDto>> {
    let d = state.store.modules().module_detail(id).await?;
    Ok(Json(dto(state, me, d).await?))
}

#[utoipa::path(post, path = "/api/v1/modules/demandes", tag = "modules", request_body = RequestValues,
    description = "Une entreprise demande un module de formation sur mesure (réservé au rôle entreprise, pour une organisation dont l'utilisateur est membre).",
    responses(
        (status = 201, body = ModuleRequestDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    ApiJson(values): ApiJson<RequestValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let id = create_request(&state, &tr, &me, &values)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let body = current(&state, &me, id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/modules/demandes/{id}"))],
        body,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/modules/demandes/{id}", tag = "modules",
    description = "Une demande, pour ses parties : l'entreprise, les formateurs sollicités, l'équipe du campus.",
    params(("id" = i32, Path, description = "Numéro de la demande")),
    responses(
        (status = 200, body = ModuleRequestDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_get(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<ModuleRequestDto>> {
    current(&state, &me, request_id(&id)?).await
}

#[utoipa::path(post, path = "/api/v1/modules/demandes/{id}/propositions", tag = "modules", request_body = ProposalValues,
    description = "Un formateur sollicité propose un module, ou révise sa proposition tant que l'entreprise n'a pas décidé.",
    params(("id" = i32, Path, description = "Numéro de la demande")),
    responses(
        (status = 200, body = ModuleRequestDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_propose(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(values): ApiJson<ProposalValues>,
) -> AppResult<Json<ModuleRequestDto>> {
    let d = state
        .store
        .modules()
        .module_detail(request_id(&id)?)
        .await?;
    if !party(&state, &me, &d.request).await?.trainer {
        return Err(AppError::Forbidden);
    }
    let id = d.request.id;
    submit_proposal(&state, &chrome.tr(), &me, &d, &values)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    current(&state, &me, id).await
}

/// The company's decision.
#[derive(Deserialize, ToSchema)]
pub(crate) struct DecisionBody {
    /// `accepter` (one proposal) or `refuser` (all, with a reason).
    decision: String,
    /// The proposal accepted.
    proposition: Option<i32>,
    /// Why the proposals are declined.
    motif: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/modules/demandes/{id}/decision", tag = "modules", request_body = DecisionBody,
    description = "L'entreprise accepte une proposition (les autres sont closes) ou les refuse avec un motif. Deux décisions simultanées : une seule aboutit, l'autre reçoit 409.",
    params(("id" = i32, Path, description = "Numéro de la demande")),
    responses(
        (status = 200, body = ModuleRequestDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_decide(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> AppResult<Json<ModuleRequestDto>> {
    let d = state
        .store
        .modules()
        .module_detail(request_id(&id)?)
        .await?;
    if !party(&state, &me, &d.request).await?.company {
        return Err(AppError::Forbidden);
    }
    let id = d.request.id;
    let form = DecisionForm {
        decision: body.decision,
        proposition: body.proposition.map(|p| p.to_string()).unwrap_or_default(),
        motif: body.motif.unwrap_or_default(),
    };
    submit_decision(&state, &chrome.tr(), &me, &d, &form)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    current(&state, &me, id).await
}
