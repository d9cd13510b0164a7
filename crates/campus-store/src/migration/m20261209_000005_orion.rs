//! Orion's counts of vocational programmes by school: places and wishes
//! (Affelnet, Parcoursup for the BTS) and pupils enrolled (constat de
//! rentrée), with the diploma (CFD) each programme leads to.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Orion {
    Table,
    Source,
    Annee,
    Uai,
    #[sea_orm(iden = "mef_stat_11")]
    MefStat11,
    Statut,
    Cfd,
    Libelle,
    Capacite,
    Voeux,
    Effectif,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Orion::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(string_len(Source, 16))
                    .col(small_integer(Annee))
                    .col(string_len(Uai, 8))
                    .col(string_len(MefStat11, 11))
                    .col(string_len(Statut, 16))
                    .col(string_len_null(Cfd, 8))
                    .col(text_null(Libelle))
                    .col(integer_null(Capacite))
                    .col(integer_null(Voeux))
                    .col(integer_null(Effectif))
                    .check(Expr::col(Source).is_in(["affelnet", "parcoursup_bts", "constat"]))
                    .check(Expr::col(Statut).is_in(["scolaire", "apprentissage"]))
                    .primary_key(
                        Index::create()
                            .col(Source)
                            .col(Annee)
                            .col(Uai)
                            .col(MefStat11)
                            .col(Statut),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_orion_cfd", Table, &[Cfd]).await
    }
}
