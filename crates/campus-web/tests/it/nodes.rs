//! Several nodes of the platform on one PostgreSQL database.

use campus_domain::OrganisationKind;
use campus_mail::Mailer;
use campus_store::organisations::OrganisationInput;
use campus_web::{AppState, Application, Config};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::testkit::{TestDb, eventually, test_config};

/// A node started by [`start`]: its address, its state, and how to stop it.
struct Node {
    base: String,
    state: AppState,
    stop: oneshot::Sender<()>,
    server: JoinHandle<()>,
}

impl Node {
    async fn get(&self, path: &str) -> reqwest::Response {
        reqwest::get(format!("{}{path}", self.base)).await.unwrap()
    }

    async fn stop(self) {
        self.stop.send(()).unwrap();
        self.server.await.unwrap();
    }
}

/// Serves a built node.
fn start(app: Application) -> Node {
    let base = format!("http://{}", app.local_addr().expect("adresse"));
    let state = app.state();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        app.run_until_stopped(async {
            let _ = stopped.await;
        })
        .await
        .expect("serveur");
    });
    Node {
        base,
        state,
        stop,
        server,
    }
}

/// Builds a node of the database `url`, configured by `adjust`.
async fn build(url: &str, adjust: impl FnOnce(&mut Config)) -> Application {
    let mut config = test_config(url);
    adjust(&mut config);
    let (mailer, _) = Mailer::memory("Campus <ne-pas-repondre@campus.test>").expect("expéditeur");
    Application::build(config, mailer)
        .await
        .expect("chaque nœud démarre")
}

/// A fresh PostgreSQL database, or `None` (and a line saying why) on SQLite.
async fn postgres(test: &str) -> Option<TestDb> {
    let db = TestDb::new().await;
    if db.url.starts_with("postgres") {
        Some(db)
    } else {
        eprintln!("{test} : non exécuté sur SQLite, plusieurs nœuds partagent une base PostgreSQL");
        None
    }
}

/// Three nodes started at the same moment on one empty PostgreSQL database,
/// as a rolling deployment starts them: they take turns to migrate and to
/// load the demonstration data and the embedded subset, then all three
/// serve the same catalogue.
#[tokio::test]
async fn three_nodes_start_together_on_an_empty_database() {
    let Some(db) = postgres("three_nodes_start_together_on_an_empty_database").await else {
        return;
    };
    let with_subset = |c: &mut Config| c.demo.sous_ensemble = true;
    let (a, b, c) = tokio::join!(
        build(&db.url, with_subset),
        build(&db.url, with_subset),
        build(&db.url, with_subset)
    );
    let mut organisations = Vec::new();
    for node in [start(a), start(b), start(c)] {
        eventually("nœud prêt", || async {
            (node.get("/readyz").await.status() == 200).then_some(())
        })
        .await;
        let found: serde_json::Value = node
            .get("/api/v1/recherche?q=conditionnement")
            .await
            .json()
            .await
            .unwrap();
        assert!(found["total"].as_u64().unwrap() >= 5, "{found}");
        organisations.push(node.state.store.count_organisations().await.unwrap());
        node.stop().await;
    }
    // The demonstration data were loaded once, and every node sees them.
    assert!(organisations[0] > 0);
    assert!(
        organisations.iter().all(|n| *n == organisations[0]),
        "{organisations:?}"
    );
}

/// A write on one node reaches the search index of another through
/// PostgreSQL's notifications: polling is set to an hour, so only the
/// notification can bring it in time.
#[tokio::test]
async fn a_write_on_one_node_is_found_on_another() {
    let Some(db) = postgres("a_write_on_one_node_is_found_on_another").await else {
        return;
    };
    let hourly = |c: &mut Config| c.search.check_interval_secs = 3600;
    let a = start(build(&db.url, hourly).await);
    let b = start(build(&db.url, hourly).await);
    let wanted = "/api/v1/recherche?q=biotechnologies+sologne&type=organisation";
    let before: serde_json::Value = b.get(wanted).await.json().await.unwrap();
    assert_eq!(before["total"], 0, "{before}");
    a.state
        .store
        .create_organisation(
            OrganisationInput {
                nom: "Laboratoire des biotechnologies de Sologne".to_owned(),
                kind: OrganisationKind::Laboratoire,
                siret: None,
                uai: None,
                description: String::new(),
                adresse: None,
                code_postal: None,
                commune: None,
                departement: None,
                site_web: None,
                email_contact: None,
            },
            None,
        )
        .await
        .unwrap();
    let written = std::time::Instant::now();
    eventually("l'organisation écrite sur A, trouvée sur B", || async {
        let found: serde_json::Value = b.get(wanted).await.json().await.ok()?;
        (found["total"] == 1).then_some(())
    })
    .await;
    eprintln!(
        "écriture sur un nœud trouvée sur l'autre en {} ms",
        written.elapsed().as_millis()
    );
    a.stop().await;
    b.stop().await;
}
