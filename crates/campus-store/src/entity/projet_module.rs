use sea_orm::entity::prelude::*;

/// An on-demand module requested for a project.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_modules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub module_demande_id: i32,
    pub projet_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
