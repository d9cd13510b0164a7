//! Quotas of hours per organisation and month, and the utilisation of an
//! equipment as its managers see it: hours by organisation and by public,
//! the facts the campus's evaluation system reads.

use std::collections::BTreeMap;

use campus_domain::equipement::StatutReservation;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entity::{
    equipement_quota, equipement_quota_consommations, equipement_reservation, organisation,
};
use crate::{StoreError, audit};

/// Hours used of an organisation's quota in a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    pub minutes_par_mois: i32,
    pub minutes_utilisees: i32,
}

/// One confirmed booking in the utilisation export; no personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LigneUtilisation {
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
    pub minutes: i32,
    pub organisation: Option<String>,
    pub public: String,
    pub tarif: String,
}

/// Utilisation over a period: minutes by organisation (`None` = booked by
/// a person for themselves) and by public, and the bookings themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Utilisation {
    pub par_organisation: Vec<(Option<String>, i64)>,
    pub par_public: Vec<(String, i64)>,
    pub total_minutes: i64,
    pub lignes: Vec<LigneUtilisation>,
}

impl super::Equipements<'_> {
    /// Sets an organisation's monthly quota of booking time, for all the
    /// platform's equipment.
    pub async fn set_equipement_quota(
        &self,
        organisation_id: i32,
        minutes_par_mois: i32,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        equipement_quota::Entity::insert(equipement_quota::ActiveModel {
            organisation_id: Set(organisation_id),
            minutes_par_mois: Set(minutes_par_mois),
            updated_at: Set(self.now()),
        })
        .on_conflict(
            OnConflict::column(equipement_quota::Column::OrganisationId)
                .update_columns([
                    equipement_quota::Column::MinutesParMois,
                    equipement_quota::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "equipement.quota",
            &organisation_id.to_string(),
            &minutes_par_mois.to_string(),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The organisation's quota and its use in `periode` (`YYYY-MM`), if
    /// it has a quota.
    pub async fn equipement_quota(
        &self,
        organisation_id: i32,
        periode: &str,
    ) -> Result<Option<Quota>, StoreError> {
        let Some(quota) = equipement_quota::Entity::find_by_id(organisation_id)
            .one(self.conn())
            .await?
        else {
            return Ok(None);
        };
        let used = equipement_quota_consommations::Entity::find_by_id((
            organisation_id,
            periode.to_owned(),
        ))
        .one(self.conn())
        .await?
        .map_or(0, |u| u.minutes);
        Ok(Some(Quota {
            minutes_par_mois: quota.minutes_par_mois,
            minutes_utilisees: used,
        }))
    }

    /// Confirmed bookings of the equipment starting in `[from, to)`,
    /// summed by organisation and by public.
    pub async fn utilisation(
        &self,
        equipement_id: i32,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Utilisation, StoreError> {
        let rows = equipement_reservation::Entity::find()
            .filter(equipement_reservation::Column::EquipementId.eq(equipement_id))
            .filter(
                equipement_reservation::Column::Statut.eq(StatutReservation::Confirmee.as_str()),
            )
            .filter(equipement_reservation::Column::Debut.gte(from))
            .filter(equipement_reservation::Column::Debut.lt(to))
            .order_by_asc(equipement_reservation::Column::Debut)
            .all(self.conn())
            .await?;
        let org_ids: Vec<i32> = rows.iter().filter_map(|b| b.organisation_id).collect();
        let orgs: BTreeMap<i32, String> = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| (o.id, o.nom))
            .collect();
        let mut by_org: BTreeMap<Option<String>, i64> = BTreeMap::new();
        let mut by_public: BTreeMap<String, i64> = BTreeMap::new();
        let mut out = Utilisation::default();
        for b in rows {
            let org = b.organisation_id.and_then(|id| orgs.get(&id).cloned());
            let minutes = i64::from(b.minutes);
            *by_org.entry(org.clone()).or_default() += minutes;
            *by_public.entry(b.public.clone()).or_default() += minutes;
            out.total_minutes += minutes;
            out.lignes.push(LigneUtilisation {
                debut: b.debut,
                fin: b.fin,
                minutes: b.minutes,
                organisation: org,
                public: b.public,
                tarif: b.tarif,
            });
        }
        out.par_organisation = by_org.into_iter().collect();
        out.par_organisation.sort_by_key(|o| std::cmp::Reverse(o.1));
        out.par_public = by_public.into_iter().collect();
        out.par_public.sort_by_key(|p| std::cmp::Reverse(p.1));
        Ok(out)
    }
}

impl super::Equipements<'_> {
    /// Every organisation's quota, by organisation name.
    pub async fn list_equipement_quotas(&self) -> Result<Vec<(String, i32)>, StoreError> {
        let quotas = equipement_quota::Entity::find().all(self.conn()).await?;
        let names: BTreeMap<i32, String> = organisation::Entity::find()
            .filter(
                organisation::Column::Id
                    .is_in(quotas.iter().map(|q| q.organisation_id).collect::<Vec<_>>()),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| (o.id, o.nom))
            .collect();
        let mut out: Vec<(String, i32)> = quotas
            .into_iter()
            .filter_map(|q| {
                names
                    .get(&q.organisation_id)
                    .map(|n| (n.clone(), q.minutes_par_mois))
            })
            .collect();
        out.sort();
        Ok(out)
    }
}
