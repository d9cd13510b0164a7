//! Managers' approvals: the pending bookings of the equipment they manage
//! (all of them for the campus team), approved or refused with an e-mail
//! to the person who asked.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_store::outbox::OutgoingMail;
use serde::Deserialize;

use super::mes_reservations::row;
use super::pages::ApprobationsPage;
use super::{manages, quand};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// The equipment `me` manages (`None` = all, for the campus team); 403
/// for someone who manages none.
async fn scope(state: &AppState, me: &Identity) -> AppResult<Option<Vec<i32>>> {
    if me.user.role.is_campus_staff() {
        return Ok(None);
    }
    let ids = state
        .store
        .equipements()
        .managed_equipements(me.user.id)
        .await?;
    if ids.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(Some(ids))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoticeQuery {
    ok: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let ids = scope(&state, &me).await?;
    let notice = match q.ok.as_str() {
        "validee" => Some(tr.t("reservation-notice-approved")),
        "refusee" => Some(tr.t("reservation-notice-refused")),
        "annulee" => Some(tr.t("reservation-notice-cancelled")),
        _ => None,
    };
    let items = state
        .store
        .equipements()
        .pending_reservations(ids)
        .await?
        .into_iter()
        .map(|r| row(&tr, r, state.clock.now()))
        .collect();
    Ok(render(&ApprobationsPage {
        chrome,
        notice,
        items,
    })?
    .into_response())
}

async fn decide(
    state: AppState,
    chrome: Chrome,
    me: Identity,
    id: String,
    approve: bool,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let r = state.store.equipements().reservation(id).await?;
    let e = state
        .store
        .equipements()
        .equipement_by_slug(&r.equipement_slug)
        .await?;
    if !manages(&state, &me, &e).await? {
        return Err(AppError::Forbidden);
    }
    let (subject, body) = if approve {
        ("mail-resa-approved-subject", "mail-resa-approved-body")
    } else {
        ("mail-resa-refused-subject", "mail-resa-refused-body")
    };
    let mail = OutgoingMail {
        to: r.user_email.clone(),
        subject: tr.ts(subject, "name", &e.nom),
        body: tr.tv(
            body,
            &[
                ("person", &r.user_nom),
                ("name", &e.nom),
                ("when", &quand(&tr, r.debut, r.fin)),
                ("link", &format!("{}/reservations", state.config.base_url())),
            ],
        ),
    };
    match state
        .store
        .equipements()
        .decide_reservation(id, approve, me.user.id, mail)
        .await
    {
        Ok(()) => state.mail_queued.notify_one(),
        Err(campus_store::StoreError::NotFound) => {
            return Err(AppError::Conflict("reservation-already-decided"));
        }
        Err(err) => return Err(err.into()),
    }
    Ok(see_other(if approve {
        "/reservations/a-valider?ok=validee"
    } else {
        "/reservations/a-valider?ok=refusee"
    }))
}

pub(super) async fn approve(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    decide(state, chrome, me, id, true).await
}

pub(super) async fn refuse(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    decide(state, chrome, me, id, false).await
}
