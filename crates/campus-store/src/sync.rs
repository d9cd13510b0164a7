//! Idempotent loading of referential rows.
//!
//! The rows already stored are read once into a map of key → fingerprint
//! (the referential's size, not the file's; a fingerprint is a digest of
//! the row, so that long texts — a fiche's activities, a bloc's
//! assessment — are not held in memory); each incoming row is then
//! counted as inserted (batched, many rows per statement), updated (only
//! when a field differs) or unchanged. Importing the same file twice
//! therefore writes nothing the second time.

use std::collections::HashMap;
use std::fmt::Debug;

use futures_util::TryStreamExt;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    StreamTrait,
};

use sha2::{Digest, Sha256};

use crate::StoreError;

/// What an import did to one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows a newer file no longer lists (only for the tables an import
    /// owns alone).
    pub deleted: u64,
}

impl Counts {
    pub fn total(&self) -> u64 {
        self.inserted + self.updated + self.unchanged
    }
}

/// A digest of a row's values: equal rows, equal digests.
type Fingerprint = [u8; 16];

fn fingerprint<M: Debug>(model: &M) -> Fingerprint {
    let digest = Sha256::digest(format!("{model:?}").as_bytes());
    let mut short = [0u8; 16];
    short.copy_from_slice(&digest[..16]);
    short
}

/// Rows per multi-row INSERT: well under the parameter limits of both
/// databases for the widest ROME table.
const BATCH: usize = 400;

/// A stored or queued row: its fingerprint, and whether this run met its
/// key (a second row with the same key is a duplicate of the file, not a
/// change). One map for both keeps a single copy of each key.
struct Known {
    fingerprint: Fingerprint,
    seen: bool,
}

pub(crate) struct Sync<E: EntityTrait> {
    existing: HashMap<String, Known>,
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
    /// Reads the stored rows one at a time: a table of long texts is
    /// never held whole in memory.
    pub(crate) async fn load<C: ConnectionTrait + StreamTrait>(
        conn: &C,
        key: fn(&E::Model) -> String,
    ) -> Result<Self, StoreError> {
        let mut existing = HashMap::new();
        let mut rows = E::find().stream(conn).await?;
        while let Some(model) = rows.try_next().await? {
            let known = Known {
                fingerprint: fingerprint(&model),
                seen: false,
            };
            existing.insert(key(&model), known);
        }
        drop(rows);
        Ok(Sync {
            existing,
            batch: Vec::new(),
            key,
            counts: Counts::default(),
        })
    }

    /// Whether a row with this key is stored or queued.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.existing.contains_key(key)
    }

    /// Whether this import already brought a row with this key.
    pub(crate) fn seen(&self, key: &str) -> bool {
        self.existing.get(key).is_some_and(|k| k.seen)
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
        let fingerprint = fingerprint(&model);
        match self.existing.get_mut(&key) {
            Some(known) if known.seen => {
                let same = known.fingerprint == fingerprint;
                if same {
                    self.counts.unchanged += 1;
                }
                return Ok(same);
            }
            Some(known) if known.fingerprint == fingerprint => {
                known.seen = true;
                self.counts.unchanged += 1;
            }
            Some(_) => {
                // The row may still be in the pending batch.
                self.flush(conn).await?;
                model.into_active_model().reset_all().update(conn).await?;
                let known = Known {
                    fingerprint,
                    seen: true,
                };
                self.existing.insert(key, known);
                self.counts.updated += 1;
            }
            None => {
                let known = Known {
                    fingerprint,
                    seen: true,
                };
                self.existing.insert(key, known);
                self.batch.push(model.into_active_model().reset_all());
                self.counts.inserted += 1;
                if self.batch.len() >= BATCH {
                    self.flush(conn).await?;
                }
            }
        }
        Ok(true)
    }

    /// Keys stored before this import, among those `in_scope` accepts,
    /// that this import did not bring again: what the source dropped.
    /// They are forgotten here; the caller deletes the rows.
    pub(crate) fn take_stale(&mut self, in_scope: impl Fn(&str) -> bool) -> Vec<String> {
        let stale: Vec<String> = self
            .existing
            .iter()
            .filter(|(k, known)| !known.seen && in_scope(k))
            .map(|(k, _)| k.clone())
            .collect();
        for key in &stale {
            self.existing.remove(key);
        }
        self.counts.deleted += stale.len() as u64;
        stale
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
