use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "formacode_liens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// `generique`, `specifique` or `associe`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub relation: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub autre: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
