//! The training-path pages: the guided form and its results ([`form`]),
//! saved paths and the learner's consent to a supporter ([`account`]),
//! the API ([`api`]) and the campus team's review of the bloc → skill
//! links ([`curation`]).

mod account;
pub(crate) mod api;
mod curation;
mod form;

use crate::authz::RouteDef;

pub fn routes() -> Vec<RouteDef> {
    [
        form::routes(),
        account::routes(),
        api::routes(),
        curation::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
