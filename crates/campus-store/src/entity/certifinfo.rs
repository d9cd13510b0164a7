use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certifinfo")]
pub struct Model {
    /// The diploma code with its register codes: a diploma may be listed
    /// once per RS certification it belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub cle: String,
    pub code_diplome: i64,
    pub libelle: String,
    pub type_libelle: Option<String>,
    pub niveau: Option<i32>,
    pub date_maj: Option<String>,
    pub formacode: Option<String>,
    pub formacode_libelle: Option<String>,
    pub nsf: Option<String>,
    pub code_rncp: Option<String>,
    pub code_rs: Option<String>,
    pub cfd: Option<String>,
    pub valideur: Option<String>,
    pub certificateur: Option<String>,
    pub etat: Option<String>,
    pub etat_libelle: Option<String>,
    /// The RNCP certification this one renews.
    pub ancien_rncp: Option<String>,
    pub accessibilite: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
