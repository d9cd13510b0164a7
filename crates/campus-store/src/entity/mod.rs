//! SeaORM entities, one per table. Rows are turned into domain types by the
//! modules of this crate; callers outside it never see these models except
//! where noted.

pub mod api_token;
pub mod audit_event;
pub mod catalogue_generation;
pub mod certifinfo;
pub mod certifinfo_rome;
pub mod commune;
pub mod commune_code_postal;
pub mod formacode;
pub mod formacode_lien;
pub mod login_attempt;
pub mod mail_outbox;
pub mod membership;
pub mod organisation;
pub mod rncp_bloc;
pub mod rncp_ccn;
pub mod rncp_certificateur;
pub mod rncp_lignee;
pub mod rome_appellation;
pub mod rome_contexte;
pub mod rome_fiche;
pub mod rome_fiche_contexte;
pub mod rome_fiche_skill;
pub mod rome_mobilite;
pub mod rome_skill;
pub mod rome_texte;
pub mod server_secret;
pub mod session;
pub mod user;
pub mod user_token;
