//! European mobility of learners and staff (lever 7): partner
//! establishments abroad, mobility offers, and the rules of dates, ages
//! and consent.

mod pays;
mod regles;

pub use pays::{Pays, PaysError};
pub use regles::{
    Ages, CIBLE_POURCENT, EtatConsentement, Financement, MAJORITE, MobiliteError, NatureMobilite,
    Periode, PublicMobilite, age_le, annee_scolaire, check_limite, mineur_le, parse_age,
    parse_date, parse_naissance, parse_places,
};
