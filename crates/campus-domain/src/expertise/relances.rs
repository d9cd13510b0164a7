//! Following up a request nobody answers: first the expert is reminded,
//! then the campus team is told.
//!
//! Two steps, because the two silences differ. Most unanswered requests
//! are a message lost among others, or an expert away for a week: a
//! reminder after [`DELAI_JOURS_OUVRES`] working days settles them without
//! anyone else's time. Only when the reminder too stays unanswered for as
//! long does the request go to the campus team, who know the network's
//! people and can call the expert or find another one; their attention
//! then goes to the requests that need it, and the requester — often a
//! teacher with a class date — learns within two working weeks whether to
//! look elsewhere. Counting in working days keeps the delay fair over
//! bridges and holidays ([`super::jours_ouvres`]).

use chrono::NaiveDate;

use super::demande::EtatReponse;
use super::jours_ouvres;

/// Working days without an answer before each step.
pub const DELAI_JOURS_OUVRES: u32 = 5;

/// What is due today for one recipient of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suivi {
    /// Nothing: answered, not yet due, or already escalated.
    Rien,
    /// Remind the expert.
    Relancer,
    /// Tell the campus team.
    Escalader,
}

impl Suivi {
    /// The step due on `today` for a recipient whose answer is `etat`,
    /// sent on `envoyee_le`, reminded on `relance_le` and escalated on
    /// `escalade_le`. A job that did not run for a while still reminds
    /// before it escalates: the expert always gets their second chance.
    pub fn du(
        etat: EtatReponse,
        envoyee_le: NaiveDate,
        relance_le: Option<NaiveDate>,
        escalade_le: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Suivi {
        if !etat.en_attente() || escalade_le.is_some() {
            return Suivi::Rien;
        }
        let (depuis, etape) = match relance_le {
            None => (envoyee_le, Suivi::Relancer),
            Some(relance) => (relance, Suivi::Escalader),
        };
        if jours_ouvres::entre(depuis, today) >= DELAI_JOURS_OUVRES {
            etape
        } else {
            Suivi::Rien
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reminder_then_escalation_over_may_2026() {
        let envoyee = day("2026-05-04");
        let du = |relance: Option<&str>, escalade: Option<&str>, today: &str| {
            Suivi::du(
                EtatReponse::Envoyee,
                envoyee,
                relance.map(day),
                escalade.map(day),
                day(today),
            )
        };
        // 8 May is a holiday: the fifth working day is Tuesday 12 May.
        assert_eq!(du(None, None, "2026-05-11"), Suivi::Rien);
        assert_eq!(du(None, None, "2026-05-12"), Suivi::Relancer);
        // Reminded on 12 May; Ascension on 14 May: escalated on 20 May.
        assert_eq!(du(Some("2026-05-12"), None, "2026-05-19"), Suivi::Rien);
        assert_eq!(du(Some("2026-05-12"), None, "2026-05-20"), Suivi::Escalader);
        assert_eq!(
            du(Some("2026-05-12"), Some("2026-05-20"), "2026-06-30"),
            Suivi::Rien
        );
        // A job idle for weeks reminds first.
        assert_eq!(du(None, None, "2026-06-30"), Suivi::Relancer);
        // An answered request is left alone.
        for etat in [
            EtatReponse::Acceptee,
            EtatReponse::Declinee,
            EtatReponse::Annulee,
        ] {
            assert_eq!(
                Suivi::du(etat, envoyee, None, None, day("2026-06-30")),
                Suivi::Rien
            );
        }
    }

    proptest! {
        #[test]
        fn never_escalates_without_a_reminder(
            sent in 0i64..2000, relance in proptest::option::of(0i64..40),
            escalade in any::<bool>(), later in 0i64..60,
        ) {
            let envoyee = day("2024-01-01") + chrono::Duration::days(sent);
            let relance_le = relance.map(|r| envoyee + chrono::Duration::days(r));
            let today = relance_le.unwrap_or(envoyee) + chrono::Duration::days(later);
            let escalade_le = escalade.then_some(today);
            let suivi = Suivi::du(EtatReponse::Envoyee, envoyee, relance_le, escalade_le, today);
            match suivi {
                Suivi::Escalader => prop_assert!(relance_le.is_some() && escalade_le.is_none()),
                Suivi::Relancer => prop_assert!(relance_le.is_none() && escalade_le.is_none()),
                Suivi::Rien => {}
            }
            // Two weeks hold at least five working days, whatever the holidays.
            if escalade_le.is_none() && later >= 14 {
                prop_assert_ne!(suivi, Suivi::Rien);
            }
        }
    }
}
