//! Professional insertion: offers, applications, and the files sent with
//! them.
//!
//! Rules and where they hold:
//! - an offer is listed as open only while `etat = 'ouverte'` and
//!   `expire_le >= today`, read in every query ([`offres`]): an expired or
//!   filled offer leaves the lists at once, without a job;
//! - one application per person and offer: the unique key
//!   `uq_candidatures_offre_candidat`;
//! - a step of an application is one conditional update on its state (and
//!   on its version when the caller names the one it saw): of two
//!   recruiters acting at once, one wins and the other is told
//!   ([`candidatures`]);
//! - retaining an application takes a position with
//!   `UPDATE offres SET postes_pourvus = postes_pourvus + 1 WHERE
//!   postes_pourvus < postes`, and the offer is marked filled by the same
//!   transaction when the last one goes: two acceptances at the same
//!   moment on the last two positions fill them once each and close the
//!   offer exactly once;
//! - every step's e-mail is queued in the step's transaction (the mail
//!   outbox).

use campus_domain::insertion::{EtatCandidature, EtatOffre, MotifNonRetenue, TypeOffre};
use campus_domain::{CodeCertification, CodeRome, GeoPoint, Niveau};
use chrono::{DateTime, NaiveDate, Utc};

use crate::StoreError;

pub mod candidatures;
pub(crate) mod demo;
pub mod offres;

pub use crate::documents::DocumentInfo;
pub use candidatures::{ApplyError, NouvelleCandidature, StepError, Taux};
pub use offres::{FiltreOffres, ImportOutcome, OffreEcrite, OffreImportee, OffreSaisie};

crate::handle::feature_handle!(
    /// The insertion feature: offers, applications, their documents.
    Insertion,
    insertion
);

/// Where an offer comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceOffre {
    /// Posted on the platform by a company of the network or the campus
    /// team.
    Campus,
    /// The public-sector apprenticeship feed (Place de l'apprentissage et
    /// des stages).
    Pass,
}

impl SourceOffre {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceOffre::Campus => "campus",
            SourceOffre::Pass => "pass",
        }
    }

    pub fn parse(value: &str) -> Option<SourceOffre> {
        match value {
            "campus" => Some(SourceOffre::Campus),
            "pass" => Some(SourceOffre::Pass),
            _ => None,
        }
    }
}

/// An offer as its pages and the API show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Offre {
    pub id: i32,
    pub organisation_id: Option<i32>,
    pub organisation_nom: Option<String>,
    pub organisation_slug: Option<String>,
    pub auteur_user_id: Option<i32>,
    pub source: SourceOffre,
    pub source_id: Option<String>,
    pub source_lien: Option<String>,
    pub type_offre: TypeOffre,
    pub intitule: String,
    pub description: String,
    pub code_rome: Option<CodeRome>,
    pub metier_libelle: Option<String>,
    /// The employer's name: the organisation's, or the feed's.
    pub employeur: Option<String>,
    pub niveau: Option<Niveau>,
    pub certification: Option<CodeCertification>,
    pub commune_insee: Option<String>,
    pub commune_nom: String,
    pub departement: Option<String>,
    pub position: Option<GeoPoint>,
    pub date_debut: Option<NaiveDate>,
    pub duree_mois: Option<u32>,
    pub postes: u32,
    pub postes_pourvus: u32,
    pub horaires: Option<String>,
    pub remuneration: Option<String>,
    pub formation_id: Option<String>,
    pub contact_nom: Option<String>,
    pub contact_email: Option<String>,
    pub expire_le: NaiveDate,
    pub etat: EtatOffre,
    pub version: i32,
    pub competences: Vec<(i64, String)>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Offre {
    /// Whether the offer takes applications on `today`.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.etat == EtatOffre::Ouverte && self.expire_le >= today
    }

    /// Positions still to fill.
    pub fn postes_restants(&self) -> u32 {
        self.postes.saturating_sub(self.postes_pourvus)
    }
}

/// An application as the candidate, the recruiter and the API see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidature {
    pub id: i32,
    pub offre_id: i32,
    pub offre_intitule: String,
    pub offre_organisation_id: Option<i32>,
    pub candidat_user_id: Option<i32>,
    pub candidat_nom: Option<String>,
    pub candidat_email: Option<String>,
    pub message: String,
    pub cv: Option<DocumentInfo>,
    pub etat: EtatCandidature,
    pub motif: Option<MotifNonRetenue>,
    pub version: i32,
    pub relances_recruteur: u32,
    pub relance_candidat_le: Option<DateTime<Utc>>,
    pub lue_le: Option<DateTime<Utc>>,
    pub repondue_le: Option<DateTime<Utc>>,
    pub accord_ecole_le: Option<DateTime<Utc>>,
    pub derniere_activite: DateTime<Utc>,
    pub pseudonymisee: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A step of an application's trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Etape {
    pub acteur_user_id: Option<i32>,
    pub etat_avant: Option<EtatCandidature>,
    pub etat_apres: EtatCandidature,
    pub motif: Option<MotifNonRetenue>,
    pub created_at: DateTime<Utc>,
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date(value: &str, what: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("{what} : date « {value} »")))
}
