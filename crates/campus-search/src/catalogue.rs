//! The search index of a serving node, kept in step with the database.
//!
//! The database is the reference and each node owns a local index. Every
//! write to the catalogue bumps a generation counter in the database, in
//! the write's own transaction; a node compares it with the generation its
//! index was built from (one integer read every few seconds) and rebuilds
//! in the background when it is behind, then swaps the new index in at
//! once: searches never see a half-built index. An edit made through this
//! node (an organisation) is applied to the index right away. The
//! autocomplete's tables ([`Suggestions`]) are read at the same time as
//! the documents and swapped with the index, so both always reflect the
//! same generation.
//!
//! On disk, each build goes to a folder of its own and a `current` file
//! names the one in use, replaced by an atomic rename; older folders are
//! removed after the switch.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use campus_domain::search::{DocumentKind, SearchDocument};
use campus_domain::{GeoPoint, Sector};
use campus_store::Store;
use tokio::sync::{Mutex, watch};

use crate::dictionary::{Dictionary, Group};
use crate::error::SearchError;
use crate::index::SearchIndex;
use crate::request::{DEFAULT_RADIUS_KM, Near, SearchRequest, SearchResults};
use crate::suggest::{AppellationSource, CommuneSource, CommuneSuggestion, Suggestions};
use crate::understand::understand;

/// Where a node keeps its index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexLocation {
    /// In memory: rebuilt at every start (tests, small catalogues).
    Memory,
    /// In this folder, reused at start when still current.
    Dir(PathBuf),
}

/// Name of the file that names the folder of the index in use.
const CURRENT: &str = "current";
/// Prefix of the folders of builds.
const BUILD_PREFIX: &str = "g";

pub struct Catalogue {
    current: RwLock<Arc<SearchIndex>>,
    suggestions: RwLock<Arc<Suggestions>>,
    location: IndexLocation,
    /// The campus's sector, whose documents are marked and ranked first.
    sector: Sector,
    /// One rebuild or update at a time.
    writing: Mutex<()>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("location", &self.location)
            .field("index", &self.index())
            .field("suggestions", &self.suggestions())
            .finish_non_exhaustive()
    }
}

/// Every document of the catalogue and the autocomplete's tables, with
/// the generation they reflect (read first: a write that lands while they
/// are read makes them look older than they are, never newer).
async fn documents(
    store: &Store,
    sector: &Sector,
) -> Result<(Vec<SearchDocument>, Suggestions), SearchError> {
    let generation = store.catalogue_generation().await?;
    let mut documents = store.metier_documents(sector).await?;
    documents.extend(store.certification_documents(sector).await?);
    documents.extend(store.formation_documents(sector).await?);
    documents.extend(store.organisation_documents().await?);
    documents.extend(store.offre_documents(sector).await?);
    documents.extend(store.projet_documents().await?);
    documents.extend(store.expert_documents().await?);
    documents.extend(store.ressource_documents().await?);
    let suggestions = suggestions(store, sector, generation).await?;
    Ok((documents, suggestions))
}

/// The tables that read queries and resolve names (job titles, communes),
/// built once from the catalogue as it stands: what an import that
/// resolves names needs, without building the search index.
pub async fn load_suggestions(store: &Store, sector: &Sector) -> Result<Suggestions, SearchError> {
    let generation = store.catalogue_generation().await?;
    suggestions(store, sector, generation).await
}

/// The tables that read queries, from the job titles, communes and the
/// team's dictionary groups of the catalogue at `generation`.
async fn suggestions(
    store: &Store,
    sector: &Sector,
    generation: u64,
) -> Result<Suggestions, SearchError> {
    let appellations = store
        .appellations()
        .await?
        .into_iter()
        .map(|a| AppellationSource {
            code_ogr: a.code_ogr,
            libelle: a.libelle,
            code_rome: a.code_rome,
            rare: a.peu_usite,
        })
        .collect();
    let communes = store
        .current_communes()
        .await?
        .into_iter()
        .map(|(c, codes_postaux)| CommuneSource {
            population: c.population,
            suggestion: CommuneSuggestion {
                code_insee: c.code_insee,
                nom: c.nom,
                departement: c.departement,
                codes_postaux,
                latitude: c.latitude,
                longitude: c.longitude,
            },
        })
        .collect();
    let sector = sector.clone();
    let dictionary =
        Dictionary::shipped().with(store.synonym_groups().await?.into_iter().map(|g| Group {
            expressions: g.expressions,
            note: g.note,
            diplome: g.diplome,
            added: Some(g.id),
        }));
    tokio::task::spawn_blocking(move || {
        Suggestions::new(appellations, communes, &sector, dictionary, generation)
    })
    .await
    .map_err(|e| SearchError::Task(e.to_string()))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |source| SearchError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Builds an index of the catalogue at `location` and the autocomplete's
/// tables, off the async threads.
async fn build(
    store: &Store,
    location: &IndexLocation,
    sector: &Sector,
) -> Result<(SearchIndex, Suggestions), SearchError> {
    let (documents, suggestions) = documents(store, sector).await?;
    let generation = suggestions.generation();
    let location = location.clone();
    let index = tokio::task::spawn_blocking(move || match location {
        IndexLocation::Memory => SearchIndex::build(documents, generation, None),
        IndexLocation::Dir(root) => build_in_dir(&root, documents, generation),
    })
    .await
    .map_err(|e| SearchError::Task(e.to_string()))??;
    Ok((index, suggestions))
}

fn build_in_dir(
    root: &Path,
    documents: Vec<SearchDocument>,
    generation: u64,
) -> Result<SearchIndex, SearchError> {
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let name = format!("{BUILD_PREFIX}{generation}-{stamp}");
    let dir = root.join(&name);
    std::fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let index = SearchIndex::build(documents, generation, Some(&dir))?;
    let pointer = root.join(CURRENT);
    let staged = root.join(format!("{CURRENT}.{stamp}"));
    std::fs::write(&staged, &name).map_err(io_error(&staged))?;
    std::fs::rename(&staged, &pointer).map_err(io_error(&pointer))?;
    remove_older_builds(root, &name);
    Ok(index)
}

/// Removes the folders of earlier builds. A node still reading one keeps
/// its open files (the system frees them on close); a failure only costs
/// disk space, so it is logged, not returned.
fn remove_older_builds(root: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(BUILD_PREFIX)
            && name != keep
            && entry.path().is_dir()
            && let Err(e) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!(dossier = %entry.path().display(), erreur = %e, "ancien index non supprimé");
        }
    }
}

/// The index named by `root/current`, if there is one that opens.
fn open_current(root: &Path) -> Option<SearchIndex> {
    let name = std::fs::read_to_string(root.join(CURRENT)).ok()?;
    let name = name.trim();
    if !name.starts_with(BUILD_PREFIX) || name.contains(['/', '\\']) {
        return None;
    }
    match SearchIndex::open(&root.join(name)) {
        Ok(index) => Some(index),
        Err(e) => {
            tracing::warn!(erreur = %e, "index de recherche illisible : reconstruction");
            None
        }
    }
}

impl Catalogue {
    /// The catalogue's index at `location`: the one on disk if it reflects
    /// the current generation, else a new one built now.
    pub async fn open(
        store: &Store,
        location: IndexLocation,
        sector: Sector,
    ) -> Result<Catalogue, SearchError> {
        if let IndexLocation::Dir(root) = &location {
            let root = root.clone();
            let existing = tokio::task::spawn_blocking(move || open_current(&root))
                .await
                .map_err(|e| SearchError::Task(e.to_string()))?;
            if let Some(index) = existing
                && index.generation() == store.catalogue_generation().await?
            {
                tracing::info!(
                    documents = index.len(),
                    generation = index.generation(),
                    "index de recherche à jour"
                );
                let suggestions = suggestions(store, &sector, index.generation()).await?;
                return Ok(Catalogue::with(index, suggestions, location, sector));
            }
        }
        Catalogue::build(store, location, sector).await
    }

    /// A new index of the catalogue at `location`, whatever is there.
    pub async fn build(
        store: &Store,
        location: IndexLocation,
        sector: Sector,
    ) -> Result<Catalogue, SearchError> {
        let (index, suggestions) = build(store, &location, &sector).await?;
        tracing::info!(
            documents = index.len(),
            generation = index.generation(),
            "index de recherche construit"
        );
        Ok(Catalogue::with(index, suggestions, location, sector))
    }

    fn with(
        index: SearchIndex,
        suggestions: Suggestions,
        location: IndexLocation,
        sector: Sector,
    ) -> Catalogue {
        Catalogue {
            current: RwLock::new(Arc::new(index)),
            suggestions: RwLock::new(Arc::new(suggestions)),
            location,
            sector,
            writing: Mutex::new(()),
        }
    }

    /// The index in use.
    pub fn index(&self) -> Arc<SearchIndex> {
        // A poisoned lock still holds a valid index: swaps cannot fail
        // half-way.
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The autocomplete's tables in use.
    pub fn suggestions(&self) -> Arc<Suggestions> {
        match self.suggestions.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn swap(&self, index: SearchIndex, suggestions: Suggestions) {
        let index = Arc::new(index);
        match self.current.write() {
            Ok(mut guard) => *guard = index,
            Err(poisoned) => *poisoned.into_inner() = index,
        }
        let suggestions = Arc::new(suggestions);
        match self.suggestions.write() {
            Ok(mut guard) => *guard = suggestions,
            Err(poisoned) => *poisoned.into_inner() = suggestions,
        }
    }

    /// Answers a search off the async threads, reading the text first: a
    /// commune at its end becomes the place searched around, a job title
    /// or a diploma word weighs the kinds of results, the dictionary's
    /// expressions match their equivalents.
    pub async fn search(&self, mut request: SearchRequest) -> Result<SearchResults, SearchError> {
        let index = self.index();
        let suggestions = self.suggestions();
        tokio::task::spawn_blocking(move || {
            let mut analyzers = index.analyzers();
            let understanding = understand(&request, &suggestions, &mut analyzers);
            if let Some(place) = &understanding.place
                && let Some(centre) = GeoPoint::from_columns(place.latitude, place.longitude)
            {
                request.near = Some(Near {
                    centre,
                    radius_km: request.place_radius_km.unwrap_or(DEFAULT_RADIUS_KM),
                });
            }
            index.search_understood(&request, &understanding, suggestions.dictionary())
        })
        .await
        .map_err(|e| SearchError::Task(e.to_string()))?
    }

    /// Rebuilds the index if the catalogue changed since it was built.
    /// Returns whether it did.
    pub async fn catch_up(&self, store: &Store) -> Result<bool, SearchError> {
        if store.catalogue_generation().await? <= self.index().generation() {
            return Ok(false);
        }
        let _writing = self.writing.lock().await;
        // Another caller may have caught up while this one waited.
        if store.catalogue_generation().await? <= self.index().generation() {
            return Ok(false);
        }
        let (index, suggestions) = build(store, &self.location, &self.sector).await?;
        tracing::info!(
            documents = index.len(),
            generation = index.generation(),
            "index de recherche reconstruit"
        );
        self.swap(index, suggestions);
        Ok(true)
    }

    /// Applies an edit of organisation `id` to the index at once. When the
    /// edit is the only change since the index was built, the index is
    /// then current; otherwise it keeps its older generation and the next
    /// [`Catalogue::catch_up`] rebuilds it.
    pub async fn organisation_changed(&self, store: &Store, id: i32) -> Result<(), SearchError> {
        let _writing = self.writing.lock().await;
        let generation = store.catalogue_generation().await?;
        let document = store.organisation_document(id).await?;
        let index = self.index();
        let reached = if generation == index.generation() + 1 {
            generation
        } else {
            index.generation()
        };
        tokio::task::spawn_blocking(move || index.upsert(&document, reached))
            .await
            .map_err(|e| SearchError::Task(e.to_string()))?
    }

    /// Applies an offer's change to this node's index at once: indexed
    /// while it takes applications, removed as soon as it no longer does
    /// (closed, filled, expired).
    pub async fn offre_changed(&self, store: &Store, id: i32) -> Result<(), SearchError> {
        let _writing = self.writing.lock().await;
        let generation = store.catalogue_generation().await?;
        let document = store.offre_document(id, &self.sector).await?;
        self.apply(generation, DocumentKind::Offre, id, document)
            .await
    }

    /// Applies a project's change to this node's index at once: indexed
    /// while it is public, removed as soon as it is not.
    pub async fn projet_changed(&self, store: &Store, id: i32) -> Result<(), SearchError> {
        let _writing = self.writing.lock().await;
        let generation = store.catalogue_generation().await?;
        let document = store.projet_document(id).await?;
        self.apply(generation, DocumentKind::Projet, id, document)
            .await
    }

    /// Applies an expert profile's change to this node's index at once:
    /// listed while in the directory, removed once withdrawn.
    pub async fn expert_changed(&self, store: &Store, id: i32) -> Result<(), SearchError> {
        let _writing = self.writing.lock().await;
        let generation = store.catalogue_generation().await?;
        let document = store.expert_document(id).await?;
        self.apply(generation, DocumentKind::Expert, id, document)
            .await
    }

    /// Applies a resource's change to this node's index at once: indexed
    /// while approved and public, removed as soon as it is not.
    pub async fn ressource_changed(&self, store: &Store, id: i32) -> Result<(), SearchError> {
        let _writing = self.writing.lock().await;
        let generation = store.catalogue_generation().await?;
        let document = store.ressource_document(id).await?;
        self.apply(generation, DocumentKind::Ressource, id, document)
            .await
    }

    /// Writes one document's new state (`None`: gone) read at catalogue
    /// `generation`, under the caller's write lock. The index reaches that
    /// generation only when it was the next one: otherwise another node's
    /// changes are still to catch up with, and the index keeps its own.
    async fn apply(
        &self,
        generation: u64,
        kind: DocumentKind,
        id: i32,
        document: Option<SearchDocument>,
    ) -> Result<(), SearchError> {
        let index = self.index();
        let reached = if generation == index.generation() + 1 {
            generation
        } else {
            index.generation()
        };
        let key = id.to_string();
        tokio::task::spawn_blocking(move || match document {
            Some(document) => index.upsert(&document, reached),
            None => index.remove(kind, &key, reached).map(|_| ()),
        })
        .await
        .map_err(|e| SearchError::Task(e.to_string()))?
    }

    /// Removes from this node's index the offers that expired since it was
    /// built: expiry is a date, not a write, so no change announces it.
    /// Returns how many were removed; an offer not indexed costs a lookup.
    pub async fn offres_expirees(&self, store: &Store) -> Result<usize, SearchError> {
        let expired = store.insertion().offres_expirees().await?;
        let mut removed = 0;
        for id in expired {
            let _writing = self.writing.lock().await;
            let index = self.index();
            let generation = index.generation();
            let key = id.to_string();
            let done = tokio::task::spawn_blocking(move || {
                index.remove(DocumentKind::Offre, &key, generation)
            })
            .await
            .map_err(|e| SearchError::Task(e.to_string()))??;
            removed += usize::from(done);
        }
        Ok(removed)
    }

    /// Catches up with the catalogue whenever another node's write is
    /// announced (PostgreSQL) and at least every `every`, until `stop`
    /// turns true.
    pub async fn watch(
        self: Arc<Self>,
        store: Store,
        every: Duration,
        mut stop: watch::Receiver<bool>,
    ) {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut changes = store.generation_changes().await;
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                () = changes.changed() => {}
                changed = stop.changed() => {
                    // A dropped sender means the server is gone too.
                    if changed.is_err() || *stop.borrow() {
                        return;
                    }
                    continue;
                }
            }
            if let Err(e) = self.catch_up(&store).await {
                tracing::warn!(erreur = %e, "mise à jour de l'index de recherche");
            }
        }
    }
}
