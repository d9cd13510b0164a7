//! Test helpers shared by the crates' tests: a fresh database per test,
//! SQLite by default, PostgreSQL when `CAMPUS_TEST_DATABASE_URL` names a
//! server; fixture databases built once per test process and copied for
//! each test; the tests' clock; the national open data when it is there.
#![allow(clippy::expect_used, clippy::panic)]

mod fixture;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ConnectionTrait, Database};

use campus_domain::ManualClock;

/// The instant every test starts at: Wednesday 10 June 2026, 10:00 in
/// Paris. A weekday in the middle of a week, far from the changes of legal
/// time, so that "in seven days", "tomorrow" or "at 09:00" mean the same
/// whatever day the tests run.
pub fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 10, 8, 0, 0)
        .single()
        .expect("instant des tests")
}

/// A clock standing at [`test_now`], moved only by the test.
pub fn test_clock() -> ManualClock {
    ManualClock::new(test_now())
}

/// A database for one test, removed afterwards.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres {
        admin_url: String,
        name: String,
    },
    /// Handed over to a fixture, which outlives this value.
    Kept,
}

/// The server named by `CAMPUS_TEST_DATABASE_URL`, if any.
fn postgres_admin_url() -> Option<String> {
    std::env::var("CAMPUS_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..16].to_owned()
}

/// The URL of database `name` on the server of `admin_url`.
fn database_url(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("URL PostgreSQL de test");
    url.set_path(&format!("/{name}"));
    url.to_string()
}

impl TestDb {
    /// An empty database.
    pub async fn new() -> TestDb {
        match postgres_admin_url() {
            Some(admin_url) => TestDb::postgres(admin_url, None).await,
            None => {
                let path = std::env::temp_dir().join(format!("campus-test-{}.db", new_id()));
                TestDb {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(path),
                }
            }
        }
    }

    /// A copy of the fixture database `name`, which `build` makes the first
    /// time a test of this process asks for it; later tests only copy it
    /// (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL),
    /// so that an import of the national data is done once per test
    /// process, not once per test. The fixture itself is never written
    /// after `build`: each test works on its own copy.
    ///
    /// `build` returns the database to keep, after closing every
    /// connection to it (`Store::close`): typically a [`TestDb::new`] it
    /// filled, or the copy of another fixture it added to. `name` is made
    /// of lower-case letters, digits and `_`, and names one content: two
    /// `build`s under the same name must produce the same data.
    ///
    /// The fixture lives as long as the test process; the next process
    /// that builds a fixture removes those of processes that have ended.
    pub async fn from_fixture<F, Fut>(name: &str, build: F) -> TestDb
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = TestDb>,
    {
        let fixture = fixture::get_or_build(name, build).await;
        match fixture.as_ref() {
            fixture::Fixture::File(source) => {
                let path = std::env::temp_dir().join(format!("campus-test-{}.db", new_id()));
                tokio::fs::copy(source, &path)
                    .await
                    .unwrap_or_else(|e| panic!("copie de la base modèle {name} : {e}"));
                TestDb {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(path),
                }
            }
            fixture::Fixture::Postgres {
                admin_url,
                name: template,
            } => TestDb::postgres(admin_url.clone(), Some(template)).await,
        }
    }

    /// A new database on the server of `admin_url`, empty or copied from
    /// `template`.
    async fn postgres(admin_url: String, template: Option<&str>) -> TestDb {
        let name = format!("campus_t_{}", new_id());
        let admin = Database::connect(&admin_url)
            .await
            .expect("connexion PostgreSQL de test");
        let statement = match template {
            Some(template) => format!("CREATE DATABASE {name} TEMPLATE {template}"),
            None => format!("CREATE DATABASE {name}"),
        };
        admin
            .execute_unprepared(&statement)
            .await
            .unwrap_or_else(|e| panic!("création de la base de test ({statement}) : {e}"));
        admin.close().await.ok();
        TestDb {
            url: database_url(&admin_url, &name),
            cleanup: Cleanup::Postgres { admin_url, name },
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Kept => {}
            Cleanup::File(path) => fixture::remove_sqlite_files(path),
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Dropping happens outside the test's runtime, on a thread
                // of its own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .ok()?;
                    runtime.block_on(async {
                        let admin = Database::connect(&admin_url).await.ok()?;
                        admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await
                            .ok()?;
                        admin.close().await.ok()
                    })
                })
                .join();
            }
        }
    }
}

/// Where the national open data is expected: the folder named by
/// `CAMPUS_SHARED_DATA`, or `../shared/data` beside the repository.
pub fn national_data_dir() -> PathBuf {
    match std::env::var_os("CAMPUS_SHARED_DATA").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

/// The national open data folder, for a test whose assertions need the
/// whole national data (counts, coverage, persona plans). A fresh clone has
/// none: the test then returns at once, and the test output says which
/// test was not run and why (`reason`). The line goes to the process's
/// standard error itself, which the test harness does not capture, so it
/// shows even when the test passes. CI has the data: these tests run there.
pub fn national_data(reason: &str) -> Option<PathBuf> {
    let dir = national_data_dir();
    if dir.is_dir() {
        return Some(dir);
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("test");
    let _ = writeln!(
        std::io::stderr(),
        "{test} : non exécuté, données nationales absentes de {} ({reason} ; CAMPUS_SHARED_DATA donne leur dossier)",
        dir.display()
    );
    None
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use sea_orm::{ConnectionTrait, Database, Statement};

    use super::*;

    static BUILDS: AtomicUsize = AtomicUsize::new(0);

    async fn count(db: &TestDb) -> i64 {
        let conn = Database::connect(format!("{}{}", db.url, mode(db)))
            .await
            .expect("connexion");
        let row = conn
            .query_one_raw(Statement::from_string(
                conn.get_database_backend(),
                "SELECT COUNT(*) AS n FROM lignes",
            ))
            .await
            .expect("comptage")
            .expect("une ligne");
        let n = row.try_get_by_index::<i64>(0).expect("nombre");
        conn.close().await.ok();
        n
    }

    /// SQLite creates missing files only when asked.
    fn mode(db: &TestDb) -> String {
        if db.url.starts_with("sqlite:") {
            "?mode=rwc".to_owned()
        } else {
            String::new()
        }
    }

    async fn execute(db: &TestDb, sql: &str) {
        let conn = Database::connect(format!("{}{}", db.url, mode(db)))
            .await
            .expect("connexion");
        conn.execute_unprepared(sql).await.expect("requête");
        conn.close().await.ok();
    }

    #[tokio::test]
    async fn a_fixture_is_built_once_and_each_test_writes_on_its_own_copy() {
        let build = || async {
            BUILDS.fetch_add(1, Ordering::SeqCst);
            let db = TestDb::new().await;
            execute(&db, "CREATE TABLE lignes (x INTEGER)").await;
            execute(&db, "INSERT INTO lignes (x) VALUES (1)").await;
            db
        };
        let first = TestDb::from_fixture("testkit_copies", build).await;
        let second = TestDb::from_fixture("testkit_copies", build).await;
        assert_eq!(BUILDS.load(Ordering::SeqCst), 1);
        assert_ne!(first.url, second.url);
        execute(&first, "INSERT INTO lignes (x) VALUES (2)").await;
        assert_eq!(count(&first).await, 2);
        assert_eq!(count(&second).await, 1, "la copie voisine ne voit rien");
    }
}
