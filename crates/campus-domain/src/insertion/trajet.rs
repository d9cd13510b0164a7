//! How far an offer is, in the terms people decide by: a class of travel
//! time rather than kilometres as the crow flies.
//!
//! The platform has no road or transit network: it estimates a journey
//! from the straight-line distance, lengthened by [`DETOUR`] (roads are
//! about a third longer than the straight line in rural France) and
//! covered at [`VITESSE_KMH`] door to door (car or regional train with the
//! waits and the last kilometres). The classes are wide on purpose: they
//! sort and explain, they do not promise a timetable.

use crate::role::closed_list;

/// Road distance over straight-line distance.
pub const DETOUR: f64 = 1.3;
/// Average door-to-door speed, in km/h.
pub const VITESSE_KMH: f64 = 40.0;

closed_list!(
    /// Estimated travel time between home and the workplace.
    ClasseTrajet, "trajet-", {
        MoinsDe15Min => "moins_15_min",
        De15a30Min => "15_30_min",
        De30a60Min => "30_60_min",
        PlusDe1H => "plus_1_h",
    }
);

impl ClasseTrajet {
    /// The class of a journey of `km` kilometres as the crow flies; a
    /// distance that is not a number is the farthest class.
    pub fn of(km: f64) -> ClasseTrajet {
        if km.is_nan() {
            return ClasseTrajet::PlusDe1H;
        }
        let minutes = km.max(0.0) * DETOUR / VITESSE_KMH * 60.0;
        if minutes < 15.0 {
            ClasseTrajet::MoinsDe15Min
        } else if minutes < 30.0 {
            ClasseTrajet::De15a30Min
        } else if minutes <= 60.0 {
            ClasseTrajet::De30a60Min
        } else {
            ClasseTrajet::PlusDe1H
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_estimated_minutes() {
        assert_eq!(ClasseTrajet::of(0.0), ClasseTrajet::MoinsDe15Min);
        // Orléans – Saint-Jean-de-Braye, 5 km: about 10 minutes.
        assert_eq!(ClasseTrajet::of(5.0), ClasseTrajet::MoinsDe15Min);
        assert_eq!(ClasseTrajet::of(12.0), ClasseTrajet::De15a30Min);
        // Orléans – Blois, 55 km: an hour and more.
        assert_eq!(ClasseTrajet::of(55.0), ClasseTrajet::PlusDe1H);
        assert_eq!(ClasseTrajet::of(25.0), ClasseTrajet::De30a60Min);
        assert_eq!(ClasseTrajet::of(f64::NAN), ClasseTrajet::PlusDe1H);
        assert_eq!(ClasseTrajet::of(-3.0), ClasseTrajet::MoinsDe15Min);
    }
}
