//! The first free slug of a table: the one rule by which events,
//! organisations and anything else with a readable address get one.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::StoreError;

/// `base` if no row of `E` has it in `column`, else `base-2`, `base-3`…
/// Read on the connection of the transaction that inserts the row, so that
/// the answer holds until it commits; the column's unique key still
/// refuses a slug another transaction took meanwhile (a conflict, retried
/// by the caller or answered 409). Gives up after 999 rows of the same
/// name, which no real name reaches.
pub(crate) async fn free_slug<E, C>(
    conn: &C,
    column: E::Column,
    base: &str,
) -> Result<String, StoreError>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    // Slug columns hold 80 characters (PostgreSQL enforces it): a long
    // base keeps room for the `-999` suffix.
    let base: String = base.chars().take(76).collect();
    let base = base.trim_end_matches('-');
    let mut candidate = base.to_owned();
    for n in 2..1000 {
        let taken = E::find()
            .filter(column.eq(candidate.as_str()))
            .count(conn)
            .await?;
        if taken == 0 {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Err(StoreError::Conflict("slug".to_owned()))
}
