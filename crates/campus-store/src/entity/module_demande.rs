use sea_orm::entity::prelude::*;

/// A company's request for an on-demand training module.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "module_demandes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The company asking.
    pub organisation_id: i32,
    /// The member who wrote it (none once their account is deleted).
    pub requester_user_id: Option<i32>,
    pub intitule: String,
    pub besoin: String,
    pub stagiaires: i32,
    /// `delocalise` or `campus`.
    pub lieu: String,
    pub lieu_adresse: Option<String>,
    pub lieu_code_postal: Option<String>,
    pub lieu_commune: Option<String>,
    /// `AAAA-MM-JJ`.
    pub date_debut: String,
    pub date_fin: String,
    pub budget: Option<f64>,
    /// [`campus_domain::module::EtatDemande`].
    pub etat: String,
    pub accepted_proposal_id: Option<i32>,
    pub motif_refus: Option<String>,
    /// The training of the catalogue, once scheduled.
    pub formation_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
