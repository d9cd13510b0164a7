use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "formacodes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub libelle: String,
    pub kind: String,
    pub champ_semantique: Option<String>,
    /// Synonyms separated by ` ; `.
    pub synonymes: String,
    pub definition: Option<String>,
    pub note: Option<String>,
    pub nsf: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
