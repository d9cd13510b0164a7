//! The one data layer of campus.
//!
//! Every query of the platform goes through [`Store`], on SQLite (embedded,
//! the default) or PostgreSQL (several nodes), chosen from the database URL at
//! start. SeaORM keeps one code base for both; the rules that must hold when
//! several nodes serve at once (unique e-mails, single-use tokens, the mail
//! outbox's claims) are written as constraints and conditional updates that
//! both databases enforce, never as checks in application memory.
//!
//! # One handle per feature
//!
//! The methods of a feature hang off a small handle that borrows the
//! store, defined in the feature's module, so that a call site names where
//! to look: `store.parcours().enregistrer(..)` is in [`parcours`]. A handle
//! is a `Copy` struct holding `&Store` and nothing else; its methods reach
//! the pool through a private `conn()`. Operations of the domain take the
//! verb the interface uses (`enregistrer`, `demander_accompagnement`);
//! plain data access keeps the machinery's verbs (`get_`, `list_`,
//! `delete_`, `replace_`). Features not yet moved keep their methods on
//! [`Store`] itself.
//!
//! The store reads and writes rows, as plain structs of its own or of
//! `campus-domain`: it runs no engine. Business work over many rows (the
//! training-path engine's alignment and programme matching) lives in a
//! service crate above it (`campus-parcours-service`), so that an edit of
//! the engine does not rebuild the data layer.

pub mod actualites;
pub mod affelnet;
mod connect;
pub mod entity;
mod error;
mod generation;
mod handle;
mod load;
mod migration;
mod secret;
mod slugs;
mod startup;
mod sync;

pub mod api_tokens;
pub mod audit;
pub mod bcn;
pub mod certifications;
pub mod communes;
pub mod correspondances;
pub mod demo;
pub mod documents;
pub mod donnees_personnelles;
pub mod equipements;
pub mod evaluation;
pub mod evenements;
pub mod expertise;
pub mod federation;
pub mod feeds;
pub mod formacodes;
pub mod formations;
pub mod indicateurs;
pub mod inserjeunes;
pub mod insertion;
pub mod kit_apprentissage;
pub mod login_attempts;
pub mod mobilite;
pub mod modules;
pub mod onisep;
pub mod organisations;
pub mod organismes_apprentissage;
pub mod orion;
pub mod outbox;
pub mod parcours;
pub mod projets;
pub mod rapports;
pub mod rate_limits;
pub mod ressources;
pub mod rncp_fiches;
pub mod rome;
pub mod search_documents;
pub mod search_synonyms;
pub mod sessions;
pub mod tokens;
pub mod users;

pub use connect::{Backend, redact_url};
pub use error::StoreError;
pub use generation::GenerationChanges;
pub use secret::{generate_token, hash_token};
pub use startup::StartupLock;
pub use sync::Counts;

use campus_domain::Clock;
use chrono::{DateTime, Utc};
use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

/// Handle on the database, cheap to clone: it wraps the connection pool.
///
/// The store reads "now" from its [`Clock`] (the system clock unless
/// [`Store::with_clock`] says otherwise) for every instant it records or
/// compares: what it writes (a session's start, a token's expiry, a mail's
/// next attempt) and what it decides later from it agree, whatever clock
/// the application runs on.
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    backend: Backend,
    clock: Clock,
}

impl Store {
    /// The pooled connection, for the modules of this crate.
    pub(crate) fn conn(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Opens the transaction of one state change. On SQLite it takes the
    /// write lock at `BEGIN` (`IMMEDIATE`): a transaction that reads first
    /// and writes after another connection wrote (the mail worker, a
    /// registration) cannot wait for the lock and fails as "locked",
    /// whereas one that asks for the lock first waits its turn. PostgreSQL
    /// ignores the mode.
    pub(crate) async fn write(&self) -> Result<DatabaseTransaction, DbErr> {
        self.db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await
    }

    /// Which database engine serves this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The same store reading "now" from `clock`: the application gives
    /// the store its own clock, so that both agree.
    pub fn with_clock(self, clock: Clock) -> Store {
        Store { clock, ..self }
    }

    /// The clock the store reads "now" from.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The current instant, from the store's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
