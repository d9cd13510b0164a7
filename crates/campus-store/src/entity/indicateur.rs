use sea_orm::entity::prelude::*;

/// An indicator of the campus's evaluation: its code, lever, current
/// version and whether the campus team retired it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicateurs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// The lever's digit, `1` to `8`.
    pub levier: String,
    pub version_courante: i32,
    pub retire_le: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
