//! Where documents are kept, read from the `[documents]` section of the
//! platform's configuration (`CAMPUS_DOCUMENTS__BACKEND=s3`,
//! `CAMPUS_DOCUMENTS__BUCKET=…`). The default, a local folder, needs no
//! setting at all; a deployment with several nodes uses a bucket they all
//! reach.
//!
//! `Serialize` is there because the platform's defaults go through
//! `figment::providers::Serialized`; the secret is serialised only into that
//! in-process map, and never printed by `Debug`.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The backend and its settings, tagged by `backend = "local" | "s3"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "backend", rename_all = "lowercase")]
pub enum DocumentsConfig {
    Local(LocalConfig),
    S3(S3Config),
}

impl Default for DocumentsConfig {
    fn default() -> Self {
        Self::Local(LocalConfig::default())
    }
}

/// A folder on this node's disk; created at start when missing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalConfig {
    #[serde(default = "default_dir")]
    pub dir: PathBuf,
}

impl Default for LocalConfig {
    fn default() -> Self {
        Self { dir: default_dir() }
    }
}

fn default_dir() -> PathBuf {
    PathBuf::from("data/documents")
}

/// An S3 bucket: Amazon's, or an S3-compatible service (MinIO, Garage, OVH,
/// Scaleway…) given by `endpoint`. Requests use path-style addresses
/// (`{endpoint}/{bucket}/{key}`), which every such service understands.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Config {
    pub bucket: String,
    /// `https://s3.gra.io.cloud.ovh.net`, `http://127.0.0.1:9000`…; absent
    /// for Amazon S3 itself.
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default = "default_region")]
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    /// Allow a plain `http://` endpoint: only for a service on the same
    /// host or private network, since keys and documents would travel in
    /// clear otherwise.
    #[serde(default)]
    pub allow_http: bool,
    /// Folder inside the bucket (`campus/production`), so one bucket can
    /// hold several platforms or environments.
    #[serde(default)]
    pub prefix: Option<String>,
}

fn default_region() -> String {
    "us-east-1".to_owned()
}

/// Written by hand so the secret key never reaches a log line or a panic
/// message; the access key id is not secret (it names the key).
impl fmt::Debug for S3Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<masqué>")
            .field("allow_http", &self.allow_http)
            .field("prefix", &self.prefix)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_a_local_folder() {
        assert_eq!(
            DocumentsConfig::default(),
            DocumentsConfig::Local(LocalConfig {
                dir: PathBuf::from("data/documents")
            })
        );
        let config: DocumentsConfig = serde_json::from_str(r#"{"backend":"local"}"#).unwrap();
        assert_eq!(config, DocumentsConfig::default());
    }

    #[test]
    fn reads_an_s3_section_with_defaults() {
        let config: DocumentsConfig = serde_json::from_str(
            r#"{"backend":"s3","bucket":"campus","access_key_id":"AK","secret_access_key":"SK",
                "dir":"ignored, left over from the defaults"}"#,
        )
        .unwrap();
        let DocumentsConfig::S3(s3) = config else {
            panic!("s3 expected: {config:?}");
        };
        assert_eq!(s3.bucket, "campus");
        assert_eq!(s3.region, "us-east-1");
        assert_eq!(s3.endpoint, None);
        assert!(!s3.allow_http);
        assert_eq!(s3.prefix, None);
    }

    #[test]
    fn an_unknown_backend_is_refused() {
        assert!(serde_json::from_str::<DocumentsConfig>(r#"{"backend":"ftp"}"#).is_err());
    }

    #[test]
    fn debug_hides_the_secret() {
        let config = DocumentsConfig::S3(S3Config {
            bucket: "campus".into(),
            endpoint: Some("http://127.0.0.1:9000".into()),
            region: default_region(),
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI-tres-secret".into(),
            allow_http: true,
            prefix: None,
        });
        let debug = format!("{config:?} {config:#?}");
        assert!(!debug.contains("tres-secret"), "{debug}");
        assert!(debug.contains("<masqué>"));
        assert!(debug.contains("AKIDEXAMPLE"));
    }
}
