//! Milestones of a project and their reminders.

use std::collections::HashMap;

use campus_domain::projet::{NouveauJalon, RoleMembre, saisie::RAPPEL_JALON_JOURS};
use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::ecriture::record;
use super::{Fait, Projets, date, iso};
use crate::StoreError;
use crate::entity::{projet, projet_jalon, projet_membre, user};
use crate::outbox::{self, OutgoingMail};

/// A dated milestone of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jalon {
    pub id: i32,
    pub projet_id: i32,
    pub titre: String,
    pub echeance: NaiveDate,
    pub atteint_le: Option<NaiveDate>,
    pub rappele_le: Option<DateTime<Utc>>,
}

/// A milestone whose reminder is due, with whom to remind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JalonDu {
    pub jalon: Jalon,
    pub projet_titre: String,
    pub projet_slug: String,
    /// The leads' addresses and names.
    pub porteurs: Vec<(String, String)>,
}

impl Projets<'_> {
    pub async fn ajouter_jalon(
        &self,
        projet_id: i32,
        jalon: &NouveauJalon,
        acteur: i32,
    ) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let row = projet_jalon::ActiveModel {
            projet_id: Set(projet_id),
            titre: Set(jalon.titre.clone()),
            echeance: Set(iso(jalon.echeance)),
            atteint_le: Set(None),
            rappele_le: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let detail = format!("{} — {}", jalon.titre, iso(jalon.echeance));
        record(
            &txn,
            projet_id,
            Some(acteur),
            Fait::JalonAjoute,
            &detail,
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(row.id)
    }

    /// Marks a milestone of the project reached today; `false` when it
    /// already was (or is not the project's).
    pub async fn jalon_atteint(
        &self,
        projet_id: i32,
        jalon_id: i32,
        acteur: i32,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = projet_jalon::Entity::update_many()
            .col_expr(
                projet_jalon::Column::AtteintLe,
                Expr::value(iso(self.clock().today())),
            )
            .filter(projet_jalon::Column::Id.eq(jalon_id))
            .filter(projet_jalon::Column::ProjetId.eq(projet_id))
            .filter(projet_jalon::Column::AtteintLe.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if done {
            let titre = projet_jalon::Entity::find_by_id(jalon_id)
                .one(&txn)
                .await?
                .map(|j| j.titre)
                .unwrap_or_default();
            record(
                &txn,
                projet_id,
                Some(acteur),
                Fait::JalonAtteint,
                &titre,
                now,
            )
            .await?;
        }
        txn.commit().await?;
        Ok(done)
    }

    /// The project's milestones, soonest first.
    pub async fn jalons(&self, projet_id: i32) -> Result<Vec<Jalon>, StoreError> {
        projet_jalon::Entity::find()
            .filter(projet_jalon::Column::ProjetId.eq(projet_id))
            .order_by_asc(projet_jalon::Column::Echeance)
            .all(self.conn())
            .await?
            .into_iter()
            .map(jalon)
            .collect()
    }

    /// Milestones not reached, due within [`RAPPEL_JALON_JOURS`] days of
    /// `today` (or late), never reminded, of projects still running.
    pub async fn jalons_a_rappeler(&self, today: NaiveDate) -> Result<Vec<JalonDu>, StoreError> {
        let horizon = today
            .checked_add_days(Days::new(RAPPEL_JALON_JOURS))
            .unwrap_or(NaiveDate::MAX);
        let rows = projet_jalon::Entity::find()
            .filter(projet_jalon::Column::AtteintLe.is_null())
            .filter(projet_jalon::Column::RappeleLe.is_null())
            .filter(projet_jalon::Column::Echeance.lte(iso(horizon)))
            .order_by_asc(projet_jalon::Column::Id)
            .all(self.conn())
            .await?;
        let projets: HashMap<i32, projet::Model> = projet::Entity::find()
            .filter(projet::Column::Id.is_in(rows.iter().map(|r| r.projet_id)))
            .filter(projet::Column::Statut.eq("en_cours"))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let leads = projet_membre::Entity::find()
            .filter(projet_membre::Column::ProjetId.is_in(projets.keys().copied()))
            .filter(projet_membre::Column::Role.eq(RoleMembre::Porteur.as_str()))
            .all(self.conn())
            .await?;
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(leads.iter().map(|l| l.user_id)))
            .filter(user::Column::DisabledAt.is_null())
            .all(self.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut due = Vec::new();
        for row in rows {
            let Some(p) = projets.get(&row.projet_id) else {
                continue;
            };
            let porteurs = leads
                .iter()
                .filter(|l| l.projet_id == p.id)
                .filter_map(|l| people.get(&l.user_id))
                .map(|u| (u.email.clone(), u.display_name.clone()))
                .collect();
            due.push(JalonDu {
                projet_titre: p.titre.clone(),
                projet_slug: p.slug.clone(),
                porteurs,
                jalon: jalon(row)?,
            });
        }
        Ok(due)
    }

    /// Records the reminder of a milestone with its e-mails, once: `false`
    /// when another node reminded it first.
    pub async fn jalon_rappele(
        &self,
        jalon_id: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = projet_jalon::Entity::update_many()
            .col_expr(projet_jalon::Column::RappeleLe, Expr::value(now))
            .filter(projet_jalon::Column::Id.eq(jalon_id))
            .filter(projet_jalon::Column::RappeleLe.is_null())
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

fn jalon(r: projet_jalon::Model) -> Result<Jalon, StoreError> {
    Ok(Jalon {
        id: r.id,
        projet_id: r.projet_id,
        echeance: date(&r.echeance, "échéance")?,
        atteint_le: r
            .atteint_le
            .as_deref()
            .map(|d| date(d, "atteint"))
            .transpose()?,
        titre: r.titre,
        rappele_le: r.rappele_le,
    })
}
