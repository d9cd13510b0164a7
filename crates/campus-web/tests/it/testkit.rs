//! The test harness: a fresh platform per test, on a fresh database
//! (SQLite file by default, PostgreSQL when `CAMPUS_TEST_DATABASE_URL`
//! names a server), with an in-memory mailbox, a clock that stands at a
//! fixed Wednesday until the test moves it, and HTTP clients that keep
//! their cookies.
//!
//! Tests read like what people do: `app.login_as(Role::Formateur)` gives a
//! signed-in client, `client.page(path)` what they see, `client.post_form`
//! what they submit (with the form's anti-forgery token), and
//! `app.wait_for_mail(to, subject)` the message they receive. Dates come
//! from the platform's clock (`app.today()`, `app.now()`,
//! `app.advance(..)`), never from the machine's.

use std::future::Future;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use campus_domain::{Email, ManualClock, Role};
use campus_import::SousEnsemble;
use campus_mail::Envelope;
use campus_store::Store;
use campus_store::users::{NewUser, User};
pub use campus_testkit::TestDb;
use campus_web::{Application, Config, Mailer, MemoryMailbox};
use chrono::{DateTime, NaiveDate, Utc};
use reqwest::StatusCode;
use reqwest::redirect::Policy;

/// A password that passes the policy, used by test accounts.
pub const PASSWORD: &str = "une phrase de passe solide";

/// How long a test waits for something the platform does in the
/// background (an e-mail, a retry, a page in a browser) before it fails.
/// Generous: the suite runs several headless browsers at once on two
/// cores, and a page may take many seconds there; a passing test never
/// waits this long.
pub const WAIT: Duration = Duration::from_secs(60);

/// What the database holds when the platform starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Data {
    /// The demonstration data only (partners, events, equipment), without
    /// the referentials.
    Demo,
    /// What a fresh clone's first start loads: the demonstration data and
    /// the embedded subset of the referentials (the sector's trades, the
    /// certifications that lead to them, the region's communes and
    /// programmes), programmes attached and blocs aligned.
    Catalogue,
    /// The demonstration data and the national catalogue of
    /// `../shared/data`: ROME 4.60, Certif Info, the RNCP export and the
    /// communes (see [`TestApp::national`]).
    National,
}

/// A running platform.
pub struct TestApp {
    pub base: String,
    pub mailbox: MemoryMailbox,
    pub state: campus_web::AppState,
    clock: ManualClock,
    accounts: AtomicUsize,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _db: TestDb,
}

/// The configuration of test platforms: a free port, cheaper argon2
/// parameters (still argon2id), demonstration data loaded without the
/// subset of the referentials (tests that need a catalogue start on
/// [`Data::Catalogue`]), search index in memory, uploaded files in a
/// temporary folder.
pub fn test_config(db_url: &str) -> Config {
    let mut config = Config::default();
    config.server.bind = "127.0.0.1:0".parse().expect("adresse");
    config.database.url = db_url.to_owned();
    config.database.max_connections = 8;
    config.security.argon2_memory_kib = 8 * 1024;
    config.security.argon2_iterations = 1;
    config.search.in_memory = true;
    config.demo.sous_ensemble = false;
    // Uploaded files in a folder of their own per test, on the real disk.
    config.documents = campus_documents::DocumentsConfig::Local(campus_documents::LocalConfig {
        dir: std::env::temp_dir().join(format!("campus-documents-{}", uuid::Uuid::new_v4())),
    });
    config
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::start(Data::Demo, |_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::start(Data::Demo, adjust).await
    }

    /// A platform on the embedded subset of the referentials, as a fresh
    /// clone starts.
    pub async fn with_catalogue() -> TestApp {
        TestApp::start(Data::Catalogue, |_| {}).await
    }

    /// A platform on the national catalogue with the folder of the
    /// national data, for the tests whose assertions are about the whole
    /// national data; `None` (and a line in the test output saying why it
    /// was not run) where `../shared/data` is absent.
    pub async fn national(reason: &str) -> Option<(TestApp, PathBuf)> {
        let data = campus_testkit::national_data(reason)?;
        Some((TestApp::start(Data::National, |_| {}).await, data))
    }

    /// A platform on `data`, configured by `adjust`.
    pub async fn start(data: Data, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (mailer, mailbox) =
            Mailer::memory("Campus <ne-pas-repondre@campus.test>").expect("expéditeur");
        TestApp::build(data, adjust, mailer, mailbox).await
    }

    /// A platform whose e-mails go through `mailer` (the returned mailbox
    /// then stays empty).
    pub async fn with_mailer(mailer: Mailer) -> TestApp {
        TestApp::build(Data::Demo, |_| {}, mailer, MemoryMailbox::default()).await
    }

    async fn build(
        data: Data,
        adjust: impl FnOnce(&mut Config),
        mailer: Mailer,
        mailbox: MemoryMailbox,
    ) -> TestApp {
        let db = match data {
            Data::Demo => TestDb::new().await,
            Data::Catalogue => catalogue().await,
            Data::National => national_catalogue().await,
        };
        let mut config = test_config(&db.url);
        adjust(&mut config);
        let clock = campus_testkit::test_clock();
        let app = Application::build_with_clock(config, mailer, clock.clone().into())
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
            clock,
            accounts: AtomicUsize::new(0),
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

    /// The platform's current instant.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The platform's current legal date in France (a Wednesday until the
    /// test moves the clock).
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Moves the platform's clock by `by`.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock.advance(by);
    }

    /// Sets the platform's clock to `at`.
    pub fn set_now(&self, at: DateTime<Utc>) {
        self.clock.set(at);
    }

    /// A browser-like client of this platform, signed in as nobody.
    pub fn client(&self) -> Client {
        self.client_with(reqwest::header::HeaderMap::new())
    }

    /// A browser at the client address `ip`, as a reverse proxy reports it
    /// (for platforms configured with `trust_forwarded_for`).
    pub fn client_from(&self, ip: &str) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", ip.parse().expect("adresse"));
        self.client_with(headers)
    }

    fn client_with(&self, headers: reqwest::header::HeaderMap) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                .default_headers(headers)
                .build()
                .expect("client HTTP"),
            base: self.base.clone(),
        }
    }

    /// What an anonymous visitor gets at `path`.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        self.client().page(path).await
    }

    /// The API's answer to a training-path request from a visitor without
    /// an account: its status and its document.
    pub async fn ask_parcours(
        &self,
        request: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let answer = self
            .client()
            .post(self.url("/api/v1/parcours"))
            .json(&request)
            .send()
            .await
            .expect("requête de parcours");
        let status = answer.status();
        (status, answer.json().await.expect("réponse JSON"))
    }

    /// A new verified account with `role`, signed in.
    pub async fn login_as(&self, role: Role) -> (Client, User) {
        let n = self.accounts.fetch_add(1, Ordering::Relaxed) + 1;
        let email = format!("{}-{n}@exemple.test", role.as_str().replace('_', "-"));
        self.login_with(&email, role).await
    }

    /// A new verified account of `email` with `role`, signed in.
    pub async fn login_with(&self, email: &str, role: Role) -> (Client, User) {
        let user = self.create_user(email, role).await;
        let client = self.client();
        client.login(email, PASSWORD).await;
        (client, user)
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
        import_rome(&self.state.store, &sous_ensemble().join("rome_v460")).await;
        self.catch_up_search().await;
    }

    /// Polls `/readyz` as a load balancer does until the node says it is
    /// ready (its training-path engine loads in the background after the
    /// port is bound).
    pub async fn wait_until_ready(&self) {
        eventually("nœud prêt", || async {
            (self.page("/readyz").await.0 == StatusCode::OK).then_some(())
        })
        .await;
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

    /// The newest message to `to` whose subject contains `subject`, as
    /// soon as the outbox worker sends it; fails after [`WAIT`], listing
    /// what was sent.
    pub async fn wait_for_mail(&self, to: &str, subject: &str) -> Envelope {
        let matches = |m: &Envelope| m.to.eq_ignore_ascii_case(to) && m.subject.contains(subject);
        match self.mailbox.wait_for(WAIT, matches).await {
            Some(mail) => mail,
            None => {
                let sent: Vec<String> = self
                    .mailbox
                    .messages()
                    .iter()
                    .map(|m| format!("{} : {}", m.to, m.subject))
                    .collect();
                panic!(
                    "aucun e-mail « {subject} » reçu par {to} en {} s ; envoyés : {sent:#?}",
                    WAIT.as_secs()
                )
            }
        }
    }
}

/// A browser-like HTTP client of one test platform: keeps its cookies and
/// does not follow redirects (so that tests see them). It derefs to
/// `reqwest::Client` for requests the helpers below do not cover.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
}

impl Deref for Client {
    type Target = reqwest::Client;

    fn deref(&self) -> &reqwest::Client {
        &self.http
    }
}

impl Client {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The status and the body of the page at `path` (or at a whole
    /// address, such as a link read in an e-mail).
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let url = if path.starts_with("http://") {
            path.to_owned()
        } else {
            self.url(path)
        };
        let response = self
            .http
            .get(url)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path} : {e}"));
        let status = response.status();
        (status, response.text().await.expect("corps de la page"))
    }

    /// The JSON answer of the API at `path`.
    pub async fn json(&self, path: &str) -> serde_json::Value {
        self.http
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path} : {e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("GET {path} : réponse JSON : {e}"))
    }

    /// The anti-forgery token of this client's current binding, read from
    /// a page's form.
    pub async fn csrf(&self) -> String {
        let (_, html) = self.page("/").await;
        extract_csrf(&html).expect("jeton CSRF dans la page")
    }

    /// Posts a form with this client's anti-forgery token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut body: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        body.extend_from_slice(fields);
        self.http
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path} : {e}"))
    }

    /// Signs in and checks that it worked.
    pub async fn login(&self, email: &str, password: &str) {
        let response = self
            .post_form("/connexion", &[("email", email), ("password", password)])
            .await;
        assert_eq!(
            response.status(),
            303,
            "connexion de {email} : {}",
            response.text().await.unwrap_or_default()
        );
    }
}

/// Waits until `check` gives a value, looking again every 50 ms for at
/// most [`WAIT`]; fails naming `what`. For conditions nothing announces
/// (a retry recorded in the database, a page that finishes loading, a
/// process that starts listening).
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{what} : toujours pas après {} s",
            WAIT.as_secs()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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

/// The embedded subset of the referentials, unpacked once for the tests:
/// real extracts laid out as `../shared/data`, there in a fresh clone too.
pub fn sous_ensemble() -> PathBuf {
    SousEnsemble::embedded()
        .cached(Path::new(env!("CARGO_TARGET_TMPDIR")))
        .expect("sous-ensemble dépaqueté")
}

async fn import_rome(store: &Store, dir: &Path) {
    let report = campus_import::import_rome(store, dir)
        .await
        .expect("import ROME");
    assert!(report.rejected.is_empty(), "{report}");
}

/// A store on a fixture's database being built, on the tests' clock (the
/// demonstration's dates follow it).
async fn fixture_store(db: &TestDb) -> Store {
    let store = Store::connect(&db.url, 4)
        .await
        .expect("base modèle")
        .with_clock(campus_testkit::test_clock().into());
    store.migrate().await.expect("migrations");
    store
}

/// A copy of what a fresh clone's first start loads (the demonstration
/// data, the embedded subset, attached and aligned), built once per test
/// process by the platform's own first-start code.
async fn catalogue() -> TestDb {
    TestDb::from_fixture("web_sous_ensemble", || async {
        let db = TestDb::new().await;
        let store = fixture_store(&db).await;
        store.load_demo_if_empty().await.expect("démonstration");
        campus_web::load_subset_if_empty(&store)
            .await
            .expect("sous-ensemble");
        store.close().await.expect("fermeture");
        db
    })
    .await
}

/// A copy of the demonstration data and the national catalogue, imported
/// once per test process. Only reached through [`TestApp::national`],
/// which has checked that the national data is there.
async fn national_catalogue() -> TestDb {
    TestDb::from_fixture("web_national", || async {
        let data = campus_testkit::national_data_dir();
        let db = TestDb::new().await;
        let store = fixture_store(&db).await;
        store.load_demo_if_empty().await.expect("démonstration");
        import_rome(&store, &data.join("rome_v460")).await;
        campus_import::import_certifinfo(&store, &data.join("certifinfo/certif_info.csv.gz"))
            .await
            .expect("import Certif Info");
        campus_import::import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
            .await
            .expect("import RNCP");
        let geo = data.join("geo");
        campus_import::import_communes(
            &store,
            &geo.join("decoupage-administratif-6.0.0/communes.json.gz"),
            &geo.join("laposte_hexasmal_2020-04.csv.gz"),
        )
        .await
        .expect("import communes");
        store.close().await.expect("fermeture");
        db
    })
    .await
}
