use sea_orm::entity::prelude::*;

/// One version of a resource's file; earlier versions are kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ressource_fichiers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ressource_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub document_id: i32,
    pub depose_par_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
