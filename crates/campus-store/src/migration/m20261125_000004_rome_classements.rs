//! The groupings of ROME trades for discovery: centres d'intérêt, sectors
//! and sub-sectors of activity, NAF sectors, themes, and the trades placed
//! in each. Like the other ROME links, no foreign key: a link to an
//! unknown trade is kept and reported.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RomeClassements {
    Table,
    Kind,
    Code,
    Libelle,
    Definition,
    Parent,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeFicheClassements {
    Table,
    Kind,
    Code,
    CodeRome,
    Principal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RomeClassements::Table)
                    .col(string_len(RomeClassements::Kind, 16))
                    .col(string_len(RomeClassements::Code, 16))
                    .col(string_len(RomeClassements::Libelle, 250))
                    .col(text_null(RomeClassements::Definition))
                    .col(string_len_null(RomeClassements::Parent, 16))
                    .primary_key(
                        Index::create()
                            .col(RomeClassements::Kind)
                            .col(RomeClassements::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeFicheClassements::Table)
                    .col(string_len(RomeFicheClassements::Kind, 16))
                    .col(string_len(RomeFicheClassements::Code, 16))
                    .col(string_len(RomeFicheClassements::CodeRome, 5))
                    .col(boolean(RomeFicheClassements::Principal))
                    .primary_key(
                        Index::create()
                            .col(RomeFicheClassements::Kind)
                            .col(RomeFicheClassements::Code)
                            .col(RomeFicheClassements::CodeRome),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rome_fiche_classements_rome",
            RomeFicheClassements::Table,
            &[RomeFicheClassements::CodeRome],
        )
        .await
    }
}
