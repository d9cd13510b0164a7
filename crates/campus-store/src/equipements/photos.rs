//! Photos of an equipment. The bytes live in the document store; a photo
//! is a registered document ([`crate::documents`]) with the text that
//! describes it to those who cannot see it, and its place in the
//! equipment's gallery.
//!
//! Adding one registers the file and the photo in one transaction, after
//! taking the equipment's lock: a retired equipment takes no photo, and
//! two uploads at once cannot pass the limit together. Deleting one
//! forgets both rows; the caller deletes the bytes once that committed.

use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::gestion::GestionError;
use super::reservations::lock_equipement;
use crate::documents::{self, DocumentInfo, NouveauDocument};
use crate::entity::{document, equipement_photo};
use crate::{StoreError, audit};

/// Most photos an equipment may have: a gallery, not an archive.
pub const PHOTOS_MAX: u64 = 12;
/// Longest alternative text (the column's size).
pub const TEXTE_ALTERNATIF_MAX: usize = 250;

/// A photo of an equipment, with its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoEquipement {
    pub id: i32,
    pub equipement_id: i32,
    pub texte_alternatif: String,
    pub position: i32,
    pub fichier: DocumentInfo,
}

impl super::Equipements<'_> {
    /// Registers a stored image as a photo of the equipment, last of its
    /// gallery; its id. `NotFound` if the equipment does not exist or was
    /// retired, `TropDePhotos` past [`PHOTOS_MAX`].
    pub async fn ajouter_photo(
        &self,
        equipement_id: i32,
        fichier: &NouveauDocument,
        texte_alternatif: &str,
        actor: i32,
    ) -> Result<i32, GestionError> {
        let now = self.now();
        let txn = self.write().await?;
        if !lock_equipement(&txn, equipement_id, false).await? {
            return Err(StoreError::NotFound.into());
        }
        let count = equipement_photo::Entity::find()
            .filter(equipement_photo::Column::EquipementId.eq(equipement_id))
            .count(&txn)
            .await?;
        if count >= PHOTOS_MAX {
            return Err(GestionError::TropDePhotos);
        }
        let last: Option<Option<i32>> = equipement_photo::Entity::find()
            .select_only()
            .expr(Func::max(Expr::col(equipement_photo::Column::Position)))
            .filter(equipement_photo::Column::EquipementId.eq(equipement_id))
            .into_tuple()
            .one(&txn)
            .await?;
        let document_id = documents::register(&txn, fichier, now).await?;
        let photo = equipement_photo::ActiveModel {
            equipement_id: Set(equipement_id),
            document_id: Set(document_id),
            texte_alternatif: Set(texte_alternatif
                .chars()
                .take(TEXTE_ALTERNATIF_MAX)
                .collect()),
            position: Set(last.flatten().map_or(1, |p| p + 1)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            now,
            Some(actor),
            "equipement.photo.add",
            &format!("{equipement_id}/{}", photo.id),
            texte_alternatif,
        )
        .await?;
        txn.commit().await?;
        Ok(photo.id)
    }

    /// The equipment's photos, in the order of its gallery.
    pub async fn photos(&self, equipement_id: i32) -> Result<Vec<PhotoEquipement>, StoreError> {
        let rows = equipement_photo::Entity::find()
            .filter(equipement_photo::Column::EquipementId.eq(equipement_id))
            .order_by_asc(equipement_photo::Column::Position)
            .order_by_asc(equipement_photo::Column::Id)
            .all(self.conn())
            .await?;
        let files = crate::load::by_keys::<document::Entity, _, _, _>(
            self.conn(),
            document::Column::Id,
            rows.iter().map(|r| r.document_id).collect::<Vec<_>>(),
            |d| d.id,
        )
        .await?;
        rows.into_iter()
            .map(|r| {
                let file = files.get(&r.document_id).cloned().ok_or_else(|| {
                    StoreError::Corrupt(format!("photo d'équipement {} : fichier", r.id))
                })?;
                Ok(PhotoEquipement {
                    id: r.id,
                    equipement_id: r.equipement_id,
                    texte_alternatif: r.texte_alternatif,
                    position: r.position,
                    fichier: DocumentInfo::from(file),
                })
            })
            .collect()
    }

    /// One photo, with its file.
    pub async fn photo(&self, id: i32) -> Result<PhotoEquipement, StoreError> {
        let row = equipement_photo::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let fichier = documents::find(self.conn(), row.document_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("photo d'équipement {id} : fichier")))?;
        Ok(PhotoEquipement {
            id: row.id,
            equipement_id: row.equipement_id,
            texte_alternatif: row.texte_alternatif,
            position: row.position,
            fichier,
        })
    }

    /// Removes a photo of `equipement_id` and forgets its file; the key of
    /// the bytes, for the caller to delete. `NotFound` if it is not one of
    /// that equipment's.
    pub async fn supprimer_photo(
        &self,
        equipement_id: i32,
        id: i32,
        actor: i32,
    ) -> Result<String, StoreError> {
        let txn = self.write().await?;
        let row = equipement_photo::Entity::find_by_id(id)
            .filter(equipement_photo::Column::EquipementId.eq(equipement_id))
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let fichier = documents::find(&txn, row.document_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("photo d'équipement {id} : fichier")))?;
        equipement_photo::Entity::delete_by_id(id)
            .exec(&txn)
            .await?;
        documents::forget(&txn, row.document_id).await?;
        audit::record(
            &txn,
            self.now(),
            Some(actor),
            "equipement.photo.delete",
            &format!("{equipement_id}/{id}"),
            &row.texte_alternatif,
        )
        .await?;
        txn.commit().await?;
        Ok(fichier.cle)
    }
}
