use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_logins")]
pub struct Model {
    /// Hash of the random value of the browser's cookie that started it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub binding_hash: String,
    pub provider: String,
    /// State, nonce and PKCE verifier, as JSON.
    pub pending: String,
    /// Where to go once signed in.
    pub suite: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
