//! Trainings in the catalogue: their import (LHÉO offers, higher-education
//! extracts), the pages' queries and the LHÉO export.
//!
//! A training is identified by its source and the source's identifier, so
//! that a newer file updates it in place. The link of a training's body to
//! an organisation of the directory is the platform's: an import creates it
//! when SIRET or UAI match and never changes an existing one.

use std::collections::{HashMap, HashSet};

use campus_domain::GeoPoint;
use campus_domain::formation::Formation;
use campus_domain::geo::Nearest;
use campus_domain::{Siret, Uai};
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
};
use sha2::{Digest, Sha256};

use crate::entity::{
    commune, formation, formation_action, formation_code, formation_lheo, formation_organisation,
    formation_session, organisation, rome_fiche,
};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

mod export;
mod pages;

pub use pages::{ActionPage, FormationPage, FormationProche};

/// The identifier of a training: source and the source's own identifier.
pub fn formation_id(f: &Formation) -> String {
    format!("{}:{}", f.source.as_str(), f.numero)
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A commune found for a position: INSEE code and département.
pub type CommuneProche = (String, Option<String>);

/// An import of trainings under way; see [`crate::rome::RomeImport`] for
/// the guarantees.
pub struct FormationImport {
    txn: DatabaseTransaction,
    formations: Sync<formation::Entity>,
    codes: Sync<formation_code::Entity>,
    actions: Sync<formation_action::Entity>,
    sessions: Sync<formation_session::Entity>,
    /// Trainings updated in this run: their actions, sessions and codes
    /// absent from the newer file are removed at the end.
    updated: HashSet<String>,
    /// Organisations of the directory by SIRET and by UAI.
    by_siret: HashMap<String, i32>,
    by_uai: HashMap<String, i32>,
    /// Trainings that already have a link to an organisation.
    linked: HashSet<String>,
    links: Counts,
    /// Current communes by position, loaded on first use.
    communes: Option<Nearest<CommuneProche>>,
    /// ROME codes known to the catalogue, to report unknown references.
    fiches: HashSet<String>,
}

impl Store {
    pub async fn begin_formation_import(&self) -> Result<FormationImport, StoreError> {
        let txn = self.write().await?;
        let mut by_siret = HashMap::new();
        let mut by_uai = HashMap::new();
        for o in organisation::Entity::find().all(&txn).await? {
            if let Some(siret) = o.siret.as_deref().and_then(|s| Siret::parse(s).ok()) {
                by_siret.insert(siret.as_str().to_owned(), o.id);
            }
            if let Some(uai) = o.uai.as_deref().and_then(|u| Uai::parse(u).ok()) {
                by_uai.insert(uai.as_str().to_owned(), o.id);
            }
        }
        let linked = formation_organisation::Entity::find()
            .select_only()
            .column(formation_organisation::Column::FormationId)
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        let fiches = rome_fiche::Entity::find()
            .select_only()
            .column(rome_fiche::Column::CodeRome)
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        Ok(FormationImport {
            fiches,
            formations: Sync::load(&txn, |m: &formation::Model| m.id.clone()).await?,
            codes: Sync::load(&txn, |m: &formation_code::Model| {
                format!("{}\u{1f}{}\u{1f}{}", m.formation_id, m.kind, m.code)
            })
            .await?,
            actions: Sync::load(&txn, |m: &formation_action::Model| m.id.clone()).await?,
            sessions: Sync::load(&txn, |m: &formation_session::Model| m.id.clone()).await?,
            updated: HashSet::new(),
            by_siret,
            by_uai,
            linked,
            links: Counts::default(),
            communes: None,
            txn,
        })
    }
}

impl FormationImport {
    /// Whether the ROME referential of the catalogue has this trade.
    pub fn knows_fiche(&self, code: &str) -> bool {
        self.fiches.contains(code)
    }

    /// The current commune nearest to a position (within about 35 km), when
    /// communes are imported.
    pub async fn nearest_commune(
        &mut self,
        position: GeoPoint,
    ) -> Result<Option<CommuneProche>, StoreError> {
        if self.communes.is_none() {
            let mut grid = Nearest::new();
            for c in commune::Entity::find()
                .filter(commune::Column::Kind.eq("commune-actuelle"))
                .all(&self.txn)
                .await?
            {
                if let Some(point) = GeoPoint::from_columns(c.latitude, c.longitude) {
                    grid.insert(point, (c.code_insee, c.departement));
                }
            }
            self.communes = Some(grid);
        }
        Ok(self
            .communes
            .as_ref()
            .and_then(|grid| grid.nearest(position))
            .map(|(commune, _)| commune.clone()))
    }

    /// Stores a training with its codes, actions and sessions. Returns
    /// `false` for a training whose identifier an earlier one of the same
    /// import used with other values (the first is kept).
    pub async fn formation(&mut self, f: Formation) -> Result<bool, StoreError> {
        let id = formation_id(&f);
        let empreinte = f
            .lheo
            .as_ref()
            .map(|xml| hex::encode(Sha256::digest(xml.as_bytes())));
        let organisme = &f.organisme;
        let model = formation::Model {
            id: id.clone(),
            source: f.source.as_str().to_owned(),
            numero: f.numero.clone(),
            intitule: f.intitule.clone(),
            objectif: f.objectif.clone(),
            contenu: f.contenu.clone(),
            resultats_attendus: f.resultats_attendus.clone(),
            certifiante: f.certifiante,
            parcours: f.parcours.clone(),
            objectif_general: f.objectif_general.clone(),
            niveau_entree: f.niveau_entree.clone(),
            niveau_sortie: f.niveau_sortie.map(i16::from),
            url: f.url.clone(),
            organisme_nom: organisme.nom.clone(),
            organisme_raison_sociale: organisme.raison_sociale.clone(),
            organisme_siret: organisme.siret.clone(),
            organisme_uai: organisme.uai.clone(),
            organisme_numero_activite: organisme.numero_activite.clone(),
            organisme_lieu: organisme.lieu.as_ref().map(json).transpose()?,
            contact: f.contact.as_ref().map(json).transpose()?,
            lheo_empreinte: empreinte,
        };
        let before = self.formations.counts;
        if !self.formations.push(&self.txn, model).await? {
            return Ok(false);
        }
        let after = self.formations.counts;
        if after.updated > before.updated {
            self.updated.insert(id.clone());
        }
        if after.updated > before.updated {
            formation_lheo::Entity::delete_by_id(id.clone())
                .exec(&self.txn)
                .await?;
        }
        if (after.inserted > before.inserted || after.updated > before.updated)
            && let Some(xml) = &f.lheo
        {
            let row = formation_lheo::Model {
                formation_id: id.clone(),
                xml: xml.clone(),
            };
            formation_lheo::Entity::insert(row.into_active_model())
                .exec_without_returning(&self.txn)
                .await?;
        }
        self.link(&id, organisme.siret.as_deref(), organisme.uai.as_deref())
            .await?;
        for (kind, code) in &f.codes {
            let model = formation_code::Model {
                formation_id: id.clone(),
                kind: kind.as_str().to_owned(),
                code: code.clone(),
            };
            self.codes.push(&self.txn, model).await?;
        }
        for action in f.actions {
            let action_id = format!("{id}/{}", action.numero);
            let lieu = action.lieu.clone().unwrap_or_default();
            let model = formation_action::Model {
                id: action_id.clone(),
                formation_id: id.clone(),
                numero: action.numero,
                modalite: action.modalite.as_str().to_owned(),
                public_vise: json(&action.public_vise)?,
                prerequis: action.prerequis,
                rythme: action.rythme,
                alternance: action.alternance,
                enseignement: action.enseignement,
                entrees_sorties: action.entrees_sorties,
                duree_heures: action.duree_heures,
                prix: action.prix,
                financeurs: json(&action.financeurs)?,
                lieu_nom: lieu.nom,
                lieu_adresse: lieu.adresse,
                lieu_code_postal: lieu.code_postal,
                lieu_ville: lieu.ville,
                lieu_commune_insee: lieu.commune_insee,
                lieu_departement: lieu.departement,
                latitude: lieu.latitude,
                longitude: lieu.longitude,
                formateur_siret: action.formateur_siret,
                formateur_nom: action.formateur_nom,
                capacite: action
                    .attractivite
                    .map(|a| i32::try_from(a.capacite).unwrap_or(i32::MAX)),
                premiers_voeux: action
                    .attractivite
                    .map(|a| i32::try_from(a.premiers_voeux).unwrap_or(i32::MAX)),
                campagne: action.attractivite.map(|a| i32::from(a.campagne)),
            };
            // An action number given twice in one training keeps its first
            // description, as for any duplicate key.
            self.actions.push(&self.txn, model).await?;
            for session in action.sessions {
                let model = formation_session::Model {
                    id: format!("{action_id}/{}", session.numero),
                    action_id: action_id.clone(),
                    numero: session.numero,
                    debut: session.debut,
                    fin: session.fin,
                    etat_recrutement: session.etat_recrutement,
                };
                self.sessions.push(&self.txn, model).await?;
            }
        }
        Ok(true)
    }

    /// Links a training without a link to the organisation with its SIRET
    /// (else its UAI).
    async fn link(
        &mut self,
        id: &str,
        siret: Option<&str>,
        uai: Option<&str>,
    ) -> Result<(), StoreError> {
        if self.linked.contains(id) {
            return Ok(());
        }
        let by_siret = siret
            .and_then(|s| Siret::parse(s).ok())
            .and_then(|s| self.by_siret.get(s.as_str()));
        let by_uai = uai
            .and_then(|u| Uai::parse(u).ok())
            .and_then(|u| self.by_uai.get(u.as_str()));
        if let Some(&organisation_id) = by_siret.or(by_uai) {
            let row = formation_organisation::Model {
                formation_id: id.to_owned(),
                organisation_id,
            };
            formation_organisation::Entity::insert(row.into_active_model())
                .exec_without_returning(&self.txn)
                .await?;
            self.linked.insert(id.to_owned());
            self.links.inserted += 1;
        }
        Ok(())
    }

    /// Removes what updated trainings no longer have.
    async fn remove_stale(&mut self) -> Result<(), StoreError> {
        let updated: Vec<String> = self.updated.iter().cloned().collect();
        for chunk in updated.chunks(200) {
            let actions = formation_action::Entity::find()
                .filter(formation_action::Column::FormationId.is_in(chunk.iter().cloned()))
                .all(&self.txn)
                .await?;
            let action_ids: Vec<String> = actions.iter().map(|a| a.id.clone()).collect();
            let stale_actions: Vec<String> = action_ids
                .iter()
                .filter(|id| !self.actions.seen(id))
                .cloned()
                .collect();
            let stale_sessions: Vec<String> = formation_session::Entity::find()
                .filter(formation_session::Column::ActionId.is_in(action_ids))
                .all(&self.txn)
                .await?
                .into_iter()
                .map(|s| s.id)
                .filter(|id| !self.sessions.seen(id))
                .collect();
            let stale_codes: Vec<formation_code::Model> = formation_code::Entity::find()
                .filter(formation_code::Column::FormationId.is_in(chunk.iter().cloned()))
                .all(&self.txn)
                .await?
                .into_iter()
                .filter(|c| {
                    !self.codes.seen(&format!(
                        "{}\u{1f}{}\u{1f}{}",
                        c.formation_id, c.kind, c.code
                    ))
                })
                .collect();
            if !stale_sessions.is_empty() {
                formation_session::Entity::delete_many()
                    .filter(formation_session::Column::Id.is_in(stale_sessions))
                    .exec(&self.txn)
                    .await?;
            }
            if !stale_actions.is_empty() {
                formation_action::Entity::delete_many()
                    .filter(formation_action::Column::Id.is_in(stale_actions))
                    .exec(&self.txn)
                    .await?;
            }
            for c in stale_codes {
                formation_code::Entity::delete_by_id((c.formation_id, c.kind, c.code))
                    .exec(&self.txn)
                    .await?;
            }
        }
        Ok(())
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.formations.flush(&self.txn).await?;
        self.codes.flush(&self.txn).await?;
        self.actions.flush(&self.txn).await?;
        self.sessions.flush(&self.txn).await?;
        self.remove_stale().await?;
        let counts = vec![
            ("formations", self.formations.counts),
            ("formations : codes", self.codes.counts),
            ("actions", self.actions.counts),
            ("sessions", self.sessions.counts),
            ("liens vers l'annuaire", self.links),
        ];
        self.txn.commit().await?;
        Ok(counts)
    }
}

/// A value stored as JSON, read back.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(value: &str) -> Result<T, StoreError> {
    serde_json::from_str(value).map_err(|e| StoreError::Corrupt(format!("{e} : {value}")))
}
