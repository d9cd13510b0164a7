//! The evaluation of the campus's action plan (lever 8): figures computed
//! from the platform's records and published to the Région, the rectorat
//! and the public.
//!
//! [`registre`] names the plan's axes and levers, the kinds of records an
//! indicator's [`formule`] may count, and the default indicators;
//! [`indicateur`] checks an indicator as the campus team edits it (its
//! fiche, versioned) and its targets;
//! [`secret`] holds the rules that keep a published figure from naming
//! anyone; [`inserjeunes`] and [`orion`] the official outcomes,
//! attractiveness and enrolment of vocational trainings that the
//! campus's figures are read beside; [`devenir`] sets the outcomes of the
//! campus's sector trainings beside their région and the country, and
//! [`attractivite`] their attractiveness and enrolment;
//! [`calcul`] holds a formula's computed figure and its publication.
//! [`rapport`] is the annual report as frozen data, which the renderers
//! of `campus-formats` turn into PDF, XLSX and SVG.

pub mod attractivite;
pub mod calcul;
pub mod devenir;
pub mod formule;
pub mod indicateur;
pub mod inserjeunes;
pub mod orion;
pub mod rapport;
pub mod registre;
pub mod secret;
