use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evenement_avis")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub inscription_id: i32,
    pub evenement_id: i32,
    pub rating: i32,
    pub recommend: bool,
    pub comment: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
