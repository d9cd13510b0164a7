use sea_orm::entity::prelude::*;

/// A resource of the pedagogical library.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ressources")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub titre: String,
    pub description: String,
    pub type_ressource: String,
    pub licence: String,
    pub visibilite: String,
    pub etat: String,
    pub motif: Option<String>,
    pub langue: String,
    pub duree_minutes: Option<i32>,
    pub version_libelle: String,
    pub date_version: String,
    pub auteurs: Option<String>,
    pub lien: Option<String>,
    pub lien_casse: bool,
    pub lien_verifie_le: Option<DateTimeUtc>,
    pub lien_signale: bool,
    pub organisation_id: Option<i32>,
    pub auteur_user_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
