use sea_orm::entity::prelude::*;

/// A trainee registered to a module, with the organisation and public
/// they came as, for the evaluation of the campus's action plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "module_stagiaires")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub request_id: i32,
    pub nom: String,
    pub email: String,
    pub organisation_id: i32,
    /// A [`campus_domain::StatutApprenant`].
    pub public: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
