use sea_orm::entity::prelude::*;

/// The mobility extension of an application: the learner's birth date and
/// parent, the learning agreement's certification, the approvals, the
/// consent, and after return the Europass Mobility record.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "candidatures_mobilite")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub candidature_id: i32,
    pub date_naissance: String,
    pub email_parent: Option<String>,
    pub certification: Option<String>,
    pub contrat_le: Option<DateTimeUtc>,
    pub accord_ecole_le: Option<DateTimeUtc>,
    pub accord_ecole_user_id: Option<i32>,
    pub accord_hote_le: Option<DateTimeUtc>,
    pub accord_hote_nom: Option<String>,
    /// [`campus_domain::mobilite::EtatConsentement`].
    pub consentement: String,
    pub consentement_nom: Option<String>,
    pub consentement_le: Option<DateTimeUtc>,
    pub acquis_le: Option<DateTimeUtc>,
    pub mentor: Option<String>,
    pub moins_opportunites: bool,
    pub europass_document_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
