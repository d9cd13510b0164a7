use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evenement_inscriptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub evenement_id: i32,
    pub user_id: Option<i32>,
    #[sea_orm(unique)]
    pub code: String,
    pub active_key: Option<String>,
    pub kind: String,
    pub nom: String,
    pub email: String,
    pub seats: i32,
    pub public: String,
    pub niveau: String,
    pub organisation_nom: Option<String>,
    pub is_minor: bool,
    pub parent_email: Option<String>,
    pub status: String,
    pub consent_at: Option<DateTimeUtc>,
    pub consent_by: Option<String>,
    pub checked_in_at: Option<DateTimeUtc>,
    pub reminder_sent_at: Option<DateTimeUtc>,
    pub survey_sent_at: Option<DateTimeUtc>,
    pub promoted_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
