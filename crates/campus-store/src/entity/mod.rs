//! SeaORM entities, one per table. Rows are turned into domain types by the
//! modules of this crate; callers outside it never see these models except
//! where noted.

pub mod api_token;
pub mod audit_event;
pub mod login_attempt;
pub mod mail_outbox;
pub mod membership;
pub mod organisation;
pub mod server_secret;
pub mod session;
pub mod user;
pub mod user_token;
