//! The requests' scheduled work: an expert silent for five working days
//! is reminded; five working days after the reminder, the campus team is
//! told.

use campus_domain::expertise::Suivi;
use chrono::{DateTime, Utc};

use super::mails;
use crate::error::AppResult;
use crate::routes::insertion::jobs::legal_date;
use crate::routes::modules::mails::staff;
use crate::state::AppState;

/// Sends the reminders and escalations due at `now`; returns how many.
pub async fn send_expertise_reminders(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let today = legal_date(now);
    let store = state.store.expertise();
    let due = store.suivis_dus(today).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let team = staff(state).await?;
    let mut sent = 0;
    for s in due {
        let mails = match s.suivi {
            Suivi::Relancer => vec![mails::relance(state, &s.demande, &s.destinataire)],
            Suivi::Escalader => mails::escalade(state, &team, &s.demande, &s.destinataire),
            Suivi::Rien => continue,
        };
        if store
            .marquer_suivi(
                s.demande.id,
                s.destinataire.expert_id,
                s.suivi,
                today,
                mails,
            )
            .await?
        {
            sent += 1;
        }
    }
    if sent > 0 {
        state.mail_queued.notify_one();
    }
    Ok(sent)
}
