//! Operations: liveness and readiness probes, Prometheus metrics, a trivial
//! baseline route for load measurements, and the static assets (compiled
//! into the binary, so one file is the whole platform).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::authz::{Access, RouteDef};
use crate::error::AppError;
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/healthz", Access::Public, healthz),
        RouteDef::get("/readyz", Access::Public, readyz),
        RouteDef::get("/metrics", Access::Public, metrics),
        RouteDef::get("/static/{file}", Access::Public, asset),
    ]
}

/// The process is up. Also the baseline of the load benchmark: no
/// database, no template.
async fn healthz() -> &'static str {
    "ok"
}

/// The node can serve: the database answers, its schema is current and
/// the training-path engine is loaded (the search index is opened before
/// the port is bound). The body says what is still missing, for the
/// person reading the load balancer's logs.
async fn readyz(State(state): State<AppState>) -> Response {
    let missing = if state.store.ping().await.is_err() {
        Some("base de données injoignable")
    } else if !state
        .store
        .pending_migrations()
        .await
        .map(|p| p.is_empty())
        .unwrap_or(false)
    {
        Some("migrations de la base en attente")
    } else if !state.parcours.is_loaded() {
        Some("moteur de parcours en cours de chargement")
    } else {
        None
    };
    match missing {
        None => (StatusCode::OK, "prêt").into_response(),
        Some(reason) => AppError::Unavailable(reason.to_owned()).into_response(),
    }
}

/// Prometheus metrics, for the scraper that presents the configured bearer
/// token; anyone else is told there is nothing here.
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    // Compared through their digests: the time taken tells nothing of the
    // configured token.
    let allowed = match (&state.config.security.metrics_token, presented) {
        (Some(expected), Some(presented)) => {
            campus_store::hash_token(expected) == campus_store::hash_token(presented)
        }
        _ => false,
    };
    if !allowed {
        return AppError::NotFound.into_response();
    }
    match &state.metrics {
        Some(handle) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            handle.render(),
        )
            .into_response(),
        None => AppError::NotFound.into_response(),
    }
}

const ASSETS: &[(&str, &str, &str)] = &[
    (
        "campus.css",
        "text/css; charset=utf-8",
        include_str!("../../static/campus.css"),
    ),
    (
        "campus.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/campus.js"),
    ),
];

async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *body,
        )
            .into_response(),
        None => AppError::NotFound.into_response(),
    }
}
