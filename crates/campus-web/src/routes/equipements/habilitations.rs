//! Habilitations granted by instructors: trainers (`formateur`) and the
//! campus team grant a person the use of a category of equipment until a
//! date. A trainer sees the habilitations they granted; the campus team
//! sees all.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::equipement::CategorieEquipement;
use campus_domain::{Email, Role};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::pages::{HabilitationRow, HabilitationValues, HabilitationsPage};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// Longest validity an instructor may grant at once.
const MAX_YEARS: i32 = 5;

fn instructor(me: &Identity) -> AppResult<()> {
    if me.user.role == Role::Formateur || me.user.role.is_campus_staff() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

async fn render_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    errors: FormErrors,
    notice: Option<String>,
    v: HabilitationValues,
) -> AppResult<HabilitationsPage> {
    let tr = chrome.tr();
    let granted_by = (!me.user.role.is_campus_staff()).then_some(me.user.id);
    let today = state.clock.today();
    let items = state
        .store
        .equipements()
        .recent_habilitations(granted_by, 200)
        .await?
        .into_iter()
        .map(|h| HabilitationRow {
            valide: h.valide_le(today),
            personne: h.user_nom,
            email: h.user_email,
            categorie: tr.t(h.categorie.label_key()),
            expire_le: h.expire_le.format("%d/%m/%Y").to_string(),
            accordee_par: h
                .accordee_par_nom
                .unwrap_or_else(|| tr.t("habilitation-by-module")),
            motif: h.motif,
        })
        .collect();
    let mut categories = vec![(String::new(), tr.t("habilitation-categorie-choose"))];
    categories
        .extend(CategorieEquipement::all().map(|c| (c.as_str().to_owned(), tr.t(c.label_key()))));
    Ok(HabilitationsPage {
        errors,
        notice,
        v,
        categories,
        items,
        chrome,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoticeQuery {
    ok: String,
}

pub(super) async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    instructor(&me)?;
    let notice = (q.ok == "accordee").then(|| chrome.t("habilitation-notice-granted"));
    let page = render_page(
        &state,
        chrome,
        &me,
        FormErrors::default(),
        notice,
        HabilitationValues::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(super) async fn grant(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(v): Form<HabilitationValues>,
) -> AppResult<Response> {
    instructor(&me)?;
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let email = errors.check(&tr, "email", Email::parse(&v.email));
    let person = match &email {
        Some(email) => state.store.user_by_email(email).await?,
        None => None,
    };
    if email.is_some() && person.is_none() {
        errors.add("email", tr.t("habilitation-person-unknown"));
    }
    let categorie = CategorieEquipement::parse(&v.categorie).ok();
    if categorie.is_none() {
        errors.add("categorie", tr.t("habilitation-categorie-invalid"));
    }
    let today = state.clock.today();
    let expire_le = NaiveDate::parse_from_str(v.expire_le.trim(), "%Y-%m-%d").ok();
    match expire_le {
        None => errors.add("expire_le", tr.t("habilitation-date-invalid")),
        Some(d) if d < today => errors.add("expire_le", tr.t("habilitation-date-past")),
        Some(d) if d > today.with_year(today.year() + MAX_YEARS).unwrap_or(today) => errors.add(
            "expire_le",
            tr.tn("habilitation-date-too-far", "years", MAX_YEARS as u64),
        ),
        Some(_) => {}
    }
    let motif = v.motif.trim();
    if motif.chars().count() > 500 {
        errors.add("motif", tr.tn("text-too-long", "max", 500u64));
    }
    if let (Some(person), Some(categorie), Some(expire_le), true) =
        (person, categorie, expire_le, errors.is_empty())
    {
        state
            .store
            .equipements()
            .grant_habilitation(person.id, categorie, Some(me.user.id), expire_le, motif)
            .await?;
        return Ok(see_other("/habilitations?ok=accordee"));
    }
    let page = render_page(&state, chrome, &me, errors, None, v).await?;
    Ok(invalid(render(&page)?))
}
