//! Fixture databases: built once per test process, then copied for each
//! test that asks (see `TestDb::from_fixture`).
//!
//! A fixture outlives the tests that use it but not its process. Nothing
//! runs when a test process ends, so each fixture is tied to something the
//! system releases when the process dies, and the next process that builds
//! a fixture removes those no longer held:
//! - on SQLite, an exclusive lock on a `.lock` file beside the fixture's
//!   file in the temporary folder;
//! - on PostgreSQL, a connection whose `application_name` is the fixture's
//!   database name, kept open by a thread of the process (the server ends
//!   the session when the process dies, however it dies).

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use sea_orm::sqlx::{Connection, PgConnection};
use sea_orm::{ConnectionTrait, Database, Statement};
use tokio::sync::OnceCell;

use crate::{Cleanup, TestDb, new_id};

/// A database kept read-only for the life of the process.
pub(crate) enum Fixture {
    /// An SQLite file, copied for each test.
    File(PathBuf),
    /// A PostgreSQL database that accepts no connection, the template of
    /// each test's database.
    Postgres { admin_url: String, name: String },
}

type Cell = Arc<OnceCell<Arc<Fixture>>>;

/// The fixtures of this process by name, each built by the first test that
/// asks for it while the others wait.
static FIXTURES: LazyLock<Mutex<HashMap<String, Cell>>> = LazyLock::new(Default::default);

/// The locked files tying SQLite fixtures to this process.
static LOCKS: Mutex<Vec<File>> = Mutex::new(Vec::new());

const FILE_PREFIX: &str = "campus-fixture-";
const DATABASE_PREFIX: &str = "campus_fx_";

pub(crate) async fn get_or_build<F, Fut>(name: &str, build: F) -> Arc<Fixture>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = TestDb>,
{
    assert!(
        !name.is_empty()
            && name.len() <= 32
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
        "nom de base modèle invalide : {name:?} (a-z, 0-9, _ ; 32 caractères au plus)"
    );
    let cell = FIXTURES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(name.to_owned())
        .or_default()
        .clone();
    cell.get_or_init(|| async {
        remove_abandoned().await;
        let db = build().await;
        Arc::new(keep(name, db).await)
    })
    .await
    .clone()
}

/// Turns the database `build` returned into the fixture `name`.
async fn keep(name: &str, mut db: TestDb) -> Fixture {
    let id = new_id();
    match std::mem::replace(&mut db.cleanup, Cleanup::Kept) {
        Cleanup::File(path) => {
            let kept = std::env::temp_dir().join(format!("{FILE_PREFIX}{name}-{id}.db"));
            checkpoint(name, &path).await;
            lock(&std::env::temp_dir().join(format!("{FILE_PREFIX}{name}-{id}")));
            std::fs::rename(&path, &kept).unwrap_or_else(|e| panic!("base modèle {name} : {e}"));
            remove_sqlite_files(&path);
            Fixture::File(kept)
        }
        Cleanup::Postgres {
            admin_url,
            name: built,
        } => {
            let kept = format!("{DATABASE_PREFIX}{name}_{id}");
            hold_session(&admin_url, &kept).await;
            let admin = Database::connect(&admin_url)
                .await
                .expect("connexion PostgreSQL de test");
            for statement in [
                format!(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = '{built}' AND pid <> pg_backend_pid()"
                ),
                format!("ALTER DATABASE {built} RENAME TO {kept}"),
                format!("ALTER DATABASE {kept} WITH ALLOW_CONNECTIONS false"),
            ] {
                admin
                    .execute_unprepared(&statement)
                    .await
                    .unwrap_or_else(|e| panic!("base modèle {name} ({statement}) : {e}"));
            }
            admin.close().await.ok();
            Fixture::Postgres {
                admin_url,
                name: kept,
            }
        }
        Cleanup::Kept => panic!("base modèle {name} : la base rendue est déjà une base modèle"),
    }
}

/// Moves everything of an SQLite database into its main file, so that
/// copying that file copies the whole database.
async fn checkpoint(name: &str, path: &Path) {
    let conn = Database::connect(format!("sqlite://{}", path.display()))
        .await
        .unwrap_or_else(|e| panic!("base modèle {name} : {e}"));
    conn.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap_or_else(|e| panic!("base modèle {name} : {e}"));
    conn.close().await.ok();
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let pending = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert!(
        pending == 0,
        "base modèle {name} : {pending} octets restent dans {} ; la construction doit fermer ses connexions (Store::close)",
        wal.display()
    );
}

/// Creates `<stem>.lock` locked by this process, for as long as it lives.
/// The lock is taken under another name, then the file renamed: another
/// process never sees the `.lock` file unlocked while this one lives.
fn lock(stem: &Path) {
    let taking = PathBuf::from(format!("{}.locking", stem.display()));
    let file =
        File::create_new(&taking).unwrap_or_else(|e| panic!("verrou {} : {e}", taking.display()));
    file.lock()
        .unwrap_or_else(|e| panic!("verrou {} : {e}", taking.display()));
    let locked = PathBuf::from(format!("{}.lock", stem.display()));
    std::fs::rename(&taking, &locked)
        .unwrap_or_else(|e| panic!("verrou {} : {e}", locked.display()));
    LOCKS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(file);
}

/// Opens a session named after the fixture `kept` and keeps it open, on a
/// thread of its own, until the process ends.
async fn hold_session(admin_url: &str, kept: &str) {
    let mut url = url::Url::parse(admin_url).expect("URL PostgreSQL de test");
    url.query_pairs_mut().append_pair("application_name", kept);
    let (opened, open) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(e) => {
                let _ = opened.send(Err(e.to_string()));
                return;
            }
        };
        runtime.block_on(async move {
            match PgConnection::connect(url.as_str()).await {
                Ok(session) => {
                    let _ = opened.send(Ok(()));
                    let _session = session;
                    std::future::pending::<()>().await;
                }
                Err(e) => {
                    let _ = opened.send(Err(e.to_string()));
                }
            }
        });
    });
    match open.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("session de la base modèle {kept} : {e}"),
        Err(_) => panic!("session de la base modèle {kept} : fil interrompu"),
    }
}

/// Removes the fixtures of processes that have ended.
async fn remove_abandoned() {
    let dir = std::env::temp_dir();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(stem) = file_name
                .to_str()
                .filter(|n| n.starts_with(FILE_PREFIX))
                .and_then(|n| n.strip_suffix(".lock"))
            else {
                continue;
            };
            let Ok(file) = File::open(entry.path()) else {
                continue;
            };
            if file.try_lock().is_ok() {
                remove_sqlite_files(&dir.join(format!("{stem}.db")));
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let Some(admin_url) = crate::postgres_admin_url() else {
        return;
    };
    let Ok(admin) = Database::connect(&admin_url).await else {
        return;
    };
    let abandoned = admin
        .query_all_raw(Statement::from_string(
            admin.get_database_backend(),
            format!(
                "SELECT datname FROM pg_database WHERE datname LIKE '{}%' \
                 AND datname NOT IN (SELECT application_name FROM pg_stat_activity \
                 WHERE application_name IS NOT NULL)",
                DATABASE_PREFIX.replace('_', "\\_")
            ),
        ))
        .await
        .unwrap_or_default();
    for row in abandoned {
        if let Ok(name) = row.try_get::<String>("", "datname") {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
    admin.close().await.ok();
}

/// Removes an SQLite database's file and its journal files.
pub(crate) fn remove_sqlite_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
