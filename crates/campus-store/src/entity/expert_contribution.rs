use sea_orm::entity::prelude::*;

/// Something an expert did for the network.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "expert_contributions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub expert_id: i32,
    pub offre: String,
    pub titre: String,
    pub date: String,
    pub demande_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
