//! Federated sign-in: which account an identity of a provider (ProConnect,
//! ÉduConnect) opens, the sign-ins under way, and the link of an identity
//! to an existing account, which the owner confirms from the account's
//! mailbox (a provider's word alone never opens somebody's account).

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::entity::{federated_identity, oidc_login};
use crate::outbox::{self, OutgoingMail};
use crate::tokens::{self, NewToken, TokenPurpose, TokenState};
use crate::users::{self, NewUser, User};
use crate::{Store, StoreError, audit};

/// An identity as a provider asserted it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFederatedIdentity {
    /// `proconnect` or `educonnect`.
    pub provider: String,
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
}

/// A sign-in under way, read back when the provider answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OidcLogin {
    pub provider: String,
    /// State, nonce and PKCE verifier, as JSON.
    pub pending: String,
    pub suite: String,
}

impl Store {
    /// Records a sign-in leaving for a provider, bound to the browser whose
    /// cookie hashes to `binding_hash`; also forgets the expired ones.
    pub async fn save_oidc_login(
        &self,
        binding_hash: String,
        login: OidcLogin,
        ttl: Duration,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        oidc_login::Entity::delete_many()
            .filter(oidc_login::Column::ExpiresAt.lt(now))
            .exec(&txn)
            .await?;
        oidc_login::ActiveModel {
            binding_hash: Set(binding_hash),
            provider: Set(login.provider),
            pending: Set(login.pending),
            suite: Set(login.suite.chars().take(400).collect()),
            expires_at: Set(now + ttl),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The sign-in started by this browser, spent: a provider's answer is
    /// accepted once, and only before it expires.
    pub async fn take_oidc_login(
        &self,
        binding_hash: &str,
    ) -> Result<Option<OidcLogin>, StoreError> {
        let txn = self.write().await?;
        let row = oidc_login::Entity::find_by_id(binding_hash.to_owned())
            .one(&txn)
            .await?;
        let deleted = oidc_login::Entity::delete_by_id(binding_hash.to_owned())
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(row
            .filter(|r| deleted.rows_affected == 1 && r.expires_at > self.now())
            .map(|r| OidcLogin {
                provider: r.provider,
                pending: r.pending,
                suite: r.suite,
            }))
    }

    /// The account a confirmed identity opens, if any.
    pub async fn federated_user(
        &self,
        issuer: &str,
        subject: &str,
    ) -> Result<Option<User>, StoreError> {
        let Some(row) = federated_identity::Entity::find()
            .filter(federated_identity::Column::Issuer.eq(issuer))
            .filter(federated_identity::Column::Subject.eq(subject))
            .filter(federated_identity::Column::ConfirmedAt.is_not_null())
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        federated_identity::Entity::update_many()
            .col_expr(
                federated_identity::Column::LastLoginAt,
                Expr::value(self.now()),
            )
            .filter(federated_identity::Column::Id.eq(row.id))
            .exec(self.conn())
            .await?;
        users::load(self.conn(), row.user_id).await.map(Some)
    }

    /// Creates an account for a first sign-in through a provider, with its
    /// identity linked, in one transaction.
    pub async fn create_federated_user(
        &self,
        new: NewUser,
        identity: NewFederatedIdentity,
    ) -> Result<User, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let model = users::insert(
            &txn,
            NewUser {
                password_hash: None,
                ..new
            },
            now,
        )
        .await?;
        insert_identity(&txn, model.id, &identity, Some(now), now).await?;
        audit::record(
            &txn,
            now,
            Some(model.id),
            "user.create_federated",
            &model.email,
            &identity.provider,
        )
        .await?;
        txn.commit().await?;
        User::try_from(model)
    }

    /// Proposes to link `identity` to account `user_id`: the link waits for
    /// the owner, who follows the link of the message `mail` (carrying
    /// `token`) sent to the account's address. A new proposal for the same
    /// identity replaces the previous one.
    pub async fn propose_federated_link(
        &self,
        user_id: i32,
        identity: NewFederatedIdentity,
        token: NewToken,
        mail: OutgoingMail,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        federated_identity::Entity::delete_many()
            .filter(federated_identity::Column::Issuer.eq(identity.issuer.as_str()))
            .filter(federated_identity::Column::Subject.eq(identity.subject.as_str()))
            .filter(federated_identity::Column::ConfirmedAt.is_null())
            .exec(&txn)
            .await?;
        insert_identity(&txn, user_id, &identity, None, now).await?;
        tokens::insert(&txn, user_id, token, now).await?;
        outbox::enqueue(&txn, [mail], now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Confirms the links waiting on the account of the token `hash`.
    pub async fn confirm_federated_link(
        &self,
        hash: &str,
    ) -> Result<Result<User, TokenState>, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let user_id = match tokens::spend(&txn, hash, TokenPurpose::LinkIdentity, now).await? {
            Ok(id) => id,
            Err(state) => return Ok(Err(state)),
        };
        federated_identity::Entity::update_many()
            .col_expr(federated_identity::Column::ConfirmedAt, Expr::value(now))
            .col_expr(federated_identity::Column::LastLoginAt, Expr::value(now))
            .filter(federated_identity::Column::UserId.eq(user_id))
            .filter(federated_identity::Column::ConfirmedAt.is_null())
            .exec(&txn)
            .await?;
        // Following the link proves the address too.
        users::mark_verified(&txn, user_id, now).await?;
        let user = users::load(&txn, user_id).await?;
        audit::record(
            &txn,
            now,
            Some(user_id),
            "user.link_federated",
            user.email.as_str(),
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(Ok(user))
    }

    /// The providers an account is linked to, for the account page.
    pub async fn federated_providers(&self, user_id: i32) -> Result<Vec<String>, StoreError> {
        Ok(federated_identity::Entity::find()
            .filter(federated_identity::Column::UserId.eq(user_id))
            .filter(federated_identity::Column::ConfirmedAt.is_not_null())
            .all(self.conn())
            .await?
            .into_iter()
            .map(|r| r.provider)
            .collect())
    }
}

async fn insert_identity<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user_id: i32,
    identity: &NewFederatedIdentity,
    confirmed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    federated_identity::ActiveModel {
        user_id: Set(user_id),
        provider: Set(identity.provider.clone()),
        issuer: Set(identity.issuer.chars().take(400).collect()),
        subject: Set(identity.subject.chars().take(255).collect()),
        email: Set(identity.email.clone()),
        confirmed_at: Set(confirmed_at),
        created_at: Set(now),
        last_login_at: Set(confirmed_at),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
