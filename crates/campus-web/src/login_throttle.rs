//! How long a sign-in waits after failures. Two rules, so that guessing is
//! slow and the owner of an account is not locked out by someone else's
//! guesses:
//!
//! - per account **and** client address: after `max_pair` failures within
//!   the window, each new try waits one minute after the last failure,
//!   then two, four… (at most the window). Guesses from one client do not
//!   hold back the owner signing in from another;
//! - per client address: once an address has `max_ip` failures within the
//!   window (guesses spread over many accounts), it may no longer retry an
//!   account it has already failed on until the window has passed; an
//!   account it has not failed on is still tried once, so that the people
//!   behind a shared address (a school, a company proxy) keep signing in.

use chrono::{DateTime, Duration, Utc};

/// The failures seen within the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// This account from this address.
    pub pair: u64,
    pub last_pair: Option<DateTime<Utc>>,
    /// Any account from this address.
    pub ip: u64,
    pub oldest_ip: Option<DateTime<Utc>>,
}

/// The limits, from the configuration.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub window: Duration,
    pub max_pair: u64,
    pub max_ip: u64,
}

/// How long the try must still wait at `now`, or `None` when it may go on.
pub fn wait(policy: Policy, failures: Failures, now: DateTime<Utc>) -> Option<Duration> {
    let pair_until = (failures.pair >= policy.max_pair.max(1))
        .then(|| {
            let doublings =
                u32::try_from(failures.pair - policy.max_pair.max(1)).unwrap_or(u32::MAX);
            let delay = 2i64
                .checked_pow(doublings)
                .and_then(Duration::try_minutes)
                .map_or(policy.window, |d| d.min(policy.window));
            failures.last_pair.map(|last| last + delay)
        })
        .flatten();
    let ip_until = (failures.ip >= policy.max_ip.max(1) && failures.pair > 0)
        .then(|| failures.oldest_ip.map(|oldest| oldest + policy.window))
        .flatten();
    [pair_until, ip_until]
        .into_iter()
        .flatten()
        .max()
        .filter(|until| *until > now)
        // Nodes' clocks may differ by a little: never more than the window.
        .map(|until| (until - now).min(policy.window))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    const POLICY: Policy = Policy {
        window: Duration::minutes(15),
        max_pair: 5,
        max_ip: 50,
    };

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 10, 8, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn pair(count: u64, last: i64) -> Failures {
        Failures {
            pair: count,
            last_pair: Some(at(last)),
            ip: count,
            oldest_ip: Some(at(0)),
        }
    }

    #[test]
    fn a_few_failures_do_not_wait() {
        assert_eq!(wait(POLICY, pair(4, 0), at(0)), None);
        assert_eq!(wait(POLICY, Failures::default(), at(0)), None);
    }

    #[test]
    fn the_delay_doubles_after_the_limit_up_to_the_window() {
        assert_eq!(wait(POLICY, pair(5, 0), at(0)), Some(Duration::minutes(1)));
        assert_eq!(wait(POLICY, pair(5, 0), at(1)), None);
        assert_eq!(wait(POLICY, pair(6, 1), at(1)), Some(Duration::minutes(2)));
        assert_eq!(wait(POLICY, pair(7, 3), at(3)), Some(Duration::minutes(4)));
        assert_eq!(
            wait(POLICY, pair(30, 3), at(3)),
            Some(Duration::minutes(15))
        );
        assert_eq!(
            wait(POLICY, pair(u64::MAX, 3), at(3)),
            Some(Duration::minutes(15))
        );
    }

    #[test]
    fn a_busy_address_keeps_its_other_accounts() {
        let busy = Failures {
            pair: 0,
            last_pair: None,
            ip: 80,
            oldest_ip: Some(at(0)),
        };
        assert_eq!(wait(POLICY, busy, at(2)), None);
        let failed_once = Failures {
            pair: 1,
            last_pair: Some(at(1)),
            ..busy
        };
        assert_eq!(
            wait(POLICY, failed_once, at(2)),
            Some(Duration::minutes(13))
        );
        assert_eq!(wait(POLICY, failed_once, at(15)), None);
    }

    proptest! {
        #[test]
        fn never_more_than_the_window(pair_n in 0u64..200, ip_n in 0u64..200, last in -30i64..30, now in -30i64..30) {
            let failures = Failures { pair: pair_n, last_pair: Some(at(last)), ip: ip_n, oldest_ip: Some(at(last.min(0))) };
            if let Some(w) = wait(POLICY, failures, at(now)) {
                prop_assert!(w > Duration::zero() && w <= POLICY.window);
            }
        }
    }
}
