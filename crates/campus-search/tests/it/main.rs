//! Integration tests of the search: the engine on hand-made documents, and
//! the catalogue built from the real referentials of `../shared/data`.

mod catalogue;
mod engine;
