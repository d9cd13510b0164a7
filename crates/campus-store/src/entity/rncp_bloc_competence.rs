use sea_orm::entity::prelude::*;

/// The skills of a bloc, one per row, in the order of the list.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_bloc_competences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bloc: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i32,
    pub niveau: i32,
    pub libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
