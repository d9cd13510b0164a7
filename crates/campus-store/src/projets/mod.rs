//! Projects of the network: school–research, research initiation,
//! industrial pedagogical projects and the We Lab pre-incubator.
//!
//! Rules and where they hold:
//! - access follows membership ([`Projets::role_de`]); a guest is a member
//!   of one project and nothing else;
//! - a stage moves by one conditional update on the project's stage, stage
//!   state (and version when the caller names the one it saw): of two
//!   reviewers deciding at once, one wins and the other is told
//!   ([`etapes`]);
//! - a document is never replaced: a new upload of a series is a new
//!   version, the unique key `(serie_id, version)` refusing two uploads
//!   that would take the same number ([`documents`]);
//! - every change writes its fact in `projet_historique` in the same
//!   transaction: the project's timeline, and the dated record the
//!   dashboards and the evaluation count ([`tableau`]).

use campus_domain::CodeRome;
use campus_domain::projet::{
    EtapeProjet, EtatEtape, EtatLivrable, Livrable, RoleMembre, StatutProjet, TypeProjet,
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::StoreError;

pub(crate) mod demo;
pub mod documents;
pub mod ecriture;
pub mod etapes;
pub mod jalons;
pub mod lecture;
pub mod plateforme;
pub mod tableau;

pub use documents::{DocumentError, DocumentProjet, NouveauDocumentProjet};
pub use ecriture::{Invitation, MembreError, ProjetEcrit};
pub use etapes::{DecisionEtape, EtapeError};
pub use jalons::{Jalon, JalonDu};
pub use lecture::{FiltreProjets, ProjetResume};
pub use plateforme::UtilisationProjet;
pub use tableau::TableauProjets;

crate::handle::feature_handle!(
    /// The projects feature: projects, members, documents, stages,
    /// milestones, their history.
    Projets,
    projets
);

/// A project as its pages and the API show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Projet {
    pub id: i32,
    pub slug: String,
    pub type_projet: TypeProjet,
    pub titre: String,
    pub resume: String,
    pub resultats: Option<String>,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
    pub statut: StatutProjet,
    pub etape: EtapeProjet,
    pub etat_etape: EtatEtape,
    pub etape_depuis: DateTime<Utc>,
    pub public: bool,
    pub evenement_id: Option<i32>,
    /// The address of the published final presentation.
    pub evenement_slug: Option<String>,
    pub version: i32,
    pub organisations: Vec<OrganisationProjet>,
    pub membres: Vec<Membre>,
    pub metiers: Vec<(CodeRome, String)>,
    pub certifications: Vec<(String, String)>,
    pub equipements: Vec<EquipementProjet>,
    /// The deliverables answered so far, of every stage.
    pub livrables: Vec<LivrableProjet>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Projet {
    /// The deliverables of the current stage, with where each stands
    /// (`None`: nothing deposited yet).
    pub fn livrables_en_cours(&self) -> Vec<(Livrable, Option<&LivrableProjet>)> {
        self.etape
            .livrables()
            .iter()
            .map(|l| (*l, self.livrables.iter().find(|x| x.livrable == *l)))
            .collect()
    }

    /// The current stage's deliverables still missing or refused: what
    /// blocks a submission.
    pub fn livrables_manquants(&self) -> Vec<Livrable> {
        let deposes: Vec<Livrable> = self
            .livrables
            .iter()
            .filter(|l| l.etat.compte())
            .map(|l| l.livrable)
            .collect();
        self.etape.manquants(&deposes)
    }

    pub fn porteurs(&self) -> impl Iterator<Item = &Membre> {
        self.membres
            .iter()
            .filter(|m| m.role == RoleMembre::Porteur)
    }
}

/// An organisation of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationProjet {
    pub id: i32,
    pub nom: String,
    pub slug: String,
    pub departement: Option<String>,
}

/// Equipment a project uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquipementProjet {
    pub id: i32,
    pub nom: String,
    pub slug: String,
}

/// A person of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membre {
    pub user_id: i32,
    pub nom: String,
    pub email: String,
    pub role: RoleMembre,
    /// Whether the person has not yet accepted the invitation (no
    /// password set).
    pub invitation_en_attente: bool,
    pub created_at: DateTime<Utc>,
}

/// A deliverable answered by a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LivrableProjet {
    pub livrable: Livrable,
    pub etat: EtatLivrable,
    pub projet_document_id: i32,
    pub commentaire: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// What a fact of the history records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fait {
    Cree,
    Modifie,
    MembreAjoute,
    MembreRetire,
    Invite,
    DocumentDepose,
    EtapeSoumise,
    EtapeValidee,
    ModificationsDemandees,
    JalonAjoute,
    JalonAtteint,
    StatutChange,
    ReservationRattachee,
    ModuleRattache,
    /// The final presentation was published as an event.
    RestitutionPubliee,
}

impl Fait {
    const ALL: [Fait; 15] = [
        Fait::Cree,
        Fait::Modifie,
        Fait::MembreAjoute,
        Fait::MembreRetire,
        Fait::Invite,
        Fait::DocumentDepose,
        Fait::EtapeSoumise,
        Fait::EtapeValidee,
        Fait::ModificationsDemandees,
        Fait::JalonAjoute,
        Fait::JalonAtteint,
        Fait::StatutChange,
        Fait::ReservationRattachee,
        Fait::ModuleRattache,
        Fait::RestitutionPubliee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Fait::Cree => "cree",
            Fait::Modifie => "modifie",
            Fait::MembreAjoute => "membre_ajoute",
            Fait::MembreRetire => "membre_retire",
            Fait::Invite => "invite",
            Fait::DocumentDepose => "document_depose",
            Fait::EtapeSoumise => "etape_soumise",
            Fait::EtapeValidee => "etape_validee",
            Fait::ModificationsDemandees => "modifications_demandees",
            Fait::JalonAjoute => "jalon_ajoute",
            Fait::JalonAtteint => "jalon_atteint",
            Fait::StatutChange => "statut_change",
            Fait::ReservationRattachee => "reservation_rattachee",
            Fait::ModuleRattache => "module_rattache",
            Fait::RestitutionPubliee => "restitution_publiee",
        }
    }

    pub fn parse(value: &str) -> Option<Fait> {
        Fait::ALL.into_iter().find(|f| f.as_str() == value)
    }

    /// Key of the fact's label in the translation files.
    pub fn label_key(self) -> String {
        format!("projet-fait-{}", self.as_str())
    }
}

/// One dated fact of a project's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaitProjet {
    pub fait: Fait,
    pub acteur_user_id: Option<i32>,
    pub acteur_nom: Option<String>,
    pub etape: Option<EtapeProjet>,
    pub livrable: Option<Livrable>,
    pub projet_document_id: Option<i32>,
    pub detail: String,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn date(value: &str, what: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("{what} : date « {value} »")))
}

pub(crate) fn corrupt<T, E>(r: Result<T, E>, what: &str, value: &str) -> Result<T, StoreError> {
    r.map_err(|_| StoreError::Corrupt(format!("{what} : « {value} »")))
}
