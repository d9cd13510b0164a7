//! Protection against cross-site request forgery.
//!
//! Every state-changing request from a browser must carry a token, in the
//! form field `_csrf` or the `X-CSRF-Token` header, equal to an HMAC of a
//! value bound to the visitor: their session token once signed in, a random
//! per-browser cookie before. A file upload (`multipart/form-data`), whose
//! body is not read before its route's own size limit, carries it in the
//! form's address instead (`?_csrf=…`): the token is bound to the visitor
//! and only ever accepted on a state-changing method, so seeing it in an
//! address gives nothing to anyone else. The key lives in the database, so every node
//! accepts tokens issued by any other, and an attacker who plants a cookie
//! cannot forge the matching token. Requests authenticated by an API token
//! carry no cookie and are exempt. Session cookies are also `SameSite=Lax`.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::auth::{Identity, Via};
use crate::cookies::{self, Lifetime};
use crate::error::AppError;
use crate::state::AppState;

/// The token to embed in the page's forms.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// Name of the form field that carries the token.
pub const FIELD: &str = "_csrf";

/// Largest form body read to find the token; larger bodies are refused
/// by the body limit before this point anyway.
const MAX_FORM_SCAN: usize = 2 * 1024 * 1024;

fn token_for(key: &[u8], binding: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(b"campus-csrf:");
    mac.update(binding.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

fn verify(key: &[u8], binding: &str, submitted: &str) -> bool {
    let Ok(bytes) = URL_SAFE_NO_PAD.decode(submitted.trim()) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return false;
    };
    mac.update(b"campus-csrf:");
    mac.update(binding.as_bytes());
    mac.verify_slice(&bytes).is_ok()
}

/// The one-click unsubscribe of a newsletter (RFC 8058): the recipient's
/// mail client POSTs to the address of the `List-Unsubscribe` header,
/// without cookie or token. That one route is exempt; it acts only on the
/// signature its address carries, and does nothing else than end the
/// subscription the signature names.
fn one_click_unsubscribe(request: &Request) -> bool {
    *request.method() == Method::POST
        && request
            .uri()
            .path()
            .strip_prefix(crate::routes::actualites::DESABONNEMENT_PREFIX)
            .is_some_and(|rest| rest.split('/').count() == 2)
}

pub async fn protect(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let identity = request.extensions().get::<Identity>().cloned();
    if matches!(identity.as_ref().map(|i| &i.via), Some(Via::ApiToken)) {
        return next.run(request).await;
    }
    // A call to the API that carries no cookie of ours has no ambient
    // credential a forged request could borrow: it is not checked here, and
    // the route's rule answers it (401 with `WWW-Authenticate` where a
    // token is needed).
    if request.uri().path().starts_with("/api/")
        && cookies::get(request.headers(), state.session_cookie()).is_none()
        && cookies::get(request.headers(), state.csrf_cookie()).is_none()
    {
        return next.run(request).await;
    }
    // Signed in: bound to the session token (as presented, so that it is
    // known only to this browser). Otherwise: bound to a browser cookie.
    let session_token = identity
        .as_ref()
        .and_then(|_| cookies::get(request.headers(), state.session_cookie()));
    let anon = cookies::get(request.headers(), state.csrf_cookie())
        .filter(|v| v.len() >= 32 && v.len() <= 64);
    let mut new_anon = None;
    let binding = match (&session_token, &anon) {
        (Some(token), _) => token.clone(),
        (None, Some(anon)) => anon.clone(),
        (None, None) => {
            let fresh = campus_store::generate_token();
            new_anon = Some(fresh.clone());
            fresh
        }
    };

    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) && !one_click_unsubscribe(&request);
    let mut request = request;
    if unsafe_method {
        let (parts, body) = request.into_parts();
        let from_header = parts
            .headers
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        let is_upload = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("multipart/form-data"));
        let (submitted, body) = match from_header {
            Some(token) => (Some(token), body),
            None if is_upload => (
                parts.uri.query().and_then(|q| {
                    form_urlencoded::parse(q.as_bytes())
                        .find(|(k, _)| k == FIELD)
                        .map(|(_, v)| v.into_owned())
                }),
                body,
            ),
            None if is_form => {
                let bytes = match to_bytes(body, MAX_FORM_SCAN).await {
                    Ok(bytes) => bytes,
                    Err(_) => {
                        return AppError::BadRequest {
                            key: "error-too-large",
                            detail: None,
                        }
                        .into_response();
                    }
                };
                let token = form_urlencoded::parse(&bytes)
                    .find(|(k, _)| k == FIELD)
                    .map(|(_, v)| v.into_owned());
                (token, Body::from(bytes))
            }
            None => (None, body),
        };
        let valid = session_token.is_some() || anon.is_some();
        if !valid || !submitted.is_some_and(|s| verify(&state.csrf_key, &binding, &s)) {
            tracing::info!(path = %parts.uri.path(), "requête refusée : jeton anti-falsification absent ou invalide");
            return AppError::Csrf.into_response();
        }
        request = Request::from_parts(parts, body);
    }

    request
        .extensions_mut()
        .insert(CsrfToken(token_for(&state.csrf_key, &binding)));
    let mut response = next.run(request).await;
    if let Some(fresh) = new_anon
        && let Some(cookie) = cookies::set(
            state.csrf_cookie(),
            &fresh,
            Lifetime::Session,
            state.config.is_https(),
        )
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound() {
        let key = b"0123456789abcdef0123456789abcdef";
        let token = token_for(key, "session-a");
        assert!(verify(key, "session-a", &token));
        assert!(!verify(key, "session-b", &token));
        assert!(!verify(
            b"another key of the same length!!",
            "session-a",
            &token
        ));
        assert!(!verify(key, "session-a", ""));
        assert!(!verify(key, "session-a", "%%%"));
    }
}
