//! The periodic follow-ups of events, run by the background worker of
//! every node: reminders the day before, satisfaction surveys after. Each
//! message is marked and queued in one transaction by a conditional
//! update (see the store's follow-ups), so however many nodes run this,
//! each participant gets each message once.

use campus_store::StoreError;
use campus_store::evenements::follow_up::FollowUp;
use chrono::{DateTime, Duration, Utc};

use super::mails;
use crate::i18n::Tr;
use crate::state::AppState;

/// Reminders go to events starting within this time.
const REMINDER_HORIZON_HOURS: i64 = 48;

/// Sends the reminders and survey invitations due at `now`; returns how
/// many were queued.
pub async fn send_evenement_follow_ups(
    state: &AppState,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let tr = Tr::default();
    let mut sent = 0;
    for what in [FollowUp::Reminder, FollowUp::Survey] {
        let due = state
            .store
            .evenements()
            .due_follow_ups(what, now, Duration::hours(REMINDER_HORIZON_HOURS))
            .await?;
        for (registration, event) in due {
            let mail = match what {
                FollowUp::Reminder => mails::reminder(state, &tr, &event, &registration),
                FollowUp::Survey => mails::survey(state, &tr, &event, &registration),
            };
            if state
                .store
                .evenements()
                .send_follow_up(registration.id, what, mail)
                .await?
            {
                sent += 1;
            }
        }
    }
    if sent > 0 {
        state.mail_queued.notify_one();
    }
    Ok(sent)
}
