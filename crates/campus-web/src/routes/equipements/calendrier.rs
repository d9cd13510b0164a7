//! An equipment's days as people read them: for each open day, the free
//! and taken ranges within the opening hours, in legal time. Shared by the
//! equipment page's calendar and the API's availability.

use campus_domain::equipement::Horaires;
use campus_domain::heure_legale;
use campus_store::equipements::reservations::Occupation;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// What a range of a day is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nature {
    Libre,
    Reserve,
    EnAttente,
    Maintenance,
}

impl Nature {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Nature::Libre => "libre",
            Nature::Reserve => "reserve",
            Nature::EnAttente => "en_attente",
            Nature::Maintenance => "maintenance",
        }
    }

    pub(crate) fn label_key(self) -> &'static str {
        match self {
            Nature::Libre => "equipement-cal-free",
            Nature::Reserve => "equipement-cal-booked",
            Nature::EnAttente => "equipement-cal-pending",
            Nature::Maintenance => "equipement-cal-maintenance",
        }
    }
}

/// A range of a day, in minutes since legal midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Plage {
    pub debut: u32,
    pub fin: u32,
    pub nature: Nature,
}

impl Plage {
    pub(crate) fn debut_hhmm(&self) -> String {
        Horaires::hhmm(self.debut)
    }

    pub(crate) fn fin_hhmm(&self) -> String {
        Horaires::hhmm(self.fin)
    }
}

/// One open day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Journee {
    pub date: NaiveDate,
    pub plages: Vec<Plage>,
}

/// Minutes since legal midnight of `date` at the instant `at`, clamped to
/// the day.
fn minute_of_day(date: NaiveDate, at: DateTime<Utc>) -> u32 {
    let local = heure_legale::vers_local(at);
    if local.date() < date {
        0
    } else if local.date() > date {
        24 * 60
    } else {
        let since = local - date.and_time(chrono::NaiveTime::MIN);
        u32::try_from(since.num_minutes()).unwrap_or(0)
    }
}

/// The open days from `from` for `days` days, with what occupies them.
pub(crate) fn journees(
    horaires: Horaires,
    from: NaiveDate,
    days: u32,
    occupations: &[Occupation],
) -> Vec<Journee> {
    let mut out = Vec::new();
    for offset in 0..days {
        let date = from + Duration::days(i64::from(offset));
        if !horaires.ouvert_le(heure_legale::jour_semaine(date)) {
            continue;
        }
        let (open, close) = (horaires.ouverture(), horaires.fermeture());
        let mut taken: Vec<Plage> = occupations
            .iter()
            .map(|o| Plage {
                debut: minute_of_day(date, o.debut).max(open),
                fin: minute_of_day(date, o.fin).min(close),
                nature: if o.maintenance {
                    Nature::Maintenance
                } else if o.en_attente {
                    Nature::EnAttente
                } else {
                    Nature::Reserve
                },
            })
            .filter(|p| p.debut < p.fin)
            .collect();
        taken.sort_by_key(|p| p.debut);
        let mut plages = Vec::new();
        let mut at = open;
        for p in taken {
            if p.debut > at {
                plages.push(Plage {
                    debut: at,
                    fin: p.debut,
                    nature: Nature::Libre,
                });
            }
            let debut = p.debut.max(at);
            if p.fin > debut {
                plages.push(Plage { debut, ..p });
                at = p.fin;
            }
        }
        if at < close {
            plages.push(Plage {
                debut: at,
                fin: close,
                nature: Nature::Libre,
            });
        }
        out.push(Journee { date, plages });
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_day_with_a_reservation_and_maintenance() {
        let h = Horaires::new(0b001_1111, 8 * 60, 18 * 60).unwrap();
        // Tuesday 1 December 2026, winter: legal = UTC + 1.
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let at = |hh, mm| Utc.with_ymd_and_hms(2026, 12, 1, hh, mm, 0).unwrap();
        let occupations = [
            Occupation {
                debut: at(9, 0),
                fin: at(10, 30),
                maintenance: false,
                en_attente: false,
            },
            Occupation {
                debut: at(15, 0),
                fin: at(20, 0),
                maintenance: true,
                en_attente: false,
            },
        ];
        let days = journees(h, day, 1, &occupations);
        let plages: Vec<(String, String, Nature)> = days[0]
            .plages
            .iter()
            .map(|p| (p.debut_hhmm(), p.fin_hhmm(), p.nature))
            .collect();
        assert_eq!(
            plages,
            vec![
                ("08:00".into(), "10:00".into(), Nature::Libre),
                ("10:00".into(), "11:30".into(), Nature::Reserve),
                ("11:30".into(), "16:00".into(), Nature::Libre),
                ("16:00".into(), "18:00".into(), Nature::Maintenance),
            ]
        );
    }

    #[test]
    fn closed_days_are_left_out() {
        let h = Horaires::new(0b001_1111, 8 * 60, 18 * 60).unwrap();
        // Saturday 28 November to Monday 30 November.
        let days = journees(h, NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(), 3, &[]);
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].plages.len(), 1);
    }
}
