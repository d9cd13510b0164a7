use sea_orm::entity::prelude::*;

/// A ROME skill an offer asks for, with its label as the offer shows it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offre_competences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offre_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_ogr: i64,
    pub libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
