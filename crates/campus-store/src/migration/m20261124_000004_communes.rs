//! Communes of the official geographic code, their postal codes and
//! coordinates, for places and distances.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Communes {
    Table,
    CodeInsee,
    Kind,
    Nom,
    Departement,
    Region,
    Population,
    Latitude,
    Longitude,
}

#[derive(DeriveIden, Clone, Copy)]
enum CommuneCodesPostaux {
    Table,
    CodeInsee,
    CodePostal,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Communes::Table)
                    .col(string_len(Communes::CodeInsee, 5))
                    .col(string_len(Communes::Kind, 32))
                    .col(string_len(Communes::Nom, 120))
                    .col(string_len_null(Communes::Departement, 3))
                    .col(string_len_null(Communes::Region, 3))
                    .col(big_integer_null(Communes::Population))
                    .col(double_null(Communes::Latitude))
                    .col(double_null(Communes::Longitude))
                    .primary_key(Index::create().col(Communes::CodeInsee).col(Communes::Kind))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_communes_departement",
            Communes::Table,
            &[Communes::Departement],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommuneCodesPostaux::Table)
                    .col(string_len(CommuneCodesPostaux::CodeInsee, 5))
                    .col(string_len(CommuneCodesPostaux::CodePostal, 5))
                    .primary_key(
                        Index::create()
                            .col(CommuneCodesPostaux::CodeInsee)
                            .col(CommuneCodesPostaux::CodePostal),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_commune_codes_postaux_cp",
            CommuneCodesPostaux::Table,
            &[CommuneCodesPostaux::CodePostal],
        )
        .await
    }
}
