//! Individual training paths where people use them: the engine held in
//! memory by each node ([`engine`]), the request as the guided form and
//! the API give it ([`demande`]), the answer told in words ([`view`]) and
//! the pages that show them ([`pages`]). The routes live in
//! `routes::parcours`.

pub mod demande;
pub mod engine;
pub mod pages;
pub mod view;
