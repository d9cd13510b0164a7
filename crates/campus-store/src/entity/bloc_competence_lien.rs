use sea_orm::entity::prelude::*;

/// A link from a bloc de compétences to a ROME skill: computed by the
/// alignment, or decided by the campus team (`origin = "curated"`; with
/// `removed`, the team rejected the link).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "bloc_competence_liens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub bloc: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_ogr: i64,
    pub certification: String,
    pub score: f64,
    pub origin: String,
    pub scope: String,
    pub removed: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
