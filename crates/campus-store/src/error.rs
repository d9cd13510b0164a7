//! Errors of the data layer.
//!
//! Callers need to tell three things apart: a rule of the data was broken
//! (a unique key: an e-mail already used), the thing asked for does not
//! exist, or the database itself failed. The first two are answered to the
//! user; the last is logged and shown as a generic failure.

use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique key was violated; the string names the constraint or column
    /// as the database reported it.
    #[error("conflit d'unicité : {0}")]
    Conflict(String),
    #[error("introuvable")]
    NotFound,
    /// The database URL is not one campus can use.
    #[error("{0}")]
    Config(String),
    /// Stored data could not be read back into domain types (a row written
    /// by hand or by an older version).
    #[error("donnée invalide en base : {0}")]
    Corrupt(String),
    #[error("erreur de base de données : {0}")]
    Db(DbErr),
    /// An indicator's formula names a record kind, a field or a breakdown
    /// that the data layer does not map (a formula that skipped its
    /// check against the registry).
    #[error("formule incalculable : {0}")]
    Formule(String),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(what)) => StoreError::Conflict(what),
            _ => StoreError::Db(err),
        }
    }
}

impl StoreError {
    /// Whether this error reports that a unique key (e-mail, SIRET, slug…)
    /// is already taken.
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict(_))
    }

    /// Whether the conflict concerns a column whose name contains `column`.
    pub fn conflicts_on(&self, column: &str) -> bool {
        matches!(self, StoreError::Conflict(what) if what.contains(column))
    }
}
