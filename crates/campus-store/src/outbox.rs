//! The mail outbox.
//!
//! An e-mail is written to the outbox in the same transaction as the change
//! that causes it (an account created, a reset asked for), then sent by a
//! background worker that retries with back-off. So a mail server that is
//! down loses nothing and never makes a registration fail; and a claim is a
//! conditional update, so two nodes never send the same message.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::entity::mail_outbox;
use crate::{Store, StoreError};

/// A message to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// A message claimed for sending.
#[derive(Clone, Debug)]
pub struct QueuedMail {
    pub id: i32,
    pub attempts: i32,
    pub mail: OutgoingMail,
    /// For a message of a mailing list: the address that unsubscribes its
    /// recipient in one click, carried in the `List-Unsubscribe` header.
    pub list_unsubscribe: Option<String>,
}

/// After this many failures a message is kept but no longer retried.
pub const MAX_ATTEMPTS: i32 = 10;

/// Queues `mails` on `conn`: the one way a change sends e-mail. Called
/// with the transaction of the change, the messages exist if and only if
/// the change commits (a rolled-back registration sends nothing, a
/// committed one cannot lose its confirmation). One statement for all of
/// them; nothing at all for none.
pub(crate) async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    mails: impl IntoIterator<Item = OutgoingMail>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    enqueue_list(conn, mails.into_iter().map(|m| (m, None)), now).await
}

/// Queues `mails` as [`enqueue`] does, each with the one-click
/// unsubscribe address of the list it belongs to, if any.
pub(crate) async fn enqueue_list<C: ConnectionTrait>(
    conn: &C,
    mails: impl IntoIterator<Item = (OutgoingMail, Option<String>)>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let rows: Vec<mail_outbox::ActiveModel> = mails
        .into_iter()
        .map(|(mail, list_unsubscribe)| mail_outbox::ActiveModel {
            recipient: Set(mail.to),
            subject: Set(mail.subject.chars().take(200).collect()),
            body_text: Set(mail.body),
            attempts: Set(0),
            next_attempt_at: Set(now),
            locked_until: Set(None),
            sent_at: Set(None),
            last_error: Set(None),
            created_at: Set(now),
            list_unsubscribe: Set(list_unsubscribe),
            ..Default::default()
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    mail_outbox::Entity::insert_many(rows)
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

impl Store {
    /// Queues one message outside any other change.
    pub async fn enqueue_mail(&self, mail: OutgoingMail) -> Result<(), StoreError> {
        enqueue(self.conn(), [mail], self.now()).await
    }

    /// Claims up to `limit` messages due now, each for `lease`: a node that
    /// dies while sending releases them when the lease runs out.
    pub async fn claim_mail(
        &self,
        limit: u64,
        lease: Duration,
    ) -> Result<Vec<QueuedMail>, StoreError> {
        let now = self.now();
        let candidates = mail_outbox::Entity::find()
            .filter(mail_outbox::Column::SentAt.is_null())
            .filter(mail_outbox::Column::NextAttemptAt.lte(now))
            .filter(mail_outbox::Column::Attempts.lt(MAX_ATTEMPTS))
            .filter(
                Condition::any()
                    .add(mail_outbox::Column::LockedUntil.is_null())
                    .add(mail_outbox::Column::LockedUntil.lt(now)),
            )
            .order_by_asc(mail_outbox::Column::Id)
            .limit(limit)
            .all(self.conn())
            .await?;
        let mut claimed = Vec::with_capacity(candidates.len());
        for row in candidates {
            let taken = mail_outbox::Entity::update_many()
                .col_expr(mail_outbox::Column::LockedUntil, Expr::value(now + lease))
                .filter(mail_outbox::Column::Id.eq(row.id))
                .filter(mail_outbox::Column::SentAt.is_null())
                .filter(
                    Condition::any()
                        .add(mail_outbox::Column::LockedUntil.is_null())
                        .add(mail_outbox::Column::LockedUntil.lt(now)),
                )
                .exec(self.conn())
                .await?;
            if taken.rows_affected == 1 {
                claimed.push(QueuedMail {
                    id: row.id,
                    attempts: row.attempts,
                    mail: OutgoingMail {
                        to: row.recipient,
                        subject: row.subject,
                        body: row.body_text,
                    },
                    list_unsubscribe: row.list_unsubscribe,
                });
            }
        }
        Ok(claimed)
    }

    /// Records a successful send. The body, which may hold a one-time link,
    /// is erased: the outbox keeps only the trace that a message went out.
    pub async fn mark_mail_sent(&self, id: i32) -> Result<(), StoreError> {
        mail_outbox::Entity::update_many()
            .col_expr(mail_outbox::Column::SentAt, Expr::value(self.now()))
            .col_expr(mail_outbox::Column::BodyText, Expr::value(String::new()))
            .col_expr(
                mail_outbox::Column::LockedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(mail_outbox::Column::Id.eq(id))
            .exec(self.conn())
            .await?;
        Ok(())
    }

    /// Records a failure and schedules the next try, later each time.
    pub async fn mark_mail_failed(
        &self,
        id: i32,
        attempts: i32,
        error: &str,
    ) -> Result<(), StoreError> {
        let attempts = attempts + 1;
        let delay = Duration::seconds(30 * i64::from(attempts.min(10)).pow(2));
        mail_outbox::Entity::update_many()
            .col_expr(mail_outbox::Column::Attempts, Expr::value(attempts))
            .col_expr(
                mail_outbox::Column::NextAttemptAt,
                Expr::value(self.now() + delay),
            )
            .col_expr(
                mail_outbox::Column::LastError,
                Expr::value(error.chars().take(500).collect::<String>()),
            )
            .col_expr(
                mail_outbox::Column::LockedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(mail_outbox::Column::Id.eq(id))
            .exec(self.conn())
            .await?;
        Ok(())
    }

    /// Messages not yet sent whose last attempt failed (the mail server
    /// refuses or is down), for the administration's dashboard.
    pub async fn failing_mail_count(&self) -> Result<u64, StoreError> {
        Ok(mail_outbox::Entity::find()
            .filter(mail_outbox::Column::SentAt.is_null())
            .filter(mail_outbox::Column::Attempts.gt(0))
            .count(self.conn())
            .await?)
    }

    /// Messages not yet sent, for health reports.
    pub async fn pending_mail_count(&self) -> Result<u64, StoreError> {
        Ok(mail_outbox::Entity::find()
            .filter(mail_outbox::Column::SentAt.is_null())
            .count(self.conn())
            .await?)
    }
}
