//! The signed-in user's own space: profile, password, API tokens, sessions.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::{Role, StatutApprenant, check_new_password, required_text};
use campus_store::generate_token;
use campus_store::hash_token;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors, Key};
use crate::i18n::Lang;
use crate::routes::{invalid, options, see_other};
use crate::state::AppState;
use crate::templates::{AccountPage, TokensPage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/compte", Access::SignedIn, account_page),
        RouteDef::post("/compte", Access::SignedIn, update_profile),
        RouteDef::post("/compte/mot-de-passe", Access::SignedIn, change_password),
        RouteDef::post(
            "/compte/sessions/fermer",
            Access::SignedIn,
            close_other_sessions,
        ),
        RouteDef::get("/compte/jetons", Access::SignedIn, tokens_page),
        RouteDef::post("/compte/jetons", Access::SignedIn, create_token),
        RouteDef::post(
            "/compte/jetons/{id}/revoquer",
            Access::SignedIn,
            revoke_token,
        ),
    ]
}

/// Confirmation messages shown after a redirect, chosen from this list
/// only (never text from the address bar).
const NOTICES: &[(&str, &str)] = &[
    ("profil", "account-notice-profile"),
    ("mot-de-passe", "account-notice-password"),
    ("sessions", "account-notice-sessions"),
    ("jeton-revoque", "tokens-notice-revoked"),
    ("lien", "account-notice-federation"),
];

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoticeQuery {
    ok: String,
}

pub(crate) fn notice(chrome: &Chrome, code: &str) -> Option<String> {
    NOTICES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, key)| chrome.t(key))
}

async fn account(
    state: &AppState,
    chrome: Chrome,
    user: &campus_store::users::User,
    errors: FormErrors,
    notice_text: Option<String>,
    values: Option<&ProfileForm>,
) -> AppResult<AccountPage> {
    let tr = chrome.tr();
    let organisation_membres = state
        .store
        .memberships_of(user.id)
        .await?
        .into_iter()
        .map(|(org, role)| (org.slug, org.nom, role.label_key()))
        .collect();
    Ok(AccountPage {
        errors,
        notice: notice_text,
        email: user.email.as_str().to_owned(),
        role_key: user.role.label_key(),
        display_name: values
            .map(|v| v.display_name.clone())
            .unwrap_or_else(|| user.display_name.clone()),
        show_statut: user.role == Role::Apprenant,
        statut: values.map(|v| v.statut.clone()).unwrap_or_else(|| {
            user.statut
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default()
        }),
        statuts: options::statuts(&tr),
        locale: values
            .map(|v| v.locale.clone())
            .unwrap_or_else(|| user.locale.clone()),
        locales: options::locales(),
        organisation_membres,
        chrome,
    })
}

async fn account_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let notice_text = notice(&chrome, &q.ok);
    let page = account(
        &state,
        chrome,
        &me.user,
        FormErrors::default(),
        notice_text,
        None,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileForm {
    display_name: String,
    statut: String,
    locale: String,
}

async fn update_profile(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<ProfileForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let name = errors.check(&tr, "display_name", required_text(&form.display_name, 120));
    let statut = if form.statut.is_empty() || me.user.role != Role::Apprenant {
        None
    } else {
        errors.check(
            &tr,
            "statut",
            StatutApprenant::parse(&form.statut).map_err(|_| Key("field-statut-invalid")),
        )
    };
    let locale = errors.check(
        &tr,
        "locale",
        Lang::parse(&form.locale).ok_or(Key("field-locale-invalid")),
    );
    let (Some(name), Some(locale), true) = (name, locale, errors.is_empty()) else {
        let page = account(&state, chrome, &me.user, errors, None, Some(&form)).await?;
        return Ok(invalid(render(&page)?));
    };
    state
        .store
        .update_profile(me.user.id, name, statut, locale.code().to_owned())
        .await?;
    Ok(see_other("/compte?ok=profil"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    current_password: String,
    new_password: String,
}

async fn change_password(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let hash = state.store.password_hash(me.user.id).await?;
    if !state.passwords.verify(form.current_password, hash).await {
        errors.add("current_password", tr.t("account-password-wrong"));
    }
    errors.check(
        &tr,
        "new_password",
        check_new_password(
            &form.new_password,
            &[me.user.email.local_part(), &me.user.display_name],
        ),
    );
    if !errors.is_empty() {
        let page = account(&state, chrome, &me.user, errors, None, None).await?;
        return Ok(invalid(render(&page)?));
    }
    let new_hash = state.passwords.hash(form.new_password).await?;
    state
        .store
        .change_password(me.user.id, new_hash, me.session_hash())
        .await?;
    Ok(see_other("/compte?ok=mot-de-passe"))
}

async fn close_other_sessions(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    state
        .store
        .delete_user_sessions(me.user.id, me.session_hash())
        .await?;
    Ok(see_other("/compte?ok=sessions"))
}

async fn tokens_view(
    state: &AppState,
    chrome: Chrome,
    user_id: i32,
    errors: FormErrors,
    name: String,
    new_token: Option<String>,
) -> AppResult<TokensPage> {
    Ok(TokensPage {
        chrome,
        errors,
        token_name: name,
        new_token,
        tokens: state.store.api_tokens(user_id).await?,
    })
}

async fn tokens_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let page = tokens_view(
        &state,
        chrome,
        me.user.id,
        FormErrors::default(),
        String::new(),
        None,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    name: String,
}

/// Personal access tokens start with this prefix, so that secret scanners
/// and people recognise them.
const TOKEN_PREFIX: &str = "campus_";

async fn create_token(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let Some(name) = errors.check(&tr, "name", required_text(&form.name, 80)) else {
        let page = tokens_view(
            &state,
            chrome,
            me.user.id,
            errors,
            form.name.chars().take(80).collect(),
            None,
        )
        .await?;
        return Ok(invalid(render(&page)?));
    };
    let secret = format!("{TOKEN_PREFIX}{}", generate_token());
    let prefix: String = secret.chars().take(12).collect();
    state
        .store
        .create_api_token(me.user.id, name, hash_token(&secret), prefix, None)
        .await?;
    // The secret is shown in this response only; it is never stored.
    let page = tokens_view(
        &state,
        chrome,
        me.user.id,
        FormErrors::default(),
        String::new(),
        Some(secret),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

async fn revoke_token(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    state.store.revoke_api_token(me.user.id, id).await?;
    Ok(see_other("/compte/jetons"))
}
