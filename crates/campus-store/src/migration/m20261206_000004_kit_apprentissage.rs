//! The « Kit apprentissage »: which RNCP fiches are open to apprenticeship,
//! until when they are registered, and the diplomas (CFD) they match.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum KitApprentissage {
    Table,
    Cfd,
    CodeRncp,
    Intitule,
    Niveau,
    Abrege,
    Apprentissage,
    Echeance,
    Active,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KitApprentissage::Table)
                    .col(string_len(KitApprentissage::Cfd, 8))
                    // Empty when the kit gives none: a key column cannot be NULL.
                    .col(string_len(KitApprentissage::CodeRncp, 16))
                    .col(text(KitApprentissage::Intitule))
                    .col(integer_null(KitApprentissage::Niveau))
                    .col(string_len_null(KitApprentissage::Abrege, 64))
                    .col(boolean_null(KitApprentissage::Apprentissage))
                    .col(string_len_null(KitApprentissage::Echeance, 10))
                    .col(boolean(KitApprentissage::Active))
                    .primary_key(
                        Index::create()
                            .col(KitApprentissage::Cfd)
                            .col(KitApprentissage::CodeRncp),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_kit_apprentissage_code_rncp",
            KitApprentissage::Table,
            &[KitApprentissage::CodeRncp],
        )
        .await
    }
}
