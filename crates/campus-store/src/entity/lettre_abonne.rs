use sea_orm::entity::prelude::*;

/// A subscriber of the newsletter, pending until the address is confirmed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lettre_abonnes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub user_id: Option<i32>,
    pub etat: String,
    pub created_at: DateTimeUtc,
    pub confirme_le: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
