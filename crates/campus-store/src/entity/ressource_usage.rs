use sea_orm::entity::prelude::*;

/// Views and downloads of a resource on one day, counted without who.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ressource_usages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ressource_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub jour: String,
    pub vues: i32,
    pub telechargements: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
