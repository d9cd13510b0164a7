//! The experts API: the directory (without addresses), one's requests,
//! writing one and sending it. Same checks as the site; errors are
//! problem documents.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_domain::expertise::{EtatReponse, OffreExpert};
use campus_store::expertise::{Demande, Expert, FiltreExperts};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::demandes::{DemandeValues, creer, envoyer, propositions};
use super::profil::matches;
use super::{Lecteur, demande_or_404, expert_or_404, lecteur};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, Problem};
use crate::forms::ApiJson;
use crate::state::AppState;

/// An expert of the directory. No address: it reaches a requester only
/// with the expert's acceptance.
#[derive(Serialize, ToSchema)]
pub(crate) struct ExpertDto {
    id: i32,
    nom: String,
    titre: String,
    organisation: Option<String>,
    /// Subjects, as `kind:code` (`domaine:H33`, `mot_cle:parfumerie`…).
    sujets: Vec<String>,
    /// Their labels, in the same order.
    sujets_libelles: Vec<String>,
    offres: Vec<String>,
    langues: Vec<String>,
    disponibilite: Option<String>,
    /// `actif` or `en_pause`.
    etat: String,
    adresse: String,
}

fn expert_dto(e: &Expert) -> ExpertDto {
    ExpertDto {
        id: e.id,
        nom: e.nom.clone(),
        titre: e.titre.clone(),
        organisation: e.organisation_nom.clone(),
        sujets: e
            .sujets
            .iter()
            .map(|(s, _)| format!("{}:{}", s.kind(), s.code()))
            .collect(),
        sujets_libelles: e.sujets.iter().map(|(_, l)| l.clone()).collect(),
        offres: e.offres.iter().map(|o| o.as_str().to_owned()).collect(),
        langues: e.langues.iter().map(|l| l.as_str().to_owned()).collect(),
        disponibilite: e.disponibilite.clone(),
        etat: e.etat.as_str().to_owned(),
        adresse: format!("/experts/{}", e.id),
    }
}

/// The directory's filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    q: String,
    offre: String,
}

#[utoipa::path(get, path = "/api/v1/experts", tag = "experts",
    description = "L'annuaire des experts du réseau (sans leurs adresses), filtré par texte et type d'intervention.",
    params(
        ("q" = Option<String>, Query, description = "Mots du titre, du nom, de l'organisation ou des sujets"),
        ("offre" = Option<String>, Query, description = "`intervention_classe`, `jury`, `tutorat_projet`, `accueil_visite` ou `conseil_startup`")),
    responses((status = 200, body = Vec<ExpertDto>)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<Vec<ExpertDto>>> {
    let experts = state
        .store
        .expertise()
        .experts(&FiltreExperts {
            actifs: false,
            offre: OffreExpert::parse(&q.offre).ok(),
        })
        .await?;
    Ok(Json(
        experts
            .iter()
            .filter(|e| matches(e, &q.q))
            .map(expert_dto)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/experts/{id}", tag = "experts",
    description = "Un expert de l'annuaire (sans son adresse).",
    params(("id" = i32, Path, description = "Numéro de l'expert")),
    responses(
        (status = 200, body = ExpertDto),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<ExpertDto>> {
    Ok(Json(expert_dto(&expert_or_404(&state, &id).await?)))
}

/// A recipient of a request.
#[derive(Serialize, ToSchema)]
pub(crate) struct DestinataireDto {
    expert_id: i32,
    nom: String,
    /// `envoyee`, `acceptee`, `declinee` or `annulee`.
    etat: String,
    /// The expert's address, once they accepted.
    email: Option<String>,
    reponse: Option<String>,
}

/// An expert the platform proposes, and why.
#[derive(Serialize, ToSchema)]
pub(crate) struct PropositionDto {
    expert_id: i32,
    nom: String,
    titre: String,
    raisons: Vec<String>,
}

/// A request for an expert's time.
#[derive(Serialize, ToSchema)]
pub(crate) struct DemandeDto {
    id: i32,
    sujet: String,
    offre: String,
    public: String,
    debut: String,
    fin: String,
    lieu: Option<String>,
    message: String,
    destinataires: Vec<DestinataireDto>,
    /// To its requester: the experts proposed, best first.
    propositions: Vec<PropositionDto>,
}

async fn demande_dto(
    state: &AppState,
    chrome: &Chrome,
    d: &Demande,
    who: Lecteur,
) -> AppResult<DemandeDto> {
    let demandeur = who == Lecteur::Demandeur;
    let props = if demandeur {
        propositions(state, &chrome.tr(), d).await?
    } else {
        Vec::new()
    };
    Ok(DemandeDto {
        id: d.id,
        sujet: d.sujet.clone(),
        offre: d.offre.as_str().to_owned(),
        public: d.public.as_str().to_owned(),
        debut: d.debut.to_string(),
        fin: d.fin.to_string(),
        lieu: d.lieu.clone(),
        message: d.message.clone(),
        destinataires: d
            .destinataires
            .iter()
            .filter(|r| demandeur || Lecteur::Destinataire(r.expert_id) == who)
            .map(|r| DestinataireDto {
                expert_id: r.expert_id,
                nom: r.nom.clone(),
                etat: r.etat.as_str().to_owned(),
                email: (r.etat == EtatReponse::Acceptee).then(|| r.email.clone()),
                reponse: r.reponse.clone(),
            })
            .collect(),
        propositions: props
            .into_iter()
            .map(|p| PropositionDto {
                expert_id: p.id,
                nom: p.nom,
                titre: p.titre,
                raisons: p.raisons,
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/demandes-expertise", tag = "experts",
    description = "Les demandes écrites par la personne connectée (toutes pour l'équipe du campus).",
    responses((status = 200, body = Vec<DemandeDto>)),
    security(("jeton" = [])))]
pub(crate) async fn requests(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Json<Vec<DemandeDto>>> {
    let store = state.store.expertise();
    let list = if me.user.role.is_campus_staff() {
        store.toutes_demandes().await?
    } else {
        store.demandes_de(me.user.id).await?
    };
    let mut out = Vec::with_capacity(list.len());
    for d in &list {
        out.push(demande_dto(&state, &chrome, d, Lecteur::Demandeur).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/demandes-expertise", tag = "experts", request_body = DemandeValues,
    description = "Écrit une demande (un enseignant, une entreprise, l'équipe du campus) ; la réponse propose les experts qui lui correspondent le mieux.",
    responses(
        (status = 201, body = DemandeDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    ApiJson(v): ApiJson<DemandeValues>,
) -> AppResult<Response> {
    let id = creer(&state, &chrome.tr(), &me, &v)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let d = state.store.expertise().demande(id).await?;
    let body = demande_dto(&state, &chrome, &d, Lecteur::Demandeur).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/demandes-expertise/{id}"))],
        Json(body),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/demandes-expertise/{id}", tag = "experts",
    description = "Une demande, pour son auteur, l'équipe du campus ou un expert à qui elle a été envoyée.",
    params(("id" = i32, Path, description = "Numéro de la demande")),
    responses(
        (status = 200, body = DemandeDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn request(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<DemandeDto>> {
    let d = demande_or_404(&state, &id).await?;
    let who = lecteur(&state, &me, &d).await?;
    Ok(Json(demande_dto(&state, &chrome, &d, who).await?))
}

/// The experts to send a request to.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct EnvoiBody {
    /// Ids of experts (three in all per request at most).
    pub experts: Vec<i32>,
}

#[utoipa::path(post, path = "/api/v1/demandes-expertise/{id}/destinataires", tag = "experts", request_body = EnvoiBody,
    description = "Envoie la demande à des experts actifs : trois au plus en tout par demande, dans la limite d'envois de la personne (contre la prospection). Chaque expert reçoit un courriel avec un lien signé pour accepter ou décliner.",
    params(("id" = i32, Path, description = "Numéro de la demande")),
    responses(
        (status = 200, body = DemandeDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn send(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    body: Result<ApiJson<EnvoiBody>, AppError>,
) -> AppResult<Json<DemandeDto>> {
    let d = demande_or_404(&state, &id).await?;
    if lecteur(&state, &me, &d).await? != Lecteur::Demandeur {
        return Err(AppError::Forbidden);
    }
    let ApiJson(b) = body?;
    envoyer(&state, &chrome.tr(), &me, &d, &b.experts)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let d = state.store.expertise().demande(d.id).await?;
    Ok(Json(
        demande_dto(&state, &chrome, &d, Lecteur::Demandeur).await?,
    ))
}
