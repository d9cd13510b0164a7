//! The background worker that empties the mail outbox, and the periodic
//! jobs: clean-up of expired sessions, tokens and sign-in attempts, the
//! retention periods of personal data, and the events' reminders and
//! surveys.

use std::time::Duration;

use campus_mail::{Envelope, Mailer};
use tokio::sync::watch;

use crate::state::AppState;

/// How long a claimed message stays reserved for this node.
const LEASE_SECS: i64 = 120;
/// How often the outbox is looked at when nobody rings.
const POLL: Duration = Duration::from_secs(30);
/// How often expired rows are removed.
const CLEANUP: Duration = Duration::from_secs(600);
/// How often the events' reminders and surveys, the applications'
/// reminders and the offers expired since the index was built are looked
/// for.
const FOLLOW_UPS: Duration = Duration::from_secs(300);

/// Runs until `stop` turns true.
pub async fn run(state: AppState, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    let mut last_cleanup = tokio::time::Instant::now();
    let mut last_follow_ups: Option<tokio::time::Instant> = None;
    loop {
        if last_follow_ups.is_none_or(|at| at.elapsed() >= FOLLOW_UPS) {
            if let Err(err) =
                crate::routes::send_evenement_follow_ups(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "rappels et enquêtes des événements non envoyés");
            }
            if let Err(err) =
                crate::routes::send_candidature_reminders(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "relances des candidatures non envoyées");
            }
            if let Err(err) =
                crate::routes::send_milestone_reminders(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "rappels des jalons de projets non envoyés");
            }
            if let Err(err) =
                crate::routes::send_habilitation_warnings(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "avertissements d'habilitations expirant non envoyés");
            }
            if let Err(err) =
                crate::routes::send_expertise_reminders(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "relances des demandes d'expertise non envoyées");
            }
            if let Err(err) = crate::routes::check_ressource_links(&state, state.clock.now()).await
            {
                tracing::warn!(%err, "liens des ressources non vérifiés");
            }
            if let Err(err) = state.search.offres_expirees(&state.store).await {
                tracing::warn!(%err, "offres expirées encore dans l'index de recherche");
            }
            last_follow_ups = Some(tokio::time::Instant::now());
        }
        // The newsletter's next batch, if an issue is being sent: queued
        // here, at each turn, so that a large issue flows batch after
        // batch as the outbox empties.
        if let Err(err) = crate::routes::send_newsletter_batches(&state).await {
            tracing::warn!(%err, "envoi de la lettre d'information interrompu, repris au prochain tour");
        }
        let sent = deliver_due(&state, &mailer).await;
        if last_cleanup.elapsed() >= CLEANUP {
            cleanup(&state).await;
            last_cleanup = tokio::time::Instant::now();
        }
        if sent > 0 {
            continue;
        }
        tokio::select! {
            _ = state.mail_queued.notified() => {}
            _ = tokio::time::sleep(POLL) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Sends the messages due now; returns how many were attempted.
async fn deliver_due(state: &AppState, mailer: &Mailer) -> usize {
    let batch = match state
        .store
        .claim_mail(20, chrono::Duration::seconds(LEASE_SECS))
        .await
    {
        Ok(batch) => batch,
        Err(err) => {
            tracing::error!(%err, "lecture de la file des e-mails impossible");
            return 0;
        }
    };
    let count = batch.len();
    for queued in batch {
        let envelope = Envelope {
            to: queued.mail.to,
            subject: queued.mail.subject,
            body: queued.mail.body,
            list_unsubscribe: queued.list_unsubscribe,
        };
        let outcome = match mailer.send(&envelope).await {
            Ok(()) => {
                metrics::counter!("campus_mail_sent_total").increment(1);
                state.store.mark_mail_sent(queued.id).await
            }
            Err(err) => {
                metrics::counter!("campus_mail_failed_total").increment(1);
                tracing::warn!(%err, id = queued.id, "envoi d'e-mail en échec, nouvel essai plus tard");
                state
                    .store
                    .mark_mail_failed(queued.id, queued.attempts, &err.to_string())
                    .await
            }
        };
        if let Err(err) = outcome {
            tracing::error!(%err, id = queued.id, "état d'envoi non enregistré");
        }
    }
    count
}

async fn cleanup(state: &AppState) {
    let window = chrono::Duration::minutes(state.config.security.login_window_minutes.max(60));
    let now = state.clock.now();
    let results = [
        state.store.purge_sessions(state.session_policy()).await,
        state
            .store
            .purge_tokens(now - chrono::Duration::days(7))
            .await,
        state.store.purge_login_attempts(now - window).await,
        // The longest rate-limit window is an hour.
        state
            .store
            .purge_rate_limit_hits(now - chrono::Duration::hours(2))
            .await,
    ];
    for result in results {
        if let Err(err) = result {
            tracing::warn!(%err, "nettoyage périodique incomplet");
        }
    }
    if let Err(err) = crate::routes::purge_pending_subscriptions(state, now).await {
        tracing::warn!(%err, "abonnements non confirmés non supprimés");
    }
    if let Err(err) = crate::routes::apply_retention(state).await {
        tracing::warn!(%err, "durées de conservation non appliquées");
    }
}
