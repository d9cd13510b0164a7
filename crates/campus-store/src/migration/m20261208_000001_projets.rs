//! Projects of the network: their organisations, members, links to the
//! catalogue and the technology platform, versioned documents, the
//! deliverables of the current stage, milestones, and the history that is
//! both the project's timeline and the dated record the dashboards and the
//! evaluation read.
//!
//! Rules held here: one membership per person and project (primary key),
//! one version number per document series (unique key), one row per
//! deliverable of a project, the stage and state values (checks); the
//! review of a stage is a conditional update on `projets` (stage, state,
//! version) in the data layer.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Projets {
    Table,
    Id,
    Slug,
    TypeProjet,
    Titre,
    Resume,
    Resultats,
    Debut,
    Fin,
    Statut,
    Etape,
    EtatEtape,
    EtapeDepuis,
    Public,
    EvenementId,
    CreeParUserId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetOrganisations {
    Table,
    ProjetId,
    OrganisationId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetMembres {
    Table,
    ProjetId,
    UserId,
    Role,
    AjouteParUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetMetiers {
    Table,
    ProjetId,
    CodeRome,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetCertifications {
    Table,
    ProjetId,
    Code,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetEquipements {
    Table,
    ProjetId,
    EquipementId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetReservations {
    Table,
    ReservationId,
    ProjetId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetModules {
    Table,
    ModuleDemandeId,
    ProjetId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetDocuments {
    Table,
    Id,
    ProjetId,
    SerieId,
    Version,
    DocumentId,
    Titre,
    Livrable,
    Public,
    DeposeParUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetLivrables {
    Table,
    ProjetId,
    Livrable,
    Etat,
    ProjetDocumentId,
    Commentaire,
    DecideParUserId,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetJalons {
    Table,
    Id,
    ProjetId,
    Titre,
    Echeance,
    AtteintLe,
    RappeleLe,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ProjetHistorique {
    Table,
    Id,
    ProjetId,
    ActeurUserId,
    Action,
    Etape,
    Livrable,
    ProjetDocumentId,
    Detail,
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

#[derive(DeriveIden, Clone, Copy)]
enum Documents {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Equipements {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum EquipementReservations {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum ModuleDemandes {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Evenements {
    Table,
    Id,
}

const TYPES: [&str; 4] = [
    "ecole_recherche",
    "initiation_recherche",
    "pedagogique_industriel",
    "we_lab",
];
const ETAPES: [&str; 8] = [
    "idee",
    "exploration",
    "prototype",
    "transfert",
    "sortie",
    "cadrage",
    "realisation",
    "restitution",
];
const LIVRABLES: [&str; 7] = [
    "enonce_probleme",
    "etude_marche",
    "rapport_prototype",
    "decision_transfert",
    "note_cadrage",
    "rapport_realisation",
    "support_restitution",
];
const ROLES: [&str; 6] = [
    "porteur",
    "enseignant",
    "chercheur",
    "tuteur_industriel",
    "eleve",
    "invite",
];

/// A foreign key to `projets` that goes with the project.
fn to_projet<T: IntoIden + Copy + 'static>(
    table: T,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Projets::Table, Projets::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A foreign key to a row of another feature: the link goes with it.
fn cascade<T: IntoIden + Copy + 'static, R: IntoIden + 'static>(
    table: T,
    column: impl IntoIden,
    to: R,
    key: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, key)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// An author: the row outlives the account (erased people leave their
/// documents and decisions to the project, unnamed).
fn fk_user<T: IntoIden + Copy + 'static>(
    table: T,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Projets::Table)
                    .col(pk_auto(Projets::Id))
                    .col(string_len(Projets::Slug, 120).unique_key())
                    .col(string_len(Projets::TypeProjet, 32))
                    .col(string_len(Projets::Titre, 200))
                    .col(text(Projets::Resume))
                    .col(text_null(Projets::Resultats))
                    .col(string_len(Projets::Debut, 10))
                    .col(string_len(Projets::Fin, 10))
                    .col(string_len(Projets::Statut, 16))
                    .col(string_len(Projets::Etape, 16))
                    .col(string_len(Projets::EtatEtape, 16))
                    .col(timestamp_with_time_zone(Projets::EtapeDepuis))
                    .col(boolean(Projets::Public).default(false))
                    .col(integer_null(Projets::EvenementId))
                    .col(integer_null(Projets::CreeParUserId))
                    .col(integer(Projets::Version).default(1))
                    .col(timestamp_with_time_zone(Projets::CreatedAt))
                    .col(timestamp_with_time_zone(Projets::UpdatedAt))
                    .check(Expr::col(Projets::TypeProjet).is_in(TYPES))
                    .check(Expr::col(Projets::Etape).is_in(ETAPES))
                    .check(Expr::col(Projets::EtatEtape).is_in(["en_cours", "soumise", "validee"]))
                    .check(Expr::col(Projets::Statut).is_in(["en_cours", "termine", "abandonne"]))
                    .foreign_key(&mut fk_user(Projets::Table, Projets::CreeParUserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Projets::Table, Projets::EvenementId)
                            .to(Evenements::Table, Evenements::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projets_type_etape",
            Projets::Table,
            &[Projets::TypeProjet, Projets::Etape],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetOrganisations::Table)
                    .col(integer(ProjetOrganisations::ProjetId))
                    .col(integer(ProjetOrganisations::OrganisationId))
                    .primary_key(
                        Index::create()
                            .col(ProjetOrganisations::ProjetId)
                            .col(ProjetOrganisations::OrganisationId),
                    )
                    .foreign_key(&mut to_projet(
                        ProjetOrganisations::Table,
                        ProjetOrganisations::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetOrganisations::Table,
                        ProjetOrganisations::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_organisations_organisation",
            ProjetOrganisations::Table,
            &[ProjetOrganisations::OrganisationId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetMembres::Table)
                    .col(integer(ProjetMembres::ProjetId))
                    .col(integer(ProjetMembres::UserId))
                    .col(string_len(ProjetMembres::Role, 24))
                    .col(integer_null(ProjetMembres::AjouteParUserId))
                    .col(timestamp_with_time_zone(ProjetMembres::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ProjetMembres::ProjetId)
                            .col(ProjetMembres::UserId),
                    )
                    .check(Expr::col(ProjetMembres::Role).is_in(ROLES))
                    .foreign_key(&mut to_projet(
                        ProjetMembres::Table,
                        ProjetMembres::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetMembres::Table,
                        ProjetMembres::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk_user(
                        ProjetMembres::Table,
                        ProjetMembres::AjouteParUserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_membres_user",
            ProjetMembres::Table,
            &[ProjetMembres::UserId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetMetiers::Table)
                    .col(integer(ProjetMetiers::ProjetId))
                    .col(string_len(ProjetMetiers::CodeRome, 5))
                    .primary_key(
                        Index::create()
                            .col(ProjetMetiers::ProjetId)
                            .col(ProjetMetiers::CodeRome),
                    )
                    .foreign_key(&mut to_projet(
                        ProjetMetiers::Table,
                        ProjetMetiers::ProjetId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_metiers_rome",
            ProjetMetiers::Table,
            &[ProjetMetiers::CodeRome],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetCertifications::Table)
                    .col(integer(ProjetCertifications::ProjetId))
                    .col(string_len(ProjetCertifications::Code, 16))
                    .primary_key(
                        Index::create()
                            .col(ProjetCertifications::ProjetId)
                            .col(ProjetCertifications::Code),
                    )
                    .foreign_key(&mut to_projet(
                        ProjetCertifications::Table,
                        ProjetCertifications::ProjetId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetEquipements::Table)
                    .col(integer(ProjetEquipements::ProjetId))
                    .col(integer(ProjetEquipements::EquipementId))
                    .primary_key(
                        Index::create()
                            .col(ProjetEquipements::ProjetId)
                            .col(ProjetEquipements::EquipementId),
                    )
                    .foreign_key(&mut to_projet(
                        ProjetEquipements::Table,
                        ProjetEquipements::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetEquipements::Table,
                        ProjetEquipements::EquipementId,
                        Equipements::Table,
                        Equipements::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetReservations::Table)
                    .col(integer(ProjetReservations::ReservationId).primary_key())
                    .col(integer(ProjetReservations::ProjetId))
                    .foreign_key(&mut to_projet(
                        ProjetReservations::Table,
                        ProjetReservations::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetReservations::Table,
                        ProjetReservations::ReservationId,
                        EquipementReservations::Table,
                        EquipementReservations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_reservations_projet",
            ProjetReservations::Table,
            &[ProjetReservations::ProjetId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetModules::Table)
                    .col(integer(ProjetModules::ModuleDemandeId).primary_key())
                    .col(integer(ProjetModules::ProjetId))
                    .foreign_key(&mut to_projet(
                        ProjetModules::Table,
                        ProjetModules::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetModules::Table,
                        ProjetModules::ModuleDemandeId,
                        ModuleDemandes::Table,
                        ModuleDemandes::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_modules_projet",
            ProjetModules::Table,
            &[ProjetModules::ProjetId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetDocuments::Table)
                    .col(pk_auto(ProjetDocuments::Id))
                    .col(integer(ProjetDocuments::ProjetId))
                    .col(integer_null(ProjetDocuments::SerieId))
                    .col(integer(ProjetDocuments::Version))
                    .col(integer(ProjetDocuments::DocumentId))
                    .col(string_len(ProjetDocuments::Titre, 200))
                    .col(string_len_null(ProjetDocuments::Livrable, 32))
                    .col(boolean(ProjetDocuments::Public).default(false))
                    .col(integer_null(ProjetDocuments::DeposeParUserId))
                    .col(timestamp_with_time_zone(ProjetDocuments::CreatedAt))
                    .check(Expr::col(ProjetDocuments::Version).gte(1))
                    .check(
                        Expr::col(ProjetDocuments::Livrable)
                            .is_null()
                            .or(Expr::col(ProjetDocuments::Livrable).is_in(LIVRABLES)),
                    )
                    .foreign_key(&mut to_projet(
                        ProjetDocuments::Table,
                        ProjetDocuments::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetDocuments::Table,
                        ProjetDocuments::DocumentId,
                        Documents::Table,
                        Documents::Id,
                    ))
                    .foreign_key(&mut fk_user(
                        ProjetDocuments::Table,
                        ProjetDocuments::DeposeParUserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_projet_documents_serie_version")
                    .table(ProjetDocuments::Table)
                    .col(ProjetDocuments::SerieId)
                    .col(ProjetDocuments::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_documents_projet",
            ProjetDocuments::Table,
            &[ProjetDocuments::ProjetId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetLivrables::Table)
                    .col(integer(ProjetLivrables::ProjetId))
                    .col(string_len(ProjetLivrables::Livrable, 32))
                    .col(string_len(ProjetLivrables::Etat, 16))
                    .col(integer(ProjetLivrables::ProjetDocumentId))
                    .col(text_null(ProjetLivrables::Commentaire))
                    .col(integer_null(ProjetLivrables::DecideParUserId))
                    .col(timestamp_with_time_zone(ProjetLivrables::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(ProjetLivrables::ProjetId)
                            .col(ProjetLivrables::Livrable),
                    )
                    .check(Expr::col(ProjetLivrables::Livrable).is_in(LIVRABLES))
                    .check(Expr::col(ProjetLivrables::Etat).is_in(["depose", "refuse", "accepte"]))
                    .foreign_key(&mut to_projet(
                        ProjetLivrables::Table,
                        ProjetLivrables::ProjetId,
                    ))
                    .foreign_key(&mut cascade(
                        ProjetLivrables::Table,
                        ProjetLivrables::ProjetDocumentId,
                        ProjetDocuments::Table,
                        ProjetDocuments::Id,
                    ))
                    .foreign_key(&mut fk_user(
                        ProjetLivrables::Table,
                        ProjetLivrables::DecideParUserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetJalons::Table)
                    .col(pk_auto(ProjetJalons::Id))
                    .col(integer(ProjetJalons::ProjetId))
                    .col(string_len(ProjetJalons::Titre, 200))
                    .col(string_len(ProjetJalons::Echeance, 10))
                    .col(string_len_null(ProjetJalons::AtteintLe, 10))
                    .col(timestamp_with_time_zone_null(ProjetJalons::RappeleLe))
                    .col(timestamp_with_time_zone(ProjetJalons::CreatedAt))
                    .foreign_key(&mut to_projet(ProjetJalons::Table, ProjetJalons::ProjetId))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_jalons_echeance",
            ProjetJalons::Table,
            &[ProjetJalons::AtteintLe, ProjetJalons::Echeance],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjetHistorique::Table)
                    .col(pk_auto(ProjetHistorique::Id))
                    .col(integer(ProjetHistorique::ProjetId))
                    .col(integer_null(ProjetHistorique::ActeurUserId))
                    .col(string_len(ProjetHistorique::Action, 32))
                    .col(string_len_null(ProjetHistorique::Etape, 16))
                    .col(string_len_null(ProjetHistorique::Livrable, 32))
                    .col(integer_null(ProjetHistorique::ProjetDocumentId))
                    .col(text(ProjetHistorique::Detail))
                    .col(timestamp_with_time_zone(ProjetHistorique::CreatedAt))
                    .foreign_key(&mut to_projet(
                        ProjetHistorique::Table,
                        ProjetHistorique::ProjetId,
                    ))
                    .foreign_key(&mut fk_user(
                        ProjetHistorique::Table,
                        ProjetHistorique::ActeurUserId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProjetHistorique::Table, ProjetHistorique::ProjetDocumentId)
                            .to(ProjetDocuments::Table, ProjetDocuments::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projet_historique_projet",
            ProjetHistorique::Table,
            &[ProjetHistorique::ProjetId, ProjetHistorique::CreatedAt],
        )
        .await?;
        index(
            manager,
            "idx_projet_historique_action",
            ProjetHistorique::Table,
            &[ProjetHistorique::Action, ProjetHistorique::CreatedAt],
        )
        .await?;
        Ok(())
    }
}
