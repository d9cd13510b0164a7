//! The legal minimum pay of an apprentice (Code du travail, art. D6222-26):
//! a share of the SMIC that grows with the apprentice's age and the year of
//! the contract.
//!
//! | age            | 1re année | 2e année | 3e année |
//! |----------------|-----------|----------|----------|
//! | moins de 18 ans| 27 %      | 39 %     | 55 %     |
//! | 18 à 20 ans    | 43 %      | 51 %     | 67 %     |
//! | 21 à 25 ans    | 53 %      | 61 %     | 78 %     |
//! | 26 ans et plus | 100 %     | 100 %    | 100 %    |
//!
//! From 21, the base is the SMIC or the minimum of the branch's collective
//! agreement when it is higher: the platform does not know the agreements,
//! so it shows the SMIC-based figure as a floor and says so. A contract
//! extended beyond three years keeps the last year's share. The SMIC is the
//! gross monthly amount for 35 hours a week, in force on the contract's
//! start date ([`SMIC`]); a start before the first known amount uses the
//! first one.

use chrono::NaiveDate;

use crate::Centimes;
use crate::role::closed_list;

/// Gross monthly SMIC for 35 hours a week, from the date it came into force
/// (published in the Journal officiel), in centimes.
pub const SMIC: [((i32, u32, u32), i64); 3] = [
    ((2024, 1, 1), 176_692),
    ((2024, 11, 1), 180_180),
    ((2026, 1, 1), 182_303),
];

closed_list!(
    /// The age classes of the law.
    TrancheAge, "salaire-age-", {
        Moins18 => "moins_18",
        De18a20 => "18_20",
        De21a25 => "21_25",
        Plus26 => "26_plus",
    }
);

impl TrancheAge {
    /// The class of an apprentice aged `age` years.
    pub fn of(age: u32) -> TrancheAge {
        match age {
            0..=17 => TrancheAge::Moins18,
            18..=20 => TrancheAge::De18a20,
            21..=25 => TrancheAge::De21a25,
            _ => TrancheAge::Plus26,
        }
    }

    /// Share of the SMIC, in percent, for a year of the contract (1 for
    /// the first; beyond the third, the third's).
    pub fn percent(self, annee: u32) -> i64 {
        let year = annee.clamp(1, 3) as usize - 1;
        let shares: [i64; 3] = match self {
            TrancheAge::Moins18 => [27, 39, 55],
            TrancheAge::De18a20 => [43, 51, 67],
            TrancheAge::De21a25 => [53, 61, 78],
            TrancheAge::Plus26 => [100, 100, 100],
        };
        shares[year]
    }

    /// Whether a collective agreement's minimum may raise the figure.
    pub fn conventionnel(self) -> bool {
        matches!(self, TrancheAge::De21a25 | TrancheAge::Plus26)
    }
}

/// The minimum pay of an apprentice for each age class and year of a
/// contract, as an offer shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalaireApprenti {
    /// The SMIC the figures are computed from.
    pub smic: Centimes,
    /// The date that SMIC came into force.
    pub smic_depuis: NaiveDate,
    /// Per age class, the monthly minimum of each contract year.
    pub lignes: Vec<(TrancheAge, Vec<Centimes>)>,
}

impl SalaireApprenti {
    /// The table for a contract starting on `debut` and lasting `mois`
    /// months (a year's column per started year, at least one, at most
    /// four).
    pub fn grille(debut: NaiveDate, mois: Option<u32>) -> SalaireApprenti {
        let (smic_depuis, smic) = smic_at(debut);
        let annees = mois.map_or(1, |m| m.div_ceil(12).clamp(1, 4));
        let lignes = TrancheAge::all()
            .map(|t| {
                let years = (1..=annees).map(|a| minimum(smic, t.percent(a))).collect();
                (t, years)
            })
            .collect();
        SalaireApprenti {
            smic,
            smic_depuis,
            lignes,
        }
    }

    /// Number of contract years shown.
    pub fn annees(&self) -> usize {
        self.lignes.first().map_or(0, |(_, years)| years.len())
    }
}

/// The SMIC in force on `date`.
fn smic_at(date: NaiveDate) -> (NaiveDate, Centimes) {
    let mut current = SMIC[0];
    for entry in SMIC {
        let ((y, m, d), _) = entry;
        if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|since| since <= date) {
            current = entry;
        }
    }
    let ((y, m, d), centimes) = current;
    (
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN),
        Centimes::new(centimes).unwrap_or_default(),
    )
}

/// `percent` of the SMIC, rounded to the nearest centime.
fn minimum(smic: Centimes, percent: i64) -> Centimes {
    Centimes::new((smic.centimes() * percent + 50) / 100).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_law_s_shares_of_the_smic_in_force() {
        let g = SalaireApprenti::grille(day("2026-09-01"), Some(24));
        assert_eq!(g.smic.centimes(), 182_303);
        assert_eq!(g.smic_depuis, day("2026-01-01"));
        assert_eq!(g.annees(), 2);
        let (tranche, years) = &g.lignes[0];
        assert_eq!(*tranche, TrancheAge::Moins18);
        // 27 % and 39 % of 1 823,03 €.
        assert_eq!(years[0].centimes(), 49_222);
        assert_eq!(years[1].centimes(), 71_098);
        let (tranche, years) = &g.lignes[3];
        assert_eq!(*tranche, TrancheAge::Plus26);
        assert_eq!(years[0].centimes(), 182_303);
    }

    #[test]
    fn the_smic_is_the_one_of_the_start_date() {
        assert_eq!(
            SalaireApprenti::grille(day("2025-06-01"), None)
                .smic
                .centimes(),
            180_180
        );
        assert_eq!(
            SalaireApprenti::grille(day("2024-10-31"), None)
                .smic
                .centimes(),
            176_692
        );
        // Before the first known amount: the first one.
        assert_eq!(
            SalaireApprenti::grille(day("2020-01-01"), None)
                .smic
                .centimes(),
            176_692
        );
    }

    #[test]
    fn years_and_ages() {
        assert_eq!(
            SalaireApprenti::grille(day("2026-09-01"), Some(36)).annees(),
            3
        );
        assert_eq!(
            SalaireApprenti::grille(day("2026-09-01"), Some(6)).annees(),
            1
        );
        assert_eq!(
            SalaireApprenti::grille(day("2026-09-01"), Some(48)).annees(),
            4
        );
        assert_eq!(TrancheAge::De18a20.percent(4), 67);
        assert_eq!(TrancheAge::of(17), TrancheAge::Moins18);
        assert_eq!(TrancheAge::of(18), TrancheAge::De18a20);
        assert_eq!(TrancheAge::of(21), TrancheAge::De21a25);
        assert_eq!(TrancheAge::of(26), TrancheAge::Plus26);
        assert!(TrancheAge::De21a25.conventionnel() && !TrancheAge::Moins18.conventionnel());
    }
}
