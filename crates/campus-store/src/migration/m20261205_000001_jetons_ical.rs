//! One mechanism for every calendar feed: a random token stored beside what
//! the feed shows, looked up when a calendar application fetches it, and
//! replaced to revoke the old address. Equipment already had its token
//! (`equipments.jeton_ical`); people and organisations get theirs, created
//! the first time their feed address is shown. The event feeds' signed
//! addresses, which could not be revoked, are answered with an explanation
//! of where to find the new one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    JetonIcal,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    JetonIcal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len_null(Users::JetonIcal, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_jeton_ical")
                    .table(Users::Table)
                    .col(Users::JetonIcal)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(string_len_null(Organisations::JetonIcal, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_organisations_jeton_ical")
                    .table(Organisations::Table)
                    .col(Organisations::JetonIcal)
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
