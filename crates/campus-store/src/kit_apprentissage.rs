//! The « Kit apprentissage » in the catalogue. The import owns the table
//! alone: a row the newer kit no longer lists is deleted.

use campus_domain::certification::KitApprentissage;
use sea_orm::{DatabaseTransaction, EntityTrait};

use crate::entity::kit_apprentissage;
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the kit under way.
pub struct KitImport {
    txn: DatabaseTransaction,
    rows: Sync<kit_apprentissage::Entity>,
}

fn key(m: &kit_apprentissage::Model) -> String {
    format!("{}/{}", m.cfd, m.code_rncp)
}

impl Store {
    pub async fn begin_kit_import(&self) -> Result<KitImport, StoreError> {
        let txn = self.write().await?;
        Ok(KitImport {
            rows: Sync::load(&txn, key).await?,
            txn,
        })
    }
}

impl KitImport {
    pub async fn ligne(&mut self, k: KitApprentissage) -> Result<bool, StoreError> {
        let model = kit_apprentissage::Model {
            cfd: k.cfd,
            code_rncp: k.rncp.map(|c| c.as_str().to_owned()).unwrap_or_default(),
            intitule: k.intitule,
            niveau: k.niveau.map(i32::from),
            abrege: k.abrege.map(|a| a.chars().take(64).collect()),
            apprentissage: k.apprentissage,
            echeance: k.echeance,
            active: k.active,
        };
        self.rows.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.rows.flush(&self.txn).await?;
        for stale in self.rows.take_stale(|_| true) {
            if let Some((cfd, rncp)) = stale.split_once('/') {
                kit_apprentissage::Entity::delete_by_id((cfd.to_owned(), rncp.to_owned()))
                    .exec(&self.txn)
                    .await?;
            }
        }
        let counts = vec![("kit apprentissage", self.rows.counts)];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}
