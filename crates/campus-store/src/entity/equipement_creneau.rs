use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "equipement_creneaux")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub equipement_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub debut: DateTimeUtc,
    pub reservation_id: Option<i32>,
    pub maintenance_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
