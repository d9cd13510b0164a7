//! The annual reports: producing one freezes it; a frozen report's PDF,
//! workbook and snapshot are rendered from the frozen content only, and
//! its page checks that they still give the SHA-256 kept when it was
//! produced.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::evaluation::rapport::Rapport;
use campus_store::rapports::RapportFige;
use serde::Deserialize;

use super::secteur;
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::evaluation::rapport::{self, Format, RapportError, sha256_hex};
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "evaluation/rapports.html")]
struct RapportsPage {
    chrome: Chrome,
    errors: FormErrors,
    annee: String,
    annees: Vec<(String, String)>,
    rapports: Vec<RapportFige>,
}

#[derive(Deserialize, Default)]
pub(crate) struct RapportValues {
    #[serde(default)]
    annee: String,
}

async fn page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    annee: String,
) -> AppResult<RapportsPage> {
    let mut annees: Vec<(String, String)> = state
        .store
        .evaluation()
        .annees()
        .await?
        .into_iter()
        .rev()
        .map(|a| (a.to_string(), a.to_string()))
        .collect();
    if annees.is_empty() {
        annees.push((annee.clone(), annee.clone()));
    }
    Ok(RapportsPage {
        rapports: state.store.rapports().list().await?,
        annees,
        annee,
        errors,
        chrome,
    })
}

pub(crate) async fn list(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    use chrono::Datelike;
    let annee = (state.clock.today().year()).to_string();
    Ok(render(&page(&state, chrome, FormErrors::default(), annee).await?)?.into_response())
}

pub(crate) async fn produire(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    chrome: Chrome,
    Form(v): Form<RapportValues>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let Some(annee) = v
        .annee
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|a| (2000..=2100).contains(a))
    else {
        errors.add(
            "annee",
            format!("« {} » n'est pas une année (2000 à 2100)", v.annee.trim()),
        );
        return Ok(invalid(render(
            &page(&state, chrome, errors, v.annee).await?,
        )?));
    };
    match rapport::produire(
        &state.store,
        &secteur(&state)?,
        annee,
        state.clock.today(),
        Some(me.user.id),
    )
    .await
    {
        Ok((fige, _)) => Ok(see_other(&format!(
            "/admin/evaluation/rapports/{}",
            fige.id
        ))),
        Err(e @ RapportError::AnneeSansDonnees(_)) => {
            errors.add("annee", e.to_string());
            Ok(invalid(render(
                &page(&state, chrome, errors, v.annee).await?,
            )?))
        }
        Err(RapportError::Store(e)) => Err(e.into()),
        Err(e) => Err(AppError::internal("rapport annuel", e)),
    }
}

async fn fige_or_404(state: &AppState, id: &str) -> AppResult<(RapportFige, Rapport)> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let fige = state
        .store
        .rapports()
        .get(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let rapport = rapport::relire(&fige).map_err(|e| AppError::internal("rapport figé", e))?;
    Ok((fige, rapport))
}

#[derive(Template)]
#[template(path = "evaluation/rapport.html")]
struct RapportPage {
    chrome: Chrome,
    fige: RapportFige,
    rapport: Rapport,
    pdf_identique: bool,
    xlsx_identique: bool,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (fige, r) = fige_or_404(&state, &id).await?;
    let rendu = |f| rapport::rendre(&r, f).map_err(|e| AppError::internal("rapport figé", e));
    let page = RapportPage {
        pdf_identique: sha256_hex(&rendu(Format::Pdf)?) == fige.sha256_pdf,
        xlsx_identique: sha256_hex(&rendu(Format::Xlsx)?) == fige.sha256_xlsx,
        fige,
        rapport: r,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

async fn fichier(state: &AppState, id: &str, format: Format) -> AppResult<Response> {
    let (fige, r) = fige_or_404(state, id).await?;
    let bytes = rapport::rendre(&r, format).map_err(|e| AppError::internal("rapport figé", e))?;
    let filename = format!(
        "rapport-evaluation-{}-{}.{}",
        fige.annee,
        fige.id,
        format.extension()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub(crate) async fn pdf(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    fichier(&state, &id, Format::Pdf).await
}

pub(crate) async fn xlsx(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    fichier(&state, &id, Format::Xlsx).await
}

/// The frozen content itself: every figure and definition as printed.
pub(crate) async fn json(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (fige, _) = fige_or_404(&state, &id).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/json".to_owned())],
        fige.contenu,
    )
        .into_response())
}
