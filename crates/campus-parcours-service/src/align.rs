//! An alignment run: every bloc of the catalogue aligned to the ROME
//! skills, the computed links replaced in the store in one transaction
//! (the team's decisions stay), and the referential linked as the engine
//! will use it.

use campus_parcours::align::{AlignParams, CompetenceIndex, Link, align};
use campus_store::Store;
use campus_store::parcours::{LienBlocCompetence, StoredAlignment};

use crate::ServiceError;
use crate::catalogue::{Catalogue, load_catalogue, retained};

/// The catalogue with the links retained after an alignment (the new
/// computed ones merged with the team's decisions), ready for plans.
#[derive(Debug)]
pub struct Alignment {
    pub catalogue: Catalogue,
    pub stored: StoredAlignment,
    /// The links the engine now uses.
    pub links: Vec<Link>,
}

/// Aligns every bloc of the catalogue to the ROME skills, replaces the
/// computed links, and returns the referential linked with the links
/// retained.
pub async fn align_catalogue(
    store: &Store,
    params: AlignParams,
) -> Result<Alignment, ServiceError> {
    let mut catalogue = load_catalogue(store).await?;
    let index = CompetenceIndex::new(&catalogue.referentiel);
    let computed = align(&catalogue.referentiel, &index, &catalogue.blocs, params)?;
    let rows: Vec<LienBlocCompetence> = computed.iter().map(row).collect();
    let stored = store.parcours().replace_computed_links(&rows).await?;
    let links = retained(store.parcours().list_links().await?);
    catalogue.referentiel.link_blocs(&links);
    Ok(Alignment {
        catalogue,
        stored,
        links,
    })
}

/// A computed link as the store keeps it.
fn row(link: &Link) -> LienBlocCompetence {
    LienBlocCompetence {
        bloc: link.bloc.clone(),
        code_ogr: link.skill.0,
        score: f64::from(link.score),
        origin: link.origin,
        scope: link.scope,
        removed: false,
    }
}
