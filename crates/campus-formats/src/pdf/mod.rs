//! What every PDF the platform writes shares: the two standard fonts
//! Helvetica and Helvetica-Bold in the WinAnsi encoding ([`helvetica`]),
//! and the assembly of pages into a document whose bytes depend on its
//! content only ([`document`]).
//!
//! Standard fonts need no font file: every PDF reader has them, and
//! WinAnsi holds every letter of French (é, è, ê, à, ç, œ, « »).

pub mod document;
pub mod helvetica;

pub use document::{Metadonnees, assembler};
pub use helvetica::{Police, couper, winansi};
