//! E-mail addresses, normalised to lower case so that one person has one
//! account whatever the capitals they type.

use crate::string_type;

/// Why an address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("adresse vide")]
    Empty,
    #[error("adresse trop longue")]
    TooLong,
    #[error("il manque le @")]
    MissingAt,
    #[error("partie avant le @ invalide")]
    InvalidLocal,
    #[error("nom de domaine invalide")]
    InvalidDomain,
}

impl EmailError {
    pub fn message_key(&self) -> &'static str {
        match self {
            EmailError::Empty => "email-empty",
            EmailError::TooLong => "email-too-long",
            EmailError::MissingAt => "email-missing-at",
            EmailError::InvalidLocal => "email-invalid-local",
            EmailError::InvalidDomain => "email-invalid-domain",
        }
    }
}

/// A plausible, deliverable-looking address (RFC 5321 limits; the rest is
/// proven by the verification e-mail).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let address = input.trim().to_lowercase();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if address.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = address.rsplit_once('@').ok_or(EmailError::MissingAt)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        if !local_ok {
            return Err(EmailError::InvalidLocal);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
        // A bare host such as `localhost` is refused; the domains reserved
        // for tests (`*.test`, `*.localhost`, RFC 6761) pass like any other.
        if !domain_ok {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`, which a password must not contain.
    pub fn local_part(&self) -> &str {
        self.0
            .rsplit_once('@')
            .map(|(local, _)| local)
            .unwrap_or_default()
    }
}

string_type!(Email, EmailError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepted() {
        assert_eq!(
            Email::parse("  Lea.Martin+campus@Univ-Orleans.FR ")
                .unwrap()
                .as_str(),
            "lea.martin+campus@univ-orleans.fr"
        );
        assert!(Email::parse("admin@campus.localhost").is_ok());
        assert!(Email::parse("a@exemple.test").is_ok());
        assert_eq!(
            Email::parse("lea.martin@exemple.fr").unwrap().local_part(),
            "lea.martin"
        );
    }

    #[test]
    fn refused() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("lea"), Err(EmailError::MissingAt));
        assert_eq!(Email::parse("@exemple.fr"), Err(EmailError::InvalidLocal));
        assert_eq!(
            Email::parse("lé a@exemple.fr"),
            Err(EmailError::InvalidLocal)
        );
        assert_eq!(
            Email::parse("lea@localhost"),
            Err(EmailError::InvalidDomain)
        );
        assert_eq!(
            Email::parse("lea@-exemple.fr"),
            Err(EmailError::InvalidDomain)
        );
        assert_eq!(Email::parse("lea@exemple"), Err(EmailError::InvalidDomain));
        assert_eq!(
            Email::parse(&format!("{}@exemple.fr", "a".repeat(65))),
            Err(EmailError::InvalidLocal)
        );
        assert_eq!(
            Email::parse(&format!("a@{}.fr", "b".repeat(260))),
            Err(EmailError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = Email::parse(&s);
        }

        #[test]
        fn valid_addresses_round_trip(local in "[a-z0-9]{1,20}(\\.[a-z0-9]{1,10})?", domain in "[a-z0-9]{1,20}\\.(fr|com|org)") {
            let address = format!("{local}@{domain}");
            prop_assert_eq!(Email::parse(&address.to_uppercase()).unwrap().to_string(), address);
        }
    }
}
