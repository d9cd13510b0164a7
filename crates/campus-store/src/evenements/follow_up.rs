//! What happens around an event: reminders before it, the satisfaction
//! survey after it, and the calendars of people and organisations.
//!
//! Reminders and survey invitations are sent once: the mark on the
//! registration and the queued e-mail are written in one transaction, by
//! a conditional update that only one node can win.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::Evenement;
use super::inscriptions::{Inscription, finish};
use crate::StoreError;
use crate::entity::{evenement, evenement_avis, evenement_inscription as reg};
use crate::outbox::{self, OutgoingMail};
use campus_domain::evenement::InscriptionStatus;

/// Which follow-up message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// Before the event, to confirmed participants.
    Reminder,
    /// After the event, the satisfaction survey.
    Survey,
}

impl FollowUp {
    fn column(self) -> reg::Column {
        match self {
            FollowUp::Reminder => reg::Column::ReminderSentAt,
            FollowUp::Survey => reg::Column::SurveySentAt,
        }
    }
}

/// A participant's answer to the survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Avis {
    /// 1 (very disappointed) to 5 (very satisfied).
    pub rating: i32,
    pub recommend: bool,
    pub comment: String,
}

/// The survey's results for the organiser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AvisSummary {
    pub answers: u64,
    pub average: Option<f64>,
    /// Answers per rating, 1 to 5.
    pub distribution: [u64; 5],
    pub recommend: u64,
    pub comments: Vec<String>,
}

/// Surveys are sent during this time after an event ends, not later.
const SURVEY_WINDOW_DAYS: i64 = 14;

impl super::Evenements<'_> {
    /// Confirmed registrations due for `what` at `now`: reminders for events
    /// starting within `horizon`; surveys for events ended in the last two
    /// weeks.
    pub async fn due_follow_ups(
        &self,
        what: FollowUp,
        now: DateTime<Utc>,
        horizon: Duration,
    ) -> Result<Vec<(Inscription, Evenement)>, StoreError> {
        let events = match what {
            FollowUp::Reminder => evenement::Entity::find()
                .filter(evenement::Column::StartsAt.gt(now))
                .filter(evenement::Column::StartsAt.lte(now + horizon)),
            FollowUp::Survey => evenement::Entity::find()
                .filter(evenement::Column::EndsAt.lte(now))
                .filter(evenement::Column::EndsAt.gt(now - Duration::days(SURVEY_WINDOW_DAYS))),
        }
        .order_by_asc(evenement::Column::StartsAt)
        .all(self.conn())
        .await?;
        let mut out = Vec::new();
        for model in events {
            let rows = reg::Entity::find()
                .filter(reg::Column::EvenementId.eq(model.id))
                .filter(reg::Column::Status.eq(InscriptionStatus::Confirmee.as_str()))
                .filter(what.column().is_null())
                .order_by_asc(reg::Column::Id)
                .all(self.conn())
                .await?;
            if rows.is_empty() {
                continue;
            }
            let event = self.evenement_by_id(model.id).await?;
            for row in rows {
                out.push((Inscription::try_from(row)?, event.clone()));
            }
        }
        Ok(out)
    }

    /// Marks `what` as sent for a registration and queues its e-mail, once:
    /// returns false if another node (or an earlier run) already did.
    pub async fn send_follow_up(
        &self,
        inscription_id: i32,
        what: FollowUp,
        mail: OutgoingMail,
    ) -> Result<bool, StoreError> {
        let tx = self.write().await?;
        let result: Result<bool, StoreError> = async {
            let marked = reg::Entity::update_many()
                .col_expr(what.column(), Expr::value(self.now()))
                .filter(reg::Column::Id.eq(inscription_id))
                .filter(what.column().is_null())
                .exec(&tx)
                .await?;
            if marked.rows_affected == 0 {
                return Ok(false);
            }
            outbox::enqueue(&tx, [mail], self.now()).await?;
            Ok(true)
        }
        .await;
        finish(tx, result).await
    }

    /// Records a survey answer; a second answer for the same registration
    /// is a conflict (one answer per participant, by the primary key).
    pub async fn save_avis(
        &self,
        registration: &Inscription,
        feedback: Avis,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        evenement_avis::ActiveModel {
            inscription_id: Set(registration.id),
            evenement_id: Set(registration.evenement_id),
            rating: Set(feedback.rating),
            recommend: Set(feedback.recommend),
            comment: Set(feedback.comment),
            created_at: Set(self.now()),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn has_avis(&self, inscription_id: i32) -> Result<bool, StoreError> {
        Ok(evenement_avis::Entity::find_by_id(inscription_id)
            .one(self.conn())
            .await?
            .is_some())
    }

    /// The survey's results of an event.
    pub async fn avis_summary(&self, evenement_id: i32) -> Result<AvisSummary, StoreError> {
        let rows = evenement_avis::Entity::find()
            .filter(evenement_avis::Column::EvenementId.eq(evenement_id))
            .order_by_asc(evenement_avis::Column::CreatedAt)
            .all(self.conn())
            .await?;
        let mut summary = AvisSummary {
            answers: rows.len() as u64,
            ..Default::default()
        };
        let mut total = 0i64;
        for row in rows {
            if let Some(slot) = usize::try_from(row.rating - 1)
                .ok()
                .and_then(|i| summary.distribution.get_mut(i))
            {
                *slot += 1;
            }
            total += i64::from(row.rating);
            if row.recommend {
                summary.recommend += 1;
            }
            if !row.comment.is_empty() {
                summary.comments.push(row.comment);
            }
        }
        if summary.answers > 0 {
            summary.average = Some(total as f64 / summary.answers as f64);
        }
        Ok(summary)
    }

    /// The events an account is registered to (seated or waiting), for its
    /// calendar feed.
    pub async fn evenements_of_person(&self, user_id: i32) -> Result<Vec<Evenement>, StoreError> {
        let rows = reg::Entity::find()
            .filter(reg::Column::UserId.eq(user_id))
            .filter(reg::Column::Status.ne(InscriptionStatus::Annulee.as_str()))
            .all(self.conn())
            .await?;
        let mut ids: Vec<i32> = rows.iter().map(|r| r.evenement_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let models = evenement::Entity::find()
            .filter(evenement::Column::Id.is_in(ids))
            .order_by_asc(evenement::Column::StartsAt)
            .all(self.conn())
            .await?;
        self.with_organisers(models).await
    }
}
