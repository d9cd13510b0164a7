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
    EvenementKind, "evenement-kind-", {
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
    Audience, "evenement-audience-", {
        Collegiens => "collegiens",
        Lyceens => "lyceens",
        Etudiants => "etudiants",
        Apprentis => "apprentis",
        Salaries => "salaries",
        DemandeursEmploi => "demandeurs_emploi",
        Enseignants => "enseignants",
        /// Trainers of training bodies and CFA; also a public of the
        /// resource library.
        Formateurs => "formateurs",
    }
);

closed_list!(
    /// Where a registration stands.
    ///
    /// `Confirmee` and `AttenteConsentement` hold seats (a minor's seat is
    /// kept while the parent is asked); `ListeAttente` holds none and is
    /// promoted in arrival order; `Annulee` is final.
    InscriptionStatus, "inscription-status-", {
        Confirmee => "confirmee",
        AttenteConsentement => "attente_consentement",
        ListeAttente => "liste_attente",
        Annulee => "annulee",
    }
);

impl InscriptionStatus {
    /// Whether a registration in this state occupies seats.
    pub fn holds_seats(self) -> bool {
        matches!(
            self,
            InscriptionStatus::Confirmee | InscriptionStatus::AttenteConsentement
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
pub enum EvenementError {
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
    InscriptionClosed,
    #[error("date de naissance invalide")]
    InvalidBirthDate,
}

impl EvenementError {
    pub fn message_key(&self) -> &'static str {
        match self {
            EvenementError::InvalidDate => "evenement-error-date",
            EvenementError::SkippedTime => "evenement-error-skipped-time",
            EvenementError::StartInPast => "evenement-error-start-past",
            EvenementError::EndBeforeStart => "evenement-error-end-before-start",
            EvenementError::TooLong => "evenement-error-too-long",
            EvenementError::InvalidCapacity => "evenement-error-capacity",
            EvenementError::CapacityNotPositive => "evenement-error-capacity-positive",
            EvenementError::CapacityTooLarge => "evenement-error-capacity-large",
            EvenementError::InvalidMinAge => "evenement-error-min-age",
            EvenementError::InvalidClassSize => "evenement-error-class-size",
            EvenementError::ClassLargerThanCapacity => "evenement-error-class-capacity",
            EvenementError::TooYoung => "evenement-error-too-young",
            EvenementError::InscriptionClosed => "evenement-error-closed",
            EvenementError::InvalidBirthDate => "evenement-error-birth-date",
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
) -> Result<(), EvenementError> {
    if start <= now {
        return Err(EvenementError::StartInPast);
    }
    if end <= start {
        return Err(EvenementError::EndBeforeStart);
    }
    if end - start > Duration::days(7) {
        return Err(EvenementError::TooLong);
    }
    Ok(())
}

/// Parses a capacity typed in a form: a whole number from 1 to
/// [`MAX_CAPACITY`].
pub fn parse_capacity(input: &str) -> Result<i32, EvenementError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| EvenementError::InvalidCapacity)?;
    if n <= 0 {
        Err(EvenementError::CapacityNotPositive)
    } else if n > i64::from(MAX_CAPACITY) {
        Err(EvenementError::CapacityTooLarge)
    } else {
        Ok(n as i32)
    }
}

/// Parses an optional minimum age (site visits under GMP rules): empty, or
/// 10 to 25.
pub fn parse_min_age(input: &str) -> Result<Option<i32>, EvenementError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<i32>() {
        Ok(n) if (10..=25).contains(&n) => Ok(Some(n)),
        _ => Err(EvenementError::InvalidMinAge),
    }
}

/// Parses the number of pupils of a class registration and checks it
/// against the event's capacity: a class is never split, so a class larger
/// than the whole event can never be seated.
pub fn parse_class_size(input: &str, capacity: i32) -> Result<i32, EvenementError> {
    let n: i64 = input
        .trim()
        .parse()
        .map_err(|_| EvenementError::InvalidClassSize)?;
    if n < 1 || n > i64::from(MAX_CLASS_SIZE) {
        return Err(EvenementError::InvalidClassSize);
    }
    if n > i64::from(capacity) {
        return Err(EvenementError::ClassLargerThanCapacity);
    }
    Ok(n as i32)
}

/// A date of birth typed as `AAAA-MM-JJ`, in the past and plausible.
pub fn parse_birth_date(input: &str, today: NaiveDate) -> Result<NaiveDate, EvenementError> {
    let date = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| EvenementError::InvalidBirthDate)?;
    if date >= today || today.year() - date.year() > 110 {
        return Err(EvenementError::InvalidBirthDate);
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
pub fn parse_paris_datetime(input: &str) -> Result<DateTime<Utc>, EvenementError> {
    heure_legale::lire_saisie(input).map_err(|err| match err {
        SaisieError::Illisible => EvenementError::InvalidDate,
        SaisieError::Inexistante => EvenementError::SkippedTime,
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
        for k in EvenementKind::all() {
            assert_eq!(EvenementKind::parse(k.as_str()), Ok(k));
        }
        assert_eq!(Audience::all().count(), 8);
        assert!(InscriptionStatus::AttenteConsentement.holds_seats());
        assert!(!InscriptionStatus::ListeAttente.holds_seats());
    }

    #[test]
    fn schedule_rules() {
        let now = utc("2026-11-25T12:00:00Z");
        let start = utc("2026-12-03T08:00:00Z");
        let end = utc("2026-12-03T12:00:00Z");
        assert_eq!(check_schedule(start, end, now), Ok(()));
        assert_eq!(
            check_schedule(utc("2026-11-24T08:00:00Z"), end, now),
            Err(EvenementError::StartInPast)
        );
        assert_eq!(
            check_schedule(start, start, now),
            Err(EvenementError::EndBeforeStart)
        );
        assert_eq!(
            check_schedule(start, utc("2026-12-20T08:00:00Z"), now),
            Err(EvenementError::TooLong)
        );
    }

    #[test]
    fn capacities_and_classes() {
        assert_eq!(parse_capacity("50"), Ok(50));
        assert_eq!(
            parse_capacity("0"),
            Err(EvenementError::CapacityNotPositive)
        );
        assert_eq!(
            parse_capacity("-3"),
            Err(EvenementError::CapacityNotPositive)
        );
        assert_eq!(
            parse_capacity("cinquante"),
            Err(EvenementError::InvalidCapacity)
        );
        assert_eq!(
            parse_capacity("99999"),
            Err(EvenementError::CapacityTooLarge)
        );
        assert_eq!(parse_class_size("24", 30), Ok(24));
        assert_eq!(
            parse_class_size("31", 30),
            Err(EvenementError::ClassLargerThanCapacity)
        );
        assert_eq!(
            parse_class_size("0", 30),
            Err(EvenementError::InvalidClassSize)
        );
        assert_eq!(parse_min_age(""), Ok(None));
        assert_eq!(parse_min_age("16"), Ok(Some(16)));
        assert_eq!(parse_min_age("3"), Err(EvenementError::InvalidMinAge));
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
        assert_eq!(
            parse_paris_datetime("demain"),
            Err(EvenementError::InvalidDate)
        );
        assert_eq!(
            parse_paris_datetime("2026-03-29T02:30"),
            Err(EvenementError::SkippedTime)
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
