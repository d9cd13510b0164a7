use sea_orm::entity::prelude::*;

/// An event a news item tells about.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actualite_evenements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub actualite_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub evenement_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
