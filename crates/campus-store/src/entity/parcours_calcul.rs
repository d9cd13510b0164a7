use sea_orm::entity::prelude::*;

/// One training path the engine computed for someone, without naming
/// them: what the evaluation counts (`parcours_calculs`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "parcours_calculs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub calcule_le: DateTimeUtc,
    /// The person's situation as declared in the request (`lyceen`,
    /// `salarie`…), when said.
    pub statut: Option<String>,
    /// The ROME code of the trade aimed at.
    pub cible: String,
    /// Whether the engine found a plan (else: what stands in the way).
    pub plan_trouve: bool,
    /// `site` or `api`.
    pub canal: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
