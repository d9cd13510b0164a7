//! Reading and writing the few cookies campus uses (session, CSRF binding,
//! language), with the attributes security requires.

use axum::http::{HeaderMap, HeaderValue, header};

/// The value of cookie `name` in the request, if any.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_owned())
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

/// A `Set-Cookie` value: always `Path=/`, `HttpOnly` unless stated,
/// `SameSite=Lax` (so links from e-mails keep the session, while forms
/// posted from other sites do not carry it) and `Secure` over HTTPS.
pub fn set(name: &str, value: &str, lifetime: Lifetime, secure: bool) -> Option<HeaderValue> {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    match lifetime {
        Lifetime::Session => {}
        Lifetime::Seconds(s) => cookie.push_str(&format!("; Max-Age={s}")),
        Lifetime::Expired => cookie.push_str("; Max-Age=0"),
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "a=1; campus_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(get(&headers, "campus_session").as_deref(), Some("abc"));
        assert_eq!(get(&headers, "absent"), None);
    }

    #[test]
    fn attributes() {
        let v = set("x", "y", Lifetime::Seconds(60), true).unwrap();
        let v = v.to_str().unwrap();
        assert!(
            v.contains("HttpOnly")
                && v.contains("SameSite=Lax")
                && v.contains("Secure")
                && v.contains("Max-Age=60")
        );
        assert!(set("x", "bad\nvalue", Lifetime::Session, false).is_none());
    }
}
