use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_certificateurs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub certification: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub nom: String,
    /// Empty when the export gives none.
    #[sea_orm(primary_key, auto_increment = false)]
    pub siret: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
