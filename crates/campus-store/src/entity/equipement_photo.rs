use sea_orm::entity::prelude::*;

/// A photo of an equipment: a file of the document store, with the text
/// that describes it to those who cannot see it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "equipement_photos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub equipement_id: i32,
    #[sea_orm(unique)]
    pub document_id: i32,
    pub texte_alternatif: String,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
