//! The training-path pages: the guided form and its results ([`form`]),
//! saved paths and the learner's consent to a supporter ([`account`]),
//! the API ([`api`]), the campus team's review of the bloc → skill
//! links ([`curation`]) and of the certifications programmes are attached
//! to by their titles ([`rattachements`]).

pub(crate) mod api;
mod compte;
mod form;
mod liens;
mod rattachements;

use crate::authz::RouteDef;

pub fn routes() -> Vec<RouteDef> {
    [
        form::routes(),
        compte::routes(),
        api::routes(),
        liens::routes(),
        rattachements::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
