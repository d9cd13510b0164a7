//! Pooled equipment of the technology platform: categories, statuses,
//! opening hours, and the rules a requested time slot must meet before the
//! store is even asked.
//!
//! A booking is cut into slot units of [`MINUTES_PAR_CRENEAU`]: the store
//! writes one row per unit with a unique key (equipment, unit start), so
//! that the database itself refuses two bookings of the same time whatever
//! node takes them. Requests must therefore start and end on unit
//! boundaries, and stay within one day's opening hours.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};

use crate::heure_legale;
use crate::role::closed_list;

pub mod saisie;

/// Length of a slot unit. Every booking starts and ends on a multiple.
pub const MINUTES_PAR_CRENEAU: u32 = 30;

closed_list!(
    /// Kind of equipment; a habilitation is granted per category.
    CategorieEquipement, "equipement-cat-", {
        Chromatographie => "chromatographie",
        Rheologie => "rheologie",
        Formulation => "formulation",
        SallePropre => "salle_propre",
        Conditionnement => "conditionnement",
        Microbiologie => "microbiologie",
        Caracterisation => "caracterisation",
    }
);

closed_list!(
    /// Whether the equipment can be booked.
    StatutEquipement, "equipement-statut-", {
        EnService => "en_service",
        EnMaintenance => "en_maintenance",
        HorsService => "hors_service",
    }
);

closed_list!(
    /// Life of a booking: pending the manager's approval, confirmed,
    /// refused or cancelled. Only the first two hold the slot.
    StatutReservation, "reservation-statut-", {
        EnAttente => "en_attente",
        Confirmee => "confirmee",
        Refusee => "refusee",
        Annulee => "annulee",
    }
);

closed_list!(
    /// Which rate applies: companies pay the industrial rate, schools,
    /// universities, labs and training bodies the academic one.
    Tarif, "equipement-tarif-", {
        Academique => "academique",
        Industriel => "industriel",
    }
);

impl Tarif {
    /// The rate a person books at: the kind of their organisation decides
    /// (a company pays the industrial rate, any other member the academic
    /// one); without an organisation, a company account pays the
    /// industrial rate and everyone else the academic one.
    pub fn pour(organisation: Option<crate::OrganisationKind>, role: crate::Role) -> Tarif {
        match organisation {
            Some(crate::OrganisationKind::Entreprise) => Tarif::Industriel,
            Some(_) => Tarif::Academique,
            None if role == crate::Role::Entreprise => Tarif::Industriel,
            None => Tarif::Academique,
        }
    }
}

impl StatutReservation {
    /// Whether the booking still occupies its slot units.
    pub fn occupe(self) -> bool {
        matches!(
            self,
            StatutReservation::EnAttente | StatutReservation::Confirmee
        )
    }
}

/// Opening hours: the same hours on the open weekdays, in legal time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horaires {
    /// Bit 0 = Monday … bit 6 = Sunday.
    jours: u8,
    /// Minutes since midnight.
    ouverture: u32,
    fermeture: u32,
}

/// Opening hours that cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("horaires d'ouverture invalides")]
pub struct HorairesError;

impl Horaires {
    pub fn new(jours: u8, ouverture: u32, fermeture: u32) -> Result<Horaires, HorairesError> {
        let unit = MINUTES_PAR_CRENEAU;
        if jours == 0
            || jours >= 1 << 7
            || ouverture >= fermeture
            || fermeture > 24 * 60
            || !ouverture.is_multiple_of(unit)
            || !fermeture.is_multiple_of(unit)
        {
            return Err(HorairesError);
        }
        Ok(Horaires {
            jours,
            ouverture,
            fermeture,
        })
    }

    pub fn jours(self) -> u8 {
        self.jours
    }

    pub fn ouverture(self) -> u32 {
        self.ouverture
    }

    pub fn fermeture(self) -> u32 {
        self.fermeture
    }

    /// Whether the weekday (0 = Monday) is open.
    pub fn ouvert_le(self, jour: u32) -> bool {
        jour < 7 && self.jours & (1 << jour) != 0
    }

    /// `HH:MM` of a number of minutes since midnight.
    pub fn hhmm(minutes: u32) -> String {
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Why a requested slot is refused before the store is asked. Each has a
/// message key of the translation files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CreneauError {
    #[error("la fin précède le début")]
    FinAvantDebut,
    #[error("horaires hors des unités de réservation")]
    NonAligne,
    #[error("créneau passé")]
    Passe,
    #[error("hors des horaires d'ouverture")]
    HorsHoraires,
    #[error("heure inexistante (changement d'heure)")]
    HeureInexistante,
}

impl CreneauError {
    pub fn message_key(&self) -> &'static str {
        match self {
            CreneauError::FinAvantDebut => "reservation-end-before-start",
            CreneauError::NonAligne => "reservation-not-aligned",
            CreneauError::Passe => "reservation-in-past",
            CreneauError::HorsHoraires => "reservation-outside-hours",
            CreneauError::HeureInexistante => "reservation-skipped-hour",
        }
    }
}

/// A requested time slot on one day, checked against the opening hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Creneau {
    pub date: NaiveDate,
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
}

fn minutes_of(time: NaiveTime) -> u32 {
    time.hour() * 60 + time.minute()
}

impl Creneau {
    /// The slot from `debut` to `fin` (legal time) on `date`, if it lies in
    /// the future, on unit boundaries, within the opening hours.
    pub fn local(
        date: NaiveDate,
        debut: NaiveTime,
        fin: NaiveTime,
        horaires: Horaires,
        now: DateTime<Utc>,
    ) -> Result<Creneau, CreneauError> {
        let (from, to) = (minutes_of(debut), minutes_of(fin));
        if to <= from {
            return Err(CreneauError::FinAvantDebut);
        }
        let unit = MINUTES_PAR_CRENEAU;
        if !from.is_multiple_of(unit)
            || !to.is_multiple_of(unit)
            || debut.second() != 0
            || fin.second() != 0
        {
            return Err(CreneauError::NonAligne);
        }
        let start = heure_legale::depuis_local(date.and_time(debut))
            .ok_or(CreneauError::HeureInexistante)?;
        let end =
            heure_legale::depuis_local(date.and_time(fin)).ok_or(CreneauError::HeureInexistante)?;
        if start < now {
            return Err(CreneauError::Passe);
        }
        if !horaires.ouvert_le(heure_legale::jour_semaine(date))
            || from < horaires.ouverture
            || to > horaires.fermeture
        {
            return Err(CreneauError::HorsHoraires);
        }
        Ok(Creneau {
            date,
            debut: start,
            fin: end,
        })
    }

    pub fn minutes(&self) -> i64 {
        (self.fin - self.debut).num_minutes()
    }

    /// The start of each slot unit the booking occupies.
    pub fn unites(&self) -> Vec<DateTime<Utc>> {
        let step = Duration::minutes(i64::from(MINUTES_PAR_CRENEAU));
        let mut out = Vec::new();
        let mut at = self.debut;
        while at < self.fin {
            out.push(at);
            at += step;
        }
        out
    }

    /// The quota period of the booking: its legal month, `YYYY-MM`.
    pub fn periode(&self) -> String {
        self.date.format("%Y-%m").to_string()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[test]
    fn the_rate_follows_the_organisation_then_the_role() {
        use crate::{OrganisationKind, Role};
        assert_eq!(
            Tarif::pour(Some(OrganisationKind::Entreprise), Role::Apprenant),
            Tarif::Industriel
        );
        assert_eq!(
            Tarif::pour(Some(OrganisationKind::Universite), Role::Entreprise),
            Tarif::Academique
        );
        assert_eq!(Tarif::pour(None, Role::Entreprise), Tarif::Industriel);
        assert_eq!(Tarif::pour(None, Role::Formateur), Tarif::Academique);
    }

    fn weekdays_8_18() -> Horaires {
        Horaires::new(0b001_1111, 8 * 60, 18 * 60).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap()
    }

    // Monday 30 November 2026.
    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    #[test]
    fn a_good_slot() {
        let c = Creneau::local(monday(), t(9, 0), t(10, 30), weekdays_8_18(), now()).unwrap();
        assert_eq!(c.minutes(), 90);
        assert_eq!(c.unites().len(), 3);
        // Winter: 09:00 legal = 08:00 UTC.
        assert_eq!(
            c.debut,
            Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap()
        );
        assert_eq!(c.periode(), "2026-11");
    }

    #[test]
    fn each_refusal_has_its_reason() {
        let h = weekdays_8_18();
        let refuse = |d, a, b| Creneau::local(d, a, b, h, now()).unwrap_err();
        assert_eq!(
            refuse(monday(), t(10, 0), t(9, 0)),
            CreneauError::FinAvantDebut
        );
        assert_eq!(
            refuse(monday(), t(10, 0), t(10, 0)),
            CreneauError::FinAvantDebut
        );
        assert_eq!(
            refuse(monday(), t(9, 15), t(10, 0)),
            CreneauError::NonAligne
        );
        let yesterday = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(refuse(yesterday, t(9, 0), t(10, 0)), CreneauError::Passe);
        assert_eq!(
            refuse(monday(), t(7, 0), t(9, 0)),
            CreneauError::HorsHoraires
        );
        assert_eq!(
            refuse(monday(), t(17, 0), t(19, 0)),
            CreneauError::HorsHoraires
        );
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(
            refuse(sunday, t(9, 0), t(10, 0)),
            CreneauError::HorsHoraires
        );
    }

    #[test]
    fn hours_must_make_sense() {
        assert!(Horaires::new(0, 480, 1080).is_err());
        assert!(Horaires::new(1, 1080, 480).is_err());
        assert!(Horaires::new(1, 485, 1080).is_err());
        assert!(Horaires::new(1, 0, 24 * 60).is_ok());
    }

    proptest! {
        #[test]
        fn any_accepted_slot_is_within_hours(day in 0i64..60, a in 0u32..48, b in 0u32..48) {
            let date = monday() + Duration::days(day);
            let (a, b) = (t(a / 2, (a % 2) * 30), t(b / 2, (b % 2) * 30));
            if let Ok(c) = Creneau::local(date, a, b, weekdays_8_18(), now()) {
                prop_assert!(c.debut < c.fin);
                prop_assert!(c.debut >= now());
                let units = c.unites();
                prop_assert_eq!(units.len() as i64 * 30, c.minutes());
                prop_assert!(heure_legale::vers_local(c.debut).time() >= t(8, 0));
                prop_assert!(heure_legale::vers_local(c.fin).time() <= t(18, 0));
            }
        }
    }
}
