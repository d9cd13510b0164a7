//! The review of news by the campus team: the queue of submitted items,
//! and the decision on one (publish, send back with a reason, withdraw),
//! told to the author by mail in the decision's transaction.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::actualite::{ActionActualite, EtatActualite, MOTIF_MAX};
use campus_store::actualites::{DecisionError, FiltreActualites};
use serde::Deserialize;

use super::pages::{ActualiteRow, show_page};
use super::{actualite_or_404, lit, mails, refus};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "actualites/revue.html")]
pub(crate) struct QueuePage {
    pub chrome: Chrome,
    pub soumises: Vec<ActualiteRow>,
    pub publiees: Vec<ActualiteRow>,
}

pub(crate) async fn queue(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let store = state.store.actualites();
    let list = |etat| FiltreActualites {
        etat: Some(etat),
        per_page: 100,
        ..Default::default()
    };
    let soumises = store
        .liste(&list(EtatActualite::Soumise))
        .await?
        .0
        .iter()
        .map(|a| ActualiteRow::of(&tr, a))
        .collect();
    let publiees = store
        .liste(&FiltreActualites {
            publiees: true,
            per_page: 100,
            ..Default::default()
        })
        .await?
        .0
        .iter()
        .map(|a| ActualiteRow::of(&tr, a))
        .collect();
    let page = QueuePage {
        soumises,
        publiees,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct DecisionForm {
    action: String,
    motif: String,
    version: String,
}

/// A decision on a news item: the campus team publishes, sends back (a
/// reason is required) or withdraws. Of two reviewers deciding at once,
/// the second is told the item moved (409).
pub(crate) async fn decide(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let a = actualite_or_404(&state, &slug).await?;
    if !lit(Some(&me), &a) || !me.user.role.is_campus_staff() {
        return Err(refus(Some(&me)));
    }
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let action = match ActionActualite::parse(&form.action) {
        Ok(action) if action != ActionActualite::Resoumettre => Some(action),
        _ => {
            errors.add("action", tr.t("actualite-action-invalide"));
            None
        }
    };
    let motif = form.motif.trim().to_owned();
    if action == Some(ActionActualite::Renvoyer) && motif.is_empty() {
        errors.add("motif", tr.t("actualite-motif-manquant"));
    }
    if motif.chars().count() > MOTIF_MAX {
        errors.add(
            "motif",
            tr.tn("actualite-motif-long", "max", MOTIF_MAX as u64),
        );
    }
    let (Some(action), true) = (action, errors.is_empty()) else {
        let page = show_page(chrome, Some(&me), a, None, errors, form.motif);
        return Ok(invalid(render(&page)?));
    };
    let motif = (action == ActionActualite::Renvoyer).then_some(motif);
    let mail = mails::decision(&state, &a, action, motif.as_deref());
    let version = form.version.trim().parse::<i32>().ok();
    match state
        .store
        .actualites()
        .decider(a.id, action, motif, version, mail.into_iter().collect())
        .await
    {
        Ok(etat) => {
            state.mail_queued.notify_one();
            Ok(see_other(&format!(
                "/actualites/{}?ok={}",
                a.slug,
                etat.as_str()
            )))
        }
        Err(DecisionError::Impossible(_)) => Err(AppError::Conflict("actualite-deja-decidee")),
        Err(DecisionError::Store(e)) => Err(e.into()),
    }
}
