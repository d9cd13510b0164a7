//! France compétences' RNCP correspondence tables of 2021: the trades each
//! certification leads to (ROME v3 codes) and the blocs de compétences of
//! the fiches as they stood then. Kept apart from the 2024 export's
//! tables: the catalogue reads them where the newer export is silent, and
//! a new import of either leaves the other as it was.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RncpCorrespondancesRomes {
    Table,
    Certification,
    CodeRome,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpCorrespondancesBlocs {
    Table,
    Code,
    Certification,
    Libelle,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RncpCorrespondancesRomes::Table)
                    .col(string_len(RncpCorrespondancesRomes::Certification, 16))
                    .col(string_len(RncpCorrespondancesRomes::CodeRome, 5))
                    .col(text(RncpCorrespondancesRomes::Libelle))
                    .primary_key(
                        Index::create()
                            .col(RncpCorrespondancesRomes::Certification)
                            .col(RncpCorrespondancesRomes::CodeRome),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpCorrespondancesBlocs::Table)
                    .col(string_len(RncpCorrespondancesBlocs::Code, 32).primary_key())
                    .col(string_len(RncpCorrespondancesBlocs::Certification, 16))
                    .col(text(RncpCorrespondancesBlocs::Libelle))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rncp_correspondances_blocs_certification",
            RncpCorrespondancesBlocs::Table,
            &[RncpCorrespondancesBlocs::Certification],
        )
        .await
    }
}
