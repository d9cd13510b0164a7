//! The technology platform managed in the platform: photos of each
//! equipment (files of the document store, with their alternative text),
//! the retirement of an equipment (it leaves the catalogue and booking,
//! its bookings and utilisation stay), a version counter so that two
//! people editing the same equipment cannot overwrite each other unseen,
//! and the date a habilitation's holder and managers were warned of its
//! coming expiry (warned once; renewing it clears the date).
//!
//! Columns are added one statement at a time (SQLite adds them one by
//! one) and without foreign keys, which `ALTER TABLE` cannot add on
//! SQLite; the new table carries its own.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Equipements {
    Table,
    Id,
    RetireLe,
    Version,
}

#[derive(DeriveIden, Clone, Copy)]
enum Habilitations {
    Table,
    AvertieLe,
    ExpireLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum Documents {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipementPhotos {
    Table,
    Id,
    EquipementId,
    DocumentId,
    TexteAlternatif,
    Position,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Equipements::Table)
                    .add_column(timestamp_with_time_zone_null(Equipements::RetireLe))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Equipements::Table)
                    .add_column(integer(Equipements::Version).default(1))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Habilitations::Table)
                    .add_column(timestamp_with_time_zone_null(Habilitations::AvertieLe))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_habilitations_expire_le",
            Habilitations::Table,
            &[Habilitations::ExpireLe],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(EquipementPhotos::Table)
                    .col(pk_auto(EquipementPhotos::Id))
                    .col(integer(EquipementPhotos::EquipementId))
                    .col(integer_uniq(EquipementPhotos::DocumentId))
                    .col(string_len(EquipementPhotos::TexteAlternatif, 250))
                    .col(integer(EquipementPhotos::Position))
                    .col(timestamp_with_time_zone(EquipementPhotos::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EquipementPhotos::Table, EquipementPhotos::EquipementId)
                            .to(Equipements::Table, Equipements::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EquipementPhotos::Table, EquipementPhotos::DocumentId)
                            .to(Documents::Table, Documents::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_equipement_photos_equipement",
            EquipementPhotos::Table,
            &[EquipementPhotos::EquipementId, EquipementPhotos::Position],
        )
        .await
    }
}
