//! France compétences' RNCP correspondence tables of 2021 in the catalogue:
//! the trades each certification leads to and the blocs of the fiches as
//! they stood then. The import owns both tables alone: a row the file no
//! longer lists is deleted.

use campus_domain::certification::{Bloc, CorrespondanceRome};
use sea_orm::{DatabaseTransaction, EntityTrait};

use crate::entity::{rncp_correspondance_bloc, rncp_correspondance_rome};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the 2021 tables under way.
pub struct CorrespondancesImport {
    txn: DatabaseTransaction,
    romes: Sync<rncp_correspondance_rome::Entity>,
    blocs: Sync<rncp_correspondance_bloc::Entity>,
}

fn rome_key(m: &rncp_correspondance_rome::Model) -> String {
    format!("{}/{}", m.certification, m.code_rome)
}

impl Store {
    pub async fn begin_correspondances_import(&self) -> Result<CorrespondancesImport, StoreError> {
        let txn = self.write().await?;
        Ok(CorrespondancesImport {
            romes: Sync::load(&txn, rome_key).await?,
            blocs: Sync::load(&txn, |m: &rncp_correspondance_bloc::Model| m.code.clone()).await?,
            txn,
        })
    }
}

impl CorrespondancesImport {
    pub async fn rome(&mut self, r: CorrespondanceRome) -> Result<bool, StoreError> {
        let model = rncp_correspondance_rome::Model {
            certification: r.certification.as_str().to_owned(),
            code_rome: r.code_rome.as_str().to_owned(),
            libelle: r.libelle,
        };
        self.romes.push(&self.txn, model).await
    }

    pub async fn bloc(&mut self, b: Bloc) -> Result<bool, StoreError> {
        let model = rncp_correspondance_bloc::Model {
            code: b.code.chars().take(32).collect(),
            certification: b.certification.as_str().to_owned(),
            libelle: b.libelle,
        };
        self.blocs.push(&self.txn, model).await
    }

    /// Whether this import brought the table of blocs: without it, the
    /// stored blocs stay as they are.
    pub async fn commit(
        mut self,
        with_blocs: bool,
    ) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.romes.flush(&self.txn).await?;
        self.blocs.flush(&self.txn).await?;
        for key in self.romes.take_stale(|_| true) {
            if let Some((certification, rome)) = key.split_once('/') {
                rncp_correspondance_rome::Entity::delete_by_id((
                    certification.to_owned(),
                    rome.to_owned(),
                ))
                .exec(&self.txn)
                .await?;
            }
        }
        if with_blocs {
            for key in self.blocs.take_stale(|_| true) {
                rncp_correspondance_bloc::Entity::delete_by_id(key)
                    .exec(&self.txn)
                    .await?;
            }
        }
        let counts = vec![
            ("correspondances RNCP → ROME (2021)", self.romes.counts),
            ("blocs de compétences (2021)", self.blocs.counts),
        ];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}
