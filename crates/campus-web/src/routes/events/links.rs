//! The addresses of the events feature that are sent to people: signed
//! for those who act without an account.

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

/// A person's calendar feed.
pub(crate) fn person_feed(state: &AppState, user_id: i32) -> String {
    let id = user_id.to_string();
    format!(
        "/evenements/flux/personnes/{id}?signature={}",
        sign(&state.csrf_key, Purpose::PersonFeed, &id)
    )
}

/// An organisation's calendar feed.
pub(crate) fn organisation_feed(state: &AppState, slug: &str) -> String {
    format!(
        "/evenements/flux/organisations/{slug}?signature={}",
        sign(&state.csrf_key, Purpose::OrganisationFeed, slug)
    )
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
