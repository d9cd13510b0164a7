use sea_orm::entity::prelude::*;

/// The mobility extension of an offer: public, nature, host abroad,
/// dates, funding, ages, deadline.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offres_mobilite")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offre_id: i32,
    pub public_mobilite: String,
    pub nature: String,
    pub partenaire_id: i32,
    pub pays: String,
    pub date_debut: String,
    pub date_fin: String,
    pub duree_jours: i32,
    pub financement: String,
    pub financement_nom: Option<String>,
    pub age_min: Option<i16>,
    pub age_max: Option<i16>,
    pub date_limite: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
