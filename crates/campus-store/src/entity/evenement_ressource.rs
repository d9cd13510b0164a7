use sea_orm::entity::prelude::*;

/// A resource an event uses (a discovery workshop's kit).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evenement_ressources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub evenement_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub ressource_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
