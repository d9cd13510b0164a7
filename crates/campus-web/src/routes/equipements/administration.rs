//! The campus team's settings of the platform: each organisation's monthly
//! quota of booking hours, and the managers of each equipment.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::Email;
use campus_store::organisations::OrganisationFilter;
use serde::Deserialize;

use super::duree;
use super::pages::{AdminEquipementsPage, ManagerValues, QuotaValues};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// Hours in the longest month: a larger quota means no limit.
const MAX_HOURS: i32 = 744;

async fn render_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    notice: Option<String>,
    q: QuotaValues,
    g: ManagerValues,
) -> AppResult<AdminEquipementsPage> {
    let tr = chrome.tr();
    let (orgs, _) = state
        .store
        .list_organisations(&OrganisationFilter {
            per_page: 200,
            origine: Some(campus_domain::OrigineOrganisation::Reseau),
            ..Default::default()
        })
        .await?;
    let mut organisations = vec![(String::new(), tr.t("equipement-admin-choose-organisation"))];
    organisations.extend(orgs.into_iter().map(|o| (o.slug, o.nom)));
    let list = state.store.equipements().list_equipements().await?;
    let mut equipements = vec![(String::new(), tr.t("equipement-admin-choose-equipment"))];
    let mut managers = Vec::new();
    for e in list {
        let names: Vec<String> = state
            .store
            .equipements()
            .equipement_managers(e.id)
            .await?
            .into_iter()
            .map(|u| u.display_name)
            .collect();
        managers.push((e.nom.clone(), names.join(", ")));
        equipements.push((e.slug, e.nom));
    }
    let quotas = state
        .store
        .equipements()
        .list_equipement_quotas()
        .await?
        .into_iter()
        .map(|(org, minutes)| (org, duree(i64::from(minutes))))
        .collect();
    Ok(AdminEquipementsPage {
        errors,
        notice,
        organisations,
        equipements,
        quotas,
        managers,
        q,
        g,
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
    Query(n): Query<NoticeQuery>,
) -> AppResult<Response> {
    let notice = match n.ok.as_str() {
        "quota" => Some(chrome.t("equipement-admin-notice-quota")),
        "gestionnaire" => Some(chrome.t("equipement-admin-notice-manager")),
        _ => None,
    };
    let page = render_page(
        &state,
        chrome,
        FormErrors::default(),
        notice,
        QuotaValues::default(),
        ManagerValues::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(super) async fn set_quota(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(q): Form<QuotaValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let org = match state
        .store
        .organisation_by_slug(q.organisation.trim())
        .await
    {
        Ok(org) => Some(org),
        Err(campus_store::StoreError::NotFound) => {
            errors.add(
                "organisation",
                tr.t("equipement-admin-organisation-invalid"),
            );
            None
        }
        Err(err) => return Err(err.into()),
    };
    let hours = q
        .heures
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|h| (0..=MAX_HOURS).contains(h));
    if hours.is_none() {
        errors.add(
            "heures",
            tr.tn("equipement-admin-hours-invalid", "max", MAX_HOURS as u64),
        );
    }
    if let (Some(org), Some(hours)) = (org, hours) {
        state
            .store
            .equipements()
            .set_equipement_quota(org.id, hours * 60, Some(me.user.id))
            .await?;
        return Ok(see_other("/admin/equipements?ok=quota"));
    }
    let page = render_page(&state, chrome, errors, None, q, ManagerValues::default()).await?;
    Ok(invalid(render(&page)?))
}

pub(super) async fn add_manager(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(g): Form<ManagerValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let e = match state
        .store
        .equipements()
        .equipement_by_slug(g.equipement.trim())
        .await
    {
        Ok(e) => Some(e),
        Err(campus_store::StoreError::NotFound) => {
            errors.add("equipement", tr.t("equipement-admin-equipment-invalid"));
            None
        }
        Err(err) => return Err(err.into()),
    };
    let email = errors.check(&tr, "email", Email::parse(&g.email));
    let user = match &email {
        Some(email) => state.store.user_by_email(email).await?,
        None => None,
    };
    if email.is_some() && user.is_none() {
        errors.add("email", tr.t("habilitation-person-unknown"));
    }
    if let (Some(e), Some(user)) = (e, user) {
        state
            .store
            .equipements()
            .add_equipement_manager(e.id, user.id, Some(me.user.id))
            .await?;
        return Ok(see_other("/admin/equipements?ok=gestionnaire"));
    }
    let page = render_page(&state, chrome, errors, None, QuotaValues::default(), g).await?;
    Ok(invalid(render(&page)?))
}
