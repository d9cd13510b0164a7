use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commune_codes_postaux")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_insee: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_postal: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
