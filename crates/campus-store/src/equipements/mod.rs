//! Pooled equipment of the technology platform: the catalogue and its
//! managers ([`catalogue`]), its upkeep by managers and the campus team
//! ([`gestion`], [`photos`], [`import`]), habilitations
//! ([`habilitations`]) and the warnings before they expire
//! ([`avertissements`]), bookings and maintenance windows
//! ([`reservations`]), quotas and utilisation ([`utilisation`]).

pub mod avertissements;
pub mod catalogue;
pub(crate) mod demo;
pub mod gestion;
pub mod habilitations;
pub mod import;
pub mod photos;
pub mod reservations;
pub mod utilisation;

pub use avertissements::{Destinataire, HabilitationAAvertir};
pub use catalogue::{Equipement, NouvelEquipement};
pub use gestion::GestionError;
pub use habilitations::Habilitation;
pub use import::{BilanImport, EquipementImporte, ImportRefus};
pub use photos::PhotoEquipement;
pub use reservations::{DemandeReservation, Refus, ReservationError, ReservationVue};

crate::handle::feature_handle!(
    /// The pooled equipment feature: equipment, bookings, maintenance,
    /// quotas and habilitations.
    Equipements,
    equipements
);
