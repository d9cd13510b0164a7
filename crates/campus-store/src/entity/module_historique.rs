use sea_orm::entity::prelude::*;

/// One step in the life of a request: who did what, from which state to
/// which.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "module_historique")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub request_id: i32,
    pub actor_user_id: Option<i32>,
    /// `demander` or a [`campus_domain::module::Transition`].
    pub action: String,
    pub etat_avant: Option<String>,
    pub etat_apres: String,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
