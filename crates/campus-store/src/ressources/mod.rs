//! The pedagogical resource library: resources, their links, their file
//! versions, the events that use them, their use counts.
//!
//! Rules and where they hold:
//! - who sees a resource is decided here once ([`Ressource::visible_par`]),
//!   for the pages, the API, the downloads and the search alike;
//! - the moderation moves by one conditional update on `etat` (WHERE the
//!   state is one the action starts from): of two reviewers deciding at
//!   once, one wins and the other is told ([`ecriture`]);
//! - a file is never replaced: a new upload is the next version, the
//!   primary key `(ressource_id, version)` refusing two uploads that would
//!   take the same number;
//! - views and downloads are counted per day without who ([`usages`]).

use campus_domain::evenement::Audience;
use campus_domain::expertise::Langue;
use campus_domain::ressource::{EtatRessource, Licence, TypeRessource, Visibilite};
use campus_domain::{CodeRome, Niveau};
use chrono::{DateTime, NaiveDate, Utc};

use crate::StoreError;
use crate::documents::DocumentInfo;

pub(crate) mod demo;
pub mod ecriture;
pub mod lecture;
pub mod usages;

pub use ecriture::{ModerationError, NouveauFichier, RessourceEcrite};
pub use lecture::{FiltreRessources, Lecteur};
pub use usages::UsageRessource;

crate::handle::feature_handle!(
    /// The resource library: resources, links, files, moderation, counts.
    Ressources,
    ressources
);

/// A resource as its pages, the API and the search show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ressource {
    pub id: i32,
    pub slug: String,
    pub titre: String,
    pub description: String,
    pub type_ressource: TypeRessource,
    pub licence: Licence,
    pub visibilite: Visibilite,
    pub etat: EtatRessource,
    /// Why the campus team sent it back.
    pub motif: Option<String>,
    pub langue: Langue,
    pub duree_minutes: Option<i32>,
    pub version: String,
    pub date_version: NaiveDate,
    pub auteurs: Option<String>,
    pub lien: Option<String>,
    /// The last check of the link found it broken.
    pub lien_casse: bool,
    pub lien_verifie_le: Option<DateTime<Utc>>,
    pub organisation: Option<(i32, String)>,
    pub auteur_user_id: Option<i32>,
    pub auteur_nom: Option<String>,
    pub audiences: Vec<Audience>,
    pub niveaux: Vec<Niveau>,
    pub metiers: Vec<(CodeRome, String)>,
    pub certifications: Vec<(String, String)>,
    pub blocs: Vec<(String, String)>,
    pub equipements: Vec<(i32, String, String)>,
    /// Every version of its file, newest first.
    pub fichiers: Vec<FichierRessource>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One version of a resource's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FichierRessource {
    pub version: i32,
    pub fichier: DocumentInfo,
    pub created_at: DateTime<Utc>,
}

impl Ressource {
    /// Whether `lecteur` may see the resource: its author and the campus
    /// team always; others once approved, as its visibility says.
    pub fn visible_par(&self, lecteur: &Lecteur) -> bool {
        if lecteur.equipe || (lecteur.user_id.is_some() && lecteur.user_id == self.auteur_user_id) {
            return true;
        }
        if self.etat != EtatRessource::Approuvee {
            return false;
        }
        match self.visibilite {
            Visibilite::Public => true,
            Visibilite::Reseau => lecteur.reseau,
            Visibilite::Organisation => self
                .organisation
                .as_ref()
                .is_some_and(|(id, _)| lecteur.organisations.contains(id)),
        }
    }

    /// Whether anyone may see it: what the public search indexes.
    pub fn est_publique(&self) -> bool {
        self.etat == EtatRessource::Approuvee && self.visibilite == Visibilite::Public
    }

    /// The newest version of its file.
    pub fn fichier_courant(&self) -> Option<&FichierRessource> {
        self.fichiers.first()
    }
}

/// What a link row of `ressource_liens` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lien {
    Metier,
    Certification,
    Bloc,
    Equipement,
    Audience,
    Niveau,
}

impl Lien {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Lien::Metier => "metier",
            Lien::Certification => "certification",
            Lien::Bloc => "bloc",
            Lien::Equipement => "equipement",
            Lien::Audience => "audience",
            Lien::Niveau => "niveau",
        }
    }
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn corrupt<T, E>(r: Result<T, E>, what: &str, value: &str) -> Result<T, StoreError> {
    r.map_err(|_| StoreError::Corrupt(format!("ressource, {what} : « {value} »")))
}
