//! Certifications (RNCP, RS): level and its meaning, blocs de compétences,
//! certifiers, trades they lead to, old and new versions.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::{CodeCertification, Niveau};
use campus_store::certifications::CertificationPage;
use serde::Serialize;
use utoipa::ToSchema;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{CertificationPageView, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/certifications/{code}", Access::Public, show),
        RouteDef::get(
            "/api/v1/certifications/{code}",
            Access::Public,
            api_certification,
        ),
    ]
}

async fn load(state: &AppState, code: &str) -> AppResult<CertificationPage> {
    let code = CodeCertification::parse(code).map_err(|_| AppError::NotFound)?;
    Ok(state.store.certification(&code).await?)
}

fn title(c: &CertificationPage) -> String {
    c.entries
        .first()
        .map(|e| e.libelle.clone())
        .unwrap_or_else(|| c.code.as_str().to_owned())
}

fn niveau(c: &CertificationPage) -> Option<Niveau> {
    c.entries
        .iter()
        .filter_map(|e| e.niveau)
        .find_map(|n| u8::try_from(n).ok().and_then(Niveau::new))
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let c = load(&state, &code).await?;
    let formations = state.store.formations_of_certification(&c.code).await?;
    let page = CertificationPageView {
        formations,
        title: title(&c),
        niveau: niveau(&c),
        c,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A bloc de compétences.
#[derive(Serialize, ToSchema)]
pub(crate) struct BlocDto {
    code: String,
    libelle: String,
}

/// A certification of the RNCP or of the Répertoire spécifique.
#[derive(Serialize, ToSchema)]
pub(crate) struct CertificationDto {
    code: String,
    libelle: String,
    /// National level, 3 (CAP) to 8 (doctorate).
    niveau: Option<u8>,
    type_diplome: Option<String>,
    etat: Option<String>,
    formacode: Option<String>,
    nsf: Option<String>,
    blocs: Vec<BlocDto>,
    certificateurs: Vec<String>,
    /// ROME codes of the trades it leads to.
    metiers: Vec<String>,
    anciennes: Vec<String>,
    nouvelles: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/certifications/{code}", tag = "catalogue",
    params(("code" = String, Path, description = "Code RNCP ou RS, par exemple RNCP36085 ou RS5000")),
    responses((status = 200, body = CertificationDto), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_certification(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<CertificationDto>> {
    let c = load(&state, &code).await?;
    let first = c.entries.first();
    Ok(Json(CertificationDto {
        code: c.code.as_str().to_owned(),
        libelle: title(&c),
        niveau: niveau(&c).map(Niveau::value),
        type_diplome: first.and_then(|e| e.type_libelle.clone()),
        etat: first.and_then(|e| e.etat_libelle.clone()),
        formacode: first.and_then(|e| e.formacode.clone()),
        nsf: first.and_then(|e| e.nsf.clone()),
        blocs: c
            .blocs
            .into_iter()
            .map(|b| BlocDto {
                code: b.code,
                libelle: b.libelle,
            })
            .collect(),
        certificateurs: c.certificateurs.into_iter().map(|x| x.nom).collect(),
        metiers: c.metiers.into_iter().map(|m| m.code_rome).collect(),
        anciennes: c.anciennes,
        nouvelles: c.nouvelles,
    }))
}
