use sea_orm::entity::prelude::*;

/// A project of the network.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub type_projet: String,
    pub titre: String,
    pub resume: String,
    pub resultats: Option<String>,
    pub debut: String,
    pub fin: String,
    pub statut: String,
    pub etape: String,
    pub etat_etape: String,
    pub etape_depuis: DateTimeUtc,
    pub public: bool,
    pub evenement_id: Option<i32>,
    pub cree_par_user_id: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
