//! The pedagogical resource library: resources, their links to the
//! catalogue (trades, certifications, blocs, equipment) and their publics
//! and levels, the versions of their files, the events that use them, and
//! their use counted per day without who.
//!
//! Rules held here: the closed lists (checks), one version number per
//! resource (primary key), one count row per resource and day; the
//! moderation is a conditional update on `ressources.etat` in the data
//! layer.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Ressources {
    Table,
    Id,
    Slug,
    Titre,
    Description,
    TypeRessource,
    Licence,
    Visibilite,
    Etat,
    Motif,
    Langue,
    DureeMinutes,
    VersionLibelle,
    DateVersion,
    Auteurs,
    Lien,
    LienCasse,
    LienVerifieLe,
    LienSignale,
    OrganisationId,
    AuteurUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum RessourceLiens {
    Table,
    RessourceId,
    Lien,
    Valeur,
}

#[derive(DeriveIden, Clone, Copy)]
enum RessourceFichiers {
    Table,
    RessourceId,
    Version,
    DocumentId,
    DeposeParUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum EvenementRessources {
    Table,
    EvenementId,
    RessourceId,
}

#[derive(DeriveIden, Clone, Copy)]
enum RessourceUsages {
    Table,
    RessourceId,
    Jour,
    Vues,
    Telechargements,
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
enum Evenements {
    Table,
    Id,
}

const TYPES: [&str; 9] = [
    "kit_decouverte",
    "fiche_metier",
    "video",
    "travaux_pratiques",
    "sequence_pedagogique",
    "support_formation",
    "protocole_equipement",
    "etude_de_cas",
    "quiz",
];
const LICENCES: [&str; 5] = [
    "cc_by",
    "cc_by_sa",
    "cc_by_nc",
    "licence_ouverte",
    "tous_droits_reserves",
];
const LIENS: [&str; 6] = [
    "metier",
    "certification",
    "bloc",
    "equipement",
    "audience",
    "niveau",
];

fn to_ressource<T: IntoIden + Copy + 'static>(
    table: T,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Ressources::Table, Ressources::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A person or organisation named on a row that outlives them.
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Ressources::Table)
                    .col(pk_auto(Ressources::Id))
                    .col(string_len(Ressources::Slug, 120).unique_key())
                    .col(string_len(Ressources::Titre, 200))
                    .col(text(Ressources::Description))
                    .col(string_len(Ressources::TypeRessource, 32))
                    .col(string_len(Ressources::Licence, 32))
                    .col(string_len(Ressources::Visibilite, 16))
                    .col(string_len(Ressources::Etat, 16))
                    .col(text_null(Ressources::Motif))
                    .col(string_len(Ressources::Langue, 2))
                    .col(integer_null(Ressources::DureeMinutes))
                    .col(string_len(Ressources::VersionLibelle, 20))
                    .col(string_len(Ressources::DateVersion, 10))
                    .col(text_null(Ressources::Auteurs))
                    .col(text_null(Ressources::Lien))
                    .col(boolean(Ressources::LienCasse).default(false))
                    .col(timestamp_with_time_zone_null(Ressources::LienVerifieLe))
                    .col(boolean(Ressources::LienSignale).default(false))
                    .col(integer_null(Ressources::OrganisationId))
                    .col(integer_null(Ressources::AuteurUserId))
                    .col(timestamp_with_time_zone(Ressources::CreatedAt))
                    .col(timestamp_with_time_zone(Ressources::UpdatedAt))
                    .check(Expr::col(Ressources::TypeRessource).is_in(TYPES))
                    .check(Expr::col(Ressources::Licence).is_in(LICENCES))
                    .check(Expr::col(Ressources::Visibilite).is_in([
                        "public",
                        "reseau",
                        "organisation",
                    ]))
                    .check(Expr::col(Ressources::Etat).is_in(["proposee", "a_revoir", "approuvee"]))
                    .foreign_key(&mut set_null(
                        Ressources::Table,
                        Ressources::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .foreign_key(&mut set_null(
                        Ressources::Table,
                        Ressources::AuteurUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_ressources_etat",
            Ressources::Table,
            &[Ressources::Etat, Ressources::Visibilite],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RessourceLiens::Table)
                    .col(integer(RessourceLiens::RessourceId))
                    .col(string_len(RessourceLiens::Lien, 16))
                    .col(string_len(RessourceLiens::Valeur, 40))
                    .primary_key(
                        Index::create()
                            .col(RessourceLiens::RessourceId)
                            .col(RessourceLiens::Lien)
                            .col(RessourceLiens::Valeur),
                    )
                    .check(Expr::col(RessourceLiens::Lien).is_in(LIENS))
                    .foreign_key(&mut to_ressource(
                        RessourceLiens::Table,
                        RessourceLiens::RessourceId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_ressource_liens_valeur",
            RessourceLiens::Table,
            &[RessourceLiens::Lien, RessourceLiens::Valeur],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RessourceFichiers::Table)
                    .col(integer(RessourceFichiers::RessourceId))
                    .col(integer(RessourceFichiers::Version))
                    .col(integer(RessourceFichiers::DocumentId))
                    .col(integer_null(RessourceFichiers::DeposeParUserId))
                    .col(timestamp_with_time_zone(RessourceFichiers::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(RessourceFichiers::RessourceId)
                            .col(RessourceFichiers::Version),
                    )
                    .check(Expr::col(RessourceFichiers::Version).gte(1))
                    .foreign_key(&mut to_ressource(
                        RessourceFichiers::Table,
                        RessourceFichiers::RessourceId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RessourceFichiers::Table, RessourceFichiers::DocumentId)
                            .to(Documents::Table, Documents::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut set_null(
                        RessourceFichiers::Table,
                        RessourceFichiers::DeposeParUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvenementRessources::Table)
                    .col(integer(EvenementRessources::EvenementId))
                    .col(integer(EvenementRessources::RessourceId))
                    .primary_key(
                        Index::create()
                            .col(EvenementRessources::EvenementId)
                            .col(EvenementRessources::RessourceId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EvenementRessources::Table, EvenementRessources::EvenementId)
                            .to(Evenements::Table, Evenements::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut to_ressource(
                        EvenementRessources::Table,
                        EvenementRessources::RessourceId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_evenement_ressources_ressource",
            EvenementRessources::Table,
            &[EvenementRessources::RessourceId],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RessourceUsages::Table)
                    .col(integer(RessourceUsages::RessourceId))
                    .col(string_len(RessourceUsages::Jour, 10))
                    .col(integer(RessourceUsages::Vues).default(0))
                    .col(integer(RessourceUsages::Telechargements).default(0))
                    .primary_key(
                        Index::create()
                            .col(RessourceUsages::RessourceId)
                            .col(RessourceUsages::Jour),
                    )
                    .foreign_key(&mut to_ressource(
                        RessourceUsages::Table,
                        RessourceUsages::RessourceId,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
