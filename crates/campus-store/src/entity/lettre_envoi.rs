use sea_orm::entity::prelude::*;

/// An issue queued for one subscriber: at most one per pair.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lettre_envois")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub numero_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub abonne_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
