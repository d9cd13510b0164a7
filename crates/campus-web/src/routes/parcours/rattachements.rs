//! The campus team's review of the certifications that higher-education
//! programmes are attached to by their titles: each attachment can be
//! confirmed or removed, and a missing one added. Decisions survive every
//! later computation; the catalogue generation moves with them, so every
//! node's engine reloads its training units.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::CodeCertification;
use campus_store::StoreError;
use serde::Deserialize;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, url_encode};
use crate::parcours::pages::{AttachmentView, AttachmentsPage};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/parcours/formations", Access::Staff, review),
        RouteDef::post("/admin/parcours/formations", Access::Staff, decide),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReviewQuery {
    certification: String,
    ok: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DecisionForm {
    certification: String,
    formation: String,
    /// `garder` or `retirer`.
    decision: String,
}

/// The certification of the catalogue named by `typed`, if any.
async fn known(state: &AppState, typed: &str) -> AppResult<Option<(CodeCertification, String)>> {
    let Ok(code) = CodeCertification::parse(typed.trim().to_ascii_uppercase().as_str()) else {
        return Ok(None);
    };
    let loaded = state.parcours.current(&state.store).await?;
    Ok(loaded
        .referentiel
        .certification(&code)
        .map(|c| (code.clone(), c.libelle.clone())))
}

async fn page(
    state: &AppState,
    chrome: Chrome,
    certification: &str,
    errors: FormErrors,
    notice: Option<String>,
    formation: String,
) -> AppResult<AttachmentsPage> {
    let found = known(state, certification).await?;
    let rows = match &found {
        Some((code, _)) => state
            .store
            .parcours()
            .list_attachments(code)
            .await?
            .into_iter()
            .map(|r| AttachmentView {
                formation_id: r.formation_id,
                intitule: r.intitule,
                organisme: r.organisme,
                score_pct: (r.score * 100.0).round().clamp(0.0, 100.0) as u64,
                curated: r.curated,
                removed: r.removed,
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(AttachmentsPage {
        errors,
        notice,
        certification: found.as_ref().map_or_else(
            || certification.trim().to_owned(),
            |(c, _)| c.as_str().to_owned(),
        ),
        libelle: found.map(|(_, l)| l),
        rows,
        formation,
        chrome,
    })
}

async fn review(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Response> {
    let notice = (q.ok == "1").then(|| chrome.t("lien-notice-saved"));
    let p = page(
        &state,
        chrome,
        &q.certification,
        FormErrors::default(),
        notice,
        String::new(),
    )
    .await?;
    Ok(render(&p)?.into_response())
}

async fn decide(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let keep = match form.decision.as_str() {
        "garder" => Some(true),
        "retirer" => Some(false),
        _ => {
            errors.add("decision", tr.t("rattachement-error-decision"));
            None
        }
    };
    let found = known(&state, &form.certification).await?;
    if found.is_none() {
        errors.add(
            "certification",
            tr.ts("lien-unknown", "code", form.certification.trim()),
        );
    }
    let formation = form.formation.trim();
    if formation.is_empty() {
        errors.add("formation", tr.t("rattachement-error-formation"));
    }
    let decided = match (keep, &found, errors.is_empty()) {
        (Some(keep), Some((code, _)), true) => {
            match state
                .store
                .parcours()
                .decide_attachment(formation, code, keep)
                .await
            {
                Ok(()) => true,
                Err(StoreError::NotFound) => {
                    errors.add("formation", tr.t("rattachement-error-formation"));
                    false
                }
                Err(e) => return Err(e.into()),
            }
        }
        _ => false,
    };
    if decided {
        return Ok(see_other(&format!(
            "/admin/parcours/formations?certification={}&ok=1",
            url_encode(form.certification.trim())
        )));
    }
    let p = page(
        &state,
        chrome,
        &form.certification,
        errors,
        None,
        formation.to_owned(),
    )
    .await?;
    Ok(invalid(render(&p)?))
}
