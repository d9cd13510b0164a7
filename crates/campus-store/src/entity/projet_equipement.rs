use sea_orm::entity::prelude::*;

/// Equipment of the technology platform a project uses.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_equipements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub projet_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub equipement_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
