use sea_orm::entity::prelude::*;

/// A news item an issue of the newsletter carries.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lettre_numero_actualites")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub numero_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub actualite_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
