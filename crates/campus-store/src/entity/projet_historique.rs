use sea_orm::entity::prelude::*;

/// One dated fact of a project's history: its timeline, and what the dashboards count.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_historique")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub projet_id: i32,
    pub acteur_user_id: Option<i32>,
    pub action: String,
    pub etape: Option<String>,
    pub livrable: Option<String>,
    pub projet_document_id: Option<i32>,
    pub detail: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
