//! Federated sign-in (ProConnect, ÉduConnect): the identities of the
//! providers linked to accounts, the sign-ins under way between the
//! departure to a provider and its answer, and, on a session opened
//! through a provider, what its logout needs.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum FederatedIdentities {
    Table,
    Id,
    UserId,
    Provider,
    Issuer,
    Subject,
    Email,
    ConfirmedAt,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OidcLogins {
    Table,
    BindingHash,
    Provider,
    Pending,
    Suite,
    ExpiresAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Sessions {
    Table,
    FederationLogout,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FederatedIdentities::Table)
                    .col(pk_auto(FederatedIdentities::Id))
                    .col(integer(FederatedIdentities::UserId))
                    .col(string_len(FederatedIdentities::Provider, 32))
                    .col(string_len(FederatedIdentities::Issuer, 400))
                    .col(string_len(FederatedIdentities::Subject, 255))
                    .col(string_len_null(FederatedIdentities::Email, 254))
                    .col(timestamp_with_time_zone_null(
                        FederatedIdentities::ConfirmedAt,
                    ))
                    .col(timestamp_with_time_zone(FederatedIdentities::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        FederatedIdentities::LastLoginAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FederatedIdentities::Table, FederatedIdentities::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One account per identity of a provider, confirmed or waiting for
        // the owner's confirmation.
        manager
            .create_index(
                Index::create()
                    .name("uq_federated_identities_subject")
                    .table(FederatedIdentities::Table)
                    .col(FederatedIdentities::Issuer)
                    .col(FederatedIdentities::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OidcLogins::Table)
                    .col(string_len(OidcLogins::BindingHash, 64).primary_key())
                    .col(string_len(OidcLogins::Provider, 32))
                    .col(text(OidcLogins::Pending))
                    .col(string_len(OidcLogins::Suite, 400))
                    .col(timestamp_with_time_zone(OidcLogins::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(text_null(Sessions::FederationLogout))
                    .to_owned(),
            )
            .await
    }
}
