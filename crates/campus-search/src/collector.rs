//! Collects every match with its facet values and place, read from the
//! fast fields, so that filtering, facet counting, distance sorting and
//! paging happen in one pass over plain memory.

use campus_domain::GeoPoint;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A matching document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match {
    pub address: DocAddress,
    pub score: Score,
    pub kind: u64,
    pub niveau: u64,
    pub modalites: u64,
    pub departement: u64,
    pub secteur: bool,
    pub position: Option<GeoPoint>,
}

/// Score factor of the documents of the campus's sector: the platform
/// serves this sector first, so between two equally good answers its own
/// comes first; a clearly better answer from elsewhere still wins.
const SECTOR_BOOST: Score = 1.25;

/// Score factor of a certification no longer in force: its successor, or
/// an active one, is what people look for; it stays findable below them.
const SUPERSEDED: Score = 0.5;

/// Collects the matches, weighing each kind of document by what the query
/// reads as asked for (see [`crate::understand::Understanding`]).
pub(crate) struct Matches {
    /// Score factor per kind code ([`crate::codes::kind_code`]).
    pub kind_weights: [Score; 9],
}

impl Matches {
    /// Every kind weighed alike.
    pub(crate) const PLAIN: Matches = Matches {
        kind_weights: [1.0; 9],
    };

    /// The weight of a kind (by its code).
    pub(crate) fn weight(&self, kind: u64) -> Score {
        weight(&self.kind_weights, kind)
    }
}

pub(crate) struct SegmentMatches {
    segment: SegmentOrdinal,
    kind: Column<u64>,
    niveau: Column<u64>,
    modalites: Column<u64>,
    departement: Column<u64>,
    secteur: Column<u64>,
    lat: Column<f64>,
    lon: Column<f64>,
    en_vigueur: Column<u64>,
    kind_weights: [Score; 9],
    found: Vec<Match>,
}

impl Collector for Matches {
    type Fruit = Vec<Match>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        let fast = reader.fast_fields();
        Ok(SegmentMatches {
            segment,
            kind: fast.u64("kind")?,
            niveau: fast.u64("niveau")?,
            modalites: fast.u64("modalites")?,
            departement: fast.u64("departement")?,
            secteur: fast.u64("secteur")?,
            lat: fast.f64("lat")?,
            lon: fast.f64("lon")?,
            en_vigueur: fast.u64("en_vigueur")?,
            kind_weights: self.kind_weights,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

fn weight(weights: &[Score; 9], kind: u64) -> Score {
    usize::try_from(kind)
        .ok()
        .and_then(|k| weights.get(k))
        .copied()
        .unwrap_or(1.0)
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let secteur = self.secteur.first(doc).unwrap_or_default() == 1;
        let kind = self.kind.first(doc).unwrap_or_default();
        let mut score = score * weight(&self.kind_weights, kind);
        if secteur {
            score *= SECTOR_BOOST;
        }
        if self.en_vigueur.first(doc) == Some(0) {
            score *= SUPERSEDED;
        }
        self.found.push(Match {
            address: DocAddress::new(self.segment, doc),
            score,
            kind,
            niveau: self.niveau.first(doc).unwrap_or_default(),
            modalites: self.modalites.first(doc).unwrap_or_default(),
            departement: self.departement.first(doc).unwrap_or_default(),
            secteur,
            position: GeoPoint::from_columns(self.lat.first(doc), self.lon.first(doc)),
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.found
    }
}
