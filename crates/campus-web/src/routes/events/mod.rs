//! Events: the public agenda and event pages, registration of a person or
//! of a class, the parent's consent, the organisers' tools (list, CSV
//! export, check-in, survey results), calendars and the JSON API.

mod agenda;
pub(crate) mod api;
mod calendars;
mod consent;
pub(crate) mod jobs;
mod links;
mod mails;
mod manage;
mod organiser;
pub(crate) mod pages;
mod qr;
mod register;
mod survey;
mod validate;
mod view;

pub(crate) use view::EventView;

use campus_store::events::Event;

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::signed::{Purpose, verify};
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/evenements", Access::Public, agenda::list),
        RouteDef::get("/evenements/nouveau", Access::SignedIn, manage::new_page),
        RouteDef::post("/evenements", Access::SignedIn, manage::create),
        RouteDef::get("/evenements/{event}", Access::Public, agenda::show),
        RouteDef::get(
            "/evenements/{event}/calendrier",
            Access::Public,
            calendars::event_file,
        ),
        RouteDef::post(
            "/evenements/{event}/inscription",
            Access::Public,
            register::register,
        ),
        RouteDef::get(
            "/evenements/{event}/modifier",
            Access::SignedIn,
            manage::edit_page,
        ),
        RouteDef::post(
            "/evenements/{event}/modifier",
            Access::SignedIn,
            manage::edit,
        ),
        RouteDef::get(
            "/evenements/{event}/inscriptions",
            Access::SignedIn,
            organiser::registrations,
        ),
        RouteDef::get(
            "/evenements/{event}/inscriptions/export",
            Access::SignedIn,
            organiser::export_csv,
        ),
        RouteDef::get(
            "/evenements/{event}/pointage",
            Access::SignedIn,
            organiser::check_in_page,
        ),
        RouteDef::post(
            "/evenements/{event}/pointage",
            Access::SignedIn,
            organiser::check_in,
        ),
        RouteDef::get(
            "/evenements/{event}/resultats",
            Access::SignedIn,
            organiser::results,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{registration}",
            Access::Public,
            register::ticket,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{registration}/annuler",
            Access::Public,
            register::cancel,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{registration}/consentement",
            Access::Public,
            consent::page,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{registration}/consentement",
            Access::Public,
            consent::answer,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{registration}/avis",
            Access::Public,
            survey::page,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{registration}/avis",
            Access::Public,
            survey::answer,
        ),
        RouteDef::get(
            "/evenements/flux/personnes/{user}",
            Access::Public,
            calendars::person_feed,
        ),
        RouteDef::get(
            "/evenements/flux/organisations/{organisation}",
            Access::Public,
            calendars::organisation_feed,
        ),
        RouteDef::get("/compte/evenements", Access::SignedIn, calendars::mine),
        RouteDef::post(
            "/compte/evenements/flux",
            Access::SignedIn,
            calendars::renew_person_feed,
        ),
        RouteDef::post(
            "/evenements/{event}/flux",
            Access::SignedIn,
            calendars::renew_organisation_feed,
        ),
        RouteDef::get("/api/v1/evenements", Access::Public, api::list),
        RouteDef::get("/api/v1/evenements/{event}", Access::Public, api::detail),
        RouteDef::post(
            "/api/v1/evenements/{event}/inscriptions",
            Access::SignedIn,
            api::register,
        ),
    ]
}

/// Whether `identity` may organise events of the organisation: the campus
/// team, or a member of the organisation.
pub(crate) async fn can_organise(
    state: &AppState,
    identity: Option<&Identity>,
    organisation_id: i32,
) -> AppResult<bool> {
    let Some(identity) = identity else {
        return Ok(false);
    };
    if identity.user.role.is_campus_staff() {
        return Ok(true);
    }
    Ok(state
        .store
        .membership_role(organisation_id, identity.user.id)
        .await?
        .is_some())
}

/// The event, if `me` organises it; 403 otherwise.
pub(crate) async fn organised(state: &AppState, me: &Identity, slug: &str) -> AppResult<Event> {
    let event = state.store.event_by_slug(slug).await?;
    if can_organise(state, Some(me), event.organiser.id).await? {
        Ok(event)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The registration id of a signed link, if the signature holds; a link
/// that does not is answered as unknown (404), telling nothing.
pub(crate) fn signed_id(
    state: &AppState,
    purpose: Purpose,
    id: &str,
    signature: &str,
) -> AppResult<i32> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    if verify(&state.csrf_key, purpose, &id.to_string(), signature) {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

/// The query string of signed links.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(crate) struct Signature {
    pub signature: String,
    pub ok: String,
}
