//! Integration tests of the imports, on the embedded subset and, where it
//! is there, the national data of `../shared/data`
//! (SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`): one test binary
//! for the crate, one module per referential.

mod affelnet;
mod all;
mod bcn_onisep;
mod certifications;
mod communes;
mod equipements;
mod esr;
mod formacode;
mod inserjeunes;
mod lheo;
mod lheo_export;
mod offres;
mod parcours;
mod personas;
mod rncp_xml;
mod rome;
mod sous_ensemble;
