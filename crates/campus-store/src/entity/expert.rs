use sea_orm::entity::prelude::*;

/// An expert profile of a person of the network.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "experts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub organisation_id: Option<i32>,
    pub titre: String,
    pub presentation: Option<String>,
    pub offres: String,
    pub langues: String,
    pub disponibilite: Option<String>,
    pub etat: String,
    pub contributions_publiques: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
