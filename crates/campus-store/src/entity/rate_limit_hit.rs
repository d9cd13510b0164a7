use sea_orm::entity::prelude::*;

/// One action counted by a rate limit (see `rate_limits`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limit_hits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What is limited (`inscription-ip`, `inscription-evenement`…).
    pub bucket: String,
    /// Who or what it is counted for: a client address, an event's id.
    pub key: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
