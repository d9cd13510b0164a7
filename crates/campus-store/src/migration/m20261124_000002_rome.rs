//! The ROME 4.0 referential: fiches (trades), appellations, skills and their
//! links, work contexts, mobilities and texts. Codes are the referential's
//! own; no foreign key binds the links, so that a reference to a code
//! missing from a file is kept (and reported) rather than lost.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RomeFiches {
    Table,
    CodeRome,
    Libelle,
    CodeOgr,
    GrandDomaineCode,
    GrandDomaineLibelle,
    DomaineCode,
    DomaineLibelle,
    EmploiReglemente,
    EmploiCadre,
    TransitionEco,
    TransitionNum,
    TransitionDemo,
    RiasecMajeur,
    RiasecMineur,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeAppellations {
    Table,
    CodeOgr,
    CodeRome,
    Libelle,
    LibelleCourt,
    PeuUsite,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeSkills {
    Table,
    CodeOgr,
    Kind,
    Libelle,
    Categorie,
    SousCategorie,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeFicheSkills {
    Table,
    CodeRome,
    CodeOgr,
    Coeur,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeContextes {
    Table,
    CodeOgr,
    Libelle,
    Categorie,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeFicheContextes {
    Table,
    CodeRome,
    CodeOgr,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeMobilites {
    Table,
    CodeRome,
    Cible,
    Ordre,
}

#[derive(DeriveIden, Clone, Copy)]
enum RomeTextes {
    Table,
    CodeRome,
    Kind,
    Position,
    Texte,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RomeFiches::Table)
                    .col(string_len(RomeFiches::CodeRome, 5).primary_key())
                    .col(string_len(RomeFiches::Libelle, 250))
                    .col(big_integer(RomeFiches::CodeOgr))
                    .col(string_len_null(RomeFiches::GrandDomaineCode, 4))
                    .col(string_len_null(RomeFiches::GrandDomaineLibelle, 250))
                    .col(string_len_null(RomeFiches::DomaineCode, 8))
                    .col(string_len_null(RomeFiches::DomaineLibelle, 250))
                    .col(boolean(RomeFiches::EmploiReglemente))
                    .col(boolean(RomeFiches::EmploiCadre))
                    .col(string_len_null(RomeFiches::TransitionEco, 120))
                    .col(string_len_null(RomeFiches::TransitionNum, 120))
                    .col(string_len_null(RomeFiches::TransitionDemo, 120))
                    .col(string_len_null(RomeFiches::RiasecMajeur, 4))
                    .col(string_len_null(RomeFiches::RiasecMineur, 4))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeAppellations::Table)
                    .col(big_integer(RomeAppellations::CodeOgr).primary_key())
                    .col(string_len(RomeAppellations::CodeRome, 5))
                    .col(string_len(RomeAppellations::Libelle, 250))
                    .col(string_len(RomeAppellations::LibelleCourt, 250))
                    .col(boolean(RomeAppellations::PeuUsite))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rome_appellations_rome",
            RomeAppellations::Table,
            &[RomeAppellations::CodeRome],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeSkills::Table)
                    .col(big_integer(RomeSkills::CodeOgr).primary_key())
                    .col(string_len(RomeSkills::Kind, 16))
                    .col(text(RomeSkills::Libelle))
                    .col(string_len_null(RomeSkills::Categorie, 250))
                    .col(string_len_null(RomeSkills::SousCategorie, 250))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeFicheSkills::Table)
                    .col(string_len(RomeFicheSkills::CodeRome, 5))
                    .col(big_integer(RomeFicheSkills::CodeOgr))
                    .col(string_len_null(RomeFicheSkills::Coeur, 16))
                    .primary_key(
                        Index::create()
                            .col(RomeFicheSkills::CodeRome)
                            .col(RomeFicheSkills::CodeOgr),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rome_fiche_skills_ogr",
            RomeFicheSkills::Table,
            &[RomeFicheSkills::CodeOgr],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeContextes::Table)
                    .col(big_integer(RomeContextes::CodeOgr).primary_key())
                    .col(string_len(RomeContextes::Libelle, 250))
                    .col(string_len(RomeContextes::Categorie, 250))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeFicheContextes::Table)
                    .col(string_len(RomeFicheContextes::CodeRome, 5))
                    .col(big_integer(RomeFicheContextes::CodeOgr))
                    .primary_key(
                        Index::create()
                            .col(RomeFicheContextes::CodeRome)
                            .col(RomeFicheContextes::CodeOgr),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeMobilites::Table)
                    .col(string_len(RomeMobilites::CodeRome, 5))
                    .col(string_len(RomeMobilites::Cible, 5))
                    .col(integer(RomeMobilites::Ordre))
                    .primary_key(
                        Index::create()
                            .col(RomeMobilites::CodeRome)
                            .col(RomeMobilites::Cible),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RomeTextes::Table)
                    .col(string_len(RomeTextes::CodeRome, 5))
                    .col(string_len(RomeTextes::Kind, 16))
                    .col(integer(RomeTextes::Position))
                    .col(text(RomeTextes::Texte))
                    .primary_key(
                        Index::create()
                            .col(RomeTextes::CodeRome)
                            .col(RomeTextes::Kind)
                            .col(RomeTextes::Position),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
