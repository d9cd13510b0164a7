//! The catalogue generation: bumped in the same transaction as every write
//! to the catalogue (imports that changed something, organisation edits),
//! read by each serving node to know whether its search index is still
//! current. One integer read is all a node pays when nothing changed. On
//! PostgreSQL the bump also sends a notification that the other nodes
//! receive when the writer's transaction commits, so that they catch up
//! within a second instead of at their next poll; polling stays, for
//! SQLite and for a listening connection that was lost.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter};

use crate::entity::catalogue_generation;
use crate::sync::Counts;
use crate::{Backend, Store, StoreError};

/// The notification channel of catalogue writes.
const CHANNEL: &str = "campus_generation";

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
    if conn.get_database_backend() == DbBackend::Postgres {
        // Delivered at commit, and only if the transaction commits.
        conn.execute_unprepared(&format!("NOTIFY {CHANNEL}"))
            .await?;
    }
    Ok(())
}

/// Bumps the generation when an import changed any row, deletions
/// included: re-importing the same files leaves every node's index alone.
pub(crate) async fn bump_if_changed<C: ConnectionTrait>(
    conn: &C,
    counts: &[(&'static str, Counts)],
) -> Result<(), StoreError> {
    if counts
        .iter()
        .any(|(_, c)| c.inserted + c.updated + c.deleted > 0)
    {
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

/// Catalogue writes of other nodes as they are committed; see
/// [`Store::generation_changes`].
pub struct GenerationChanges {
    listener: Option<PgListener>,
}

impl Store {
    /// Listens for catalogue writes. On SQLite, or when PostgreSQL refuses
    /// the listening connection, [`GenerationChanges::changed`] never
    /// returns and the caller's polling does the work alone.
    pub async fn generation_changes(&self) -> GenerationChanges {
        if self.backend() != Backend::Postgres {
            return GenerationChanges { listener: None };
        }
        let pool = self.conn().get_postgres_connection_pool();
        let listener = match PgListener::connect_with(pool).await {
            Ok(mut listener) => match listener.listen(CHANNEL).await {
                Ok(()) => Some(listener),
                Err(e) => {
                    tracing::warn!(erreur = %e, "écoute des écritures du catalogue : interrogation périodique seule");
                    None
                }
            },
            Err(e) => {
                tracing::warn!(erreur = %e, "écoute des écritures du catalogue : interrogation périodique seule");
                None
            }
        };
        GenerationChanges { listener }
    }
}

impl GenerationChanges {
    /// Returns when another write to the catalogue was committed (or this
    /// node's own: catching up is then a no-op).
    pub async fn changed(&mut self) {
        let Some(listener) = self.listener.as_mut() else {
            return std::future::pending().await;
        };
        // `recv` reconnects by itself after a lost connection; an error
        // here means it could not, and polling takes over.
        if let Err(e) = listener.recv().await {
            tracing::warn!(erreur = %e, "écoute des écritures du catalogue perdue : interrogation périodique seule");
            self.listener = None;
        }
    }
}
