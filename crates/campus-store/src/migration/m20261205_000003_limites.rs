//! The public forms' rate limits: one row per action counted (an anonymous
//! registration, a path computed without an account), by kind and by key
//! (a client address, an event), read back over a sliding window. In the
//! database, so that every node counts the same actions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RateLimitHits {
    Table,
    Id,
    Bucket,
    Key,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RateLimitHits::Table)
                    .col(pk_auto(RateLimitHits::Id))
                    .col(string_len(RateLimitHits::Bucket, 32))
                    .col(string_len(RateLimitHits::Key, 128))
                    .col(timestamp_with_time_zone(RateLimitHits::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rate_limit_hits_key",
            RateLimitHits::Table,
            &[
                RateLimitHits::Bucket,
                RateLimitHits::Key,
                RateLimitHits::CreatedAt,
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RateLimitHits::Table).to_owned())
            .await
    }
}
