//! ONISEP's list of initial-training diplomas, attached to certifications
//! by their RNCP code.

use campus_domain::onisep::FormationOnisep;
use sea_orm::DatabaseTransaction;

use crate::entity::onisep_formation;
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the Idéo list under way.
pub struct OnisepImport {
    txn: DatabaseTransaction,
    formations: Sync<onisep_formation::Entity>,
}

impl Store {
    pub async fn begin_onisep_import(&self) -> Result<OnisepImport, StoreError> {
        let txn = self.write().await?;
        Ok(OnisepImport {
            formations: Sync::load(&txn, |m: &onisep_formation::Model| m.id.clone()).await?,
            txn,
        })
    }
}

impl OnisepImport {
    pub async fn formation(&mut self, f: FormationOnisep) -> Result<bool, StoreError> {
        let short = |v: Option<String>| v.map(|s| s.chars().take(32).collect::<String>());
        let model = onisep_formation::Model {
            id: f.id.chars().take(16).collect(),
            libelle: f.libelle,
            type_sigle: short(f.type_sigle),
            type_libelle: f.type_libelle,
            sigle: short(f.sigle),
            duree: short(f.duree),
            code_rncp: f.rncp.map(|r| r.as_str().to_owned()),
            niveau: f.niveau.map(|n| i32::from(n.value())),
            nsf: f.nsf.map(|n| n.chars().take(8).collect()),
            tutelle: f.tutelle,
            url: f.url,
            domaines: f.domaines.join(" | "),
        };
        self.formations.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.formations.flush(&self.txn).await?;
        let counts = vec![("formations ONISEP", self.formations.counts)];
        self.txn.commit().await?;
        Ok(counts)
    }
}
