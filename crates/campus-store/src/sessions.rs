//! Server-side sessions.
//!
//! The browser holds only a random token; the database holds its hash, the
//! account and the expiry. Sessions therefore survive a restart, are shared
//! by every node, and are ended on the server (sign-out, password change,
//! disabled account) whatever the browser keeps.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::entity::{session, user};
use crate::users::{self, User};
use crate::{Store, StoreError};

/// How long a session lives.
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    /// From sign-in, whatever the activity.
    pub absolute: Duration,
    /// Without any request.
    pub idle: Duration,
}

/// A live session and its account.
#[derive(Clone, Debug)]
pub struct ActiveSession {
    pub token_hash: String,
    pub user: User,
    pub created_at: DateTime<Utc>,
}

/// Activity is written back at most this often, so that reading pages does
/// not turn every request into a write.
const TOUCH_EVERY: i64 = 60;

impl Store {
    pub async fn create_session(
        &self,
        user_id: i32,
        token_hash: String,
        policy: SessionPolicy,
        user_agent: Option<&str>,
        federation_logout: Option<String>,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        session::ActiveModel {
            token_hash: Set(token_hash),
            user_id: Set(user_id),
            created_at: Set(now),
            expires_at: Set(now + policy.absolute),
            last_seen_at: Set(now),
            user_agent: Set(user_agent.map(|ua| ua.chars().take(200).collect())),
            federation_logout: Set(federation_logout),
        }
        .insert(&txn)
        .await?;
        // A sign-in is what keeps an account from the inactivity erasure,
        // and cancels a warning already sent.
        user::Entity::update_many()
            .col_expr(user::Column::LastActiveAt, Expr::value(now))
            .col_expr(
                user::Column::InactivityWarnedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(user::Column::Id.eq(user_id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The session of a token if it is still valid and its account enabled.
    pub async fn session(
        &self,
        token_hash: &str,
        policy: SessionPolicy,
    ) -> Result<Option<ActiveSession>, StoreError> {
        let now = self.now();
        let Some(row) = session::Entity::find_by_id(token_hash.to_owned())
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        if row.expires_at <= now || row.last_seen_at + policy.idle <= now {
            return Ok(None);
        }
        let user = match users::load(self.conn(), row.user_id).await {
            Ok(user) if !user.disabled => user,
            Ok(_) | Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        if (now - row.last_seen_at).num_seconds() >= TOUCH_EVERY {
            session::Entity::update_many()
                .col_expr(session::Column::LastSeenAt, Expr::value(now))
                .filter(session::Column::TokenHash.eq(token_hash))
                .exec(self.conn())
                .await?;
        }
        Ok(Some(ActiveSession {
            token_hash: row.token_hash,
            user,
            created_at: row.created_at,
        }))
    }

    /// Ends a session; returns what its logout at an identity provider
    /// needs, for a session opened through one.
    pub async fn delete_session(&self, token_hash: &str) -> Result<Option<String>, StoreError> {
        let txn = self.write().await?;
        let federation = session::Entity::find_by_id(token_hash.to_owned())
            .one(&txn)
            .await?
            .and_then(|s| s.federation_logout);
        session::Entity::delete_by_id(token_hash.to_owned())
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(federation)
    }

    /// Ends every session of an account except, optionally, the current one.
    pub async fn delete_user_sessions(
        &self,
        user_id: i32,
        except: Option<&str>,
    ) -> Result<u64, StoreError> {
        let mut query = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
        if let Some(keep) = except {
            query = query.filter(session::Column::TokenHash.ne(keep));
        }
        Ok(query.exec(self.conn()).await?.rows_affected)
    }

    /// Removes expired sessions.
    pub async fn purge_sessions(&self, policy: SessionPolicy) -> Result<u64, StoreError> {
        let now = self.now();
        let result = session::Entity::delete_many()
            .filter(
                sea_orm::Condition::any()
                    .add(session::Column::ExpiresAt.lte(now))
                    .add(session::Column::LastSeenAt.lte(now - policy.idle)),
            )
            .exec(self.conn())
            .await?;
        Ok(result.rows_affected)
    }
}
