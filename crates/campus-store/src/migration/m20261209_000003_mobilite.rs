//! European mobility (lever 7): the country of every organisation (France
//! for those already there), what a partner establishment abroad hosts,
//! the mobility extension of an offer and of an application, the skills
//! of an application's learning agreement.
//!
//! A mobility offer IS an offer (`offres`): its kind stays one of the
//! existing kinds — `stage`, the nearest for a placement, a study period
//! or a staff mobility (`stage_observation` carries the rules of pupils in
//! 3e) — so the offers' check constraint is not rebuilt (SQLite would need the
//! table copied); what makes it a mobility is its row in
//! `offres_mobilite`. Likewise an application to it is an application
//! (`candidatures`) with its row in `candidatures_mobilite`.
//!
//! The column is added alone (SQLite adds columns one by one, without
//! foreign keys); the new tables carry theirs. Dates are ISO `AAAA-MM-JJ`
//! texts, which compare in date order on both databases.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
    Pays,
}

#[derive(DeriveIden, Clone, Copy)]
enum Offres {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Candidatures {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Documents {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PartenairesEtrangers {
    Table,
    OrganisationId,
    Langues,
    Metiers,
    Niveaux,
    ContactNom,
    ContactEmail,
}

#[derive(DeriveIden, Clone, Copy)]
enum OffresMobilite {
    Table,
    OffreId,
    PublicMobilite,
    Nature,
    PartenaireId,
    Pays,
    DateDebut,
    DateFin,
    DureeJours,
    Financement,
    FinancementNom,
    AgeMin,
    AgeMax,
    DateLimite,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidaturesMobilite {
    Table,
    CandidatureId,
    DateNaissance,
    EmailParent,
    Certification,
    ContratLe,
    AccordEcoleLe,
    AccordEcoleUserId,
    AccordHoteLe,
    AccordHoteNom,
    Consentement,
    ConsentementNom,
    ConsentementLe,
    AcquisLe,
    Mentor,
    MoinsOpportunites,
    EuropassDocumentId,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidatureMobiliteCompetences {
    Table,
    CandidatureId,
    Code,
    Libelle,
    Origine,
    Acquise,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(string_len(Organisations::Pays, 2).default("FR"))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_organisations_pays",
            Organisations::Table,
            &[Organisations::Pays],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PartenairesEtrangers::Table)
                    .col(integer(PartenairesEtrangers::OrganisationId).primary_key())
                    .col(text(PartenairesEtrangers::Langues))
                    .col(text(PartenairesEtrangers::Metiers))
                    .col(text(PartenairesEtrangers::Niveaux))
                    .col(string_len(PartenairesEtrangers::ContactNom, 120))
                    .col(string_len(PartenairesEtrangers::ContactEmail, 254))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PartenairesEtrangers::Table,
                                PartenairesEtrangers::OrganisationId,
                            )
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OffresMobilite::Table)
                    .col(integer(OffresMobilite::OffreId).primary_key())
                    .col(string_len(OffresMobilite::PublicMobilite, 16))
                    .col(string_len(OffresMobilite::Nature, 16))
                    .col(integer(OffresMobilite::PartenaireId))
                    .col(string_len(OffresMobilite::Pays, 2))
                    .col(string_len(OffresMobilite::DateDebut, 10))
                    .col(string_len(OffresMobilite::DateFin, 10))
                    .col(integer(OffresMobilite::DureeJours))
                    .col(string_len(OffresMobilite::Financement, 16))
                    .col(string_len_null(OffresMobilite::FinancementNom, 200))
                    .col(small_integer_null(OffresMobilite::AgeMin))
                    .col(small_integer_null(OffresMobilite::AgeMax))
                    .col(string_len(OffresMobilite::DateLimite, 10))
                    .check(Expr::col(OffresMobilite::DureeJours).gt(0))
                    .check(
                        Expr::col(OffresMobilite::DateFin).gt(Expr::col(OffresMobilite::DateDebut)),
                    )
                    .check(
                        Expr::col(OffresMobilite::PublicMobilite)
                            .is_in(["apprenants", "personnels"]),
                    )
                    .check(Expr::col(OffresMobilite::Nature).is_in([
                        "stage",
                        "periode_etudes",
                        "observation",
                        "enseignement",
                    ]))
                    .check(Expr::col(OffresMobilite::Financement).is_in(["erasmus_plus", "autre"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OffresMobilite::Table, OffresMobilite::OffreId)
                            .to(Offres::Table, Offres::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OffresMobilite::Table, OffresMobilite::PartenaireId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_offres_mobilite_pays",
            OffresMobilite::Table,
            &[OffresMobilite::Pays, OffresMobilite::DateDebut],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CandidaturesMobilite::Table)
                    .col(integer(CandidaturesMobilite::CandidatureId).primary_key())
                    .col(string_len(CandidaturesMobilite::DateNaissance, 10))
                    .col(string_len_null(CandidaturesMobilite::EmailParent, 254))
                    .col(string_len_null(CandidaturesMobilite::Certification, 16))
                    .col(timestamp_with_time_zone_null(
                        CandidaturesMobilite::ContratLe,
                    ))
                    .col(timestamp_with_time_zone_null(
                        CandidaturesMobilite::AccordEcoleLe,
                    ))
                    .col(integer_null(CandidaturesMobilite::AccordEcoleUserId))
                    .col(timestamp_with_time_zone_null(
                        CandidaturesMobilite::AccordHoteLe,
                    ))
                    .col(string_len_null(CandidaturesMobilite::AccordHoteNom, 200))
                    .col(string_len(CandidaturesMobilite::Consentement, 16))
                    .col(string_len_null(CandidaturesMobilite::ConsentementNom, 200))
                    .col(timestamp_with_time_zone_null(
                        CandidaturesMobilite::ConsentementLe,
                    ))
                    .col(timestamp_with_time_zone_null(
                        CandidaturesMobilite::AcquisLe,
                    ))
                    .col(string_len_null(CandidaturesMobilite::Mentor, 200))
                    .col(boolean(CandidaturesMobilite::MoinsOpportunites).default(false))
                    .col(integer_null(CandidaturesMobilite::EuropassDocumentId))
                    .check(Expr::col(CandidaturesMobilite::Consentement).is_in([
                        "sans_objet",
                        "attendu",
                        "donne",
                        "refuse",
                    ]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CandidaturesMobilite::Table,
                                CandidaturesMobilite::CandidatureId,
                            )
                            .to(Candidatures::Table, Candidatures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CandidaturesMobilite::Table,
                                CandidaturesMobilite::AccordEcoleUserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CandidaturesMobilite::Table,
                                CandidaturesMobilite::EuropassDocumentId,
                            )
                            .to(Documents::Table, Documents::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CandidatureMobiliteCompetences::Table)
                    .col(integer(CandidatureMobiliteCompetences::CandidatureId))
                    .col(string_len(CandidatureMobiliteCompetences::Code, 40))
                    .col(text(CandidatureMobiliteCompetences::Libelle))
                    .col(string_len(CandidatureMobiliteCompetences::Origine, 8))
                    .col(boolean(CandidatureMobiliteCompetences::Acquise).default(false))
                    .primary_key(
                        Index::create()
                            .col(CandidatureMobiliteCompetences::CandidatureId)
                            .col(CandidatureMobiliteCompetences::Code),
                    )
                    .check(
                        Expr::col(CandidatureMobiliteCompetences::Origine).is_in(["rome", "rncp"]),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                CandidatureMobiliteCompetences::Table,
                                CandidatureMobiliteCompetences::CandidatureId,
                            )
                            .to(
                                CandidaturesMobilite::Table,
                                CandidaturesMobilite::CandidatureId,
                            )
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
