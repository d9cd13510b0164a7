use sea_orm::entity::prelude::*;

/// The organisation of the directory a training's body is; set by the
/// import when SIRET or UAI match, then owned by the platform (an import
/// never changes an existing link).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "formation_organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub formation_id: String,
    pub organisation_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
