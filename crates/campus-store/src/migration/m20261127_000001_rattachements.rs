//! What the training-path engine needs to use the higher-education
//! programmes: the ROME v3 fiche each ROME 4.0 fiche was split from, and
//! the certification each programme prepares.
//!
//! The Parcoursup and "Trouver mon master" extracts name their programmes
//! but give no RNCP code; `formation_certifications` holds the codes found
//! by matching those names with the certifications' titles, each with its
//! score, apart from `formation_codes` so that a re-import of the
//! extracts (which rewrites the codes a file gives) keeps them, and so that
//! a decision of the campus team (`origine` = `equipe`: the link confirmed
//! or added, or, with `retire`, removed) survives the next computation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RomeFiches {
    Table,
    CodeRomeParent,
}

#[derive(DeriveIden, Clone, Copy)]
enum Formations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationCertifications {
    Table,
    FormationId,
    Code,
    Score,
    Origine,
    Retire,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RomeFiches::Table)
                    .add_column(string_len_null(RomeFiches::CodeRomeParent, 8))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationCertifications::Table)
                    .col(text(FormationCertifications::FormationId))
                    .col(string_len(FormationCertifications::Code, 16))
                    .col(float(FormationCertifications::Score))
                    .col(string_len(FormationCertifications::Origine, 16))
                    .col(boolean(FormationCertifications::Retire).default(false))
                    .primary_key(
                        Index::create()
                            .col(FormationCertifications::FormationId)
                            .col(FormationCertifications::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                FormationCertifications::Table,
                                FormationCertifications::FormationId,
                            )
                            .to(Formations::Table, Formations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formation_certifications_code",
            FormationCertifications::Table,
            &[FormationCertifications::Code],
        )
        .await
    }
}
