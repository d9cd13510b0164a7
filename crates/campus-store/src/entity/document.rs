use sea_orm::entity::prelude::*;

/// A file someone uploaded: its key in the document store (which holds
/// the bytes, outside the database), its type as read from its bytes, its
/// size and the name it came with (shown, never used to store it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cle: String,
    /// `pdf`, `png`, `jpeg` or `webp`.
    pub nature: String,
    pub taille: i64,
    pub nom: String,
    pub proprietaire_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
