//! The library's scheduled work: checking the external links, run from
//! the mail worker like the other jobs.
//!
//! A link is checked at most once a day. One that answers an error status
//! (4xx, 5xx) or does not answer within the timeout is flagged on the
//! resource, and its author told once by e-mail; a later good check
//! clears the flag. Only the status is read, never the body, and nothing
//! of the answer is shown to anyone.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::mails;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// How long a check waits for an answer.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a link is checked.
const INTERVALLE: chrono::Duration = chrono::Duration::hours(24);

/// Checks the links not checked for a day at `now`; returns how many
/// authors were told of a broken link.
pub async fn check_ressource_links(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::limited(5))
        .user_agent("campus-verification-liens")
        .build()
        .map_err(|e| AppError::internal("client HTTP", e))?;
    let store = state.store.ressources();
    let mut told = 0;
    for (id, lien) in store.liens_a_verifier(now - INTERVALLE).await? {
        let ok = match client.get(&lien).send().await {
            Ok(answer) => !(answer.status().is_client_error() || answer.status().is_server_error()),
            Err(_) => false,
        };
        let mail = if ok {
            None
        } else {
            let r = store.ressource(id).await?;
            match r.auteur_user_id {
                Some(a) => Some(mails::lien_casse(state, &state.store.user(a).await?, &r)),
                None => None,
            }
        };
        if store.lien_verifie(id, ok, mail).await? {
            told += 1;
        }
    }
    if told > 0 {
        state.mail_queued.notify_one();
    }
    Ok(told)
}
