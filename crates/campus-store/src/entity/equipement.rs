use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "equipements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub nom: String,
    pub organisation_id: i32,
    pub site: String,
    pub categorie: String,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    pub tarif_academique_centimes: i32,
    pub tarif_industriel_centimes: i32,
    pub statut: String,
    pub jours_ouverture: i32,
    pub ouverture_minutes: i32,
    pub fermeture_minutes: i32,
    pub approbation_requise: bool,
    #[sea_orm(unique)]
    pub jeton_ical: String,
    pub verrou: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When it left the catalogue; its bookings and utilisation stay.
    pub retire_le: Option<DateTimeUtc>,
    /// Raised by every edit: an edit made on an older version is refused.
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
