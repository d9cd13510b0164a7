use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "equipement_maintenances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub equipement_id: i32,
    pub debut: DateTimeUtc,
    pub fin: DateTimeUtc,
    pub motif: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
