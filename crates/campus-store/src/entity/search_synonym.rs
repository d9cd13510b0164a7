use sea_orm::entity::prelude::*;

/// A group of the search dictionary added by the campus team.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_synonyms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// One expression per line.
    pub expressions: String,
    pub note: String,
    pub diplome: bool,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
