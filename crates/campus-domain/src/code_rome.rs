//! ROME codes (Répertoire opérationnel des métiers et des emplois, France
//! Travail): a letter for the professional field, then four digits.

use crate::{compact, string_type};

/// Why a ROME code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("un code ROME est une lettre de A à N suivie de 4 chiffres")]
pub struct CodeRomeError;

impl CodeRomeError {
    pub fn message_key(&self) -> &'static str {
        "code-rome-format"
    }
}

/// A ROME fiche code, such as `H3301`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeRome(String);

impl CodeRome {
    pub fn parse(input: &str) -> Result<CodeRome, CodeRomeError> {
        let code = compact(input).to_ascii_uppercase();
        let bytes = code.as_bytes();
        let valid = bytes.len() == 5
            && (b'A'..=b'N').contains(&bytes[0])
            && bytes[1..].iter().all(u8::is_ascii_digit);
        if valid {
            Ok(CodeRome(code))
        } else {
            Err(CodeRomeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The professional field (`grand domaine`), the code's letter.
    pub fn grand_domaine(&self) -> char {
        char::from(self.0.as_bytes()[0])
    }
}

string_type!(CodeRome, CodeRomeError);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes() {
        assert_eq!(
            CodeRome::parse("h3301").map(|c| c.to_string()),
            Ok("H3301".to_owned())
        );
        assert_eq!(CodeRome::parse("I1304").map(|c| c.grand_domaine()), Ok('I'));
        assert!(CodeRome::parse("O1234").is_err());
        assert!(CodeRome::parse("H330").is_err());
        assert!(CodeRome::parse("H33O1").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            let _ = CodeRome::parse(&s);
        }

        #[test]
        fn valid_codes_round_trip(letter in "[A-N]", digits in "[0-9]{4}") {
            let code = format!("{letter}{digits}");
            prop_assert_eq!(CodeRome::parse(&code).map(|c| c.to_string()), Ok(code));
        }
    }
}
