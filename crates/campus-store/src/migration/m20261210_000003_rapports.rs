//! What the annual evaluation report rests on: the imported source files
//! (name and SHA-256 of each, so a report says exactly which data it read)
//! and the frozen reports themselves (every figure and definition as
//! printed, so that the report sent to the Région can be rendered again
//! byte for byte after the data change).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum SourcesImportees {
    Table,
    Source,
    Fichier,
    Sha256,
    Octets,
    Lignes,
    ImporteLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum Rapports {
    Table,
    Id,
    Annee,
    ProduitLe,
    AuteurUserId,
    Contenu,
    Sha256Pdf,
    Sha256Xlsx,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(SourcesImportees::Table)
                    .col(string_len(SourcesImportees::Source, 40))
                    .col(string_len(SourcesImportees::Fichier, 255))
                    .col(string_len(SourcesImportees::Sha256, 64))
                    .col(big_integer(SourcesImportees::Octets))
                    .col(big_integer_null(SourcesImportees::Lignes))
                    .col(timestamp_with_time_zone(SourcesImportees::ImporteLe))
                    .primary_key(
                        Index::create()
                            .col(SourcesImportees::Source)
                            .col(SourcesImportees::Fichier),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Rapports::Table)
                    .col(pk_auto(Rapports::Id))
                    .col(small_integer(Rapports::Annee))
                    .col(timestamp_with_time_zone(Rapports::ProduitLe))
                    .col(integer_null(Rapports::AuteurUserId))
                    .col(text(Rapports::Contenu))
                    .col(string_len(Rapports::Sha256Pdf, 64))
                    .col(string_len(Rapports::Sha256Xlsx, 64))
                    // The report outlives its author's account, unnamed.
                    .foreign_key(
                        ForeignKey::create()
                            .from(Rapports::Table, Rapports::AuteurUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rapports_annee",
            Rapports::Table,
            &[Rapports::Annee],
        )
        .await
    }
}
