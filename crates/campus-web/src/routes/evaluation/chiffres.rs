//! « Le campus en chiffres »: the key figures of the action plan for
//! everyone, with the suppression of small counts applied — a figure
//! under 5 or a rate over fewer than 20 people is not shown.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

use super::Periode;
use super::annee_demandee;
use super::tableau::{BlocAxe, blocs};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::evaluation::Lecture;
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "evaluation/chiffres.html")]
struct ChiffresPage {
    chrome: Chrome,
    annee: i32,
    annees: Vec<i32>,
    axes: Vec<BlocAxe>,
}

pub(crate) async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<Periode>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let courante = annee_demandee(&state, None)?;
    let mut annees: Vec<i32> = state
        .store
        .evaluation()
        .annees()
        .await?
        .into_iter()
        .filter(|a| *a <= courante)
        .collect();
    annees.sort_unstable_by(|a, b| b.cmp(a));
    // The latest year with records, unless another is asked.
    let annee = match q.annee.as_deref() {
        Some(a) if !a.trim().is_empty() => annee_demandee(&state, Some(a))?,
        _ => annees.first().copied().unwrap_or(courante),
    };
    if !annees.contains(&annee) {
        annees.insert(0, annee);
    }
    let page = ChiffresPage {
        axes: blocs(&state, &tr, annee, Lecture::Publiee).await?,
        annees,
        annee,
        chrome,
    };
    Ok(render(&page)?.into_response())
}
