use sea_orm::entity::prelude::*;

/// A dated milestone of a project.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_jalons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub projet_id: i32,
    pub titre: String,
    pub echeance: String,
    pub atteint_le: Option<String>,
    pub rappele_le: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
