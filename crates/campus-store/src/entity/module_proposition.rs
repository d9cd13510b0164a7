use sea_orm::entity::prelude::*;

/// A trainer's answer to a request; one per trainer and request, revised
/// in place (`version` counts the revisions).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "module_propositions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub request_id: i32,
    pub trainer_user_id: i32,
    pub contenu: String,
    pub objectifs: String,
    pub duree_heures: f64,
    /// Total price including VAT, in euros.
    pub prix: f64,
    pub date_debut: String,
    pub date_fin: String,
    /// Where it takes place: a name (site, building) and its address.
    pub lieu_nom: String,
    pub lieu_adresse: String,
    pub lieu_code_postal: String,
    pub lieu_commune: String,
    /// The training body that delivers and invoices the module.
    pub organisme_nom: String,
    pub organisme_siret: String,
    pub numero_activite: String,
    /// [`campus_domain::module::EtatProposition`].
    pub etat: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
