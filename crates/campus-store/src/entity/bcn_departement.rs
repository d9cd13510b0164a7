use sea_orm::entity::prelude::*;

/// A département with its académie and région.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bcn_departements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub libelle: String,
    pub academie: String,
    pub academie_libelle: String,
    pub region: String,
    pub region_libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
