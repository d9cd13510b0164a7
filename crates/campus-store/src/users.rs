//! Accounts: creation (with the first e-mail in the same transaction),
//! look-ups, the campus team's administration (role, disabling) and profile
//! changes.

use campus_domain::{Email, Role, StatutApprenant};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entity::{session, user};
use crate::outbox::{self, OutgoingMail};
use crate::tokens::{self, NewToken};
use crate::{Store, StoreError, audit};

/// An account as the rest of the platform sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: i32,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub statut: Option<StatutApprenant>,
    pub locale: String,
    pub email_verified: bool,
    pub disabled: bool,
    /// Whether a password was ever set (an invited account has none until
    /// the invitation is accepted).
    pub has_password: bool,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<user::Model> for User {
    type Error = StoreError;

    fn try_from(m: user::Model) -> Result<Self, Self::Error> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("utilisateur {} : {what}", m.id));
        Ok(User {
            id: m.id,
            email: Email::parse(&m.email).map_err(|_| corrupt("e-mail"))?,
            display_name: m.display_name.clone(),
            role: Role::parse(&m.role).map_err(|_| corrupt("rôle"))?,
            statut: match m.statut.as_deref() {
                Some(s) => Some(StatutApprenant::parse(s).map_err(|_| corrupt("statut"))?),
                None => None,
            },
            locale: m.locale.clone(),
            email_verified: m.email_verified_at.is_some(),
            disabled: m.disabled_at.is_some(),
            has_password: m.password_hash.is_some(),
            created_at: m.created_at,
        })
    }
}

/// What is needed to create an account.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    /// An argon2id PHC string; `None` for an invitation not yet accepted.
    pub password_hash: Option<String>,
    pub role: Role,
    pub statut: Option<StatutApprenant>,
    pub locale: String,
    /// Accounts created by an administrator from the command line are
    /// trusted; self-registered ones must prove their address.
    pub email_verified: bool,
}

/// Filters of the administration's user list.
#[derive(Clone, Debug, Default)]
pub struct UserFilter {
    /// Part of the e-mail or name, case-insensitive.
    pub query: Option<String>,
    pub role: Option<Role>,
    pub page: u64,
    pub per_page: u64,
}

impl Store {
    /// Creates an account and, in the same transaction, its one-time token
    /// and the e-mail that carries it: either all are stored or none is.
    pub async fn create_user(
        &self,
        new: NewUser,
        token: Option<NewToken>,
        mail: Option<OutgoingMail>,
        actor: Option<i32>,
    ) -> Result<User, StoreError> {
        let txn = self.write().await?;
        let now = self.now();
        let role = new.role;
        let model = insert(&txn, new, now).await?;
        if let Some(token) = token {
            tokens::insert(&txn, model.id, token, now).await?;
        }
        outbox::enqueue(&txn, mail, self.now()).await?;
        audit::record(
            &txn,
            self.now(),
            actor.or(Some(model.id)),
            "user.create",
            &model.email,
            role.as_str(),
        )
        .await?;
        txn.commit().await?;
        User::try_from(model)
    }

    pub async fn user(&self, id: i32) -> Result<User, StoreError> {
        user::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
            .and_then(User::try_from)
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .one(self.conn())
            .await?
            .map(User::try_from)
            .transpose()
    }

    /// The account and its password hash, for signing in only.
    pub async fn credentials(
        &self,
        email: &Email,
    ) -> Result<Option<(User, Option<String>)>, StoreError> {
        let Some(model) = user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        let hash = model.password_hash.clone();
        Ok(Some((User::try_from(model)?, hash)))
    }

    /// The password hash of an account, to confirm a password change.
    pub async fn password_hash(&self, id: i32) -> Result<Option<String>, StoreError> {
        Ok(user::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?
            .password_hash)
    }

    pub async fn count_users(&self) -> Result<u64, StoreError> {
        Ok(user::Entity::find().count(self.conn()).await?)
    }

    /// One page of accounts, newest first, with the total matching count.
    pub async fn list_users(&self, filter: &UserFilter) -> Result<(Vec<User>, u64), StoreError> {
        let mut condition = Condition::all();
        if let Some(q) = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            let pattern = format!("%{}%", escape_like(&q.to_lowercase()));
            condition = condition.add(
                Condition::any()
                    .add(Expr::col(user::Column::Email).like(pattern.clone()))
                    .add(
                        Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(pattern),
                    ),
            );
        }
        if let Some(role) = filter.role {
            condition = condition.add(user::Column::Role.eq(role.as_str()));
        }
        let per_page = filter.per_page.clamp(1, 200);
        let query = user::Entity::find().filter(condition);
        let total = query.clone().count(self.conn()).await?;
        let rows = query
            .order_by_desc(user::Column::CreatedAt)
            .order_by_desc(user::Column::Id)
            .offset(filter.page * per_page)
            .limit(per_page)
            .all(self.conn())
            .await?;
        let users = rows
            .into_iter()
            .map(User::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        Ok((users, total))
    }

    pub async fn set_role(
        &self,
        id: i32,
        role: Role,
        actor: Option<i32>,
    ) -> Result<User, StoreError> {
        let txn = self.write().await?;
        let model = find_for_update(&txn, id).await?;
        let mut active: user::ActiveModel = model.into();
        active.role = Set(role.as_str().to_owned());
        active.updated_at = Set(self.now());
        let model = active.update(&txn).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "user.set_role",
            &model.email,
            role.as_str(),
        )
        .await?;
        txn.commit().await?;
        User::try_from(model)
    }

    /// Disables (or re-enables) an account; disabling also ends its
    /// sessions, in the same transaction, so that no open tab keeps access.
    pub async fn set_disabled(
        &self,
        id: i32,
        disabled: bool,
        actor: Option<i32>,
    ) -> Result<User, StoreError> {
        let txn = self.write().await?;
        let model = find_for_update(&txn, id).await?;
        let mut active: user::ActiveModel = model.into();
        active.disabled_at = Set(disabled.then(|| self.now()));
        active.updated_at = Set(self.now());
        let model = active.update(&txn).await?;
        if disabled {
            session::Entity::delete_many()
                .filter(session::Column::UserId.eq(id))
                .exec(&txn)
                .await?;
        }
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        audit::record(&txn, self.now(), actor, action, &model.email, "").await?;
        txn.commit().await?;
        User::try_from(model)
    }

    pub async fn update_profile(
        &self,
        id: i32,
        display_name: String,
        statut: Option<StatutApprenant>,
        locale: String,
    ) -> Result<User, StoreError> {
        let txn = self.write().await?;
        let model = find_for_update(&txn, id).await?;
        let mut active: user::ActiveModel = model.into();
        active.display_name = Set(display_name);
        active.statut = Set(statut.map(|s| s.as_str().to_owned()));
        active.locale = Set(locale);
        active.updated_at = Set(self.now());
        let model = active.update(&txn).await?;
        txn.commit().await?;
        User::try_from(model)
    }

    /// Replaces the password and ends every other session of the account:
    /// whoever knew the old password is signed out.
    pub async fn change_password(
        &self,
        id: i32,
        hash: String,
        keep_session: Option<&str>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        set_password_hash(&txn, id, hash, self.now()).await?;
        let mut sessions = session::Entity::delete_many().filter(session::Column::UserId.eq(id));
        if let Some(keep) = keep_session {
            sessions = sessions.filter(session::Column::TokenHash.ne(keep));
        }
        sessions.exec(&txn).await?;
        let model = find_for_update(&txn, id).await?;
        audit::record(
            &txn,
            self.now(),
            Some(id),
            "user.change_password",
            &model.email,
            "",
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

async fn find_for_update<C: ConnectionTrait>(conn: &C, id: i32) -> Result<user::Model, StoreError> {
    user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound)
}

pub(crate) async fn set_password_hash<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    hash: String,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .filter(user::Column::Id.eq(id))
        .exec(conn)
        .await?;
    if result.rows_affected == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// Inserts an account; the caller's transaction adds what goes with it.
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    new: NewUser,
    now: DateTime<Utc>,
) -> Result<user::Model, StoreError> {
    Ok(user::ActiveModel {
        email: Set(new.email.as_str().to_owned()),
        display_name: Set(new.display_name),
        password_hash: Set(new.password_hash),
        role: Set(new.role.as_str().to_owned()),
        statut: Set(new.statut.map(|s| s.as_str().to_owned())),
        locale: Set(new.locale),
        email_verified_at: Set(new.email_verified.then_some(now)),
        disabled_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        last_active_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

pub(crate) async fn mark_verified<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(now))
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

pub(crate) async fn load<C: ConnectionTrait>(conn: &C, id: i32) -> Result<User, StoreError> {
    find_for_update(conn, id).await.and_then(User::try_from)
}

/// Escapes the wildcards of a LIKE pattern so that a user's `%` or `_`
/// matches itself. Both backends take `\` as the escape character of LIKE
/// only when told, so patterns are built without relying on it: the two
/// wildcards are simply removed from the search text.
pub(crate) fn escape_like(input: &str) -> String {
    input
        .chars()
        .filter(|c| *c != '%' && *c != '_' && *c != '\\')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_neutralised() {
        assert_eq!(escape_like("50%_off\\"), "50off");
        assert_eq!(escape_like("élodie"), "élodie");
    }
}
