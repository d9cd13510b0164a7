//! The short satisfaction survey after an event, through the signed link
//! e-mailed to each participant: a rating, whether they would recommend
//! it, a comment. One answer per registration (a database key).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::optional_text;
use campus_store::evenements::follow_up::Avis;
use serde::Deserialize;

use super::pages::SurveyPage;
use super::view::EvenementView;
use super::{Signature, signed_id};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::routes::invalid;
use crate::signed::Purpose;
use crate::state::AppState;
use crate::templates::render;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(crate) struct SurveyForm {
    signature: String,
    note: String,
    recommande: String,
    commentaire: String,
}

async fn survey_page(
    state: &AppState,
    chrome: Chrome,
    id: i32,
    errors: FormErrors,
    form: SurveyForm,
) -> AppResult<SurveyPage> {
    let tr = chrome.tr();
    let registration = state.store.evenements().registration(id).await?;
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    let now = state.clock.now();
    let outcome = if state.store.evenements().has_avis(id).await? {
        Some(tr.t("avis-thanks"))
    } else if event.ends_at > now {
        Some(tr.t("avis-not-yet"))
    } else {
        None
    };
    Ok(SurveyPage {
        errors,
        event: EvenementView::new(&tr, &event, now),
        id,
        signature: form.signature,
        rating: form.note,
        ratings: (1..=5)
            .map(|n| (n.to_string(), tr.t(&format!("avis-rating-{n}"))))
            .collect(),
        recommend: form.recommande,
        comment: form.commentaire,
        outcome,
        chrome,
    })
}

pub(crate) async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::Survey, &id, &q.signature)?;
    let form = SurveyForm {
        signature: q.signature,
        ..Default::default()
    };
    let page = survey_page(&state, chrome, id, FormErrors::default(), form).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn answer(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Form(form): Form<SurveyForm>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::Survey, &id, &form.signature)?;
    let tr = chrome.tr();
    let registration = state.store.evenements().registration(id).await?;
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    if event.ends_at > state.clock.now() {
        return Err(AppError::Conflict("avis-not-yet"));
    }
    let mut errors = FormErrors::default();
    let rating = match form.note.trim().parse::<i32>() {
        Ok(n) if (1..=5).contains(&n) => Some(n),
        _ => {
            errors.add("note", tr.t("avis-field-rating-required"));
            None
        }
    };
    let recommend = match form.recommande.as_str() {
        "oui" => Some(true),
        "non" => Some(false),
        _ => {
            errors.add("recommande", tr.t("avis-field-recommend-required"));
            None
        }
    };
    let comment = errors
        .check(&tr, "commentaire", optional_text(&form.commentaire, 2000))
        .flatten();
    let (Some(rating), Some(recommend), true) = (rating, recommend, errors.is_empty()) else {
        let page = survey_page(&state, chrome, id, errors, form).await?;
        return Ok(invalid(render(&page)?));
    };
    match state
        .store
        .evenements()
        .save_avis(
            &registration,
            Avis {
                rating,
                recommend,
                comment: comment.unwrap_or_default(),
            },
        )
        .await
    {
        Ok(()) => {}
        // Answered already (twice the same form): the first answer stays.
        Err(err) if err.is_conflict() => {}
        Err(err) => return Err(err.into()),
    }
    let page = survey_page(&state, chrome, id, FormErrors::default(), form).await?;
    Ok(render(&page)?.into_response())
}
