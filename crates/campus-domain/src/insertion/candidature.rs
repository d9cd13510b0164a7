//! An application to an offer and its pipeline:
//!
//! ```text
//! envoyée ─▶ lue ─▶ entretien ─▶ retenue
//!              │         │
//!              └────┬────┴─────▶ non retenue (with a reason)
//! envoyée, lue, entretien ─────▶ retirée (by the candidate)
//! ```
//!
//! A step that skips one (retaining an application nobody read) is
//! refused: the candidate is told every step by e-mail, and an answer is
//! what the platform measures. Each action names the states it may start
//! from, so that the data layer applies it as one conditional update and
//! two recruiters acting at once cannot both succeed.
//!
//! An application is *answered* once it leaves `lue` towards an interview
//! or a decision; being read is not an answer. The recruiter is reminded
//! at [`Relances::RECRUTEUR_JOURS`] days without an answer; from
//! [`Relances::CANDIDAT_JOURS`] days the candidate may send one reminder.

use chrono::{DateTime, Utc};

use crate::role::closed_list;

closed_list!(
    /// Where an application stands.
    EtatCandidature, "candidature-etat-", {
        Envoyee => "envoyee",
        Lue => "lue",
        Entretien => "entretien",
        Retenue => "retenue",
        NonRetenue => "non_retenue",
        Retiree => "retiree",
    }
);

impl EtatCandidature {
    /// Whether nothing can happen to the application any more.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            EtatCandidature::Retenue | EtatCandidature::NonRetenue | EtatCandidature::Retiree
        )
    }

    /// Whether the recruiter answered (an interview or a decision).
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            EtatCandidature::Entretien | EtatCandidature::Retenue | EtatCandidature::NonRetenue
        )
    }
}

closed_list!(
    /// What someone does to an application.
    ActionCandidature, "candidature-action-", {
        /// The recruiter opened it.
        Lire => "lire",
        /// The recruiter invites the candidate to an interview.
        Entretien => "entretien",
        Retenir => "retenir",
        NePasRetenir => "ne_pas_retenir",
        /// The candidate withdraws.
        Retirer => "retirer",
    }
);

impl ActionCandidature {
    /// The states the action may start from.
    pub fn sources(self) -> &'static [EtatCandidature] {
        use EtatCandidature::*;
        match self {
            ActionCandidature::Lire => &[Envoyee],
            ActionCandidature::Entretien => &[Lue],
            ActionCandidature::Retenir => &[Entretien],
            ActionCandidature::NePasRetenir => &[Lue, Entretien],
            ActionCandidature::Retirer => &[Envoyee, Lue, Entretien],
        }
    }

    /// The state the action leads to.
    pub fn target(self) -> EtatCandidature {
        match self {
            ActionCandidature::Lire => EtatCandidature::Lue,
            ActionCandidature::Entretien => EtatCandidature::Entretien,
            ActionCandidature::Retenir => EtatCandidature::Retenue,
            ActionCandidature::NePasRetenir => EtatCandidature::NonRetenue,
            ActionCandidature::Retirer => EtatCandidature::Retiree,
        }
    }

    /// The state after the action from `from`, or `None` when the action
    /// is not allowed from there.
    pub fn apply(self, from: EtatCandidature) -> Option<EtatCandidature> {
        self.sources().contains(&from).then_some(self.target())
    }

    /// Whether the candidate, rather than the recruiter, takes the action.
    pub fn by_candidate(self) -> bool {
        self == ActionCandidature::Retirer
    }

    /// The action that leads to `etat`, for an API that names the state
    /// wanted rather than the action.
    pub fn to(etat: EtatCandidature) -> Option<ActionCandidature> {
        ActionCandidature::all().find(|a| a.target() == etat)
    }
}

closed_list!(
    /// Why an application was not retained: a short list, so that the
    /// candidate learns something and no free text says what it must not.
    MotifNonRetenue, "candidature-motif-", {
        CompetencesAttendues => "competences_attendues",
        NiveauAttendu => "niveau_attendu",
        AutreCandidat => "autre_candidat",
        PostePourvu => "poste_pourvu",
        DatesIncompatibles => "dates_incompatibles",
        Eloignement => "eloignement",
        OffreAnnulee => "offre_annulee",
    }
);

/// When reminders are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relances;

impl Relances {
    /// Days after sending at which the recruiter is reminded of an
    /// application still without an answer.
    pub const RECRUTEUR_JOURS: [i64; 2] = [7, 15];
    /// Days after sending from which the candidate may remind the
    /// recruiter, once.
    pub const CANDIDAT_JOURS: i64 = 10;

    /// The recruiter reminder due now for an application sent at `sent`
    /// that got `already` reminders: its rank (1 or 2), or `None`.
    pub fn recruteur_due(sent: DateTime<Utc>, now: DateTime<Utc>, already: u32) -> Option<u32> {
        let days = (now - sent).num_days();
        let due = Relances::RECRUTEUR_JOURS
            .iter()
            .filter(|&&d| days >= d)
            .count() as u32;
        (due > already).then_some(already + 1)
    }

    /// Whether the candidate may send their reminder now.
    pub fn candidat_possible(
        etat: EtatCandidature,
        sent: DateTime<Utc>,
        now: DateTime<Utc>,
        already_sent: bool,
    ) -> bool {
        !already_sent
            && !etat.is_answered()
            && !etat.is_closed()
            && (now - sent).num_days() >= Relances::CANDIDAT_JOURS
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::Duration;

    #[test]
    fn the_pipeline_allows_no_skipped_step() {
        use ActionCandidature::*;
        use EtatCandidature::*;
        assert_eq!(Lire.apply(Envoyee), Some(Lue));
        assert_eq!(
            ActionCandidature::Entretien.apply(Lue),
            Some(EtatCandidature::Entretien)
        );
        assert_eq!(Retenir.apply(EtatCandidature::Entretien), Some(Retenue));
        assert_eq!(Retenir.apply(Envoyee), None);
        assert_eq!(Retenir.apply(Lue), None);
        assert_eq!(ActionCandidature::Entretien.apply(Envoyee), None);
        assert_eq!(NePasRetenir.apply(Envoyee), None);
        assert_eq!(NePasRetenir.apply(Lue), Some(NonRetenue));
        assert_eq!(Retirer.apply(Retenue), None);
        for action in ActionCandidature::all() {
            for closed in [Retenue, NonRetenue, Retiree] {
                assert_eq!(action.apply(closed), None, "{action:?} from {closed:?}");
            }
        }
        assert_eq!(ActionCandidature::to(Retenue), Some(Retenir));
        assert_eq!(ActionCandidature::to(Envoyee), None);
        assert!(Retirer.by_candidate() && !Lire.by_candidate());
    }

    #[test]
    fn reading_is_not_an_answer() {
        assert!(!EtatCandidature::Lue.is_answered());
        assert!(EtatCandidature::Entretien.is_answered());
        assert!(EtatCandidature::NonRetenue.is_answered());
        assert!(!EtatCandidature::Retiree.is_answered());
    }

    #[test]
    fn reminders_come_at_day_7_and_15_once_each() {
        let sent = DateTime::parse_from_rfc3339("2027-01-04T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let at = |days: i64| sent + Duration::days(days);
        assert_eq!(Relances::recruteur_due(sent, at(6), 0), None);
        assert_eq!(Relances::recruteur_due(sent, at(7), 0), Some(1));
        assert_eq!(Relances::recruteur_due(sent, at(8), 1), None);
        assert_eq!(Relances::recruteur_due(sent, at(15), 1), Some(2));
        assert_eq!(Relances::recruteur_due(sent, at(40), 2), None);
        // A job that did not run on day 7 still sends the first one.
        assert_eq!(Relances::recruteur_due(sent, at(16), 0), Some(1));

        let e = EtatCandidature::Lue;
        assert!(!Relances::candidat_possible(e, sent, at(9), false));
        assert!(Relances::candidat_possible(e, sent, at(10), false));
        assert!(!Relances::candidat_possible(e, sent, at(10), true));
        assert!(!Relances::candidat_possible(
            EtatCandidature::Entretien,
            sent,
            at(12),
            false
        ));
    }

    #[test]
    fn reasons_round_trip() {
        for m in MotifNonRetenue::all() {
            assert_eq!(MotifNonRetenue::parse(m.as_str()), Ok(m));
        }
        assert!(MotifNonRetenue::parse("trop vieux").is_err());
    }
}
