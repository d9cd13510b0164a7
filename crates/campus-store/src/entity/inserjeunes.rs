use sea_orm::entity::prelude::*;

/// The outcome of one training in one région for one cohort (InserJeunes).
/// A `None` figure is one the source withheld.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inserjeunes")]
pub struct Model {
    /// `2021_2022`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub millesime: String,
    /// The région's INSEE code.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_region: String,
    /// `scolaire` or `apprentissage`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub voie: String,
    /// MEF_STAT_11 (school) or CFD (apprenticeship).
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_formation: String,
    /// The diploma the training leads to, when the BCN knows it.
    pub cfd: Option<String>,
    pub effectif_terminale: Option<i32>,
    pub sortants: Option<i32>,
    pub poursuites: Option<i32>,
    pub en_emploi_6: Option<i32>,
    pub en_emploi_12: Option<i32>,
    pub en_emploi_18: Option<i32>,
    pub en_emploi_24: Option<i32>,
    pub taux_emploi_6: Option<i16>,
    pub taux_emploi_12: Option<i16>,
    pub taux_emploi_18: Option<i16>,
    pub taux_emploi_24: Option<i16>,
    pub taux_poursuite: Option<i16>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
