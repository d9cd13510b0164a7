use sea_orm::entity::prelude::*;

/// A BCN level of diploma.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bcn_niveaux")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub niveau_interministeriel: Option<String>,
    pub libelle_court: Option<String>,
    pub libelle: String,
    pub niveau: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
