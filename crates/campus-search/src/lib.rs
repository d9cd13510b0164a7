//! Search over the catalogue: French full text with typo tolerance, facets
//! with counts, distance from a place, highlighted extracts.
//!
//! The index is built from the database (every kind of document through
//! its producer in the data layer) and kept on the local disk of each node,
//! or in memory in tests. Beside it, each node holds the autocomplete's
//! tables of job titles and communes in memory. The database is the reference: a node whose index
//! is missing or older than the catalogue rebuilds it, see [`Catalogue`].

mod analyzer;
mod catalogue;
mod codes;
mod collector;
mod error;
mod highlight;
mod index;
mod query;
mod request;
mod schema;
mod suggest;

pub use catalogue::{Catalogue, IndexLocation};
pub use error::SearchError;
pub use index::SearchIndex;
pub use request::{Facets, Hit, MAX_PER_PAGE, Near, PER_PAGE, SearchRequest, SearchResults};
pub use suggest::{AppellationSuggestion, CommuneSuggestion, Suggestions};
