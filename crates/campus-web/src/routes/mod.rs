//! The routes of the platform, one module per feature. Each module lists
//! its routes with their access rule; [`all`] gathers them.

mod account;
pub(crate) mod actualites;
mod admin;
mod api;
pub(crate) mod auth;
mod certifications;
pub(crate) mod devenirs;
mod dictionary;
mod donnees_personnelles;
mod equipements;
mod evaluation;
pub(crate) mod evenements;
pub(crate) mod expertise;
pub(crate) mod federation;
mod formations;
mod home;
mod indicateurs;
pub(crate) mod insertion;
mod metiers;
pub(crate) mod mobilite;
mod modules;
mod ops;
mod options;
mod organisations;
mod parcours;
mod projets;
pub(crate) mod ressources;
pub(crate) mod search;
mod suggestions;

pub use actualites::{purge_pending_subscriptions, send_newsletter_batches};
pub use api::openapi_document;
pub use donnees_personnelles::{Traitement, apply_retention};
pub use equipements::jobs::send_habilitation_warnings;
pub use evenements::jobs::send_evenement_follow_ups;
pub use expertise::jobs::send_expertise_reminders;
pub use insertion::jobs::send_candidature_reminders;
pub use projets::jobs::send_milestone_reminders;
pub use ressources::jobs::check_ressource_links;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::authz::RouteDef;

/// Every route of the platform.
pub fn all() -> Vec<RouteDef> {
    [
        home::routes(),
        metiers::routes(),
        certifications::routes(),
        formations::routes(),
        suggestions::routes(),
        auth::routes(),
        federation::routes(),
        account::routes(),
        donnees_personnelles::routes(),
        organisations::routes(),
        parcours::routes(),
        evenements::routes(),
        equipements::routes(),
        modules::routes(),
        insertion::routes(),
        projets::routes(),
        mobilite::routes(),
        devenirs::routes(),
        expertise::routes(),
        actualites::routes(),
        ressources::routes(),
        evaluation::routes(),
        search::routes(),
        dictionary::routes(),
        admin::routes(),
        indicateurs::routes(),
        api::routes(),
        ops::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// 303 See Other: after a successful form, the browser loads the next page
/// with GET, so that reloading it does not post the form again.
pub(crate) fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response()
}

/// Where to go after signing in: only a path of this site, never another
/// site (`//evil.example`) — the classic open redirect.
/// Longest return address accepted: the results of a training path carry
/// every answer of the form in theirs.
const MAX_NEXT: usize = 4_000;

pub(crate) fn safe_next(suite: &str) -> &str {
    let ok = suite.starts_with('/')
        && !suite.starts_with("//")
        && !suite.starts_with("/\\")
        && !suite.chars().any(|c| c.is_control())
        && suite.len() <= MAX_NEXT;
    if ok { suite } else { "/compte" }
}

/// 422 with the form shown again.
/// The message key of a page's `?ok=` notice, `{prefix}-{ok}`, when `ok`
/// is a plain word: the address is typed by anyone, and an unknown key
/// would show itself.
pub(crate) fn ok_notice(prefix: &str, ok: &str) -> Option<String> {
    (!ok.is_empty() && ok.len() <= 30 && ok.chars().all(|c| c.is_ascii_lowercase()))
        .then(|| format!("{prefix}-{ok}"))
}

pub(crate) fn invalid(html: axum::response::Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(safe_next("/organisations?q=a"), "/organisations?q=a");
        assert_eq!(safe_next("//evil.example"), "/compte");
        assert_eq!(safe_next("https://evil.example"), "/compte");
        assert_eq!(safe_next("/\\evil.example"), "/compte");
        assert_eq!(safe_next(""), "/compte");
    }

    #[test]
    fn every_route_is_declared_once() {
        let mut seen = std::collections::HashSet::new();
        for def in all() {
            assert!(
                seen.insert((def.method.clone(), def.path)),
                "{} {} déclarée deux fois",
                def.method,
                def.path
            );
        }
    }
}
