//! Failed sign-ins, counted per account and client address and per
//! address to slow down password guessing (the rules are the web layer's
//! `login_throttle`). Kept in the database so that every node sees the same
//! counts.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::entity::login_attempt;
use crate::{Store, StoreError};

/// Failures seen in the current window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FailureCounts {
    /// This account from this address.
    pub for_pair: u64,
    pub last_pair_failure: Option<DateTime<Utc>>,
    /// Any account from this address.
    pub for_ip: u64,
    pub oldest_ip_failure: Option<DateTime<Utc>>,
}

impl Store {
    pub async fn record_login_attempt(
        &self,
        email: &str,
        ip: &str,
        succeeded: bool,
    ) -> Result<(), StoreError> {
        login_attempt::ActiveModel {
            email: Set(email.chars().take(254).collect()),
            ip: Set(ip.chars().take(64).collect()),
            succeeded: Set(succeeded),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(self.conn())
        .await?;
        if succeeded {
            // A successful sign-in proves the owner is at this client: their
            // own earlier typos there no longer count. Failures from other
            // addresses stay, or the owner signing in would free a guesser.
            login_attempt::Entity::delete_many()
                .filter(login_attempt::Column::Email.eq(email))
                .filter(login_attempt::Column::Ip.eq(ip))
                .filter(login_attempt::Column::Succeeded.eq(false))
                .exec(self.conn())
                .await?;
        }
        Ok(())
    }

    pub async fn login_failures_since(
        &self,
        email: &str,
        ip: &str,
        since: DateTime<Utc>,
    ) -> Result<FailureCounts, StoreError> {
        let for_ip = login_attempt::Entity::find()
            .filter(login_attempt::Column::Ip.eq(ip))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::CreatedAt.gt(since));
        let for_pair = for_ip
            .clone()
            .filter(login_attempt::Column::Email.eq(email));
        Ok(FailureCounts {
            for_pair: for_pair.clone().count(self.conn()).await?,
            last_pair_failure: for_pair
                .order_by_desc(login_attempt::Column::CreatedAt)
                .one(self.conn())
                .await?
                .map(|r| r.created_at),
            for_ip: for_ip.clone().count(self.conn()).await?,
            oldest_ip_failure: for_ip
                .order_by_asc(login_attempt::Column::CreatedAt)
                .one(self.conn())
                .await?
                .map(|r| r.created_at),
        })
    }

    /// Forgets attempts older than the window.
    pub async fn purge_login_attempts(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let result = login_attempt::Entity::delete_many()
            .filter(login_attempt::Column::CreatedAt.lt(before))
            .exec(self.conn())
            .await?;
        Ok(result.rows_affected)
    }
}
