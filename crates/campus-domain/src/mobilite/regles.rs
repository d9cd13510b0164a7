//! The rules of a mobility: who goes, for how long, at what age.
//!
//! Bounds, after the Erasmus+ programme guide for vocational education
//! and training, counted in days from the start date to the end date
//! (a mobility from 1 to 22 March lasts 21 days; one that ends the day it
//! starts lasts 0 days and is refused):
//! - learners (pupils, apprentices, students) — a work placement or a
//!   study period of 14 to 365 days (two weeks to twelve months);
//! - staff (teachers, trainers) — job shadowing or a teaching assignment
//!   of 2 to 60 days (a few days to two months).
//!
//! A learner is a minor when under 18 on the mobility's first day: the
//! parent's consent is then required before the mobility is confirmed.

use chrono::{Datelike, NaiveDate};

use crate::role::closed_list;

closed_list!(
    /// Who a mobility is for.
    PublicMobilite, "mobilite-public-", {
        /// Pupils, apprentices, students.
        Apprenants => "apprenants",
        /// Teachers and trainers.
        Personnels => "personnels",
    }
);

closed_list!(
    /// What the mobility is.
    NatureMobilite, "mobilite-nature-", {
        /// A work placement in a company abroad (learners).
        Stage => "stage",
        /// A study period in a school abroad (learners).
        PeriodeEtudes => "periode_etudes",
        /// Job shadowing (staff).
        Observation => "observation",
        /// A teaching or training assignment (staff).
        Enseignement => "enseignement",
    }
);

impl NatureMobilite {
    /// The public the nature is for.
    pub fn public(self) -> PublicMobilite {
        match self {
            NatureMobilite::Stage | NatureMobilite::PeriodeEtudes => PublicMobilite::Apprenants,
            NatureMobilite::Observation | NatureMobilite::Enseignement => {
                PublicMobilite::Personnels
            }
        }
    }
}

closed_list!(
    /// Who pays for the mobility.
    Financement, "mobilite-financement-", {
        ErasmusPlus => "erasmus_plus",
        /// Another programme, named on the offer (a region, a foundation).
        Autre => "autre",
    }
);

closed_list!(
    /// Where a parent's consent stands, for a minor.
    EtatConsentement, "mobilite-consentement-", {
        /// The learner is of age on the first day: no consent is needed.
        SansObjet => "sans_objet",
        Attendu => "attendu",
        Donne => "donne",
        Refuse => "refuse",
    }
);

/// Why a mobility's dates, an applicant's age or an application were
/// refused; each has its own French message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MobiliteError {
    #[error("date invalide")]
    DateInvalide,
    #[error("la mobilité dure 0 jour")]
    DureeNulle,
    #[error("la fin précède le début")]
    FinAvantDebut,
    #[error("durée trop courte")]
    TropCourte,
    #[error("durée trop longue")]
    TropLongue,
    #[error("date limite après le début")]
    LimiteApresDebut,
    #[error("date limite passée")]
    LimitePassee,
    #[error("âge hors des limites")]
    AgeHorsLimites,
    #[error("âges contradictoires")]
    AgesContradictoires,
    #[error("date de naissance invalide")]
    NaissanceInvalide,
    #[error("nombre de places invalide")]
    PlacesInvalides,
}

impl MobiliteError {
    pub fn message_key(&self) -> &'static str {
        match self {
            MobiliteError::DateInvalide => "mobilite-error-date",
            MobiliteError::DureeNulle => "mobilite-error-duree-nulle",
            MobiliteError::FinAvantDebut => "mobilite-error-fin-avant-debut",
            MobiliteError::TropCourte => "mobilite-error-trop-courte",
            MobiliteError::TropLongue => "mobilite-error-trop-longue",
            MobiliteError::LimiteApresDebut => "mobilite-error-limite-apres-debut",
            MobiliteError::LimitePassee => "mobilite-error-limite-passee",
            MobiliteError::AgeHorsLimites => "mobilite-error-age",
            MobiliteError::AgesContradictoires => "mobilite-error-ages",
            MobiliteError::NaissanceInvalide => "mobilite-error-naissance",
            MobiliteError::PlacesInvalides => "mobilite-error-places",
        }
    }
}

impl PublicMobilite {
    /// Shortest and longest duration, in days.
    pub fn bornes_jours(self) -> (i64, i64) {
        match self {
            PublicMobilite::Apprenants => (14, 365),
            PublicMobilite::Personnels => (2, 60),
        }
    }
}

/// The dates of a mobility, checked against its public's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    pub debut: NaiveDate,
    pub fin: NaiveDate,
}

impl Periode {
    /// Dates for `public`: at least one day, end after start, within the
    /// bounds.
    pub fn new(
        debut: NaiveDate,
        fin: NaiveDate,
        public: PublicMobilite,
    ) -> Result<Periode, MobiliteError> {
        let jours = (fin - debut).num_days();
        if jours == 0 {
            return Err(MobiliteError::DureeNulle);
        }
        if jours < 0 {
            return Err(MobiliteError::FinAvantDebut);
        }
        let (min, max) = public.bornes_jours();
        if jours < min {
            return Err(MobiliteError::TropCourte);
        }
        if jours > max {
            return Err(MobiliteError::TropLongue);
        }
        Ok(Periode { debut, fin })
    }

    /// Days from start to end.
    pub fn jours(&self) -> i64 {
        (self.fin - self.debut).num_days()
    }

    /// Whether the mobility is over on `today` (the school may record
    /// what was learnt).
    pub fn terminee(&self, today: NaiveDate) -> bool {
        today > self.fin
    }
}

/// A date typed `AAAA-MM-JJ` (the date field of forms) or `JJ/MM/AAAA`.
pub fn parse_date(input: &str) -> Result<NaiveDate, MobiliteError> {
    let input = input.trim();
    NaiveDate::parse_from_str(input, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(input, "%d/%m/%Y"))
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or(MobiliteError::DateInvalide)
}

/// Full years of someone born on `naissance`, on `jour`.
pub fn age_le(naissance: NaiveDate, jour: NaiveDate) -> i32 {
    let mut age = jour.year() - naissance.year();
    if (jour.month(), jour.day()) < (naissance.month(), naissance.day()) {
        age -= 1;
    }
    age
}

/// Age of majority in France.
pub const MAJORITE: i32 = 18;

/// Whether someone born on `naissance` is a minor on `jour`.
pub fn mineur_le(naissance: NaiveDate, jour: NaiveDate) -> bool {
    age_le(naissance, jour) < MAJORITE
}

/// A birth date given in an application: a date, in the past, for
/// someone between 13 and 99 on `today`.
pub fn parse_naissance(input: &str, today: NaiveDate) -> Result<NaiveDate, MobiliteError> {
    let d = parse_date(input).map_err(|_| MobiliteError::NaissanceInvalide)?;
    let age = age_le(d, today);
    if d >= today || !(13..=99).contains(&age) {
        return Err(MobiliteError::NaissanceInvalide);
    }
    Ok(d)
}

/// The ages an offer accepts, both optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ages {
    pub min: Option<u8>,
    pub max: Option<u8>,
}

impl Ages {
    /// Checked: each between 14 and 99, the minimum not above the maximum.
    pub fn new(min: Option<u8>, max: Option<u8>) -> Result<Ages, MobiliteError> {
        if [min, max]
            .into_iter()
            .flatten()
            .any(|a| !(14..=99).contains(&a))
        {
            return Err(MobiliteError::AgeHorsLimites);
        }
        if let (Some(a), Some(b)) = (min, max)
            && a > b
        {
            return Err(MobiliteError::AgesContradictoires);
        }
        Ok(Ages { min, max })
    }

    /// Whether someone of `age` on the first day may go.
    pub fn accepte(&self, age: i32) -> bool {
        self.min.is_none_or(|m| age >= i32::from(m)) && self.max.is_none_or(|m| age <= i32::from(m))
    }
}

/// An age typed in a form: empty for none.
pub fn parse_age(input: &str) -> Result<Option<u8>, MobiliteError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .parse::<u8>()
        .map(Some)
        .map_err(|_| MobiliteError::AgeHorsLimites)
}

/// Places typed in a form: 1 to 500.
pub fn parse_places(input: &str) -> Result<u32, MobiliteError> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|p| (1..=500).contains(p))
        .ok_or(MobiliteError::PlacesInvalides)
}

/// The application deadline: not after the first day.
pub fn check_limite(limite: NaiveDate, periode: &Periode) -> Result<NaiveDate, MobiliteError> {
    if limite > periode.debut {
        return Err(MobiliteError::LimiteApresDebut);
    }
    Ok(limite)
}

/// The school year (1 September – 31 August) `jour` falls in, by its
/// first calendar year: 2026 for 2026-2027.
pub fn annee_scolaire(jour: NaiveDate) -> i32 {
    if jour.month() >= 9 {
        jour.year()
    } else {
        jour.year() - 1
    }
}

/// The share of the campus's learners the Erasmus+ programme aims at for
/// vocational mobility (8 %), in per cent.
pub const CIBLE_POURCENT: f64 = 8.0;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn durations() {
        let p = Periode::new(d("2027-03-01"), d("2027-03-22"), PublicMobilite::Apprenants).unwrap();
        assert_eq!(p.jours(), 21);
        assert_eq!(
            Periode::new(d("2027-03-01"), d("2027-03-01"), PublicMobilite::Apprenants),
            Err(MobiliteError::DureeNulle)
        );
        assert_eq!(
            Periode::new(d("2027-03-02"), d("2027-03-01"), PublicMobilite::Personnels),
            Err(MobiliteError::FinAvantDebut)
        );
        assert_eq!(
            Periode::new(d("2027-03-01"), d("2027-03-14"), PublicMobilite::Apprenants),
            Err(MobiliteError::TropCourte)
        );
        assert!(Periode::new(d("2027-03-01"), d("2027-03-15"), PublicMobilite::Apprenants).is_ok());
        assert_eq!(
            Periode::new(d("2027-03-01"), d("2028-03-01"), PublicMobilite::Apprenants),
            Err(MobiliteError::TropLongue)
        );
        assert!(Periode::new(d("2027-03-01"), d("2027-03-03"), PublicMobilite::Personnels).is_ok());
        assert_eq!(
            Periode::new(d("2027-03-01"), d("2027-05-01"), PublicMobilite::Personnels),
            Err(MobiliteError::TropLongue)
        );
        assert!(p.terminee(d("2027-03-23")));
        assert!(!p.terminee(d("2027-03-22")));
    }

    #[test]
    fn ages() {
        assert_eq!(age_le(d("2010-03-02"), d("2027-03-01")), 16);
        assert_eq!(age_le(d("2010-03-01"), d("2027-03-01")), 17);
        assert!(mineur_le(d("2009-03-02"), d("2027-03-01")));
        assert!(!mineur_le(d("2009-03-01"), d("2027-03-01")));
        let today = d("2026-06-10");
        assert!(parse_naissance("2010-05-04", today).is_ok());
        assert!(parse_naissance("04/05/2010", today).is_ok());
        assert_eq!(
            parse_naissance("2026-06-11", today),
            Err(MobiliteError::NaissanceInvalide)
        );
        assert!(parse_naissance("hier", today).is_err());
        let ages = Ages::new(Some(16), Some(25)).unwrap();
        assert!(ages.accepte(16) && ages.accepte(25));
        assert!(!ages.accepte(15) && !ages.accepte(26));
        assert_eq!(
            Ages::new(Some(20), Some(18)),
            Err(MobiliteError::AgesContradictoires)
        );
        assert_eq!(Ages::new(Some(3), None), Err(MobiliteError::AgeHorsLimites));
    }

    #[test]
    fn natures_and_years() {
        assert_eq!(NatureMobilite::Stage.public(), PublicMobilite::Apprenants);
        assert_eq!(
            NatureMobilite::Enseignement.public(),
            PublicMobilite::Personnels
        );
        assert_eq!(annee_scolaire(d("2026-09-01")), 2026);
        assert_eq!(annee_scolaire(d("2027-08-31")), 2026);
        let p = Periode::new(d("2027-03-01"), d("2027-03-22"), PublicMobilite::Apprenants).unwrap();
        assert!(check_limite(d("2027-03-01"), &p).is_ok());
        assert_eq!(
            check_limite(d("2027-03-02"), &p),
            Err(MobiliteError::LimiteApresDebut)
        );
        assert_eq!(parse_places("0"), Err(MobiliteError::PlacesInvalides));
        assert_eq!(parse_places(" 3 "), Ok(3));
        assert_eq!(parse_age(""), Ok(None));
    }

    proptest! {
        #[test]
        fn parsers_never_panic(input in "\\PC{0,20}") {
            let _ = parse_date(&input);
            let _ = parse_naissance(&input, NaiveDate::from_ymd_opt(2026, 6, 10).unwrap());
            let _ = parse_age(&input);
            let _ = parse_places(&input);
        }

        #[test]
        fn accepted_periods_are_within_bounds(start in 0i64..20_000, len in -400i64..400, staff: bool) {
            let public = if staff { PublicMobilite::Personnels } else { PublicMobilite::Apprenants };
            let debut = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(start);
            let fin = debut + chrono::Duration::days(len);
            let (min, max) = public.bornes_jours();
            match Periode::new(debut, fin, public) {
                Ok(p) => prop_assert!(p.jours() >= min && p.jours() <= max),
                Err(_) => prop_assert!(len < min || len > max),
            }
        }

        #[test]
        fn age_is_monotonic(birth in 0i64..30_000, later in 0i64..2_000) {
            let naissance = NaiveDate::from_ymd_opt(1930, 1, 1).unwrap() + chrono::Duration::days(birth);
            let jour = naissance + chrono::Duration::days(later);
            let plus_tard = jour + chrono::Duration::days(366);
            prop_assert!(age_le(naissance, plus_tard) > age_le(naissance, jour));
            prop_assert!(age_le(naissance, jour) >= 0);
        }
    }
}
