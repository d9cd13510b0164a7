//! Personal access tokens for API clients.
//!
//! The token is shown once at creation; only its hash and a short prefix
//! (to recognise it in a list) are kept. A token acts with its owner's role
//! and stops working as soon as it is revoked, expires or the account is
//! disabled.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entity::api_token;
use crate::users::{self, User};
use crate::{Store, StoreError};

/// A token as listed to its owner.
#[derive(Clone, Debug)]
pub struct ApiToken {
    pub id: i32,
    pub name: String,
    pub display_prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_token::Model> for ApiToken {
    fn from(m: api_token::Model) -> Self {
        ApiToken {
            id: m.id,
            name: m.name,
            display_prefix: m.display_prefix,
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
        }
    }
}

impl Store {
    pub async fn create_api_token(
        &self,
        user_id: i32,
        name: String,
        token_hash: String,
        display_prefix: String,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<ApiToken, StoreError> {
        let model = api_token::ActiveModel {
            user_id: Set(user_id),
            name: Set(name),
            token_hash: Set(token_hash),
            display_prefix: Set(display_prefix),
            created_at: Set(self.now()),
            last_used_at: Set(None),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(self.conn())
        .await?;
        Ok(model.into())
    }

    pub async fn api_tokens(&self, user_id: i32) -> Result<Vec<ApiToken>, StoreError> {
        Ok(api_token::Entity::find()
            .filter(api_token::Column::UserId.eq(user_id))
            .order_by_desc(api_token::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(ApiToken::from)
            .collect())
    }

    /// Revokes one of the user's own tokens; another user's token is
    /// reported as not found, which reveals nothing about it.
    pub async fn revoke_api_token(&self, user_id: i32, token_id: i32) -> Result<(), StoreError> {
        let result = api_token::Entity::update_many()
            .col_expr(api_token::Column::RevokedAt, Expr::value(self.now()))
            .filter(api_token::Column::Id.eq(token_id))
            .filter(api_token::Column::UserId.eq(user_id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(self.conn())
            .await?;
        if result.rows_affected == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// The account behind a presented token, if the token is usable.
    pub async fn api_token_user(&self, token_hash: &str) -> Result<Option<User>, StoreError> {
        let now = self.now();
        let Some(row) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(token_hash))
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        if row.revoked_at.is_some() || row.expires_at.is_some_and(|at| at <= now) {
            return Ok(None);
        }
        let user = match users::load(self.conn(), row.user_id).await {
            Ok(user) if !user.disabled => user,
            Ok(_) | Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        if row
            .last_used_at
            .is_none_or(|at| (now - at).num_seconds() >= 60)
        {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
                .filter(api_token::Column::Id.eq(row.id))
                .exec(self.conn())
                .await?;
        }
        Ok(Some(user))
    }
}
