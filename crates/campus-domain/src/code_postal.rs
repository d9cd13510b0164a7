//! French postal codes.

use crate::departement::Departement;
use crate::{compact, string_type};

/// Why a postal code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodePostalError {
    #[error("un code postal comporte 5 chiffres")]
    Format,
    #[error("ce code postal n'existe pas")]
    OutOfRange,
}

impl CodePostalError {
    pub fn message_key(&self) -> &'static str {
        match self {
            CodePostalError::Format => "code-postal-format",
            CodePostalError::OutOfRange => "code-postal-range",
        }
    }
}

/// A postal code: 5 digits from 01000 to 98899 (CEDEX codes included).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodePostal(String);

impl CodePostal {
    pub fn parse(input: &str) -> Result<CodePostal, CodePostalError> {
        let code = compact(input);
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodePostalError::Format);
        }
        let n: u32 = code.parse().map_err(|_| CodePostalError::Format)?;
        if !(1000..=98899).contains(&n) {
            return Err(CodePostalError::OutOfRange);
        }
        Ok(CodePostal(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The département the code most likely belongs to. Postal codes follow
    /// départements except at a few borders, so this is a default to
    /// propose, not a fact: Corsica splits at 20200, overseas départements
    /// use three digits, and 98xxx codes belong to collectivities that are
    /// not départements.
    pub fn departement_probable(&self) -> Option<Departement> {
        let code = &self.0;
        let guess = match &code[..2] {
            "20" => {
                if code.as_str() < "20200" {
                    "2A".to_owned()
                } else {
                    "2B".to_owned()
                }
            }
            "97" => code[..3].to_owned(),
            "98" => return None,
            two => two.to_owned(),
        };
        Departement::parse(&guess).ok()
    }
}

string_type!(CodePostal, CodePostalError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_and_departements() {
        let dep = |c: &str| {
            CodePostal::parse(c)
                .unwrap()
                .departement_probable()
                .map(|d| d.as_str())
        };
        assert_eq!(dep("45000"), Some("45"));
        assert_eq!(dep("45067"), Some("45"));
        assert_eq!(dep("20000"), Some("2A"));
        assert_eq!(dep("20200"), Some("2B"));
        assert_eq!(dep("97400"), Some("974"));
        assert_eq!(dep("98000"), None);
        assert_eq!(CodePostal::parse("00100"), Err(CodePostalError::OutOfRange));
        assert_eq!(CodePostal::parse("99000"), Err(CodePostalError::OutOfRange));
        assert_eq!(CodePostal::parse("4500"), Err(CodePostalError::Format));
        assert_eq!(CodePostal::parse("37 000").unwrap().as_str(), "37000");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,10}") {
            if let Ok(code) = CodePostal::parse(&s) {
                let _ = code.departement_probable();
            }
        }

        #[test]
        fn valid_codes_round_trip(n in 1000u32..=98899) {
            let code = format!("{n:05}");
            prop_assert_eq!(CodePostal::parse(&code).unwrap().to_string(), code);
        }
    }
}
