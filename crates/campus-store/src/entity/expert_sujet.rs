use sea_orm::entity::prelude::*;

/// A subject an expert may be asked about.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_sujets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub expert_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
