use sea_orm::entity::prelude::*;

/// A news item of the campus or of a partner organisation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actualites")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub titre: String,
    pub resume: String,
    pub corps: String,
    pub etat: String,
    pub motif: Option<String>,
    pub organisation_id: Option<i32>,
    pub auteur_user_id: Option<i32>,
    pub image_document_id: Option<i32>,
    pub image_alt: Option<String>,
    pub publiee_le: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
