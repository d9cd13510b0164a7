//! UAI (formerly RNE) codes of education establishments: 7 digits and a
//! check letter computed from them, which catches most typing errors.

use crate::{compact, string_type};

/// The 23 letters used as check letters (no I, O, Q: they look like digits).
const LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// Why a UAI code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UaiError {
    #[error("un code UAI comporte 7 chiffres suivis d'une lettre")]
    Format,
    #[error("la lettre de contrôle devrait être {expected}")]
    CheckLetter { expected: char },
}

impl UaiError {
    pub fn message_key(&self) -> &'static str {
        match self {
            UaiError::Format => "uai-invalid-format",
            UaiError::CheckLetter { .. } => "uai-check-letter",
        }
    }
}

/// A valid UAI code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Uai(String);

impl Uai {
    pub fn parse(input: &str) -> Result<Uai, UaiError> {
        let code = compact(input).to_ascii_uppercase();
        let bytes = code.as_bytes();
        if bytes.len() != 8
            || !bytes[..7].iter().all(u8::is_ascii_digit)
            || !bytes[7].is_ascii_uppercase()
        {
            return Err(UaiError::Format);
        }
        let number: u32 = code[..7].parse().map_err(|_| UaiError::Format)?;
        let expected = char::from(LETTERS[(number % 23) as usize]);
        if char::from(bytes[7]) != expected {
            return Err(UaiError::CheckLetter { expected });
        }
        Ok(Uai(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_type!(Uai, UaiError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_codes() {
        assert_eq!(Uai::parse("0450855K").unwrap().as_str(), "0450855K");
        assert_eq!(Uai::parse(" 0370800u ").unwrap().as_str(), "0370800U");
    }

    #[test]
    fn errors() {
        assert_eq!(
            Uai::parse("0450855A"),
            Err(UaiError::CheckLetter { expected: 'K' })
        );
        assert_eq!(Uai::parse("045085K"), Err(UaiError::Format));
        assert_eq!(Uai::parse("04508551"), Err(UaiError::Format));
        assert_eq!(Uai::parse("é450855K"), Err(UaiError::Format));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = Uai::parse(&s);
        }

        #[test]
        fn computed_letters_are_accepted(n in 0u32..10_000_000) {
            let code = format!("{n:07}{}", char::from(LETTERS[(n % 23) as usize]));
            prop_assert_eq!(Uai::parse(&code).unwrap().to_string(), code);
        }
    }
}
