//! The links from RNCP blocs de compétences to ROME skills that the
//! training-path engine computes, and the campus team's corrections.
//!
//! One table holds both: a computed row is replaced at each alignment, a
//! curated row (a link the team added or confirmed, or a computed link it
//! removed, kept with `removed` set so that no later computation brings it
//! back) is never touched by an alignment. Like the catalogue's other
//! links, no foreign key: a re-import of the RNCP export may drop a bloc
//! for a while, and the team's decision on it must outlive that.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum BlocSkillLinks {
    Table,
    Bloc,
    Certification,
    CodeOgr,
    Score,
    Origin,
    Scope,
    Removed,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(BlocSkillLinks::Table)
                    .col(string_len(BlocSkillLinks::Bloc, 32))
                    .col(string_len(BlocSkillLinks::Certification, 16))
                    .col(big_integer(BlocSkillLinks::CodeOgr))
                    .col(double(BlocSkillLinks::Score))
                    .col(string_len(BlocSkillLinks::Origin, 16))
                    .col(string_len(BlocSkillLinks::Scope, 32))
                    .col(boolean(BlocSkillLinks::Removed))
                    .col(timestamp_with_time_zone(BlocSkillLinks::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(BlocSkillLinks::Bloc)
                            .col(BlocSkillLinks::CodeOgr),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_bloc_skill_links_origin",
            BlocSkillLinks::Table,
            &[BlocSkillLinks::Origin],
        )
        .await?;
        index(
            manager,
            "idx_bloc_skill_links_certification",
            BlocSkillLinks::Table,
            &[BlocSkillLinks::Certification],
        )
        .await
    }
}
