//! The catalogue generation: bumped in the same transaction as every write
//! to the catalogue (imports that changed something, organisation edits),
//! read by each serving node every few seconds to know whether its search
//! index is still current. One integer read is all a node pays when
//! nothing changed.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::entity::catalogue_generation;
use crate::sync::Counts;
use crate::{Store, StoreError};

/// Records a write to the catalogue. Concurrent writers each add one:
/// the increment happens in the database, never read-modify-write here.
pub(crate) async fn bump<C: ConnectionTrait>(conn: &C) -> Result<(), StoreError> {
    catalogue_generation::Entity::update_many()
        .col_expr(
            catalogue_generation::Column::Generation,
            Expr::col(catalogue_generation::Column::Generation).add(1),
        )
        .filter(catalogue_generation::Column::Id.eq(1))
        .exec(conn)
        .await?;
    Ok(())
}

/// Bumps the generation when an import changed any row: re-importing the
/// same files leaves every node's index alone.
pub(crate) async fn bump_if_changed<C: ConnectionTrait>(
    conn: &C,
    counts: &[(&'static str, Counts)],
) -> Result<(), StoreError> {
    if counts.iter().any(|(_, c)| c.inserted + c.updated > 0) {
        bump(conn).await?;
    }
    Ok(())
}

impl Store {
    /// The current catalogue generation.
    pub async fn catalogue_generation(&self) -> Result<u64, StoreError> {
        let row = catalogue_generation::Entity::find_by_id(1)
            .one(self.conn())
            .await?
            .ok_or_else(|| StoreError::Corrupt("génération du catalogue absente".to_owned()))?;
        u64::try_from(row.generation)
            .map_err(|_| StoreError::Corrupt("génération du catalogue négative".to_owned()))
    }
}
