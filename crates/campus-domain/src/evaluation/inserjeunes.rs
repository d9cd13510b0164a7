//! InserJeunes: what became of the leavers of each vocational training,
//! by région, route (school or apprenticeship) and cohort, as the DEPP and
//! the DARES publish it.
//!
//! The source applies its own confidentiality before publishing: counts
//! are blank when fewer than five pupils were in the final year, rates
//! blank when the denominator is under twenty. A blank stays blank here
//! (`None`): the platform never fills in what the source withheld.

use crate::role::closed_list;

closed_list!(
    /// How the training was followed.
    Voie, "inserjeunes-voie-", {
        /// At school (lycée professionnel), known by its MEF_STAT_11.
        Scolaire => "scolaire",
        /// In apprenticeship, known by its diploma (CFD).
        Apprentissage => "apprentissage",
    }
);

/// A cohort: the school year its pupils were in their final year
/// (`2021_2022` in the file), named by its first calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Millesime(u16);

/// First and last cohorts the platform knows how to read: InserJeunes
/// starts with the leavers of 2018-2019; a later year is refused rather
/// than guessed.
pub const PREMIER_MILLESIME: u16 = 2018;
pub const DERNIER_MILLESIME: u16 = 2030;

/// Why a cohort was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MillesimeError {
    #[error(
        "millésime inconnu « {0} » (attendu : AAAA_AAAA, années consécutives de {PREMIER_MILLESIME} à {DERNIER_MILLESIME})"
    )]
    Inconnu(String),
}

impl Millesime {
    /// `2021_2022` (the file's form) or `2021-2022`.
    pub fn parse(text: &str) -> Result<Millesime, MillesimeError> {
        let refus = || MillesimeError::Inconnu(text.to_owned());
        let (debut, fin) = text.split_once(['_', '-']).ok_or_else(refus)?;
        let annee = |s: &str| {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())
                .flatten()
        };
        match (annee(debut), annee(fin)) {
            (Some(d), Some(f))
                if f == d + 1 && (PREMIER_MILLESIME..=DERNIER_MILLESIME).contains(&d) =>
            {
                Ok(Millesime(d))
            }
            _ => Err(refus()),
        }
    }

    /// The cohort's first calendar year.
    pub fn annee(self) -> u16 {
        self.0
    }

    /// `2021_2022`, as the source and the database write it.
    pub fn code(self) -> String {
        format!("{}_{}", self.0, self.0 + 1)
    }
}

impl std::fmt::Display for Millesime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

/// The outcome of one training in one région for one cohort. Every figure
/// is `None` when the source withheld it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevenirFormation {
    pub millesime: Millesime,
    /// The région's INSEE code (`24` for Centre-Val de Loire).
    pub region: String,
    pub voie: Voie,
    /// The MEF_STAT_11 of a school training, the CFD of an apprenticeship.
    pub code_formation: String,
    /// Pupils or apprentices in their final year.
    pub effectif_terminale: Option<u32>,
    /// Those who left education (the denominator of employment rates).
    pub sortants: Option<u32>,
    /// Those who went on studying.
    pub poursuites: Option<u32>,
    /// In employment 6, 12, 18 and 24 months after leaving.
    pub en_emploi: [Option<u32>; 4],
    /// Employment rates at 6, 12, 18 and 24 months, in percent.
    pub taux_emploi: [Option<u8>; 4],
    /// Further-study rate, in percent.
    pub taux_poursuite: Option<u8>,
}

/// Months after leaving at which employment is measured, in the order of
/// [`DevenirFormation::en_emploi`].
pub const MOIS_EMPLOI: [u8; 4] = [6, 12, 18, 24];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cohorts_are_consecutive_school_years() {
        let m = Millesime::parse("2021_2022").unwrap();
        assert_eq!(m.annee(), 2021);
        assert_eq!(m.code(), "2021_2022");
        assert_eq!(m.to_string(), "2021-2022");
        assert_eq!(Millesime::parse("2019-2020").unwrap().annee(), 2019);
        for bad in [
            "2021",
            "2021_2023",
            "2022_2021",
            "1999_2000",
            "２０２１_2022",
            "21_22",
            "",
        ] {
            assert!(Millesime::parse(bad).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_text_parses_or_is_refused(text in "\\PC{0,12}") {
            if let Ok(m) = Millesime::parse(&text) {
                prop_assert_eq!(Millesime::parse(&m.code()), Ok(m));
            }
        }
    }
}
