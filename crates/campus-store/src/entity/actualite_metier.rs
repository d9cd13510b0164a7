use sea_orm::entity::prelude::*;

/// A ROME trade a news item concerns.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "actualite_metiers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub actualite_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rome: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
