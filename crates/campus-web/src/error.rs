//! Errors, and how they reach people.
//!
//! Which type goes where:
//! - the domain's validation errors become field messages on the form that
//!   was submitted (see [`crate::forms`]), not errors of this module;
//! - feature errors convert into [`AppError`] through the `From` impls of
//!   this module, so that a handler writes `?` and never matches them by
//!   hand: [`campus_store::StoreError`] (`NotFound` → 404, `Conflict` →
//!   409), the search engine's, the password hasher's, the CSV writer's,
//!   the templates' and JSON's (500);
//! - a 500 is [`AppError::Internal`]: it keeps its source error, whose
//!   whole chain is logged and never shown (the page or problem document
//!   says only that something failed); [`AppError::internal`] adds what
//!   was being done;
//! - handlers return [`AppError`] for everything that ends the request.
//!
//! An [`AppError`] only marks the response with its kind; the
//! [`render_errors`] layer, which knows the request's language, path and
//! user, then writes the body: a French (or English) HTML page on the site,
//! `application/problem+json` (RFC 9457) under `/api`. The same layer gives
//! the same treatment to the framework's own refusals (unknown route,
//! method not allowed, body too large, time-out).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use campus_store::StoreError;
use serde::Serialize;

use crate::chrome::Chrome;
use crate::templates;

/// A request that ends in an error.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request itself is malformed (bad encoding, bad JSON, bad
    /// parameter). The string is a message key, the detail an optional
    /// precise explanation.
    #[error("requête invalide : {key}")]
    BadRequest {
        key: &'static str,
        detail: Option<String>,
    },
    /// 401: must sign in (or present an API token).
    #[error("authentification requise")]
    Unauthorized,
    /// 403: signed in but not allowed.
    #[error("accès refusé")]
    Forbidden,
    /// 403: the form's anti-forgery token is missing or stale.
    #[error("jeton CSRF invalide")]
    Csrf,
    #[error("introuvable")]
    NotFound,
    /// 409: a unique value is already taken; the string is a message key.
    #[error("conflit : {0}")]
    Conflict(&'static str),
    /// 409 with what the person must do first (the list of what blocks the
    /// change).
    #[error("conflit : {key}")]
    ConflictWith { key: &'static str, detail: String },
    /// 410: an address that worked once and was replaced; the string is a
    /// message key that says where to find the new one.
    #[error("adresse remplacée : {0}")]
    Gone(&'static str),
    /// 429: a rate limit of the public forms; try again after this many
    /// seconds.
    #[error("trop de demandes")]
    TooManyRequests { retry_after_secs: u64 },
    /// 503: this node cannot serve yet (or any more); the string says
    /// what is missing, for the operator reading the probe's answer.
    #[error("service indisponible : {0}")]
    Unavailable(String),
    /// 422 on the API: fields that failed validation.
    #[error("données invalides")]
    Invalid(Vec<FieldProblem>),
    /// 500: logged with its chain of causes, shown as a generic apology.
    #[error("erreur interne")]
    Internal(#[source] BoxError),
}

/// The source of an internal error.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What was being done when an internal error happened, above its source.
#[derive(Debug, thiserror::Error)]
#[error("{context}")]
struct Context {
    context: String,
    #[source]
    source: BoxError,
}

impl AppError {
    /// A 500 whose log says what was being done (`context`) above the
    /// error that stopped it.
    pub fn internal(context: impl Into<String>, source: impl Into<BoxError>) -> AppError {
        AppError::Internal(Box::new(Context {
            context: context.into(),
            source: source.into(),
        }))
    }
}

/// An error and its sources, outermost first, as one log line. A source
/// whose message its parent already ends with (`thiserror`'s
/// `"… : {0}"` over a `#[from]`) is not repeated.
fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !line.ends_with(&text) {
            line.push_str(" : ");
            line.push_str(&text);
        }
        source = cause.source();
    }
    line
}

/// One invalid field of an API request.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// Name of the field as sent.
    pub field: String,
    /// What is wrong, in the request's language.
    pub message: String,
}

impl From<campus_parcours_service::ServiceError> for AppError {
    fn from(err: campus_parcours_service::ServiceError) -> Self {
        match err {
            campus_parcours_service::ServiceError::Store(err) => err.into(),
            other => AppError::Internal(Box::new(other)),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(_) => AppError::Conflict("error-conflict"),
            other => AppError::Internal(Box::new(other)),
        }
    }
}

/// Errors that can only mean a failure of the platform, never of the
/// request: a 500 that keeps them as its source.
macro_rules! internal_from {
    ($($t:ty),* $(,)?) => {
        $(impl From<$t> for AppError {
            fn from(err: $t) -> Self {
                AppError::Internal(Box::new(err))
            }
        })*
    };
}

internal_from!(
    campus_search::SearchError,
    campus_formats::CsvExportError,
    crate::passwords::PasswordHashError,
    askama::Error,
    serde_json::Error,
);

/// The kind of error carried from a handler to [`render_errors`].
#[derive(Clone, Debug)]
struct ErrorMark {
    key: &'static str,
    detail: Option<String>,
    fields: Vec<FieldProblem>,
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) | AppError::ConflictWith { .. } => StatusCode::CONFLICT,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let AppError::Internal(source) = &self {
            tracing::error!(cause = %chain(source.as_ref()), "erreur interne");
        }
        let mut response = status.into_response();
        if let AppError::TooManyRequests { retry_after_secs } = &self
            && let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if let AppError::Unavailable(_) = &self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        let mark = match self {
            AppError::BadRequest { key, detail } => ErrorMark {
                key,
                detail,
                fields: vec![],
            },
            AppError::ConflictWith { key, detail } => ErrorMark {
                key,
                detail: Some(detail),
                fields: vec![],
            },
            AppError::Conflict(key) | AppError::Gone(key) => ErrorMark {
                key,
                detail: None,
                fields: vec![],
            },
            AppError::Unavailable(detail) => ErrorMark {
                key: "error-unavailable",
                detail: Some(detail),
                fields: vec![],
            },
            AppError::Invalid(fields) => ErrorMark {
                key: "error-invalid",
                detail: None,
                fields,
            },
            AppError::Csrf => ErrorMark {
                key: "error-csrf",
                detail: None,
                fields: vec![],
            },
            _ => ErrorMark {
                key: default_key(status),
                detail: None,
                fields: vec![],
            },
        };
        response.extensions_mut().insert(mark);
        response
    }
}

/// The message key of a bare status.
fn default_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error-bad-request",
        401 => "error-unauthorized",
        403 => "error-forbidden",
        404 => "error-not-found",
        405 => "error-method",
        408 | 503 => "error-timeout",
        409 => "error-conflict",
        410 => "error-gone",
        413 => "error-too-large",
        414 => "error-uri-too-long",
        415 => "error-media-type",
        422 => "error-invalid",
        429 => "error-too-many",
        431 => "error-headers-too-large",
        _ => "error-internal",
    }
}

/// A problem document (RFC 9457).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary of the kind of problem.
    pub title: String,
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Invalid fields, for 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// Writes the body of error responses; see the module documentation.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api");
    let chrome = Chrome::from_request(&request);
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let mark = response.extensions().get::<ErrorMark>().cloned();
    if mark.is_none() && already_rendered(&response) {
        return response;
    }
    let mark = mark.unwrap_or(ErrorMark {
        key: default_key(status),
        detail: None,
        fields: vec![],
    });
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    // Rendered once: an outer copy of this layer leaves it alone.
    parts.extensions.remove::<ErrorMark>();
    let tr = chrome.tr();
    let body = if is_api {
        let problem = Problem {
            kind: "about:blank".to_owned(),
            title: tr.t(&format!("{}-title", default_key(status))),
            status: status.as_u16(),
            detail: Some(mark.detail.clone().unwrap_or_else(|| tr.t(mark.key))),
            errors: mark.fields,
        };
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            // RFC 6750: the API takes a personal token as a bearer token.
            parts.headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"campus\""),
            );
        }
        Body::from(serde_json::to_vec(&problem).unwrap_or_default())
    } else {
        let page = templates::ErrorPage {
            title: tr.t(&format!("{}-title", default_key(status))),
            message: tr.t(mark.key),
            detail: mark.detail,
            status: status.as_u16(),
            show_login: status == StatusCode::UNAUTHORIZED,
            chrome,
        };
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        match templates::render(&page) {
            Ok(Html(html)) => Body::from(html),
            Err(_) => Body::from(tr.t(mark.key)),
        }
    };
    Response::from_parts(parts, body)
}

/// Pages that render their own error state (a form shown again with its
/// errors, answered 422) are left alone.
fn already_rendered(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.starts_with("text/html")
                || ct.starts_with("application/json")
                || ct.starts_with("application/problem+json")
        })
}

/// A convenient alias for handlers.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use std::error::Error as _;

    #[test]
    fn an_internal_error_keeps_its_source_and_context() {
        let io = std::io::Error::other("disque plein");
        let err = AppError::internal("export des inscriptions", io);
        assert_eq!(err.to_string(), "erreur interne");
        let AppError::Internal(source) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(
            chain(source.as_ref()),
            "export des inscriptions : disque plein"
        );
        let context = err.source().unwrap();
        let io = context.source().unwrap();
        assert!(io.downcast_ref::<std::io::Error>().is_some());
        // A source its parent's message already quotes is said once.
        let search = campus_search::SearchError::Io {
            path: "data/index".to_owned(),
            source: std::io::Error::other("disque plein"),
        };
        assert_eq!(
            chain(&search),
            "dossier de l'index de recherche data/index : disque plein"
        );
    }

    #[test]
    fn store_errors_convert_by_kind() {
        assert!(matches!(
            AppError::from(StoreError::NotFound),
            AppError::NotFound
        ));
        assert!(matches!(
            AppError::from(StoreError::Conflict("users.email".into())),
            AppError::Conflict("error-conflict")
        ));
        let err = AppError::from(StoreError::Corrupt("ligne 3".into()));
        let AppError::Internal(source) = &err else {
            panic!("{err:?}");
        };
        assert!(source.downcast_ref::<StoreError>().is_some());
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn an_internal_response_shows_no_cause() {
        let response =
            AppError::internal("gabarit", std::io::Error::other("secret")).into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let mark = response.extensions().get::<ErrorMark>().unwrap();
        assert_eq!(mark.key, "error-internal");
        assert!(mark.detail.is_none());
    }
}
