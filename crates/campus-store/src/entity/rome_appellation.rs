use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rome_appellations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_ogr: i64,
    pub code_rome: String,
    pub libelle: String,
    pub libelle_court: String,
    pub peu_usite: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
