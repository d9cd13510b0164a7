//! Sign-in through ProConnect and ÉduConnect (OpenID Connect,
//! authorisation-code flow): the departure to the provider, its answer,
//! and the confirmation, from the account's mailbox, of the link between
//! an identity and an account that already exists. The logout at the
//! provider is in [`crate::routes::auth`]'s logout.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_domain::Email;
use campus_store::federation::{NewFederatedIdentity, OidcLogin};
use campus_store::outbox::OutgoingMail;
use campus_store::tokens::{NewToken, TokenPurpose, TokenState};
use campus_store::users::NewUser;
use campus_store::{generate_token, hash_token};
use serde::{Deserialize, Serialize};

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::cookies::{self, Lifetime};
use crate::error::{AppError, AppResult};
use crate::federation::IdentityProvider;
use crate::forms::Form;
use crate::i18n::Tr;
use crate::oidc::{Identity, OidcError, Pending};
use crate::routes::auth::start_session;
use crate::routes::{safe_next, see_other};
use crate::state::AppState;
use crate::templates::{ConfirmPage, MessagePage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/connexion/{fournisseur}", Access::Public, depart),
        RouteDef::get("/connexion/{fournisseur}/retour", Access::Public, retour),
        RouteDef::get("/connexion-federee/lier", Access::Public, lier_page),
        RouteDef::post("/connexion-federee/lier", Access::Public, lier),
    ]
}

/// The cookie that binds a sign-in under way to the browser that started
/// it, so that an answer obtained by someone else cannot sign this browser
/// in (login CSRF).
const BINDING_COOKIE: &str = "campus_oidc";
/// How long a person may take at the provider.
const LOGIN_MINUTES: i64 = 10;
/// How long the link that confirms an identity link stays valid.
const LINK_HOURS: i64 = 24;

/// What a session opened through a provider keeps for its logout.
#[derive(Serialize, Deserialize)]
pub(crate) struct FederationLogout {
    pub provider: String,
    pub id_token: String,
}

fn fournisseur(state: &AppState, slug: &str) -> AppResult<IdentityProvider> {
    IdentityProvider::parse(slug)
        .filter(|f| state.federation.is_configured(*f))
        .ok_or(AppError::NotFound)
}

/// A provider's failure as the person reads it; the detail goes to the log.
fn refusal(chrome: Chrome, err: &OidcError) -> AppResult<Response> {
    tracing::warn!(erreur = ?err, "connexion fédérée refusée");
    let status = match err {
        OidcError::Unreachable(_) | OidcError::Discovery(_) | OidcError::Config(_) => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        _ => StatusCode::BAD_REQUEST,
    };
    message(chrome, status, "federation-echec-titre", err.to_string())
}

fn message(
    chrome: Chrome,
    status: StatusCode,
    title_key: &str,
    message: String,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let page = MessagePage {
        title: tr.t(title_key),
        message,
        link: Some(("/connexion".to_owned(), tr.t("federation-recommencer"))),
        chrome,
    };
    Ok((status, render(&page)?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DepartQuery {
    suite: String,
}

/// Sends the browser to the provider, with a state, a nonce and a PKCE
/// challenge kept on the server until it comes back.
async fn depart(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(slug): Path<String>,
    Query(q): Query<DepartQuery>,
) -> AppResult<Response> {
    let f = fournisseur(&state, &slug)?;
    let provider = match state.federation.provider(f).await {
        Ok(p) => p,
        Err(e) => return refusal(chrome, &e),
    };
    let (url, pending) = provider.authorize(f.scopes());
    let binding = generate_token();
    let pending = serde_json::to_string(&pending)?;
    state
        .store
        .save_oidc_login(
            hash_token(&binding),
            OidcLogin {
                provider: f.slug().to_owned(),
                pending,
                suite: safe_next(&q.suite).to_owned(),
            },
            chrono::Duration::minutes(LOGIN_MINUTES),
        )
        .await?;
    let mut response = see_other(url.as_str());
    if let Some(cookie) = cookies::set(
        BINDING_COOKIE,
        &binding,
        Lifetime::Seconds(LOGIN_MINUTES * 60),
        state.config.is_https(),
    ) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RetourQuery {
    code: String,
    state: String,
    error: String,
}

/// The provider's answer: the identity is checked, then opens the account
/// linked to it, or creates one, or proposes the link to the account of
/// its verified address.
async fn retour(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<RetourQuery>,
) -> AppResult<Response> {
    let f = fournisseur(&state, &slug)?;
    let tr = chrome.tr();
    let login = match cookies::get(&headers, BINDING_COOKIE) {
        Some(binding) => state.store.take_oidc_login(&hash_token(&binding)).await?,
        None => None,
    };
    let Some(login) = login.filter(|l| l.provider == f.slug()) else {
        return message(
            chrome,
            StatusCode::BAD_REQUEST,
            "federation-echec-titre",
            tr.t("federation-expiree"),
        );
    };
    if !q.error.is_empty() {
        return message(
            chrome,
            StatusCode::BAD_REQUEST,
            "federation-annulee-titre",
            tr.ts("federation-annulee", "fournisseur", f.label()),
        );
    }
    let pending: Pending = serde_json::from_str(&login.pending)?;
    let provider = match state.federation.provider(f).await {
        Ok(p) => p,
        Err(e) => return refusal(chrome, &e),
    };
    let identity = match provider.finish(&pending, &q.state, &q.code).await {
        Ok(identity) => identity,
        Err(e) => return refusal(chrome, &e),
    };
    let mut response = open_account(&state, chrome, &headers, f, identity, &login.suite).await?;
    cookies::clear(&mut response, BINDING_COOKIE, state.config.is_https());
    Ok(response)
}

async fn open_account(
    state: &AppState,
    chrome: Chrome,
    headers: &HeaderMap,
    f: IdentityProvider,
    identity: Identity,
    suite: &str,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let logout = serde_json::to_string(&FederationLogout {
        provider: f.slug().to_owned(),
        id_token: identity.id_token.clone(),
    })?;
    if let Some(user) = state
        .store
        .federated_user(&identity.issuer, &identity.subject)
        .await?
    {
        if user.disabled {
            return message(
                chrome,
                StatusCode::FORBIDDEN,
                "federation-echec-titre",
                tr.t("login-disabled"),
            );
        }
        return start_session(state, &user, headers, suite, Some(logout)).await;
    }
    let email = identity.email.as_deref().map(Email::parse);
    let Some(Ok(email)) = email else {
        return message(
            chrome,
            StatusCode::BAD_REQUEST,
            "federation-echec-titre",
            tr.ts("federation-sans-adresse", "fournisseur", f.label()),
        );
    };
    if !(f.trusts_email() || identity.email_verified) {
        return message(
            chrome,
            StatusCode::BAD_REQUEST,
            "federation-echec-titre",
            tr.ts("federation-adresse-non-verifiee", "fournisseur", f.label()),
        );
    }
    let federated = NewFederatedIdentity {
        provider: f.slug().to_owned(),
        issuer: identity.issuer.clone(),
        subject: identity.subject.clone(),
        email: Some(email.as_str().to_owned()),
    };
    if let Some(existing) = state.store.user_by_email(&email).await? {
        // Never silently: the owner of the account confirms from its
        // mailbox that this identity is theirs.
        let token = generate_token();
        let link = format!(
            "{}/connexion-federee/lier?jeton={token}",
            state.config.server.public_url.trim_end_matches('/')
        );
        let mail_tr = Tr::new(crate::i18n::Lang::parse(&existing.locale).unwrap_or_default());
        state
            .store
            .propose_federated_link(
                existing.id,
                federated,
                NewToken {
                    hash: hash_token(&token),
                    purpose: TokenPurpose::LinkIdentity,
                    ttl: chrono::Duration::hours(LINK_HOURS),
                },
                OutgoingMail {
                    to: existing.email.as_str().to_owned(),
                    subject: mail_tr.ts("mail-lien-federation-sujet", "fournisseur", f.label()),
                    body: mail_tr.tv(
                        "mail-lien-federation-corps",
                        &[
                            ("nom", &existing.display_name),
                            ("fournisseur", f.label()),
                            ("lien", &link),
                            ("heures", &LINK_HOURS.to_string()),
                        ],
                    ),
                },
            )
            .await?;
        state.mail_queued.notify_one();
        return message(
            chrome,
            StatusCode::OK,
            "federation-lien-titre",
            tr.tv(
                "federation-lien-envoye",
                &[("fournisseur", f.label()), ("adresse", email.as_str())],
            ),
        );
    }
    let display_name = [
        identity.given_name.as_deref(),
        identity.family_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let display_name = if display_name.trim().is_empty() {
        email.local_part().to_owned()
    } else {
        display_name.chars().take(120).collect()
    };
    let user = state
        .store
        .create_federated_user(
            NewUser {
                email,
                display_name,
                password_hash: None,
                role: f.role(),
                statut: None,
                locale: chrome.lang.code().to_owned(),
                email_verified: true,
            },
            federated,
        )
        .await?;
    start_session(state, &user, headers, suite, Some(logout)).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LinkQuery {
    jeton: String,
}

/// The page of the link sent by e-mail: a button, so that a mail scanner
/// opening the link confirms nothing.
async fn lier_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<LinkQuery>,
) -> AppResult<Response> {
    let (token_state, _) = state
        .store
        .token_state(&hash_token(&q.jeton), TokenPurpose::LinkIdentity)
        .await?;
    if token_state != TokenState::Valid {
        return link_refused(chrome, token_state);
    }
    let tr = chrome.tr();
    let page = ConfirmPage {
        title: tr.t("federation-lier-titre"),
        message: tr.t("federation-lier-texte"),
        action: "/connexion-federee/lier",
        token: q.jeton,
        button: tr.t("federation-lier-bouton"),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LinkForm {
    jeton: String,
}

async fn lier(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<LinkForm>,
) -> AppResult<Response> {
    match state
        .store
        .confirm_federated_link(&hash_token(&form.jeton))
        .await?
    {
        Ok(user) => start_session(&state, &user, &headers, "/compte?ok=lien", None).await,
        Err(token_state) => link_refused(chrome, token_state),
    }
}

fn link_refused(chrome: Chrome, token_state: TokenState) -> AppResult<Response> {
    let key = match token_state {
        TokenState::Expired => "federation-lier-expire",
        _ => "federation-lier-invalide",
    };
    let message_text = chrome.t(key);
    message(
        chrome,
        StatusCode::BAD_REQUEST,
        "federation-lier-titre",
        message_text,
    )
}
