//! InserJeunes: the outcomes of vocational trainings by cohort, région,
//! route and training, as the source published them (blank where it
//! withheld a figure), with the diploma (CFD) each row leads to.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Inserjeunes {
    Table,
    Millesime,
    CodeRegion,
    Voie,
    CodeFormation,
    Cfd,
    EffectifTerminale,
    Sortants,
    Poursuites,
    #[sea_orm(iden = "en_emploi_6")]
    EnEmploi6,
    #[sea_orm(iden = "en_emploi_12")]
    EnEmploi12,
    #[sea_orm(iden = "en_emploi_18")]
    EnEmploi18,
    #[sea_orm(iden = "en_emploi_24")]
    EnEmploi24,
    #[sea_orm(iden = "taux_emploi_6")]
    TauxEmploi6,
    #[sea_orm(iden = "taux_emploi_12")]
    TauxEmploi12,
    #[sea_orm(iden = "taux_emploi_18")]
    TauxEmploi18,
    #[sea_orm(iden = "taux_emploi_24")]
    TauxEmploi24,
    TauxPoursuite,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Inserjeunes::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(string_len(Millesime, 9))
                    .col(string_len(CodeRegion, 2))
                    .col(string_len(Voie, 16))
                    .col(string_len(CodeFormation, 11))
                    .col(string_len_null(Cfd, 8))
                    .col(integer_null(EffectifTerminale))
                    .col(integer_null(Sortants))
                    .col(integer_null(Poursuites))
                    .col(integer_null(EnEmploi6))
                    .col(integer_null(EnEmploi12))
                    .col(integer_null(EnEmploi18))
                    .col(integer_null(EnEmploi24))
                    .col(small_integer_null(TauxEmploi6))
                    .col(small_integer_null(TauxEmploi12))
                    .col(small_integer_null(TauxEmploi18))
                    .col(small_integer_null(TauxEmploi24))
                    .col(small_integer_null(TauxPoursuite))
                    .check(Expr::col(Voie).is_in(["scolaire", "apprentissage"]))
                    .primary_key(
                        Index::create()
                            .col(Millesime)
                            .col(CodeRegion)
                            .col(Voie)
                            .col(CodeFormation),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_inserjeunes_cfd", Table, &[Cfd]).await?;
        index(
            manager,
            "idx_inserjeunes_region_millesime",
            Table,
            &[CodeRegion, Millesime],
        )
        .await
    }
}
