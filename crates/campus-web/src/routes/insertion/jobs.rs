//! The periodic work of insertion, run by every node's background worker:
//! the reminders to recruiters of applications without an answer (day 7
//! and day 15), and the retention rules of applications (CVs deleted a
//! year after the last activity, applications pseudonymised after two,
//! both configurable). Each reminder is marked and queued by one
//! conditional update, so however many nodes run this, each is sent once.

use campus_documents::DocumentKey;
use campus_domain::heure_legale;
use chrono::{DateTime, NaiveDate, Utc};

use super::mails;
use crate::error::AppResult;
use crate::state::AppState;

/// The legal date of an instant, as people read it.
pub(crate) fn legal_date(at: DateTime<Utc>) -> NaiveDate {
    heure_legale::vers_local(at).date()
}

/// Sends the recruiter reminders due at `now`; returns how many were
/// queued.
pub async fn send_candidature_reminders(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let mut sent = 0;
    for (c, rank) in state.store.insertion().relances_dues(now).await? {
        let offre = state.store.insertion().offre(c.offre_id).await?;
        let recruiters = mails::recruiters(state, &offre).await?;
        let key = format!("candidature-relance-{rank}");
        let mails = mails::reminder(state, &offre, &c, &recruiters, &key);
        if state
            .store
            .insertion()
            .envoyer_relance(c.id, rank, mails)
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

/// Applies the retention rules of applications at `now`.
pub(crate) async fn apply_retention(state: &AppState, now: DateTime<Utc>) -> AppResult<()> {
    let r = &state.config.retention;
    for cv in state
        .store
        .insertion()
        .cvs_expires(now - chrono::Duration::days(r.cv_days))
        .await?
    {
        // The row goes only once the file is gone: a failed deletion is
        // tried again on the next run.
        if let Ok(key) = DocumentKey::parse(&cv.cle)
            && let Err(e) = state.documents.delete(&key).await
        {
            tracing::warn!(erreur = %e, cle = %cv.cle, "CV non supprimé");
            continue;
        }
        state
            .store
            .insertion()
            .oublier_cv(cv.candidature_id, cv.document_id)
            .await?;
    }
    let (count, keys) = state
        .store
        .insertion()
        .pseudonymiser_candidatures(now - chrono::Duration::days(r.candidature_days))
        .await?;
    delete_files(state, &keys).await;
    if count > 0 {
        tracing::info!(
            candidatures = count,
            "candidatures pseudonymisées (durée de conservation)"
        );
    }
    Ok(())
}

/// Deletes stored files; a failure is logged (the retention job tries
/// again for the rows still there, and a missing file is no error).
pub(crate) async fn delete_files(state: &AppState, keys: &[String]) {
    for key in keys {
        let Ok(key) = DocumentKey::parse(key) else {
            tracing::warn!(cle = %key, "clé de document invalide en base");
            continue;
        };
        if let Err(e) = state.documents.delete(&key).await {
            tracing::warn!(erreur = %e, cle = %key.as_str(), "document non supprimé");
        }
    }
}
