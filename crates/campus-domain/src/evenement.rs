//! Events of the campus (discovery workshops, site visits, forums…) and the
//! rules of their registrations, without I/O.
//!
//! Times are stored and compared in UTC; people type and read them in
//! French legal time, through [`crate::heure_legale`].

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::heure_legale::{self, SaisieError};
use crate::role::closed_list;

closed_list!(
    /// What kind of event: the campus's action plan counts them separately.
    EventKind, "event-kind-", {
        AtelierDecouverte => "atelier_decouverte",
        VisiteSite => "visite_site",
        ForumSalon => "forum_salon",
        PortesOuvertes => "portes_ouvertes",
        Conference => "conference",
        JobDating => "job_dating",
    }
);

closed_list!(
    /// The publics an event is meant for; also the public of a participant,
    /// recorded for the campus's evaluation.
    Audience, "event-audience-", {
        Collegiens => "collegiens",
        Lyceens => "lyceens",
        Etudiants => "etudiants",
        Apprentis => "apprentis",
        Salaries => "salaries",
        DemandeursEmploi => "demandeurs_emploi",
        Enseignants => "enseignants",
    }
);

closed_list!(
    /// Where a registration stands.
    ///
    /// `Confirmee` and `AttenteConsentement` hold seats (a minor's seat is
    /// kept while the parent is asked); `ListeAttente` holds none and is
    /// promoted in arrival order; `Annulee` is final.
    RegistrationStatus, "registration-status-", {
        Confirmee => "confirmee",
        AttenteConsentement => "attente_consentement",
        ListeAttente => "liste_attente",
        Annulee => "annulee",
    }
);

impl RegistrationStatus {
    /// Whether a registration in this state occupies seats.
    pub fn holds_seats(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Confirmee | RegistrationStatus::AttenteConsentement
        )
    }
}

/// The largest capacity an event may announce (a regional forum).
pub const MAX_CAPACITY: i32 = 10_000;
/// The largest class a teacher may register in one request.
pub const MAX_CLASS_SIZE: i32 = 60;
/// Age of majority: below it, a parent consents.
pub const AGE_OF_MAJORITY: u32 = 18;

/// A rule of events or registrations that an input breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("date invalide")]
    InvalidDate,
    #[error("heure sautée au passage à l'heure d'été")]
    SkippedTime,
    #[error("début dans le passé")]
    StartInPast,
    #[error("fin avant le début")]
    EndBeforeStart,
    #[error("événement trop long")]
    TooLong,
    #[error("capacité invalide")]
    InvalidCapacity,
    #[error("capacité nulle ou négative")]
    CapacityNotPositive,
    #[error("capacité trop grande")]
    CapacityTooLarge,
    #[error("âge minimum invalide")]
    InvalidMinAge,
    #[error("effectif de classe invalide")]
    InvalidClassSize,
    #[error("classe plus grande que la capacité")]
    ClassLargerThanCapacity,
    #[error("trop jeune pour cet événement")]
    TooYoung,
    #[error("inscriptions closes")]
    RegistrationClosed,
    #[error("date de naissance invalide")]
    InvalidBirthDate,
}

impl EventError {
    pub fn message_key(&self) -> &'static str {
        match self {
            EventError::InvalidDate => "event-error-date",
            EventError::SkippedTime => "event-error-skipped-time",
            EventError::StartInPast => "event-error-start-past",
            EventError::EndBeforeStart => "event-error-end-before-start",
            EventError::TooLong => "event-error-too-long",
            EventError::InvalidCapacity => "event-error-capacity",
            EventError::CapacityNotPositive => "event-error-capacity-positive",
            EventError::CapacityTooLarge => "event-error-capacity-large",
            EventError::InvalidMinAge => "event-error-min-age",
            EventError::InvalidClassSize => "event-error-class-size",
            EventError::ClassLargerThanCapacity => "event-error-class-capacity",
            EventError::TooYoung => "event-error-too-young",
            EventError::RegistrationClosed => "event-error-closed",
            EventError::InvalidBirthDate => "event-error-birth-date",
        }
    }
}

/// Checks an event's schedule: it starts in the future, ends after it
/// starts and lasts at most a week (a forum over several days, not a
/// season).
pub fn check_schedule(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), EventError> {
    if start <= now {
        return Err(EventError::StartInPast);
    }
    if end <= start {
        return Err(EventError::EndBeforeStart);
    }
    if end - start > Duration::days(7) {
        return Err(EventError::TooLong);
    }
    Ok(())
}

/// Parses a capacity typed in a form: a whole number from 1 to
/// [`MAX_CAPACITY`].
pub fn parse_capacity(input: &str) -> Result<i32, EventError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| EventError::InvalidCapacity)?;
    if n <= 0 {
        Err(EventError::CapacityNotPositive)
    } else if n > i64::from(MAX_CAPACITY) {
        Err(EventError::CapacityTooLarge)
    } else {
        Ok(n as i32)
    }
}

/// Parses an optional minimum age (site visits under GMP rules): empty, or
/// 10 to 25.
pub fn parse_min_age(input: &str) -> Result<Option<i32>, EventError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<i32>() {
        Ok(n) if (10..=25).contains(&n) => Ok(Some(n)),
        _ => Err(EventError::InvalidMinAge),
    }
}

/// Parses the number of pupils of a class registration and checks it
/// against the event's capacity: a class is never split, so a class larger
/// than the whole event can never be seated.
pub fn parse_class_size(input: &str, capacity: i32) -> Result<i32, EventError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| EventError::InvalidClassSize)?;
    if n < 1 || n > i64::from(MAX_CLASS_SIZE) {
        return Err(EventError::InvalidClassSize);
    }
    if n > i64::from(capacity) {
        return Err(EventError::ClassLargerThanCapacity);
    }
    Ok(n as i32)
}

/// A date of birth typed as `AAAA-MM-JJ`, in the past and plausible.
pub fn parse_birth_date(input: &str, today: NaiveDate) -> Result<NaiveDate, EventError> {
    let date = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| EventError::InvalidBirthDate)?;
    if date >= today || today.year() - date.year() > 110 {
        return Err(EventError::InvalidBirthDate);
    }
    Ok(date)
}

/// Age in whole years on `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// Parses a time typed in a `datetime-local` field (`2026-12-03T09:30`),
/// in French legal time.
pub fn parse_paris_datetime(input: &str) -> Result<DateTime<Utc>, EventError> {
    heure_legale::lire_saisie(input).map_err(|err| match err {
        SaisieError::Illisible => EventError::InvalidDate,
        SaisieError::Inexistante => EventError::SkippedTime,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn lists_round_trip() {
        for k in EventKind::all() {
            assert_eq!(EventKind::parse(k.as_str()), Ok(k));
        }
        assert_eq!(Audience::all().count(), 7);
        assert!(RegistrationStatus::AttenteConsentement.holds_seats());
        assert!(!RegistrationStatus::ListeAttente.holds_seats());
    }

    #[test]
    fn schedule_rules() {
        let now = utc("2026-11-25T12:00:00Z");
        let start = utc("2026-12-03T08:00:00Z");
        let end = utc("2026-12-03T12:00:00Z");
        assert_eq!(check_schedule(start, end, now), Ok(()));
        assert_eq!(
            check_schedule(utc("2026-11-24T08:00:00Z"), end, now),
            Err(EventError::StartInPast)
        );
        assert_eq!(
            check_schedule(start, start, now),
            Err(EventError::EndBeforeStart)
        );
        assert_eq!(
            check_schedule(start, utc("2026-12-20T08:00:00Z"), now),
            Err(EventError::TooLong)
        );
    }

    #[test]
    fn capacities_and_classes() {
        assert_eq!(parse_capacity("50"), Ok(50));
        assert_eq!(parse_capacity("0"), Err(EventError::CapacityNotPositive));
        assert_eq!(parse_capacity("-3"), Err(EventError::CapacityNotPositive));
        assert_eq!(
            parse_capacity("cinquante"),
            Err(EventError::InvalidCapacity)
        );
        assert_eq!(parse_capacity("99999"), Err(EventError::CapacityTooLarge));
        assert_eq!(parse_class_size("24", 30), Ok(24));
        assert_eq!(
            parse_class_size("31", 30),
            Err(EventError::ClassLargerThanCapacity)
        );
        assert_eq!(parse_class_size("0", 30), Err(EventError::InvalidClassSize));
        assert_eq!(parse_min_age(""), Ok(None));
        assert_eq!(parse_min_age("16"), Ok(Some(16)));
        assert_eq!(parse_min_age("3"), Err(EventError::InvalidMinAge));
    }

    #[test]
    fn ages() {
        let birth = NaiveDate::from_ymd_opt(2010, 6, 15).unwrap();
        assert_eq!(
            age_on(birth, NaiveDate::from_ymd_opt(2026, 6, 14).unwrap()),
            15
        );
        assert_eq!(
            age_on(birth, NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()),
            16
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert!(parse_birth_date("2030-01-01", today).is_err());
        assert!(parse_birth_date("15/06/2010", today).is_err());
        assert_eq!(parse_birth_date("2010-06-15", today), Ok(birth));
    }

    #[test]
    fn typed_times_are_legal_time() {
        assert_eq!(
            parse_paris_datetime("2026-12-03T09:00"),
            Ok(utc("2026-12-03T08:00:00Z"))
        );
        assert_eq!(parse_paris_datetime("demain"), Err(EventError::InvalidDate));
        assert_eq!(
            parse_paris_datetime("2026-03-29T02:30"),
            Err(EventError::SkippedTime)
        );
    }

    proptest! {
        #[test]
        fn any_capacity_input_is_parsed_or_refused(s in "\\PC{0,12}") {
            if let Ok(n) = parse_capacity(&s) {
                prop_assert!((1..=MAX_CAPACITY).contains(&n));
            }
        }
    }
}
