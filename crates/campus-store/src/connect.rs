//! Opening the database named by a URL, and preparing it.
//!
//! The backend is chosen from the URL's scheme alone, so the same binary
//! serves an embedded SQLite file on a laptop and a PostgreSQL cluster behind
//! several nodes. The URL may carry a password: it is never logged or shown,
//! only its [`redact_url`] form.

use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database};
use sea_orm_migration::MigratorTrait;

use crate::migration::Migrator;
use crate::{Store, StoreError};

/// The two database engines campus runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Reads the backend from a database URL's scheme.
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(StoreError::Config(format!(
                "schéma d'URL de base de données inconnu « {} » : utilisez sqlite://chemin.db ou postgres://utilisateur@hôte/base",
                scheme.chars().take(20).collect::<String>()
            ))),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

/// The URL with any password replaced by `***`, safe to log.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // Setting a password only fails on URLs that cannot carry one,
            // which is excluded by the guard above.
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(_) => url.to_owned(),
        Err(_) => "<URL illisible>".to_owned(),
    }
}

/// Removes the password of `url` from a driver message that may quote it.
fn scrub(message: String, url: &str) -> String {
    match url::Url::parse(url)
        .ok()
        .and_then(|u| u.password().map(str::to_owned))
    {
        Some(password) if !password.is_empty() => message.replace(&password, "***"),
        _ => message,
    }
}

impl Store {
    /// Connects to the database of `url` (creating an SQLite file and its
    /// folder if needed) and checks that it answers.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        let backend = Backend::from_url(url)?;
        let mut options = ConnectOptions::new(url.to_owned());
        // On PostgreSQL, one connection listens for the other nodes'
        // writes and one may be held by the startup lock while the work it
        // guards uses another.
        let floor = if backend == Backend::Postgres { 3 } else { 1 };
        options
            .max_connections(max_connections.max(floor))
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(5))
            .sqlx_logging(false);
        if backend == Backend::Sqlite {
            let sqlite = sqlite_options(url)?;
            if sqlite.get_filename().as_os_str() == ":memory:" {
                // Each connection to `sqlite::memory:` opens its own empty
                // database, so the pool must hold exactly one.
                options.max_connections(1).min_connections(1);
            }
            options.map_sqlx_sqlite_opts(move |_| sqlite.clone());
        }
        let db = Database::connect(options).await.map_err(|e| {
            StoreError::Config(scrub(
                format!("base de données injoignable ({}) : {e}", redact_url(url)),
                url,
            ))
        })?;
        db.execute_unprepared("SELECT 1").await.map_err(|e| {
            StoreError::Config(scrub(
                format!("base de données injoignable ({}) : {e}", redact_url(url)),
                url,
            ))
        })?;
        Ok(Store {
            db,
            backend,
            clock: campus_domain::Clock::System,
        })
    }

    /// Applies the migrations not yet applied, then copies the default
    /// indicators into an empty registry (platform configuration every
    /// database needs, demonstration or not); safe to run on every start.
    /// Nodes that start together run it under [`Store::startup_lock`].
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None).await?;
        self.seed_indicateurs().await
    }

    /// Names of the migrations not yet applied, for `campus check`.
    pub async fn pending_migrations(&self) -> Result<Vec<String>, StoreError> {
        let pending = Migrator::get_pending_migrations(&self.db).await?;
        Ok(pending.iter().map(|m| m.name().to_owned()).collect())
    }

    /// Answers whether the database responds, for readiness probes.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.ping().await?;
        Ok(())
    }

    /// Closes the pool so that an embedded database is checkpointed.
    pub async fn close(self) -> Result<(), StoreError> {
        self.db.close().await?;
        Ok(())
    }
}

/// SQLite settings for a server: WAL so readers never wait for the writer,
/// a busy timeout instead of immediate "database is locked" errors, and
/// foreign keys enforced as PostgreSQL does.
fn sqlite_options(url: &str) -> Result<SqliteConnectOptions, StoreError> {
    let options = SqliteConnectOptions::from_str(url).map_err(|e| {
        StoreError::Config(format!("URL SQLite invalide ({}) : {e}", redact_url(url)))
    })?;
    let path = options.get_filename().to_path_buf();
    let in_memory = path.as_os_str() == ":memory:";
    if !in_memory && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            StoreError::Config(format!(
                "impossible de créer le dossier {} : {e}",
                parent.display()
            ))
        })?;
    }
    let options = options
        .create_if_missing(true)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    Ok(if in_memory {
        options
    } else {
        options
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_from_scheme() {
        assert_eq!(
            Backend::from_url("sqlite://data/campus.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            Backend::from_url("postgres://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::from_url("postgresql://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert!(Backend::from_url("mysql://u@h/db").is_err());
        assert!(Backend::from_url("").is_err());
    }

    #[test]
    fn password_never_shown() {
        let url = "postgres://campus:s3cr3t@db.example:5432/campus";
        assert!(!redact_url(url).contains("s3cr3t"));
        assert!(redact_url(url).contains("***"));
        assert_eq!(
            redact_url("sqlite://data/campus.db"),
            "sqlite://data/campus.db"
        );
        assert_eq!(scrub("failed for s3cr3t".into(), url), "failed for ***");
    }

    #[tokio::test]
    async fn unknown_scheme_is_a_clear_error() {
        let err = Store::connect("mysql://root@localhost/x", 1).await.err();
        assert!(matches!(err, Some(StoreError::Config(m)) if m.contains("mysql")));
    }

    #[tokio::test]
    async fn unreachable_postgres_hides_password() {
        let url = "postgres://campus:tr3sS3cret@127.0.0.1:1/campus";
        match Store::connect(url, 1).await {
            Err(StoreError::Config(m)) => assert!(!m.contains("tr3sS3cret"), "{m}"),
            other => panic!("attendu une erreur de configuration, obtenu {other:?}"),
        }
    }
}
