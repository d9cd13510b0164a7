use sea_orm::entity::prelude::*;

/// One version of a document of a project; `serie_id` is the id of the first version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projet_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub projet_id: i32,
    pub serie_id: Option<i32>,
    pub version: i32,
    pub document_id: i32,
    pub titre: String,
    pub livrable: Option<String>,
    pub public: bool,
    pub depose_par_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
