use sea_orm::entity::prelude::*;

/// A request for an expert's time.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "demandes_expertise")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub demandeur_user_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub sujet: String,
    pub offre: String,
    pub public: String,
    pub debut: String,
    pub fin: String,
    pub lieu: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub message: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
