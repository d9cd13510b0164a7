//! The network's experts and the requests sent to them: profiles with
//! their subjects, requests with theirs, one row per recipient of a
//! request (its answer, reminder and escalation), and the contributions
//! an expert made (listed publicly with their consent).
//!
//! Rules held here: one profile per person (unique key), one row per
//! request and recipient (primary key: a request reaches an expert once),
//! the closed values (checks). The answer is a conditional update on the
//! recipient's state in the data layer.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Experts {
    Table,
    Id,
    UserId,
    OrganisationId,
    Titre,
    Presentation,
    Offres,
    Langues,
    Disponibilite,
    Etat,
    ContributionsPubliques,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertSujets {
    Table,
    ExpertId,
    Kind,
    Code,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum DemandesExpertise {
    Table,
    Id,
    DemandeurUserId,
    OrganisationId,
    Sujet,
    Offre,
    Public,
    Debut,
    Fin,
    Lieu,
    Latitude,
    Longitude,
    Message,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum DemandeSujets {
    Table,
    DemandeId,
    Kind,
    Code,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum DemandeDestinataires {
    Table,
    DemandeId,
    ExpertId,
    Etat,
    EnvoyeeLe,
    ReponduLe,
    RelanceLe,
    EscaladeLe,
    Reponse,
}

#[derive(DeriveIden, Clone, Copy)]
enum ExpertContributions {
    Table,
    Id,
    ExpertId,
    Offre,
    Titre,
    Date,
    DemandeId,
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

const OFFRES: [&str; 5] = [
    "intervention_classe",
    "jury",
    "tutorat_projet",
    "accueil_visite",
    "conseil_startup",
];
const SUJETS: [&str; 4] = ["domaine", "competence", "equipement", "mot_cle"];

fn set_null<T: IntoIden + Copy + 'static, R: IntoIden + 'static>(
    table: T,
    column: impl IntoIden,
    to: R,
    key: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, key)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Experts::Table)
                    .col(pk_auto(Experts::Id))
                    .col(integer(Experts::UserId).unique_key())
                    .col(integer_null(Experts::OrganisationId))
                    .col(string_len(Experts::Titre, 200))
                    .col(text_null(Experts::Presentation))
                    .col(string_len(Experts::Offres, 200))
                    .col(string_len(Experts::Langues, 60))
                    .col(text_null(Experts::Disponibilite))
                    .col(string_len(Experts::Etat, 16))
                    .col(boolean(Experts::ContributionsPubliques).default(false))
                    .col(timestamp_with_time_zone(Experts::CreatedAt))
                    .col(timestamp_with_time_zone(Experts::UpdatedAt))
                    .check(Expr::col(Experts::Etat).is_in(["actif", "en_pause", "retire"]))
                    .foreign_key(&mut cascade(
                        Experts::Table,
                        Experts::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut set_null(
                        Experts::Table,
                        Experts::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertSujets::Table)
                    .col(integer(ExpertSujets::ExpertId))
                    .col(string_len(ExpertSujets::Kind, 16))
                    .col(string_len(ExpertSujets::Code, 80))
                    .col(string_len(ExpertSujets::Libelle, 300))
                    .primary_key(
                        Index::create()
                            .col(ExpertSujets::ExpertId)
                            .col(ExpertSujets::Kind)
                            .col(ExpertSujets::Code),
                    )
                    .check(Expr::col(ExpertSujets::Kind).is_in(SUJETS))
                    .foreign_key(&mut cascade(
                        ExpertSujets::Table,
                        ExpertSujets::ExpertId,
                        Experts::Table,
                        Experts::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_expert_sujets_code",
            ExpertSujets::Table,
            &[ExpertSujets::Kind, ExpertSujets::Code],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DemandesExpertise::Table)
                    .col(pk_auto(DemandesExpertise::Id))
                    .col(integer_null(DemandesExpertise::DemandeurUserId))
                    .col(integer_null(DemandesExpertise::OrganisationId))
                    .col(string_len(DemandesExpertise::Sujet, 250))
                    .col(string_len(DemandesExpertise::Offre, 32))
                    .col(string_len(DemandesExpertise::Public, 32))
                    .col(string_len(DemandesExpertise::Debut, 10))
                    .col(string_len(DemandesExpertise::Fin, 10))
                    .col(string_len_null(DemandesExpertise::Lieu, 250))
                    .col(double_null(DemandesExpertise::Latitude))
                    .col(double_null(DemandesExpertise::Longitude))
                    .col(text(DemandesExpertise::Message))
                    .col(timestamp_with_time_zone(DemandesExpertise::CreatedAt))
                    .check(Expr::col(DemandesExpertise::Offre).is_in(OFFRES))
                    .foreign_key(&mut set_null(
                        DemandesExpertise::Table,
                        DemandesExpertise::DemandeurUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut set_null(
                        DemandesExpertise::Table,
                        DemandesExpertise::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_demandes_expertise_demandeur",
            DemandesExpertise::Table,
            &[DemandesExpertise::DemandeurUserId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DemandeSujets::Table)
                    .col(integer(DemandeSujets::DemandeId))
                    .col(string_len(DemandeSujets::Kind, 16))
                    .col(string_len(DemandeSujets::Code, 80))
                    .col(string_len(DemandeSujets::Libelle, 300))
                    .primary_key(
                        Index::create()
                            .col(DemandeSujets::DemandeId)
                            .col(DemandeSujets::Kind)
                            .col(DemandeSujets::Code),
                    )
                    .check(Expr::col(DemandeSujets::Kind).is_in(SUJETS))
                    .foreign_key(&mut cascade(
                        DemandeSujets::Table,
                        DemandeSujets::DemandeId,
                        DemandesExpertise::Table,
                        DemandesExpertise::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DemandeDestinataires::Table)
                    .col(integer(DemandeDestinataires::DemandeId))
                    .col(integer(DemandeDestinataires::ExpertId))
                    .col(string_len(DemandeDestinataires::Etat, 16))
                    .col(timestamp_with_time_zone(DemandeDestinataires::EnvoyeeLe))
                    .col(timestamp_with_time_zone_null(
                        DemandeDestinataires::ReponduLe,
                    ))
                    .col(string_len_null(DemandeDestinataires::RelanceLe, 10))
                    .col(string_len_null(DemandeDestinataires::EscaladeLe, 10))
                    .col(text_null(DemandeDestinataires::Reponse))
                    .primary_key(
                        Index::create()
                            .col(DemandeDestinataires::DemandeId)
                            .col(DemandeDestinataires::ExpertId),
                    )
                    .check(
                        Expr::col(DemandeDestinataires::Etat)
                            .is_in(["envoyee", "acceptee", "declinee", "annulee"]),
                    )
                    .foreign_key(&mut cascade(
                        DemandeDestinataires::Table,
                        DemandeDestinataires::DemandeId,
                        DemandesExpertise::Table,
                        DemandesExpertise::Id,
                    ))
                    .foreign_key(&mut cascade(
                        DemandeDestinataires::Table,
                        DemandeDestinataires::ExpertId,
                        Experts::Table,
                        Experts::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_demande_destinataires_expert",
            DemandeDestinataires::Table,
            &[DemandeDestinataires::ExpertId, DemandeDestinataires::Etat],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExpertContributions::Table)
                    .col(pk_auto(ExpertContributions::Id))
                    .col(integer(ExpertContributions::ExpertId))
                    .col(string_len(ExpertContributions::Offre, 32))
                    .col(string_len(ExpertContributions::Titre, 250))
                    .col(string_len(ExpertContributions::Date, 10))
                    .col(integer_null(ExpertContributions::DemandeId))
                    .col(timestamp_with_time_zone(ExpertContributions::CreatedAt))
                    .check(Expr::col(ExpertContributions::Offre).is_in(OFFRES))
                    .foreign_key(&mut cascade(
                        ExpertContributions::Table,
                        ExpertContributions::ExpertId,
                        Experts::Table,
                        Experts::Id,
                    ))
                    .foreign_key(&mut set_null(
                        ExpertContributions::Table,
                        ExpertContributions::DemandeId,
                        DemandesExpertise::Table,
                        DemandesExpertise::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
