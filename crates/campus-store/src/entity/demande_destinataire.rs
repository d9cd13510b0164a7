use sea_orm::entity::prelude::*;

/// An expert a request was sent to, and their answer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "demande_destinataires")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub demande_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub expert_id: i32,
    pub etat: String,
    pub envoyee_le: DateTimeUtc,
    pub repondu_le: Option<DateTimeUtc>,
    pub relance_le: Option<String>,
    pub escalade_le: Option<String>,
    pub reponse: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
