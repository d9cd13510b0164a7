use sea_orm::entity::prelude::*;

/// Where a deliverable of a project stands, and the document that answers it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_livrables")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub projet_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub livrable: String,
    pub etat: String,
    pub projet_document_id: i32,
    pub commentaire: Option<String>,
    pub decide_par_user_id: Option<i32>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
