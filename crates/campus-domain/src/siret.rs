//! SIREN (company) and SIRET (establishment) numbers of the INSEE register.
//!
//! Both carry a Luhn checksum, except the establishments of La Poste
//! (SIREN 356000000), whose SIRET numbers are valid when the sum of their
//! digits is a multiple of 5: INSEE ran out of Luhn-valid numbers for its
//! thousands of post offices.

use crate::{compact, string_type};

/// Why a SIREN or SIRET number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiretError {
    #[error("un SIRET comporte 14 chiffres")]
    SiretLength,
    #[error("un SIREN comporte 9 chiffres")]
    SirenLength,
    #[error("seuls des chiffres sont attendus")]
    NotDigits,
    #[error("la clé de contrôle ne correspond pas")]
    Checksum,
}

impl SiretError {
    pub fn message_key(&self) -> &'static str {
        match self {
            SiretError::SiretLength => "siret-invalid-length",
            SiretError::SirenLength => "siren-invalid-length",
            SiretError::NotDigits => "siret-not-digits",
            SiretError::Checksum => "siret-checksum",
        }
    }
}

const LA_POSTE: &str = "356000000";

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let double = d * 2;
                if double > 9 { double - 9 } else { double }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digits(input: &str, len: usize, length_error: SiretError) -> Result<String, SiretError> {
    let code = compact(input);
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SiretError::NotDigits);
    }
    if code.len() != len {
        return Err(length_error);
    }
    Ok(code)
}

/// A valid SIREN number (9 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Siren(String);

impl Siren {
    pub fn parse(input: &str) -> Result<Siren, SiretError> {
        let code = digits(input, 9, SiretError::SirenLength)?;
        if luhn(&code) {
            Ok(Siren(code))
        } else {
            Err(SiretError::Checksum)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A valid SIRET number (14 digits: SIREN + establishment number).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Siret(String);

impl Siret {
    pub fn parse(input: &str) -> Result<Siret, SiretError> {
        let code = digits(input, 14, SiretError::SiretLength)?;
        let valid = if code.starts_with(LA_POSTE) {
            code.bytes()
                .map(|b| u32::from(b - b'0'))
                .sum::<u32>()
                .is_multiple_of(5)
        } else {
            luhn(&code)
        };
        if valid {
            Ok(Siret(code))
        } else {
            Err(SiretError::Checksum)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The company the establishment belongs to.
    pub fn siren(&self) -> Siren {
        Siren(self.0[..9].to_owned())
    }
}

string_type!(Siren, SiretError);
string_type!(Siret, SiretError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_numbers() {
        assert_eq!(
            Siret::parse("732 829 320 00074").unwrap().as_str(),
            "73282932000074"
        );
        assert_eq!(
            Siret::parse("19450855200016").unwrap().siren().as_str(),
            "194508552"
        );
        assert!(
            Siret::parse("35600000049837").is_ok(),
            "La Poste : somme des chiffres multiple de 5"
        );
        assert_eq!(Siret::parse("35600000049838"), Err(SiretError::Checksum));
        assert!(Siren::parse("732829320").is_ok());
    }

    #[test]
    fn errors() {
        assert_eq!(Siret::parse("73282932000075"), Err(SiretError::Checksum));
        assert_eq!(Siret::parse("7328293200007"), Err(SiretError::SiretLength));
        assert_eq!(Siret::parse("7328293200007A"), Err(SiretError::NotDigits));
        assert_eq!(Siren::parse("732829321"), Err(SiretError::Checksum));
        assert_eq!(Siren::parse("12"), Err(SiretError::SirenLength));
    }

    /// Appends the Luhn check digit to `body`.
    fn with_check(body: &str) -> String {
        (0..10)
            .map(|d| format!("{body}{d}"))
            .find(|c| luhn(c))
            .unwrap()
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = Siret::parse(&s);
            let _ = Siren::parse(&s);
        }

        #[test]
        fn luhn_valid_numbers_round_trip(body in "[0-9]{13}") {
            prop_assume!(!body.starts_with(LA_POSTE));
            let code = with_check(&body);
            let siret = Siret::parse(&code).unwrap();
            prop_assert_eq!(siret.to_string(), code);
        }
    }
}
