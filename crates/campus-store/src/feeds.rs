//! Calendar feeds (a person's events, an organisation's events, the
//! bookings of a piece of equipment): the one mechanism by which a
//! calendar application, which cannot sign in, reads them.
//!
//! Each feed has a random token stored beside what it shows (the
//! `jeton_ical` column of its row), created the first time its address is
//! shown and looked up when the address is fetched. Replacing the token
//! revokes the old address at once: someone who shared it by mistake asks
//! for a new one.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::{equipement, organisation, user};
use crate::{Store, StoreError, audit, generate_token};

/// A calendar feed, by the id of what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flux {
    /// The events a person is registered to.
    Personne(i32),
    /// The events an organisation organises.
    Organisation(i32),
    /// The bookings and maintenance windows of a piece of equipment.
    Equipement(i32),
}

impl Flux {
    fn audit_subject(self) -> String {
        match self {
            Flux::Personne(id) => format!("personne/{id}"),
            Flux::Organisation(id) => format!("organisation/{id}"),
            Flux::Equipement(id) => format!("equipement/{id}"),
        }
    }
}

/// The token column of one row: read it, or write it (only where empty,
/// for a first token; always, to replace one).
async fn token<E, C>(
    conn: &C,
    id_column: E::Column,
    token_column: E::Column,
    id: i32,
    replace_with: Option<(&str, bool)>,
) -> Result<Option<String>, StoreError>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    if let Some((new, only_if_empty)) = replace_with {
        let mut update = E::update_many()
            .col_expr(token_column, Expr::value(new))
            .filter(id_column.eq(id));
        if only_if_empty {
            update = update.filter(token_column.is_null());
        }
        update.exec(conn).await?;
    }
    E::find()
        .select_only()
        .column(token_column)
        .filter(id_column.eq(id))
        .into_tuple::<Option<String>>()
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound)
}

async fn token_of<C: ConnectionTrait>(
    conn: &C,
    flux: Flux,
    replace_with: Option<(&str, bool)>,
) -> Result<Option<String>, StoreError> {
    match flux {
        Flux::Personne(id) => {
            token::<user::Entity, _>(
                conn,
                user::Column::Id,
                user::Column::JetonIcal,
                id,
                replace_with,
            )
            .await
        }
        Flux::Organisation(id) => {
            token::<organisation::Entity, _>(
                conn,
                organisation::Column::Id,
                organisation::Column::JetonIcal,
                id,
                replace_with,
            )
            .await
        }
        Flux::Equipement(id) => {
            token::<equipement::Entity, _>(
                conn,
                equipement::Column::Id,
                equipement::Column::JetonIcal,
                id,
                replace_with,
            )
            .await
        }
    }
}

impl Store {
    /// The token of a feed, created the first time it is asked for (two
    /// nodes asking at once agree: only an empty token is written).
    pub async fn jeton_flux(&self, flux: Flux) -> Result<String, StoreError> {
        if let Some(existing) = token_of(self.conn(), flux, None).await? {
            return Ok(existing);
        }
        let created = generate_token();
        token_of(self.conn(), flux, Some((&created, true)))
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Whether `jeton` opens the feed (an empty or stale token does not).
    pub async fn flux_ouvert(&self, flux: Flux, jeton: &str) -> Result<bool, StoreError> {
        let jeton = jeton.trim();
        Ok(!jeton.is_empty() && token_of(self.conn(), flux, None).await?.as_deref() == Some(jeton))
    }

    /// Replaces the token of a feed: the old address stops working at
    /// once. Recorded in the audit trail.
    pub async fn renouveler_jeton_flux(
        &self,
        flux: Flux,
        actor: Option<i32>,
    ) -> Result<String, StoreError> {
        let txn = self.write().await?;
        let created = generate_token();
        let stored = token_of(&txn, flux, Some((&created, false)))
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "flux.renouveler",
            &flux.audit_subject(),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(stored)
    }
}
