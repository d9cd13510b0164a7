//! An external link of a resource: `http` or `https` only, so that a link
//! on the page never runs a script (`javascript:`), reads a local file
//! (`file:`) or opens another application.

/// Longest link accepted.
pub const MAX_LIEN: usize = 2000;

/// Why a link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LienError {
    #[error("le lien doit commencer par http:// ou https://")]
    Schema,
    #[error("adresse invalide")]
    Invalide,
}

impl LienError {
    pub fn message_key(&self) -> &'static str {
        match self {
            LienError::Schema => "ressource-lien-schema",
            LienError::Invalide => "ressource-lien-invalide",
        }
    }
}

/// A checked external link.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LienExterne(String);

impl LienExterne {
    /// A link as typed, spaces around removed; the scheme in any case.
    pub fn parse(input: &str) -> Result<LienExterne, LienError> {
        let s = input.trim();
        let rest = strip_prefix_ci(s, "https://")
            .or_else(|| strip_prefix_ci(s, "http://"))
            .ok_or(LienError::Schema)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let host_ok = !host.is_empty()
            && !host.contains('@')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
        if !host_ok
            || s.chars().count() > MAX_LIEN
            || s.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(LienError::Invalide);
        }
        Ok(LienExterne(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn http_and_https_only() {
        assert_eq!(
            LienExterne::parse(" https://www.onisep.fr/metier ")
                .unwrap()
                .as_str(),
            "https://www.onisep.fr/metier"
        );
        assert!(LienExterne::parse("HTTP://127.0.0.1:8080/x?y=1").is_ok());
        assert_eq!(
            LienExterne::parse("javascript:alert(1)"),
            Err(LienError::Schema)
        );
        assert_eq!(LienExterne::parse("ftp://a.fr/x"), Err(LienError::Schema));
        assert_eq!(
            LienExterne::parse("file:///etc/passwd"),
            Err(LienError::Schema)
        );
        assert_eq!(LienExterne::parse("https://"), Err(LienError::Invalide));
        assert_eq!(
            LienExterne::parse("https://a b.fr/"),
            Err(LienError::Invalide)
        );
        assert_eq!(
            LienExterne::parse("https://user@evil.fr/"),
            Err(LienError::Invalide)
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            if let Ok(l) = LienExterne::parse(&s) {
                let lower = l.as_str().to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
            }
        }
    }
}
