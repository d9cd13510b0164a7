//! The registry of indicators as data: each indicator's code and lever,
//! every version of its fiche (the definition in force at each
//! computation stays readable), the campus team's targets per year, and
//! the team's commentary per lever and year for the annual report.
//!
//! The shipped defaults are copied in by the store after migrating
//! (`Store::migrate`), not here: they are checked by the domain's types
//! on the way in, as the team's own edits are.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Indicateurs {
    Table,
    Code,
    Levier,
    VersionCourante,
    RetireLe,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicateurVersions {
    Table,
    Code,
    Version,
    Nom,
    Definition,
    Formule,
    Unite,
    Denominateur,
    Ventilations,
    Sens,
    CreatedAt,
    AuteurId,
}

#[derive(DeriveIden, Clone, Copy)]
enum IndicateurCibles {
    Table,
    Code,
    Annee,
    Valeur,
}

#[derive(DeriveIden, Clone, Copy)]
enum EvaluationCommentaires {
    Table,
    Annee,
    Levier,
    Texte,
    UpdatedAt,
    AuteurId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

const LEVIERS: [&str; 8] = ["1", "2", "3", "4", "5", "6", "7", "8"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Indicateurs::Table)
                    .col(string_len(Indicateurs::Code, 40).primary_key())
                    .col(string_len(Indicateurs::Levier, 1))
                    .col(integer(Indicateurs::VersionCourante))
                    .col(timestamp_with_time_zone_null(Indicateurs::RetireLe))
                    .col(timestamp_with_time_zone(Indicateurs::CreatedAt))
                    .check(Expr::col(Indicateurs::Levier).is_in(LEVIERS))
                    .check(Expr::col(Indicateurs::VersionCourante).gte(1))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IndicateurVersions::Table)
                    .col(string_len(IndicateurVersions::Code, 40))
                    .col(integer(IndicateurVersions::Version))
                    .col(string_len(IndicateurVersions::Nom, 200))
                    .col(text(IndicateurVersions::Definition))
                    .col(text(IndicateurVersions::Formule))
                    .col(string_len(IndicateurVersions::Unite, 30))
                    .col(text_null(IndicateurVersions::Denominateur))
                    .col(string_len(IndicateurVersions::Ventilations, 200))
                    .col(string_len(IndicateurVersions::Sens, 8))
                    .col(timestamp_with_time_zone(IndicateurVersions::CreatedAt))
                    .col(integer_null(IndicateurVersions::AuteurId))
                    .check(Expr::col(IndicateurVersions::Sens).is_in(["hausse", "baisse"]))
                    .primary_key(
                        Index::create()
                            .col(IndicateurVersions::Code)
                            .col(IndicateurVersions::Version),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(IndicateurVersions::Table, IndicateurVersions::Code)
                            .to(Indicateurs::Table, Indicateurs::Code)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    // A version outlives its author's account, unnamed.
                    .foreign_key(
                        ForeignKey::create()
                            .from(IndicateurVersions::Table, IndicateurVersions::AuteurId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IndicateurCibles::Table)
                    .col(string_len(IndicateurCibles::Code, 40))
                    .col(integer(IndicateurCibles::Annee))
                    .col(double(IndicateurCibles::Valeur))
                    .check(Expr::col(IndicateurCibles::Valeur).gte(0))
                    .primary_key(
                        Index::create()
                            .col(IndicateurCibles::Code)
                            .col(IndicateurCibles::Annee),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(IndicateurCibles::Table, IndicateurCibles::Code)
                            .to(Indicateurs::Table, Indicateurs::Code)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvaluationCommentaires::Table)
                    .col(integer(EvaluationCommentaires::Annee))
                    .col(string_len(EvaluationCommentaires::Levier, 1))
                    .col(text(EvaluationCommentaires::Texte))
                    .col(timestamp_with_time_zone(EvaluationCommentaires::UpdatedAt))
                    .col(integer_null(EvaluationCommentaires::AuteurId))
                    .check(Expr::col(EvaluationCommentaires::Levier).is_in(LEVIERS))
                    .primary_key(
                        Index::create()
                            .col(EvaluationCommentaires::Annee)
                            .col(EvaluationCommentaires::Levier),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                EvaluationCommentaires::Table,
                                EvaluationCommentaires::AuteurId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }
}
