//! Events: the public agenda and event pages, registration of a person or
//! of a class, the parent's consent, the organisers' tools (list, CSV
//! export, check-in, survey results), calendars and the JSON API.

mod agenda;
pub(crate) mod api;
mod avis;
mod calendriers;
mod consentement;
mod gestion;
pub(crate) mod inscription;
pub(crate) mod jobs;
mod links;
mod mails;
mod organiser;
pub(crate) mod pages;
mod qr;
pub(crate) mod validate;
mod view;

pub(crate) use agenda::{SentForms, evenement_page, person_defaults};
pub(crate) use view::EvenementView;

use campus_store::evenements::Evenement;

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::signed::{Purpose, verify};
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/evenements", Access::Public, agenda::list),
        RouteDef::get("/evenements/nouveau", Access::SignedIn, gestion::new_page),
        RouteDef::post("/evenements", Access::SignedIn, gestion::create),
        RouteDef::get("/evenements/{evenement}", Access::Public, agenda::show),
        RouteDef::get(
            "/evenements/{evenement}/calendrier",
            Access::Public,
            calendriers::evenement_file,
        ),
        RouteDef::post(
            "/evenements/{evenement}/inscription",
            Access::Public,
            inscription::register,
        ),
        RouteDef::get(
            "/evenements/{evenement}/modifier",
            Access::SignedIn,
            gestion::edit_page,
        ),
        RouteDef::post(
            "/evenements/{evenement}/modifier",
            Access::SignedIn,
            gestion::edit,
        ),
        RouteDef::get(
            "/evenements/{evenement}/inscriptions",
            Access::SignedIn,
            organiser::registrations,
        ),
        RouteDef::get(
            "/evenements/{evenement}/inscriptions/export",
            Access::SignedIn,
            organiser::export_csv,
        ),
        RouteDef::get(
            "/evenements/{evenement}/pointage",
            Access::SignedIn,
            organiser::check_in_page,
        ),
        RouteDef::post(
            "/evenements/{evenement}/pointage",
            Access::SignedIn,
            organiser::check_in,
        ),
        RouteDef::get(
            "/evenements/{evenement}/resultats",
            Access::SignedIn,
            organiser::results,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{inscription}",
            Access::Public,
            inscription::ticket,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{inscription}/annuler",
            Access::Public,
            inscription::cancel,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{inscription}/consentement",
            Access::Public,
            consentement::page,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{inscription}/consentement",
            Access::Public,
            consentement::answer,
        ),
        RouteDef::get(
            "/evenements/inscriptions/{inscription}/avis",
            Access::Public,
            avis::page,
        ),
        RouteDef::post(
            "/evenements/inscriptions/{inscription}/avis",
            Access::Public,
            avis::answer,
        ),
        RouteDef::get(
            "/evenements/flux/personnes/{user}",
            Access::Public,
            calendriers::person_feed,
        ),
        RouteDef::get(
            "/evenements/flux/organisations/{organisation}",
            Access::Public,
            calendriers::organisation_feed,
        ),
        RouteDef::get("/compte/evenements", Access::SignedIn, calendriers::mine),
        RouteDef::post(
            "/compte/evenements/flux",
            Access::SignedIn,
            calendriers::renew_person_feed,
        ),
        RouteDef::post(
            "/evenements/{evenement}/flux",
            Access::SignedIn,
            calendriers::renew_organisation_feed,
        ),
        RouteDef::get("/api/v1/evenements", Access::Public, api::list),
        RouteDef::get(
            "/api/v1/evenements/{evenement}",
            Access::Public,
            api::detail,
        ),
        RouteDef::post(
            "/api/v1/evenements/{evenement}/inscriptions",
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
pub(crate) async fn organised(state: &AppState, me: &Identity, slug: &str) -> AppResult<Evenement> {
    let event = state.store.evenements().evenement_by_slug(slug).await?;
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
