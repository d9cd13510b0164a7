use sea_orm::entity::prelude::*;

/// One version of an indicator's fiche; never changed once written.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicateur_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub nom: String,
    pub definition: String,
    /// The formula in its canonical form.
    pub formule: String,
    pub unite: String,
    pub denominateur: Option<String>,
    /// Comma list of breakdowns (`annee,departement`).
    pub ventilations: String,
    /// `hausse` or `baisse`.
    pub sens: String,
    pub created_at: DateTimeUtc,
    pub auteur_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
