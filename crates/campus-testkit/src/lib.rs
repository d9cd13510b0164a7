//! Test helpers shared by the crates' tests: a fresh database per test,
//! SQLite by default, PostgreSQL when `CAMPUS_TEST_DATABASE_URL` names a
//! server; the national open data when it is there.
#![allow(clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

use sea_orm::{ConnectionTrait, Database};

/// A database for one test, removed afterwards.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub async fn new() -> TestDb {
        let id = uuid::Uuid::new_v4().simple().to_string();
        match std::env::var("CAMPUS_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        {
            Some(admin_url) => {
                let name = format!("campus_t_{}", &id[..16]);
                let admin = Database::connect(&admin_url)
                    .await
                    .expect("connexion PostgreSQL de test");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("création de la base de test");
                admin.close().await.ok();
                let mut url = url::Url::parse(&admin_url).expect("URL PostgreSQL de test");
                url.set_path(&format!("/{name}"));
                TestDb {
                    url: url.to_string(),
                    cleanup: Cleanup::Postgres { admin_url, name },
                }
            }
            None => {
                let path = std::env::temp_dir().join(format!("campus-test-{id}.db"));
                TestDb {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(path),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
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
