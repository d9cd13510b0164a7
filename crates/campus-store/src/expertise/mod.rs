//! The network's experts and the requests sent to them (lever 6).
//!
//! Rules and where they hold:
//! - one profile per person (unique key on `experts.user_id`);
//! - a request reaches an expert once (primary key of
//!   `demande_destinataires`), at most [`MAX_DESTINATAIRES`] experts in
//!   all: counted again after the insert in the sending transaction, so
//!   that two sends at once cannot pass the limit together ([`demandes`]);
//! - only an active profile receives requests, checked in the same
//!   transaction;
//! - an answer is one conditional update on the recipient's state: a
//!   second click, or an answer after a cancellation, changes nothing;
//! - every e-mail (request, answer, reminder, escalation) is queued in the
//!   transaction of its change (the mail outbox).
//!
//! [`MAX_DESTINATAIRES`]: campus_domain::expertise::MAX_DESTINATAIRES

use campus_domain::GeoPoint;
use campus_domain::expertise::{
    EtatProfil, EtatReponse, Langue, OffreExpert, PublicDemande, SujetExpert,
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::StoreError;

pub mod demandes;
pub mod profils;
pub mod tableau;

pub use demandes::{DemandeEcrite, EnvoiError, ReponseError, SuiviDu};
pub use profils::{FiltreExperts, ProfilEcrit};
pub use tableau::TableauExpertise;

crate::handle::feature_handle!(
    /// The experts feature: profiles, requests, answers, contributions.
    Expertise,
    expertise
);

/// An expert's profile as pages and the API show it. The address is for
/// the platform's e-mails and, once a request is accepted, for its
/// requester: never on a public page.
#[derive(Debug, Clone, PartialEq)]
pub struct Expert {
    pub id: i32,
    pub user_id: i32,
    pub nom: String,
    pub email: String,
    pub organisation_id: Option<i32>,
    pub organisation_nom: Option<String>,
    pub organisation_slug: Option<String>,
    /// The organisation's place, to rank experts by distance.
    pub position: Option<GeoPoint>,
    pub departement: Option<String>,
    pub titre: String,
    pub presentation: Option<String>,
    /// Each subject with its label as shown.
    pub sujets: Vec<(SujetExpert, String)>,
    pub offres: Vec<OffreExpert>,
    pub langues: Vec<Langue>,
    pub disponibilite: Option<String>,
    pub etat: EtatProfil,
    /// The expert's consent to list their contributions publicly.
    pub contributions_publiques: bool,
    /// Requests waiting for their answer.
    pub demandes_en_cours: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A request and where each recipient's answer stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Demande {
    pub id: i32,
    pub demandeur_user_id: Option<i32>,
    pub demandeur_nom: Option<String>,
    pub demandeur_email: Option<String>,
    pub organisation_id: Option<i32>,
    pub sujet: String,
    pub offre: OffreExpert,
    pub public: PublicDemande,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
    pub lieu: Option<String>,
    pub position: Option<GeoPoint>,
    pub message: String,
    pub sujets: Vec<(SujetExpert, String)>,
    pub destinataires: Vec<Destinataire>,
    pub created_at: DateTime<Utc>,
}

/// An expert a request was sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destinataire {
    pub expert_id: i32,
    pub expert_user_id: i32,
    pub nom: String,
    pub titre: String,
    pub email: String,
    pub locale: String,
    pub etat: EtatReponse,
    pub envoyee_le: DateTime<Utc>,
    pub repondu_le: Option<DateTime<Utc>>,
    pub relance_le: Option<NaiveDate>,
    pub escalade_le: Option<NaiveDate>,
    pub reponse: Option<String>,
}

/// Something an expert did for the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub offre: OffreExpert,
    pub titre: String,
    pub date: NaiveDate,
}

pub(crate) fn corrupt<T, E>(r: Result<T, E>, what: &str, value: &str) -> Result<T, StoreError> {
    r.map_err(|_| StoreError::Corrupt(format!("{what} : « {value} »")))
}

pub(crate) fn date(value: &str, what: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("{what} : date « {value} »")))
}

/// A comma-separated list of closed values, as stored.
pub(crate) fn list<T, E>(
    value: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    what: &str,
) -> Result<Vec<T>, StoreError> {
    value
        .split(',')
        .filter(|v| !v.is_empty())
        .map(|v| corrupt(parse(v), what, v))
        .collect()
}
