//! The campus's communication: news (`actualites`) written by the campus
//! team and the partner organisations, reviewed before going public, with
//! their image and linked trades, events and projects; the newsletter (`lettre_*`): its
//! subscribers (double opt-in), its issues and the record of each
//! delivery; and the unsubscribe address a queued mail carries in its
//! headers (RFC 8058).
//!
//! Rules held here: one slug per news item, one subscription per address
//! (unique key), one delivery per issue and subscriber (primary key: an
//! issue is never sent twice to the same person, even by two nodes), the
//! state values (checks). The review is a conditional update on
//! `actualites` (state, version) in the data layer.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Actualites {
    Table,
    Id,
    Slug,
    Titre,
    Resume,
    Corps,
    Etat,
    Motif,
    OrganisationId,
    AuteurUserId,
    ImageDocumentId,
    ImageAlt,
    PublieeLe,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ActualiteMetiers {
    Table,
    ActualiteId,
    CodeRome,
}

#[derive(DeriveIden, Clone, Copy)]
enum ActualiteEvenements {
    Table,
    ActualiteId,
    EvenementId,
}

#[derive(DeriveIden, Clone, Copy)]
enum ActualiteProjets {
    Table,
    ActualiteId,
    ProjetId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Evenements {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum Projets {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum LettreAbonnes {
    Table,
    Id,
    Email,
    UserId,
    Etat,
    CreatedAt,
    ConfirmeLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum LettreNumeros {
    Table,
    Id,
    Objet,
    Introduction,
    Etat,
    CreeParUserId,
    CreatedAt,
    EnvoiDemandeLe,
    EnvoyeLe,
    Envoyes,
}

#[derive(DeriveIden, Clone, Copy)]
enum LettreNumeroActualites {
    Table,
    NumeroId,
    ActualiteId,
}

#[derive(DeriveIden, Clone, Copy)]
enum LettreEnvois {
    Table,
    NumeroId,
    AbonneId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum MailOutbox {
    Table,
    ListUnsubscribe,
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

const ETATS: [&str; 4] = ["soumise", "publiee", "renvoyee", "retiree"];

fn fk<T: IntoIden + Copy + 'static, R: IntoIden + 'static>(
    table: T,
    column: impl IntoIden,
    to: R,
    key: impl IntoIden,
    action: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(to, key)
        .on_delete(action)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Actualites::Table)
                    .col(pk_auto(Actualites::Id))
                    .col(string_len(Actualites::Slug, 120).unique_key())
                    .col(string_len(Actualites::Titre, 200))
                    .col(string_len(Actualites::Resume, 600))
                    .col(text(Actualites::Corps))
                    .col(string_len(Actualites::Etat, 16))
                    .col(text_null(Actualites::Motif))
                    .col(integer_null(Actualites::OrganisationId))
                    .col(integer_null(Actualites::AuteurUserId))
                    .col(integer_null(Actualites::ImageDocumentId))
                    .col(string_len_null(Actualites::ImageAlt, 300))
                    .col(timestamp_with_time_zone_null(Actualites::PublieeLe))
                    .col(integer(Actualites::Version).default(1))
                    .col(timestamp_with_time_zone(Actualites::CreatedAt))
                    .col(timestamp_with_time_zone(Actualites::UpdatedAt))
                    .check(Expr::col(Actualites::Etat).is_in(ETATS))
                    // An image always has its alternative text.
                    .check(
                        Expr::col(Actualites::ImageDocumentId)
                            .is_null()
                            .or(Expr::col(Actualites::ImageAlt).is_not_null()),
                    )
                    .foreign_key(&mut fk(
                        Actualites::Table,
                        Actualites::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    // The news outlives its author's account, unnamed.
                    .foreign_key(&mut fk(
                        Actualites::Table,
                        Actualites::AuteurUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Actualites::Table,
                        Actualites::ImageDocumentId,
                        Documents::Table,
                        Documents::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_actualites_etat_publiee",
            Actualites::Table,
            &[Actualites::Etat, Actualites::PublieeLe],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActualiteMetiers::Table)
                    .col(integer(ActualiteMetiers::ActualiteId))
                    .col(string_len(ActualiteMetiers::CodeRome, 5))
                    .primary_key(
                        Index::create()
                            .col(ActualiteMetiers::ActualiteId)
                            .col(ActualiteMetiers::CodeRome),
                    )
                    .foreign_key(&mut fk(
                        ActualiteMetiers::Table,
                        ActualiteMetiers::ActualiteId,
                        Actualites::Table,
                        Actualites::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_actualite_metiers_rome",
            ActualiteMetiers::Table,
            &[ActualiteMetiers::CodeRome],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActualiteEvenements::Table)
                    .col(integer(ActualiteEvenements::ActualiteId))
                    .col(integer(ActualiteEvenements::EvenementId))
                    .primary_key(
                        Index::create()
                            .col(ActualiteEvenements::ActualiteId)
                            .col(ActualiteEvenements::EvenementId),
                    )
                    .foreign_key(&mut fk(
                        ActualiteEvenements::Table,
                        ActualiteEvenements::ActualiteId,
                        Actualites::Table,
                        Actualites::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ActualiteEvenements::Table,
                        ActualiteEvenements::EvenementId,
                        Evenements::Table,
                        Evenements::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_actualite_evenements_evenement",
            ActualiteEvenements::Table,
            &[ActualiteEvenements::EvenementId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActualiteProjets::Table)
                    .col(integer(ActualiteProjets::ActualiteId))
                    .col(integer(ActualiteProjets::ProjetId))
                    .primary_key(
                        Index::create()
                            .col(ActualiteProjets::ActualiteId)
                            .col(ActualiteProjets::ProjetId),
                    )
                    .foreign_key(&mut fk(
                        ActualiteProjets::Table,
                        ActualiteProjets::ActualiteId,
                        Actualites::Table,
                        Actualites::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ActualiteProjets::Table,
                        ActualiteProjets::ProjetId,
                        Projets::Table,
                        Projets::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_actualite_projets_projet",
            ActualiteProjets::Table,
            &[ActualiteProjets::ProjetId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(LettreAbonnes::Table)
                    .col(pk_auto(LettreAbonnes::Id))
                    .col(string_len(LettreAbonnes::Email, 254).unique_key())
                    .col(integer_null(LettreAbonnes::UserId))
                    .col(string_len(LettreAbonnes::Etat, 16))
                    .col(timestamp_with_time_zone(LettreAbonnes::CreatedAt))
                    .col(timestamp_with_time_zone_null(LettreAbonnes::ConfirmeLe))
                    .check(Expr::col(LettreAbonnes::Etat).is_in(["en_attente", "confirme"]))
                    // Erasing the account ends the subscription.
                    .foreign_key(&mut fk(
                        LettreAbonnes::Table,
                        LettreAbonnes::UserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LettreNumeros::Table)
                    .col(pk_auto(LettreNumeros::Id))
                    .col(string_len(LettreNumeros::Objet, 200))
                    .col(text(LettreNumeros::Introduction))
                    .col(string_len(LettreNumeros::Etat, 16))
                    .col(integer_null(LettreNumeros::CreeParUserId))
                    .col(timestamp_with_time_zone(LettreNumeros::CreatedAt))
                    .col(timestamp_with_time_zone_null(LettreNumeros::EnvoiDemandeLe))
                    .col(timestamp_with_time_zone_null(LettreNumeros::EnvoyeLe))
                    .col(integer(LettreNumeros::Envoyes).default(0))
                    .check(Expr::col(LettreNumeros::Etat).is_in([
                        "brouillon",
                        "en_envoi",
                        "envoye",
                    ]))
                    .foreign_key(&mut fk(
                        LettreNumeros::Table,
                        LettreNumeros::CreeParUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LettreNumeroActualites::Table)
                    .col(integer(LettreNumeroActualites::NumeroId))
                    .col(integer(LettreNumeroActualites::ActualiteId))
                    .primary_key(
                        Index::create()
                            .col(LettreNumeroActualites::NumeroId)
                            .col(LettreNumeroActualites::ActualiteId),
                    )
                    .foreign_key(&mut fk(
                        LettreNumeroActualites::Table,
                        LettreNumeroActualites::NumeroId,
                        LettreNumeros::Table,
                        LettreNumeros::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        LettreNumeroActualites::Table,
                        LettreNumeroActualites::ActualiteId,
                        Actualites::Table,
                        Actualites::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LettreEnvois::Table)
                    .col(integer(LettreEnvois::NumeroId))
                    .col(integer(LettreEnvois::AbonneId))
                    .col(timestamp_with_time_zone(LettreEnvois::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(LettreEnvois::NumeroId)
                            .col(LettreEnvois::AbonneId),
                    )
                    .foreign_key(&mut fk(
                        LettreEnvois::Table,
                        LettreEnvois::NumeroId,
                        LettreNumeros::Table,
                        LettreNumeros::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        LettreEnvois::Table,
                        LettreEnvois::AbonneId,
                        LettreAbonnes::Table,
                        LettreAbonnes::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(MailOutbox::Table)
                    .add_column(text_null(MailOutbox::ListUnsubscribe))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
