//! The audit trail: who changed accounts, roles and organisations, and when.
//! Written in the same transaction as the change it records.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, QuerySelect, Set};

use crate::entity::audit_event;
use crate::{Store, StoreError};

/// One recorded action.
#[derive(Clone, Debug)]
pub struct AuditEvent {
    pub actor_user_id: Option<i32>,
    pub action: String,
    pub subject: String,
    pub details: String,
    pub created_at: DateTime<Utc>,
}

pub(crate) async fn record<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: Option<i32>,
    action: &str,
    subject: &str,
    details: &str,
) -> Result<(), StoreError> {
    audit_event::ActiveModel {
        actor_user_id: Set(actor),
        action: Set(action.to_owned()),
        subject: Set(subject.chars().take(200).collect()),
        details: Set(details.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

impl Store {
    /// The most recent actions, newest first.
    pub async fn recent_audit_events(&self, limit: u64) -> Result<Vec<AuditEvent>, StoreError> {
        let rows = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .limit(limit)
            .all(self.conn())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEvent {
                actor_user_id: r.actor_user_id,
                action: r.action,
                subject: r.subject,
                details: r.details,
                created_at: r.created_at,
            })
            .collect())
    }
}
