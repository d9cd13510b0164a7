use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "formation_lheo")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub formation_id: String,
    /// The `<formation>` element, without namespace declaration.
    pub xml: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
