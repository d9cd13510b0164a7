use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub nom: String,
    pub kind: String,
    pub siret: Option<String>,
    pub uai: Option<String>,
    pub description: String,
    pub adresse: Option<String>,
    pub code_postal: Option<String>,
    pub commune: Option<String>,
    pub departement: Option<String>,
    pub site_web: Option<String>,
    pub email_contact: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Token of the organisation's calendar feed, created when first shown.
    #[sea_orm(unique)]
    pub jeton_ical: Option<String>,
    /// `reseau`, or `catalogue_apprentissage` for an organisation the
    /// national catalogue referenced.
    pub origine: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// ISO 3166-1 alpha-2 code; `FR` for the network in France.
    pub pays: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
