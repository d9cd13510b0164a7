use sea_orm::entity::prelude::*;

/// A certification as the XML export describes it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_fiches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub numero: String,
    pub intitule: String,
    pub actif: bool,
    pub etat: Option<String>,
    pub type_code: Option<String>,
    pub type_libelle: Option<String>,
    pub niveau: Option<i32>,
    pub type_enregistrement: Option<String>,
    pub date_publication: Option<String>,
    pub date_effet: Option<String>,
    pub date_fin_enregistrement: Option<String>,
    pub date_limite_delivrance: Option<String>,
    pub activites_visees: Option<String>,
    pub capacites_attestees: Option<String>,
    pub secteurs_activite: Option<String>,
    pub types_emplois: Option<String>,
    pub objectifs_contexte: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
