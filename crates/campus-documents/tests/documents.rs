//! The store's contract, run on every backend: the local folder and memory
//! always, a real S3-compatible server when `CAMPUS_TEST_S3_ENDPOINT` names
//! one (`eval "$(scripts/s3-test-server)"` starts one on this machine).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_documents::{
    DocumentKey, Documents, DocumentsConfig, DocumentsError, LocalConfig, S3Config,
};

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

/// Put, read, overwrite, delete (twice), read a missing key.
async fn round_trip(documents: &Documents) -> DocumentKey {
    let key = DocumentKey::new("candidatures");
    assert!(!documents.exists(&key).await.unwrap());
    assert!(matches!(
        documents.get(&key).await,
        Err(DocumentsError::NotFound)
    ));

    documents.put(&key, PDF.to_vec()).await.unwrap();
    assert!(documents.exists(&key).await.unwrap());
    assert_eq!(documents.get(&key).await.unwrap(), PDF);

    let replaced = b"%PDF-2.0\nautre\n".to_vec();
    documents.put(&key, replaced.clone()).await.unwrap();
    assert_eq!(documents.get(&key).await.unwrap(), replaced);

    // A key read back from the database addresses the same object.
    let reread = DocumentKey::parse(key.as_str()).unwrap();
    assert_eq!(documents.get(&reread).await.unwrap(), replaced);

    documents.delete(&key).await.unwrap();
    assert!(!documents.exists(&key).await.unwrap());
    assert!(matches!(
        documents.get(&key).await,
        Err(DocumentsError::NotFound)
    ));
    // Retention jobs may run twice.
    documents.delete(&key).await.unwrap();
    key
}

#[tokio::test]
async fn in_memory_round_trip() {
    let documents = Documents::in_memory();
    documents.probe().await.unwrap();
    round_trip(&documents).await;
}

#[tokio::test]
async fn clones_share_the_store() {
    let documents = Documents::in_memory();
    let clone = documents.clone();
    let key = DocumentKey::new("projets");
    documents.put(&key, PDF.to_vec()).await.unwrap();
    assert_eq!(clone.get(&key).await.unwrap(), PDF);
}

#[tokio::test]
async fn local_round_trip_writes_under_the_folder() {
    let root = tempfile::tempdir().unwrap();
    // A folder that does not exist yet: `open` creates it.
    let dir = root.path().join("donnees").join("documents");
    let documents =
        Documents::open(&DocumentsConfig::Local(LocalConfig { dir: dir.clone() })).unwrap();
    assert!(dir.is_dir());
    documents.probe().await.unwrap();

    round_trip(&documents).await;

    let key = DocumentKey::new("candidatures");
    documents.put(&key, PDF.to_vec()).await.unwrap();
    let file = dir.join(key.as_str());
    assert_eq!(std::fs::read(&file).unwrap(), PDF, "{}", file.display());

    // Another handle on the same folder (another process, after a restart)
    // sees the file.
    let reopened =
        Documents::open(&DocumentsConfig::Local(LocalConfig { dir: dir.clone() })).unwrap();
    assert_eq!(reopened.get(&key).await.unwrap(), PDF);

    documents.delete(&key).await.unwrap();
    assert!(!file.exists());
}

#[tokio::test]
async fn local_folder_that_cannot_be_created_is_a_config_error() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("un-fichier");
    std::fs::write(&file, b"").unwrap();
    let error = Documents::open(&DocumentsConfig::Local(LocalConfig {
        dir: file.join("documents"),
    }))
    .unwrap_err();
    assert!(matches!(error, DocumentsError::Config(_)), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("configuration du stockage des documents invalide")
    );
}

/// The S3 settings of the test server, or `None` (after saying so) when
/// none is configured.
fn s3_config(test: &str, prefix: Option<&str>) -> Option<S3Config> {
    let Ok(endpoint) = std::env::var("CAMPUS_TEST_S3_ENDPOINT") else {
        println!("{test} : non exécuté, CAMPUS_TEST_S3_ENDPOINT absent");
        return None;
    };
    Some(S3Config {
        bucket: std::env::var("CAMPUS_TEST_S3_BUCKET").unwrap_or_else(|_| "campus-test".to_owned()),
        allow_http: endpoint.starts_with("http://"),
        endpoint: Some(endpoint),
        region: "us-east-1".to_owned(),
        access_key_id: "test".to_owned(),
        secret_access_key: "test".to_owned(),
        prefix: prefix.map(str::to_owned),
    })
}

#[tokio::test]
async fn s3_round_trip() {
    let Some(config) = s3_config("s3_round_trip", None) else {
        return;
    };
    let documents = Documents::open(&DocumentsConfig::S3(config)).unwrap();
    round_trip(&documents).await;
}

#[tokio::test]
async fn s3_prefix_keeps_environments_apart() {
    let Some(bare) = s3_config("s3_prefix_keeps_environments_apart", None) else {
        return;
    };
    let prefixed = S3Config {
        prefix: Some("campus/essai".to_owned()),
        ..bare.clone()
    };
    let prefixed = Documents::open(&DocumentsConfig::S3(prefixed)).unwrap();
    let bare = Documents::open(&DocumentsConfig::S3(bare)).unwrap();
    round_trip(&prefixed).await;

    let key = DocumentKey::new("ressources");
    prefixed.put(&key, PDF.to_vec()).await.unwrap();
    assert!(!bare.exists(&key).await.unwrap());
    assert_eq!(prefixed.get(&key).await.unwrap(), PDF);
    prefixed.delete(&key).await.unwrap();
}

#[tokio::test]
async fn s3_probe_and_missing_bucket() {
    let Some(mut config) = s3_config("s3_probe_and_missing_bucket", None) else {
        return;
    };
    Documents::open(&DocumentsConfig::S3(config.clone()))
        .unwrap()
        .probe()
        .await
        .unwrap();

    config.bucket = "campus-bucket-absent".to_owned();
    let documents = Documents::open(&DocumentsConfig::S3(config)).unwrap();
    let error = documents.probe().await.unwrap_err();
    assert!(matches!(error, DocumentsError::Backend(_)), "{error}");
    assert!(error.to_string().contains("NoSuchBucket"), "{error}");
    // An upload into it fails loudly, not as a "missing document".
    let error = documents
        .put(&DocumentKey::new("candidatures"), PDF.to_vec())
        .await
        .unwrap_err();
    assert!(matches!(error, DocumentsError::Backend(_)), "{error}");
    // Reads can't tell a missing bucket from a missing key (both are 404
    // on HEAD, and object_store maps both to NotFound): this is why the
    // platform calls `probe` at start.
    let key = DocumentKey::new("candidatures");
    assert!(matches!(
        documents.get(&key).await,
        Err(DocumentsError::NotFound)
    ));
    assert!(!documents.exists(&key).await.unwrap());
    documents.delete(&key).await.unwrap();
}

#[tokio::test]
async fn s3_unreachable_server_is_a_backend_error() {
    if s3_config("s3_unreachable_server_is_a_backend_error", None).is_none() {
        return;
    }
    // Port 9 (discard) on loopback: nothing listens there.
    let config = S3Config {
        endpoint: Some("http://127.0.0.1:9".to_owned()),
        allow_http: true,
        bucket: "campus-test".to_owned(),
        region: "us-east-1".to_owned(),
        access_key_id: "test".to_owned(),
        secret_access_key: "test".to_owned(),
        prefix: None,
    };
    let documents = Documents::open(&DocumentsConfig::S3(config)).unwrap();
    let error = documents.probe().await.unwrap_err();
    assert!(matches!(error, DocumentsError::Backend(_)), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("stockage des documents indisponible : ")
    );
}
