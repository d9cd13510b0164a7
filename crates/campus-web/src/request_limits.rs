//! Limits on the request line and headers, checked before anything else
//! reads them, so that an oversized address or header block gets the same
//! explained refusal as every other error (a French page on the site,
//! problem+json under `/api`) instead of the HTTP layer's empty one. The
//! limits are those of common reverse proxies (8 KiB address, 16 KiB of
//! headers), well under the HTTP layer's own (64 KiB address, ~400 KiB of
//! headers), which only a client bypassing the proxy can still reach.
//!
//! Also refuses a query string whose percent-encoded bytes are not UTF-8:
//! the query extractors would otherwise replace them silently, and the
//! search would answer for a word nobody typed.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// Longest accepted request target (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Largest accepted header block (names and values), in bytes.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Most headers accepted in one request.
pub const MAX_HEADERS: usize = 100;

pub async fn check(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let uri_len = uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return StatusCode::URI_TOO_LONG.into_response();
    }
    let headers = request.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE.into_response();
    }
    if let Some(query) = uri.query()
        && !query_is_utf8(query)
    {
        return AppError::BadRequest {
            key: "error-query-encoding",
            detail: None,
        }
        .into_response();
    }
    next.run(request).await
}

/// Whether every name and value of `query`, once percent-decoded, is
/// UTF-8 (`+` stands for a space, which is UTF-8 either way).
fn query_is_utf8(query: &str) -> bool {
    query.split('&').all(|pair| {
        let decoded: Vec<u8> = percent_encoding::percent_decode(pair.as_bytes()).collect();
        std::str::from_utf8(&decoded).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn percent_encoded_utf8_passes_and_stray_bytes_do_not() {
        assert!(query_is_utf8("q=cr%C3%A8me+solaire&page=2"));
        assert!(query_is_utf8("q=100%"));
        assert!(query_is_utf8("q=%zz"));
        assert!(!query_is_utf8("q=%FF"));
        assert!(!query_is_utf8("q=cr%E8me"));
        assert!(!query_is_utf8("%C3=1"));
    }

    proptest! {
        /// Whatever the query, the check answers without panicking, and
        /// agrees with the decoding of the form extractors.
        #[test]
        fn agrees_with_form_decoding(query in "[ -~]{0,60}") {
            let ours = query_is_utf8(&query);
            let lossless = url::form_urlencoded::parse(query.as_bytes())
                .all(|(k, v)| !k.contains('\u{FFFD}') && !v.contains('\u{FFFD}'));
            prop_assert_eq!(ours, lossless);
        }
    }
}
