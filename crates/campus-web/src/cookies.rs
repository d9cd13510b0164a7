//! Reading and writing the few cookies campus uses (session, CSRF binding,
//! language), with the attributes security requires. Parsing and
//! serialising follow RFC 6265 through the `cookie` crate; this module only
//! fixes the attributes every cookie of the platform carries.

use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, SameSite};

/// The value of cookie `name` in the request, if any (the first one when a
/// browser sends the name twice, as RFC 6265 orders the most specific path
/// first).
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value_trimmed().to_owned())
}

/// How long a cookie lives.
#[derive(Clone, Copy, Debug)]
pub enum Lifetime {
    /// Until the browser closes.
    Session,
    Seconds(i64),
    /// Deletes the cookie.
    Expired,
}

/// A `Set-Cookie` value: always `Path=/`, `HttpOnly`, `SameSite=Lax` (so
/// links from e-mails keep the session, while forms posted from other
/// sites do not carry it) and `Secure` over HTTPS. `None` for a value a
/// header cannot carry.
pub fn set(name: &str, value: &str, lifetime: Lifetime, secure: bool) -> Option<HeaderValue> {
    let mut cookie = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure);
    match lifetime {
        Lifetime::Session => {}
        Lifetime::Seconds(s) => cookie = cookie.max_age(cookie::time::Duration::seconds(s)),
        Lifetime::Expired => cookie = cookie.max_age(cookie::time::Duration::ZERO),
    }
    HeaderValue::from_str(&cookie.build().to_string()).ok()
}

/// Adds to `response` the header that deletes the cookie `name`.
pub fn clear(response: &mut axum::response::Response, name: &str, secure: bool) {
    if let Some(cookie) = set(name, "", Lifetime::Expired, secure) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, cookie);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_among_several() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            "a=1; campus_session=abc; b=2".parse().unwrap(),
        );
        headers.append(header::COOKIE, "lang=\"en\";broken".parse().unwrap());
        assert_eq!(get(&headers, "campus_session").as_deref(), Some("abc"));
        assert_eq!(get(&headers, "lang").as_deref(), Some("en"));
        assert_eq!(get(&headers, "absent"), None);
        assert_eq!(get(&headers, "broken"), None);
    }

    #[test]
    fn attributes() {
        let v = set("x", "y", Lifetime::Seconds(60), true).unwrap();
        let v = v.to_str().unwrap();
        assert!(v.starts_with("x=y"), "{v}");
        for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Max-Age=60", "Path=/"] {
            assert!(v.contains(attribute), "{v}");
        }
        let gone = set("x", "", Lifetime::Expired, false).unwrap();
        assert!(gone.to_str().unwrap().contains("Max-Age=0"));
        assert!(!gone.to_str().unwrap().contains("Secure"));
        let session = set("x", "y", Lifetime::Session, false).unwrap();
        assert!(!session.to_str().unwrap().contains("Max-Age"));
        assert!(set("x", "bad\nvalue", Lifetime::Session, false).is_none());
    }
}
