//! The technology platform's use by a project: equipment bookings and
//! on-demand modules attached to it, so that the platform's hours are
//! counted per project.

use campus_domain::equipement::StatutReservation;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::ecriture::record;
use super::{Fait, Projets};
use crate::StoreError;
use crate::entity::{projet_module, projet_reservation};
use crate::equipements::ReservationVue;
use crate::modules::ModuleRequest;

/// What a project used of the platform.
#[derive(Debug, Clone, PartialEq)]
pub struct UtilisationProjet {
    pub reservations: Vec<ReservationVue>,
    /// Minutes of the confirmed bookings.
    pub minutes_confirmees: i64,
    pub modules: Vec<ModuleRequest>,
}

impl Projets<'_> {
    /// Attaches booking `reservation_id` to the project; a booking counts
    /// for one project only (its primary key), so attaching it twice is a
    /// conflict.
    pub async fn rattacher_reservation(
        &self,
        projet_id: i32,
        reservation_id: i32,
        acteur: i32,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        projet_reservation::ActiveModel {
            reservation_id: Set(reservation_id),
            projet_id: Set(projet_id),
        }
        .insert(&txn)
        .await?;
        let detail = reservation_id.to_string();
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::ReservationRattachee,
            &detail,
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Attaches on-demand module request `module_demande_id` to the
    /// project, for one project only.
    pub async fn rattacher_module(
        &self,
        projet_id: i32,
        module_demande_id: i32,
        acteur: i32,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        projet_module::ActiveModel {
            module_demande_id: Set(module_demande_id),
            projet_id: Set(projet_id),
        }
        .insert(&txn)
        .await?;
        let detail = module_demande_id.to_string();
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::ModuleRattache,
            &detail,
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The bookings and modules attached to the project.
    pub async fn utilisation(&self, projet_id: i32) -> Result<UtilisationProjet, StoreError> {
        let mut reservations = Vec::new();
        for r in projet_reservation::Entity::find()
            .filter(projet_reservation::Column::ProjetId.eq(projet_id))
            .all(self.conn())
            .await?
        {
            reservations.push(self.equipements().reservation(r.reservation_id).await?);
        }
        reservations.sort_by_key(|r| r.debut);
        let minutes_confirmees = reservations
            .iter()
            .filter(|r| r.statut == StatutReservation::Confirmee)
            .map(|r| i64::from(r.minutes))
            .sum();
        let mut modules = Vec::new();
        for m in projet_module::Entity::find()
            .filter(projet_module::Column::ProjetId.eq(projet_id))
            .all(self.conn())
            .await?
        {
            modules.push(self.modules().module_demande(m.module_demande_id).await?);
        }
        Ok(UtilisationProjet {
            reservations,
            minutes_confirmees,
            modules,
        })
    }

    /// The bookings and module requests already attached to a project,
    /// among `reservations` and `modules`: those a form must not offer.
    pub async fn deja_rattaches(
        &self,
        reservations: &[i32],
        modules: &[i32],
    ) -> Result<(Vec<i32>, Vec<i32>), StoreError> {
        let r = projet_reservation::Entity::find()
            .filter(projet_reservation::Column::ReservationId.is_in(reservations.iter().copied()))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|r| r.reservation_id)
            .collect();
        let m = projet_module::Entity::find()
            .filter(projet_module::Column::ModuleDemandeId.is_in(modules.iter().copied()))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|m| m.module_demande_id)
            .collect();
        Ok((r, m))
    }
}
