//! Idempotent loading of referential rows.
//!
//! The rows already stored are read once into a map of key → fingerprint
//! (the referential's size, not the file's); each incoming row is then
//! counted as inserted (batched, many rows per statement), updated (only
//! when a field differs) or unchanged. Importing the same file twice
//! therefore writes nothing the second time.

use std::collections::{HashMap, HashSet};
use std::fmt::Debug;

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
};

use crate::StoreError;

/// What an import did to one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

impl Counts {
    pub fn total(&self) -> u64 {
        self.inserted + self.updated + self.unchanged
    }
}

/// Rows per multi-row INSERT: well under the parameter limits of both
/// databases for the widest ROME table.
const BATCH: usize = 400;

pub(crate) struct Sync<E: EntityTrait> {
    existing: HashMap<String, String>,
    /// Keys met in this run: a second row with the same key is a duplicate
    /// of the file, not a change.
    seen: HashSet<String>,
    batch: Vec<E::ActiveModel>,
    key: fn(&E::Model) -> String,
    pub(crate) counts: Counts,
}

impl<E> Sync<E>
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel> + Debug,
    E::ActiveModel: ActiveModelTrait<Entity = E> + ActiveModelBehavior + Send,
{
    pub(crate) async fn load<C: ConnectionTrait>(
        conn: &C,
        key: fn(&E::Model) -> String,
    ) -> Result<Self, StoreError> {
        let existing = E::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|m| (key(&m), format!("{m:?}")))
            .collect();
        Ok(Sync {
            existing,
            seen: HashSet::new(),
            batch: Vec::new(),
            key,
            counts: Counts::default(),
        })
    }

    /// Whether a row with this key is stored or queued.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.existing.contains_key(key)
    }

    /// Whether a row with this key came in this import.
    pub(crate) fn seen(&self, key: &str) -> bool {
        self.seen.contains(key)
    }

    /// Stores `model`. Returns `false` for a row whose key an earlier row
    /// of the same import already used with other values: the first one is
    /// kept, and the caller reports this one.
    pub(crate) async fn push<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        model: E::Model,
    ) -> Result<bool, StoreError> {
        let key = (self.key)(&model);
        let fingerprint = format!("{model:?}");
        if !self.seen.insert(key.clone()) {
            let same = self.existing.get(&key) == Some(&fingerprint);
            if same {
                self.counts.unchanged += 1;
            }
            return Ok(same);
        }
        match self.existing.get(&key) {
            None => {
                self.existing.insert(key, fingerprint);
                self.batch.push(model.into_active_model().reset_all());
                self.counts.inserted += 1;
                if self.batch.len() >= BATCH {
                    self.flush(conn).await?;
                }
            }
            Some(stored) if *stored == fingerprint => self.counts.unchanged += 1,
            Some(_) => {
                // The row may still be in the pending batch.
                self.flush(conn).await?;
                model.into_active_model().reset_all().update(conn).await?;
                self.existing.insert(key, fingerprint);
                self.counts.updated += 1;
            }
        }
        Ok(true)
    }

    pub(crate) async fn flush<C: ConnectionTrait>(&mut self, conn: &C) -> Result<(), StoreError> {
        if !self.batch.is_empty() {
            E::insert_many(std::mem::take(&mut self.batch))
                .exec_without_returning(conn)
                .await?;
        }
        Ok(())
    }
}
