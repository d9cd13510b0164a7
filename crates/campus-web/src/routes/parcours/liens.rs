//! The campus team's review of the links from a certification's blocs de
//! compétences to ROME skills: each computed link can be confirmed or
//! removed, and a missing one added. Decisions are stored as curated and
//! survive every later alignment; the catalogue generation moves with
//! them, so every node's engine reloads the links.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::CodeCertification;
use campus_parcours::CompetenceId;
use campus_parcours::align::{Decision, Origin};
use campus_store::StoreError;
use serde::Deserialize;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, url_encode};
use crate::parcours::pages::{BlocLinks, CurationPage, LinkRow};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/parcours/liens", Access::Staff, review),
        RouteDef::post("/admin/parcours/liens", Access::Staff, decide),
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
    bloc: String,
    /// OGR code, or (to add a link) the skill's exact label.
    competence: String,
    /// `garder` or `retirer`.
    decision: String,
}

async fn page(
    state: &AppState,
    chrome: Chrome,
    certification: &str,
    errors: FormErrors,
    notice: Option<String>,
    form: Option<&DecisionForm>,
) -> AppResult<CurationPage> {
    let loaded = state.parcours.current(&state.store).await?;
    let r = &loaded.referentiel;
    let code = CodeCertification::parse(certification.trim().to_ascii_uppercase().as_str()).ok();
    let entry = code.as_ref().and_then(|c| r.certification(c));
    let mut blocs = Vec::new();
    if let Some(code) = code.as_ref().filter(|_| entry.is_some()) {
        for bloc in r.certification_blocs(code) {
            let links = state
                .store
                .parcours()
                .list_bloc_links(&bloc)
                .await?
                .into_iter()
                .map(|l| LinkRow {
                    code_ogr: l.code_ogr,
                    libelle: l.libelle,
                    score_pct: (l.score * 100.0).round().clamp(0.0, 100.0) as u64,
                    curated: l.origin == Origin::Curated,
                    removed: l.removed,
                })
                .collect();
            blocs.push(BlocLinks {
                libelle: r.bloc(&bloc).map(|b| b.libelle.clone()).unwrap_or_default(),
                code: bloc,
                links,
            });
        }
    }
    Ok(CurationPage {
        errors,
        notice,
        certification: code.as_ref().map_or_else(
            || certification.trim().to_owned(),
            |c| c.as_str().to_owned(),
        ),
        libelle: entry.map(|e| e.libelle.clone()),
        blocs,
        bloc: form.map(|f| f.bloc.clone()).unwrap_or_default(),
        competence: form.map(|f| f.competence.clone()).unwrap_or_default(),
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
        None,
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
    let decision = match form.decision.as_str() {
        "garder" => Some(Decision::Keep),
        "retirer" => Some(Decision::Remove),
        _ => {
            errors.add("decision", tr.t("lien-error-decision"));
            None
        }
    };
    let loaded = state.parcours.current(&state.store).await?;
    let r = &loaded.referentiel;
    let bloc = form.bloc.trim().to_ascii_uppercase();
    if r.bloc(&bloc).is_none() {
        errors.add("bloc", tr.t("lien-error-bloc"));
    }
    let typed = form.competence.trim();
    let skill = match typed.parse::<i64>() {
        Ok(code) => r.skill(CompetenceId(code)).map(|s| s.id),
        Err(_) => {
            let wanted = campus_domain::slugify(typed);
            r.skills()
                .find(|s| campus_domain::slugify(&s.libelle) == wanted)
                .map(|s| s.id)
        }
    };
    if skill.is_none() {
        errors.add("competence", tr.ts("lien-error-competence", "text", typed));
    }
    let (Some(decision), Some(skill), true) = (decision, skill, errors.is_empty()) else {
        let p = page(
            &state,
            chrome,
            &form.certification,
            errors,
            None,
            Some(&form),
        )
        .await?;
        return Ok(invalid(render(&p)?));
    };
    match state
        .store
        .parcours()
        .decide_link(&bloc, skill.0, decision)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/admin/parcours/liens?certification={}&ok=1",
            url_encode(form.certification.trim())
        ))),
        Err(StoreError::NotFound) => {
            let mut errors = FormErrors::default();
            errors.add("bloc", tr.t("lien-error-bloc"));
            let p = page(
                &state,
                chrome,
                &form.certification,
                errors,
                None,
                Some(&form),
            )
            .await?;
            Ok(invalid(render(&p)?))
        }
        Err(e) => Err(e.into()),
    }
}
