//! Schema migrations, the same on SQLite and PostgreSQL.
//!
//! Migrations are only ever added, never edited once released: a node
//! started on an older database brings it forward on start.

use sea_orm_migration::prelude::*;

mod m20261124_000001_foundation;
mod m20261124_000002_rome;
mod m20261124_000003_certifications;
mod m20261124_000004_communes;
mod m20261124_000005_formacode;
mod m20261125_000001_formations;
mod m20261125_000002_referentiels;
mod m20261125_000003_search;
mod m20261125_000004_rome_classements;
mod m20261125_000005_parcours;
mod m20261126_000001_events;
mod m20261126_000002_equipment;
mod m20261126_000003_modules;
mod m20261126_000004_parcours_plans;
mod m20261127_000001_rattachements;
mod m20261205_000001_jetons_ical;
mod m20261205_000002_vocabulaire;
mod m20261205_000003_limites;
mod m20261206_000001_conservation;
mod m20261206_000002_federation;
mod m20261206_000003_correspondances;
mod m20261206_000004_kit_apprentissage;
mod m20261206_000005_affelnet;
mod m20261206_000006_recherche;
mod m20261207_000001_insertion;
mod m20261208_000001_projets;
mod m20261208_000002_expertise;
mod m20261208_000003_equipement_gestion;
mod m20261209_000001_ressources;
mod m20261209_000002_actualites;
mod m20261209_000003_mobilite;
mod m20261209_000004_inserjeunes;
mod m20261209_000005_orion;
mod m20261210_000002_indicateurs;
mod m20261210_000003_rapports;
mod m20261211_000001_parcours_calculs;

pub(crate) struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_foundation::Migration),
            Box::new(m20261124_000002_rome::Migration),
            Box::new(m20261124_000003_certifications::Migration),
            Box::new(m20261124_000004_communes::Migration),
            Box::new(m20261124_000005_formacode::Migration),
            Box::new(m20261125_000001_formations::Migration),
            Box::new(m20261125_000002_referentiels::Migration),
            Box::new(m20261125_000003_search::Migration),
            Box::new(m20261125_000004_rome_classements::Migration),
            Box::new(m20261125_000005_parcours::Migration),
            Box::new(m20261126_000001_events::Migration),
            Box::new(m20261126_000002_equipment::Migration),
            Box::new(m20261126_000003_modules::Migration),
            Box::new(m20261126_000004_parcours_plans::Migration),
            Box::new(m20261127_000001_rattachements::Migration),
            Box::new(m20261205_000001_jetons_ical::Migration),
            Box::new(m20261205_000002_vocabulaire::Migration),
            Box::new(m20261205_000003_limites::Migration),
            Box::new(m20261206_000001_conservation::Migration),
            Box::new(m20261206_000002_federation::Migration),
            Box::new(m20261206_000003_correspondances::Migration),
            Box::new(m20261206_000004_kit_apprentissage::Migration),
            Box::new(m20261206_000005_affelnet::Migration),
            Box::new(m20261206_000006_recherche::Migration),
            Box::new(m20261207_000001_insertion::Migration),
            Box::new(m20261208_000001_projets::Migration),
            Box::new(m20261208_000002_expertise::Migration),
            Box::new(m20261208_000003_equipement_gestion::Migration),
            Box::new(m20261209_000001_ressources::Migration),
            Box::new(m20261209_000002_actualites::Migration),
            Box::new(m20261209_000003_mobilite::Migration),
            Box::new(m20261209_000004_inserjeunes::Migration),
            Box::new(m20261209_000005_orion::Migration),
            Box::new(m20261210_000002_indicateurs::Migration),
            Box::new(m20261210_000003_rapports::Migration),
            Box::new(m20261211_000001_parcours_calculs::Migration),
        ]
    }
}

/// Creates the index `name` on `columns` of `table`.
pub(super) async fn index<T: IntoIden + Copy + 'static, C: IntoIden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    columns: &[C],
) -> Result<(), DbErr> {
    let mut statement = Index::create();
    statement.name(name).table(table);
    for column in columns {
        statement.col(*column);
    }
    manager.create_index(statement.to_owned()).await
}
