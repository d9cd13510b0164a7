//! Errors of the search engine. None comes from what a visitor types: any
//! text is a valid query.

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("index de recherche : {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("index de recherche : {0}")]
    OpenDirectory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("dossier de l'index de recherche {path} : {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("lecture du catalogue : {0}")]
    Store(#[from] campus_store::StoreError),
    #[error("construction de l'index interrompue : {0}")]
    Task(String),
}
