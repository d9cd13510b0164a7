//! The evaluation of the campus's action plan (lever 8): figures computed
//! from the platform's records and published to the Région, the rectorat
//! and the public.
//!
//! [`secret`] holds the rules that keep a published figure from naming
//! anyone; [`inserjeunes`] and [`orion`] the official outcomes,
//! attractiveness and enrolment of vocational trainings that the
//! campus's figures are read beside.

pub mod inserjeunes;
pub mod orion;
pub mod secret;
