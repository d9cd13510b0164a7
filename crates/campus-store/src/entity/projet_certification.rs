use sea_orm::entity::prelude::*;

/// A certification a project concerns.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_certifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub projet_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
