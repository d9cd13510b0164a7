//! Reading submitted forms and JSON bodies, and collecting field errors.
//!
//! Browsers post `application/x-www-form-urlencoded`. The body is checked to
//! be valid UTF-8 once percent-decoded (a lossy decoding would silently
//! store replacement characters), then deserialised into a struct of plain
//! strings; each handler validates those strings with the domain's types and
//! gathers one message per field into [`FormErrors`], which the template
//! shows as a summary at the top and next to each field.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{AppError, FieldProblem};
use crate::i18n::Tr;

/// One field's error message, already translated.
#[derive(Clone, Debug, Serialize)]
pub struct FieldError {
    /// The HTML `id` suffix and form name of the field.
    pub field: &'static str,
    pub message: String,
}

/// The errors of one submitted form.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    items: Vec<FieldError>,
}

impl FormErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        if self.get(field).is_none() {
            self.items.push(FieldError { field, message });
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn items(&self) -> &[FieldError] {
        &self.items
    }

    /// The same errors in the API's problem document.
    pub fn into_problems(self) -> Vec<FieldProblem> {
        self.items
            .into_iter()
            .map(|e| FieldProblem {
                field: e.field.to_owned(),
                message: e.message,
            })
            .collect()
    }

    /// Records the outcome of a validation, keeping the value if valid.
    pub fn check<T, E: DomainMessage>(
        &mut self,
        tr: &Tr,
        field: &'static str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.add(field, err.message(tr));
                None
            }
        }
    }
}

/// A domain error that can be told to a user.
pub trait DomainMessage {
    fn message(&self, tr: &Tr) -> String;
}

macro_rules! domain_message {
    ($($t:ty),* $(,)?) => {$(
        impl DomainMessage for $t {
            fn message(&self, tr: &Tr) -> String {
                tr.t(self.message_key())
            }
        }
    )*};
}

domain_message!(
    campus_domain::SiretError,
    campus_domain::UaiError,
    campus_domain::CodePostalError,
    campus_domain::DepartementError,
    campus_domain::EmailError,
    campus_domain::PasswordError,
    campus_domain::RoleError,
    campus_domain::evenement::EvenementError,
    campus_domain::insertion::OffreError,
    campus_domain::mobilite::MobiliteError,
    campus_domain::mobilite::PaysError,
    campus_domain::expertise::LangueError,
);

impl DomainMessage for campus_domain::TextError {
    fn message(&self, tr: &Tr) -> String {
        match self {
            campus_domain::TextError::TooLong { max } => {
                tr.tn(self.message_key(), "max", *max as u64)
            }
            other => tr.t(other.message_key()),
        }
    }
}

/// A message key of this crate's own, for checks that have no domain type.
pub struct Key(pub &'static str);

impl DomainMessage for Key {
    fn message(&self, tr: &Tr) -> String {
        tr.t(self.0)
    }
}

/// Percent-encodes a value for a query string.
pub fn url_encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Checks that every name and value of a form body decodes to UTF-8.
fn form_is_utf8(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        let replaced: Vec<u8> = pair
            .iter()
            .map(|b| if *b == b'+' { b' ' } else { *b })
            .collect();
        let decoded: Vec<u8> = percent_encoding::percent_decode(&replaced).collect();
        std::str::from_utf8(&decoded).is_ok()
    })
}

/// Parses a form body into `T`.
pub fn parse_form<T: DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    if !form_is_utf8(body) {
        return Err(AppError::BadRequest {
            key: "error-encoding",
            detail: None,
        });
    }
    serde_urlencoded::from_bytes(body).map_err(|e| AppError::BadRequest {
        key: "error-form",
        detail: Some(e.to_string()),
    })
}

/// The body of a request whose `Content-Type` starts with `media_type`;
/// another type, or a body over the size limit, is a 400 that says so.
async fn body_of<S: Send + Sync>(
    request: Request,
    state: &S,
    media_type: &str,
) -> Result<Bytes, AppError> {
    let matches = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with(media_type));
    if !matches {
        return Err(AppError::BadRequest {
            key: "error-media-type",
            detail: None,
        });
    }
    Bytes::from_request(request, state)
        .await
        .map_err(|_| AppError::BadRequest {
            key: "error-too-large",
            detail: None,
        })
}

/// A urlencoded form, decoded with the checks above.
#[derive(Debug)]
pub struct Form<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_of(request, state, "application/x-www-form-urlencoded").await?;
        parse_form(&bytes).map(Form)
    }
}

/// A JSON body for the API, with errors as problem documents.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body_of(request, state, "application/json").await?;
        serde_json::from_slice(&bytes)
            .map(ApiJson)
            .map_err(|e| AppError::BadRequest {
                key: "error-json",
                detail: Some(e.to_string()),
            })
    }
}
#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn utf8_check() {
        assert!(form_is_utf8(b"nom=L%C3%A9a&x=1"));
        assert!(!form_is_utf8(b"nom=%FF%FE"));
        assert!(!form_is_utf8(&[b'a', b'=', 0xC3]));
    }

    proptest! {
        #[test]
        fn any_body_is_parsed_or_refused_without_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse_form::<HashMap<String, String>>(&body);
        }

        #[test]
        fn encoded_text_round_trips(value in "\\PC{0,64}") {
            let body = format!("v={}", url_encode(&value));
            let parsed: HashMap<String, String> = parse_form(body.as_bytes()).unwrap();
            prop_assert_eq!(parsed.get("v").cloned().unwrap_or_default(), value);
        }
    }
}
