use sea_orm::entity::prelude::*;

/// A diploma of ONISEP's Idéo list.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "onisep_formations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub libelle: String,
    pub type_sigle: Option<String>,
    pub type_libelle: Option<String>,
    pub sigle: Option<String>,
    pub duree: Option<String>,
    pub code_rncp: Option<String>,
    pub niveau: Option<i32>,
    pub nsf: Option<String>,
    pub tutelle: Option<String>,
    pub url: String,
    pub domaines: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
