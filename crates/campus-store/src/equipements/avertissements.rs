//! Warnings before a habilitation expires: its holder and the managers of
//! the equipment of its category are told [`AVERTISSEMENT_JOURS`] days
//! before, once, so that the training can be renewed before the holder is
//! refused a booking.
//!
//! Once is kept by `habilitations.avertie_le`, set by a conditional update
//! in the transaction that queues the e-mails: of several nodes running
//! the job at once, one warns. Renewing a habilitation clears the date
//! (see [`super::habilitations`]), so its next expiry is warned of too;
//! the update also requires the expiry the warning was written for, so a
//! renewal made while the job runs is not marked as warned.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use campus_domain::equipement::CategorieEquipement;
use chrono::{Days, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::StoreError;
use crate::entity::{equipement, equipement_gestionnaire, habilitation, user};
use crate::outbox::{self, OutgoingMail};

/// How many days before its expiry a habilitation is warned of.
pub const AVERTISSEMENT_JOURS: u64 = 30;

/// Someone to write to, in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destinataire {
    pub email: String,
    pub nom: String,
    pub locale: String,
}

impl From<&user::Model> for Destinataire {
    fn from(u: &user::Model) -> Destinataire {
        Destinataire {
            email: u.email.clone(),
            nom: u.display_name.clone(),
            locale: u.locale.clone(),
        }
    }
}

/// A habilitation about to expire, and who must hear of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HabilitationAAvertir {
    pub id: i32,
    pub categorie: CategorieEquipement,
    pub expire_le: NaiveDate,
    pub titulaire: Destinataire,
    /// The managers of the equipment of its category, each once, without
    /// the holder.
    pub gestionnaires: Vec<Destinataire>,
    /// The names of that equipment.
    pub equipements: Vec<String>,
}

impl super::Equipements<'_> {
    /// The habilitations expiring from `today` to [`AVERTISSEMENT_JOURS`]
    /// days later, not yet warned of, held by an active account, whose
    /// category has equipment in the catalogue with an active manager.
    pub async fn habilitations_a_avertir(
        &self,
        today: NaiveDate,
    ) -> Result<Vec<HabilitationAAvertir>, StoreError> {
        let horizon = today
            .checked_add_days(Days::new(AVERTISSEMENT_JOURS))
            .unwrap_or(NaiveDate::MAX);
        let rows = habilitation::Entity::find()
            .filter(habilitation::Column::AvertieLe.is_null())
            .filter(habilitation::Column::ExpireLe.gte(today))
            .filter(habilitation::Column::ExpireLe.lte(horizon))
            .order_by_asc(habilitation::Column::ExpireLe)
            .order_by_asc(habilitation::Column::Id)
            .all(self.conn())
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let categories: BTreeSet<String> = rows.iter().map(|r| r.categorie.clone()).collect();
        let equipements = equipement::Entity::find()
            .filter(equipement::Column::RetireLe.is_null())
            .filter(equipement::Column::Categorie.is_in(categories))
            .order_by_asc(equipement::Column::Nom)
            .all(self.conn())
            .await?;
        let gestion = equipement_gestionnaire::Entity::find()
            .filter(
                equipement_gestionnaire::Column::EquipementId
                    .is_in(equipements.iter().map(|e| e.id).collect::<Vec<_>>()),
            )
            .all(self.conn())
            .await?;
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(
                user::Column::Id.is_in(
                    gestion
                        .iter()
                        .map(|g| g.user_id)
                        .chain(rows.iter().map(|r| r.user_id))
                        .collect::<BTreeSet<_>>(),
                ),
            )
            .filter(user::Column::DisabledAt.is_null())
            .all(self.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        // Per category: the equipment that has an active manager, and
        // those managers.
        let mut par_categorie: BTreeMap<&str, (Vec<String>, BTreeSet<i32>)> = BTreeMap::new();
        for e in &equipements {
            let managers: BTreeSet<i32> = gestion
                .iter()
                .filter(|g| g.equipement_id == e.id && people.contains_key(&g.user_id))
                .map(|g| g.user_id)
                .collect();
            if managers.is_empty() {
                continue;
            }
            let entry = par_categorie.entry(e.categorie.as_str()).or_default();
            entry.0.push(e.nom.clone());
            entry.1.extend(managers);
        }
        let mut due = Vec::new();
        for r in rows {
            let (Some(holder), Some((noms, managers))) = (
                people.get(&r.user_id),
                par_categorie.get(r.categorie.as_str()),
            ) else {
                continue;
            };
            let categorie = CategorieEquipement::parse(&r.categorie)
                .map_err(|_| StoreError::Corrupt(format!("habilitation {} : catégorie", r.id)))?;
            due.push(HabilitationAAvertir {
                id: r.id,
                categorie,
                expire_le: r.expire_le,
                titulaire: Destinataire::from(holder),
                gestionnaires: managers
                    .iter()
                    .filter(|id| **id != r.user_id)
                    .filter_map(|id| people.get(id))
                    .map(Destinataire::from)
                    .collect(),
                equipements: noms.clone(),
            });
        }
        Ok(due)
    }

    /// Records the warning of habilitation `id`, written for its expiry
    /// on `expire_le`, with its e-mails, once: `false` when another node
    /// warned first or the habilitation was renewed meanwhile (nothing is
    /// queued then).
    pub async fn habilitation_avertie(
        &self,
        id: i32,
        expire_le: NaiveDate,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = habilitation::Entity::update_many()
            .col_expr(habilitation::Column::AvertieLe, Expr::value(now))
            .filter(habilitation::Column::Id.eq(id))
            .filter(habilitation::Column::ExpireLe.eq(expire_le))
            .filter(habilitation::Column::AvertieLe.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if done {
            outbox::enqueue(&txn, mails, now).await?;
        }
        txn.commit().await?;
        Ok(done)
    }
}
