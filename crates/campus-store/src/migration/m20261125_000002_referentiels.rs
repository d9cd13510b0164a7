//! Referentials that complete the catalogue: what France compétences' XML
//! export adds to the RNCP (activities, skills of each bloc, codes, access
//! routes), the Éducation nationale's BCN nomenclatures and ONISEP's list
//! of initial-training diplomas. As for the other referentials, links hold
//! the registers' own codes without foreign keys, so that a reference to
//! something not imported yet is kept and reported.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum RncpFiches {
    Table,
    Numero,
    Intitule,
    Actif,
    Etat,
    TypeCode,
    TypeLibelle,
    Niveau,
    TypeEnregistrement,
    DatePublication,
    DateEffet,
    DateFinEnregistrement,
    DateLimiteDelivrance,
    ActivitesVisees,
    CapacitesAttestees,
    SecteursActivite,
    TypesEmplois,
    ObjectifsContexte,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpBlocDetails {
    Table,
    Code,
    Certification,
    ListeCompetences,
    ModalitesEvaluation,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpBlocCompetences {
    Table,
    Bloc,
    Position,
    Niveau,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpFicheCodes {
    Table,
    Certification,
    Referentiel,
    Code,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpVoiesAcces {
    Table,
    Certification,
    Voie,
}

#[derive(DeriveIden, Clone, Copy)]
enum BcnDiplomes {
    Table,
    Cfd,
    Source,
    NiveauFormation,
    GroupeSpecialite,
    LettreSpecialite,
    LibelleCourt,
    Libelle,
    DateOuverture,
    DateFermeture,
    Niveau,
}

#[derive(DeriveIden, Clone, Copy)]
enum BcnNiveaux {
    Table,
    Code,
    NiveauInterministeriel,
    LibelleCourt,
    Libelle,
    Niveau,
}

#[derive(DeriveIden, Clone, Copy)]
enum Nsf {
    Table,
    Code,
    Tier,
    Parent,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum BcnDiplomesProfessionnels {
    Table,
    Cfd,
    CodeRncp,
    Cpc,
    Secteur,
    Niveau,
    Diplome,
    Intitule,
    DateCreation,
    PremiereSession,
    DerniereSession,
    FamilleMetiers,
}

#[derive(DeriveIden, Clone, Copy)]
enum BcnDepartements {
    Table,
    Code,
    Libelle,
    Academie,
    AcademieLibelle,
    Region,
    RegionLibelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum OnisepFormations {
    Table,
    Id,
    Libelle,
    TypeSigle,
    TypeLibelle,
    Sigle,
    Duree,
    CodeRncp,
    Niveau,
    Nsf,
    Tutelle,
    Url,
    Domaines,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RncpFiches::Table)
                    .col(string_len(RncpFiches::Numero, 16).primary_key())
                    .col(text(RncpFiches::Intitule))
                    .col(boolean(RncpFiches::Actif))
                    .col(string_len_null(RncpFiches::Etat, 32))
                    .col(string_len_null(RncpFiches::TypeCode, 32))
                    .col(text_null(RncpFiches::TypeLibelle))
                    .col(integer_null(RncpFiches::Niveau))
                    .col(string_len_null(RncpFiches::TypeEnregistrement, 64))
                    .col(string_len_null(RncpFiches::DatePublication, 10))
                    .col(string_len_null(RncpFiches::DateEffet, 10))
                    .col(string_len_null(RncpFiches::DateFinEnregistrement, 10))
                    .col(string_len_null(RncpFiches::DateLimiteDelivrance, 10))
                    .col(text_null(RncpFiches::ActivitesVisees))
                    .col(text_null(RncpFiches::CapacitesAttestees))
                    .col(text_null(RncpFiches::SecteursActivite))
                    .col(text_null(RncpFiches::TypesEmplois))
                    .col(text_null(RncpFiches::ObjectifsContexte))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpBlocDetails::Table)
                    .col(string_len(RncpBlocDetails::Code, 32).primary_key())
                    .col(string_len(RncpBlocDetails::Certification, 16))
                    .col(text_null(RncpBlocDetails::ListeCompetences))
                    .col(text_null(RncpBlocDetails::ModalitesEvaluation))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rncp_bloc_details_certification",
            RncpBlocDetails::Table,
            &[RncpBlocDetails::Certification],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpBlocCompetences::Table)
                    .col(string_len(RncpBlocCompetences::Bloc, 32))
                    .col(integer(RncpBlocCompetences::Position))
                    .col(integer(RncpBlocCompetences::Niveau))
                    .col(text(RncpBlocCompetences::Libelle))
                    .primary_key(
                        Index::create()
                            .col(RncpBlocCompetences::Bloc)
                            .col(RncpBlocCompetences::Position),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpFicheCodes::Table)
                    .col(string_len(RncpFicheCodes::Certification, 16))
                    .col(string_len(RncpFicheCodes::Referentiel, 10))
                    .col(string_len(RncpFicheCodes::Code, 16))
                    .col(text(RncpFicheCodes::Libelle))
                    .primary_key(
                        Index::create()
                            .col(RncpFicheCodes::Certification)
                            .col(RncpFicheCodes::Referentiel)
                            .col(RncpFicheCodes::Code),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rncp_fiche_codes_referentiel_code",
            RncpFicheCodes::Table,
            &[RncpFicheCodes::Referentiel, RncpFicheCodes::Code],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpVoiesAcces::Table)
                    .col(string_len(RncpVoiesAcces::Certification, 16))
                    .col(string_len(RncpVoiesAcces::Voie, 8))
                    .primary_key(
                        Index::create()
                            .col(RncpVoiesAcces::Certification)
                            .col(RncpVoiesAcces::Voie),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BcnDiplomes::Table)
                    .col(string_len(BcnDiplomes::Cfd, 8).primary_key())
                    .col(string_len(BcnDiplomes::Source, 1))
                    .col(string_len(BcnDiplomes::NiveauFormation, 8))
                    .col(string_len_null(BcnDiplomes::GroupeSpecialite, 8))
                    .col(string_len_null(BcnDiplomes::LettreSpecialite, 2))
                    .col(string_len_null(BcnDiplomes::LibelleCourt, 32))
                    .col(text(BcnDiplomes::Libelle))
                    .col(string_len_null(BcnDiplomes::DateOuverture, 10))
                    .col(string_len_null(BcnDiplomes::DateFermeture, 10))
                    .col(integer_null(BcnDiplomes::Niveau))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BcnNiveaux::Table)
                    .col(string_len(BcnNiveaux::Code, 8).primary_key())
                    .col(string_len_null(BcnNiveaux::NiveauInterministeriel, 8))
                    .col(string_len_null(BcnNiveaux::LibelleCourt, 32))
                    .col(text(BcnNiveaux::Libelle))
                    .col(integer_null(BcnNiveaux::Niveau))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Nsf::Table)
                    .col(string_len(Nsf::Code, 8).primary_key())
                    .col(string_len(Nsf::Tier, 10))
                    .col(string_len_null(Nsf::Parent, 8))
                    .col(text(Nsf::Libelle))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BcnDiplomesProfessionnels::Table)
                    .col(string_len(BcnDiplomesProfessionnels::Cfd, 8))
                    .col(string_len(BcnDiplomesProfessionnels::CodeRncp, 16))
                    .col(text(BcnDiplomesProfessionnels::Cpc))
                    .col(text_null(BcnDiplomesProfessionnels::Secteur))
                    .col(integer_null(BcnDiplomesProfessionnels::Niveau))
                    .col(string_len(BcnDiplomesProfessionnels::Diplome, 32))
                    .col(text(BcnDiplomesProfessionnels::Intitule))
                    .col(string_len_null(BcnDiplomesProfessionnels::DateCreation, 10))
                    .col(string_len_null(
                        BcnDiplomesProfessionnels::PremiereSession,
                        8,
                    ))
                    .col(string_len_null(
                        BcnDiplomesProfessionnels::DerniereSession,
                        8,
                    ))
                    .col(text_null(BcnDiplomesProfessionnels::FamilleMetiers))
                    .primary_key(
                        Index::create()
                            .col(BcnDiplomesProfessionnels::Cfd)
                            .col(BcnDiplomesProfessionnels::CodeRncp),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_bcn_diplomes_professionnels_code_rncp",
            BcnDiplomesProfessionnels::Table,
            &[BcnDiplomesProfessionnels::CodeRncp],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(BcnDepartements::Table)
                    .col(string_len(BcnDepartements::Code, 3).primary_key())
                    .col(text(BcnDepartements::Libelle))
                    .col(string_len(BcnDepartements::Academie, 8))
                    .col(text(BcnDepartements::AcademieLibelle))
                    .col(string_len(BcnDepartements::Region, 8))
                    .col(text(BcnDepartements::RegionLibelle))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OnisepFormations::Table)
                    .col(string_len(OnisepFormations::Id, 16).primary_key())
                    .col(text(OnisepFormations::Libelle))
                    .col(string_len_null(OnisepFormations::TypeSigle, 32))
                    .col(text_null(OnisepFormations::TypeLibelle))
                    .col(string_len_null(OnisepFormations::Sigle, 32))
                    .col(string_len_null(OnisepFormations::Duree, 32))
                    .col(string_len_null(OnisepFormations::CodeRncp, 16))
                    .col(integer_null(OnisepFormations::Niveau))
                    .col(string_len_null(OnisepFormations::Nsf, 8))
                    .col(text_null(OnisepFormations::Tutelle))
                    .col(text(OnisepFormations::Url))
                    .col(text(OnisepFormations::Domaines))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_onisep_formations_code_rncp",
            OnisepFormations::Table,
            &[OnisepFormations::CodeRncp],
        )
        .await?;
        Ok(())
    }
}
