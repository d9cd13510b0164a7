use sea_orm::entity::prelude::*;

/// A training path saved to a learner's account: the request as the form
/// or the API gave it (JSON), computed again whenever it is reopened.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "parcours_enregistres")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub learner_id: i32,
    /// The learner, or the supporter who prepared and shared the path.
    pub author_id: i32,
    pub titre: String,
    pub cible: String,
    pub demande: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
