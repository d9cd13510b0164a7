//! Training paths saved to a learner's account, and the consent a learner
//! gives a trainer (or the campus team) to prepare paths for them.
//!
//! A saved path keeps the request (profile, target, constraints) rather
//! than its result: reopened, it is computed again on the catalogue of the
//! day, so that a session that ended or a training that opened shows.
//! The learner owns every path of their account, including those a
//! supporter prepared (`author_id`); deleting the account deletes them.
//! One support row per learner–supporter pair (unique key): a request
//! refused or withdrawn is asked again by updating that row, never by
//! piling up rows.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum ParcoursPlans {
    Table,
    Id,
    LearnerId,
    AuthorId,
    Titre,
    Cible,
    Demande,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ParcoursSupports {
    Table,
    Id,
    LearnerId,
    SupporterId,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ParcoursPlans::Table)
                    .col(pk_auto(ParcoursPlans::Id))
                    .col(integer(ParcoursPlans::LearnerId))
                    .col(integer(ParcoursPlans::AuthorId))
                    .col(string_len(ParcoursPlans::Titre, 200))
                    .col(string_len(ParcoursPlans::Cible, 8))
                    .col(text(ParcoursPlans::Demande))
                    .col(timestamp_with_time_zone(ParcoursPlans::CreatedAt))
                    .col(timestamp_with_time_zone(ParcoursPlans::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParcoursPlans::Table, ParcoursPlans::LearnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParcoursPlans::Table, ParcoursPlans::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_parcours_plans_learner",
            ParcoursPlans::Table,
            &[ParcoursPlans::LearnerId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ParcoursSupports::Table)
                    .col(pk_auto(ParcoursSupports::Id))
                    .col(integer(ParcoursSupports::LearnerId))
                    .col(integer(ParcoursSupports::SupporterId))
                    .col(string_len(ParcoursSupports::Status, 16))
                    .col(timestamp_with_time_zone(ParcoursSupports::CreatedAt))
                    .col(timestamp_with_time_zone(ParcoursSupports::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParcoursSupports::Table, ParcoursSupports::LearnerId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParcoursSupports::Table, ParcoursSupports::SupporterId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_parcours_supports_pair")
                    .table(ParcoursSupports::Table)
                    .col(ParcoursSupports::LearnerId)
                    .col(ParcoursSupports::SupporterId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_parcours_supports_supporter",
            ParcoursSupports::Table,
            &[ParcoursSupports::SupporterId],
        )
        .await
    }
}
