//! Trainings: formations, their actions and sessions, the codes that
//! classify them, the LHÉO element each was read from (for the export) and
//! the platform's own link of a training's body to an organisation of the
//! directory. Codes carry no foreign key, as in the other referentials: a
//! reference to a certification or trade absent from the catalogue is kept.
//! Text columns have no length limit: publishers' identifiers and codes
//! vary in length, and one long value must not abort a whole import.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Formations {
    Table,
    Id,
    Source,
    Numero,
    Intitule,
    Objectif,
    Contenu,
    ResultatsAttendus,
    Certifiante,
    Parcours,
    ObjectifGeneral,
    NiveauEntree,
    NiveauSortie,
    Url,
    OrganismeNom,
    OrganismeRaisonSociale,
    OrganismeSiret,
    OrganismeUai,
    OrganismeNumeroActivite,
    OrganismeLieu,
    Contact,
    LheoEmpreinte,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationCodes {
    Table,
    FormationId,
    Kind,
    Code,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationActions {
    Table,
    Id,
    FormationId,
    Numero,
    Modalite,
    PublicVise,
    Prerequis,
    Rythme,
    Alternance,
    Enseignement,
    EntreesSorties,
    DureeHeures,
    Prix,
    Financeurs,
    LieuNom,
    LieuAdresse,
    LieuCodePostal,
    LieuVille,
    LieuCommuneInsee,
    LieuDepartement,
    Latitude,
    Longitude,
    FormateurSiret,
    FormateurNom,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationSessions {
    Table,
    Id,
    ActionId,
    Numero,
    Debut,
    Fin,
    EtatRecrutement,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationLheo {
    Table,
    FormationId,
    Xml,
}

#[derive(DeriveIden, Clone, Copy)]
enum FormationOrganisations {
    Table,
    FormationId,
    OrganisationId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Organisations {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Formations::Table)
                    .col(text(Formations::Id).primary_key())
                    .col(text(Formations::Source))
                    .col(text(Formations::Numero))
                    .col(text(Formations::Intitule))
                    .col(text_null(Formations::Objectif))
                    .col(text_null(Formations::Contenu))
                    .col(text_null(Formations::ResultatsAttendus))
                    .col(boolean_null(Formations::Certifiante))
                    .col(text_null(Formations::Parcours))
                    .col(text_null(Formations::ObjectifGeneral))
                    .col(text_null(Formations::NiveauEntree))
                    .col(small_integer_null(Formations::NiveauSortie))
                    .col(text_null(Formations::Url))
                    .col(text(Formations::OrganismeNom))
                    .col(text_null(Formations::OrganismeRaisonSociale))
                    .col(text_null(Formations::OrganismeSiret))
                    .col(text_null(Formations::OrganismeUai))
                    .col(text_null(Formations::OrganismeNumeroActivite))
                    .col(text_null(Formations::OrganismeLieu))
                    .col(text_null(Formations::Contact))
                    .col(text_null(Formations::LheoEmpreinte))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formations_siret",
            Formations::Table,
            &[Formations::OrganismeSiret],
        )
        .await?;
        index(
            manager,
            "idx_formations_uai",
            Formations::Table,
            &[Formations::OrganismeUai],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationCodes::Table)
                    .col(text(FormationCodes::FormationId))
                    .col(text(FormationCodes::Kind))
                    .col(text(FormationCodes::Code))
                    .primary_key(
                        Index::create()
                            .col(FormationCodes::FormationId)
                            .col(FormationCodes::Kind)
                            .col(FormationCodes::Code),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formation_codes_code",
            FormationCodes::Table,
            &[FormationCodes::Kind, FormationCodes::Code],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationActions::Table)
                    .col(text(FormationActions::Id).primary_key())
                    .col(text(FormationActions::FormationId))
                    .col(text(FormationActions::Numero))
                    .col(text(FormationActions::Modalite))
                    .col(text(FormationActions::PublicVise))
                    .col(text_null(FormationActions::Prerequis))
                    .col(text_null(FormationActions::Rythme))
                    .col(text_null(FormationActions::Alternance))
                    .col(text_null(FormationActions::Enseignement))
                    .col(text_null(FormationActions::EntreesSorties))
                    .col(double_null(FormationActions::DureeHeures))
                    .col(double_null(FormationActions::Prix))
                    .col(text(FormationActions::Financeurs))
                    .col(text_null(FormationActions::LieuNom))
                    .col(text_null(FormationActions::LieuAdresse))
                    .col(text_null(FormationActions::LieuCodePostal))
                    .col(text_null(FormationActions::LieuVille))
                    .col(text_null(FormationActions::LieuCommuneInsee))
                    .col(text_null(FormationActions::LieuDepartement))
                    .col(double_null(FormationActions::Latitude))
                    .col(double_null(FormationActions::Longitude))
                    .col(text_null(FormationActions::FormateurSiret))
                    .col(text_null(FormationActions::FormateurNom))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formation_actions_formation",
            FormationActions::Table,
            &[FormationActions::FormationId],
        )
        .await?;
        index(
            manager,
            "idx_formation_actions_position",
            FormationActions::Table,
            &[FormationActions::Latitude, FormationActions::Longitude],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationSessions::Table)
                    .col(text(FormationSessions::Id).primary_key())
                    .col(text(FormationSessions::ActionId))
                    .col(text(FormationSessions::Numero))
                    .col(text_null(FormationSessions::Debut))
                    .col(text_null(FormationSessions::Fin))
                    .col(text_null(FormationSessions::EtatRecrutement))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formation_sessions_action",
            FormationSessions::Table,
            &[FormationSessions::ActionId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationLheo::Table)
                    .col(text(FormationLheo::FormationId).primary_key())
                    .col(text(FormationLheo::Xml))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FormationOrganisations::Table)
                    .col(text(FormationOrganisations::FormationId).primary_key())
                    .col(integer(FormationOrganisations::OrganisationId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                FormationOrganisations::Table,
                                FormationOrganisations::OrganisationId,
                            )
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_formation_organisations_organisation",
            FormationOrganisations::Table,
            &[FormationOrganisations::OrganisationId],
        )
        .await
    }
}
