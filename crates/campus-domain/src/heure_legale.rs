//! French legal time (metropolitan France, the IANA `Europe/Paris` zone):
//! the one place where the platform turns instants into the dates and
//! times of day people read and type, and back.
//!
//! The database stores instants in UTC. The rule of the zone comes from
//! the IANA time-zone database through `chrono-tz`, not from a hand-written
//! computation: the European rule (last Sundays of March and October at
//! 01:00 UTC) is the current one, but the database also knows the past
//! ones and will follow any change the EU makes.
//!
//! Two local times need a choice:
//! - a time in the hour skipped in spring (02:00–02:59 on the last Sunday
//!   of March) designates no instant: [`depuis_local`] answers `None` and
//!   callers refuse the input with a specific message, rather than moving
//!   an event or a booking to a time nobody typed;
//! - a time in the hour repeated in autumn (02:00–02:59 on the last Sunday
//!   of October) designates two instants: the first one (still summer
//!   time), as RFC 5545 reads such a time, so that what the platform
//!   stores agrees with what calendar applications show for the same
//!   local time.

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The zone of the campus.
pub const ZONE: Tz = chrono_tz::Europe::Paris;

/// The legal date and time of day at the instant `utc`.
pub fn vers_local(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.with_timezone(&ZONE).naive_local()
}

/// The instant a legal date and time of day designates. `None` for a time
/// in the hour skipped in spring; in the hour repeated in autumn, the first
/// occurrence (see the module documentation).
pub fn depuis_local(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match ZONE.from_local_datetime(&local) {
        LocalResult::Single(at) => Some(at.with_timezone(&Utc)),
        LocalResult::Ambiguous(first, second) => Some(first.min(second).with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// Reads a legal date and time typed in a `datetime-local` field
/// (`2026-12-03T09:30`, seconds allowed) or written with a space
/// (`2026-12-03 09:30`).
pub fn lire_saisie(input: &str) -> Result<DateTime<Utc>, SaisieError> {
    let input = input.trim();
    let local = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(input, format).ok())
        .ok_or(SaisieError::Illisible)?;
    depuis_local(local).ok_or(SaisieError::Inexistante)
}

/// The value of a `datetime-local` field showing the instant `utc`.
pub fn valeur_saisie(utc: DateTime<Utc>) -> String {
    vers_local(utc).format("%Y-%m-%dT%H:%M").to_string()
}

/// Why a typed date and time designates no instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SaisieError {
    #[error("date et heure illisibles")]
    Illisible,
    #[error("heure sautée au passage à l'heure d'été")]
    Inexistante,
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
    use chrono::{Duration, Weekday};
    use proptest::prelude::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// The last Sunday of a month, computed independently of the zone
    /// database: the day the European rule changes the clocks.
    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1)
            .unwrap()
            .pred_opt()
            .unwrap();
        while day.weekday() != Weekday::Sun {
            day = day.pred_opt().unwrap();
        }
        day
    }

    #[test]
    fn winter_and_summer() {
        assert_eq!(
            vers_local(utc("2026-01-15T12:00:00Z")),
            local("2026-01-15 13:00")
        );
        assert_eq!(
            vers_local(utc("2026-07-15T12:00:00Z")),
            local("2026-07-15 14:00")
        );
    }

    #[test]
    fn clocks_change_on_the_last_sundays_at_one_utc() {
        // 2026: 29 March and 25 October.
        assert_eq!(
            vers_local(utc("2026-03-29T00:59:00Z")),
            local("2026-03-29 01:59")
        );
        assert_eq!(
            vers_local(utc("2026-03-29T01:00:00Z")),
            local("2026-03-29 03:00")
        );
        assert_eq!(
            vers_local(utc("2026-10-25T00:59:00Z")),
            local("2026-10-25 02:59")
        );
        assert_eq!(
            vers_local(utc("2026-10-25T01:00:00Z")),
            local("2026-10-25 02:00")
        );
    }

    #[test]
    fn the_skipped_hour_designates_no_instant() {
        for time in ["02:00", "02:30", "02:59"] {
            assert_eq!(depuis_local(local(&format!("2026-03-29 {time}"))), None);
        }
        assert_eq!(
            depuis_local(local("2026-03-29 03:00")),
            Some(utc("2026-03-29T01:00:00Z"))
        );
        assert_eq!(
            lire_saisie("2026-03-29T02:30"),
            Err(SaisieError::Inexistante)
        );
    }

    #[test]
    fn the_repeated_hour_designates_its_first_occurrence() {
        // 02:30 happens at 00:30 UTC (summer time) and at 01:30 UTC.
        assert_eq!(
            depuis_local(local("2026-10-25 02:30")),
            Some(utc("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            depuis_local(local("2026-10-25 03:00")),
            Some(utc("2026-10-25T02:00:00Z"))
        );
    }

    #[test]
    fn typed_values() {
        assert_eq!(
            lire_saisie("2026-12-03T09:00"),
            Ok(utc("2026-12-03T08:00:00Z"))
        );
        assert_eq!(
            lire_saisie(" 2026-07-01 10:00 "),
            Ok(utc("2026-07-01T08:00:00Z"))
        );
        assert_eq!(
            lire_saisie("2026-07-01T10:00:30"),
            Ok(utc("2026-07-01T08:00:30Z"))
        );
        assert_eq!(lire_saisie("demain"), Err(SaisieError::Illisible));
        assert_eq!(lire_saisie("2026-02-30T10:00"), Err(SaisieError::Illisible));
        assert_eq!(
            valeur_saisie(utc("2026-12-03T08:00:00Z")),
            "2026-12-03T09:00"
        );
        assert_eq!(
            valeur_saisie(utc("2026-07-01T08:00:00Z")),
            "2026-07-01T10:00"
        );
    }

    #[test]
    fn weekdays_and_today() {
        assert_eq!(
            jour_semaine(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            0
        );
        assert_eq!(
            jour_semaine(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()),
            6
        );
        // 23:30 UTC on 31 December is already the new year in Paris.
        assert_eq!(
            aujourdhui(utc("2026-12-31T23:30:00Z")),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }

    proptest! {
        #[test]
        fn the_offset_follows_the_european_rule(year in 1997i32..2100, day in 0i64..365, minute in 0i64..1440) {
            let at = Utc.from_utc_datetime(
                &(NaiveDate::from_ymd_opt(year, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
                    + Duration::days(day)
                    + Duration::minutes(minute)),
            );
            let start = Utc.from_utc_datetime(&last_sunday(year, 3).and_hms_opt(1, 0, 0).unwrap());
            let end = Utc.from_utc_datetime(&last_sunday(year, 10).and_hms_opt(1, 0, 0).unwrap());
            let hours = if at >= start && at < end { 2 } else { 1 };
            prop_assert_eq!(vers_local(at), at.naive_utc() + Duration::hours(hours));
        }

        #[test]
        fn local_round_trips(secs in 0i64..4_000_000_000) {
            let at = Utc.timestamp_opt(secs, 0).unwrap();
            let back = depuis_local(vers_local(at)).unwrap();
            // Only the repeated autumn hour comes back one hour earlier.
            prop_assert!(back == at || at - back == Duration::hours(1));
            prop_assert_eq!(vers_local(back), vers_local(at));
        }

        #[test]
        fn typed_values_round_trip(minutes in 0i64..70_000_000) {
            let at = Utc.timestamp_opt(minutes * 60, 0).unwrap();
            let back = lire_saisie(&valeur_saisie(at)).unwrap();
            prop_assert_eq!(valeur_saisie(back), valeur_saisie(at));
        }

        #[test]
        fn any_typed_text_is_read_or_refused(s in "\\PC{0,24}") {
            if let Ok(at) = lire_saisie(&s) {
                prop_assert!(depuis_local(vers_local(at)).is_some());
            }
        }
    }
}
