//! Calendars: an iCal file per event, a feed per person (the events they
//! are registered to) and per organisation (the events it organises), and
//! the person's page that lists their registrations and gives their feed.
//!
//! Feeds are fetched by calendar applications without a session: their
//! address carries a signature (see [`crate::signed`]), shown only to the
//! person or to the organisation's members.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_formats::ical::{IcalEvent, calendar};
use campus_store::events::{Event, EventFilter};
use chrono::{DateTime, Duration, Utc};

use super::pages::{MyEventsPage, MyRegistration};
use super::view::{EventView, place};
use super::{Signature, links};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::signed::{Purpose, verify};
use crate::state::AppState;
use crate::templates::render;

fn ical_event(state: &AppState, event: &Event) -> IcalEvent {
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

pub(crate) async fn event_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = state.store.event_by_slug(&slug).await?;
    let body = calendar(
        &event.titre,
        &[ical_event(&state, &event)],
        state.clock.now(),
    );
    Ok(ics(&event.slug, body))
}

/// Events of the 90 days before `now` and to come: a feed stays small.
fn feed_filter(organisation_id: i32, now: DateTime<Utc>) -> EventFilter {
    EventFilter {
        organisation_id: Some(organisation_id),
        after: Some(now - Duration::days(90)),
        per_page: 200,
        ..Default::default()
    }
}

pub(crate) async fn organisation_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    if !verify(
        &state.csrf_key,
        Purpose::OrganisationFeed,
        &slug,
        &q.signature,
    ) {
        return Err(AppError::NotFound);
    }
    let org = state.store.organisation_by_slug(&slug).await?;
    let (events, _) = state
        .store
        .list_events(&feed_filter(org.id, state.clock.now()))
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
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = super::signed_id(&state, Purpose::PersonFeed, &id, &q.signature)?;
    let events = state.store.events_of_person(id).await?;
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
        .registrations_of_user(me.user.id)
        .await?
        .into_iter()
        .map(|(r, event)| MyRegistration {
            event: EventView::new(&tr, &event, now),
            status: tr.t(r.status.label_key()),
            ticket_href: links::ticket(&state, r.id),
        })
        .collect();
    let page = MyEventsPage {
        items,
        feed_url: links::absolute(&state, &links::person_feed(&state, me.user.id)),
        chrome,
    };
    Ok(render(&page)?.into_response())
}
