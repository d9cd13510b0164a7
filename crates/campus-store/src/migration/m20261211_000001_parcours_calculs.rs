//! The training paths the engine computed, one row per computation asked
//! on the site or through the API, so that the evaluation counts the
//! paths computed and the share that found a plan (lever 3). A row names
//! no one: the date, the person's situation as declared, the trade aimed
//! at, whether a plan was found and where the request came from.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ParcoursCalculs {
    Table,
    Id,
    CalculeLe,
    Statut,
    Cible,
    PlanTrouve,
    Canal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(ParcoursCalculs::Table)
                    .col(pk_auto(ParcoursCalculs::Id))
                    .col(timestamp_with_time_zone(ParcoursCalculs::CalculeLe))
                    .col(string_len_null(ParcoursCalculs::Statut, 30))
                    .col(string_len(ParcoursCalculs::Cible, 5))
                    .col(boolean(ParcoursCalculs::PlanTrouve))
                    .col(string_len(ParcoursCalculs::Canal, 10))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_parcours_calculs_calcule_le",
            ParcoursCalculs::Table,
            &[ParcoursCalculs::CalculeLe],
        )
        .await
    }
}
