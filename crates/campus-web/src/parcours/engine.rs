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
use campus_parcours::plan::Unit;
use campus_store::parcours::UnitPlace;
use campus_store::{Store, StoreError};
use tokio::sync::Mutex;

/// One loaded catalogue.
#[derive(Debug)]
pub struct Loaded {
    /// The catalogue generation it was read at.
    pub generation: u64,
    pub referentiel: Referentiel,
    pub units: Vec<Unit>,
    /// Training and place of each unit, by the id its unit id starts with.
    pub places: HashMap<String, UnitPlace>,
}

impl Loaded {
    /// Where a unit takes place (its id is `session#code`).
    pub fn place(&self, unit: &Unit) -> Option<&UnitPlace> {
        let key = unit.id.split('#').next().unwrap_or_default();
        self.places.get(key)
    }
}

/// The node's engine: the current catalogue, and a lock that lets one
/// request load a newer one.
#[derive(Default)]
pub struct Engine {
    current: RwLock<Option<Arc<Loaded>>>,
    loading: Mutex<()>,
}

impl Engine {
    fn peek(&self) -> Option<Arc<Loaded>> {
        // A writer panicking mid-swap leaves a whole `Option<Arc>` behind:
        // the value is still usable, so poisoning is ignored.
        self.current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The catalogue at the database's current generation: one integer
    /// read when nothing changed.
    pub async fn current(&self, store: &Store) -> Result<Arc<Loaded>, StoreError> {
        let generation = store.catalogue_generation().await?;
        if let Some(loaded) = self.peek()
            && loaded.generation == generation
        {
            return Ok(loaded);
        }
        let _one_loader = self.loading.lock().await;
        if let Some(loaded) = self.peek()
            && loaded.generation >= generation
        {
            return Ok(loaded);
        }
        let catalogue = store.parcours_catalogue().await?;
        let units = store.training_units(&catalogue.referentiel).await?;
        let places = store.training_unit_places().await?;
        tracing::info!(
            generation,
            unites = units.len(),
            "moteur de parcours chargé"
        );
        let loaded = Arc::new(Loaded {
            generation,
            referentiel: catalogue.referentiel,
            units,
            places,
        });
        *self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Arc::clone(&loaded));
        Ok(loaded)
    }
}
