use sea_orm::entity::prelude::*;

/// What a partner establishment abroad hosts: its languages (ISO 639-1
/// codes), trades (ROME codes) and levels, comma-separated, and the
/// contact who approves the learning agreements (without an account).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partenaires_etrangers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
    pub langues: String,
    pub metiers: String,
    pub niveaux: String,
    pub contact_nom: String,
    pub contact_email: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
