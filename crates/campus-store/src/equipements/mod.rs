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

use crate::Store;

/// The pooled equipment feature, borrowed from the store by
/// [`Store::equipements`], so that a call site names the feature it works on.
#[derive(Clone, Copy, Debug)]
pub struct Equipements<'a> {
    store: &'a Store,
}

impl Store {
    /// The pooled equipment feature: equipment, bookings, maintenance, quotas and habilitations.
    pub fn equipements(&self) -> Equipements<'_> {
        Equipements { store: self }
    }
}

impl std::ops::Deref for Equipements<'_> {
    type Target = Store;

    /// The feature's queries use the store's connection, clock and
    /// backend as the store's own methods do.
    fn deref(&self) -> &Store {
        self.store
    }
}
