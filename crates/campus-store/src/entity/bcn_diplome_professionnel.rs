use sea_orm::entity::prelude::*;

/// A vocational diploma and its RNCP code (empty when none).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bcn_diplomes_professionnels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cfd: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rncp: String,
    pub cpc: String,
    pub secteur: Option<String>,
    pub niveau: Option<i32>,
    pub diplome: String,
    pub intitule: String,
    pub date_creation: Option<String>,
    pub premiere_session: Option<String>,
    pub derniere_session: Option<String>,
    pub famille_metiers: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
