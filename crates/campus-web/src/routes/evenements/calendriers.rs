//! Calendars: an iCal file per event, a feed per person (the events they
//! are registered to) and per organisation (the events it organises), and
//! the person's page that lists their registrations and gives their feed.
//!
//! Feeds are fetched by calendar applications without a session: their
//! address carries the feed's token (see [`campus_store::feeds`]), shown
//! only to the person or to the organisation's members, who may replace
//! it. An address of the signed kind older versions gave is answered 410
//! with where to find the new one.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_formats::ical::{IcalEvent, calendar};
use campus_store::evenements::{Evenement, EvenementFilter};
use chrono::{DateTime, Duration, Utc};

use campus_store::feeds::Flux;
use serde::Deserialize;

use super::pages::{ConsentToGive, MyEvenementsPage, MyInscription};
use super::view::{EvenementView, place};
use super::{links, organised};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// The query string of a feed's address.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct FeedQuery {
    jeton: String,
    /// The signature of the addresses given before feeds had tokens.
    signature: String,
}

/// Opens `flux` if the query's token does; a signed address of the former
/// kind is answered 410 with `replaced` (where to find the new address),
/// anything else as unknown.
async fn open(
    state: &AppState,
    flux: Flux,
    q: &FeedQuery,
    replaced: &'static str,
) -> AppResult<()> {
    if q.jeton.is_empty() && !q.signature.is_empty() {
        return Err(AppError::Gone(replaced));
    }
    if state.store.flux_ouvert(flux, &q.jeton).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

fn ical_event(state: &AppState, event: &Evenement) -> IcalEvent {
    let host = url::Url::parse(state.config.base_url())
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "campus".to_owned());
    IcalEvent {
        uid: format!("evenement-{}@{host}", event.id),
        start: event.starts_at,
        end: event.ends_at,
        summary: event.titre.clone(),
        location: Some(place(event)),
        description: Some(format!("{}\n\n{}", event.organiser.nom, event.description)),
        url: Some(links::absolute(
            state,
            &format!("/evenements/{}", event.slug),
        )),
    }
}

fn ics(file: &str, body: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{file}.ics\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub(crate) async fn evenement_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = state.store.evenements().evenement_by_slug(&slug).await?;
    let body = calendar(
        &event.titre,
        &[ical_event(&state, &event)],
        state.clock.now(),
    );
    Ok(ics(&event.slug, body))
}

/// Events of the 90 days before `now` and to come: a feed stays small.
fn feed_filter(organisation_id: i32, now: DateTime<Utc>) -> EvenementFilter {
    EvenementFilter {
        organisation_id: Some(organisation_id),
        after: Some(now - Duration::days(90)),
        per_page: 200,
        ..Default::default()
    }
}

pub(crate) async fn organisation_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<FeedQuery>,
) -> AppResult<Response> {
    let org = state.store.organisation_by_slug(&slug).await?;
    open(
        &state,
        Flux::Organisation(org.id),
        &q,
        "feed-replaced-organisation",
    )
    .await?;
    let (events, _) = state
        .store
        .evenements()
        .list_evenements(&feed_filter(org.id, state.clock.now()))
        .await?;
    let items: Vec<IcalEvent> = events.iter().map(|e| ical_event(&state, e)).collect();
    Ok(ics(
        &org.slug,
        calendar(&org.nom, &items, state.clock.now()),
    ))
}

pub(crate) async fn person_feed(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<FeedQuery>,
) -> AppResult<Response> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    open(&state, Flux::Personne(id), &q, "feed-replaced-person").await?;
    let events = state.store.evenements().evenements_of_person(id).await?;
    let items: Vec<IcalEvent> = events.iter().map(|e| ical_event(&state, e)).collect();
    let name = chrome.t("feed-person-name");
    Ok(ics(
        "mes-evenements",
        calendar(&name, &items, state.clock.now()),
    ))
}

pub(crate) async fn mine(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let now = state.clock.now();
    let items = state
        .store
        .evenements()
        .inscriptions_of_user(me.user.id)
        .await?
        .into_iter()
        .map(|(r, event)| MyInscription {
            event: EvenementView::new(&tr, &event, now),
            status: tr.t(r.status.label_key()),
            ticket_href: links::ticket(&state, r.id),
        })
        .collect();
    // Only a verified address shows what waits for its owner's consent.
    let consents = if me.user.email_verified {
        state
            .store
            .evenements()
            .awaiting_consent_of(&me.user.email)
            .await?
            .into_iter()
            .map(|(r, event)| ConsentToGive {
                label: tr.tv(
                    "mine-consent-item",
                    &[("name", &r.nom), ("title", &event.titre)],
                ),
                event: EvenementView::new(&tr, &event, now),
                consent_href: links::consent(&state, r.id),
            })
            .collect()
    } else {
        Vec::new()
    };
    let page = MyEvenementsPage {
        items,
        consents,
        feed_url: links::absolute(&state, &links::person_feed(&state, me.user.id).await?),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Replaces the signed-in person's feed address.
pub(crate) async fn renew_person_feed(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    state
        .store
        .renouveler_jeton_flux(Flux::Personne(me.user.id), Some(me.user.id))
        .await?;
    Ok(see_other("/compte/evenements#titre-flux"))
}

/// Replaces the feed address of the organisation of an event, for those
/// who organise it.
pub(crate) async fn renew_organisation_feed(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    state
        .store
        .renouveler_jeton_flux(Flux::Organisation(event.organiser.id), Some(me.user.id))
        .await?;
    Ok(see_other(&format!(
        "/evenements/{}/inscriptions#titre-flux",
        event.slug
    )))
}
