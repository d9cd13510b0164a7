use sea_orm::entity::prelude::*;

/// A step of an application: who moved it, from which state to which.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidature_etapes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub candidature_id: i32,
    pub acteur_user_id: Option<i32>,
    pub etat_avant: Option<String>,
    pub etat_apres: String,
    pub motif: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
