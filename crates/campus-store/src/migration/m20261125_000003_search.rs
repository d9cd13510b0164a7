//! The catalogue generation: a counter bumped by every write to the
//! catalogue, so that each node notices, with one cheap read, that its
//! local search index is out of date.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum CatalogueGeneration {
    Table,
    Id,
    Generation,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CatalogueGeneration::Table)
                    .col(integer(CatalogueGeneration::Id).primary_key())
                    .col(big_integer(CatalogueGeneration::Generation))
                    .to_owned(),
            )
            .await?;
        let mut first = Query::insert();
        first
            .into_table(CatalogueGeneration::Table)
            .columns([CatalogueGeneration::Id, CatalogueGeneration::Generation])
            .values([1.into(), 0.into()])
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        manager.exec_stmt(first).await
    }
}
