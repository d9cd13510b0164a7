//! The BCN nomenclatures in the catalogue: their import and the look-ups
//! the certification pages need (a CFD's diploma, an NSF label, the
//! académie of a département).

use campus_domain::bcn::{DepartementAcademie, DiplomeBcn, DiplomeProfessionnel, NiveauBcn, Nsf};
use sea_orm::{DatabaseTransaction, EntityTrait};

use crate::entity::{bcn_departement, bcn_diplome, bcn_diplome_professionnel, bcn_niveau, nsf};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// Which BCN table a diploma came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceBcn {
    /// `N_FORMATION_DIPLOME`, the Éducation nationale's own.
    N,
    /// `V_FORMATION_DIPLOME`, every ministry's.
    V,
}

/// An import of the BCN under way.
pub struct BcnImport {
    txn: DatabaseTransaction,
    diplomes: Sync<bcn_diplome::Entity>,
    niveaux: Sync<bcn_niveau::Entity>,
    nsf: Sync<nsf::Entity>,
    professionnels: Sync<bcn_diplome_professionnel::Entity>,
    departements: Sync<bcn_departement::Entity>,
}

impl Store {
    pub async fn begin_bcn_import(&self) -> Result<BcnImport, StoreError> {
        let txn = self.write().await?;
        Ok(BcnImport {
            diplomes: Sync::load(&txn, |m: &bcn_diplome::Model| m.cfd.clone()).await?,
            niveaux: Sync::load(&txn, |m: &bcn_niveau::Model| m.code.clone()).await?,
            nsf: Sync::load(&txn, |m: &nsf::Model| m.code.clone()).await?,
            professionnels: Sync::load(&txn, |m: &bcn_diplome_professionnel::Model| {
                format!("{}/{}", m.cfd, m.code_rncp)
            })
            .await?,
            departements: Sync::load(&txn, |m: &bcn_departement::Model| m.code.clone()).await?,
            txn,
        })
    }

    /// A diploma by its CFD.
    pub async fn diplome_bcn(&self, cfd: &str) -> Result<bcn_diplome::Model, StoreError> {
        bcn_diplome::Entity::find_by_id(cfd.to_owned())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// An NSF category, domain or group by its code.
    pub async fn nsf(&self, code: &str) -> Result<nsf::Model, StoreError> {
        nsf::Entity::find_by_id(code.to_owned())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// A département with its académie and région (`45`, `2A`, `971`).
    pub async fn departement_academie(
        &self,
        code: &str,
    ) -> Result<bcn_departement::Model, StoreError> {
        bcn_departement::Entity::find_by_id(code.to_owned())
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
    }
}

impl BcnImport {
    /// Stores a diploma. `N` is read first and is the reference for the
    /// diplomas both tables list (see [`BcnImport::has_diplome`]).
    pub async fn diplome(&mut self, d: DiplomeBcn, source: SourceBcn) -> Result<bool, StoreError> {
        let model = bcn_diplome::Model {
            source: match source {
                SourceBcn::N => "N",
                SourceBcn::V => "V",
            }
            .to_owned(),
            cfd: d.cfd,
            niveau_formation: d.niveau_formation.chars().take(8).collect(),
            groupe_specialite: d.groupe_specialite.map(|g| g.chars().take(8).collect()),
            lettre_specialite: d.lettre_specialite.map(|l| l.chars().take(2).collect()),
            libelle_court: d.libelle_court.map(|l| l.chars().take(32).collect()),
            libelle: d.libelle,
            date_ouverture: d.date_ouverture,
            date_fermeture: d.date_fermeture,
            niveau: d.niveau.map(i32::from),
        };
        self.diplomes.push(&self.txn, model).await
    }

    /// Whether this import already stored the CFD: a `V` row for a
    /// diploma `N` gave is left out rather than reported as a duplicate.
    pub fn has_diplome(&self, cfd: &str) -> bool {
        self.diplomes.seen(cfd)
    }

    pub async fn niveau(&mut self, n: NiveauBcn) -> Result<bool, StoreError> {
        let model = bcn_niveau::Model {
            code: n.code.chars().take(8).collect(),
            niveau_interministeriel: n
                .niveau_interministeriel
                .map(|c| c.chars().take(8).collect()),
            libelle_court: n.libelle_court.map(|c| c.chars().take(32).collect()),
            libelle: n.libelle,
            niveau: n.niveau.map(i32::from),
        };
        self.niveaux.push(&self.txn, model).await
    }

    pub async fn nsf(&mut self, n: Nsf) -> Result<bool, StoreError> {
        let model = nsf::Model {
            code: n.code.chars().take(8).collect(),
            tier: n.tier.as_str().to_owned(),
            parent: n.parent.map(|p| p.chars().take(8).collect()),
            libelle: n.libelle,
        };
        self.nsf.push(&self.txn, model).await
    }

    pub async fn diplome_professionnel(
        &mut self,
        d: DiplomeProfessionnel,
    ) -> Result<bool, StoreError> {
        let model = bcn_diplome_professionnel::Model {
            cfd: d.cfd,
            code_rncp: d.rncp.map(|r| r.as_str().to_owned()).unwrap_or_default(),
            cpc: d.cpc,
            secteur: d.secteur,
            niveau: d.niveau.map(i32::from),
            diplome: d.diplome.chars().take(32).collect(),
            intitule: d.intitule,
            date_creation: d.date_creation.map(|c| c.chars().take(10).collect()),
            premiere_session: d.premiere_session.map(|c| c.chars().take(8).collect()),
            derniere_session: d.derniere_session.map(|c| c.chars().take(8).collect()),
            famille_metiers: d.famille_metiers,
        };
        self.professionnels.push(&self.txn, model).await
    }

    pub async fn departement(&mut self, d: DepartementAcademie) -> Result<bool, StoreError> {
        let model = bcn_departement::Model {
            code: d.departement,
            libelle: d.libelle,
            academie: d.academie.chars().take(8).collect(),
            academie_libelle: d.academie_libelle,
            region: d.region.chars().take(8).collect(),
            region_libelle: d.region_libelle,
        };
        self.departements.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.diplomes.flush(&self.txn).await?;
        self.niveaux.flush(&self.txn).await?;
        self.nsf.flush(&self.txn).await?;
        self.professionnels.flush(&self.txn).await?;
        self.departements.flush(&self.txn).await?;
        let counts = vec![
            ("diplômes BCN", self.diplomes.counts),
            ("niveaux BCN", self.niveaux.counts),
            ("NSF", self.nsf.counts),
            ("diplômes professionnels", self.professionnels.counts),
            ("départements", self.departements.counts),
        ];
        self.txn.commit().await?;
        Ok(counts)
    }
}
