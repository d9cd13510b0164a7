use sea_orm::entity::prelude::*;

/// ROME, NSF and Formacode codes of a certification, with the label the register gives.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_fiche_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub certification: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub referentiel: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub libelle: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
