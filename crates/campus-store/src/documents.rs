//! The registry of uploaded files. The bytes live in the document store
//! (`campus-documents`: a directory or an S3-compatible bucket), outside
//! the database; a row here says what each stored file is, who sent it and
//! how big it is, and is what the features reference (an application's
//! CV). A row is written in the transaction of the change that needs the
//! file, after its bytes were stored; a file whose row never committed is
//! deleted by the caller.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use crate::StoreError;
use crate::entity::document;

/// A stored file as the features see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub id: i32,
    /// Its key in the document store.
    pub cle: String,
    /// `pdf`, `png`, `jpeg` or `webp`, read from its bytes.
    pub nature: String,
    pub taille: i64,
    /// The name it was sent with, for display only.
    pub nom: String,
    pub proprietaire_user_id: Option<i32>,
    pub created_at: DateTime<Utc>,
}

/// A file just stored, to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauDocument {
    pub cle: String,
    pub nature: String,
    pub taille: i64,
    pub nom: String,
    pub proprietaire_user_id: Option<i32>,
}

impl From<document::Model> for DocumentInfo {
    fn from(d: document::Model) -> DocumentInfo {
        DocumentInfo {
            id: d.id,
            cle: d.cle,
            nature: d.nature,
            taille: d.taille,
            nom: d.nom,
            proprietaire_user_id: d.proprietaire_user_id,
            created_at: d.created_at,
        }
    }
}

/// Registers a stored file on `conn` (the transaction of the change that
/// uses it); returns its id.
pub(crate) async fn register<C: ConnectionTrait>(
    conn: &C,
    doc: &NouveauDocument,
    now: DateTime<Utc>,
) -> Result<i32, StoreError> {
    let nom: String = doc.nom.chars().take(200).collect();
    Ok(document::ActiveModel {
        cle: Set(doc.cle.clone()),
        nature: Set(doc.nature.clone()),
        taille: Set(doc.taille),
        nom: Set(nom),
        proprietaire_user_id: Set(doc.proprietaire_user_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?
    .id)
}

/// The registered file `id`, if any.
pub(crate) async fn find<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<Option<DocumentInfo>, StoreError> {
    Ok(document::Entity::find_by_id(id)
        .one(conn)
        .await?
        .map(DocumentInfo::from))
}

/// Forgets the file `id` (its bytes are the caller's to delete).
pub(crate) async fn forget<C: ConnectionTrait>(conn: &C, id: i32) -> Result<(), StoreError> {
    document::Entity::delete_by_id(id).exec(conn).await?;
    Ok(())
}
