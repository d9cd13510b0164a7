//! On-demand training modules: the companies' requests, their topics, the
//! trainers each is routed to, the trainers' proposals, the trainees the
//! company registers, and the trail of every step.
//!
//! The rules that must hold when several nodes serve at once are the
//! database's: one proposal per trainer and request, one routing per
//! trainer and request, one registration per address and request, and
//! checks on the values (trainees above zero, a window that ends after it
//! starts, a known state). Dates are ISO `AAAA-MM-JJ` texts, which compare
//! in date order on both databases.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum ModuleRequests {
    Table,
    Id,
    OrganisationId,
    RequesterUserId,
    Intitule,
    Besoin,
    Stagiaires,
    Lieu,
    LieuAdresse,
    LieuCodePostal,
    LieuCommune,
    DateDebut,
    DateFin,
    Budget,
    Etat,
    AcceptedProposalId,
    MotifRefus,
    FormationId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleTopics {
    Table,
    RequestId,
    Kind,
    Code,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleRoutings {
    Table,
    RequestId,
    TrainerUserId,
    RoutedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleProposals {
    Table,
    Id,
    RequestId,
    TrainerUserId,
    Contenu,
    Objectifs,
    DureeHeures,
    Prix,
    DateDebut,
    DateFin,
    LieuNom,
    LieuAdresse,
    LieuCodePostal,
    LieuCommune,
    OrganismeNom,
    OrganismeSiret,
    NumeroActivite,
    Etat,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleTrainees {
    Table,
    Id,
    RequestId,
    Nom,
    Email,
    OrganisationId,
    Public,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleEvents {
    Table,
    Id,
    RequestId,
    ActorUserId,
    Action,
    EtatAvant,
    EtatApres,
    Note,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

const ETATS: [&str; 8] = [
    "demandee",
    "orientee",
    "proposee",
    "acceptee",
    "refusee",
    "programmee",
    "realisee",
    "annulee",
];

fn fk_request<T: IntoIden + Copy + 'static>(
    table: T,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(ModuleRequests::Table, ModuleRequests::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ModuleRequests::Table)
                    .col(pk_auto(ModuleRequests::Id))
                    .col(integer(ModuleRequests::OrganisationId))
                    .col(integer_null(ModuleRequests::RequesterUserId))
                    .col(string_len(ModuleRequests::Intitule, 200))
                    .col(text(ModuleRequests::Besoin))
                    .col(integer(ModuleRequests::Stagiaires))
                    .col(string_len(ModuleRequests::Lieu, 16))
                    .col(string_len_null(ModuleRequests::LieuAdresse, 250))
                    .col(string_len_null(ModuleRequests::LieuCodePostal, 5))
                    .col(string_len_null(ModuleRequests::LieuCommune, 120))
                    .col(string_len(ModuleRequests::DateDebut, 10))
                    .col(string_len(ModuleRequests::DateFin, 10))
                    .col(double_null(ModuleRequests::Budget))
                    .col(string_len(ModuleRequests::Etat, 16))
                    .col(integer_null(ModuleRequests::AcceptedProposalId))
                    .col(text_null(ModuleRequests::MotifRefus))
                    .col(text_null(ModuleRequests::FormationId))
                    .col(timestamp_with_time_zone(ModuleRequests::CreatedAt))
                    .col(timestamp_with_time_zone(ModuleRequests::UpdatedAt))
                    .check(Expr::col(ModuleRequests::Stagiaires).gt(0))
                    .check(
                        Expr::col(ModuleRequests::DateFin)
                            .gte(Expr::col(ModuleRequests::DateDebut)),
                    )
                    .check(Expr::col(ModuleRequests::Etat).is_in(ETATS))
                    .check(Expr::col(ModuleRequests::Lieu).is_in(["delocalise", "campus"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleRequests::Table, ModuleRequests::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleRequests::Table, ModuleRequests::RequesterUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_module_requests_organisation",
            ModuleRequests::Table,
            &[ModuleRequests::OrganisationId],
        )
        .await?;
        index(
            manager,
            "idx_module_requests_etat",
            ModuleRequests::Table,
            &[ModuleRequests::Etat],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleTopics::Table)
                    .col(integer(ModuleTopics::RequestId))
                    .col(string_len(ModuleTopics::Kind, 16))
                    .col(string_len(ModuleTopics::Code, 16))
                    .col(text(ModuleTopics::Libelle))
                    .primary_key(
                        Index::create()
                            .col(ModuleTopics::RequestId)
                            .col(ModuleTopics::Kind)
                            .col(ModuleTopics::Code),
                    )
                    .foreign_key(&mut fk_request(
                        ModuleTopics::Table,
                        ModuleTopics::RequestId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleRoutings::Table)
                    .col(integer(ModuleRoutings::RequestId))
                    .col(integer(ModuleRoutings::TrainerUserId))
                    .col(integer_null(ModuleRoutings::RoutedBy))
                    .col(timestamp_with_time_zone(ModuleRoutings::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ModuleRoutings::RequestId)
                            .col(ModuleRoutings::TrainerUserId),
                    )
                    .foreign_key(&mut fk_request(
                        ModuleRoutings::Table,
                        ModuleRoutings::RequestId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleRoutings::Table, ModuleRoutings::TrainerUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_module_routings_trainer",
            ModuleRoutings::Table,
            &[ModuleRoutings::TrainerUserId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleProposals::Table)
                    .col(pk_auto(ModuleProposals::Id))
                    .col(integer(ModuleProposals::RequestId))
                    .col(integer(ModuleProposals::TrainerUserId))
                    .col(text(ModuleProposals::Contenu))
                    .col(text(ModuleProposals::Objectifs))
                    .col(double(ModuleProposals::DureeHeures))
                    .col(double(ModuleProposals::Prix))
                    .col(string_len(ModuleProposals::DateDebut, 10))
                    .col(string_len(ModuleProposals::DateFin, 10))
                    .col(string_len(ModuleProposals::LieuNom, 120))
                    .col(string_len(ModuleProposals::LieuAdresse, 250))
                    .col(string_len(ModuleProposals::LieuCodePostal, 5))
                    .col(string_len(ModuleProposals::LieuCommune, 120))
                    .col(string_len(ModuleProposals::OrganismeNom, 250))
                    .col(string_len(ModuleProposals::OrganismeSiret, 14))
                    .col(string_len(ModuleProposals::NumeroActivite, 11))
                    .col(string_len(ModuleProposals::Etat, 16))
                    .col(integer(ModuleProposals::Version))
                    .col(timestamp_with_time_zone(ModuleProposals::CreatedAt))
                    .col(timestamp_with_time_zone(ModuleProposals::UpdatedAt))
                    .check(Expr::col(ModuleProposals::DureeHeures).gt(0))
                    .check(Expr::col(ModuleProposals::Prix).gte(0))
                    .check(
                        Expr::col(ModuleProposals::DateFin)
                            .gte(Expr::col(ModuleProposals::DateDebut)),
                    )
                    .check(Expr::col(ModuleProposals::Etat).is_in([
                        "en_attente",
                        "acceptee",
                        "close",
                    ]))
                    .foreign_key(&mut fk_request(
                        ModuleProposals::Table,
                        ModuleProposals::RequestId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleProposals::Table, ModuleProposals::TrainerUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_module_proposals_trainer")
                    .table(ModuleProposals::Table)
                    .col(ModuleProposals::RequestId)
                    .col(ModuleProposals::TrainerUserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleTrainees::Table)
                    .col(pk_auto(ModuleTrainees::Id))
                    .col(integer(ModuleTrainees::RequestId))
                    .col(string_len(ModuleTrainees::Nom, 120))
                    .col(string_len(ModuleTrainees::Email, 254))
                    .col(integer(ModuleTrainees::OrganisationId))
                    .col(string_len(ModuleTrainees::Public, 32))
                    .col(timestamp_with_time_zone(ModuleTrainees::CreatedAt))
                    .foreign_key(&mut fk_request(
                        ModuleTrainees::Table,
                        ModuleTrainees::RequestId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleTrainees::Table, ModuleTrainees::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_module_trainees_email")
                    .table(ModuleTrainees::Table)
                    .col(ModuleTrainees::RequestId)
                    .col(ModuleTrainees::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModuleEvents::Table)
                    .col(pk_auto(ModuleEvents::Id))
                    .col(integer(ModuleEvents::RequestId))
                    .col(integer_null(ModuleEvents::ActorUserId))
                    .col(string_len(ModuleEvents::Action, 16))
                    .col(string_len_null(ModuleEvents::EtatAvant, 16))
                    .col(string_len(ModuleEvents::EtatApres, 16))
                    .col(text_null(ModuleEvents::Note))
                    .col(timestamp_with_time_zone(ModuleEvents::CreatedAt))
                    .foreign_key(&mut fk_request(
                        ModuleEvents::Table,
                        ModuleEvents::RequestId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModuleEvents::Table, ModuleEvents::ActorUserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_module_events_request",
            ModuleEvents::Table,
            &[ModuleEvents::RequestId],
        )
        .await
    }
}
