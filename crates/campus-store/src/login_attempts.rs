//! Failed sign-ins, counted per account and per address to slow down
//! password guessing. Kept in the database so that every node sees the same
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
    pub for_account: u64,
    pub for_ip: u64,
    /// The oldest failure still counted for the account, to tell the user
    /// when they may try again.
    pub oldest_account_failure: Option<DateTime<Utc>>,
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
            // A successful sign-in proves the owner is present: their own
            // earlier typos no longer count against the account.
            login_attempt::Entity::delete_many()
                .filter(login_attempt::Column::Email.eq(email))
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
        let for_account = login_attempt::Entity::find()
            .filter(login_attempt::Column::Email.eq(email))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::CreatedAt.gt(since));
        let for_ip = login_attempt::Entity::find()
            .filter(login_attempt::Column::Ip.eq(ip))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::CreatedAt.gt(since));
        Ok(FailureCounts {
            for_account: for_account.clone().count(self.conn()).await?,
            for_ip: for_ip.clone().count(self.conn()).await?,
            oldest_account_failure: for_account
                .order_by_asc(login_attempt::Column::CreatedAt)
                .one(self.conn())
                .await?
                .map(|r| r.created_at),
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
