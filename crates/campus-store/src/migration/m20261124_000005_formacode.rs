//! The Formacode thesaurus: descriptors and their relations (broader,
//! narrower, related).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Formacodes {
    Table,
    Code,
    Libelle,
    Kind,
    ChampSemantique,
    Synonymes,
    Definition,
    Note,
    Nsf,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormacodeLiens {
    Table,
    Code,
    Relation,
    Autre,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Formacodes::Table)
                    .col(string_len(Formacodes::Code, 5).primary_key())
                    .col(string_len(Formacodes::Libelle, 250))
                    .col(string_len(Formacodes::Kind, 8))
                    .col(string_len_null(Formacodes::ChampSemantique, 250))
                    .col(text(Formacodes::Synonymes))
                    .col(text_null(Formacodes::Definition))
                    .col(text_null(Formacodes::Note))
                    .col(string_len_null(Formacodes::Nsf, 250))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormacodeLiens::Table)
                    .col(string_len(FormacodeLiens::Code, 5))
                    .col(string_len(FormacodeLiens::Relation, 12))
                    .col(string_len(FormacodeLiens::Autre, 5))
                    .primary_key(
                        Index::create()
                            .col(FormacodeLiens::Code)
                            .col(FormacodeLiens::Relation)
                            .col(FormacodeLiens::Autre),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formacode_liens_autre",
            FormacodeLiens::Table,
            &[FormacodeLiens::Autre],
        )
        .await
    }
}
