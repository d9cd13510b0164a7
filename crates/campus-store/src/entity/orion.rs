use sea_orm::entity::prelude::*;

/// One school × programme of one Orion source and year: places, wishes or
/// pupils enrolled, whichever the source counts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orion")]
pub struct Model {
    /// `affelnet`, `parcoursup_bts` or `constat`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub annee: i16,
    #[sea_orm(primary_key, auto_increment = false)]
    pub uai: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub mef_stat_11: String,
    /// `scolaire` or `apprentissage`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub statut: String,
    /// The diploma the programme leads to, when the BCN knows it.
    pub cfd: Option<String>,
    pub libelle: Option<String>,
    pub capacite: Option<i32>,
    pub voeux: Option<i32>,
    pub effectif: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
