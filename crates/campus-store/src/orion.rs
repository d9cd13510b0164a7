//! Orion's attractiveness and enrolment counts in the store, read by the
//! evaluation beside InserJeunes. The import owns the table alone: a row
//! the newer files no longer list is deleted.

use campus_domain::Uai;
use campus_domain::evaluation::attractivite::LigneAttractivite;
use campus_domain::evaluation::orion::{LigneOrion, SourceOrion, StatutOrion};
use sea_orm::{DatabaseTransaction, EntityTrait};

use crate::entity::orion;
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of Orion's files under way.
pub struct OrionImport {
    txn: DatabaseTransaction,
    rows: Sync<orion::Entity>,
}

fn key(m: &orion::Model) -> String {
    format!(
        "{}/{}/{}/{}/{}",
        m.source, m.annee, m.uai, m.mef_stat_11, m.statut
    )
}

fn count(value: Option<u32>) -> Option<i32> {
    value.and_then(|v| i32::try_from(v).ok())
}

impl Store {
    pub async fn begin_orion_import(&self) -> Result<OrionImport, StoreError> {
        let txn = self.write().await?;
        Ok(OrionImport {
            rows: Sync::load(&txn, key).await?,
            txn,
        })
    }

    /// One school × programme of one source and year.
    pub async fn ligne_orion(
        &self,
        source: &str,
        annee: i16,
        uai: &str,
        mef_stat_11: &str,
        statut: &str,
    ) -> Result<orion::Model, StoreError> {
        orion::Entity::find_by_id((
            source.to_owned(),
            annee,
            uai.to_owned(),
            mef_stat_11.to_owned(),
            statut.to_owned(),
        ))
        .one(self.conn())
        .await?
        .ok_or(StoreError::NotFound)
    }
}

impl OrionImport {
    /// Queues one row with the diploma it leads to when known. `false`
    /// when the files already gave the same key other values.
    pub async fn ligne(&mut self, l: LigneOrion, cfd: Option<String>) -> Result<bool, StoreError> {
        let model = orion::Model {
            source: l.source.as_str().to_owned(),
            annee: i16::try_from(l.annee).unwrap_or(i16::MAX),
            uai: l.uai.as_str().to_owned(),
            mef_stat_11: l.mef_stat_11,
            statut: l.statut.as_str().to_owned(),
            cfd,
            libelle: l.libelle,
            capacite: count(l.capacite),
            voeux: count(l.voeux),
            effectif: count(l.effectif),
        };
        self.rows.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.rows.flush(&self.txn).await?;
        for stale in self.rows.take_stale(|_| true) {
            let parts: Vec<&str> = stale.splitn(5, '/').collect();
            if let [source, annee, uai, mef, statut] = parts[..]
                && let Ok(annee) = annee.parse::<i16>()
            {
                orion::Entity::delete_by_id((
                    source.to_owned(),
                    annee,
                    uai.to_owned(),
                    mef.to_owned(),
                    statut.to_owned(),
                ))
                .exec(&self.txn)
                .await?;
            }
        }
        let counts = vec![("orion", self.rows.counts)];
        self.txn.commit().await?;
        Ok(counts)
    }
}

impl Store {
    /// Every row of Orion with the level and NSF speciality of its
    /// diploma (from the BCN), for the comparisons of the evaluation. A
    /// row whose codes no longer read (a source or status the platform
    /// does not know) is left out rather than guessed.
    pub async fn lignes_attractivite(&self) -> Result<Vec<LigneAttractivite>, StoreError> {
        let diplomes = self.diplomes_lus().await?;
        let rows = orion::Entity::find().all(self.conn()).await?;
        let count = |v: Option<i32>| v.and_then(|v| u32::try_from(v).ok());
        Ok(rows
            .into_iter()
            .filter_map(|m| {
                let diplome = m.cfd.as_ref().and_then(|c| diplomes.get(c));
                Some(LigneAttractivite {
                    orion: LigneOrion {
                        source: SourceOrion::parse(&m.source).ok()?,
                        annee: u16::try_from(m.annee).ok()?,
                        uai: Uai::parse(&m.uai).ok()?,
                        mef_stat_11: m.mef_stat_11,
                        statut: StatutOrion::parse(&m.statut).ok()?,
                        libelle: m.libelle,
                        capacite: count(m.capacite),
                        voeux: count(m.voeux),
                        effectif: count(m.effectif),
                    },
                    niveau: diplome.and_then(|d| d.niveau),
                    nsf: diplome.and_then(|d| d.nsf.clone()),
                    cfd: m.cfd,
                })
            })
            .collect())
    }
}
