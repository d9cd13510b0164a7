use sea_orm::entity::prelude::*;

/// An organisation taking part in a project.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub projet_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
