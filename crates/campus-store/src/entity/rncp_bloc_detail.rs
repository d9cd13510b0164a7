use sea_orm::entity::prelude::*;

/// What the XML export adds to a bloc of the CSV export; kept apart so that neither import overwrites the other.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rncp_bloc_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub certification: String,
    pub liste_competences: Option<String>,
    pub modalites_evaluation: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
