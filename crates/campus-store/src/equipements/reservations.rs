//! Bookings of equipment and maintenance windows.
//!
//! How two bookings of the same time are kept apart, on SQLite and
//! PostgreSQL, by any number of nodes: every booking (and every maintenance
//! window) writes one row per slot unit it occupies into `equipement_creneaux`,
//! whose primary key is (equipment, unit start). The database refuses the
//! second writer of a unit, whatever the application believed; overlapping
//! requests that differ in start or length share at least one unit, and
//! adjacent ones share none.
//!
//! Each transaction first raises the equipment's `verrou` counter with a
//! conditional update (`… WHERE statut = 'en_service'`). That single write
//! serialises the bookings of one equipment: on PostgreSQL it takes the
//! row's lock, so concurrent multi-row slot inserts never deadlock; on
//! SQLite, being the first statement, it takes the write lock before
//! anything is read, so no transaction has to upgrade a stale read
//! snapshot (which SQLite would refuse at once instead of waiting). It also
//! re-checks, at the moment of writing, that the equipment is in service.
//!
//! A refusal or failure at any step drops the transaction: the counter,
//! the quota, the booking, its units, the audit line and the e-mails go or
//! stay together.

use campus_domain::equipement::{
    CategorieEquipement, Creneau, MINUTES_PAR_CRENEAU, StatutEquipement, StatutReservation, Tarif,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::habilitations;
use crate::entity::{
    equipement, equipement_creneau, equipement_maintenance, equipement_quota,
    equipement_quota_consommations, equipement_reservation, organisation, user,
};
use crate::outbox::{self, OutgoingMail};
use crate::{StoreError, audit};

/// A booking request, validated by the caller (slot within opening hours,
/// in the future).
#[derive(Clone, Debug)]
pub struct DemandeReservation {
    pub equipement_id: i32,
    pub user_id: i32,
    /// The organisation the booking is made for (and counted against).
    pub organisation_id: Option<i32>,
    /// Who booked, for the evaluation: the learner's situation or the role.
    pub public: String,
    pub tarif: Tarif,
    pub creneau: Creneau,
    pub objet: String,
}

/// Why a booking is refused. Each has a message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refus {
    /// The equipment is under maintenance or out of service.
    Indisponible,
    /// The slot overlaps a maintenance window.
    Maintenance,
    /// No habilitation for the equipment's category.
    SansHabilitation,
    /// The habilitation expired on that date, before the slot.
    HabilitationExpiree(NaiveDate),
    /// The organisation's quota of the month would be exceeded; the
    /// minutes still available.
    Quota { restant_minutes: i32 },
    /// Another booking holds part of the slot.
    Conflit,
}

impl Refus {
    pub fn message_key(&self) -> &'static str {
        match self {
            Refus::Indisponible => "reservation-unavailable",
            Refus::Maintenance => "reservation-maintenance",
            Refus::SansHabilitation => "reservation-no-habilitation",
            Refus::HabilitationExpiree(_) => "reservation-habilitation-expired",
            Refus::Quota { .. } => "reservation-quota-exceeded",
            Refus::Conflit => "reservation-conflict",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReservationError {
    #[error("réservation refusée : {0:?}")]
    Refusee(Refus),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ReservationError {
    fn from(err: sea_orm::DbErr) -> Self {
        ReservationError::Store(err.into())
    }
}

/// A booking as listed to its author, to managers and on calendars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReservationVue {
    pub id: i32,
    pub equipement_id: i32,
    pub equipement_slug: String,
    pub equipement_nom: String,
    pub user_id: i32,
    pub user_nom: String,
    pub user_email: String,
    pub organisation_nom: Option<String>,
    pub public: String,
    pub tarif: Tarif,
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
    pub minutes: i32,
    pub statut: StatutReservation,
    pub objet: String,
}

/// A time range taken on an equipment's calendar; no personal data, as the
/// calendar is public.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occupation {
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
    pub maintenance: bool,
    /// A booking still waiting for approval.
    pub en_attente: bool,
}

/// Takes the equipment's booking lock (see the module's documentation).
/// `en_service_only` also requires the equipment to be bookable. A retired
/// equipment is never locked: it takes no booking, maintenance or photo.
pub(super) async fn lock_equipement(
    txn: &DatabaseTransaction,
    equipement_id: i32,
    en_service_only: bool,
) -> Result<bool, StoreError> {
    let mut update = equipement::Entity::update_many()
        .col_expr(
            equipement::Column::Verrou,
            Expr::col(equipement::Column::Verrou).add(1),
        )
        .filter(equipement::Column::Id.eq(equipement_id))
        .filter(equipement::Column::RetireLe.is_null());
    if en_service_only {
        update = update.filter(equipement::Column::Statut.eq(StatutEquipement::EnService.as_str()));
    }
    Ok(update.exec(txn).await?.rows_affected == 1)
}

/// Counts `minutes` against the organisation's quota of `periode`, if it
/// has one; returns the minutes counted. The increment is conditional on
/// staying within the limit, so concurrent bookings cannot overrun it.
async fn consume_quota(
    txn: &DatabaseTransaction,
    organisation_id: i32,
    periode: &str,
    minutes: i32,
) -> Result<i32, ReservationError> {
    let Some(quota) = equipement_quota::Entity::find_by_id(organisation_id)
        .one(txn)
        .await?
    else {
        return Ok(0);
    };
    equipement_quota_consommations::Entity::insert(equipement_quota_consommations::ActiveModel {
        organisation_id: Set(organisation_id),
        periode: Set(periode.to_owned()),
        minutes: Set(0),
    })
    .on_conflict(
        OnConflict::columns([
            equipement_quota_consommations::Column::OrganisationId,
            equipement_quota_consommations::Column::Periode,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    let limit = quota.minutes_par_mois;
    let taken = equipement_quota_consommations::Entity::update_many()
        .col_expr(
            equipement_quota_consommations::Column::Minutes,
            Expr::col(equipement_quota_consommations::Column::Minutes).add(minutes),
        )
        .filter(equipement_quota_consommations::Column::OrganisationId.eq(organisation_id))
        .filter(equipement_quota_consommations::Column::Periode.eq(periode))
        .filter(Expr::col(equipement_quota_consommations::Column::Minutes).lte(limit - minutes))
        .exec(txn)
        .await?
        .rows_affected;
    if taken == 1 {
        return Ok(minutes);
    }
    let used =
        equipement_quota_consommations::Entity::find_by_id((organisation_id, periode.to_owned()))
            .one(txn)
            .await?
            .map_or(0, |u| u.minutes);
    Err(ReservationError::Refusee(Refus::Quota {
        restant_minutes: Ord::max(limit - used, 0),
    }))
}

/// Gives back the minutes a booking counted against its quota.
async fn release_quota(
    txn: &DatabaseTransaction,
    booking: &equipement_reservation::Model,
) -> Result<(), StoreError> {
    if let (Some(org), m) = (booking.organisation_id, booking.quota_minutes)
        && m > 0
    {
        equipement_quota_consommations::Entity::update_many()
            .col_expr(
                equipement_quota_consommations::Column::Minutes,
                Expr::col(equipement_quota_consommations::Column::Minutes).sub(m),
            )
            .filter(equipement_quota_consommations::Column::OrganisationId.eq(org))
            .filter(equipement_quota_consommations::Column::Periode.eq(booking.periode.as_str()))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// The start of each unit of `[debut, fin)`, the range widened to unit
/// boundaries.
fn units_covering(debut: DateTime<Utc>, fin: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let unit = i64::from(MINUTES_PAR_CRENEAU) * 60;
    let first = debut.timestamp().div_euclid(unit) * unit;
    let mut out = Vec::new();
    let mut at = first;
    while at < fin.timestamp() {
        if let Some(t) = DateTime::from_timestamp(at, 0) {
            out.push(t);
        }
        at += unit;
    }
    out
}

async fn maintenance_overlaps(
    txn: &DatabaseTransaction,
    equipement_id: i32,
    debut: DateTime<Utc>,
    fin: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(equipement_maintenance::Entity::find()
        .filter(equipement_maintenance::Column::EquipementId.eq(equipement_id))
        .filter(equipement_maintenance::Column::Debut.lt(fin))
        .filter(equipement_maintenance::Column::Fin.gt(debut))
        .one(txn)
        .await?
        .is_some())
}

fn vue(
    b: equipement_reservation::Model,
    eq: &equipement::Model,
    person: Option<&user::Model>,
    org: Option<&organisation::Model>,
) -> Result<ReservationVue, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("réservation {} : {what}", b.id));
    Ok(ReservationVue {
        id: b.id,
        equipement_id: eq.id,
        equipement_slug: eq.slug.clone(),
        equipement_nom: eq.nom.clone(),
        user_id: b.user_id,
        user_nom: person.map(|u| u.display_name.clone()).unwrap_or_default(),
        user_email: person.map(|u| u.email.clone()).unwrap_or_default(),
        organisation_nom: org.map(|o| o.nom.clone()),
        tarif: Tarif::parse(&b.tarif).map_err(|_| corrupt("tarif"))?,
        statut: StatutReservation::parse(&b.statut).map_err(|_| corrupt("statut"))?,
        public: b.public,
        debut: b.debut,
        fin: b.fin,
        minutes: b.minutes,
        objet: b.objet,
    })
}

impl super::Equipements<'_> {
    /// Books a slot: in one transaction, checks the equipment is in
    /// service, the slot clear of maintenance, the person's habilitation
    /// valid on the day and the organisation's quota, then writes the
    /// booking and its slot units and queues `mails`. The booking is
    /// pending when the equipment needs its manager's approval, confirmed
    /// otherwise.
    pub async fn reserve_equipement(
        &self,
        demande: DemandeReservation,
        mails: Vec<OutgoingMail>,
    ) -> Result<ReservationVue, ReservationError> {
        let c = demande.creneau;
        let minutes = i32::try_from(c.minutes())
            .map_err(|_| StoreError::Corrupt("durée de réservation hors limites".to_owned()))?;
        let txn = self.write().await?;
        if !lock_equipement(&txn, demande.equipement_id, true).await? {
            equipement::Entity::find_by_id(demande.equipement_id)
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Err(ReservationError::Refusee(Refus::Indisponible));
        }
        let eq = equipement::Entity::find_by_id(demande.equipement_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if maintenance_overlaps(&txn, eq.id, c.debut, c.fin).await? {
            return Err(ReservationError::Refusee(Refus::Maintenance));
        }
        if eq.habilitation_requise {
            let categorie = CategorieEquipement::parse(&eq.categorie)
                .map_err(|_| StoreError::Corrupt(format!("équipement {} : catégorie", eq.id)))?;
            match habilitations::find(&txn, demande.user_id, categorie).await? {
                None => return Err(ReservationError::Refusee(Refus::SansHabilitation)),
                Some(h) if h.expire_le < c.date => {
                    return Err(ReservationError::Refusee(Refus::HabilitationExpiree(
                        h.expire_le,
                    )));
                }
                Some(_) => {}
            }
        }
        let quota_minutes = match demande.organisation_id {
            Some(org) => consume_quota(&txn, org, &c.periode(), minutes).await?,
            None => 0,
        };
        let statut = if eq.approbation_requise {
            StatutReservation::EnAttente
        } else {
            StatutReservation::Confirmee
        };
        let now = self.now();
        let booking = equipement_reservation::ActiveModel {
            equipement_id: Set(eq.id),
            user_id: Set(demande.user_id),
            organisation_id: Set(demande.organisation_id),
            public: Set(demande.public.chars().take(32).collect()),
            tarif: Set(demande.tarif.as_str().to_owned()),
            debut: Set(c.debut),
            fin: Set(c.fin),
            minutes: Set(minutes),
            quota_minutes: Set(quota_minutes),
            periode: Set(c.periode()),
            statut: Set(statut.as_str().to_owned()),
            objet: Set(demande.objet.chars().take(500).collect()),
            decided_by: Set(None),
            decided_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let units = c
            .unites()
            .into_iter()
            .map(|debut| equipement_creneau::ActiveModel {
                equipement_id: Set(eq.id),
                debut: Set(debut),
                reservation_id: Set(Some(booking.id)),
                maintenance_id: Set(None),
            });
        if let Err(err) = equipement_creneau::Entity::insert_many(units)
            .exec_without_returning(&txn)
            .await
        {
            return Err(match StoreError::from(err) {
                StoreError::Conflict(_) => ReservationError::Refusee(Refus::Conflit),
                other => ReservationError::Store(other),
            });
        }
        audit::record(
            &txn,
            self.now(),
            Some(demande.user_id),
            "reservation.create",
            &format!("{}/{}", eq.slug, booking.id),
            statut.as_str(),
        )
        .await?;
        outbox::enqueue(&txn, mails, self.now()).await?;
        txn.commit().await?;
        Ok(self.reservation(booking.id).await?)
    }

    /// One booking, with its equipment and people.
    pub async fn reservation(&self, id: i32) -> Result<ReservationVue, StoreError> {
        let b = equipement_reservation::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.vues(vec![b])
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    async fn vues(
        &self,
        rows: Vec<equipement_reservation::Model>,
    ) -> Result<Vec<ReservationVue>, StoreError> {
        let eq_ids: Vec<i32> = rows.iter().map(|b| b.equipement_id).collect();
        let user_ids: Vec<i32> = rows.iter().map(|b| b.user_id).collect();
        let org_ids: Vec<i32> = rows.iter().filter_map(|b| b.organisation_id).collect();
        let eqs = crate::load::by_keys::<equipement::Entity, _, _, _>(
            self.conn(),
            equipement::Column::Id,
            eq_ids,
            |e| e.id,
        )
        .await?;
        let users = crate::load::by_keys::<user::Entity, _, _, _>(
            self.conn(),
            user::Column::Id,
            user_ids,
            |u| u.id,
        )
        .await?;
        let orgs = crate::load::by_keys::<organisation::Entity, _, _, _>(
            self.conn(),
            organisation::Column::Id,
            org_ids,
            |o| o.id,
        )
        .await?;
        rows.into_iter()
            .map(|b| {
                let eq = eqs.get(&b.equipement_id).ok_or_else(|| {
                    StoreError::Corrupt(format!("réservation {} : équipement", b.id))
                })?;
                let person = users.get(&b.user_id);
                let org = b.organisation_id.and_then(|id| orgs.get(&id));
                vue(b.clone(), eq, person, org)
            })
            .collect()
    }

    /// A person's bookings, the coming ones first then the past ones.
    pub async fn reservations_of_user(
        &self,
        user_id: i32,
    ) -> Result<Vec<ReservationVue>, StoreError> {
        let rows = equipement_reservation::Entity::find()
            .filter(equipement_reservation::Column::UserId.eq(user_id))
            .order_by_desc(equipement_reservation::Column::Debut)
            .all(self.conn())
            .await?;
        self.vues(rows).await
    }

    /// Bookings waiting for approval on the given equipment (all equipment
    /// when `None`), oldest request first.
    pub async fn pending_reservations(
        &self,
        equipements: Option<Vec<i32>>,
    ) -> Result<Vec<ReservationVue>, StoreError> {
        let mut query = equipement_reservation::Entity::find().filter(
            equipement_reservation::Column::Statut.eq(StatutReservation::EnAttente.as_str()),
        );
        if let Some(ids) = equipements {
            query = query.filter(equipement_reservation::Column::EquipementId.is_in(ids));
        }
        let rows = query
            .order_by_asc(equipement_reservation::Column::CreatedAt)
            .order_by_asc(equipement_reservation::Column::Id)
            .all(self.conn())
            .await?;
        self.vues(rows).await
    }

    /// Bookings that hold the equipment between `from` and `to`.
    pub async fn reservations_between(
        &self,
        equipement_id: i32,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ReservationVue>, StoreError> {
        let rows = equipement_reservation::Entity::find()
            .filter(equipement_reservation::Column::EquipementId.eq(equipement_id))
            .filter(equipement_reservation::Column::Debut.lt(to))
            .filter(equipement_reservation::Column::Fin.gt(from))
            .filter(equipement_reservation::Column::Statut.is_in([
                StatutReservation::EnAttente.as_str(),
                StatutReservation::Confirmee.as_str(),
            ]))
            .order_by_asc(equipement_reservation::Column::Debut)
            .all(self.conn())
            .await?;
        self.vues(rows).await
    }

    /// What occupies the equipment between `from` and `to`, in time order:
    /// bookings (pending or confirmed) and maintenance windows.
    pub async fn occupation(
        &self,
        equipement_id: i32,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Occupation>, StoreError> {
        let mut out: Vec<Occupation> = self
            .reservations_between(equipement_id, from, to)
            .await?
            .into_iter()
            .map(|r| Occupation {
                debut: r.debut,
                fin: r.fin,
                maintenance: false,
                en_attente: r.statut == StatutReservation::EnAttente,
            })
            .collect();
        let maintenances = equipement_maintenance::Entity::find()
            .filter(equipement_maintenance::Column::EquipementId.eq(equipement_id))
            .filter(equipement_maintenance::Column::Debut.lt(to))
            .filter(equipement_maintenance::Column::Fin.gt(from))
            .all(self.conn())
            .await?;
        out.extend(maintenances.into_iter().map(|m| Occupation {
            debut: m.debut,
            fin: m.fin,
            maintenance: true,
            en_attente: false,
        }));
        out.sort_by_key(|o| o.debut);
        Ok(out)
    }

    /// Approves or refuses a pending booking, in one transaction with the
    /// e-mail to its author. A refusal frees the slot and the quota.
    /// `NotFound` if the booking is not (or no longer) pending.
    pub async fn decide_reservation(
        &self,
        id: i32,
        approve: bool,
        actor: i32,
        mail: OutgoingMail,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let statut = if approve {
            StatutReservation::Confirmee
        } else {
            StatutReservation::Refusee
        };
        let now = self.now();
        let changed = equipement_reservation::Entity::update_many()
            .col_expr(
                equipement_reservation::Column::Statut,
                Expr::value(statut.as_str()),
            )
            .col_expr(
                equipement_reservation::Column::DecidedBy,
                Expr::value(actor),
            )
            .col_expr(equipement_reservation::Column::DecidedAt, Expr::value(now))
            .col_expr(equipement_reservation::Column::UpdatedAt, Expr::value(now))
            .filter(equipement_reservation::Column::Id.eq(id))
            .filter(
                equipement_reservation::Column::Statut.eq(StatutReservation::EnAttente.as_str()),
            )
            .exec(&txn)
            .await?
            .rows_affected;
        if changed != 1 {
            return Err(StoreError::NotFound);
        }
        let booking = equipement_reservation::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !approve {
            free(&txn, &booking).await?;
        }
        audit::record(
            &txn,
            self.now(),
            Some(actor),
            "reservation.decide",
            &id.to_string(),
            statut.as_str(),
        )
        .await?;
        outbox::enqueue(&txn, [mail], self.now()).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Cancels a booking that has not started, freeing its slot and quota.
    /// `NotFound` if it is already cancelled, refused or started.
    pub async fn cancel_reservation(
        &self,
        id: i32,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let now = self.now();
        let changed = equipement_reservation::Entity::update_many()
            .col_expr(
                equipement_reservation::Column::Statut,
                Expr::value(StatutReservation::Annulee.as_str()),
            )
            .col_expr(equipement_reservation::Column::UpdatedAt, Expr::value(now))
            .filter(equipement_reservation::Column::Id.eq(id))
            .filter(equipement_reservation::Column::Statut.is_in([
                StatutReservation::EnAttente.as_str(),
                StatutReservation::Confirmee.as_str(),
            ]))
            .filter(equipement_reservation::Column::Debut.gt(now))
            .exec(&txn)
            .await?
            .rows_affected;
        if changed != 1 {
            return Err(StoreError::NotFound);
        }
        let booking = equipement_reservation::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        free(&txn, &booking).await?;
        audit::record(
            &txn,
            self.now(),
            Some(actor),
            "reservation.cancel",
            &id.to_string(),
            "",
        )
        .await?;
        outbox::enqueue(&txn, mails, self.now()).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Blocks the equipment from `debut` to `fin` for maintenance. Refused
    /// with `Conflict` when bookings hold part of the window: they must be
    /// cancelled first, with their authors told.
    pub async fn add_maintenance(
        &self,
        equipement_id: i32,
        debut: DateTime<Utc>,
        fin: DateTime<Utc>,
        motif: &str,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        if fin <= debut || fin - debut > Duration::days(366) {
            return Err(StoreError::Conflict("période de maintenance".to_owned()));
        }
        let txn = self.write().await?;
        if !lock_equipement(&txn, equipement_id, false).await? {
            return Err(StoreError::NotFound);
        }
        let window = equipement_maintenance::ActiveModel {
            equipement_id: Set(equipement_id),
            debut: Set(debut),
            fin: Set(fin),
            motif: Set(motif.chars().take(500).collect()),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let units = units_covering(debut, fin)
            .into_iter()
            .map(|at| equipement_creneau::ActiveModel {
                equipement_id: Set(equipement_id),
                debut: Set(at),
                reservation_id: Set(None),
                maintenance_id: Set(Some(window.id)),
            })
            .collect::<Vec<_>>();
        for chunk in units.chunks(500) {
            equipement_creneau::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        audit::record(
            &txn,
            self.now(),
            actor,
            "equipement.maintenance",
            &equipement_id.to_string(),
            &format!("{debut} – {fin}"),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Frees a booking's slot units and quota.
async fn free(
    txn: &DatabaseTransaction,
    booking: &equipement_reservation::Model,
) -> Result<(), StoreError> {
    equipement_creneau::Entity::delete_many()
        .filter(equipement_creneau::Column::ReservationId.eq(booking.id))
        .exec(txn)
        .await?;
    release_quota(txn, booking).await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn maintenance_units_cover_the_window() {
        let at = |h, m| Utc.with_ymd_and_hms(2026, 12, 1, h, m, 0).unwrap();
        let units = units_covering(at(8, 10), at(9, 0));
        assert_eq!(units, vec![at(8, 0), at(8, 30)]);
        assert_eq!(units_covering(at(8, 0), at(8, 30)), vec![at(8, 0)]);
    }
}
