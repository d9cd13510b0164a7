use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rome_fiches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code_rome: String,
    pub libelle: String,
    pub code_ogr: i64,
    pub grand_domaine_code: Option<String>,
    pub grand_domaine_libelle: Option<String>,
    pub domaine_code: Option<String>,
    pub domaine_libelle: Option<String>,
    pub emploi_reglemente: bool,
    pub emploi_cadre: bool,
    pub transition_eco: Option<String>,
    pub transition_num: Option<String>,
    pub transition_demo: Option<String>,
    pub riasec_majeur: Option<String>,
    pub riasec_mineur: Option<String>,
    pub code_rome_parent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
