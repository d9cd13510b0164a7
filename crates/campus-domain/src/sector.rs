//! The campus's sector within the national referentials.
//!
//! The catalogue holds every trade, certification and training of the
//! country; the campus highlights those of its own industries. A trade
//! belongs to the sector by its ROME code; a certification or a training,
//! which carry NSF and Formacode codes too, belongs to it when any of its
//! codes does. NSF and Formacode codes are hierarchical by their leading
//! digits (NSF 222 « transformations chimiques et apparentées » holds 222n,
//! Formacode semantic field 316 « gestion industrielle » holds 31624
//! « maintenance industrielle »), so the sector lists prefixes of them.

use std::collections::BTreeSet;

use crate::CodeRome;

/// Why a sector definition is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SectorError {
    #[error("code ROME invalide « {0} »")]
    Rome(String),
    #[error("préfixe NSF invalide « {0} » (1 à 3 chiffres, éventuellement suivis d'une lettre)")]
    Nsf(String),
    #[error("préfixe Formacode invalide « {0} » (1 à 5 chiffres)")]
    Formacode(String),
}

/// The trades, NSF specialities and Formacode fields of the campus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sector {
    romes: BTreeSet<String>,
    nsf: Vec<String>,
    formacodes: Vec<String>,
}

fn is_nsf_prefix(p: &str) -> bool {
    let digits = p.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &p[digits..];
    (1..=3).contains(&digits)
        && (rest.is_empty()
            || (digits == 3 && rest.len() == 1 && rest.chars().all(|c| c.is_ascii_alphabetic())))
}

fn is_formacode_prefix(p: &str) -> bool {
    (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
}

impl Sector {
    /// Checks every code; the first invalid one is the error.
    pub fn new<S: AsRef<str>>(
        romes: &[S],
        nsf: &[S],
        formacodes: &[S],
    ) -> Result<Sector, SectorError> {
        let romes = romes
            .iter()
            .map(|r| {
                CodeRome::parse(r.as_ref())
                    .map(|c| c.as_str().to_owned())
                    .map_err(|_| SectorError::Rome(r.as_ref().to_owned()))
            })
            .collect::<Result<_, _>>()?;
        let nsf = nsf
            .iter()
            .map(|p| {
                let p = p.as_ref().trim().to_ascii_lowercase();
                if is_nsf_prefix(&p) {
                    Ok(p)
                } else {
                    Err(SectorError::Nsf(p))
                }
            })
            .collect::<Result<_, _>>()?;
        let formacodes = formacodes
            .iter()
            .map(|p| {
                let p = p.as_ref().trim().to_owned();
                if is_formacode_prefix(&p) {
                    Ok(p)
                } else {
                    Err(SectorError::Formacode(p))
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Sector {
            romes,
            nsf,
            formacodes,
        })
    }

    /// The sector's ROME codes, in order.
    pub fn romes(&self) -> impl Iterator<Item = &str> {
        self.romes.iter().map(String::as_str)
    }

    /// The sector's NSF prefixes, lower case (for queries that match
    /// codes where they are stored).
    pub fn nsf_prefixes(&self) -> impl Iterator<Item = &str> {
        self.nsf.iter().map(String::as_str)
    }

    /// The sector's Formacode prefixes.
    pub fn formacode_prefixes(&self) -> impl Iterator<Item = &str> {
        self.formacodes.iter().map(String::as_str)
    }

    pub fn contains_rome(&self, code: &str) -> bool {
        self.romes.contains(code.trim())
    }

    /// Whether an NSF code (« 222 », « 222n », « 222 Transformations
    /// chimiques… ») falls in one of the sector's specialities.
    pub fn matches_nsf(&self, code: &str) -> bool {
        let code = code.trim().to_ascii_lowercase();
        self.nsf.iter().any(|p| code.starts_with(p.as_str()))
    }

    /// Whether a Formacode code falls in one of the sector's fields.
    pub fn matches_formacode(&self, code: &str) -> bool {
        let code = code.trim();
        self.formacodes.iter().any(|p| code.starts_with(p.as_str()))
    }

    /// Whether something described by these codes belongs to the sector:
    /// one code of any kind is enough.
    pub fn covers<'a>(
        &self,
        romes: impl IntoIterator<Item = &'a str>,
        nsf: impl IntoIterator<Item = &'a str>,
        formacodes: impl IntoIterator<Item = &'a str>,
    ) -> bool {
        romes.into_iter().any(|r| self.contains_rome(r))
            || nsf.into_iter().any(|n| self.matches_nsf(n))
            || formacodes.into_iter().any(|f| self.matches_formacode(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sector() -> Sector {
        Sector::new(&["H3301", "I1304"], &["222", "116"], &["228", "31624"]).unwrap()
    }

    #[test]
    fn codes_and_prefixes() {
        let s = sector();
        assert!(s.contains_rome("H3301"));
        assert!(!s.contains_rome("H3302"));
        assert!(s.matches_nsf("222n"));
        assert!(s.matches_nsf("222 Transformations chimiques et apparentées"));
        assert!(!s.matches_nsf("221"));
        assert!(s.matches_formacode("22885"));
        assert!(s.matches_formacode("31624"));
        assert!(!s.matches_formacode("31620"));
        assert!(s.covers(["A1101"], ["116"], []));
        assert!(!s.covers(["A1101"], ["110"], ["11554"]));
        assert_eq!(s.romes().collect::<Vec<_>>(), ["H3301", "I1304"]);
    }

    #[test]
    fn invalid_codes_are_named() {
        assert_eq!(
            Sector::new(&["H33"], &[], &[]),
            Err(SectorError::Rome("H33".into()))
        );
        assert_eq!(
            Sector::new(&[], &["22a4"], &[]),
            Err(SectorError::Nsf("22a4".into()))
        );
        assert_eq!(
            Sector::new(&[], &[], &["123456"]),
            Err(SectorError::Formacode("123456".into()))
        );
        assert!(Sector::new(&["H3301"], &["222n"], &["3"]).is_ok());
    }
}
