use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rome_competences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_ogr: i64,
    pub kind: String,
    pub libelle: String,
    pub categorie: Option<String>,
    pub sous_categorie: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
