//! Pooled equipment of the technology platform: the catalogue and its
//! managers ([`catalogue`]), habilitations ([`habilitations`]), bookings
//! and maintenance windows ([`reservations`]), quotas and utilisation
//! ([`utilisation`]).

pub mod catalogue;
pub(crate) mod demo;
pub mod habilitations;
pub mod reservations;
pub mod utilisation;

pub use catalogue::Equipement;
pub use habilitations::Habilitation;
pub use reservations::{DemandeReservation, Refus, ReservationError, ReservationVue};

crate::handle::feature_handle!(
    /// The pooled equipment feature: equipment, bookings, maintenance,
    /// quotas and habilitations.
    Equipements,
    equipements
);
