//! Integration tests of the campus platform, run against a real server and
//! a real database (SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod actualites;
mod actualites_browser;
mod api;
mod authz_matrix;
mod browser;
mod devenirs;
mod donnees_personnelles;
mod equipements;
mod equipements_gestion;
mod evaluation;
mod evaluation_browser;
mod evenements;
mod evenements_browser;
mod expertise;
mod federation;
mod formations;
mod indicateurs;
mod insertion;
mod insertion_browser;
mod metiers;
mod mobilite;
mod mobilite_browser;
mod modules;
mod modules_browser;
mod nodes;
mod oidc_provider;
mod organisations;
mod parcours;
mod platform;
mod projets;
mod reseau_browser;
mod ressources;
mod ressources_browser;
mod search;
mod sous_ensemble;
mod testkit;
