//! Who is asking: the session cookie on the site, or a personal access token
//! (`Authorization: Bearer …`) on the API.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use campus_store::hash_token;
use campus_store::users::User;

use crate::cookies;
use crate::error::AppError;
use crate::state::AppState;

/// How the request proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Via {
    /// A browser session; holds the hash of the session token.
    Session(String),
    /// A personal access token (API only); such requests carry no cookie,
    /// so they need no anti-forgery token.
    ApiToken,
}

/// The authenticated user of a request.
#[derive(Clone, Debug)]
pub struct Identity {
    pub user: User,
    pub via: Via,
}

impl Identity {
    pub fn session_hash(&self) -> Option<&str> {
        match &self.via {
            Via::Session(hash) => Some(hash),
            Via::ApiToken => None,
        }
    }
}

/// Resolves the identity of every request and stores it in the request's
/// extensions. A presented but invalid API token is refused at once (401)
/// rather than treated as anonymous, so that a client notices a revoked
/// token.
pub async fn identify(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // Only the headers and path are needed; the request itself (whose body
    // is not `Sync`) is not held across the database call.
    let headers = request.headers().clone();
    let is_api = request.uri().path().starts_with("/api/");
    match resolve(&state, &headers, is_api).await {
        Ok(Some(identity)) => {
            request.extensions_mut().insert(identity);
        }
        Ok(None) => {}
        Err(err) => return axum::response::IntoResponse::into_response(err),
    }
    next.run(request).await
}

async fn resolve(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    is_api: bool,
) -> Result<Option<Identity>, AppError> {
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        if !is_api {
            return Ok(None);
        }
        let token = auth
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .ok_or(AppError::Unauthorized)?;
        return match state.store.api_token_user(&hash_token(token)).await? {
            Some(user) => Ok(Some(Identity {
                user,
                via: Via::ApiToken,
            })),
            None => Err(AppError::Unauthorized),
        };
    }
    let Some(token) = cookies::get(headers, state.session_cookie()) else {
        return Ok(None);
    };
    if token.is_empty() || token.len() > 128 {
        return Ok(None);
    }
    let hash = hash_token(&token);
    Ok(state
        .store
        .session(&hash, state.session_policy())
        .await?
        .map(|session| Identity {
            user: session.user,
            via: Via::Session(session.token_hash),
        }))
}

/// Extractor for handlers that need a signed-in user; the route's access
/// rule has already refused anonymous requests, so this only fails if a
/// route was declared public by mistake.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub Identity);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Identity>()
            .cloned()
            .map(CurrentUser)
            .ok_or(AppError::Unauthorized)
    }
}

/// Extractor for pages that adapt to an optional signed-in user.
#[derive(Clone, Debug)]
pub struct MaybeUser(pub Option<Identity>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(parts.extensions.get::<Identity>().cloned()))
    }
}

/// The socket address of the client, when the server was started with
/// connection information (always, except in tests that call the router
/// directly).
#[derive(Clone, Copy, Debug)]
pub struct PeerAddr(pub Option<std::net::SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(PeerAddr(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

/// The client's address, for throttling: the socket's peer, or the first
/// `X-Forwarded-For` entry when configured to trust a reverse proxy.
pub fn client_ip(
    state: &AppState,
    parts: &axum::http::HeaderMap,
    peer: Option<std::net::SocketAddr>,
) -> String {
    if state.config.server.trust_forwarded_for
        && let Some(forwarded) = parts
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.chars().take(64).collect();
    }
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "inconnue".to_owned())
}
