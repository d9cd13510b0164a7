//! The evaluation of the campus's action plan (lever 8): figures computed
//! from the platform's records and published to the Région, the rectorat
//! and the public.
//!
//! [`registre`] names the plan's axes and levers, the kinds of records an
//! indicator's [`formule`] may count, and the default indicators;
//! [`secret`] holds the rules that keep a published figure from naming
//! anyone; [`inserjeunes`] and [`orion`] the official outcomes,
//! attractiveness and enrolment of vocational trainings that the
//! campus's figures are read beside; [`devenir`] sets the outcomes of the
//! campus's sector trainings beside their région and the country, and
//! [`attractivite`] their attractiveness and enrolment.

pub mod attractivite;
pub mod devenir;
pub mod formule;
pub mod inserjeunes;
pub mod orion;
pub mod registre;
pub mod secret;
