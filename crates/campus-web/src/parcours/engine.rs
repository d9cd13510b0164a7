//! The training-path engine as a serving node holds it: the referential,
//! the training units and their places, loaded from the database once and
//! shared by every request, then loaded again when the catalogue
//! generation moves (an import, an alignment, a curated link — on any
//! node). A plan costs milliseconds in memory; loading costs seconds, so
//! a request never rebuilds it, and only one request at a time reloads
//! while the others keep answering from the previous catalogue.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use campus_parcours::Referentiel;
use campus_parcours::adequation::IndexAdequation;
use campus_parcours::plan::{Unit, Units};
use campus_parcours_service::{ServiceError, UnitPlace};
use campus_store::{Store, StoreError};
use tokio::sync::Mutex;

/// One loaded catalogue.
#[derive(Debug)]
pub struct Loaded {
    /// The catalogue generation it was read at.
    pub generation: u64,
    pub referentiel: Referentiel,
    pub units: Units,
    /// Training and place of each unit, by the id its unit id starts with.
    pub places: HashMap<String, UnitPlace>,
    /// The skills' labels and the shortest units teaching each, for the
    /// fit of offers (built once per catalogue, read by every request).
    pub adequation: IndexAdequation,
}

impl Loaded {
    /// Where a unit takes place (its id is `session#code`).
    pub fn place(&self, unit: &Unit) -> Option<&UnitPlace> {
        let key = unit.id.split('#').next().unwrap_or_default();
        self.places.get(key)
    }
}

/// The node's engine: the current catalogue, and a lock that lets one
/// load run at a time.
#[derive(Default)]
pub struct Engine {
    current: Arc<RwLock<Option<Arc<Loaded>>>>,
    loading: Arc<Mutex<()>>,
}

fn peek(current: &RwLock<Option<Arc<Loaded>>>) -> Option<Arc<Loaded>> {
    // A writer panicking mid-swap leaves a whole `Option<Arc>` behind: the
    // value is still usable, so poisoning is ignored.
    current
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

impl Engine {
    /// Whether a catalogue has been loaded: until then the node is not
    /// ready (`/readyz`), since its first plan would wait for the load.
    pub fn is_loaded(&self) -> bool {
        peek(&self.current).is_some()
    }

    /// Loads the catalogue as the node starts, so that the first person
    /// asking for a plan does not wait for it; tries again after a failure
    /// (the database may come back) until it succeeds or the node stops.
    pub async fn warm_up(&self, store: &Store, mut stop: tokio::sync::watch::Receiver<bool>) {
        let mut delay = std::time::Duration::from_secs(1);
        loop {
            match self.current(store).await {
                Ok(_) => return,
                Err(e) => {
                    tracing::warn!(erreur = %e, "moteur de parcours : chargement à reprendre")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(delay) => {}
                _ = stop.wait_for(|stopped| *stopped) => return,
            }
            delay = (delay * 2).min(std::time::Duration::from_secs(30));
        }
    }

    /// The catalogue at the database's current generation: one integer
    /// read when nothing changed. A load runs in its own task: a request
    /// that gives up (time-out, closed connection) does not cancel it, so
    /// a slow load still ends and serves the requests after it.
    pub async fn current(&self, store: &Store) -> Result<Arc<Loaded>, ServiceError> {
        let generation = store.catalogue_generation().await?;
        if let Some(loaded) = peek(&self.current)
            && loaded.generation == generation
        {
            return Ok(loaded);
        }
        let one_loader = Arc::clone(&self.loading).lock_owned().await;
        if let Some(loaded) = peek(&self.current)
            && loaded.generation >= generation
        {
            return Ok(loaded);
        }
        let current = Arc::clone(&self.current);
        let store = store.clone();
        let task = tokio::spawn(async move {
            let _one_loader = one_loader;
            let loaded = Arc::new(load(&store, generation).await?);
            *current
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Arc::clone(&loaded));
            Ok::<_, ServiceError>(loaded)
        });
        task.await
            .map_err(|e| StoreError::Corrupt(format!("chargement du moteur de parcours : {e}")))?
    }
}

async fn load(store: &Store, generation: u64) -> Result<Loaded, ServiceError> {
    let catalogue = campus_parcours_service::load_catalogue(store).await?;
    let campus_parcours_service::TrainingUnits { units, places } =
        campus_parcours_service::training_units(store, &catalogue.referentiel).await?;
    tracing::info!(
        generation,
        unites = units.len(),
        "moteur de parcours chargé"
    );
    let adequation = IndexAdequation::new(&catalogue.referentiel, &units);
    Ok(Loaded {
        generation,
        referentiel: catalogue.referentiel,
        units,
        places,
        adequation,
    })
}
