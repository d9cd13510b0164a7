//! State shared by every request.

use std::ops::Deref;
use std::sync::Arc;

use campus_domain::Clock;
use campus_search::Catalogue;
use campus_store::Store;
use campus_store::sessions::SessionPolicy;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::sync::Notify;

use crate::config::Config;
use crate::passwords::PasswordHasher;

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Store,
    pub config: Config,
    /// The platform's "now", for every decision that depends on the date
    /// or the time; the store reads the same clock.
    pub clock: Clock,
    /// Key of the anti-forgery tokens, shared by every node through the
    /// database.
    pub csrf_key: Vec<u8>,
    pub passwords: PasswordHasher,
    /// Wakes the mail worker as soon as a message is queued.
    pub mail_queued: Arc<Notify>,
    pub metrics: Option<PrometheusHandle>,
    /// This node's search index over the catalogue.
    pub search: Arc<Catalogue>,
    /// The identity providers of federated sign-in.
    pub federation: crate::federation::Federation,
    /// This node's training-path engine, loaded on first use.
    pub parcours: crate::parcours::engine::Engine,
    /// Where uploaded files are kept, outside the database.
    pub documents: campus_documents::Documents,
}

impl AppState {
    pub fn new(inner: Inner) -> AppState {
        AppState(Arc::new(inner))
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            absolute: chrono::Duration::hours(self.config.security.session_hours),
            idle: chrono::Duration::minutes(self.config.security.session_idle_minutes),
        }
    }

    /// Name of the session cookie; over HTTPS the `__Host-` prefix makes
    /// the browser refuse it from a sub-domain or over plain HTTP.
    pub fn session_cookie(&self) -> &'static str {
        if self.config.is_https() {
            "__Host-campus_session"
        } else {
            "campus_session"
        }
    }

    pub fn csrf_cookie(&self) -> &'static str {
        if self.config.is_https() {
            "__Host-campus_csrf"
        } else {
            "campus_csrf"
        }
    }
}

impl Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.0
    }
}
