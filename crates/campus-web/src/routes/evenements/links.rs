//! The addresses of the events feature that are sent to people: signed
//! for those who act without an account.

use campus_store::feeds::Flux;

use crate::error::AppResult;
use crate::signed::{Purpose, sign};
use crate::state::AppState;

/// The registration's page (status, code, QR code, cancellation).
pub(crate) fn ticket(state: &AppState, id: i32) -> String {
    let id = id.to_string();
    format!(
        "/evenements/inscriptions/{id}?signature={}",
        sign(&state.csrf_key, Purpose::Holder, &id)
    )
}

/// The page where a parent consents.
pub(crate) fn consent(state: &AppState, id: i32) -> String {
    let id = id.to_string();
    format!(
        "/evenements/inscriptions/{id}/consentement?signature={}",
        sign(&state.csrf_key, Purpose::ParentalConsent, &id)
    )
}

/// The satisfaction survey.
pub(crate) fn survey(state: &AppState, id: i32) -> String {
    let id = id.to_string();
    format!(
        "/evenements/inscriptions/{id}/avis?signature={}",
        sign(&state.csrf_key, Purpose::Survey, &id)
    )
}

/// A person's calendar feed (its token is created on first use).
pub(crate) async fn person_feed(state: &AppState, user_id: i32) -> AppResult<String> {
    let jeton = state.store.jeton_flux(Flux::Personne(user_id)).await?;
    Ok(format!(
        "/evenements/flux/personnes/{user_id}?jeton={jeton}"
    ))
}

/// An organisation's calendar feed (its token is created on first use).
pub(crate) async fn organisation_feed(state: &AppState, id: i32, slug: &str) -> AppResult<String> {
    let jeton = state.store.jeton_flux(Flux::Organisation(id)).await?;
    Ok(format!(
        "/evenements/flux/organisations/{slug}?jeton={jeton}"
    ))
}

/// The check-in page of an event with a code filled in (what the QR code
/// of a ticket opens on the organiser's phone).
pub(crate) fn check_in(slug: &str, code: &str) -> String {
    format!("/evenements/{slug}/pointage?code={code}")
}

/// An absolute address, for e-mails and calendars.
pub(crate) fn absolute(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.config.base_url())
}
