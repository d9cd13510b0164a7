use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "formations")]
pub struct Model {
    /// `source:numero`, stable across imports of the same offer.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub source: String,
    pub numero: String,
    pub intitule: String,
    pub objectif: Option<String>,
    pub contenu: Option<String>,
    pub resultats_attendus: Option<String>,
    pub certifiante: Option<bool>,
    pub parcours: Option<String>,
    pub objectif_general: Option<String>,
    pub niveau_entree: Option<String>,
    pub niveau_sortie: Option<i16>,
    pub url: Option<String>,
    pub organisme_nom: String,
    pub organisme_raison_sociale: Option<String>,
    pub organisme_siret: Option<String>,
    pub organisme_uai: Option<String>,
    pub organisme_numero_activite: Option<String>,
    /// JSON of [`campus_domain::formation::Lieu`].
    pub organisme_lieu: Option<String>,
    /// JSON of [`campus_domain::formation::Contact`].
    pub contact: Option<String>,
    /// SHA-256 of the stored LHÉO element: a change of the element alone
    /// still counts as a change of the training.
    pub lheo_empreinte: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
