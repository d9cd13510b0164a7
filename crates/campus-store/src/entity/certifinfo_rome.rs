use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certifinfo_romes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_diplome: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rome: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
