//! Rate limits of the public forms, counted in the database so that every
//! node sees the same counts: an action is admitted while fewer than `max`
//! of its kind were admitted for the same key within the sliding window.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::entity::rate_limit_hit;
use crate::{Store, StoreError};

/// At most `max` actions per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: u64,
    pub window: Duration,
}

impl Store {
    /// Admits one action of `bucket` for `key` and counts it, or returns
    /// how long to wait before the oldest counted action leaves the
    /// window. Nodes admitting at the very same instant may let one or two
    /// more through: a limit against floods, not a quota.
    pub async fn rate_limit_admit(
        &self,
        bucket: &str,
        key: &str,
        limit: Limit,
    ) -> Result<Option<Duration>, StoreError> {
        let now = self.now();
        let key: String = key.chars().take(128).collect();
        let recent = rate_limit_hit::Entity::find()
            .filter(rate_limit_hit::Column::Bucket.eq(bucket))
            .filter(rate_limit_hit::Column::Key.eq(key.as_str()))
            .filter(rate_limit_hit::Column::CreatedAt.gt(now - limit.window));
        if recent.clone().count(self.conn()).await? >= limit.max {
            let oldest = recent
                .order_by_asc(rate_limit_hit::Column::CreatedAt)
                .one(self.conn())
                .await?
                .map_or(now, |r| r.created_at);
            return Ok(Some(
                (oldest + limit.window - now).max(Duration::seconds(1)),
            ));
        }
        rate_limit_hit::ActiveModel {
            bucket: Set(bucket.chars().take(32).collect()),
            key: Set(key),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(self.conn())
        .await?;
        Ok(None)
    }

    /// Forgets the actions counted before `before`.
    pub async fn purge_rate_limit_hits(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let result = rate_limit_hit::Entity::delete_many()
            .filter(rate_limit_hit::Column::CreatedAt.lt(before))
            .exec(self.conn())
            .await?;
        Ok(result.rows_affected)
    }
}
