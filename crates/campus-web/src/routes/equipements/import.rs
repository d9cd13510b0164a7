//! The campus team's import of a list of equipment (CSV), the same import
//! as `campus import equipements FILE`: all or nothing, every problem
//! listed with its line, nothing stored when there is one. The list is
//! read and imported, not kept: it is no document of anyone's.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use campus_formats::equipements_csv::COLONNES;
use campus_import::EquipementsRefuses;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// Largest list accepted.
pub(super) const IMPORT_MAX_BYTES: usize = 2 * 1024 * 1024;
/// Body limit of the upload route: the list and the multipart framing.
pub(super) const IMPORT_BODY_LIMIT: usize = IMPORT_MAX_BYTES + 64 * 1024;

#[derive(Template)]
#[template(path = "equipements/import.html")]
pub(crate) struct ImportPage {
    pub chrome: Chrome,
    /// The problems of the list sent, each with its file and line.
    pub problemes: Vec<String>,
    /// A refusal of the file itself (none sent, too large).
    pub erreur: Option<String>,
    pub notice: Option<String>,
    pub colonnes: String,
    pub max_mo: usize,
}

fn page(
    chrome: Chrome,
    problemes: Vec<String>,
    erreur: Option<String>,
    notice: Option<String>,
) -> ImportPage {
    ImportPage {
        chrome,
        problemes,
        erreur,
        notice,
        colonnes: COLONNES.join(";"),
        max_mo: IMPORT_MAX_BYTES / (1024 * 1024),
    }
}

/// What the last import did, carried by the redirect after it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct BilanQuery {
    crees: Option<u64>,
    modifies: Option<u64>,
    inchanges: Option<u64>,
}

pub(super) async fn form(chrome: Chrome, Query(q): Query<BilanQuery>) -> AppResult<Response> {
    let notice = match (q.crees, q.modifies, q.inchanges) {
        (Some(c), Some(m), Some(i)) => Some(chrome.tr().tns(
            "equipement-import-notice",
            &[("created", c), ("updated", m), ("unchanged", i)],
        )),
        _ => None,
    };
    Ok(render(&page(chrome, Vec::new(), None, notice))?.into_response())
}

/// The list sent: its file name and bytes, if any.
async fn read_list(
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Option<(String, Vec<u8>)>> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut multipart = multipart.map_err(|e| bad(e.body_text()))?;
    let mut list = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        if field.name() == Some("fichier") {
            // The name is only shown beside the line numbers.
            let name: String = field
                .file_name()
                .unwrap_or("liste.csv")
                .chars()
                .filter(|c| !c.is_control())
                .take(100)
                .collect();
            let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
            if !bytes.is_empty() {
                list = Some((name, bytes.to_vec()));
            }
        }
    }
    Ok(list)
}

pub(super) async fn upload(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let refused = |chrome, problemes, erreur| -> AppResult<Response> {
        let html = render(&page(chrome, problemes, erreur, None))?;
        Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
    };
    let Some((name, bytes)) = read_list(multipart).await? else {
        return refused(chrome, Vec::new(), Some(tr.t("equipement-import-missing")));
    };
    if bytes.len() > IMPORT_MAX_BYTES {
        let message = tr.tn(
            "equipement-import-too-large",
            "mo",
            (IMPORT_MAX_BYTES >> 20) as u64,
        );
        return refused(chrome, Vec::new(), Some(message));
    }
    match campus_import::importer_equipements(&state.store, &name, &bytes, Some(me.user.id)).await {
        Ok(bilan) => Ok(see_other(&format!(
            "/admin/equipements/import?crees={}&modifies={}&inchanges={}",
            bilan.crees.len(),
            bilan.modifies.len(),
            bilan.inchanges.len()
        ))),
        Err(EquipementsRefuses::Lignes(problems)) => refused(
            chrome,
            problems.iter().map(ToString::to_string).collect(),
            None,
        ),
        Err(EquipementsRefuses::Store(err)) => Err(err.into()),
    }
}
