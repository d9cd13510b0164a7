//! Communes in the catalogue: their import and look-ups by name or postal
//! code (to place a visitor, a training or an event).

use campus_domain::commune::Commune;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use crate::entity::{commune, commune_code_postal};
use crate::sync::{Counts, Sync};
use crate::users::escape_like;
use crate::{Store, StoreError};

/// An import of communes under way.
pub struct CommuneImport {
    txn: DatabaseTransaction,
    communes: Sync<commune::Entity>,
    codes_postaux: Sync<commune_code_postal::Entity>,
}

impl Store {
    pub async fn begin_commune_import(&self) -> Result<CommuneImport, StoreError> {
        let txn = self.conn().begin().await?;
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

    /// Current communes whose name starts with `prefix` (accents and case
    /// as typed), most populated first.
    pub async fn communes_named(
        &self,
        prefix: &str,
        limit: u64,
    ) -> Result<Vec<commune::Model>, StoreError> {
        let pattern = format!("{}%", escape_like(&prefix.to_lowercase()));
        Ok(commune::Entity::find()
            .filter(commune::Column::Kind.eq("commune-actuelle"))
            .filter(Expr::expr(Func::lower(Expr::col(commune::Column::Nom))).like(pattern))
            .order_by_desc(commune::Column::Population)
            .limit(limit)
            .all(self.conn())
            .await?)
    }

    /// The current communes served by a postal code.
    pub async fn communes_of_code_postal(
        &self,
        code_postal: &str,
    ) -> Result<Vec<commune::Model>, StoreError> {
        let codes: Vec<String> = commune_code_postal::Entity::find()
            .filter(commune_code_postal::Column::CodePostal.eq(code_postal))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| c.code_insee)
            .collect();
        Ok(commune::Entity::find()
            .filter(commune::Column::CodeInsee.is_in(codes))
            .filter(commune::Column::Kind.eq("commune-actuelle"))
            .order_by_desc(commune::Column::Population)
            .all(self.conn())
            .await?)
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
