//! The evaluation's records of provenance: which source files the imports
//! read (with their SHA-256) and the frozen annual reports.
//!
//! A frozen report keeps the report's content as printed — every figure,
//! label and definition in force — rather than a pointer to the data: the
//! data change, the report sent to the Région must not. Rendering the
//! stored content again gives the same bytes, which the stored SHA-256 of
//! the PDF and the workbook let anyone check.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::StoreError;
use crate::entity::{rapport, source_importee};

crate::handle::feature_handle!(
    /// Imported source files and frozen annual reports.
    Rapports,
    rapports
);

/// One file of a source, as an import read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FichierSource {
    /// The file's name, without its folder (folders differ between machines).
    pub fichier: String,
    pub sha256: String,
    pub octets: u64,
}

/// A source file as last imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceImportee {
    pub source: String,
    pub fichier: String,
    pub sha256: String,
    pub octets: u64,
    pub lignes: Option<u64>,
    pub importe_le: DateTime<Utc>,
}

/// A frozen annual report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RapportFige {
    pub id: i32,
    pub annee: i32,
    pub produit_le: DateTime<Utc>,
    pub auteur_user_id: Option<i32>,
    /// The report's content as JSON.
    pub contenu: String,
    pub sha256_pdf: String,
    pub sha256_xlsx: String,
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl From<source_importee::Model> for SourceImportee {
    fn from(m: source_importee::Model) -> Self {
        SourceImportee {
            source: m.source,
            fichier: m.fichier,
            sha256: m.sha256,
            octets: to_u64(m.octets),
            lignes: m.lignes.map(to_u64),
            importe_le: m.importe_le,
        }
    }
}

impl From<rapport::Model> for RapportFige {
    fn from(m: rapport::Model) -> Self {
        RapportFige {
            id: m.id,
            annee: i32::from(m.annee),
            produit_le: m.produit_le,
            auteur_user_id: m.auteur_user_id,
            contenu: m.contenu,
            sha256_pdf: m.sha256_pdf,
            sha256_xlsx: m.sha256_xlsx,
        }
    }
}

impl Rapports<'_> {
    /// Records the files one import of `source` read, in place of those
    /// its previous import read (a folder's source may have lost a file).
    pub async fn enregistrer_sources(
        &self,
        source: &str,
        fichiers: &[FichierSource],
        lignes: Option<u64>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        source_importee::Entity::delete_many()
            .filter(source_importee::Column::Source.eq(source))
            .exec(&txn)
            .await?;
        let now = self.now();
        let rows: Vec<source_importee::ActiveModel> = fichiers
            .iter()
            .map(|f| source_importee::ActiveModel {
                source: Set(source.to_owned()),
                fichier: Set(f.fichier.clone()),
                sha256: Set(f.sha256.clone()),
                octets: Set(to_i64(f.octets)),
                lignes: Set(lignes.map(to_i64)),
                importe_le: Set(now),
            })
            .collect();
        if !rows.is_empty() {
            source_importee::Entity::insert_many(rows)
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Every source file on record, by source then file.
    pub async fn sources(&self) -> Result<Vec<SourceImportee>, StoreError> {
        Ok(source_importee::Entity::find()
            .order_by_asc(source_importee::Column::Source)
            .order_by_asc(source_importee::Column::Fichier)
            .all(self.conn())
            .await?
            .into_iter()
            .map(SourceImportee::from)
            .collect())
    }

    /// Stores a frozen report; returns its id.
    pub async fn figer(
        &self,
        annee: i32,
        contenu: &str,
        sha256_pdf: &str,
        sha256_xlsx: &str,
        auteur_user_id: Option<i32>,
    ) -> Result<i32, StoreError> {
        let annee = i16::try_from(annee)
            .map_err(|_| StoreError::Corrupt(format!("année hors limites : {annee}")))?;
        let txn = self.write().await?;
        let row = rapport::ActiveModel {
            annee: Set(annee),
            produit_le: Set(self.now()),
            auteur_user_id: Set(auteur_user_id),
            contenu: Set(contenu.to_owned()),
            sha256_pdf: Set(sha256_pdf.to_owned()),
            sha256_xlsx: Set(sha256_xlsx.to_owned()),
            ..Default::default()
        };
        let id = rapport::Entity::insert(row)
            .exec(&txn)
            .await?
            .last_insert_id;
        txn.commit().await?;
        Ok(id)
    }

    /// Frozen reports, newest first.
    pub async fn list(&self) -> Result<Vec<RapportFige>, StoreError> {
        Ok(rapport::Entity::find()
            .order_by_desc(rapport::Column::ProduitLe)
            .order_by_desc(rapport::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(RapportFige::from)
            .collect())
    }

    pub async fn get(&self, id: i32) -> Result<Option<RapportFige>, StoreError> {
        Ok(rapport::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .map(RapportFige::from))
    }
}
