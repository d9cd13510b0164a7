//! The partner directory: public list and pages; editing by the campus team
//! or by the organisation's own responsables; members.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::mobilite::Pays;
use campus_domain::{
    CodePostal, Departement, Email, MembreRole, OrganisationKind, OrigineOrganisation, Siret, Uai,
    optional_text, required_text,
};
use campus_store::organisations::{Organisation, OrganisationFilter, OrganisationInput};
use serde::Deserialize;

use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, Key, url_encode};
use crate::i18n::Tr;
use crate::routes::{invalid, options, see_other};
use crate::state::AppState;
use crate::templates::{
    OrganisationFormPage, OrganisationPage, OrganisationValues, OrganisationsPage, render,
};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/organisations", Access::Public, list),
        RouteDef::get("/organisations/{slug}", Access::Public, show),
        RouteDef::get(
            "/organisations/{slug}/modifier",
            Access::SignedIn,
            edit_page,
        ),
        RouteDef::post("/organisations/{slug}/modifier", Access::SignedIn, edit),
        RouteDef::post(
            "/organisations/{slug}/membres",
            Access::SignedIn,
            add_member,
        ),
        RouteDef::post(
            "/organisations/{slug}/membres/{user_id}/retirer",
            Access::SignedIn,
            remove_member,
        ),
        RouteDef::get("/admin/organisations/nouvelle", Access::Staff, new_page),
        RouteDef::post("/admin/organisations", Access::Staff, create),
    ]
}

pub(crate) const PER_PAGE: u64 = 24;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    pub q: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub departement: String,
    pub origine: String,
    /// The country facet (ISO 3166-1 alpha-2).
    pub pays: String,
    pub page: String,
}

impl ListQuery {
    /// The directory filter; unknown values are ignored rather than
    /// refused, as they come from links people share.
    pub(crate) fn filter(&self) -> OrganisationFilter {
        OrganisationFilter {
            query: Some(self.q.chars().take(100).collect()),
            kind: OrganisationKind::parse(&self.kind).ok(),
            departement: Departement::parse(&self.departement).ok(),
            origine: OrigineOrganisation::parse(&self.origine).ok(),
            pays: Pays::parse(&self.pays).ok(),
            page: self.page.parse::<u64>().unwrap_or(1).clamp(1, 10_000) - 1,
            per_page: PER_PAGE,
        }
    }

    fn href(&self, page: u64) -> String {
        format!(
            "/organisations?q={}&type={}&departement={}&origine={}&pays={}&page={}",
            url_encode(&self.q),
            url_encode(&self.kind),
            url_encode(&self.departement),
            url_encode(&self.origine),
            url_encode(&self.pays),
            page + 1
        )
    }
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let filter = q.filter();
    let (orgs, total) = state.store.list_organisations(&filter).await?;
    let page = OrganisationsPage {
        errors: FormErrors::default(),
        orgs,
        total,
        q: q.q.chars().take(100).collect(),
        kind: filter
            .kind
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        kinds: options::kinds(&tr, true),
        departement: filter
            .departement
            .as_ref()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_default(),
        departements: options::departements(&tr),
        origine: filter
            .origine
            .map(|o| o.as_str().to_owned())
            .unwrap_or_default(),
        origines: options::origines(&tr),
        pays: filter
            .pays
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        pays_options: std::iter::once((String::new(), tr.t("organisations-tous-pays")))
            .chain(
                state
                    .store
                    .mobilite()
                    .pays_de_l_annuaire()
                    .await?
                    .into_iter()
                    .map(|(p, n)| (p.as_str().to_owned(), format!("{} ({n})", p.nom()))),
            )
            .collect(),
        page: filter.page,
        has_prev: filter.page > 0,
        has_next: (filter.page + 1) * PER_PAGE < total,
        prev_href: q.href(filter.page.saturating_sub(1)),
        next_href: q.href(filter.page + 1),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Whether `identity` may edit `org`: the campus team, or a responsable of
/// the organisation.
async fn can_edit(
    state: &AppState,
    identity: Option<&Identity>,
    org: &Organisation,
) -> AppResult<bool> {
    let Some(identity) = identity else {
        return Ok(false);
    };
    if identity.user.role.is_campus_staff() {
        return Ok(true);
    }
    Ok(state
        .store
        .membership_role(org.id, identity.user.id)
        .await?
        == Some(MembreRole::Responsable))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoticeQuery {
    ok: String,
}

async fn show_page(
    state: &AppState,
    chrome: Chrome,
    identity: Option<&Identity>,
    org: Organisation,
    errors: FormErrors,
    member_email: String,
    notice: Option<String>,
) -> AppResult<OrganisationPage> {
    let tr = chrome.tr();
    let editable = can_edit(state, identity, &org).await?;
    let members = if editable {
        state.store.members(org.id).await?
    } else {
        vec![]
    };
    let formations = state.store.formations_of_organisation(org.id).await?;
    let offres = crate::routes::insertion::offres_liees(
        state,
        &tr,
        &campus_store::insertion::FiltreOffres {
            organisation_id: Some(org.id),
            ..Default::default()
        },
    )
    .await?;
    Ok(OrganisationPage {
        offres,
        formations,
        org,
        notice,
        can_edit: editable,
        members,
        errors,
        member_email,
        member_role: MembreRole::Membre.as_str().to_owned(),
        member_roles: options::member_roles(&tr),
        chrome,
    })
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let org = state.store.organisation_by_slug(&slug).await?;
    let notice = match q.ok.as_str() {
        "modifiee" => Some(chrome.t("organisation-notice-saved")),
        "membre" => Some(chrome.t("organisation-notice-member")),
        _ => None,
    };
    let page = show_page(
        &state,
        chrome,
        identity.as_ref(),
        org,
        FormErrors::default(),
        String::new(),
        notice,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// The organisation, if `me` may edit it; 403 otherwise.
async fn editable(state: &AppState, me: &Identity, slug: &str) -> AppResult<Organisation> {
    let org = state.store.organisation_by_slug(slug).await?;
    if can_edit(state, Some(me), &org).await? {
        Ok(org)
    } else {
        Err(AppError::Forbidden)
    }
}

fn values_of(org: &Organisation) -> OrganisationValues {
    OrganisationValues {
        nom: org.nom.clone(),
        kind: org.kind.as_str().to_owned(),
        siret: org
            .siret
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        uai: org
            .uai
            .as_ref()
            .map(|u| u.as_str().to_owned())
            .unwrap_or_default(),
        description: org.description.clone(),
        adresse: org.adresse.clone().unwrap_or_default(),
        code_postal: org
            .code_postal
            .as_ref()
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        commune: org.commune.clone().unwrap_or_default(),
        departement: org
            .departement
            .as_ref()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_default(),
        site_web: org.site_web.clone().unwrap_or_default(),
        email_contact: org.email_contact.clone().unwrap_or_default(),
    }
}

fn form_page(
    chrome: Chrome,
    errors: FormErrors,
    title: String,
    action: String,
    v: OrganisationValues,
) -> OrganisationFormPage {
    let tr = chrome.tr();
    OrganisationFormPage {
        errors,
        title,
        action,
        v,
        kinds: options::kinds(&tr, false),
        departements: options::departements(&tr),
        chrome,
    }
}

/// Validates the organisation form (site and API alike).
pub(crate) fn validate(tr: &Tr, v: &OrganisationValues) -> Result<OrganisationInput, FormErrors> {
    let mut errors = FormErrors::default();
    let nom = errors.check(tr, "nom", required_text(&v.nom, 200));
    let kind = errors.check(
        tr,
        "kind",
        OrganisationKind::parse(&v.kind).map_err(|_| Key("field-org-kind-invalid")),
    );
    let siret = optional(&mut errors, tr, "siret", &v.siret, Siret::parse);
    let uai = optional(&mut errors, tr, "uai", &v.uai, Uai::parse);
    let description = errors
        .check(tr, "description", optional_text(&v.description, 5000))
        .flatten();
    let adresse = errors
        .check(tr, "adresse", optional_text(&v.adresse, 250))
        .flatten();
    let code_postal = optional(
        &mut errors,
        tr,
        "code_postal",
        &v.code_postal,
        CodePostal::parse,
    );
    let commune = errors
        .check(tr, "commune", optional_text(&v.commune, 120))
        .flatten();
    let mut departement = optional(
        &mut errors,
        tr,
        "departement",
        &v.departement,
        Departement::parse,
    );
    if departement.is_none() && v.departement.trim().is_empty() {
        departement = code_postal
            .as_ref()
            .and_then(CodePostal::departement_probable);
    }
    let site_web = errors
        .check(tr, "site_web", optional_text(&v.site_web, 250))
        .flatten();
    if let Some(site) = &site_web
        && (!(site.starts_with("https://") || site.starts_with("http://"))
            || url::Url::parse(site).is_err())
    {
        errors.add("site_web", tr.t("field-site-web-invalid"));
    }
    let email_contact = optional(
        &mut errors,
        tr,
        "email_contact",
        &v.email_contact,
        Email::parse,
    );
    match (nom, kind) {
        (Some(nom), Some(kind)) if errors.is_empty() => Ok(OrganisationInput {
            nom,
            kind,
            siret,
            uai,
            description: description.unwrap_or_default(),
            adresse,
            code_postal,
            commune,
            departement,
            site_web,
            email_contact: email_contact.map(|e| e.as_str().to_owned()),
        }),
        _ => Err(errors),
    }
}

fn optional<T, E: crate::forms::DomainMessage>(
    errors: &mut FormErrors,
    tr: &Tr,
    field: &'static str,
    value: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Option<T> {
    if value.trim().is_empty() {
        None
    } else {
        errors.check(tr, field, parse(value))
    }
}

/// Turns a unique-key conflict into a message on the field concerned.
pub(crate) fn conflict_errors(tr: &Tr, err: &campus_store::StoreError) -> Option<FormErrors> {
    let mut errors = FormErrors::default();
    if err.conflicts_on("siret") {
        errors.add("siret", tr.t("organisation-siret-taken"));
    } else if err.conflicts_on("uai") {
        errors.add("uai", tr.t("organisation-uai-taken"));
    } else {
        return None;
    }
    Some(errors)
}

async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let org = editable(&state, &me, &slug).await?;
    let title = chrome.ts("organisation-edit-title", "name", &org.nom);
    let page = form_page(
        chrome,
        FormErrors::default(),
        title,
        format!("/organisations/{}/modifier", org.slug),
        values_of(&org),
    );
    Ok(render(&page)?.into_response())
}

async fn edit(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(values): Form<OrganisationValues>,
) -> AppResult<Response> {
    let org = editable(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let title = tr.ts("organisation-edit-title", "name", &org.nom);
    let action = format!("/organisations/{}/modifier", org.slug);
    let input = match validate(&tr, &values) {
        Ok(input) => input,
        Err(errors) => {
            return Ok(invalid(render(&form_page(
                chrome, errors, title, action, values,
            ))?));
        }
    };
    match state
        .store
        .update_organisation(org.id, input, Some(me.user.id))
        .await
    {
        Ok(org) => {
            super::search::organisation_changed(&state, org.id).await;
            Ok(see_other(&format!(
                "/organisations/{}?ok=modifiee",
                org.slug
            )))
        }
        Err(err) => match conflict_errors(&tr, &err) {
            Some(errors) => Ok(invalid(render(&form_page(
                chrome, errors, title, action, values,
            ))?)),
            None => Err(err.into()),
        },
    }
}

async fn new_page(chrome: Chrome) -> AppResult<Response> {
    let title = chrome.t("organisations-new");
    let values = OrganisationValues {
        kind: OrganisationKind::Entreprise.as_str().to_owned(),
        ..Default::default()
    };
    Ok(render(&form_page(
        chrome,
        FormErrors::default(),
        title,
        "/admin/organisations".to_owned(),
        values,
    ))?
    .into_response())
}

async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(values): Form<OrganisationValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let title = tr.t("organisations-new");
    let action = "/admin/organisations".to_owned();
    let input = match validate(&tr, &values) {
        Ok(input) => input,
        Err(errors) => {
            return Ok(invalid(render(&form_page(
                chrome, errors, title, action, values,
            ))?));
        }
    };
    match state
        .store
        .create_organisation(input, Some(me.user.id))
        .await
    {
        Ok(org) => {
            super::search::organisation_changed(&state, org.id).await;
            Ok(see_other(&format!(
                "/organisations/{}?ok=modifiee",
                org.slug
            )))
        }
        Err(err) => match conflict_errors(&tr, &err) {
            Some(errors) => Ok(invalid(render(&form_page(
                chrome, errors, title, action, values,
            ))?)),
            None => Err(err.into()),
        },
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MemberForm {
    email: String,
    role: String,
}

async fn add_member(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<MemberForm>,
) -> AppResult<Response> {
    let org = editable(&state, &me, &slug).await?;
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let email = errors.check(&tr, "email", Email::parse(&form.email));
    let role = errors.check(
        &tr,
        "role",
        MembreRole::parse(&form.role).map_err(|_| Key("field-member-role-invalid")),
    );
    let user = match &email {
        Some(email) => state.store.user_by_email(email).await?,
        None => None,
    };
    if email.is_some() && user.is_none() {
        errors.add("email", tr.t("organisation-member-unknown"));
    }
    match (user, role) {
        (Some(user), Some(role)) if errors.is_empty() => {
            state
                .store
                .set_member(org.id, user.id, role, Some(me.user.id))
                .await?;
            Ok(see_other(&format!("/organisations/{}?ok=membre", org.slug)))
        }
        _ => {
            let page = show_page(
                &state,
                chrome,
                Some(&me),
                org,
                errors,
                form.email.chars().take(254).collect(),
                None,
            )
            .await?;
            Ok(invalid(render(&page)?))
        }
    }
}

async fn remove_member(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path((slug, user_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let org = editable(&state, &me, &slug).await?;
    let user_id: i32 = user_id.parse().map_err(|_| AppError::NotFound)?;
    state
        .store
        .remove_member(org.id, user_id, Some(me.user.id))
        .await?;
    Ok(see_other(&format!("/organisations/{}?ok=membre", org.slug)))
}
