//! One vocabulary: the tables of the events, equipment, modules, paths and
//! membership features take the names the README's glossary gives them —
//! domain terms in French as the referentials write them, machinery in
//! English. Rows, keys and indexes stay as they are; only names change, on
//! both backends with the same `ALTER TABLE … RENAME` statements.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

/// Old table name → glossary name.
const TABLES: [(&str, &str); 22] = [
    ("events", "evenements"),
    ("event_registrations", "evenement_inscriptions"),
    ("event_feedback", "evenement_avis"),
    ("equipments", "equipements"),
    ("equipment_bookings", "equipement_reservations"),
    ("equipment_maintenances", "equipement_maintenances"),
    ("equipment_managers", "equipement_gestionnaires"),
    ("equipment_quotas", "equipement_quotas"),
    ("equipment_quota_use", "equipement_quota_consommations"),
    ("equipment_slots", "equipement_creneaux"),
    ("memberships", "organisation_membres"),
    ("rome_skills", "rome_competences"),
    ("rome_fiche_skills", "rome_fiche_competences"),
    ("bloc_skill_links", "bloc_competence_liens"),
    ("parcours_plans", "parcours_enregistres"),
    ("parcours_supports", "parcours_accompagnements"),
    ("module_events", "module_historique"),
    ("module_proposals", "module_propositions"),
    ("module_requests", "module_demandes"),
    ("module_routings", "module_orientations"),
    ("module_topics", "module_thematiques"),
    ("module_trainees", "module_stagiaires"),
];

/// (table under its new name, old column, new column): the keys that
/// point to a renamed table follow its name.
const COLUMNS: [(&str, &str, &str); 8] = [
    ("evenement_inscriptions", "event_id", "evenement_id"),
    ("evenement_avis", "event_id", "evenement_id"),
    ("evenement_avis", "registration_id", "inscription_id"),
    ("equipement_reservations", "equipment_id", "equipement_id"),
    ("equipement_maintenances", "equipment_id", "equipement_id"),
    ("equipement_gestionnaires", "equipment_id", "equipement_id"),
    ("equipement_creneaux", "equipment_id", "equipement_id"),
    ("equipement_creneaux", "booking_id", "reservation_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (old, new) in TABLES {
            db.execute_unprepared(&format!("ALTER TABLE {old} RENAME TO {new}"))
                .await?;
        }
        for (table, old, new) in COLUMNS {
            db.execute_unprepared(&format!("ALTER TABLE {table} RENAME COLUMN {old} TO {new}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (table, old, new) in COLUMNS {
            db.execute_unprepared(&format!("ALTER TABLE {table} RENAME COLUMN {new} TO {old}"))
                .await?;
        }
        for (old, new) in TABLES {
            db.execute_unprepared(&format!("ALTER TABLE {new} RENAME TO {old}"))
                .await?;
        }
        Ok(())
    }
}
