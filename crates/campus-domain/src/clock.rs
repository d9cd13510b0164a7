//! The platform's "now".
//!
//! Every decision that depends on the date or the time of day asks the
//! application's [`Clock`]: deadlines (registrations, parental consent,
//! module decisions, booking windows), the expiry of sessions, tokens and
//! links, the sign-in throttling window, the events' reminders and
//! surveys, the purge of expired rows, and the instants the store records.
//! In production it is the system clock; tests and demonstrations use a
//! [`ManualClock`] that only moves when told, so that a test gives the same
//! answer on a Saturday as on a Wednesday, and a test of an expiry moves
//! the clock instead of waiting.
//!
//! What stays on real time, on purpose, because it measures or bounds
//! durations of the machine rather than deciding anything about people:
//! the tokio timers (the mail worker's polling and clean-up intervals, the
//! search index's check interval, the graceful-shutdown grace), the request
//! timeout, the durations measured for metrics and import reports
//! (`Instant`), the cost of argon2 hashing, and the unique names of the
//! search index's build folders.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::heure_legale;

/// Where "now" comes from; cheap to clone, and every clone reads the same
/// time.
#[derive(Clone, Debug, Default)]
pub enum Clock {
    /// The system's clock.
    #[default]
    System,
    /// A clock set and moved by hand.
    Manual(ManualClock),
}

impl Clock {
    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Manual(manual) => manual.now(),
        }
    }

    /// Today's legal date in France, the date people read and type.
    pub fn today(&self) -> NaiveDate {
        heure_legale::aujourdhui(self.now())
    }
}

impl From<ManualClock> for Clock {
    fn from(manual: ManualClock) -> Clock {
        Clock::Manual(manual)
    }
}

/// A clock that stands still until it is set or advanced. Clones share the
/// same time: the handle a test keeps moves the clock of the platform it
/// started.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(Arc::new(Mutex::new(at)))
    }

    pub fn now(&self) -> DateTime<Utc> {
        // The guarded value is a plain instant: a panic elsewhere while
        // holding the lock cannot leave it half-written.
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Today's legal date in France.
    pub fn today(&self) -> NaiveDate {
        heure_legale::aujourdhui(self.now())
    }

    /// Moves the clock to `at`, forwards or backwards.
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = at;
    }

    /// Moves the clock by `by` (backwards if negative); an instant beyond
    /// chrono's range leaves the clock where it was.
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(later) = now.checked_add_signed(by) {
            *now = later;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_manual_clock_moves_only_when_told_and_its_clones_follow() {
        let start = Utc.with_ymd_and_hms(2026, 6, 10, 8, 0, 0).unwrap();
        let manual = ManualClock::new(start);
        let clock = Clock::from(manual.clone());
        assert_eq!(clock.now(), start);
        manual.advance(Duration::hours(15));
        assert_eq!(clock.now(), start + Duration::hours(15));
        manual.set(start - Duration::days(1));
        assert_eq!(clock.now(), start - Duration::days(1));
    }

    #[test]
    fn today_is_the_legal_date_of_france() {
        // 22:30 UTC on 10 June is 00:30 on 11 June in Paris (summer time).
        let late = Utc.with_ymd_and_hms(2026, 6, 10, 22, 30, 0).unwrap();
        let clock = Clock::from(ManualClock::new(late));
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 6, 11).unwrap());
    }

    #[test]
    fn the_system_clock_follows_the_system() {
        let before = Utc::now();
        let read = Clock::System.now();
        assert!(read >= before && read <= Utc::now());
    }
}
