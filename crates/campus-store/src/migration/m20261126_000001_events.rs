//! Events of the campus and their registrations, waitlists, parental
//! consents, check-ins and satisfaction answers.
//!
//! The capacity rule lives in the `events` row: `seats_taken` and
//! `waiting_count` are counters moved only by conditional updates, and a
//! check constraint refuses any state where more seats are taken than the
//! event has, whatever code runs on whichever node.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Events {
    Table,
    Id,
    Slug,
    OrganisationId,
    Kind,
    Titre,
    Description,
    Adresse,
    CodePostal,
    Commune,
    Departement,
    StartsAt,
    EndsAt,
    Capacity,
    SeatsTaken,
    WaitingCount,
    Audiences,
    Romes,
    MinAge,
    CleanRoom,
    Gmp,
    SafetyNotes,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EventRegistrations {
    Table,
    Id,
    EventId,
    UserId,
    Code,
    ActiveKey,
    Kind,
    Nom,
    Email,
    Seats,
    Public,
    Niveau,
    OrganisationNom,
    IsMinor,
    ParentEmail,
    Status,
    ConsentAt,
    ConsentBy,
    CheckedInAt,
    ReminderSentAt,
    SurveySentAt,
    PromotedAt,
    CancelledAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EventFeedback {
    Table,
    RegistrationId,
    EventId,
    Rating,
    Recommend,
    Comment,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Events::Table)
                    .col(pk_auto(Events::Id))
                    .col(string_len_uniq(Events::Slug, 140))
                    .col(integer(Events::OrganisationId))
                    .col(string_len(Events::Kind, 32))
                    .col(string_len(Events::Titre, 200))
                    .col(text(Events::Description))
                    .col(string_len(Events::Adresse, 250))
                    .col(string_len_null(Events::CodePostal, 5))
                    .col(string_len(Events::Commune, 120))
                    .col(string_len_null(Events::Departement, 3))
                    .col(timestamp_with_time_zone(Events::StartsAt))
                    .col(timestamp_with_time_zone(Events::EndsAt))
                    .col(integer(Events::Capacity))
                    .col(integer(Events::SeatsTaken))
                    .col(integer(Events::WaitingCount))
                    .col(string_len(Events::Audiences, 200))
                    .col(string_len(Events::Romes, 400))
                    .col(integer_null(Events::MinAge))
                    .col(boolean(Events::CleanRoom))
                    .col(boolean(Events::Gmp))
                    .col(text(Events::SafetyNotes))
                    .col(integer_null(Events::CreatedBy))
                    .col(timestamp_with_time_zone(Events::CreatedAt))
                    .col(timestamp_with_time_zone(Events::UpdatedAt))
                    .check((
                        Alias::new("ck_events_capacity"),
                        Expr::col(Events::Capacity).gt(0),
                    ))
                    .check((
                        Alias::new("ck_events_seats"),
                        Expr::col(Events::SeatsTaken)
                            .gte(0)
                            .and(Expr::col(Events::SeatsTaken).lte(Expr::col(Events::Capacity))),
                    ))
                    .check((
                        Alias::new("ck_events_waiting"),
                        Expr::col(Events::WaitingCount).gte(0),
                    ))
                    .check((
                        Alias::new("ck_events_dates"),
                        Expr::col(Events::EndsAt).gt(Expr::col(Events::StartsAt)),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Events::Table, Events::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_events_starts",
            Events::Table,
            &[Events::StartsAt],
        )
        .await?;
        index(
            manager,
            "idx_events_organisation",
            Events::Table,
            &[Events::OrganisationId, Events::StartsAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EventRegistrations::Table)
                    .col(pk_auto(EventRegistrations::Id))
                    .col(integer(EventRegistrations::EventId))
                    .col(integer_null(EventRegistrations::UserId))
                    .col(string_len_uniq(EventRegistrations::Code, 12))
                    .col(string_len_null(EventRegistrations::ActiveKey, 400))
                    .col(string_len(EventRegistrations::Kind, 16))
                    .col(string_len(EventRegistrations::Nom, 200))
                    .col(string_len(EventRegistrations::Email, 254))
                    .col(integer(EventRegistrations::Seats))
                    .col(string_len(EventRegistrations::Public, 32))
                    .col(string_len(EventRegistrations::Niveau, 120))
                    .col(string_len_null(EventRegistrations::OrganisationNom, 200))
                    .col(boolean(EventRegistrations::IsMinor))
                    .col(string_len_null(EventRegistrations::ParentEmail, 254))
                    .col(string_len(EventRegistrations::Status, 32))
                    .col(timestamp_with_time_zone_null(EventRegistrations::ConsentAt))
                    .col(string_len_null(EventRegistrations::ConsentBy, 200))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::CheckedInAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::ReminderSentAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::SurveySentAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::PromotedAt,
                    ))
                    .col(timestamp_with_time_zone_null(
                        EventRegistrations::CancelledAt,
                    ))
                    .col(timestamp_with_time_zone(EventRegistrations::CreatedAt))
                    .check((
                        Alias::new("ck_event_registrations_seats"),
                        Expr::col(EventRegistrations::Seats).gt(0),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventRegistrations::Table, EventRegistrations::EventId)
                            .to(Events::Table, Events::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One active registration per person (or per teacher and class)
        // and event; a cancelled one releases its key (NULLs are distinct
        // on both databases), so a person may register again later.
        manager
            .create_index(
                Index::create()
                    .name("uq_event_registrations_active")
                    .table(EventRegistrations::Table)
                    .col(EventRegistrations::EventId)
                    .col(EventRegistrations::ActiveKey)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_event_registrations_queue",
            EventRegistrations::Table,
            &[
                EventRegistrations::EventId,
                EventRegistrations::Status,
                EventRegistrations::Id,
            ],
        )
        .await?;
        index(
            manager,
            "idx_event_registrations_user",
            EventRegistrations::Table,
            &[EventRegistrations::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EventFeedback::Table)
                    .col(integer(EventFeedback::RegistrationId).primary_key())
                    .col(integer(EventFeedback::EventId))
                    .col(integer(EventFeedback::Rating))
                    .col(boolean(EventFeedback::Recommend))
                    .col(text(EventFeedback::Comment))
                    .col(timestamp_with_time_zone(EventFeedback::CreatedAt))
                    .check((
                        Alias::new("ck_event_feedback_rating"),
                        Expr::col(EventFeedback::Rating)
                            .gte(1)
                            .and(Expr::col(EventFeedback::Rating).lte(5)),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EventFeedback::Table, EventFeedback::RegistrationId)
                            .to(EventRegistrations::Table, EventRegistrations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_event_feedback_event",
            EventFeedback::Table,
            &[EventFeedback::EventId],
        )
        .await
    }
}
