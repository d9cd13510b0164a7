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
mod dictionary;
mod error;
mod highlight;
mod index;
mod query;
pub mod relevance;
mod request;
mod schema;
mod suggest;
mod understand;

pub use catalogue::{Catalogue, IndexLocation, load_suggestions};
pub use dictionary::{Dictionary, DictionaryError, Group, MAX_EXPRESSION_CHARS, MAX_EXPRESSIONS};
pub use error::SearchError;
pub use index::SearchIndex;
pub use request::{
    DEFAULT_RADIUS_KM, Facets, Hit, MAX_PER_PAGE, Near, PER_PAGE, SearchRequest, SearchResults,
};
pub use suggest::{AppellationSuggestion, CommuneSuggestion, Suggestions};
pub use understand::Understanding;
