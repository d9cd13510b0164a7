use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "equipement_reservations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub equipement_id: i32,
    pub user_id: i32,
    pub organisation_id: Option<i32>,
    pub public: String,
    pub tarif: String,
    pub debut: DateTimeUtc,
    pub fin: DateTimeUtc,
    pub minutes: i32,
    /// Minutes counted against the organisation's quota (0 when it had none).
    pub quota_minutes: i32,
    pub periode: String,
    pub statut: String,
    pub objet: String,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
