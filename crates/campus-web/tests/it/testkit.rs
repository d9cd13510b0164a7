//! The test harness: a fresh platform per test, on a fresh database
//! (SQLite file by default, PostgreSQL when `CAMPUS_TEST_DATABASE_URL`
//! names a server), with an in-memory mailbox and HTTP clients that keep
//! their cookies.

use std::path::{Path, PathBuf};
use std::time::Duration;

use campus_domain::{Email, Role};
use campus_import::SousEnsemble;
use campus_mail::Envelope;
use campus_store::users::{NewUser, User};
pub use campus_testkit::TestDb;
use campus_web::{Application, Config, Mailer, MemoryMailbox};
use reqwest::redirect::Policy;

/// A password that passes the policy, used by test accounts.
pub const PASSWORD: &str = "une phrase de passe solide";

/// A running platform.
pub struct TestApp {
    pub base: String,
    pub mailbox: MemoryMailbox,
    pub state: campus_web::AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _db: TestDb,
}

/// The configuration of test platforms: a free port, cheaper argon2
/// parameters (still argon2id), demonstration data loaded without the
/// subset of the referentials, search index in memory.
pub fn test_config(db_url: &str) -> Config {
    let mut config = Config::default();
    config.server.bind = "127.0.0.1:0".parse().expect("adresse");
    config.database.url = db_url.to_owned();
    config.database.max_connections = 8;
    config.security.argon2_memory_kib = 8 * 1024;
    config.security.argon2_iterations = 1;
    config.search.in_memory = true;
    // Each test builds the catalogue it needs (see `import_catalogue`).
    config.demo.sous_ensemble = false;
    config
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::with_config(|_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (mailer, mailbox) =
            Mailer::memory("Campus <ne-pas-repondre@campus.test>").expect("expéditeur");
        TestApp::build(adjust, mailer, mailbox).await
    }

    /// A platform whose e-mails go through `mailer` (the returned mailbox
    /// then stays empty).
    pub async fn with_mailer(mailer: Mailer) -> TestApp {
        TestApp::build(|_| {}, mailer, MemoryMailbox::default()).await
    }

    async fn build(
        adjust: impl FnOnce(&mut Config),
        mailer: Mailer,
        mailbox: MemoryMailbox,
    ) -> TestApp {
        let db = TestDb::new().await;
        let mut config = test_config(&db.url);
        adjust(&mut config);
        let app = Application::build(config, mailer)
            .await
            .expect("démarrage de l'application");
        let addr = app.local_addr().expect("adresse locale");
        let base = format!("http://{addr}");
        let state = app.state();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            app.run_until_stopped(async {
                let _ = stopped.await;
            })
            .await
            .expect("serveur");
        });
        TestApp {
            base,
            mailbox,
            state,
            stop: Some(stop),
            server: Some(server),
            _db: db,
        }
    }

    /// Stops the server and waits for it (in-flight requests finish).
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (so
    /// that tests see them).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .expect("client HTTP")
    }

    /// Creates a verified account directly in the store.
    pub async fn create_user(&self, email: &str, role: Role) -> User {
        let hash = self
            .state
            .passwords
            .hash(PASSWORD.to_owned())
            .await
            .expect("hachage");
        self.state
            .store
            .create_user(
                NewUser {
                    email: Email::parse(email).expect("e-mail de test"),
                    display_name: format!("Test {}", role.as_str()),
                    password_hash: Some(hash),
                    role,
                    statut: None,
                    locale: "fr".to_owned(),
                    email_verified: true,
                },
                None,
                None,
                None,
            )
            .await
            .expect("création du compte")
    }

    /// The anti-forgery token of the client's current binding, read from a
    /// page's form.
    pub async fn csrf(&self, client: &reqwest::Client) -> String {
        let html = client
            .get(self.url("/"))
            .send()
            .await
            .expect("GET /")
            .text()
            .await
            .expect("corps");
        extract_csrf(&html).expect("jeton CSRF dans la page")
    }

    /// Posts a form with the client's anti-forgery token.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.csrf(client).await;
        let mut body: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        body.extend_from_slice(fields);
        client
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .expect("POST")
    }

    /// Signs in and checks that it worked.
    pub async fn login(&self, client: &reqwest::Client, email: &str, password: &str) {
        let response = self
            .post_form(
                client,
                "/connexion",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            response.status(),
            303,
            "connexion de {email} : {}",
            response.text().await.unwrap_or_default()
        );
    }

    /// The link to `path` in an e-mail body, pointed at this test server
    /// (e-mails use the configured public address).
    pub fn link_in(&self, body: &str, path: &str) -> String {
        let start = body
            .find(path)
            .unwrap_or_else(|| panic!("lien vers {path} absent de l'e-mail :\n{body}"));
        let link = body[start..].split_whitespace().next().expect("lien");
        self.url(link)
    }

    /// Imports the ROME extract of the embedded subset: the sector's trades
    /// and those their mobilités point to.
    pub async fn import_rome(&self) {
        let dir = sous_ensemble().join("rome_v460");
        let report = campus_import::import_rome(&self.state.store, &dir)
            .await
            .expect("import ROME");
        assert!(report.rejected.is_empty(), "{report}");
    }

    /// Imports the whole embedded subset, as a first start does: the
    /// sector's trades, the certifications that lead to them, the region's
    /// communes and programmes (without the alignment, which tests that
    /// need it run themselves).
    pub async fn import_catalogue(&self) {
        let reports = SousEnsemble::embedded()
            .load(&self.state.store, |_, _| {})
            .await
            .expect("sous-ensemble");
        for (step, report) in &reports {
            assert!(report.rejected.is_empty(), "{} : {report}", step.kind);
        }
        self.catch_up_search().await;
    }

    /// Imports the national ROME referential, Certif Info, the RNCP export
    /// and the communes of `data` (`campus_testkit::national_data`), for
    /// the tests whose assertions are about the national data.
    pub async fn import_national_catalogue(&self, data: &Path) {
        let store = &self.state.store;
        let report = campus_import::import_rome(store, &data.join("rome_v460"))
            .await
            .expect("import ROME");
        assert!(report.rejected.is_empty(), "{report}");
        campus_import::import_certifinfo(store, &data.join("certifinfo/certif_info.csv.gz"))
            .await
            .expect("import Certif Info");
        campus_import::import_rncp(store, &data.join("rncp_rs_2024-01-17"))
            .await
            .expect("import RNCP");
        let geo = data.join("geo");
        campus_import::import_communes(
            store,
            &geo.join("decoupage-administratif-6.0.0/communes.json.gz"),
            &geo.join("laposte_hexasmal_2020-04.csv.gz"),
        )
        .await
        .expect("import communes");
        self.catch_up_search().await;
    }

    /// Brings the search index up to the catalogue at once, instead of
    /// waiting for the periodic check.
    pub async fn catch_up_search(&self) {
        self.state
            .search
            .catch_up(&self.state.store)
            .await
            .expect("index de recherche");
    }

    /// The newest message to `to`, waiting for the outbox worker.
    pub async fn wait_for_mail(&self, to: &str) -> Envelope {
        for _ in 0..100 {
            if let Some(mail) = self.mailbox.last_to(to) {
                return mail;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("aucun e-mail reçu par {to}");
    }
}

/// The embedded subset of the referentials, unpacked once for the tests:
/// real extracts laid out as `../shared/data`, there in a fresh clone too.
pub fn sous_ensemble() -> PathBuf {
    SousEnsemble::embedded()
        .cached(Path::new(env!("CARGO_TARGET_TMPDIR")))
        .expect("sous-ensemble dépaqueté")
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// The value of a query parameter of a link.
pub fn query_param(link: &str, name: &str) -> String {
    let url = url::Url::parse(link).expect("lien valide");
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .expect("paramètre")
}
