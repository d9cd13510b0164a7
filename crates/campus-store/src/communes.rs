//! Communes in the catalogue: their import and look-ups by name or postal
//! code (to place a visitor, a training or an event).

use std::collections::HashMap;

use campus_domain::commune::Commune;
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::entity::{commune, commune_code_postal};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// The kind of the rows of communes that exist today (the file also lists
/// former communes and municipal arrondissements).
const CURRENT: &str = "commune-actuelle";

/// An import of communes under way.
pub struct CommuneImport {
    txn: DatabaseTransaction,
    communes: Sync<commune::Entity>,
    codes_postaux: Sync<commune_code_postal::Entity>,
}

impl Store {
    pub async fn begin_commune_import(&self) -> Result<CommuneImport, StoreError> {
        let txn = self.write().await?;
        Ok(CommuneImport {
            communes: Sync::load(&txn, |m: &commune::Model| {
                format!("{}/{}", m.code_insee, m.kind)
            })
            .await?,
            codes_postaux: Sync::load(&txn, |m: &commune_code_postal::Model| {
                format!("{}/{}", m.code_insee, m.code_postal)
            })
            .await?,
            txn,
        })
    }

    pub async fn count_communes(&self) -> Result<u64, StoreError> {
        Ok(commune::Entity::find().count(self.conn()).await?)
    }

    /// Every current commune with its postal codes (in order), for the
    /// in-memory index that completes and locates them on each node.
    pub async fn current_communes(&self) -> Result<Vec<(commune::Model, Vec<String>)>, StoreError> {
        let mut codes: HashMap<String, Vec<String>> = HashMap::new();
        for c in commune_code_postal::Entity::find()
            .order_by_asc(commune_code_postal::Column::CodePostal)
            .all(self.conn())
            .await?
        {
            codes.entry(c.code_insee).or_default().push(c.code_postal);
        }
        Ok(commune::Entity::find()
            .filter(commune::Column::Kind.eq(CURRENT))
            .order_by_asc(commune::Column::CodeInsee)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| {
                let postal = codes.remove(&c.code_insee).unwrap_or_default();
                (c, postal)
            })
            .collect())
    }
}

impl CommuneImport {
    pub async fn commune(&mut self, c: Commune) -> Result<bool, StoreError> {
        let code_insee = c.code_insee.clone();
        let model = commune::Model {
            code_insee: c.code_insee,
            kind: c.kind,
            nom: c.nom,
            departement: c.departement,
            region: c.region,
            population: c.population,
            latitude: c.position.map(|p| p.0),
            longitude: c.position.map(|p| p.1),
        };
        if !self.communes.push(&self.txn, model).await? {
            return Ok(false);
        }
        for code_postal in c.codes_postaux {
            let link = commune_code_postal::Model {
                code_insee: code_insee.clone(),
                code_postal,
            };
            self.codes_postaux.push(&self.txn, link).await?;
        }
        Ok(true)
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.communes.flush(&self.txn).await?;
        self.codes_postaux.flush(&self.txn).await?;
        let counts = vec![
            ("communes", self.communes.counts),
            ("codes postaux", self.codes_postaux.counts),
        ];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}
