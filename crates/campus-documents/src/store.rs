//! The store itself: one handle over whichever backend the configuration
//! names. Every operation addresses a [`DocumentKey`], so no caller can
//! reach an object the platform did not name.

use std::fmt;
use std::sync::Arc;

use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::config::{DocumentsConfig, LocalConfig, S3Config};
use crate::key::DocumentKey;

/// What can go wrong in the store. A web handler answers `NotFound` with
/// 404 and the others with 503, logging the detail: it names hosts and
/// paths, which are not the user's business.
#[derive(Debug, thiserror::Error)]
pub enum DocumentsError {
    #[error("document introuvable")]
    NotFound,
    /// Found at start by [`Documents::open`]: the platform refuses to run
    /// rather than fail on the first upload.
    #[error("configuration du stockage des documents invalide : {0}")]
    Config(String),
    #[error("stockage des documents indisponible : {0}")]
    Backend(String),
}

impl From<object_store::Error> for DocumentsError {
    fn from(error: object_store::Error) -> Self {
        match error {
            object_store::Error::NotFound { .. } => Self::NotFound,
            other => Self::Backend(other.to_string()),
        }
    }
}

/// A handle on the document store, cheap to clone into every request's
/// state (one `Arc`). Writes are whole-object: a reader sees the previous
/// content or the new one, never half a file (the local backend writes a
/// temporary file and renames it; S3 PUT is atomic).
#[derive(Clone)]
pub struct Documents {
    store: Arc<dyn ObjectStore>,
}

impl fmt::Debug for Documents {
    /// The backend's own `Display` names the folder or bucket, never
    /// credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Documents")
            .field(&format_args!("{}", self.store))
            .finish()
    }
}

impl Documents {
    /// Builds the configured backend. The local folder is created when
    /// missing; an S3 bucket is not contacted here (it must already exist:
    /// creating buckets is the operator's job, with their rights and
    /// policies), so the first failure shows up on the first request.
    pub fn open(config: &DocumentsConfig) -> Result<Documents, DocumentsError> {
        let store: Arc<dyn ObjectStore> = match config {
            DocumentsConfig::Local(local) => Arc::new(open_local(local)?),
            DocumentsConfig::S3(s3) => open_s3(s3)?,
        };
        Ok(Documents { store })
    }

    /// A store in this process's memory, empty, for tests.
    pub fn in_memory() -> Documents {
        Documents {
            store: Arc::new(InMemory::new()),
        }
    }

    /// Checks that the backend answers and that its bucket exists, for the
    /// platform's start and readiness check. Without it a missing bucket
    /// would only look like missing documents: S3 answers 404 to a read in
    /// a bucket that does not exist just as to a missing key.
    ///
    /// Lists a prefix no document uses, so the answer is empty and cheap
    /// however many documents the store holds.
    pub async fn probe(&self) -> Result<(), DocumentsError> {
        let nowhere = Path::from(format!("sonde-{}", uuid::Uuid::now_v7()));
        self.store
            .list_with_delimiter(Some(&nowhere))
            .await
            .map(|_| ())
            // Whatever the backend says (S3: `NoSuchBucket`, a refused
            // connection…), it is the store that fails, not a document.
            .map_err(|error| DocumentsError::Backend(error.to_string()))
    }

    /// Stores `bytes` under `key`, replacing what was there.
    pub async fn put(&self, key: &DocumentKey, bytes: Vec<u8>) -> Result<(), DocumentsError> {
        match self
            .store
            .put(&location(key), PutPayload::from(bytes))
            .await
        {
            Ok(_) => Ok(()),
            // A write creates its key, so "not found" can only be the
            // bucket: never report it as a missing document.
            Err(error @ object_store::Error::NotFound { .. }) => {
                Err(DocumentsError::Backend(error.to_string()))
            }
            Err(other) => Err(other.into()),
        }
    }

    /// The whole document; [`DocumentsError::NotFound`] when there is none.
    pub async fn get(&self, key: &DocumentKey) -> Result<Vec<u8>, DocumentsError> {
        let bytes = self.store.get(&location(key)).await?.bytes().await?;
        Ok(Vec::from(bytes))
    }

    /// Removes the document. A missing one is not an error: retention jobs
    /// may run twice, or after a user already deleted the file. (S3 answers
    /// a delete in a missing bucket the same way: [`Documents::probe`] at
    /// start is what catches that.)
    pub async fn delete(&self, key: &DocumentKey) -> Result<(), DocumentsError> {
        match self.store.delete(&location(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(other) => Err(other.into()),
        }
    }

    /// Whether a document is stored under `key`.
    pub async fn exists(&self, key: &DocumentKey) -> Result<bool, DocumentsError> {
        match self.store.head(&location(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(other) => Err(other.into()),
        }
    }
}

/// A key's place in the backend. Keys hold only `[a-z0-9-]`, one `/` and a
/// UUID, so the conversion neither escapes nor re-encodes anything.
fn location(key: &DocumentKey) -> Path {
    Path::from(key.as_str())
}

fn open_local(config: &LocalConfig) -> Result<LocalFileSystem, DocumentsError> {
    let dir = &config.dir;
    std::fs::create_dir_all(dir).map_err(|e| {
        DocumentsError::Config(format!(
            "dossier {} impossible à créer : {e}",
            dir.display()
        ))
    })?;
    // Empty area folders are left in place: they are few, and removing them
    // would race with a concurrent upload into the same area.
    LocalFileSystem::new_with_prefix(dir)
        .map_err(|e| DocumentsError::Config(format!("dossier {} : {e}", dir.display())))
}

fn open_s3(config: &S3Config) -> Result<Arc<dyn ObjectStore>, DocumentsError> {
    if config.bucket.trim().is_empty() {
        return Err(DocumentsError::Config(
            "le nom du bucket est vide".to_owned(),
        ));
    }
    if config.access_key_id.is_empty() || config.secret_access_key.is_empty() {
        return Err(DocumentsError::Config(
            "access_key_id et secret_access_key sont requis".to_owned(),
        ));
    }
    let mut builder = AmazonS3Builder::new()
        .with_bucket_name(&config.bucket)
        .with_region(&config.region)
        .with_access_key_id(&config.access_key_id)
        .with_secret_access_key(&config.secret_access_key)
        .with_allow_http(config.allow_http)
        // Path-style addresses: S3-compatible services rarely have the
        // wildcard DNS that virtual-hosted style needs.
        .with_virtual_hosted_style_request(false);
    if let Some(endpoint) = &config.endpoint {
        if endpoint.starts_with("http://") && !config.allow_http {
            return Err(DocumentsError::Config(format!(
                "le point d'accès {endpoint} est en http : mettre allow_http = true \
                 (seulement sur un réseau privé) ou passer en https"
            )));
        }
        builder = builder.with_endpoint(endpoint);
    }
    let s3 = builder
        .build()
        .map_err(|e| DocumentsError::Config(e.to_string()))?;
    match config.prefix.as_deref().map(|p| p.trim_matches('/')) {
        None | Some("") => Ok(Arc::new(s3)),
        Some(prefix) => {
            // `Path::parse` refuses `..`, empty segments and the like, so
            // the prefix is a plain folder of the bucket.
            let prefix = Path::parse(prefix).map_err(|e| {
                DocumentsError::Config(format!("préfixe « {prefix} » invalide : {e}"))
            })?;
            Ok(Arc::new(PrefixStore::new(s3, prefix)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s3(endpoint: &str, allow_http: bool, prefix: Option<&str>) -> DocumentsConfig {
        DocumentsConfig::S3(S3Config {
            bucket: "campus".into(),
            endpoint: Some(endpoint.into()),
            region: "us-east-1".into(),
            access_key_id: "AK".into(),
            secret_access_key: "tres-secret".into(),
            allow_http,
            prefix: prefix.map(str::to_owned),
        })
    }

    #[test]
    fn http_endpoint_needs_allow_http() {
        let error = Documents::open(&s3("http://127.0.0.1:9000", false, None)).unwrap_err();
        assert!(matches!(error, DocumentsError::Config(_)), "{error}");
        assert!(Documents::open(&s3("http://127.0.0.1:9000", true, None)).is_ok());
        assert!(Documents::open(&s3("https://s3.example.org", false, None)).is_ok());
    }

    #[test]
    fn prefix_must_be_a_plain_folder() {
        assert!(
            Documents::open(&s3("https://s3.example.org", false, Some("campus/prod/"))).is_ok()
        );
        let error = Documents::open(&s3(
            "https://s3.example.org",
            false,
            Some("campus/../autre"),
        ))
        .unwrap_err();
        assert!(matches!(error, DocumentsError::Config(_)), "{error}");
    }

    #[test]
    fn debug_names_no_secret() {
        let documents = Documents::open(&s3("https://s3.example.org", false, None)).unwrap();
        let debug = format!("{documents:?}");
        assert!(!debug.contains("tres-secret"), "{debug}");
    }

    #[test]
    fn messages_are_french() {
        assert_eq!(DocumentsError::NotFound.to_string(), "document introuvable");
        assert_eq!(
            DocumentsError::Backend("délai dépassé".into()).to_string(),
            "stockage des documents indisponible : délai dépassé"
        );
    }
}
