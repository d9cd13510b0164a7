use sea_orm::entity::prelude::*;

/// An issue of the newsletter.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lettre_numeros")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub objet: String,
    pub introduction: String,
    pub etat: String,
    pub cree_par_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub envoi_demande_le: Option<DateTimeUtc>,
    pub envoye_le: Option<DateTimeUtc>,
    pub envoyes: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
