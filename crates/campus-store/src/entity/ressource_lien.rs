use sea_orm::entity::prelude::*;

/// A link of a resource: a trade, certification, bloc or equipment it
/// concerns, or a public or level it is meant for.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ressource_liens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub ressource_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub lien: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub valeur: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
