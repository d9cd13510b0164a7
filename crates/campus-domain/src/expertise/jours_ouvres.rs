//! French working days: Monday to Friday, public holidays excepted.
//!
//! Delays given to people who work — an expert answering a request — are
//! counted in working days: five calendar days over Ascension or a
//! Christmas week would leave an expert two real days. The holidays are
//! the eleven of the Labour Code (art. L3133-1) as they stand today,
//! applied to every year; Whit Monday stays one even where it is worked
//! as the « journée de solidarité », because many are off that day. The
//! two extra holidays of Alsace-Moselle are left out: the campus is in
//! Centre-Val de Loire.
//!
//! Easter is computed by the anonymous Gregorian algorithm (Meeus, Jones,
//! Butcher), valid for every year of the proleptic Gregorian calendar.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Working days of a week at most: jumps by whole weeks never pass the
/// day sought.
const JOURS_PAR_SEMAINE: u32 = 5;

/// Easter Sunday of `annee`; `None` only outside chrono's range of dates.
pub fn paques(annee: i32) -> Option<NaiveDate> {
    let y = annee;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let mois = u32::try_from(n.div_euclid(31)).ok()?;
    let jour = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(annee, mois, jour)
}

/// The public holidays of `annee`, sorted, each once (Ascension falls on
/// 1 or 8 May in some years).
pub fn feries(annee: i32) -> Vec<NaiveDate> {
    let fixes = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let mut jours: Vec<NaiveDate> = fixes
        .iter()
        .filter_map(|&(mois, jour)| NaiveDate::from_ymd_opt(annee, mois, jour))
        .collect();
    if let Some(paques) = paques(annee) {
        // Easter Monday, Ascension Thursday, Whit Monday.
        jours.extend(
            [1, 39, 50]
                .iter()
                .filter_map(|&n| paques.checked_add_days(Days::new(n))),
        );
    }
    jours.sort_unstable();
    jours.dedup();
    jours
}

/// Whether `date` is a public holiday.
pub fn est_ferie(date: NaiveDate) -> bool {
    let fixe = matches!(
        (date.month(), date.day()),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    fixe || paques(date.year())
        .is_some_and(|p| matches!(date.signed_duration_since(p).num_days(), 1 | 39 | 50))
}

fn en_semaine(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether `date` is a working day.
pub fn est_ouvre(date: NaiveDate) -> bool {
    en_semaine(date) && !est_ferie(date)
}

/// The `n`-th working day after `date` (`date` itself when `n` is 0);
/// the last date chrono knows when it lies beyond.
pub fn ajouter(date: NaiveDate, n: u32) -> NaiveDate {
    let mut jour = date;
    let mut restant = n;
    // Whole weeks first, leaving at least a week to walk: a week holds at
    // most five working days, so the jump never passes the day sought.
    while restant >= 2 * JOURS_PAR_SEMAINE {
        let semaines = u64::from(restant / JOURS_PAR_SEMAINE - 1);
        let Some(apres) = jour.checked_add_days(Days::new(7 * semaines)) else {
            return NaiveDate::MAX;
        };
        restant -= entre(jour, apres);
        jour = apres;
    }
    while restant > 0 {
        let Some(lendemain) = jour.succ_opt() else {
            return NaiveDate::MAX;
        };
        jour = lendemain;
        if est_ouvre(jour) {
            restant -= 1;
        }
    }
    jour
}

/// Monday–Friday days in `(a, b]`, counted from the index of a day since
/// 1 January of year 1, a Monday; by difference of counts up to each end,
/// so that a span of centuries costs no more than a week.
fn jours_de_semaine(a: NaiveDate, b: NaiveDate) -> i64 {
    // Week days among the indices 0 to x − 1 (a negative count below 0).
    let jusqua = |x: i64| 5 * x.div_euclid(7) + x.rem_euclid(7).min(5);
    let index = |d: NaiveDate| i64::from(d.num_days_from_ce()) - 1;
    jusqua(index(b) + 1) - jusqua(index(a) + 1)
}

/// The working days in `(a, b]`: after `a`, up to `b` included; 0 when
/// `b` is not after `a`.
pub fn entre(a: NaiveDate, b: NaiveDate) -> u32 {
    if b <= a {
        return 0;
    }
    let feries = (a.year()..=b.year())
        .flat_map(feries)
        .filter(|&f| f > a && f <= b && en_semaine(f))
        .count();
    let jours = jours_de_semaine(a, b) - i64::try_from(feries).unwrap_or(i64::MAX);
    u32::try_from(jours.max(0)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Day by day, the definition itself.
    fn entre_lent(a: NaiveDate, b: NaiveDate) -> u32 {
        a.iter_days()
            .skip(1)
            .take_while(|d| *d <= b)
            .filter(|d| est_ouvre(*d))
            .count() as u32
    }

    #[test]
    fn easter() {
        for (annee, date) in [
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2000, "2000-04-23"),
            (1943, "1943-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(paques(annee), Some(day(date)), "{annee}");
        }
    }

    #[test]
    fn holidays_of_2026() {
        let f: Vec<String> = feries(2026).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            f,
            [
                "2026-01-01",
                "2026-04-06",
                "2026-05-01",
                "2026-05-08",
                "2026-05-14",
                "2026-05-25",
                "2026-07-14",
                "2026-08-15",
                "2026-11-01",
                "2026-11-11",
                "2026-12-25",
            ]
        );
        for d in feries(2026) {
            assert!(est_ferie(d) && !est_ouvre(d));
        }
        // In 2008 Ascension fell on 1 May: ten holidays that year.
        assert_eq!(feries(2008).len(), 10);
        assert!(est_ouvre(day("2026-04-07")));
        assert!(!est_ouvre(day("2026-04-04")), "a Saturday");
    }

    #[test]
    fn counting_over_holidays() {
        // Monday 4 May 2026: Friday 8 May and Thursday 14 May are off.
        let lundi = day("2026-05-04");
        assert_eq!(ajouter(lundi, 5), day("2026-05-12"));
        assert_eq!(ajouter(lundi, 0), lundi);
        assert_eq!(entre(lundi, day("2026-05-12")), 5);
        assert_eq!(entre(lundi, day("2026-05-11")), 4);
        assert_eq!(entre(day("2026-05-12"), lundi), 0);
        // Christmas week 2026, Friday 25 December.
        assert_eq!(ajouter(day("2026-12-24"), 1), day("2026-12-28"));
        // From a Saturday, the next working day is Monday.
        assert_eq!(
            ajouter(day("2027-03-27"), 1),
            day("2027-03-30"),
            "Easter Monday 29 March"
        );
        // 260 week days after 1 January, 8 holidays among them.
        assert_eq!(entre(day("2026-01-01"), day("2026-12-31")), 252);
        assert_eq!(ajouter(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(ajouter(day("2026-01-01"), u32::MAX), NaiveDate::MAX);
        assert!(entre(NaiveDate::MIN, NaiveDate::MAX) > 0);
    }

    fn date_in(range: std::ops::Range<i32>) -> impl Strategy<Value = NaiveDate> {
        (range, 1u32..=366).prop_map(|(annee, jour)| {
            NaiveDate::from_yo_opt(annee, jour)
                .or_else(|| NaiveDate::from_yo_opt(annee, 365))
                .unwrap()
        })
    }

    proptest! {
        #[test]
        fn adding_then_counting_round_trips(d in date_in(1900..2200), n in 0u32..400) {
            let fin = ajouter(d, n);
            prop_assert_eq!(entre(d, fin), n);
            if n > 0 {
                prop_assert!(est_ouvre(fin));
                // The first day with n working days since `d`.
                prop_assert_eq!(entre(d, fin.pred_opt().unwrap()), n - 1);
            }
        }

        #[test]
        fn counting_agrees_with_walking(a in date_in(1900..2200), span in -10i64..800) {
            let b = a + chrono::Duration::days(span);
            prop_assert_eq!(entre(a, b), entre_lent(a, b));
        }

        #[test]
        fn never_panics(d in date_in(1900..2200), n in any::<u16>(), y in 1900i32..2200) {
            let _ = ajouter(d, u32::from(n));
            let _ = est_ouvre(d);
            prop_assert!(paques(y).is_some());
            prop_assert!(matches!(feries(y).len(), 10 | 11));
        }
    }
}
