//! Several nodes starting at once on one PostgreSQL database (a rolling
//! deployment): the node that prepares the database — migrations, first
//! loading of the demonstration data and of the embedded subset — holds an
//! advisory lock; the others wait for it, then find the work done (each
//! step checks what is already there). Without the lock, two nodes created
//! the same tables or loaded the same organisations at the same moment and
//! the second one stopped on a unique key.

use sea_orm::{ConnectionTrait, DatabaseTransaction};

use crate::{Backend, Store, StoreError};

/// The lock's key: any number, the same for every node of every version.
const STARTUP_LOCK_KEY: i64 = 0x6361_6d70_7573;

/// Held while this node prepares the database; see [`Store::startup_lock`].
pub struct StartupLock {
    /// On PostgreSQL, the transaction that holds the lock: a transaction
    /// lock is released when the transaction ends, even when the node
    /// stops half-way and the guard is dropped without
    /// [`StartupLock::release`].
    txn: Option<DatabaseTransaction>,
}

impl Store {
    /// Waits until no other node is preparing the database, then keeps the
    /// others waiting until [`StartupLock::release`]. The lock holds one
    /// connection of the pool, so the work done under it uses the others
    /// (a PostgreSQL pool has at least three). On SQLite, one file is served
    /// by one node: there is nothing to wait for.
    pub async fn startup_lock(&self) -> Result<StartupLock, StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(StartupLock { txn: None });
        }
        let txn = self.write().await?;
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({STARTUP_LOCK_KEY})"))
            .await?;
        Ok(StartupLock { txn: Some(txn) })
    }
}

impl StartupLock {
    /// Lets the next node in.
    pub async fn release(mut self) -> Result<(), StoreError> {
        if let Some(txn) = self.txn.take() {
            txn.commit().await?;
        }
        Ok(())
    }
}
