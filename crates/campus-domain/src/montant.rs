//! Amounts of money in euros, kept as whole cents: a price or a budget is
//! typed with a comma or a dot and at most two decimals, stored and
//! compared as an integer, and only turned into a decimal number where a
//! published format asks for one (LHÉO's `<prix-total-TTC>`).

use std::fmt;

/// Largest amount accepted: a hundred million euros.
const MAX_CENTIMES: i64 = 100_000_000 * 100;

/// An amount of money, in cents of euro, zero or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Centimes(i64);

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MontantError {
    #[error("montant illisible ou trop grand")]
    Invalide,
    #[error("montant négatif")]
    Negatif,
}

impl Centimes {
    /// An amount already in cents (a stored column); `None` below zero.
    pub fn new(centimes: i64) -> Option<Centimes> {
        (0..=MAX_CENTIMES)
            .contains(&centimes)
            .then_some(Centimes(centimes))
    }

    /// An amount typed in euros: `4500`, `4 500,50 €`, `12.5`. Digits, one
    /// decimal separator and at most two decimals; spaces and the euro
    /// sign are ignored. No floating point is involved.
    pub fn parse_euros(input: &str) -> Result<Centimes, MontantError> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '€')
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        let (units, decimals) = match digits.split_once([',', '.']) {
            Some((u, d)) => (u, d),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if units.is_empty()
            || units.len() > 12
            || decimals.len() > 2
            || !all_digits(units)
            || !all_digits(decimals)
        {
            return Err(MontantError::Invalide);
        }
        let units: i64 = units.parse().map_err(|_| MontantError::Invalide)?;
        let cents: i64 = format!("{decimals:0<2}")
            .parse()
            .map_err(|_| MontantError::Invalide)?;
        let total = units
            .checked_mul(100)
            .and_then(|u| u.checked_add(cents))
            .ok_or(MontantError::Invalide)?;
        if negative && total > 0 {
            return Err(MontantError::Negatif);
        }
        Centimes::new(total).ok_or(MontantError::Invalide)
    }

    /// The amount in cents.
    pub fn centimes(self) -> i64 {
        self.0
    }

    /// The amount in euros, for the formats that publish a decimal number.
    pub fn euros(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// `4 500,50` (French digit grouping, always two decimals, no sign).
impl fmt::Display for Centimes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let units = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(units.len() + units.len() / 3);
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push('\u{202f}');
            }
            grouped.push(c);
        }
        write!(f, "{grouped},{:02}", self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn euros_as_people_type_them() {
        let c = |s| Centimes::parse_euros(s).map(Centimes::centimes);
        assert_eq!(c("4500"), Ok(450_000));
        assert_eq!(c("4 500,50 €"), Ok(450_050));
        assert_eq!(c("12.5"), Ok(1_250));
        assert_eq!(c("0,07"), Ok(7));
        assert_eq!(c("0"), Ok(0));
        assert_eq!(c("-0"), Ok(0));
        assert_eq!(c("-1"), Err(MontantError::Negatif));
        assert_eq!(c("1,234"), Err(MontantError::Invalide));
        assert_eq!(c("NaN"), Err(MontantError::Invalide));
        assert_eq!(c("inf"), Err(MontantError::Invalide));
        assert_eq!(c("1e3"), Err(MontantError::Invalide));
        assert_eq!(c(""), Err(MontantError::Invalide));
        assert_eq!(c(",5"), Err(MontantError::Invalide));
        assert_eq!(c("100000001"), Err(MontantError::Invalide));
        assert_eq!(c("100000000"), Ok(MAX_CENTIMES));
    }

    #[test]
    fn shown_the_french_way() {
        assert_eq!(
            Centimes::new(450_050).unwrap().to_string(),
            "4\u{202f}500,50"
        );
        assert_eq!(Centimes::new(7).unwrap().to_string(), "0,07");
        assert_eq!(
            Centimes::new(1_234_567_800).unwrap().to_string(),
            "12\u{202f}345\u{202f}678,00"
        );
        assert_eq!(Centimes::new(-1), None);
    }

    proptest! {
        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = Centimes::parse_euros(&input);
        }

        #[test]
        fn what_is_shown_reads_back(c in 0..=MAX_CENTIMES) {
            let amount = Centimes::new(c).unwrap();
            prop_assert_eq!(Centimes::parse_euros(&amount.to_string()), Ok(amount));
        }
    }
}
