use sea_orm::entity::prelude::*;

/// The ways a certification can be obtained (`VoieAcces` codes).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_voies_acces")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub certification: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub voie: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
