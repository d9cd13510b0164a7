//! The organisers' tools: the list of registrations, its CSV export, the
//! check-in at the door (a printable list and the codes of the tickets)
//! and the survey's results.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::evenement::InscriptionStatus;
use campus_formats::csv_export::{self, CsvExport};
use campus_store::evenements::inscriptions::CheckInError;
use serde::Deserialize;

use super::pages::{CheckInPage, InscriptionsPage, ResultsPage};
use super::view::{EvenementView, InscriptionRow, date, kind_key, time};
use super::{links, organised};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::routes::invalid;
use crate::state::AppState;
use crate::templates::render;

pub(crate) async fn registrations(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let regs = state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await?;
    let page = InscriptionsPage {
        event: EvenementView::new(&tr, &event, state.clock.now()),
        rows: regs.iter().map(|r| InscriptionRow::new(&tr, r)).collect(),
        summary: tr.tv(
            "registrations-summary",
            &[
                ("taken", &event.seats_taken.to_string()),
                ("capacity", &event.capacity.to_string()),
                ("waiting", &event.waiting_count.to_string()),
                (
                    "checked",
                    &regs
                        .iter()
                        .filter(|r| r.checked_in_at.is_some())
                        .map(|r| r.seats)
                        .sum::<i32>()
                        .to_string(),
                ),
            ],
        ),
        feed_url: links::absolute(
            &state,
            &links::organisation_feed(&state, event.organiser.id, &event.organiser.slug).await?,
        ),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

pub(crate) async fn export_csv(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let regs = state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await?;
    let mut export = CsvExport::new(
        [
            "csv-code",
            "csv-kind",
            "csv-name",
            "csv-email",
            "csv-seats",
            "csv-public",
            "csv-level",
            "csv-organisation",
            "csv-minor",
            "csv-status",
            "csv-consent",
            "csv-checked-in",
            "csv-registered-at",
        ]
        .map(|k| tr.t(k)),
    )?;
    for r in &regs {
        let row = [
            r.code.clone(),
            tr.t(kind_key(r.kind)),
            r.nom.clone(),
            r.email.clone(),
            r.seats.to_string(),
            tr.t(r.public.label_key()),
            r.niveau.clone(),
            r.organisation_nom.clone().unwrap_or_default(),
            tr.t(if r.is_minor { "csv-yes" } else { "csv-no" }),
            tr.t(r.status.label_key()),
            r.consent_by.clone().unwrap_or_default(),
            r.checked_in_at
                .map(|at| format!("{} {}", date(at), time(at)))
                .unwrap_or_default(),
            format!("{} {}", date(r.created_at), time(r.created_at)),
        ];
        export.row(row)?;
    }
    Ok((
        [
            (header::CONTENT_TYPE, csv_export::CONTENT_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"inscriptions-{}.csv\"", event.slug),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct CodeQuery {
    code: String,
}

async fn check_in_view(
    state: &AppState,
    chrome: Chrome,
    slug: &str,
    me: &crate::auth::Identity,
    errors: FormErrors,
    code: String,
    notice: Option<String>,
) -> AppResult<CheckInPage> {
    let event = organised(state, me, slug).await?;
    let tr = chrome.tr();
    let mut regs: Vec<_> = state
        .store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await?
        .into_iter()
        .filter(|r| r.status.holds_seats())
        .collect();
    regs.sort_by_key(|r| r.nom.to_lowercase());
    Ok(CheckInPage {
        errors,
        event: EvenementView::new(&tr, &event, state.clock.now()),
        rows: regs.iter().map(|r| InscriptionRow::new(&tr, r)).collect(),
        code,
        notice,
        chrome,
    })
}

pub(crate) async fn check_in_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Query(q): Query<CodeQuery>,
) -> AppResult<Response> {
    let code: String = q.code.chars().take(12).collect();
    let page = check_in_view(
        &state,
        chrome,
        &slug,
        &me,
        FormErrors::default(),
        code,
        None,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn check_in(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<CodeQuery>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let code: String = form.code.trim().chars().take(12).collect();
    let mut errors = FormErrors::default();
    let notice = match state.store.evenements().check_in(event.id, &code).await {
        Ok(r) => Some(tr.tv(
            "pointage-done",
            &[("name", &r.nom), ("seats", &r.seats.to_string())],
        )),
        Err(CheckInError::UnknownCode) => {
            errors.add("code", tr.t("pointage-unknown"));
            None
        }
        Err(CheckInError::NotConfirmed(r)) => {
            let key = if r.status == InscriptionStatus::AttenteConsentement {
                "pointage-no-consent"
            } else {
                "pointage-not-confirmed"
            };
            errors.add("code", tr.ts(key, "name", &r.nom));
            None
        }
        Err(CheckInError::AlreadyCheckedIn(r)) => {
            errors.add("code", tr.ts("pointage-already", "name", &r.nom));
            None
        }
        Err(CheckInError::Store(err)) => return Err(err.into()),
    };
    let failed = !errors.is_empty();
    let page = check_in_view(
        &state,
        chrome,
        &slug,
        &me,
        errors,
        if failed { code } else { String::new() },
        notice,
    )
    .await?;
    if failed {
        Ok(invalid(render(&page)?))
    } else {
        Ok(render(&page)?.into_response())
    }
}

pub(crate) async fn results(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let summary = state.store.evenements().avis_summary(event.id).await?;
    let average = summary
        .average
        .map(|a| format!("{a:.1}").replace('.', ","))
        .unwrap_or_default();
    let bars = (1..=5u64)
        .map(|rating| {
            let count = summary.distribution[(rating - 1) as usize];
            let percent = (count * 100).checked_div(summary.answers).unwrap_or(0);
            (tr.t(&format!("avis-rating-{rating}")), count, percent)
        })
        .collect();
    let page = ResultsPage {
        event: EvenementView::new(&tr, &event, state.clock.now()),
        summary,
        average,
        bars,
        chrome,
    };
    Ok(render(&page)?.into_response())
}
