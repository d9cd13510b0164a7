use sea_orm::entity::prelude::*;

/// A row of the « Kit apprentissage »: a diploma and its RNCP fiche.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kit_apprentissage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cfd: String,
    /// Empty when the kit gives none.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rncp: String,
    pub intitule: String,
    pub niveau: Option<i32>,
    pub abrege: Option<String>,
    pub apprentissage: Option<bool>,
    /// `AAAA-MM-JJ`.
    pub echeance: Option<String>,
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
