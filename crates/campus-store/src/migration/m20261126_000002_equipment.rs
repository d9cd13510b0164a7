//! Pooled equipment of the technology platform: the catalogue, its
//! managers, maintenance windows, habilitations, bookings, the slot units
//! they occupy, and quotas of hours per organisation and month.
//!
//! `equipment_slots` is what keeps two bookings of one equipment apart on
//! every backend and every node: one row per occupied unit of time, primary
//! key (equipment, unit start), written in the booking's own transaction.
//! Quota use is a counter row per organisation and month, raised by a
//! conditional update that the database refuses past the limit.

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
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Equipments {
    Table,
    Id,
    Slug,
    Nom,
    OrganisationId,
    Site,
    Categorie,
    Description,
    Capacites,
    ReglesSecurite,
    HabilitationRequise,
    TarifAcademiqueCentimes,
    TarifIndustrielCentimes,
    Statut,
    JoursOuverture,
    OuvertureMinutes,
    FermetureMinutes,
    ApprobationRequise,
    JetonIcal,
    Verrou,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentManagers {
    Table,
    EquipmentId,
    UserId,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentMaintenances {
    Table,
    Id,
    EquipmentId,
    Debut,
    Fin,
    Motif,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Habilitations {
    Table,
    Id,
    UserId,
    Categorie,
    AccordeePar,
    ExpireLe,
    Motif,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentBookings {
    Table,
    Id,
    EquipmentId,
    UserId,
    OrganisationId,
    Public,
    Tarif,
    Debut,
    Fin,
    Minutes,
    QuotaMinutes,
    Periode,
    Statut,
    Objet,
    DecidedBy,
    DecidedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentSlots {
    Table,
    EquipmentId,
    Debut,
    BookingId,
    MaintenanceId,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentQuotas {
    Table,
    OrganisationId,
    MinutesParMois,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipmentQuotaUse {
    Table,
    OrganisationId,
    Periode,
    Minutes,
}

fn cascade<
    T: IntoIden + 'static,
    C: IntoIden + 'static,
    R: IntoIden + 'static,
    K: IntoIden + 'static,
>(
    from: (T, C),
    to: (R, K),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Equipments::Table)
                    .col(pk_auto(Equipments::Id))
                    .col(string_len_uniq(Equipments::Slug, 120))
                    .col(string_len(Equipments::Nom, 200))
                    .col(integer(Equipments::OrganisationId))
                    .col(string_len(Equipments::Site, 250))
                    .col(string_len(Equipments::Categorie, 32))
                    .col(text(Equipments::Description))
                    .col(text(Equipments::Capacites))
                    .col(text(Equipments::ReglesSecurite))
                    .col(boolean(Equipments::HabilitationRequise))
                    .col(integer(Equipments::TarifAcademiqueCentimes))
                    .col(integer(Equipments::TarifIndustrielCentimes))
                    .col(string_len(Equipments::Statut, 32))
                    .col(integer(Equipments::JoursOuverture))
                    .col(integer(Equipments::OuvertureMinutes))
                    .col(integer(Equipments::FermetureMinutes))
                    .col(boolean(Equipments::ApprobationRequise))
                    .col(string_len_uniq(Equipments::JetonIcal, 64))
                    .col(big_integer(Equipments::Verrou))
                    .col(timestamp_with_time_zone(Equipments::CreatedAt))
                    .col(timestamp_with_time_zone(Equipments::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (Equipments::Table, Equipments::OrganisationId),
                        (Organisations::Table, Organisations::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentManagers::Table)
                    .col(integer(EquipmentManagers::EquipmentId))
                    .col(integer(EquipmentManagers::UserId))
                    .primary_key(
                        Index::create()
                            .col(EquipmentManagers::EquipmentId)
                            .col(EquipmentManagers::UserId),
                    )
                    .foreign_key(&mut cascade(
                        (EquipmentManagers::Table, EquipmentManagers::EquipmentId),
                        (Equipments::Table, Equipments::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (EquipmentManagers::Table, EquipmentManagers::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_equipment_managers_user",
            EquipmentManagers::Table,
            &[EquipmentManagers::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentMaintenances::Table)
                    .col(pk_auto(EquipmentMaintenances::Id))
                    .col(integer(EquipmentMaintenances::EquipmentId))
                    .col(timestamp_with_time_zone(EquipmentMaintenances::Debut))
                    .col(timestamp_with_time_zone(EquipmentMaintenances::Fin))
                    .col(string_len(EquipmentMaintenances::Motif, 500))
                    .col(timestamp_with_time_zone(EquipmentMaintenances::CreatedAt))
                    .foreign_key(&mut cascade(
                        (
                            EquipmentMaintenances::Table,
                            EquipmentMaintenances::EquipmentId,
                        ),
                        (Equipments::Table, Equipments::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_equipment_maintenances_equipment",
            EquipmentMaintenances::Table,
            &[
                EquipmentMaintenances::EquipmentId,
                EquipmentMaintenances::Debut,
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Habilitations::Table)
                    .col(pk_auto(Habilitations::Id))
                    .col(integer(Habilitations::UserId))
                    .col(string_len(Habilitations::Categorie, 32))
                    .col(integer_null(Habilitations::AccordeePar))
                    .col(date(Habilitations::ExpireLe))
                    .col(string_len(Habilitations::Motif, 500))
                    .col(timestamp_with_time_zone(Habilitations::CreatedAt))
                    .col(timestamp_with_time_zone(Habilitations::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (Habilitations::Table, Habilitations::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Habilitations::Table, Habilitations::AccordeePar)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_habilitations_user_categorie")
                    .table(Habilitations::Table)
                    .col(Habilitations::UserId)
                    .col(Habilitations::Categorie)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentBookings::Table)
                    .col(pk_auto(EquipmentBookings::Id))
                    .col(integer(EquipmentBookings::EquipmentId))
                    .col(integer(EquipmentBookings::UserId))
                    .col(integer_null(EquipmentBookings::OrganisationId))
                    .col(string_len(EquipmentBookings::Public, 32))
                    .col(string_len(EquipmentBookings::Tarif, 16))
                    .col(timestamp_with_time_zone(EquipmentBookings::Debut))
                    .col(timestamp_with_time_zone(EquipmentBookings::Fin))
                    .col(integer(EquipmentBookings::Minutes))
                    .col(integer(EquipmentBookings::QuotaMinutes))
                    .col(string_len(EquipmentBookings::Periode, 7))
                    .col(string_len(EquipmentBookings::Statut, 16))
                    .col(string_len(EquipmentBookings::Objet, 500))
                    .col(integer_null(EquipmentBookings::DecidedBy))
                    .col(timestamp_with_time_zone_null(EquipmentBookings::DecidedAt))
                    .col(timestamp_with_time_zone(EquipmentBookings::CreatedAt))
                    .col(timestamp_with_time_zone(EquipmentBookings::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (EquipmentBookings::Table, EquipmentBookings::EquipmentId),
                        (Equipments::Table, Equipments::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (EquipmentBookings::Table, EquipmentBookings::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EquipmentBookings::Table, EquipmentBookings::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_equipment_bookings_equipment",
            EquipmentBookings::Table,
            &[EquipmentBookings::EquipmentId, EquipmentBookings::Debut],
        )
        .await?;
        index(
            manager,
            "idx_equipment_bookings_user",
            EquipmentBookings::Table,
            &[EquipmentBookings::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentSlots::Table)
                    .col(integer(EquipmentSlots::EquipmentId))
                    .col(timestamp_with_time_zone(EquipmentSlots::Debut))
                    .col(integer_null(EquipmentSlots::BookingId))
                    .col(integer_null(EquipmentSlots::MaintenanceId))
                    .primary_key(
                        Index::create()
                            .col(EquipmentSlots::EquipmentId)
                            .col(EquipmentSlots::Debut),
                    )
                    .foreign_key(&mut cascade(
                        (EquipmentSlots::Table, EquipmentSlots::EquipmentId),
                        (Equipments::Table, Equipments::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (EquipmentSlots::Table, EquipmentSlots::BookingId),
                        (EquipmentBookings::Table, EquipmentBookings::Id),
                    ))
                    .foreign_key(&mut cascade(
                        (EquipmentSlots::Table, EquipmentSlots::MaintenanceId),
                        (EquipmentMaintenances::Table, EquipmentMaintenances::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_equipment_slots_booking",
            EquipmentSlots::Table,
            &[EquipmentSlots::BookingId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentQuotas::Table)
                    .col(integer(EquipmentQuotas::OrganisationId).primary_key())
                    .col(integer(EquipmentQuotas::MinutesParMois))
                    .col(timestamp_with_time_zone(EquipmentQuotas::UpdatedAt))
                    .foreign_key(&mut cascade(
                        (EquipmentQuotas::Table, EquipmentQuotas::OrganisationId),
                        (Organisations::Table, Organisations::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(EquipmentQuotaUse::Table)
                    .col(integer(EquipmentQuotaUse::OrganisationId))
                    .col(string_len(EquipmentQuotaUse::Periode, 7))
                    .col(integer(EquipmentQuotaUse::Minutes))
                    .primary_key(
                        Index::create()
                            .col(EquipmentQuotaUse::OrganisationId)
                            .col(EquipmentQuotaUse::Periode),
                    )
                    .foreign_key(&mut cascade(
                        (EquipmentQuotaUse::Table, EquipmentQuotaUse::OrganisationId),
                        (Organisations::Table, Organisations::Id),
                    ))
                    .to_owned(),
            )
            .await
    }
}
