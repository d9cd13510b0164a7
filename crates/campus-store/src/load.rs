//! Loading the rows a list refers to (the organisation of each event, the
//! user of each booking…) in one query per table instead of one per row:
//! the one way the store assembles such lists.
//!
//! The entities declare no SeaORM relations, so `LoaderTrait` cannot be
//! used; this helper does what its `load_one` does, keyed by any column.

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Value};

use crate::StoreError;

/// How many keys one query binds at most: far below the limits of both
/// backends (32,766 variables in SQLite, 65,535 in PostgreSQL).
const KEYS_PER_QUERY: usize = 1000;

/// The rows of `E` whose `column` is one of `keys`, indexed by
/// `key_of(row)`. Keys repeated in the input are asked once; no query
/// for no key; a key with no row is simply absent from the map (the caller
/// decides whether that is corrupt data or a row deleted meanwhile).
pub(crate) async fn by_keys<E, C, V, K>(
    conn: &C,
    column: E::Column,
    keys: impl IntoIterator<Item = V>,
    key_of: impl Fn(&E::Model) -> K,
) -> Result<HashMap<K, E::Model>, StoreError>
where
    E: EntityTrait,
    C: ConnectionTrait,
    V: Into<Value> + Ord,
    K: Eq + Hash,
{
    let keys: Vec<V> = keys
        .into_iter()
        .collect::<BTreeSet<V>>()
        .into_iter()
        .collect();
    let mut rows = HashMap::with_capacity(keys.len());
    let mut keys = keys.into_iter().peekable();
    while keys.peek().is_some() {
        let chunk: Vec<V> = keys.by_ref().take(KEYS_PER_QUERY).collect();
        for row in E::find().filter(column.is_in(chunk)).all(conn).await? {
            rows.insert(key_of(&row), row);
        }
    }
    Ok(rows)
}
