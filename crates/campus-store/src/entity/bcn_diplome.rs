use sea_orm::entity::prelude::*;

/// A diploma of the BCN by its CFD code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bcn_diplomes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cfd: String,
    pub source: String,
    pub niveau_formation: String,
    pub groupe_specialite: Option<String>,
    pub lettre_specialite: Option<String>,
    pub libelle_court: Option<String>,
    pub libelle: String,
    pub date_ouverture: Option<String>,
    pub date_fermeture: Option<String>,
    pub niveau: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
