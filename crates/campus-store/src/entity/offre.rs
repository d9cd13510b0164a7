use sea_orm::entity::prelude::*;

/// An offer of the network (`source` = `campus`) or of a partner feed
/// (`source` = `pass`, with `source_id` and `source_lien`). Open while
/// `etat` = `ouverte` and `expire_le` is today or later.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offres")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The company of the network; `None` for an imported offer.
    pub organisation_id: Option<i32>,
    pub auteur_user_id: Option<i32>,
    pub source: String,
    pub source_id: Option<String>,
    pub source_lien: Option<String>,
    /// [`campus_domain::insertion::TypeOffre`].
    pub type_offre: String,
    pub intitule: String,
    pub description: String,
    pub code_rome: Option<String>,
    /// The employer's name as the feed gives it (imported offers).
    pub employeur: Option<String>,
    pub niveau: Option<i16>,
    pub certification: Option<String>,
    pub commune_insee: Option<String>,
    pub commune_nom: String,
    pub departement: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub date_debut: Option<String>,
    pub duree_mois: Option<i32>,
    pub postes: i32,
    pub postes_pourvus: i32,
    pub horaires: Option<String>,
    pub remuneration: Option<String>,
    pub formation_id: Option<String>,
    pub contact_nom: Option<String>,
    pub contact_email: Option<String>,
    pub expire_le: String,
    /// [`campus_domain::insertion::EtatOffre`].
    pub etat: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
