//! Projects of the network (levers 2, 4 and 5 of the campus's plan):
//! school–research projects, research initiation of high-school pupils,
//! industrial pedagogical projects, and the start-ups of the We Lab
//! pre-incubator.
//!
//! A project moves through the stages of its kind ([`etape`]); each stage
//! asks for deliverables that the campus team reviews before the project
//! moves on. The rules here hold whatever the page or the API: what a
//! valid project and milestone are ([`saisie`]), who may do what in it
//! ([`membre`]), and the review of a stage as a closed state machine that
//! the data layer applies as one conditional update, so that two
//! reviewers deciding at once cannot both succeed.

pub mod etape;
pub mod membre;
pub mod saisie;

pub use etape::{ActionEtape, EtapeProjet, EtatEtape, EtatLivrable, Livrable, TypeProjet};
pub use membre::{RoleMembre, StatutProjet};
pub use saisie::{
    ChampRefuse, NouveauJalon, NouveauProjet, ProjetError, SaisieJalon, SaisieProjet,
    rappel_jalon_du,
};
