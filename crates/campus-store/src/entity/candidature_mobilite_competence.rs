use sea_orm::entity::prelude::*;

/// A skill of a learning agreement: a ROME skill (`origine = "rome"`, code
/// OGR) or a skill of an RNCP bloc (`"rncp"`, code `BLOC/position`);
/// `acquise` once the school recorded it after return.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidature_mobilite_competences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub candidature_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub libelle: String,
    pub origine: String,
    pub acquise: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
