//! The newsletter (« lettre d'information »): subscriptions by double
//! opt-in, issues composed by the campus team, their delivery in batches.
//!
//! Rules and where they hold:
//! - one subscription per address (unique key); a subscription stays
//!   pending until the address is confirmed, and a pending one older than
//!   [`purger_en_attente`](super::Actualites::purger_en_attente)'s bound
//!   is removed;
//! - an issue is sent once: `brouillon → en_envoi` is a conditional
//!   update, and each batch records, in the transaction that queues its
//!   mails, one row per subscriber of `lettre_envois` whose primary key
//!   `(numero, abonné)` refuses a second delivery, even by two nodes at
//!   once (the loser's transaction rolls back whole). A restart resumes
//!   with the subscribers not yet recorded.

use campus_domain::Email;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::Actualites;
use crate::StoreError;
use crate::entity::{lettre_abonne, lettre_envoi, lettre_numero, lettre_numero_actualite, user};
use crate::outbox::{self, OutgoingMail};

/// A subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abonnement {
    pub id: i32,
    pub email: String,
    pub user_id: Option<i32>,
    /// Whether the address was confirmed.
    pub confirme: bool,
    pub created_at: DateTime<Utc>,
    pub confirme_le: Option<DateTime<Utc>>,
}

impl From<lettre_abonne::Model> for Abonnement {
    fn from(r: lettre_abonne::Model) -> Abonnement {
        Abonnement {
            id: r.id,
            confirme: r.etat == "confirme",
            email: r.email,
            user_id: r.user_id,
            created_at: r.created_at,
            confirme_le: r.confirme_le,
        }
    }
}

/// An issue to compose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumeroEcrit {
    pub objet: String,
    /// In Markdown.
    pub introduction: String,
    /// Published news it carries, in this order.
    pub actualites: Vec<i32>,
}

/// An issue of the newsletter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numero {
    pub id: i32,
    pub objet: String,
    pub introduction: String,
    /// `brouillon`, `en_envoi` or `envoye`.
    pub etat: String,
    pub actualites: Vec<i32>,
    pub created_at: DateTime<Utc>,
    pub envoi_demande_le: Option<DateTime<Utc>>,
    pub envoye_le: Option<DateTime<Utc>>,
    /// Messages queued so far.
    pub envoyes: i32,
}

impl Actualites<'_> {
    /// Subscribes `email` (pending). `mail` writes the confirmation for
    /// the subscription's id; it is queued in the same transaction for a
    /// new or still pending subscription, and nothing is sent to an
    /// address already confirmed: the caller answers the same in every
    /// case, so the form tells nobody who subscribed.
    pub async fn abonner(
        &self,
        email: &Email,
        mail: impl FnOnce(i32) -> OutgoingMail,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let existing = lettre_abonne::Entity::find()
            .filter(lettre_abonne::Column::Email.eq(email.as_str()))
            .one(&txn)
            .await?;
        let id = match existing {
            Some(row) if row.etat == "confirme" => None,
            Some(row) => Some(row.id),
            None => {
                let user_id = user::Entity::find()
                    .filter(user::Column::Email.eq(email.as_str()))
                    .one(&txn)
                    .await?
                    .map(|u| u.id);
                let row = lettre_abonne::ActiveModel {
                    email: Set(email.as_str().to_owned()),
                    user_id: Set(user_id),
                    etat: Set("en_attente".to_owned()),
                    created_at: Set(now),
                    confirme_le: Set(None),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                Some(row.id)
            }
        };
        if let Some(id) = id {
            outbox::enqueue(&txn, [mail(id)], now).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The subscription `id`, if any.
    pub async fn abonnement(&self, id: i32) -> Result<Option<Abonnement>, StoreError> {
        Ok(lettre_abonne::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .map(Abonnement::from))
    }

    /// Confirms the pending subscription `id`; whether it was pending.
    pub async fn confirmer(&self, id: i32) -> Result<bool, StoreError> {
        let done = lettre_abonne::Entity::update_many()
            .col_expr(lettre_abonne::Column::Etat, Expr::value("confirme"))
            .col_expr(lettre_abonne::Column::ConfirmeLe, Expr::value(self.now()))
            .filter(lettre_abonne::Column::Id.eq(id))
            .filter(lettre_abonne::Column::Etat.eq("en_attente"))
            .exec(self.conn())
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// Ends the subscription `id` (its address is forgotten); whether it
    /// existed.
    pub async fn desabonner(&self, id: i32) -> Result<bool, StoreError> {
        let done = lettre_abonne::Entity::delete_by_id(id)
            .exec(self.conn())
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// Removes the subscriptions still pending that were asked before
    /// `before`; how many.
    pub async fn purger_en_attente(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(lettre_abonne::Entity::delete_many()
            .filter(lettre_abonne::Column::Etat.eq("en_attente"))
            .filter(lettre_abonne::Column::CreatedAt.lt(before))
            .exec(self.conn())
            .await?
            .rows_affected)
    }

    /// The subscriptions of an account: tied to it, or under its address.
    pub async fn abonnements_de(
        &self,
        user_id: i32,
        email: &str,
    ) -> Result<Vec<Abonnement>, StoreError> {
        Ok(lettre_abonne::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(lettre_abonne::Column::UserId.eq(user_id))
                    .add(lettre_abonne::Column::Email.eq(email)),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(Abonnement::from)
            .collect())
    }

    /// How many addresses are confirmed.
    pub async fn abonnes_confirmes(&self) -> Result<u64, StoreError> {
        Ok(lettre_abonne::Entity::find()
            .filter(lettre_abonne::Column::Etat.eq("confirme"))
            .count(self.conn())
            .await?)
    }

    /// Stores an issue as a draft; its id.
    pub async fn creer_numero(&self, n: &NumeroEcrit, auteur: i32) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let row = lettre_numero::ActiveModel {
            objet: Set(n.objet.clone()),
            introduction: Set(n.introduction.clone()),
            etat: Set("brouillon".to_owned()),
            cree_par_user_id: Set(Some(auteur)),
            created_at: Set(now),
            envoi_demande_le: Set(None),
            envoye_le: Set(None),
            envoyes: Set(0),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut seen = Vec::new();
        for id in &n.actualites {
            if seen.contains(id) {
                continue;
            }
            seen.push(*id);
            lettre_numero_actualite::ActiveModel {
                numero_id: Set(row.id),
                actualite_id: Set(*id),
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(row.id)
    }

    /// The issue `id`.
    pub async fn numero(&self, id: i32) -> Result<Numero, StoreError> {
        let row = lettre_numero::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.numero_of(row).await
    }

    /// Every issue, the latest first.
    pub async fn numeros(&self) -> Result<Vec<Numero>, StoreError> {
        let rows = lettre_numero::Entity::find()
            .order_by_desc(lettre_numero::Column::Id)
            .limit(200)
            .all(self.conn())
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.numero_of(row).await?);
        }
        Ok(out)
    }

    async fn numero_of(&self, row: lettre_numero::Model) -> Result<Numero, StoreError> {
        let actualites = lettre_numero_actualite::Entity::find()
            .filter(lettre_numero_actualite::Column::NumeroId.eq(row.id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|l| l.actualite_id)
            .collect();
        Ok(Numero {
            id: row.id,
            objet: row.objet,
            introduction: row.introduction,
            etat: row.etat,
            actualites,
            created_at: row.created_at,
            envoi_demande_le: row.envoi_demande_le,
            envoye_le: row.envoye_le,
            envoyes: row.envoyes,
        })
    }

    /// Starts the sending of the draft `id`; whether it was a draft (an
    /// issue is sent once).
    pub async fn lancer_envoi(&self, id: i32) -> Result<bool, StoreError> {
        let done = lettre_numero::Entity::update_many()
            .col_expr(lettre_numero::Column::Etat, Expr::value("en_envoi"))
            .col_expr(
                lettre_numero::Column::EnvoiDemandeLe,
                Expr::value(self.now()),
            )
            .filter(lettre_numero::Column::Id.eq(id))
            .filter(lettre_numero::Column::Etat.eq("brouillon"))
            .exec(self.conn())
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// The issues being sent.
    pub async fn numeros_en_envoi(&self) -> Result<Vec<i32>, StoreError> {
        Ok(lettre_numero::Entity::find()
            .filter(lettre_numero::Column::Etat.eq("en_envoi"))
            .order_by_asc(lettre_numero::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect())
    }

    /// Queues the issue `numero_id` for at most `taille` confirmed
    /// subscribers who have not had it, recording each, in one
    /// transaction; `mail` writes a subscriber's message and its one-click
    /// unsubscribe address. When no subscriber is left the issue is marked
    /// sent. Returns how many were queued.
    pub async fn envoyer_lot(
        &self,
        numero_id: i32,
        taille: u64,
        mail: impl Fn(&Abonnement) -> (OutgoingMail, String),
    ) -> Result<usize, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let numero = lettre_numero::Entity::find_by_id(numero_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if numero.etat != "en_envoi" {
            return Ok(0);
        }
        let deja = Query::select()
            .column(lettre_envoi::Column::AbonneId)
            .from(lettre_envoi::Entity)
            .and_where(Expr::col(lettre_envoi::Column::NumeroId).eq(numero_id))
            .to_owned();
        let abonnes: Vec<Abonnement> = lettre_abonne::Entity::find()
            .filter(lettre_abonne::Column::Etat.eq("confirme"))
            .filter(lettre_abonne::Column::Id.not_in_subquery(deja))
            .order_by_asc(lettre_abonne::Column::Id)
            .limit(taille)
            .all(&txn)
            .await?
            .into_iter()
            .map(Abonnement::from)
            .collect();
        let count = abonnes.len();
        if count > 0 {
            lettre_envoi::Entity::insert_many(abonnes.iter().map(|a| lettre_envoi::ActiveModel {
                numero_id: Set(numero_id),
                abonne_id: Set(a.id),
                created_at: Set(now),
            }))
            .exec_without_returning(&txn)
            .await?;
            outbox::enqueue_list(
                &txn,
                abonnes.iter().map(|a| {
                    let (m, unsubscribe) = mail(a);
                    (m, Some(unsubscribe))
                }),
                now,
            )
            .await?;
        }
        let mut update = lettre_numero::Entity::update_many()
            .col_expr(
                lettre_numero::Column::Envoyes,
                Expr::col(lettre_numero::Column::Envoyes).add(count as i32),
            )
            .filter(lettre_numero::Column::Id.eq(numero_id));
        if (count as u64) < taille {
            update = update
                .col_expr(lettre_numero::Column::Etat, Expr::value("envoye"))
                .col_expr(lettre_numero::Column::EnvoyeLe, Expr::value(now));
        }
        update.exec(&txn).await?;
        txn.commit().await?;
        Ok(count)
    }
}
