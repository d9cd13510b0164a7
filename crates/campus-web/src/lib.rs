//! The campus web application: the public site in French, the signed-in
//! spaces, the JSON API, and the security around them.

mod app;
mod auth;
mod authz;
mod chrome;
pub mod config;
mod cookies;
mod csrf;
mod error;
pub mod evaluation;
mod federation;
mod forms;
mod i18n;
mod login_throttle;
mod mail_worker;
mod markdown;
mod metrics;
mod oidc;
mod parcours;
mod passwords;
mod rate_limit;
mod request_limits;
mod routes;
mod security;
mod signed;
mod state;
mod templates;

pub use app::{
    Application, load_subset_if_empty, mailer_from_config, route_rules, shutdown_signal,
};
pub use authz::{Access, RouteRule};
pub use campus_mail::{Mailer, MemoryMailbox};
pub use config::Config;
pub use passwords::PasswordHasher;
pub use routes::{
    apply_retention, check_ressource_links, openapi_document, purge_pending_subscriptions,
    send_candidature_reminders, send_evenement_follow_ups, send_expertise_reminders,
    send_habilitation_warnings, send_milestone_reminders, send_newsletter_batches,
};
pub use state::AppState;
