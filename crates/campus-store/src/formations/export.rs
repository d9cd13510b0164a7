//! Reading the stored LHÉO elements in pages, for an export that streams.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{formation, formation_lheo};
use crate::{Store, StoreError};

impl Store {
    /// Up to `limit` LHÉO `<formation>` elements, in identifier order,
    /// after the training `after` (from the start when `None`): the caller
    /// pages through the catalogue with memory for one page only.
    pub async fn lheo_elements(
        &self,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<formation_lheo::Model>, StoreError> {
        let mut query = formation_lheo::Entity::find()
            .order_by_asc(formation_lheo::Column::FormationId)
            .limit(limit);
        if let Some(after) = after {
            query = query.filter(formation_lheo::Column::FormationId.gt(after));
        }
        Ok(query.all(self.conn()).await?)
    }

    /// How many trainings have no LHÉO element (those of the
    /// higher-education extracts, which lack what LHÉO requires, such as
    /// the body's SIRET), hence are left out of an LHÉO export.
    pub async fn count_formations_without_lheo(&self) -> Result<u64, StoreError> {
        let total = formation::Entity::find().count(self.conn()).await?;
        let with = formation_lheo::Entity::find().count(self.conn()).await?;
        Ok(total.saturating_sub(with))
    }
}
