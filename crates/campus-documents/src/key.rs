//! Where a document lives in the store: `{area}/{uuid}`, e.g.
//! `candidatures/01890a5d-ac96-774b-bcce-b302099a8057`.
//!
//! Keys are made by the platform ([`DocumentKey::new`]), never from a name
//! the user sent. The database keeps them as text, and [`DocumentKey::parse`]
//! accepts only that exact shape when reading them back, so a tampered
//! column (`../../etc/passwd`, `/abs`, `a/b/c`) can't point outside the
//! store's folder or bucket.

use std::fmt;

use uuid::Uuid;

/// Longest area name; areas are short words chosen in the code.
const AREA_MAX: usize = 64;

/// A validated storage key: one area of lowercase letters, digits and `-`,
/// a slash, and a lowercase hyphenated UUID.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentKey(String);

/// A text that is not a [`DocumentKey`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("clé de document invalide : « {0} »")]
pub struct InvalidKey(pub String);

impl DocumentKey {
    /// A fresh key in `area` (`candidatures`, `projets`, `ressources`…).
    ///
    /// The UUID is a v7, so keys of one area sort by creation time, which
    /// keeps listings and retention jobs cheap on S3. `area` is a constant
    /// of the calling code; rather than fail at run time on a typo, any
    /// character outside `[a-z0-9-]` becomes `-` (upper case is lowered), so
    /// every key made here passes [`DocumentKey::parse`].
    pub fn new(area: &str) -> DocumentKey {
        let mut clean: String = area
            .chars()
            .take(AREA_MAX)
            .map(|c| match c.to_ascii_lowercase() {
                c @ ('a'..='z' | '0'..='9' | '-') => c,
                _ => '-',
            })
            .collect();
        if clean.is_empty() {
            clean.push_str("documents");
        }
        DocumentKey(format!("{clean}/{}", Uuid::now_v7().hyphenated()))
    }

    /// Reads back a key written by [`DocumentKey::as_str`]; anything else,
    /// including an upper-case UUID or surrounding spaces, is refused.
    pub fn parse(value: &str) -> Result<DocumentKey, InvalidKey> {
        let invalid = || InvalidKey(value.to_owned());
        let (area, id) = value.split_once('/').ok_or_else(invalid)?;
        let area_ok = !area.is_empty()
            && area.len() <= AREA_MAX
            && area
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        // `Uuid::try_parse` also takes braces, URNs and upper case: only the
        // form `new` writes is a key.
        let id_ok = id.len() == 36
            && Uuid::try_parse(id).is_ok_and(|uuid| uuid.hyphenated().to_string() == id);
        if area_ok && id_ok {
            Ok(DocumentKey(value.to_owned()))
        } else {
            Err(invalid())
        }
    }

    /// The text to keep in the database.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The area the key was made in.
    pub fn area(&self) -> &str {
        self.0.split_once('/').map_or("", |(area, _)| area)
    }
}

impl fmt::Display for DocumentKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ID: &str = "01890a5d-ac96-774b-bcce-b302099a8057";

    #[test]
    fn new_keys_parse_back() {
        let key = DocumentKey::new("candidatures");
        assert!(key.as_str().starts_with("candidatures/"));
        assert_eq!(key.area(), "candidatures");
        assert_eq!(DocumentKey::parse(key.as_str()), Ok(key.clone()));
        assert_ne!(DocumentKey::new("candidatures"), key);
    }

    #[test]
    fn new_cleans_a_mistyped_area() {
        for area in ["Projets", "../x", "a/b", "", "é"] {
            let key = DocumentKey::new(area);
            assert!(DocumentKey::parse(key.as_str()).is_ok(), "{area} → {key}");
        }
        assert_eq!(DocumentKey::new("Projets").area(), "projets");
        assert_eq!(DocumentKey::new("../x").area(), "---x");
        assert_eq!(DocumentKey::new("").area(), "documents");
    }

    #[test]
    fn parse_accepts_the_stored_shape() {
        assert!(DocumentKey::parse(&format!("candidatures/{ID}")).is_ok());
        assert!(DocumentKey::parse(&format!("ressources-2/{ID}")).is_ok());
    }

    #[test]
    fn parse_rejects_what_could_escape_or_confuse() {
        for value in [
            String::new(),
            "/".to_owned(),
            "../x".to_owned(),
            format!("../{ID}"),
            format!("/{ID}"),
            format!("/etc/{ID}"),
            format!("a/../{ID}"),
            format!("a/b/{ID}"),
            format!("candidatures/{ID}/"),
            format!("candidatures/{ID}/x"),
            format!("Candidatures/{ID}"),
            format!("candidatures/{}", ID.to_uppercase()),
            format!("candidatures/{{{ID}}}"),
            format!("candidatures/{}", ID.replace('-', "")),
            format!("candidatures/urn:uuid:{ID}"),
            format!(" candidatures/{ID}"),
            format!("candidatures/{ID}\n"),
            format!("cand idatures/{ID}"),
            format!("candidatures\\{ID}"),
            format!("{}/{ID}", "a".repeat(AREA_MAX + 1)),
            "candidatures/".to_owned(),
            "candidatures/../../../../etc/passwd".to_owned(),
            "candidatures/0000000000000000000000000000000000..".to_owned(),
        ] {
            assert_eq!(
                DocumentKey::parse(&value),
                Err(InvalidKey(value.clone())),
                "{value:?}"
            );
        }
    }

    #[test]
    fn error_message_is_french() {
        assert_eq!(
            InvalidKey("../x".into()).to_string(),
            "clé de document invalide : « ../x »"
        );
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_accepts_only_safe_text(value in "\\PC{0,80}") {
            if let Ok(key) = DocumentKey::parse(&value) {
                prop_assert!(!key.as_str().contains(".."));
                prop_assert!(!key.as_str().starts_with('/'));
                prop_assert_eq!(key.as_str().matches('/').count(), 1);
            }
        }

        #[test]
        fn any_area_makes_a_valid_key(area in "\\PC{0,80}") {
            let key = DocumentKey::new(&area);
            prop_assert_eq!(DocumentKey::parse(key.as_str()), Ok(key));
        }
    }
}
