//! The public forms' rate limits as handlers use them: each check counts
//! one action for its key in the database (shared by every node) and the
//! first one over its limit answers 429 with `Retry-After` and a French
//! page (a problem document under `/api`).

use campus_store::rate_limits::Limit;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// One limit to pass: what is counted, for whom, how many per window.
pub(crate) struct Check<'a> {
    pub bucket: &'static str,
    pub key: &'a str,
    pub limit: Limit,
}

/// Admits the action if every check passes.
pub(crate) async fn admit(state: &AppState, checks: &[Check<'_>]) -> AppResult<()> {
    for check in checks {
        if let Some(wait) = state
            .store
            .rate_limit_admit(check.bucket, check.key, check.limit)
            .await?
        {
            tracing::warn!(
                limite = check.bucket,
                cle = check.key,
                "limite de débit atteinte"
            );
            return Err(AppError::TooManyRequests {
                retry_after_secs: u64::try_from(wait.num_seconds()).unwrap_or(1).max(1),
            });
        }
    }
    Ok(())
}
