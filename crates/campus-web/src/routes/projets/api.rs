//! The projects API: the showcase and one's projects, one project, its
//! members, documents and stages. Same checks and same steps as the site;
//! errors are problem documents, with one message per field for invalid
//! input.

use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_store::projets::{FiltreProjets, Projet};
use serde::Serialize;
use utoipa::ToSchema;

use super::documents::{deposer, read_envoi};
use super::etapes::{DecisionValues, decider};
use super::membres::{MembreValues, ajouter};
use super::validate::{self, ProjetValues};
use super::{Acces, membre, projet_by_id};
use crate::auth::{CurrentUser, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, Problem};
use crate::forms::ApiJson;
use crate::state::AppState;

/// A project as the API shows it. Members are listed by
/// `/api/v1/projets/{id}/membres`, to members only.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProjetDto {
    id: i32,
    slug: String,
    /// `ecole_recherche`, `initiation_recherche`, `pedagogique_industriel`
    /// or `we_lab`.
    type_projet: String,
    titre: String,
    resume: String,
    resultats: Option<String>,
    debut: String,
    fin: String,
    /// `en_cours`, `termine` or `abandonne`.
    statut: String,
    /// The current stage.
    etape: String,
    /// `en_cours`, `soumise` (to the campus team's review) or `validee`.
    etat_etape: String,
    public: bool,
    organisations: Vec<String>,
    /// ROME codes.
    metiers: Vec<String>,
    certifications: Vec<String>,
    equipements: Vec<String>,
    version: i32,
    adresse: String,
}

impl ProjetDto {
    fn of(p: &Projet) -> ProjetDto {
        ProjetDto {
            id: p.id,
            slug: p.slug.clone(),
            type_projet: p.type_projet.as_str().to_owned(),
            titre: p.titre.clone(),
            resume: p.resume.clone(),
            resultats: p.resultats.clone(),
            debut: p.debut.to_string(),
            fin: p.fin.to_string(),
            statut: p.statut.as_str().to_owned(),
            etape: p.etape.as_str().to_owned(),
            etat_etape: p.etat_etape.as_str().to_owned(),
            public: p.public,
            organisations: p.organisations.iter().map(|o| o.nom.clone()).collect(),
            metiers: p
                .metiers
                .iter()
                .map(|(c, _)| c.as_str().to_owned())
                .collect(),
            certifications: p.certifications.iter().map(|(c, _)| c.clone()).collect(),
            equipements: p.equipements.iter().map(|e| e.slug.clone()).collect(),
            version: p.version,
            adresse: format!("/projets/{}", p.slug),
        }
    }
}

/// A member of a project.
#[derive(Serialize, ToSchema)]
pub(crate) struct MembreProjetDto {
    user_id: i32,
    nom: String,
    email: String,
    /// `porteur`, `enseignant`, `chercheur`, `tuteur_industriel`, `eleve`
    /// or `invite`.
    role: String,
    invitation_en_attente: bool,
}

/// One version of a document of a project.
#[derive(Serialize, ToSchema)]
pub(crate) struct DocumentProjetDto {
    id: i32,
    serie_id: i32,
    version: i32,
    titre: String,
    livrable: Option<String>,
    public: bool,
    /// `pdf`, `docx`, `xlsx`, `pptx`, `odt`, `ods`, `odp`, `png`, `jpeg`
    /// or `webp`, read from its bytes.
    nature: String,
    taille: i64,
    depose_le: String,
    telechargement: String,
}

/// The stages of a project and where its deliverables stand.
#[derive(Serialize, ToSchema)]
pub(crate) struct EtapesDto {
    etapes: Vec<String>,
    etape: String,
    etat_etape: String,
    livrables: Vec<LivrableDto>,
    manquants: Vec<String>,
    version: i32,
    historique: Vec<FaitDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct LivrableDto {
    livrable: String,
    /// `depose`, `refuse`, `accepte`, or none yet.
    etat: Option<String>,
    commentaire: Option<String>,
    document_id: Option<i32>,
}

/// A fact of the project's timeline.
#[derive(Serialize, ToSchema)]
pub(crate) struct FaitDto {
    fait: String,
    etape: Option<String>,
    livrable: Option<String>,
    detail: String,
    date: String,
}

#[utoipa::path(get, path = "/api/v1/projets", tag = "projets",
    description = "Les projets publics du réseau ; pour une personne connectée, aussi ceux dont elle est membre.",
    responses((status = 200, body = Vec<ProjetDto>)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> AppResult<Json<Vec<ProjetDto>>> {
    let store = state.store.projets();
    let mut ids: Vec<i32> = store
        .liste(&FiltreProjets {
            publics: true,
            ..Default::default()
        })
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    if let Some(me) = &me {
        let filtre = if me.user.role.is_campus_staff() {
            FiltreProjets::default()
        } else {
            FiltreProjets {
                membre: Some(me.user.id),
                ..Default::default()
            }
        };
        ids.extend(store.liste(&filtre).await?.iter().map(|p| p.id));
    }
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(ProjetDto::of(&store.projet(id).await?));
    }
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/v1/projets", tag = "projets", request_body = ProjetValues,
    description = "Crée un projet dont la personne connectée est porteuse, à la première étape de son type. Les métiers se donnent par intitulé d'emploi ou code ROME, les certifications par intitulé ou code RNCP/RS.",
    responses(
        (status = 201, body = ProjetDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    ApiJson(values): ApiJson<ProjetValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let input = validate::projet(&state, &tr, &values)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let (id, _) = state.store.projets().creer(&input, me.user.id).await?;
    crate::routes::search::projet_changed(&state, id).await;
    let p = state.store.projets().projet(id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/projets/{id}"))],
        Json(ProjetDto::of(&p)),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/projets/{id}", tag = "projets",
    description = "Un projet public, ou un projet dont la personne connectée est membre (l'équipe du campus les voit tous).",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 200, body = ProjetDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Json<ProjetDto>> {
    let p = projet_by_id(&state, &id).await?;
    let acces = Acces::of(me.as_ref(), &p);
    if !acces.lit() && !p.public {
        return Err(if me.is_some() {
            AppError::Forbidden
        } else {
            AppError::Unauthorized
        });
    }
    Ok(Json(ProjetDto::of(&p)))
}

#[utoipa::path(get, path = "/api/v1/projets/{id}/membres", tag = "projets",
    description = "Les membres d'un projet, pour ses membres et l'équipe du campus.",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 200, body = Vec<MembreProjetDto>),
        (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn members(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<MembreProjetDto>>> {
    let p = projet_by_id(&state, &id).await?;
    membre(&me, &p)?;
    Ok(Json(
        p.membres
            .iter()
            .map(|m| MembreProjetDto {
                user_id: m.user_id,
                nom: m.nom.clone(),
                email: m.email.clone(),
                role: m.role.as_str().to_owned(),
                invitation_en_attente: m.invitation_en_attente,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/projets/{id}/membres", tag = "projets", request_body = MembreValues,
    description = "Ajoute une personne au projet (porteur ou équipe du campus). Une adresse sans compte reçoit une invitation : elle ne verra que ce projet.",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 201, body = Vec<MembreProjetDto>),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn add_member(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    body: Result<ApiJson<MembreValues>, AppError>,
) -> AppResult<Response> {
    let p = projet_by_id(&state, &id).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let ApiJson(v) = body?;
    ajouter(&state, &chrome.tr(), &me, &p, &v)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let Json(list) = members(State(state), CurrentUser(me), Path(id)).await?;
    Ok((StatusCode::CREATED, Json(list)).into_response())
}

fn document_dto(p: &Projet, d: &campus_store::projets::DocumentProjet) -> DocumentProjetDto {
    DocumentProjetDto {
        id: d.id,
        serie_id: d.serie_id,
        version: d.version,
        titre: d.titre.clone(),
        livrable: d.livrable.map(|l| l.as_str().to_owned()),
        public: d.public,
        nature: d.fichier.nature.clone(),
        taille: d.fichier.taille,
        depose_le: d.created_at.to_rfc3339(),
        telechargement: format!("/projets/{}/documents/{}", p.slug, d.id),
    }
}

#[utoipa::path(get, path = "/api/v1/projets/{id}/documents", tag = "projets",
    description = "Toutes les versions des documents d'un projet, pour ses membres et l'équipe du campus.",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 200, body = Vec<DocumentProjetDto>),
        (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn documents(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<DocumentProjetDto>>> {
    let p = projet_by_id(&state, &id).await?;
    membre(&me, &p)?;
    let docs = state.store.projets().documents(p.id).await?;
    Ok(Json(docs.iter().map(|d| document_dto(&p, d)).collect()))
}

#[utoipa::path(post, path = "/api/v1/projets/{id}/documents", tag = "projets",
    request_body(content_type = "multipart/form-data", description = "`fichier` (PDF, document bureautique DOCX/XLSX/PPTX/ODT/ODS/ODP ou image PNG/JPEG/WebP de 20 Mo au plus, type lu dans son contenu), `titre`, `livrable` (un livrable de l'étape en cours), `serie_de` (numéro d'un document dont c'est une nouvelle version), `public` (`oui`)."),
    description = "Dépose un document dans le projet (tout membre). Une nouvelle version garde les précédentes.",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 201, body = DocumentProjetDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn upload(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let p = projet_by_id(&state, &id).await?;
    if !membre(&me, &p)?.depose() {
        return Err(AppError::Forbidden);
    }
    let envoi = read_envoi(multipart).await?;
    let doc_id = deposer(&state, &chrome.tr(), &me, &p, envoi)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let d = state.store.projets().document(doc_id).await?;
    Ok((
        StatusCode::CREATED,
        [(
            header::LOCATION,
            format!("/projets/{}/documents/{doc_id}", p.slug),
        )],
        Json(document_dto(&p, &d)),
    )
        .into_response())
}

async fn stages_of(state: &AppState, p: &Projet) -> AppResult<EtapesDto> {
    let historique = state
        .store
        .projets()
        .historique(p.id)
        .await?
        .into_iter()
        .map(|f| FaitDto {
            fait: f.fait.as_str().to_owned(),
            etape: f.etape.map(|e| e.as_str().to_owned()),
            livrable: f.livrable.map(|l| l.as_str().to_owned()),
            detail: f.detail,
            date: f.created_at.to_rfc3339(),
        })
        .collect();
    Ok(EtapesDto {
        etapes: p
            .type_projet
            .etapes()
            .iter()
            .map(|e| e.as_str().to_owned())
            .collect(),
        etape: p.etape.as_str().to_owned(),
        etat_etape: p.etat_etape.as_str().to_owned(),
        livrables: p
            .livrables_en_cours()
            .into_iter()
            .map(|(l, row)| LivrableDto {
                livrable: l.as_str().to_owned(),
                etat: row.map(|r| r.etat.as_str().to_owned()),
                commentaire: row.and_then(|r| r.commentaire.clone()),
                document_id: row.map(|r| r.projet_document_id),
            })
            .collect(),
        manquants: p
            .livrables_manquants()
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        version: p.version,
        historique,
    })
}

#[utoipa::path(get, path = "/api/v1/projets/{id}/etapes", tag = "projets",
    description = "Les étapes du projet, l'état des livrables de l'étape en cours et l'historique, pour ses membres et l'équipe du campus.",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 200, body = EtapesDto),
        (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn stages(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<EtapesDto>> {
    let p = projet_by_id(&state, &id).await?;
    membre(&me, &p)?;
    Ok(Json(stages_of(&state, &p).await?))
}

#[utoipa::path(post, path = "/api/v1/projets/{id}/etape", tag = "projets", request_body = DecisionValues,
    description = "Soumet l'étape en cours (porteur ; tous ses livrables déposés), ou la valide ou demande des modifications sur des livrables nommés avec un commentaire (équipe du campus). Une décision sur une étape déjà décidée est refusée (409).",
    params(("id" = i32, Path, description = "Numéro du projet")),
    responses(
        (status = 200, body = EtapesDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn decide(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    body: Result<ApiJson<DecisionValues>, AppError>,
) -> AppResult<Json<EtapesDto>> {
    let p = projet_by_id(&state, &id).await?;
    let acces = membre(&me, &p)?;
    if !acces.gere() && !acces.revise() {
        return Err(AppError::Forbidden);
    }
    let ApiJson(v) = body?;
    decider(&state, &chrome.tr(), &me, &p, acces, &v)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let p = state.store.projets().projet(p.id).await?;
    Ok(Json(stages_of(&state, &p).await?))
}
