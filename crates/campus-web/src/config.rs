//! Configuration: built-in defaults, then `campus.toml`, then `CAMPUS_*`
//! environment variables (`__` separates sections:
//! `CAMPUS_MAIL__TRANSPORT=smtp`), then command-line flags. The defaults
//! alone run the platform on an embedded SQLite database.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use campus_domain::{Sector, SectorError};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Everything campus reads at start.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub mail: MailConfig,
    pub security: SecurityConfig,
    pub log: LogConfig,
    pub demo: DemoConfig,
    pub sector: SectorConfig,
    pub search: SearchConfig,
    pub retention: RetentionConfig,
    #[serde(default)]
    pub oidc: OidcConfig,
    /// Where uploaded files are kept (CVs…): a local folder
    /// (`CAMPUS_DOCUMENTS__BACKEND=local`, `…__DIR`) or an S3-compatible
    /// bucket (`…__BACKEND=s3`, `…__BUCKET`, `…__ENDPOINT`, `…__REGION`,
    /// `…__ACCESS_KEY_ID`, `…__SECRET_ACCESS_KEY`).
    #[serde(default)]
    pub documents: campus_documents::DocumentsConfig,
}

/// Federated sign-in: a provider that is not configured shows no button.
/// From the environment: `CAMPUS_OIDC__PROCONNECT__ISSUER`,
/// `…__CLIENT_ID`, `…__CLIENT_SECRET`, and the same for `EDUCONNECT`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct OidcConfig {
    #[serde(default)]
    pub proconnect: Option<OidcProviderConfig>,
    #[serde(default)]
    pub educonnect: Option<OidcProviderConfig>,
}

/// One OpenID Connect provider, as registered with it: the redirect
/// address to declare is `{server.public_url}/connexion/{proconnect|educonnect}/retour`,
/// the logout one `{server.public_url}/`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OidcProviderConfig {
    /// Issuer address, whose `/.well-known/openid-configuration` is read.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

/// How long personal data are kept (see `/donnees-personnelles`); the
/// worker erases what is older, on every node, at most every ten minutes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RetentionConfig {
    /// Accounts whose address was never confirmed are erased after this
    /// many days.
    pub unverified_days: i64,
    /// Accounts nobody signed in to (nor used a token of) for this many
    /// days are erased…
    pub inactive_days: i64,
    /// …after a warning e-mail sent this many days before.
    pub inactive_warning_days: i64,
    /// Names and addresses of minors registered to an event, and of the
    /// parents who consented, are erased this many days after the event.
    pub minors_days_after_event: i64,
    /// Entries of the audit trail are deleted after this many days.
    pub audit_days: i64,
    /// CVs sent with applications are deleted this many days after the
    /// application's last activity.
    #[serde(default = "default_cv_days")]
    pub cv_days: i64,
    /// Applications are pseudonymised (the person's link and message
    /// removed) this many days after their last activity.
    #[serde(default = "default_candidature_days")]
    pub candidature_days: i64,
}

fn default_cv_days() -> i64 {
    365
}

fn default_candidature_days() -> i64 {
    2 * 365
}

/// The search index of this node.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SearchConfig {
    /// Folder of the index on this node's disk (not shared between nodes:
    /// each one builds its own from the database).
    pub dir: PathBuf,
    /// Keep the index in memory only, rebuilt at every start (tests).
    pub in_memory: bool,
    /// Seconds between two checks of the catalogue generation.
    pub check_interval_secs: u64,
}

/// The campus's own sector within the national referentials: its trades are
/// highlighted (« Métiers du campus ») while everything stays searchable.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SectorConfig {
    /// ROME codes of the sector's trades.
    pub romes: Vec<String>,
    /// Prefixes of the NSF specialities of its certifications and trainings.
    pub nsf: Vec<String>,
    /// Prefixes of the Formacode fields of its certifications and trainings.
    pub formacodes: Vec<String>,
    /// INSEE code of the campus's région (`24`, Centre-Val de Loire): its
    /// trainings' official outcomes are read beside the région's.
    #[serde(default = "default_region")]
    pub region: String,
}

fn default_region() -> String {
    "24".to_owned()
}

impl SectorConfig {
    /// The checked sector; [`Config::validate`] refuses a configuration
    /// where this fails, so a running server always has one.
    pub fn sector(&self) -> Result<Sector, SectorError> {
        Sector::new(&self.romes, &self.nsf, &self.formacodes)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ServerConfig {
    /// Address and port to listen on (`CAMPUS_BIND` or `--bind`).
    pub bind: SocketAddr,
    /// The address users reach the platform at, used in e-mailed links; when
    /// it starts with `https://`, cookies are marked `Secure` and HSTS is sent.
    pub public_url: String,
    /// Honour `X-Forwarded-For` for the client address (only behind a
    /// reverse proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Largest accepted request body, in bytes.
    pub body_limit_bytes: usize,
    /// A request taking longer is answered 503.
    pub request_timeout_secs: u64,
    /// Seconds given to in-flight requests on shutdown.
    pub shutdown_grace_secs: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` or `postgres://user:password@host/db`
    /// (`CAMPUS_DATABASE_URL` or `--database`).
    pub url: String,
    pub max_connections: u32,
}

/// How e-mails leave the platform.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Write each message as an `.eml` file into `mail.dir` (development).
    File,
    /// Send through the SMTP server of `mail.smtp_*`.
    Smtp,
}

/// Encryption of the SMTP connection.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Implicit TLS (port 465).
    Tls,
    /// STARTTLS upgrade (port 587).
    Starttls,
    /// Plain text, for a relay on the same host only.
    None,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MailConfig {
    pub transport: MailTransport,
    /// Sender of every message, `Name <address>`.
    pub from: String,
    pub dir: PathBuf,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SecurityConfig {
    /// Session lifetime from sign-in.
    pub session_hours: i64,
    /// Session ends after this long without a request.
    pub session_idle_minutes: i64,
    /// Window over which failed sign-ins are counted.
    pub login_window_minutes: i64,
    /// Failed sign-ins of one account from one client address within the
    /// window before each new try waits (1 min, then 2, 4… at most the
    /// window). The owner signing in from elsewhere is not held back.
    pub login_max_failures_per_account: u64,
    /// Failed sign-ins from one client address, any account, within the
    /// window before that address may no longer retry an account it failed
    /// on (accounts it has not failed on are still tried).
    pub login_max_failures_per_ip: u64,
    /// Validity of e-mail verification and invitation links.
    pub verification_link_hours: i64,
    /// Validity of password reset links.
    pub reset_link_minutes: i64,
    /// Argon2id memory cost in KiB (OWASP: at least 19456).
    pub argon2_memory_kib: u32,
    /// Argon2id iterations (OWASP: at least 2 with 19 MiB).
    pub argon2_iterations: u32,
    /// The bearer token `/metrics` asks for
    /// (`CAMPUS_SECURITY__METRICS_TOKEN`, at least 32 characters); without
    /// one, `/metrics` is not served.
    #[serde(default)]
    pub metrics_token: Option<String>,
    /// Anonymous registrations to events admitted per client address and
    /// hour, and per event and minute (a signed-in person is not limited).
    #[serde(default = "default_registrations_per_ip_hour")]
    pub anonymous_registrations_per_ip_hour: u64,
    #[serde(default = "default_registrations_per_event_minute")]
    pub anonymous_registrations_per_event_minute: u64,
    /// Training paths computed through the API without an account, per
    /// client address and minute (the public form offers the same).
    #[serde(default = "default_parcours_per_ip_minute")]
    pub anonymous_parcours_per_ip_minute: u64,
}

fn default_parcours_per_ip_minute() -> u64 {
    10
}

fn default_registrations_per_ip_hour() -> u64 {
    10
}

fn default_registrations_per_event_minute() -> u64 {
    20
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LogConfig {
    /// `tracing` filter, e.g. `info,campus_web=debug`.
    pub filter: String,
    /// Emit JSON lines instead of human-readable text.
    pub json: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DemoConfig {
    /// Load the demonstration organisations when the database is empty.
    pub load_on_empty: bool,
    /// Load the real subset of the referentials embedded in the binary
    /// when the catalogue is empty (no ROME fiche), then attach the
    /// programmes and align the blocs: a fresh clone shows a living
    /// catalogue. Tests that build their own catalogue turn it off.
    pub sous_ensemble: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            server: ServerConfig {
                bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
                public_url: "http://127.0.0.1:8080".to_owned(),
                trust_forwarded_for: false,
                body_limit_bytes: 1024 * 1024,
                request_timeout_secs: 30,
                shutdown_grace_secs: 20,
            },
            database: DatabaseConfig {
                url: "sqlite://data/campus.db".to_owned(),
                max_connections: 8,
            },
            mail: MailConfig {
                transport: MailTransport::File,
                from: "Campus CosmetoPharma <ne-pas-repondre@campus.localhost>".to_owned(),
                dir: PathBuf::from("data/mail"),
                smtp_host: "localhost".to_owned(),
                smtp_port: 587,
                smtp_tls: SmtpTls::Starttls,
                smtp_username: None,
                smtp_password: None,
            },
            security: SecurityConfig {
                session_hours: 12,
                session_idle_minutes: 120,
                login_window_minutes: 15,
                login_max_failures_per_account: 5,
                login_max_failures_per_ip: 50,
                verification_link_hours: 72,
                reset_link_minutes: 60,
                argon2_memory_kib: 19 * 1024,
                argon2_iterations: 2,
                metrics_token: None,
                anonymous_registrations_per_ip_hour: default_registrations_per_ip_hour(),
                anonymous_registrations_per_event_minute: default_registrations_per_event_minute(),
                anonymous_parcours_per_ip_minute: default_parcours_per_ip_minute(),
            },
            log: LogConfig {
                filter: "info".to_owned(),
                json: false,
            },
            oidc: OidcConfig::default(),
            retention: RetentionConfig {
                unverified_days: 7,
                inactive_days: 3 * 365,
                inactive_warning_days: 30,
                minors_days_after_event: 365,
                audit_days: 365,
                cv_days: default_cv_days(),
                candidature_days: default_candidature_days(),
            },
            demo: DemoConfig {
                load_on_empty: true,
                sous_ensemble: true,
            },
            sector: SectorConfig {
                // Cosmetics and pharmaceutical production: operators,
                // packaging, laboratory and quality, R&D and methods,
                // maintenance, logistics, pharmacy.
                romes: [
                    "H2301", "H3301", "H3302", "H3303", "H1503", "H1502", "H1303", "H1206",
                    "H1210", "H1404", "H2502", "H2503", "H2504", "I1304", "I1302", "I1310",
                    "I1102", "N1103", "N1101", "J1307", "K2402",
                ]
                .map(str::to_owned)
                .to_vec(),
                // Chemistry and pharmacy (222), physics-chemistry (111),
                // chemistry-biology (112), chemistry (116), life sciences
                // (118), industrial technologies and their control (200,
                // 201), agri-food and cosmetics processing (221),
                // mechanics-electricity maintenance (250, 251).
                nsf: [
                    "111", "112", "116", "118", "200", "201", "221", "222", "250", "251",
                ]
                .map(str::to_owned)
                .to_vec(),
                // Chemistry and pharmacology (115), biochemistry,
                // biotechnology, chemical products and cosmetics (228),
                // quality (313, 314), industrial production and maintenance
                // (316), handling, storage and packaging (317), logistics,
                // industrial automation (244), pharmacy.
                formacodes: [
                    "115", "12058", "12081", "228", "313", "314", "316", "317", "31834", "31845",
                    "244", "43006", "43026",
                ]
                .map(str::to_owned)
                .to_vec(),
                region: default_region(),
            },
            documents: campus_documents::DocumentsConfig::Local(campus_documents::LocalConfig {
                dir: PathBuf::from("data/documents"),
            }),
            search: SearchConfig {
                dir: PathBuf::from("data/index"),
                in_memory: false,
                check_interval_secs: 5,
            },
        }
    }
}

/// Variables read by the command line itself rather than by the sections
/// above.
const FLAG_VARIABLES: &[&str] = &["BIND", "DATABASE_URL", "TEST_DATABASE_URL", "CONFIG"];

impl Config {
    /// Where this node keeps its search index.
    pub fn index_location(&self) -> campus_search::IndexLocation {
        if self.search.in_memory {
            campus_search::IndexLocation::Memory
        } else {
            campus_search::IndexLocation::Dir(self.search.dir.clone())
        }
    }

    /// Reads the layered configuration. `file` is `campus.toml` unless
    /// `--config` or `CAMPUS_CONFIG` names another; a missing default file
    /// is not an error, a missing named file is.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) if !path.exists() => {
                return Err(ConfigError(format!(
                    "fichier de configuration introuvable : {}",
                    path.display()
                )));
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new("campus.toml").exists() => {
                figment = figment.merge(Toml::file_exact("campus.toml"))
            }
            None => {}
        }
        figment = figment.merge(Env::prefixed("CAMPUS_").ignore(FLAG_VARIABLES).split("__"));
        let config: Config = figment.extract().map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what types alone cannot.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let url = url::Url::parse(&self.server.public_url)
            .map_err(|e| ConfigError(format!("server.public_url invalide ({e})")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ConfigError(
                "server.public_url doit commencer par http:// ou https://".to_owned(),
            ));
        }
        if self.security.argon2_memory_kib < 8 * 1024 || self.security.argon2_iterations == 0 {
            return Err(ConfigError(
                "paramètres argon2 trop faibles (mémoire ≥ 8192 Kio, itérations ≥ 1)".to_owned(),
            ));
        }
        if self
            .security
            .metrics_token
            .as_ref()
            .is_some_and(|t| t.chars().count() < 32)
        {
            return Err(ConfigError(
                "security.metrics_token doit comporter au moins 32 caractères".to_owned(),
            ));
        }
        if let Err(err) = self.sector.sector() {
            return Err(ConfigError(format!("sector : {err}")));
        }
        for (name, provider) in [
            ("proconnect", &self.oidc.proconnect),
            ("educonnect", &self.oidc.educonnect),
        ] {
            if let Some(p) = provider {
                let issuer = url::Url::parse(&p.issuer)
                    .map_err(|e| ConfigError(format!("oidc.{name}.issuer invalide ({e})")))?;
                if !matches!(issuer.scheme(), "http" | "https")
                    || p.client_id.is_empty()
                    || p.client_secret.is_empty()
                {
                    return Err(ConfigError(format!(
                        "oidc.{name} : issuer en http(s), client_id et client_secret sont requis"
                    )));
                }
            }
        }
        let r = &self.retention;
        if [
            r.unverified_days,
            r.minors_days_after_event,
            r.audit_days,
            r.cv_days,
        ]
        .iter()
        .any(|d| *d < 1)
            || r.inactive_warning_days < 1
            || r.inactive_days <= r.inactive_warning_days
            || r.candidature_days < r.cv_days
        {
            return Err(ConfigError(
                "retention : chaque durée doit valoir au moins 1 jour, inactive_days dépasser inactive_warning_days et candidature_days valoir au moins cv_days".to_owned(),
            ));
        }
        if self.search.check_interval_secs == 0 {
            return Err(ConfigError(
                "search.check_interval_secs doit valoir au moins 1".to_owned(),
            ));
        }
        if self.mail.from.parse::<campus_mail::Mailbox>().is_err() {
            return Err(ConfigError(format!(
                "mail.from n'est pas une adresse valide : {}",
                self.mail.from
            )));
        }
        Ok(())
    }

    /// Whether the platform is served over HTTPS.
    pub fn is_https(&self) -> bool {
        self.server.public_url.starts_with("https://")
    }

    /// The public URL without its trailing slash, to append paths to.
    pub fn base_url(&self) -> &str {
        self.server.public_url.trim_end_matches('/')
    }
}

/// A configuration that cannot be used, with the reason in French.
#[derive(Debug, thiserror::Error)]
#[error("configuration invalide : {0}")]
pub struct ConfigError(pub String);

#[cfg(test)]
mod tests {
    // figment's test jail returns its own large error type.
    #![allow(clippy::unwrap_used, clippy::result_large_err)]
    use super::*;

    #[test]
    fn defaults_are_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn file_and_environment_layers() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "campus.toml",
                "[server]\npublic_url = \"https://campus.example\"\n[mail]\ntransport = \"smtp\"\n",
            )?;
            jail.set_env("CAMPUS_SECURITY__SESSION_HOURS", "4");
            jail.set_env("CAMPUS_DATABASE_URL", "postgres://ignored-here");
            let config = Config::load(None).unwrap();
            assert!(config.is_https());
            assert_eq!(config.mail.transport, MailTransport::Smtp);
            assert_eq!(config.security.session_hours, 4);
            assert_eq!(config.database.url, "sqlite://data/campus.db");
            Ok(())
        });
    }

    #[test]
    fn no_file_at_all_is_fine() {
        figment::Jail::expect_with(|_| {
            Config::load(None).unwrap();
            Ok(())
        });
    }

    #[test]
    fn missing_named_file_is_an_error() {
        assert!(Config::load(Some(Path::new("/nonexistent/campus.toml"))).is_err());
    }

    #[test]
    fn bad_values_are_reported() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("CAMPUS_SERVER__PUBLIC_URL", "ftp://x");
            assert!(Config::load(None).is_err());
            jail.set_env("CAMPUS_SERVER__PUBLIC_URL", "http://x");
            jail.set_env("CAMPUS_SECURITY__SESSION_HOURS", "beaucoup");
            assert!(Config::load(None).is_err());
            Ok(())
        });
    }
}
