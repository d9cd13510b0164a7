//! The lycées' vocational programmes and the apprenticeship training
//! organisations: an Affelnet programme's places and first wishes on its
//! action; an organisation's origin (the network, or the national
//! catalogue that referenced it) and position, so that the programmes of
//! a school are placed at its address.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum FormationActions {
    Table,
    Capacite,
    PremiersVoeux,
    Campagne,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Origine,
    Latitude,
    Longitude,
    Uai,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            integer_null(FormationActions::Capacite),
            integer_null(FormationActions::PremiersVoeux),
            integer_null(FormationActions::Campagne),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(FormationActions::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            string_len(Organisations::Origine, 32)
                .default("reseau")
                .to_owned(),
            double_null(Organisations::Latitude),
            double_null(Organisations::Longitude),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisations::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        index(
            manager,
            "idx_organisations_uai",
            Organisations::Table,
            &[Organisations::Uai],
        )
        .await?;
        index(
            manager,
            "idx_organisations_origine",
            Organisations::Table,
            &[Organisations::Origine],
        )
        .await
    }
}
