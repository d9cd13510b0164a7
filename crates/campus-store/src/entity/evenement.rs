use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evenements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub organisation_id: i32,
    pub kind: String,
    pub titre: String,
    pub description: String,
    pub adresse: String,
    pub code_postal: Option<String>,
    pub commune: String,
    pub departement: Option<String>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub capacity: i32,
    pub seats_taken: i32,
    pub waiting_count: i32,
    /// Audiences as `,a,b,` so that one can be matched with `LIKE '%,a,%'`.
    pub audiences: String,
    /// ROME codes, same layout.
    pub romes: String,
    pub min_age: Option<i32>,
    pub clean_room: bool,
    pub gmp: bool,
    pub safety_notes: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
