use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "formation_actions")]
pub struct Model {
    /// `formation id/numero`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub formation_id: String,
    pub numero: String,
    pub modalite: String,
    /// JSON list of Formacode codes.
    pub public_vise: String,
    pub prerequis: Option<String>,
    pub rythme: Option<String>,
    pub alternance: Option<String>,
    pub enseignement: Option<String>,
    pub entrees_sorties: Option<String>,
    pub duree_heures: Option<f64>,
    pub prix: Option<f64>,
    /// JSON list of [`campus_domain::formation::Financeur`].
    pub financeurs: String,
    pub lieu_nom: Option<String>,
    pub lieu_adresse: Option<String>,
    pub lieu_code_postal: Option<String>,
    pub lieu_ville: Option<String>,
    pub lieu_commune_insee: Option<String>,
    pub lieu_departement: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub formateur_siret: Option<String>,
    pub formateur_nom: Option<String>,
    /// Places, first wishes and campaign year of an Affelnet programme.
    pub capacite: Option<i32>,
    pub premiers_voeux: Option<i32>,
    pub campagne: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
