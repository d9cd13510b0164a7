use sea_orm::entity::prelude::*;

/// A trade (ROME v3 code) a certification leads to, from the RNCP → ROME
/// correspondence table of 2021.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_correspondances_romes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub certification: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rome: String,
    pub libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
