//! The platform's foundation: accounts, sessions, one-time tokens, API
//! tokens, login throttling, the mail outbox, organisations and their
//! members, server secrets and the audit trail.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    Role,
    Statut,
    Locale,
    EmailVerifiedAt,
    DisabledAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Sessions {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    ExpiresAt,
    LastSeenAt,
    UserAgent,
}

#[derive(DeriveIden, Clone, Copy)]
enum UserTokens {
    Table,
    Id,
    TokenHash,
    UserId,
    Purpose,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ApiTokens {
    Table,
    Id,
    UserId,
    Name,
    TokenHash,
    DisplayPrefix,
    CreatedAt,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum LoginAttempts {
    Table,
    Id,
    Email,
    Ip,
    Succeeded,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MailOutbox {
    Table,
    Id,
    Recipient,
    Subject,
    BodyText,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    SentAt,
    LastError,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
    Slug,
    Nom,
    Kind,
    Siret,
    Uai,
    Description,
    Adresse,
    CodePostal,
    Commune,
    Departement,
    SiteWeb,
    EmailContact,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Memberships {
    Table,
    Id,
    OrganisationId,
    UserId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ServerSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditEvents {
    Table,
    Id,
    ActorUserId,
    Action,
    Subject,
    Details,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 120))
                    .col(string_null(Users::PasswordHash))
                    .col(string_len(Users::Role, 32))
                    .col(string_len_null(Users::Statut, 32))
                    .col(string_len(Users::Locale, 8))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone_null(Users::DisabledAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string_len(Sessions::TokenHash, 64).primary_key())
                    .col(integer(Sessions::UserId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(string_len_null(Sessions::UserAgent, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_sessions_user",
            Sessions::Table,
            &[Sessions::UserId],
        )
        .await?;
        index(
            manager,
            "idx_sessions_expires",
            Sessions::Table,
            &[Sessions::ExpiresAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserTokens::Table)
                    .col(pk_auto(UserTokens::Id))
                    .col(string_len_uniq(UserTokens::TokenHash, 64))
                    .col(integer(UserTokens::UserId))
                    .col(string_len(UserTokens::Purpose, 32))
                    .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                    .col(timestamp_with_time_zone(UserTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserTokens::Table, UserTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_user_tokens_user",
            UserTokens::Table,
            &[UserTokens::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(pk_auto(ApiTokens::Id))
                    .col(integer(ApiTokens::UserId))
                    .col(string_len(ApiTokens::Name, 80))
                    .col(string_len_uniq(ApiTokens::TokenHash, 64))
                    .col(string_len(ApiTokens::DisplayPrefix, 16))
                    .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ApiTokens::Table, ApiTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_api_tokens_user",
            ApiTokens::Table,
            &[ApiTokens::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginAttempts::Table)
                    .col(pk_auto(LoginAttempts::Id))
                    .col(string_len(LoginAttempts::Email, 254))
                    .col(string_len(LoginAttempts::Ip, 64))
                    .col(boolean(LoginAttempts::Succeeded))
                    .col(timestamp_with_time_zone(LoginAttempts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_login_attempts_email",
            LoginAttempts::Table,
            &[LoginAttempts::Email, LoginAttempts::CreatedAt],
        )
        .await?;
        index(
            manager,
            "idx_login_attempts_ip",
            LoginAttempts::Table,
            &[LoginAttempts::Ip, LoginAttempts::CreatedAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(MailOutbox::Table)
                    .col(pk_auto(MailOutbox::Id))
                    .col(string_len(MailOutbox::Recipient, 254))
                    .col(string_len(MailOutbox::Subject, 200))
                    .col(text(MailOutbox::BodyText))
                    .col(integer(MailOutbox::Attempts))
                    .col(timestamp_with_time_zone(MailOutbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(MailOutbox::LockedUntil))
                    .col(timestamp_with_time_zone_null(MailOutbox::SentAt))
                    .col(text_null(MailOutbox::LastError))
                    .col(timestamp_with_time_zone(MailOutbox::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_mail_outbox_pending",
            MailOutbox::Table,
            &[MailOutbox::SentAt, MailOutbox::NextAttemptAt],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(pk_auto(Organisations::Id))
                    .col(string_len_uniq(Organisations::Slug, 80))
                    .col(string_len(Organisations::Nom, 200))
                    .col(string_len(Organisations::Kind, 32))
                    .col(string_len_null(Organisations::Siret, 14).unique_key())
                    .col(string_len_null(Organisations::Uai, 8).unique_key())
                    .col(text(Organisations::Description))
                    .col(string_len_null(Organisations::Adresse, 250))
                    .col(string_len_null(Organisations::CodePostal, 5))
                    .col(string_len_null(Organisations::Commune, 120))
                    .col(string_len_null(Organisations::Departement, 3))
                    .col(string_len_null(Organisations::SiteWeb, 250))
                    .col(string_len_null(Organisations::EmailContact, 254))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .col(timestamp_with_time_zone(Organisations::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_organisations_departement",
            Organisations::Table,
            &[Organisations::Departement],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(pk_auto(Memberships::Id))
                    .col(integer(Memberships::OrganisationId))
                    .col(integer(Memberships::UserId))
                    .col(string_len(Memberships::Role, 32))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_memberships_org_user")
                    .table(Memberships::Table)
                    .col(Memberships::OrganisationId)
                    .col(Memberships::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_memberships_user",
            Memberships::Table,
            &[Memberships::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ServerSecrets::Table)
                    .col(string_len(ServerSecrets::Name, 64).primary_key())
                    .col(string_len(ServerSecrets::Value, 128))
                    .col(timestamp_with_time_zone(ServerSecrets::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(pk_auto(AuditEvents::Id))
                    .col(integer_null(AuditEvents::ActorUserId))
                    .col(string_len(AuditEvents::Action, 64))
                    .col(string_len(AuditEvents::Subject, 200))
                    .col(text(AuditEvents::Details))
                    .col(timestamp_with_time_zone(AuditEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_audit_events_created",
            AuditEvents::Table,
            &[AuditEvents::CreatedAt],
        )
        .await?;
        Ok(())
    }
}
