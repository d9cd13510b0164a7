use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "formation_certifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub formation_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub score: f32,
    pub origine: String,
    /// Removed by the campus team: kept so that no computation brings it
    /// back.
    pub retire: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
