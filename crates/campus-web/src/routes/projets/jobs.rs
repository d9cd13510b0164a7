//! The projects' scheduled work: milestone reminders.

use chrono::{DateTime, Utc};

use super::mails;
use crate::error::AppResult;
use crate::routes::insertion::jobs::legal_date;
use crate::state::AppState;

/// Reminds the leads of the milestones due within a week (or late) at
/// `now`, once each; returns how many milestones were reminded.
pub async fn send_milestone_reminders(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let tr = crate::i18n::Tr::default();
    let mut sent = 0;
    let store = state.store.projets();
    for due in store.jalons_a_rappeler(legal_date(now)).await? {
        let echeance = tr.date(due.jalon.echeance);
        let mails = due
            .porteurs
            .iter()
            .map(|(email, nom)| {
                mails::rappel_jalon(
                    state,
                    (email, nom),
                    &due.projet_titre,
                    &due.projet_slug,
                    &due.jalon.titre,
                    &echeance,
                )
            })
            .collect();
        if store.jalon_rappele(due.jalon.id, mails).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        state.mail_queued.notify_one();
    }
    Ok(sent)
}
