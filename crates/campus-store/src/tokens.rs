//! Single-use, expiring links sent by e-mail: address verification,
//! password reset, invitations, and the link of a provider's identity.
//!
//! A token is spent by a conditional update (`used_at IS NULL AND
//! expires_at > now`) checked by its row count, inside the transaction that
//! performs what the link allows: two clicks on the same link, even on two
//! nodes at once, can never both succeed.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entity::{session, user, user_token};
use crate::outbox::{self, OutgoingMail};
use crate::users::{self, User};
use crate::{Store, StoreError, audit};

/// What a one-time link allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    VerifyEmail,
    ResetPassword,
    Invitation,
    /// Confirms, from the account's mailbox, the link of an identity of a
    /// provider (ProConnect, ÉduConnect) to the account.
    LinkIdentity,
}

impl TokenPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::Invitation => "invitation",
            TokenPurpose::LinkIdentity => "link_identity",
        }
    }
}

/// A token to store: only its hash and how long it lives.
#[derive(Clone, Debug)]
pub struct NewToken {
    pub hash: String,
    pub purpose: TokenPurpose,
    pub ttl: Duration,
}

/// Why a link can no longer be used; each gets its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenState {
    Valid,
    Unknown,
    Expired,
    Used,
}

pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    token: NewToken,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    user_token::ActiveModel {
        token_hash: Set(token.hash),
        user_id: Set(user_id),
        purpose: Set(token.purpose.as_str().to_owned()),
        expires_at: Set(now + token.ttl),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Spends the token, or says why it cannot be spent.
pub(crate) async fn spend<C: ConnectionTrait>(
    conn: &C,
    hash: &str,
    purpose: TokenPurpose,
    now: DateTime<Utc>,
) -> Result<Result<i32, TokenState>, StoreError> {
    let Some(row) = user_token::Entity::find()
        .filter(user_token::Column::TokenHash.eq(hash))
        .filter(user_token::Column::Purpose.eq(purpose.as_str()))
        .one(conn)
        .await?
    else {
        return Ok(Err(TokenState::Unknown));
    };
    let spent = user_token::Entity::update_many()
        .col_expr(user_token::Column::UsedAt, Expr::value(now))
        .filter(user_token::Column::Id.eq(row.id))
        .filter(user_token::Column::UsedAt.is_null())
        .filter(user_token::Column::ExpiresAt.gt(now))
        .exec(conn)
        .await?;
    if spent.rows_affected == 1 {
        Ok(Ok(row.user_id))
    } else {
        Ok(Err(state_of(&row, now)))
    }
}

fn state_of(row: &user_token::Model, now: DateTime<Utc>) -> TokenState {
    if row.used_at.is_some() {
        TokenState::Used
    } else if row.expires_at <= now {
        TokenState::Expired
    } else {
        TokenState::Valid
    }
}

impl Store {
    /// Stores a new token for an existing account and queues the e-mail
    /// that carries it, in one transaction.
    pub async fn issue_token(
        &self,
        user_id: i32,
        token: NewToken,
        mail: OutgoingMail,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        insert(&txn, user_id, token, self.now()).await?;
        outbox::enqueue(&txn, [mail], self.now()).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The state of a link and the account it belongs to, without spending
    /// it (to show the right page before the user confirms).
    pub async fn token_state(
        &self,
        hash: &str,
        purpose: TokenPurpose,
    ) -> Result<(TokenState, Option<User>), StoreError> {
        let row = user_token::Entity::find()
            .filter(user_token::Column::TokenHash.eq(hash))
            .filter(user_token::Column::Purpose.eq(purpose.as_str()))
            .one(self.conn())
            .await?;
        match row {
            None => Ok((TokenState::Unknown, None)),
            Some(row) => {
                let user = users::load(self.conn(), row.user_id).await?;
                Ok((state_of(&row, self.now()), Some(user)))
            }
        }
    }

    /// Confirms an e-mail address.
    pub async fn verify_email(&self, hash: &str) -> Result<Result<User, TokenState>, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let user_id = match spend(&txn, hash, TokenPurpose::VerifyEmail, now).await? {
            Ok(id) => id,
            Err(state) => return Ok(Err(state)),
        };
        users::mark_verified(&txn, user_id, now).await?;
        let user = users::load(&txn, user_id).await?;
        audit::record(
            &txn,
            self.now(),
            Some(user_id),
            "user.verify_email",
            user.email.as_str(),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(Ok(user))
    }

    /// Sets a new password from a reset link. Following the link proves the
    /// address too, and every session of the account ends.
    pub async fn reset_password(
        &self,
        hash: &str,
        password_hash: String,
    ) -> Result<Result<User, TokenState>, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let user_id = match spend(&txn, hash, TokenPurpose::ResetPassword, now).await? {
            Ok(id) => id,
            Err(state) => return Ok(Err(state)),
        };
        users::set_password_hash(&txn, user_id, password_hash, now).await?;
        users::mark_verified(&txn, user_id, now).await?;
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        let user = users::load(&txn, user_id).await?;
        audit::record(
            &txn,
            self.now(),
            Some(user_id),
            "user.reset_password",
            user.email.as_str(),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(Ok(user))
    }

    /// Accepts an invitation: the invited person chooses a name and a
    /// password; the address is proven by the link.
    pub async fn accept_invitation(
        &self,
        hash: &str,
        display_name: String,
        password_hash: String,
    ) -> Result<Result<User, TokenState>, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let user_id = match spend(&txn, hash, TokenPurpose::Invitation, now).await? {
            Ok(id) => id,
            Err(state) => return Ok(Err(state)),
        };
        users::set_password_hash(&txn, user_id, password_hash, now).await?;
        users::mark_verified(&txn, user_id, now).await?;
        user::Entity::update_many()
            .col_expr(user::Column::DisplayName, Expr::value(display_name))
            .filter(user::Column::Id.eq(user_id))
            .exec(&txn)
            .await?;
        let user = users::load(&txn, user_id).await?;
        audit::record(
            &txn,
            self.now(),
            Some(user_id),
            "user.accept_invitation",
            user.email.as_str(),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(Ok(user))
    }

    /// Removes tokens that can no longer be used.
    pub async fn purge_tokens(&self, older_than: DateTime<Utc>) -> Result<u64, StoreError> {
        let result = user_token::Entity::delete_many()
            .filter(user_token::Column::ExpiresAt.lt(older_than))
            .exec(self.conn())
            .await?;
        Ok(result.rows_affected)
    }
}
