//! Certifications: the Certif Info base and the RNCP/RS export (blocs de
//! compétences, certifiers, lineage, collective agreements). Codes are the
//! registers' own and links carry no foreign key, so that a reference to a
//! certification or trade absent from the files is kept and reported.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::index;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Certifinfo {
    Table,
    Cle,
    CodeDiplome,
    Libelle,
    TypeLibelle,
    Niveau,
    DateMaj,
    Formacode,
    FormacodeLibelle,
    Nsf,
    CodeRncp,
    CodeRs,
    Cfd,
    Valideur,
    Certificateur,
    Etat,
    EtatLibelle,
    Accessibilite,
}

#[derive(DeriveIden, Clone, Copy)]
enum CertifinfoRomes {
    Table,
    CodeDiplome,
    CodeRome,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpBlocs {
    Table,
    Code,
    Certification,
    Libelle,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpCertificateurs {
    Table,
    Certification,
    Nom,
    Siret,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpLignees {
    Table,
    Certification,
    Relation,
    Autre,
}

#[derive(DeriveIden, Clone, Copy)]
enum RncpCcn {
    Table,
    Certification,
    Numero,
    Libelle,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certifinfo::Table)
                    .col(string_len(Certifinfo::Cle, 48).primary_key())
                    .col(big_integer(Certifinfo::CodeDiplome))
                    .col(text(Certifinfo::Libelle))
                    .col(text_null(Certifinfo::TypeLibelle))
                    .col(integer_null(Certifinfo::Niveau))
                    .col(string_len_null(Certifinfo::DateMaj, 10))
                    .col(string_len_null(Certifinfo::Formacode, 16))
                    .col(text_null(Certifinfo::FormacodeLibelle))
                    .col(string_len_null(Certifinfo::Nsf, 16))
                    .col(string_len_null(Certifinfo::CodeRncp, 16))
                    .col(string_len_null(Certifinfo::CodeRs, 16))
                    .col(string_len_null(Certifinfo::Cfd, 16))
                    .col(text_null(Certifinfo::Valideur))
                    .col(text_null(Certifinfo::Certificateur))
                    .col(string_len_null(Certifinfo::Etat, 8))
                    .col(text_null(Certifinfo::EtatLibelle))
                    .col(string_len(Certifinfo::Accessibilite, 120))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_certifinfo_diplome",
            Certifinfo::Table,
            &[Certifinfo::CodeDiplome],
        )
        .await?;
        index(
            manager,
            "idx_certifinfo_rncp",
            Certifinfo::Table,
            &[Certifinfo::CodeRncp],
        )
        .await?;
        index(
            manager,
            "idx_certifinfo_rs",
            Certifinfo::Table,
            &[Certifinfo::CodeRs],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(CertifinfoRomes::Table)
                    .col(big_integer(CertifinfoRomes::CodeDiplome))
                    .col(string_len(CertifinfoRomes::CodeRome, 5))
                    .primary_key(
                        Index::create()
                            .col(CertifinfoRomes::CodeDiplome)
                            .col(CertifinfoRomes::CodeRome),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_certifinfo_romes_rome",
            CertifinfoRomes::Table,
            &[CertifinfoRomes::CodeRome],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpBlocs::Table)
                    .col(string_len(RncpBlocs::Code, 32).primary_key())
                    .col(string_len(RncpBlocs::Certification, 16))
                    .col(text(RncpBlocs::Libelle))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_rncp_blocs_certification",
            RncpBlocs::Table,
            &[RncpBlocs::Certification],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpCertificateurs::Table)
                    .col(string_len(RncpCertificateurs::Certification, 16))
                    .col(string_len(RncpCertificateurs::Nom, 250))
                    // Empty when the export gives none: a key column cannot be NULL.
                    .col(string_len(RncpCertificateurs::Siret, 14))
                    .primary_key(
                        Index::create()
                            .col(RncpCertificateurs::Certification)
                            .col(RncpCertificateurs::Nom)
                            .col(RncpCertificateurs::Siret),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpLignees::Table)
                    .col(string_len(RncpLignees::Certification, 16))
                    .col(string_len(RncpLignees::Relation, 10))
                    .col(string_len(RncpLignees::Autre, 16))
                    .primary_key(
                        Index::create()
                            .col(RncpLignees::Certification)
                            .col(RncpLignees::Relation)
                            .col(RncpLignees::Autre),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RncpCcn::Table)
                    .col(string_len(RncpCcn::Certification, 16))
                    .col(string_len(RncpCcn::Numero, 16))
                    .col(text(RncpCcn::Libelle))
                    .primary_key(
                        Index::create()
                            .col(RncpCcn::Certification)
                            .col(RncpCcn::Numero),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
