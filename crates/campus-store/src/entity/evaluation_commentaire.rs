use sea_orm::entity::prelude::*;

/// The campus team's commentary on a lever for a year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_commentaires")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub annee: i32,
    /// The lever's digit, `1` to `8`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub levier: String,
    pub texte: String,
    pub updated_at: DateTimeUtc,
    pub auteur_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
