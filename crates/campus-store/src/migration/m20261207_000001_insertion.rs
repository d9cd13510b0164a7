//! Professional insertion: the offers of the network and those imported
//! from partner feeds, their skills, the applications sent to them with
//! the trail of every step, and the registry of the files people upload
//! (the document store keeps the bytes, this table what they are).
//!
//! Rules the database holds whatever the node: one application per person
//! and offer (`uq_candidatures_offre_candidat`), one imported offer per
//! source and source identifier (`uq_offres_source`, which makes the
//! import idempotent), filled positions never above the offer's positions
//! (a check: the conditional update that fills one cannot overshoot), and
//! closed lists of kinds and states. Dates are ISO `AAAA-MM-JJ` texts,
//! which compare in date order on both databases.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Offres {
    Table,
    Id,
    OrganisationId,
    AuteurUserId,
    Source,
    SourceId,
    SourceLien,
    TypeOffre,
    Intitule,
    Description,
    CodeRome,
    Employeur,
    Niveau,
    Certification,
    CommuneInsee,
    CommuneNom,
    Departement,
    Latitude,
    Longitude,
    DateDebut,
    DureeMois,
    Postes,
    PostesPourvus,
    Horaires,
    Remuneration,
    FormationId,
    ContactNom,
    ContactEmail,
    ExpireLe,
    Etat,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum OffreCompetences {
    Table,
    OffreId,
    CodeOgr,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum Documents {
    Table,
    Id,
    Cle,
    Nature,
    Taille,
    Nom,
    ProprietaireUserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Candidatures {
    Table,
    Id,
    OffreId,
    CandidatUserId,
    Message,
    CvDocumentId,
    Etat,
    Motif,
    Version,
    RelancesRecruteur,
    RelanceCandidatLe,
    LueLe,
    RepondueLe,
    AccordEcoleLe,
    DerniereActivite,
    Pseudonymisee,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum CandidatureEtapes {
    Table,
    Id,
    CandidatureId,
    ActeurUserId,
    EtatAvant,
    EtatApres,
    Motif,
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

const TYPES: [&str; 8] = [
    "apprentissage",
    "professionnalisation",
    "stage",
    "cdi",
    "cdd",
    "interim",
    "stage_observation",
    "immersion",
];
const ETATS_OFFRE: [&str; 3] = ["ouverte", "pourvue", "fermee"];
const ETATS_CANDIDATURE: [&str; 6] = [
    "envoyee",
    "lue",
    "entretien",
    "retenue",
    "non_retenue",
    "retiree",
];

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
                    .table(Offres::Table)
                    .col(pk_auto(Offres::Id))
                    .col(integer_null(Offres::OrganisationId))
                    .col(integer_null(Offres::AuteurUserId))
                    .col(string_len(Offres::Source, 16))
                    .col(string_len_null(Offres::SourceId, 80))
                    .col(text_null(Offres::SourceLien))
                    .col(string_len(Offres::TypeOffre, 24))
                    .col(string_len(Offres::Intitule, 250))
                    .col(text(Offres::Description))
                    .col(string_len_null(Offres::CodeRome, 5))
                    .col(string_len_null(Offres::Employeur, 250))
                    .col(small_integer_null(Offres::Niveau))
                    .col(string_len_null(Offres::Certification, 16))
                    .col(string_len_null(Offres::CommuneInsee, 5))
                    .col(string_len(Offres::CommuneNom, 120))
                    .col(string_len_null(Offres::Departement, 3))
                    .col(double_null(Offres::Latitude))
                    .col(double_null(Offres::Longitude))
                    .col(string_len_null(Offres::DateDebut, 10))
                    .col(integer_null(Offres::DureeMois))
                    .col(integer(Offres::Postes))
                    .col(integer(Offres::PostesPourvus).default(0))
                    .col(text_null(Offres::Horaires))
                    .col(text_null(Offres::Remuneration))
                    .col(text_null(Offres::FormationId))
                    .col(string_len_null(Offres::ContactNom, 120))
                    .col(string_len_null(Offres::ContactEmail, 254))
                    .col(string_len(Offres::ExpireLe, 10))
                    .col(string_len(Offres::Etat, 16))
                    .col(integer(Offres::Version).default(1))
                    .col(timestamp_with_time_zone(Offres::CreatedAt))
                    .col(timestamp_with_time_zone(Offres::UpdatedAt))
                    .check(Expr::col(Offres::Postes).gt(0))
                    .check(Expr::col(Offres::PostesPourvus).gte(0))
                    .check(Expr::col(Offres::PostesPourvus).lte(Expr::col(Offres::Postes)))
                    .check(Expr::col(Offres::TypeOffre).is_in(TYPES))
                    .check(Expr::col(Offres::Etat).is_in(ETATS_OFFRE))
                    .check(Expr::col(Offres::Source).is_in(["campus", "pass"]))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Offres::Table, Offres::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut fk_user(Offres::Table, Offres::AuteurUserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_offres_source")
                    .table(Offres::Table)
                    .col(Offres::Source)
                    .col(Offres::SourceId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_offres_ouvertes",
            Offres::Table,
            &[Offres::Etat, Offres::ExpireLe],
        )
        .await?;
        index(
            manager,
            "idx_offres_organisation",
            Offres::Table,
            &[Offres::OrganisationId],
        )
        .await?;
        index(
            manager,
            "idx_offres_rome",
            Offres::Table,
            &[Offres::CodeRome],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(OffreCompetences::Table)
                    .col(integer(OffreCompetences::OffreId))
                    .col(big_integer(OffreCompetences::CodeOgr))
                    .col(text(OffreCompetences::Libelle))
                    .primary_key(
                        Index::create()
                            .col(OffreCompetences::OffreId)
                            .col(OffreCompetences::CodeOgr),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OffreCompetences::Table, OffreCompetences::OffreId)
                            .to(Offres::Table, Offres::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Documents::Table)
                    .col(pk_auto(Documents::Id))
                    .col(string_len(Documents::Cle, 120).unique_key())
                    .col(string_len(Documents::Nature, 8))
                    .col(big_integer(Documents::Taille))
                    .col(string_len(Documents::Nom, 200))
                    .col(integer_null(Documents::ProprietaireUserId))
                    .col(timestamp_with_time_zone(Documents::CreatedAt))
                    .check(Expr::col(Documents::Taille).gt(0))
                    .foreign_key(&mut fk_user(
                        Documents::Table,
                        Documents::ProprietaireUserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Candidatures::Table)
                    .col(pk_auto(Candidatures::Id))
                    .col(integer(Candidatures::OffreId))
                    .col(integer_null(Candidatures::CandidatUserId))
                    .col(text(Candidatures::Message))
                    .col(integer_null(Candidatures::CvDocumentId))
                    .col(string_len(Candidatures::Etat, 16))
                    .col(string_len_null(Candidatures::Motif, 32))
                    .col(integer(Candidatures::Version).default(1))
                    .col(integer(Candidatures::RelancesRecruteur).default(0))
                    .col(timestamp_with_time_zone_null(
                        Candidatures::RelanceCandidatLe,
                    ))
                    .col(timestamp_with_time_zone_null(Candidatures::LueLe))
                    .col(timestamp_with_time_zone_null(Candidatures::RepondueLe))
                    .col(timestamp_with_time_zone_null(Candidatures::AccordEcoleLe))
                    .col(timestamp_with_time_zone(Candidatures::DerniereActivite))
                    .col(boolean(Candidatures::Pseudonymisee).default(false))
                    .col(timestamp_with_time_zone(Candidatures::CreatedAt))
                    .col(timestamp_with_time_zone(Candidatures::UpdatedAt))
                    .check(Expr::col(Candidatures::Etat).is_in(ETATS_CANDIDATURE))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Candidatures::Table, Candidatures::OffreId)
                            .to(Offres::Table, Offres::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut fk_user(
                        Candidatures::Table,
                        Candidatures::CandidatUserId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Candidatures::Table, Candidatures::CvDocumentId)
                            .to(Documents::Table, Documents::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_candidatures_offre_candidat")
                    .table(Candidatures::Table)
                    .col(Candidatures::OffreId)
                    .col(Candidatures::CandidatUserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_candidatures_candidat",
            Candidatures::Table,
            &[Candidatures::CandidatUserId],
        )
        .await?;
        index(
            manager,
            "idx_candidatures_etat",
            Candidatures::Table,
            &[Candidatures::Etat, Candidatures::CreatedAt],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CandidatureEtapes::Table)
                    .col(pk_auto(CandidatureEtapes::Id))
                    .col(integer(CandidatureEtapes::CandidatureId))
                    .col(integer_null(CandidatureEtapes::ActeurUserId))
                    .col(string_len_null(CandidatureEtapes::EtatAvant, 16))
                    .col(string_len(CandidatureEtapes::EtatApres, 16))
                    .col(string_len_null(CandidatureEtapes::Motif, 32))
                    .col(timestamp_with_time_zone(CandidatureEtapes::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CandidatureEtapes::Table, CandidatureEtapes::CandidatureId)
                            .to(Candidatures::Table, Candidatures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut fk_user(
                        CandidatureEtapes::Table,
                        CandidatureEtapes::ActeurUserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_candidature_etapes_candidature",
            CandidatureEtapes::Table,
            &[CandidatureEtapes::CandidatureId],
        )
        .await
    }
}
