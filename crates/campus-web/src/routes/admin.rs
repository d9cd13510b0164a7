//! The campus team's administration: accounts (role, disabling),
//! invitations, and a dashboard with the audit trail.
//!
//! Two rules beyond the route's: only an administrator may create, change
//! or disable an administrator, and nobody may change their own role or
//! disable themselves (which would lock the platform out of its last
//! administrator).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::{Email, Role, required_text};
use campus_store::generate_token;
use campus_store::hash_token;
use campus_store::outbox::OutgoingMail;
use campus_store::tokens::{NewToken, TokenPurpose};
use campus_store::users::{NewUser, UserFilter};
use chrono::Duration;
use serde::Deserialize;

use crate::auth::{CurrentUser, Identity};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, Key, url_encode};
use crate::routes::{invalid, options, see_other};
use crate::state::AppState;
use crate::templates::{AdminPage, AdminUsersPage, InvitePage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin", Access::Staff, dashboard),
        RouteDef::get("/admin/utilisateurs", Access::Staff, users),
        RouteDef::post("/admin/utilisateurs/{id}/role", Access::Staff, set_role),
        RouteDef::post(
            "/admin/utilisateurs/{id}/desactiver",
            Access::Staff,
            disable,
        ),
        RouteDef::post("/admin/utilisateurs/{id}/reactiver", Access::Staff, enable),
        RouteDef::get("/admin/invitations/nouvelle", Access::Staff, invite_page),
        RouteDef::post("/admin/invitations", Access::Staff, invite),
    ]
}

async fn dashboard(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let page = AdminPage {
        users: state.store.count_users().await?,
        organisations: state.store.count_organisations().await?,
        pending_mail: state.store.pending_mail_count().await?,
        failing_mail: state.store.failing_mail_count().await?,
        events: state.store.recent_audit_events(20).await?,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

const PER_PAGE: u64 = 50;

#[derive(Deserialize, Default)]
#[serde(default)]
struct UsersQuery {
    q: String,
    role: String,
    page: String,
    ok: String,
}

async fn users(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<UsersQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let page = q.page.parse::<u64>().unwrap_or(1).clamp(1, 10_000) - 1;
    let filter = UserFilter {
        query: Some(q.q.chars().take(100).collect()),
        role: Role::parse(&q.role).ok(),
        page,
        per_page: PER_PAGE,
    };
    let (list, total) = state.store.list_users(&filter).await?;
    let href = |p: u64| {
        format!(
            "/admin/utilisateurs?q={}&role={}&page={}",
            url_encode(&q.q),
            url_encode(&q.role),
            p + 1
        )
    };
    let notice = match q.ok.as_str() {
        "role" => Some(tr.t("admin-notice-role")),
        "etat" => Some(tr.t("admin-notice-state")),
        _ => None,
    };
    let view = AdminUsersPage {
        errors: FormErrors::default(),
        notice,
        users: list,
        total,
        q: q.q.chars().take(100).collect(),
        role: filter
            .role
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
        role_filter: options::role_filter(&tr),
        roles: options::roles(&tr),
        page,
        has_prev: page > 0,
        has_next: (page + 1) * PER_PAGE < total,
        prev_href: href(page.saturating_sub(1)),
        next_href: href(page + 1),
        chrome,
    };
    Ok(render(&view)?.into_response())
}

/// The target account, if `me` may administer it.
async fn administrable(
    state: &AppState,
    me: &Identity,
    id: &str,
) -> AppResult<campus_store::users::User> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    let target = state.store.user(id).await?;
    if target.id == me.user.id {
        return Err(AppError::BadRequest {
            key: "admin-self",
            detail: None,
        });
    }
    if target.role == Role::Admin && me.user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(target)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

async fn set_role(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> AppResult<Response> {
    let target = administrable(&state, &me, &id).await?;
    let role = Role::parse(&form.role).map_err(|_| AppError::BadRequest {
        key: "field-role-invalid",
        detail: None,
    })?;
    if role == Role::Admin && me.user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    state
        .store
        .set_role(target.id, role, Some(me.user.id))
        .await?;
    Ok(see_other("/admin/utilisateurs?ok=role"))
}

async fn set_disabled(
    state: &AppState,
    me: &Identity,
    id: &str,
    disabled: bool,
) -> AppResult<Response> {
    let target = administrable(state, me, id).await?;
    state
        .store
        .set_disabled(target.id, disabled, Some(me.user.id))
        .await?;
    Ok(see_other("/admin/utilisateurs?ok=etat"))
}

async fn disable(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    set_disabled(&state, &me, &id, true).await
}

async fn enable(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    set_disabled(&state, &me, &id, false).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    email: String,
    display_name: String,
    role: String,
}

fn invite_view(
    chrome: Chrome,
    errors: FormErrors,
    notice: Option<String>,
    form: &InviteForm,
) -> InvitePage {
    let tr = chrome.tr();
    InvitePage {
        errors,
        notice,
        email: form.email.chars().take(254).collect(),
        display_name: form.display_name.chars().take(120).collect(),
        role: if form.role.is_empty() {
            Role::Formateur.as_str().to_owned()
        } else {
            form.role.clone()
        },
        roles: options::roles(&tr),
        chrome,
    }
}

async fn invite_page(chrome: Chrome) -> AppResult<Response> {
    Ok(render(&invite_view(
        chrome,
        FormErrors::default(),
        None,
        &InviteForm::default(),
    ))?
    .into_response())
}

async fn invite(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let email = errors.check(&tr, "email", Email::parse(&form.email));
    let name = errors.check(&tr, "display_name", required_text(&form.display_name, 120));
    let role = errors.check(
        &tr,
        "role",
        Role::parse(&form.role).map_err(|_| Key("field-role-invalid")),
    );
    if role == Some(Role::Admin) && me.user.role != Role::Admin {
        errors.add("role", tr.t("admin-invite-admin-forbidden"));
    }
    let (Some(email), Some(name), Some(role), true) = (email, name, role, errors.is_empty()) else {
        return Ok(invalid(render(&invite_view(chrome, errors, None, &form))?));
    };
    let token = generate_token();
    let link = format!("{}/invitation?jeton={token}", state.config.base_url());
    let mail = OutgoingMail {
        to: email.as_str().to_owned(),
        subject: tr.t("mail-invite-subject"),
        body: tr.tv(
            "mail-invite-body",
            &[
                ("name", &name),
                ("inviter", &me.user.display_name),
                ("role", &tr.t(role.label_key())),
                ("link", &link),
            ],
        ),
    };
    let new = NewUser {
        email: email.clone(),
        display_name: name,
        password_hash: None,
        role,
        statut: None,
        locale: chrome.lang.code().to_owned(),
        email_verified: false,
    };
    let ttl = Duration::hours(state.config.security.verification_link_hours);
    let token = NewToken {
        hash: hash_token(&token),
        purpose: TokenPurpose::Invitation,
        ttl,
    };
    match state
        .store
        .create_user(new, Some(token), Some(mail), Some(me.user.id))
        .await
    {
        Ok(_) => {
            state.mail_queued.notify_one();
            let notice = Some(tr.ts("admin-invite-sent", "email", email.as_str()));
            Ok(render(&invite_view(
                chrome,
                FormErrors::default(),
                notice,
                &InviteForm::default(),
            ))?
            .into_response())
        }
        Err(err) if err.is_conflict() => {
            errors.add("email", tr.t("admin-invite-exists"));
            Ok(invalid(render(&invite_view(chrome, errors, None, &form))?))
        }
        Err(err) => Err(err.into()),
    }
}
