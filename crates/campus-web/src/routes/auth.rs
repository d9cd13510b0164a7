//! Signing up, in and out; e-mail verification; forgotten passwords;
//! accepting an invitation.
//!
//! Answers never tell whether an address has an account: registering an
//! address already in use and asking a reset for an unknown address show
//! the same page as success, and the e-mail explains the rest to the owner.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use campus_domain::{Email, Role, StatutApprenant, check_new_password, required_text};
use campus_store::outbox::OutgoingMail;
use campus_store::tokens::{NewToken, TokenPurpose, TokenState};
use campus_store::users::{NewUser, User};
use campus_store::{StoreError, generate_token, hash_token};
use chrono::Duration;
use serde::Deserialize;

use crate::auth::{Identity, MaybeUser, PeerAddr, client_ip};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::cookies::{self, Lifetime};
use crate::error::AppResult;
use crate::forms::{Form, FormErrors, Key};
use crate::i18n::Tr;
use crate::login_throttle;
use crate::routes::{invalid, options, safe_next, see_other};
use crate::state::AppState;
use crate::templates::{
    ConfirmPage, ForgotPage, LoginPage, MessagePage, RegisterPage, SetPasswordPage, render,
};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/connexion", Access::Public, login_page),
        RouteDef::post("/connexion", Access::Public, login),
        RouteDef::post("/deconnexion", Access::Public, logout),
        RouteDef::get("/inscription", Access::Public, register_page),
        RouteDef::post("/inscription", Access::Public, register),
        RouteDef::get("/inscription/verifier", Access::Public, verify_page),
        RouteDef::post("/inscription/verifier", Access::Public, verify),
        RouteDef::get("/mot-de-passe-oublie", Access::Public, forgot_page),
        RouteDef::post("/mot-de-passe-oublie", Access::Public, forgot),
        RouteDef::get("/mot-de-passe/reinitialiser", Access::Public, reset_page),
        RouteDef::post("/mot-de-passe/reinitialiser", Access::Public, reset),
        RouteDef::get("/invitation", Access::Public, invitation_page),
        RouteDef::post("/invitation", Access::Public, accept_invitation),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginQuery {
    suite: String,
}

async fn login_page(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(user): MaybeUser,
    Query(q): Query<LoginQuery>,
) -> AppResult<Response> {
    if user.is_some() {
        return Ok(see_other(safe_next(&q.suite)));
    }
    let page = LoginPage {
        chrome,
        errors: FormErrors::default(),
        email: String::new(),
        fournisseurs: fournisseurs(&state),
        suite: q.suite,
        notice: None,
    };
    Ok(render(&page)?.into_response())
}

/// `(slug, name)` of the configured identity providers, for their buttons.
fn fournisseurs(state: &AppState) -> Vec<(&'static str, &'static str)> {
    state
        .federation
        .configured()
        .into_iter()
        .map(|f| (f.slug(), f.label()))
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    suite: String,
}

async fn login(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let ip = client_ip(&state, &headers, peer);
    let mut errors = FormErrors::default();
    let email = errors.check(&tr, "email", Email::parse(&form.email));
    if form.password.is_empty() {
        errors.add("password", tr.t("login-password-missing"));
    }
    let page = |errors: FormErrors, notice: Option<String>| LoginPage {
        chrome: chrome.clone(),
        errors,
        email: form.email.chars().take(254).collect(),
        fournisseurs: fournisseurs(&state),
        suite: form.suite.clone(),
        notice,
    };
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Ok(invalid(render(&page(errors, None))?));
    };

    let security = &state.config.security;
    let window_start = state.clock.now() - Duration::minutes(security.login_window_minutes);
    let failures = state
        .store
        .login_failures_since(email.as_str(), &ip, window_start)
        .await?;
    let policy = login_throttle::Policy {
        window: Duration::minutes(security.login_window_minutes),
        max_pair: security.login_max_failures_per_account,
        max_ip: security.login_max_failures_per_ip,
    };
    let seen = login_throttle::Failures {
        pair: failures.for_pair,
        last_pair: failures.last_pair_failure,
        ip: failures.for_ip,
        oldest_ip: failures.oldest_ip_failure,
    };
    if let Some(wait) = login_throttle::wait(policy, seen, state.clock.now()) {
        // Whole minutes and seconds, rounded up: never "0 minute".
        let seconds = wait.num_seconds().max(1);
        let minutes = u64::try_from((seconds + 59) / 60).unwrap_or(1);
        let mut errors = FormErrors::default();
        errors.add("email", tr.tn("login-throttled", "minutes", minutes));
        tracing::warn!(ip = %ip, "connexion retardée : trop d'échecs");
        let mut response =
            (StatusCode::TOO_MANY_REQUESTS, render(&page(errors, None))?).into_response();
        if let Ok(v) = seconds.to_string().parse() {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Ok(response);
    }

    let credentials = state.store.credentials(&email).await?;
    let (user, hash) = match credentials {
        Some((user, hash)) => (Some(user), hash),
        None => (None, None),
    };
    let ok = state.passwords.verify(form.password.clone(), hash).await;
    let Some(user) = user.filter(|_| ok) else {
        state
            .store
            .record_login_attempt(email.as_str(), &ip, false)
            .await?;
        metrics::counter!("campus_logins_total", "outcome" => "failure").increment(1);
        let mut errors = FormErrors::default();
        errors.add("email", tr.t("login-invalid"));
        return Ok(invalid(render(&page(errors, None))?));
    };
    if user.disabled {
        let mut errors = FormErrors::default();
        errors.add("email", tr.t("login-disabled"));
        return Ok((StatusCode::FORBIDDEN, render(&page(errors, None))?).into_response());
    }
    if !user.email_verified {
        send_verification(&state, &tr, &user).await?;
        let mut errors = FormErrors::default();
        errors.add("email", tr.t("login-unverified"));
        return Ok((StatusCode::FORBIDDEN, render(&page(errors, None))?).into_response());
    }
    state
        .store
        .record_login_attempt(email.as_str(), &ip, true)
        .await?;
    metrics::counter!("campus_logins_total", "outcome" => "success").increment(1);
    start_session(&state, &user, &headers, safe_next(&form.suite), None).await
}

/// Opens a session for `user` and sends the browser to `next`.
pub(crate) async fn start_session(
    state: &AppState,
    user: &User,
    headers: &HeaderMap,
    next: &str,
    federation_logout: Option<String>,
) -> AppResult<Response> {
    let token = generate_token();
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    state
        .store
        .create_session(
            user.id,
            hash_token(&token),
            state.session_policy(),
            user_agent,
            federation_logout,
        )
        .await?;
    let mut response = see_other(next);
    let lifetime = Lifetime::Seconds(state.config.security.session_hours * 3600);
    if let Some(cookie) = cookies::set(
        state.session_cookie(),
        &token,
        lifetime,
        state.config.is_https(),
    ) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

async fn logout(
    State(state): State<AppState>,
    MaybeUser(identity): MaybeUser,
) -> AppResult<Response> {
    let mut federation = None;
    if let Some(hash) = identity.as_ref().and_then(Identity::session_hash) {
        federation = state.store.delete_session(hash).await?;
    }
    let next = match federation {
        Some(json) => provider_logout(&state, &json).await,
        None => None,
    };
    let mut response = see_other(next.as_deref().unwrap_or("/"));
    cookies::clear(
        &mut response,
        state.session_cookie(),
        state.config.is_https(),
    );
    Ok(response)
}

/// For a session opened through a provider, the provider's logout address
/// (with `id_token_hint` and `post_logout_redirect_uri`), which then sends
/// the browser back home. A provider out of reach leaves the person signed
/// out of the platform only.
async fn provider_logout(state: &AppState, json: &str) -> Option<String> {
    let logout: crate::routes::federation::FederationLogout = serde_json::from_str(json).ok()?;
    let fournisseur = crate::federation::IdentityProvider::parse(&logout.provider)?;
    let provider = match state.federation.provider(fournisseur).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(erreur = ?e, "déconnexion du fournisseur d'identité impossible");
            return None;
        }
    };
    let home = format!("{}/", state.config.server.public_url.trim_end_matches('/'));
    provider
        .logout_url(&logout.id_token, &home)
        .map(|u| u.to_string())
}

fn register_form(chrome: Chrome, errors: FormErrors, form: &RegisterForm) -> RegisterPage {
    let tr = chrome.tr();
    RegisterPage {
        errors,
        display_name: form.display_name.chars().take(200).collect(),
        email: form.email.chars().take(254).collect(),
        statut: form.statut.clone(),
        statuts: options::statuts(&tr),
        chrome,
    }
}

async fn register_page(chrome: Chrome, MaybeUser(user): MaybeUser) -> AppResult<Response> {
    if user.is_some() {
        return Ok(see_other("/compte"));
    }
    Ok(render(&register_form(
        chrome,
        FormErrors::default(),
        &RegisterForm::default(),
    ))?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RegisterForm {
    display_name: String,
    email: String,
    password: String,
    statut: String,
}

fn link(state: &AppState, path: &str, token: &str) -> String {
    format!("{}{path}?jeton={token}", state.config.base_url())
}

async fn register(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<RegisterForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let name = errors.check(&tr, "display_name", required_text(&form.display_name, 120));
    let email = errors.check(&tr, "email", Email::parse(&form.email));
    let local_part = form.email.split('@').next().unwrap_or_default().to_owned();
    errors.check(
        &tr,
        "password",
        check_new_password(&form.password, &[&local_part, &form.display_name]),
    );
    let statut = if form.statut.is_empty() {
        None
    } else {
        errors.check(
            &tr,
            "statut",
            StatutApprenant::parse(&form.statut).map_err(|_| Key("field-statut-invalid")),
        )
    };
    let (Some(name), Some(email), true) = (name, email, errors.is_empty()) else {
        return Ok(invalid(render(&register_form(chrome, errors, &form))?));
    };
    let password_hash = state.passwords.hash(form.password).await?;
    let token = generate_token();
    let mail = OutgoingMail {
        to: email.as_str().to_owned(),
        subject: tr.t("mail-verify-subject"),
        body: tr.tv(
            "mail-verify-body",
            &[
                ("name", &name),
                ("link", &link(&state, "/inscription/verifier", &token)),
            ],
        ),
    };
    let new = NewUser {
        email: email.clone(),
        display_name: name,
        password_hash: Some(password_hash),
        role: Role::Apprenant,
        statut,
        locale: chrome.lang.code().to_owned(),
        email_verified: false,
    };
    let ttl = Duration::hours(state.config.security.verification_link_hours);
    match state
        .store
        .create_user(
            new,
            Some(NewToken {
                hash: hash_token(&token),
                purpose: TokenPurpose::VerifyEmail,
                ttl,
            }),
            Some(mail),
            None,
        )
        .await
    {
        Ok(_) => {}
        Err(err) if err.conflicts_on("email") || err.is_conflict() => {
            // The owner of the address learns of the attempt by e-mail;
            // the page says nothing more than for a new account.
            state
                .store
                .enqueue_mail(OutgoingMail {
                    to: email.as_str().to_owned(),
                    subject: tr.t("mail-already-subject"),
                    body: tr.tv(
                        "mail-already-body",
                        &[(
                            "link",
                            &format!("{}/mot-de-passe-oublie", state.config.base_url()),
                        )],
                    ),
                })
                .await?;
        }
        Err(err) => return Err(err.into()),
    }
    state.mail_queued.notify_one();
    let page = MessagePage {
        title: tr.t("register-done-title"),
        message: tr.ts("register-done-text", "email", email.as_str()),
        link: None,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Sends a fresh verification link to an account not yet verified.
async fn send_verification(state: &AppState, tr: &Tr, user: &User) -> AppResult<()> {
    let token = generate_token();
    let ttl = Duration::hours(state.config.security.verification_link_hours);
    state
        .store
        .issue_token(
            user.id,
            NewToken {
                hash: hash_token(&token),
                purpose: TokenPurpose::VerifyEmail,
                ttl,
            },
            OutgoingMail {
                to: user.email.as_str().to_owned(),
                subject: tr.t("mail-verify-subject"),
                body: tr.tv(
                    "mail-verify-body",
                    &[
                        ("name", &user.display_name),
                        ("link", &link(state, "/inscription/verifier", &token)),
                    ],
                ),
            },
        )
        .await?;
    state.mail_queued.notify_one();
    Ok(())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenQuery {
    jeton: String,
}

/// The page for a link that cannot be used, with the reason.
fn dead_link(chrome: Chrome, state: TokenState) -> AppResult<Response> {
    let tr = chrome.tr();
    let (message, status) = match state {
        TokenState::Expired => (tr.t("link-expired"), StatusCode::GONE),
        TokenState::Used => (tr.t("link-used"), StatusCode::GONE),
        TokenState::Unknown | TokenState::Valid => (tr.t("link-unknown"), StatusCode::NOT_FOUND),
    };
    let page = MessagePage {
        title: tr.t("link-dead-title"),
        message,
        link: Some(("/connexion".to_owned(), tr.t("nav-login"))),
        chrome,
    };
    Ok((status, render(&page)?).into_response())
}

fn token_hash(raw: &str) -> Option<String> {
    let raw = raw.trim();
    (!raw.is_empty() && raw.len() <= 128).then(|| hash_token(raw))
}

/// The hash of a link's token and its account while the link is usable
/// for `purpose`, or why it is not.
async fn usable_link(
    state: &AppState,
    raw: &str,
    purpose: TokenPurpose,
) -> AppResult<Result<(String, User), TokenState>> {
    let Some(hash) = token_hash(raw) else {
        return Ok(Err(TokenState::Unknown));
    };
    Ok(match state.store.token_state(&hash, purpose).await? {
        (TokenState::Valid, Some(user)) => Ok((hash, user)),
        (TokenState::Valid, None) => Err(TokenState::Unknown),
        (token_state, _) => Err(token_state),
    })
}

async fn verify_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    match usable_link(&state, &q.jeton, TokenPurpose::VerifyEmail).await? {
        Ok((_, user)) => {
            let tr = chrome.tr();
            let page = ConfirmPage {
                title: tr.t("verify-title"),
                message: tr.ts("verify-text", "email", user.email.as_str()),
                action: "/inscription/verifier",
                token: q.jeton,
                button: tr.t("verify-submit"),
                chrome,
            };
            Ok(render(&page)?.into_response())
        }
        Err(token_state) => dead_link(chrome, token_state),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    jeton: String,
}

async fn verify(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<TokenForm>,
) -> AppResult<Response> {
    let Some(hash) = token_hash(&form.jeton) else {
        return dead_link(chrome, TokenState::Unknown);
    };
    match state.store.verify_email(&hash).await? {
        Ok(_) => {
            let tr = chrome.tr();
            let page = MessagePage {
                title: tr.t("verify-done-title"),
                message: tr.t("verify-done-text"),
                link: Some(("/connexion".to_owned(), tr.t("nav-login"))),
                chrome,
            };
            Ok(render(&page)?.into_response())
        }
        Err(token_state) => dead_link(chrome, token_state),
    }
}

async fn forgot_page(chrome: Chrome) -> AppResult<Html<String>> {
    render(&ForgotPage {
        chrome,
        errors: FormErrors::default(),
        email: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ForgotForm {
    email: String,
}

async fn forgot(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<ForgotForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let Some(email) = errors.check(&tr, "email", Email::parse(&form.email)) else {
        let page = ForgotPage {
            chrome,
            errors,
            email: form.email.chars().take(254).collect(),
        };
        return Ok(invalid(render(&page)?));
    };
    if let Some(user) = state
        .store
        .user_by_email(&email)
        .await?
        .filter(|u| !u.disabled)
    {
        let token = generate_token();
        let ttl = Duration::minutes(state.config.security.reset_link_minutes);
        state
            .store
            .issue_token(
                user.id,
                NewToken {
                    hash: hash_token(&token),
                    purpose: TokenPurpose::ResetPassword,
                    ttl,
                },
                OutgoingMail {
                    to: user.email.as_str().to_owned(),
                    subject: tr.t("mail-reset-subject"),
                    body: tr.tv(
                        "mail-reset-body",
                        &[
                            ("name", &user.display_name),
                            ("link", &link(&state, "/mot-de-passe/reinitialiser", &token)),
                            (
                                "minutes",
                                &state.config.security.reset_link_minutes.to_string(),
                            ),
                        ],
                    ),
                },
            )
            .await?;
        state.mail_queued.notify_one();
    }
    let page = MessagePage {
        title: tr.t("forgot-done-title"),
        message: tr.ts("forgot-done-text", "email", email.as_str()),
        link: None,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

fn reset_form(chrome: Chrome, errors: FormErrors, token: String) -> SetPasswordPage {
    let tr = chrome.tr();
    SetPasswordPage {
        errors,
        title: tr.t("reset-title"),
        lead: tr.t("reset-lead"),
        action: "/mot-de-passe/reinitialiser",
        token,
        button: tr.t("reset-submit"),
        ask_name: false,
        display_name: String::new(),
        chrome,
    }
}

async fn reset_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    match usable_link(&state, &q.jeton, TokenPurpose::ResetPassword).await? {
        Ok(_) => Ok(render(&reset_form(chrome, FormErrors::default(), q.jeton))?.into_response()),
        Err(token_state) => dead_link(chrome, token_state),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SetPasswordForm {
    jeton: String,
    password: String,
    display_name: String,
}

async fn reset(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<SetPasswordForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let (hash, user) = match usable_link(&state, &form.jeton, TokenPurpose::ResetPassword).await? {
        Ok(found) => found,
        Err(token_state) => return dead_link(chrome, token_state),
    };
    let mut errors = FormErrors::default();
    errors.check(
        &tr,
        "password",
        check_new_password(
            &form.password,
            &[user.email.local_part(), &user.display_name],
        ),
    );
    if !errors.is_empty() {
        return Ok(invalid(render(&reset_form(chrome, errors, form.jeton))?));
    }
    let password_hash = state.passwords.hash(form.password).await?;
    match state.store.reset_password(&hash, password_hash).await? {
        Ok(_) => {
            let page = MessagePage {
                title: tr.t("reset-done-title"),
                message: tr.t("reset-done-text"),
                link: Some(("/connexion".to_owned(), tr.t("nav-login"))),
                chrome,
            };
            Ok(render(&page)?.into_response())
        }
        Err(token_state) => dead_link(chrome, token_state),
    }
}

fn invitation_form(
    chrome: Chrome,
    errors: FormErrors,
    token: String,
    display_name: String,
) -> SetPasswordPage {
    let tr = chrome.tr();
    SetPasswordPage {
        errors,
        title: tr.t("invitation-title"),
        lead: tr.t("invitation-lead"),
        action: "/invitation",
        token,
        button: tr.t("invitation-submit"),
        ask_name: true,
        display_name,
        chrome,
    }
}

async fn invitation_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    match usable_link(&state, &q.jeton, TokenPurpose::Invitation).await? {
        Ok((_, user)) => Ok(render(&invitation_form(
            chrome,
            FormErrors::default(),
            q.jeton,
            user.display_name,
        ))?
        .into_response()),
        Err(token_state) => dead_link(chrome, token_state),
    }
}

async fn accept_invitation(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<SetPasswordForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let (hash, user) = match usable_link(&state, &form.jeton, TokenPurpose::Invitation).await? {
        Ok(found) => found,
        Err(token_state) => return dead_link(chrome, token_state),
    };
    let mut errors = FormErrors::default();
    let name = errors.check(&tr, "display_name", required_text(&form.display_name, 120));
    errors.check(
        &tr,
        "password",
        check_new_password(
            &form.password,
            &[user.email.local_part(), &form.display_name],
        ),
    );
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Ok(invalid(render(&invitation_form(
            chrome,
            errors,
            form.jeton,
            form.display_name,
        ))?));
    };
    let password_hash = state.passwords.hash(form.password).await?;
    match state
        .store
        .accept_invitation(&hash, name, password_hash)
        .await
    {
        Ok(Ok(user)) => start_session(&state, &user, &headers, "/compte", None).await,
        Ok(Err(token_state)) => dead_link(chrome, token_state),
        Err(StoreError::NotFound) => dead_link(chrome, TokenState::Unknown),
        Err(err) => Err(err.into()),
    }
}
