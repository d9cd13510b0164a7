//! What the search reads beyond the words: the RNCP code a diploma renews
//! as Certif Info records it (so that the search ranks the renewed one
//! below its successor even where the RNCP lineage export does not list
//! the pair yet), and the campus team's additions to the dictionary of
//! acronyms and synonyms.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Certifinfo {
    Table,
    AncienRncp,
}

#[derive(DeriveIden, Clone, Copy)]
enum SearchSynonyms {
    Table,
    Id,
    Expressions,
    Note,
    Diplome,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Certifinfo::Table)
                    .add_column(string_len_null(Certifinfo::AncienRncp, 20))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SearchSynonyms::Table)
                    .col(pk_auto(SearchSynonyms::Id))
                    // One expression per line.
                    .col(text(SearchSynonyms::Expressions))
                    .col(string_len(SearchSynonyms::Note, 300))
                    .col(boolean(SearchSynonyms::Diplome))
                    .col(integer_null(SearchSynonyms::CreatedBy))
                    .col(timestamp_with_time_zone(SearchSynonyms::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SearchSynonyms::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Certifinfo::Table)
                    .drop_column(Certifinfo::AncienRncp)
                    .to_owned(),
            )
            .await
    }
}
