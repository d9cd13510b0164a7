//! A person's bookings, and cancelling one.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_store::equipements::ReservationVue;
use campus_store::outbox::OutgoingMail;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::pages::{MesReservationsPage, ReservationRow};
use super::{duree, manages, quand};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// A booking's line; it can be cancelled while it has not started at
/// `now`.
pub(super) fn row(tr: &Tr, r: ReservationVue, now: DateTime<Utc>) -> ReservationRow {
    let annulable = r.statut.occupe() && r.debut > now;
    ReservationRow {
        id: r.id,
        quand: quand(tr, r.debut, r.fin),
        duree: duree(i64::from(r.minutes)),
        statut: tr.t(r.statut.label_key()),
        organisation: r
            .organisation_nom
            .unwrap_or_else(|| tr.t("reservation-organisation-none")),
        demandeur: format!("{} <{}>", r.user_nom, r.user_email),
        equipement_slug: r.equipement_slug,
        equipement_nom: r.equipement_nom,
        objet: r.objet,
        annulable,
    }
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
    let notice = match q.ok.as_str() {
        "confirmee" => Some(tr.t("reservation-notice-confirmed")),
        "demandee" => Some(tr.t("reservation-notice-requested")),
        "annulee" => Some(tr.t("reservation-notice-cancelled")),
        _ => None,
    };
    let items = state
        .store
        .equipements()
        .reservations_of_user(me.user.id)
        .await?
        .into_iter()
        .map(|r| row(&tr, r, state.clock.now()))
        .collect();
    Ok(render(&MesReservationsPage {
        chrome,
        notice,
        items,
    })?
    .into_response())
}

/// Cancels a booking: its author, a manager of the equipment or the
/// campus team may.
pub(super) async fn cancel(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let r = state.store.equipements().reservation(id).await?;
    let e = state
        .store
        .equipements()
        .equipement_by_slug(&r.equipement_slug)
        .await?;
    let own = r.user_id == me.user.id;
    if !own && !manages(&state, &me, &e).await? {
        return Err(AppError::Forbidden);
    }
    let mail = OutgoingMail {
        to: r.user_email.clone(),
        subject: tr.ts("mail-resa-cancelled-subject", "name", &e.nom),
        body: tr.tv(
            "mail-resa-cancelled-body",
            &[
                ("person", &r.user_nom),
                ("name", &e.nom),
                ("when", &quand(&tr, r.debut, r.fin)),
            ],
        ),
    };
    match state
        .store
        .equipements()
        .cancel_reservation(id, me.user.id, vec![mail])
        .await
    {
        Ok(()) => state.mail_queued.notify_one(),
        Err(campus_store::StoreError::NotFound) => {
            return Err(AppError::Conflict("reservation-not-cancellable"));
        }
        Err(err) => return Err(err.into()),
    }
    Ok(see_other(if own {
        "/reservations?ok=annulee"
    } else {
        "/reservations/a-valider?ok=annulee"
    }))
}
