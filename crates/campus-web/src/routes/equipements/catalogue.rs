//! The public catalogue, each equipment's page with its calendar of the
//! coming weeks, and its iCal feed.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::equipement::{StatutEquipement, StatutReservation};
use campus_domain::heure_legale;
use campus_formats::ical::{IcalEvent, calendar};
use campus_store::feeds::Flux;
use chrono::Duration;
use serde::Deserialize;

use super::calendrier::journees;
use super::pages::{EquipementPage, EquipementsPage, JourView};
use super::{euros, horaires_text, jour, manages};
use crate::auth::{CurrentUser, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// How far ahead the equipment page's calendar looks.
const CALENDAR_DAYS: u32 = 21;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ListQuery {
    ok: String,
}

pub(super) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let items = state.store.equipements().list_equipements().await?;
    let notice = (q.ok == "retire").then(|| chrome.t("equipement-gestion-notice-retired"));
    Ok(render(&EquipementsPage {
        chrome,
        notice,
        items,
    })?
    .into_response())
}

pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = state.store.equipements().equipement_by_slug(&slug).await?;
    let now = state.clock.now();
    let today = heure_legale::aujourdhui(now);
    let occupations = state
        .store
        .equipements()
        .occupation(
            e.id,
            now - Duration::days(1),
            now + Duration::days(i64::from(CALENDAR_DAYS) + 1),
        )
        .await?;
    let jours = journees(e.horaires, today, CALENDAR_DAYS, &occupations)
        .into_iter()
        .map(|j| JourView {
            label: jour(&tr, j.date),
            plages: j
                .plages
                .iter()
                .map(|p| {
                    (
                        format!("{}–{}", p.debut_hhmm(), p.fin_hhmm()),
                        tr.t(p.nature.label_key()),
                        p.nature.as_str(),
                    )
                })
                .collect(),
        })
        .collect();
    let can_manage = match &identity {
        Some(me) => manages(&state, me, &e).await?,
        None => false,
    };
    // A retired equipment left the catalogue; those who managed it still
    // see its page.
    if !e.au_catalogue() && !can_manage {
        return Err(AppError::NotFound);
    }
    let photos = state
        .store
        .equipements()
        .photos(e.id)
        .await?
        .into_iter()
        .map(|p| (p.id, p.texte_alternatif))
        .collect();
    let ical_url = if can_manage {
        let jeton = state.store.jeton_flux(Flux::Equipement(e.id)).await?;
        Some(format!(
            "{}/equipements/{}/calendrier.ics?jeton={jeton}",
            state.config.base_url(),
            e.slug,
        ))
    } else {
        None
    };
    let ressources = crate::routes::ressources::cartes(
        &state,
        &campus_store::ressources::FiltreRessources {
            equipement: Some(e.id),
            ..Default::default()
        },
    )
    .await?;
    let page = EquipementPage {
        ressources,
        tarif_academique: euros(e.tarif_academique_centimes),
        tarif_industriel: euros(e.tarif_industriel_centimes),
        horaires: horaires_text(&tr, e.horaires),
        bookable: e.statut == StatutEquipement::EnService && e.au_catalogue(),
        jours,
        photos,
        can_manage,
        ical_url,
        e,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct IcalQuery {
    jeton: String,
}

/// The equipment's bookings and maintenance windows, from a week ago to
/// six months ahead, for agenda applications. The secret token in the URL
/// (see [`campus_store::feeds`]) stands for the manager's sign-in, which
/// agenda applications cannot do; the events name no person.
pub(super) async fn ical(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(slug): Path<String>,
    Query(q): Query<IcalQuery>,
) -> AppResult<Response> {
    let e = state.store.equipements().equipement_by_slug(&slug).await?;
    if !state
        .store
        .flux_ouvert(Flux::Equipement(e.id), &q.jeton)
        .await?
    {
        return Err(AppError::NotFound);
    }
    let tr = chrome.tr();
    let now = state.clock.now();
    let mut events: Vec<IcalEvent> = state
        .store
        .equipements()
        .reservations_between(e.id, now - Duration::days(7), now + Duration::days(183))
        .await?
        .into_iter()
        .map(|r| IcalEvent {
            uid: format!("reservation-{}@{}", r.id, host(&state)),
            start: r.debut,
            end: r.fin,
            summary: tr.ts(
                if r.statut == StatutReservation::EnAttente {
                    "equipement-ical-pending"
                } else {
                    "equipement-ical-booked"
                },
                "name",
                &e.nom,
            ),
            location: Some(e.site.clone()),
            description: r.organisation_nom.clone(),
            url: Some(format!(
                "{}/equipements/{}",
                state.config.base_url(),
                e.slug
            )),
        })
        .collect();
    for o in state
        .store
        .equipements()
        .occupation(e.id, now - Duration::days(7), now + Duration::days(183))
        .await?
        .into_iter()
        .filter(|o| o.maintenance)
    {
        events.push(IcalEvent {
            uid: format!(
                "maintenance-{}-{}@{}",
                e.id,
                o.debut.timestamp(),
                host(&state)
            ),
            start: o.debut,
            end: o.fin,
            summary: tr.ts("equipement-ical-maintenance", "name", &e.nom),
            location: Some(e.site.clone()),
            description: None,
            url: None,
        });
    }
    let body = calendar(&e.nom, &events, now);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}

/// The host name of the public address, for event UIDs.
fn host(state: &AppState) -> String {
    url::Url::parse(state.config.base_url())
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "campus".to_owned())
}

/// Replaces the equipment's feed address, for its managers: the old one
/// stops working at once.
pub(super) async fn renew_feed(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let e = state.store.equipements().equipement_by_slug(&slug).await?;
    if !manages(&state, &me, &e).await? {
        return Err(AppError::Forbidden);
    }
    state
        .store
        .renouveler_jeton_flux(Flux::Equipement(e.id), Some(me.user.id))
        .await?;
    Ok(see_other(&format!("/equipements/{}", e.slug)))
}
