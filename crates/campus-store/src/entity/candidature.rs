use sea_orm::entity::prelude::*;

/// An application to an offer: one per person and offer. `version` counts
/// its changes, so that two recruiters acting at once cannot both win;
/// `candidat_user_id` is cleared and `message` emptied when it is
/// pseudonymised (retention, erasure), which keeps the answer rates true.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidatures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offre_id: i32,
    pub candidat_user_id: Option<i32>,
    pub message: String,
    pub cv_document_id: Option<i32>,
    /// [`campus_domain::insertion::EtatCandidature`].
    pub etat: String,
    /// [`campus_domain::insertion::MotifNonRetenue`].
    pub motif: Option<String>,
    pub version: i32,
    /// Reminders sent to the recruiter (0, 1 or 2).
    pub relances_recruteur: i32,
    pub relance_candidat_le: Option<DateTimeUtc>,
    pub lue_le: Option<DateTimeUtc>,
    /// The first answer: an interview or a decision.
    pub repondue_le: Option<DateTimeUtc>,
    /// For an observation period: when the pupil's school agreed.
    pub accord_ecole_le: Option<DateTimeUtc>,
    pub derniere_activite: DateTimeUtc,
    pub pseudonymisee: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
