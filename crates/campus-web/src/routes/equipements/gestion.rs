//! Adding an equipment (the campus team), editing it and retiring it (its
//! managers and the campus team). Every field is checked by the domain
//! ([`FicheEquipement::parse`]) and every error shown at once; the store
//! writes each change in one transaction, the edit only if nobody saved
//! the equipment since the form was loaded.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use campus_domain::equipement::saisie::FicheEquipement;
use campus_store::StoreError;
use campus_store::equipements::{Equipement, GestionError, NouvelEquipement};
use serde::Deserialize;

use super::fiche::{self, EquipementValues};
use super::manages;
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// The equipment of the catalogue at `slug`, if `me` manages it: 404 for
/// an unknown or retired one, 403 for someone else's.
pub(super) async fn managed(state: &AppState, me: &Identity, slug: &str) -> AppResult<Equipement> {
    let e = state.store.equipements().equipement_by_slug(slug).await?;
    if !manages(state, me, &e).await? {
        return Err(AppError::Forbidden);
    }
    if !e.au_catalogue() {
        return Err(AppError::NotFound);
    }
    Ok(e)
}

/// The checked fields, or the form's errors, each in the page's language.
fn check(tr: &Tr, v: &EquipementValues, errors: &mut FormErrors) -> Option<FicheEquipement> {
    match FicheEquipement::parse(&v.saisie()) {
        Ok(fiche) => Some(fiche),
        Err(refused) => {
            for (field, why) in refused {
                errors.add(field, tr.t(why.message_key()));
            }
            None
        }
    }
}

/// The owner chosen in the form, as an organisation of the directory.
async fn owner(
    state: &AppState,
    tr: &Tr,
    v: &EquipementValues,
    errors: &mut FormErrors,
) -> AppResult<Option<i32>> {
    match state
        .store
        .organisation_by_slug(v.organisation.trim())
        .await
    {
        Ok(org) => Ok(Some(org.id)),
        Err(StoreError::NotFound) => {
            errors.add(
                "organisation",
                tr.t("equipement-admin-organisation-invalid"),
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn new_page(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let page = fiche::page(
        &state,
        chrome,
        None,
        EquipementValues::nouvelles(),
        FormErrors::default(),
        None,
        String::new(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(super) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = EquipementValues::from_pairs(pairs);
    let mut errors = FormErrors::default();
    let organisation = owner(&state, &tr, &v, &mut errors).await?;
    let fiche = check(&tr, &v, &mut errors);
    if let (Some(organisation), Some(fiche), true) = (organisation, fiche, errors.is_empty()) {
        let e = state
            .store
            .equipements()
            .create_equipement(
                NouvelEquipement::de_fiche(fiche, organisation),
                Some(me.user.id),
            )
            .await?;
        return Ok(see_other(&format!(
            "/equipements/{}/modifier?ok=cree",
            e.slug
        )));
    }
    let page = fiche::page(&state, chrome, None, v, errors, None, String::new()).await?;
    Ok(invalid(render(&page)?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoticeQuery {
    ok: String,
}

pub(super) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let e = managed(&state, &me, &slug).await?;
    let key = match q.ok.as_str() {
        "cree" => Some("equipement-gestion-notice-created"),
        "modifie" => Some("equipement-gestion-notice-saved"),
        "photo" => Some("equipement-photo-notice-added"),
        "photo-supprimee" => Some("equipement-photo-notice-deleted"),
        _ => None,
    };
    let notice = key.map(|k| chrome.t(k));
    let v = EquipementValues::of(&e);
    let page = fiche::page(
        &state,
        chrome,
        Some(e),
        v,
        FormErrors::default(),
        notice,
        String::new(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(super) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = managed(&state, &me, &slug).await?;
    let mut v = EquipementValues::from_pairs(pairs);
    let mut errors = FormErrors::default();
    // Only the campus team moves an equipment to another owner.
    let organisation = if me.user.role.is_campus_staff() {
        owner(&state, &tr, &v, &mut errors).await?
    } else {
        v.organisation = e.organisation_slug.clone();
        Some(e.organisation_id)
    };
    let fiche = check(&tr, &v, &mut errors);
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(organisation), Some(fiche), true) = (organisation, fiche, errors.is_empty()) {
        // A version that does not read is an old form's: refused the same.
        let version = v.version.trim().parse::<i32>().unwrap_or(0);
        match state
            .store
            .equipements()
            .update_equipement(e.id, version, &fiche, organisation, Some(me.user.id))
            .await
        {
            Ok(saved) => {
                return Ok(see_other(&format!(
                    "/equipements/{}/modifier?ok=modifie",
                    saved.slug
                )));
            }
            Err(GestionError::VersionPerimee) => {
                errors.add("version", tr.t("equipement-gestion-stale"));
                status = StatusCode::CONFLICT;
            }
            Err(GestionError::Store(err)) => return Err(err.into()),
            Err(other) => return Err(AppError::Internal(Box::new(other))),
        }
    }
    let page = fiche::page(&state, chrome, Some(e), v, errors, None, String::new()).await?;
    Ok((status, render(&page)?).into_response())
}

/// Retires the equipment from the catalogue; refused, with the form shown
/// again, while bookings to come hold it.
pub(super) async fn retire(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = managed(&state, &me, &slug).await?;
    let mut errors = FormErrors::default();
    match state
        .store
        .equipements()
        .retire_equipement(e.id, Some(me.user.id))
        .await
    {
        Ok(()) => return Ok(see_other("/equipements?ok=retire")),
        Err(GestionError::ReservationsAVenir(n)) => {
            errors.add(
                "retrait",
                tr.tn("equipement-gestion-retire-booked", "count", n),
            );
        }
        Err(GestionError::Store(err)) => return Err(err.into()),
        Err(other) => return Err(AppError::Internal(Box::new(other))),
    }
    let v = EquipementValues::of(&e);
    let page = fiche::page(&state, chrome, Some(e), v, errors, None, String::new()).await?;
    Ok((StatusCode::CONFLICT, render(&page)?).into_response())
}
