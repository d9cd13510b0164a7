//! What managers see of their equipment: hours used by organisation and by
//! public over a period, its CSV export, and maintenance windows.

use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::heure_legale;
use campus_formats::csv_export::{self, CsvExport};
use campus_store::equipements::Equipement;
use chrono::{Datelike, Months, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;

use super::pages::{MaintenanceValues, UtilisationPage};
use super::{duree, manages, public_label};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// The equipment, if `me` manages it; 403 otherwise.
async fn managed(state: &AppState, me: &Identity, slug: &str) -> AppResult<Equipement> {
    let e = state.store.equipements().equipement_by_slug(slug).await?;
    if manages(state, me, &e).await? {
        Ok(e)
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct PeriodQuery {
    du: String,
    au: String,
    ok: String,
}

impl PeriodQuery {
    /// The period asked for, both days included; by default the month of
    /// `today`. Dates that do not parse fall back to the default, as they
    /// come from links.
    fn period(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = today.with_day(1).unwrap_or(today);
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(today);
        let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        let du = parse(&self.du).unwrap_or(first);
        let au = parse(&self.au)
            .filter(|au| *au >= du)
            .unwrap_or(last.max(du));
        (du, au)
    }
}

/// The instants bounding legal days `du` to `au` included.
fn bounds(du: NaiveDate, au: NaiveDate) -> (chrono::DateTime<Utc>, chrono::DateTime<Utc>) {
    let start = heure_legale::depuis_local(du.and_time(NaiveTime::MIN))
        .unwrap_or_else(|| du.and_time(NaiveTime::MIN).and_utc());
    let end_day = au.succ_opt().unwrap_or(au);
    let end = heure_legale::depuis_local(end_day.and_time(NaiveTime::MIN))
        .unwrap_or_else(|| end_day.and_time(NaiveTime::MIN).and_utc());
    (start, end)
}

async fn render_page(
    state: &AppState,
    chrome: Chrome,
    e: Equipement,
    q: &PeriodQuery,
    errors: FormErrors,
    mv: MaintenanceValues,
) -> AppResult<UtilisationPage> {
    let tr = chrome.tr();
    let (du, au) = q.period(state.clock.today());
    let (from, to) = bounds(du, au);
    let u = state
        .store
        .equipements()
        .utilisation(e.id, from, to)
        .await?;
    let notice = (q.ok == "maintenance").then(|| tr.t("equipement-notice-maintenance"));
    Ok(UtilisationPage {
        notice,
        total: duree(u.total_minutes),
        par_organisation: u
            .par_organisation
            .into_iter()
            .map(|(org, minutes)| {
                (
                    org.unwrap_or_else(|| tr.t("reservation-organisation-none")),
                    duree(minutes),
                )
            })
            .collect(),
        par_public: u
            .par_public
            .into_iter()
            .map(|(public, minutes)| (public_label(&tr, &public), duree(minutes)))
            .collect(),
        csv_href: format!("/equipements/{}/utilisation.csv?du={du}&au={au}", e.slug),
        du: du.to_string(),
        au: au.to_string(),
        errors,
        mv,
        e,
        chrome,
    })
}

pub(super) async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> AppResult<Response> {
    let e = managed(&state, &me, &slug).await?;
    let page = render_page(
        &state,
        chrome,
        e,
        &q,
        FormErrors::default(),
        MaintenanceValues::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// One line per confirmed booking of the period, without names: date,
/// times, hours, organisation, public, rate.
pub(super) async fn csv(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = managed(&state, &me, &slug).await?;
    let (du, au) = q.period(state.clock.today());
    let (from, to) = bounds(du, au);
    let u = state
        .store
        .equipements()
        .utilisation(e.id, from, to)
        .await?;
    let mut export = CsvExport::new(
        [
            "csv-date",
            "csv-start",
            "csv-end",
            "csv-hours",
            "csv-booking-organisation",
            "csv-public",
            "csv-rate",
        ]
        .map(|k| tr.t(k)),
    )?;
    for l in u.lignes {
        let (debut, fin) = (
            heure_legale::vers_local(l.debut),
            heure_legale::vers_local(l.fin),
        );
        let hours = format!("{:.2}", f64::from(l.minutes) / 60.0).replace('.', ",");
        let fields = [
            debut.format("%Y-%m-%d").to_string(),
            debut.format("%H:%M").to_string(),
            fin.format("%H:%M").to_string(),
            hours,
            l.organisation
                .unwrap_or_else(|| tr.t("reservation-organisation-none")),
            public_label(&tr, &l.public),
            campus_domain::equipement::Tarif::parse(&l.tarif)
                .map(|t| tr.t(t.label_key()))
                .unwrap_or(l.tarif),
        ];
        export.row(fields)?;
    }
    let filename = format!("utilisation-{}-{du}-{au}.csv", e.slug);
    Ok((
        [
            (header::CONTENT_TYPE, csv_export::CONTENT_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}

pub(super) async fn add_maintenance(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(m): Form<MaintenanceValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = managed(&state, &me, &slug).await?;
    let mut errors = FormErrors::default();
    let instant = |date: &str, time: &str, field: &'static str, errors: &mut FormErrors| {
        let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok();
        let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
        match (date, time) {
            (Some(d), Some(t)) => match heure_legale::depuis_local(d.and_time(t)) {
                Some(at) => Some(at),
                None => {
                    errors.add(field, tr.t("reservation-skipped-hour"));
                    None
                }
            },
            _ => {
                errors.add(field, tr.t("equipement-maintenance-when-invalid"));
                None
            }
        }
    };
    let debut = instant(&m.date_debut, &m.heure_debut, "date_debut", &mut errors);
    let fin = instant(&m.date_fin, &m.heure_fin, "date_fin", &mut errors);
    if let (Some(debut), Some(fin)) = (debut, fin) {
        if fin <= debut {
            errors.add("date_fin", tr.t("reservation-end-before-start"));
        } else if fin < state.clock.now() {
            errors.add("date_fin", tr.t("reservation-in-past"));
        } else if fin - debut > chrono::Duration::days(366) {
            errors.add("date_fin", tr.t("equipement-maintenance-too-long"));
        }
    }
    let motif = m.motif.trim();
    if motif.is_empty() {
        errors.add("motif", tr.t("equipement-maintenance-motif-required"));
    }
    if let (Some(debut), Some(fin), true) = (debut, fin, errors.is_empty()) {
        match state
            .store
            .equipements()
            .add_maintenance(e.id, debut, fin, motif, Some(me.user.id))
            .await
        {
            Ok(()) => {
                return Ok(see_other(&format!(
                    "/equipements/{}/utilisation?ok=maintenance",
                    e.slug
                )));
            }
            Err(err) if err.is_conflict() => {
                errors.add("date_debut", tr.t("equipement-maintenance-booked"));
            }
            Err(err) => return Err(err.into()),
        }
    }
    let page = render_page(&state, chrome, e, &PeriodQuery::default(), errors, m).await?;
    Ok(invalid(render(&page)?))
}
