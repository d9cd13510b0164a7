//! French legal time (metropolitan France, the `Europe/Paris` zone).
//!
//! People type and read times of day in legal time, while the database
//! stores instants in UTC. The rule has been the European one since 1996
//! (directive 2000/84/EC): UTC+1 in winter, UTC+2 from the last Sunday of
//! March at 01:00 UTC to the last Sunday of October at 01:00 UTC. Writing
//! it here spares a whole time-zone database for a single zone.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc,
};

/// 01:00 UTC on the last Sunday of `month` (March or October) of `year`.
fn last_sunday_1h_utc(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last_day = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = last_day.weekday().num_days_from_sunday();
    let sunday = last_day - Duration::days(i64::from(back));
    Some(Utc.from_utc_datetime(&sunday.and_time(NaiveTime::from_hms_opt(1, 0, 0)?)))
}

fn is_summer(utc: DateTime<Utc>) -> bool {
    let year = utc.year();
    match (last_sunday_1h_utc(year, 3), last_sunday_1h_utc(year, 10)) {
        (Some(start), Some(end)) => utc >= start && utc < end,
        _ => false,
    }
}

/// The offset from UTC of legal time at the instant `utc`.
pub fn decalage(utc: DateTime<Utc>) -> FixedOffset {
    let hours = if is_summer(utc) { 2 } else { 1 };
    // chrono accepts any offset under a day; the fallback is never taken.
    FixedOffset::east_opt(hours * 3600).unwrap_or(Utc.fix())
}

/// The legal date and time of day at the instant `utc`.
pub fn vers_local(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.with_timezone(&decalage(utc)).naive_local()
}

/// The instant a legal date and time of day designates. `None` for the
/// hour skipped in spring (02:00–03:00 on the last Sunday of March); in the
/// hour repeated in autumn, the first occurrence.
pub fn depuis_local(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    for hours in [2, 1] {
        let candidate = Utc.from_utc_datetime(&(local - Duration::hours(hours)));
        if vers_local(candidate) == local {
            return Some(candidate);
        }
    }
    None
}

/// The weekday of a legal date, Monday first (0) to Sunday (6).
pub fn jour_semaine(date: NaiveDate) -> u32 {
    date.weekday().num_days_from_monday()
}

/// Today's legal date.
pub fn aujourdhui(now: DateTime<Utc>) -> NaiveDate {
    vers_local(now).date()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn winter_and_summer() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        assert_eq!(vers_local(winter), local("2026-01-15 13:00"));
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(vers_local(summer), local("2026-07-15 14:00"));
    }

    #[test]
    fn changes_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(vers_local(before), local("2026-03-29 01:59"));
        assert_eq!(vers_local(after), local("2026-03-29 03:00"));
        let before = Utc.with_ymd_and_hms(2026, 10, 25, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(vers_local(before), local("2026-10-25 02:59"));
        assert_eq!(vers_local(after), local("2026-10-25 02:00"));
    }

    #[test]
    fn skipped_hour_has_no_instant() {
        assert_eq!(depuis_local(local("2026-03-29 02:30")), None);
        assert_eq!(
            depuis_local(local("2026-10-25 02:30")),
            Some(Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap())
        );
    }

    #[test]
    fn weekdays() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(jour_semaine(monday), 0);
        assert_eq!(
            jour_semaine(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()),
            6
        );
    }

    proptest! {
        #[test]
        fn local_round_trips(secs in 0i64..4_000_000_000) {
            let utc = Utc.timestamp_opt(secs, 0).unwrap();
            let back = depuis_local(vers_local(utc)).unwrap();
            // Ambiguous autumn hour: the first occurrence, one hour earlier.
            prop_assert!(back == utc || back == utc - Duration::hours(1));
        }
    }
}
