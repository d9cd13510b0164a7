//! Saved paths in the learner's account, and consent to supporters.
//!
//! A learner lists, reopens (computed again on today's catalogue) and
//! deletes their paths, and answers the requests of trainers or of the
//! campus team: accept, refuse, or later withdraw. A supporter sees a
//! learner's name, paths and form only while the learner's consent is
//! accepted; before, not even whether the e-mail they typed has an
//! account.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::parcours::{Etape, SaisieParcours};
use campus_domain::{Email, Role};
use campus_store::StoreError;
use campus_store::parcours::{SupportAnswer, SupportStatus};
use serde::Deserialize;

use crate::auth::{CurrentUser, Identity};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::parcours::demande::{first_step, form_errors, parse};
use crate::parcours::pages::{AccountPage, LearnerPage, SavedInfo};
use crate::routes::parcours::form::results;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/compte/parcours", Access::SignedIn, list),
        RouteDef::get("/compte/parcours/{id}", Access::SignedIn, reopen),
        RouteDef::post("/compte/parcours/{id}/supprimer", Access::SignedIn, delete),
        RouteDef::post("/compte/accompagnements", Access::SignedIn, request),
        RouteDef::post(
            "/compte/accompagnements/{id}/accepter",
            Access::SignedIn,
            accept,
        ),
        RouteDef::post(
            "/compte/accompagnements/{id}/refuser",
            Access::SignedIn,
            refuse,
        ),
        RouteDef::post(
            "/compte/accompagnements/{id}/retirer",
            Access::SignedIn,
            withdraw,
        ),
        RouteDef::get("/compte/apprenants/{id}", Access::SignedIn, learner),
    ]
}

/// Who may support learners: trainers and the campus team.
fn is_supporter(role: Role) -> bool {
    role == Role::Formateur || role.is_campus_staff()
}

const NOTICES: &[(&str, &str)] = &[
    ("supprime", "parcours-notice-deleted"),
    ("enregistre", "parcours-notice-saved"),
    ("demande", "parcours-notice-requested"),
    ("accepte", "parcours-notice-accepted"),
    ("refuse", "parcours-notice-refused"),
    ("retire", "parcours-notice-withdrawn"),
];

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoticeQuery {
    ok: String,
}

fn notice(chrome: &Chrome, code: &str) -> Option<String> {
    NOTICES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, key)| chrome.t(key))
}

async fn account_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    errors: FormErrors,
    notice: Option<String>,
    email: String,
) -> AppResult<AccountPage> {
    let plans = state.store.parcours().list_saved(me.user.id).await?;
    let received = state
        .store
        .parcours()
        .list_supports_received(me.user.id)
        .await?
        .into_iter()
        .filter(|s| matches!(s.status, SupportStatus::Pending | SupportStatus::Accepted))
        .collect();
    let supporter = is_supporter(me.user.role);
    let (supported, pending) = if supporter {
        let made = state
            .store
            .parcours()
            .list_supports_made(me.user.id)
            .await?;
        let pending = made
            .iter()
            .filter(|s| s.status == SupportStatus::Pending)
            .count();
        (
            made.into_iter()
                .filter(|s| s.status == SupportStatus::Accepted)
                .collect(),
            pending,
        )
    } else {
        (Vec::new(), 0)
    };
    Ok(AccountPage {
        chrome,
        errors,
        notice,
        plans,
        received,
        supporter,
        email,
        supported,
        pending,
    })
}

async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let notice = notice(&chrome, &q.ok);
    let page = account_page(
        &state,
        chrome,
        &me,
        FormErrors::default(),
        notice,
        String::new(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// A saved path, computed again. Its learner sees it, and so does a
/// supporter while the learner's consent stands; anyone else finds
/// nothing there.
async fn reopen(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let saved = state.store.parcours().get_saved(id).await?;
    let own = saved.learner_id == me.user.id;
    if !own
        && !state
            .store
            .parcours()
            .has_consent(me.user.id, saved.learner_id)
            .await?
    {
        return Err(AppError::NotFound);
    }
    let d: SaisieParcours = serde_json::from_str(&saved.demande)
        .map_err(|e| AppError::internal(format!("parcours enregistré {id}"), e))?;
    let loaded = state.parcours.current(&state.store).await?;
    let tr = chrome.tr();
    let pour = if own {
        None
    } else {
        let learner = state.store.user(saved.learner_id).await?;
        Some((learner.id, learner.display_name))
    };
    let info = SavedInfo {
        id: saved.id,
        titre: saved.titre.clone(),
        author: saved.author_name.clone(),
        shared: saved.author_id != saved.learner_id,
        date: saved.created_at.format("%d/%m/%Y").to_string(),
        can_delete: own,
    };
    match parse(&state, &loaded, &d) {
        Ok(demande) => {
            let notice = notice(&chrome, &q.ok);
            let mut page = results(&state, chrome, Some(&me), d, demande, pour, None).await?;
            page.notice = notice;
            page.can_save = false;
            page.saved = Some(info);
            Ok(render(&page)?.into_response())
        }
        // The catalogue changed (a trade or certification left it): the
        // form shows the request with what no longer holds.
        Err(errors) => {
            let first = first_step(&errors, Etape::Profil);
            let errors = form_errors(&tr, &errors);
            Ok(invalid(render(&crate::routes::parcours::form::form_page(
                chrome, errors, first, d, pour,
            ))?))
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    state.store.parcours().delete_saved(id, me.user.id).await?;
    Ok(see_other("/compte/parcours?ok=supprime"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RequestForm {
    email: String,
}

/// A supporter asks a learner, by e-mail, for consent. The answer is the
/// same whether an account exists or not.
async fn request(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<RequestForm>,
) -> AppResult<Response> {
    if !is_supporter(me.user.role) {
        return Err(AppError::Forbidden);
    }
    let tr = chrome.tr();
    let email = match Email::parse(form.email.trim()) {
        Ok(email) => email,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add("email", crate::forms::DomainMessage::message(&e, &tr));
            let page = account_page(&state, chrome, &me, errors, None, form.email).await?;
            return Ok(invalid(render(&page)?));
        }
    };
    if let Some(learner) = state.store.user_by_email(&email).await?
        && learner.role == Role::Apprenant
        && learner.id != me.user.id
        && !learner.disabled
    {
        state
            .store
            .parcours()
            .demander_accompagnement(learner.id, me.user.id)
            .await?;
    }
    Ok(see_other("/compte/parcours?ok=demande"))
}

async fn answer(
    state: &AppState,
    me: &Identity,
    id: i32,
    answer: SupportAnswer,
    done: &str,
) -> AppResult<Response> {
    match state
        .store
        .parcours()
        .repondre_accompagnement(id, me.user.id, answer)
        .await
    {
        Ok(()) => Ok(see_other(&format!("/compte/parcours?ok={done}"))),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

async fn accept(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    answer(&state, &me, id, SupportAnswer::Accept, "accepte").await
}

async fn refuse(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    answer(&state, &me, id, SupportAnswer::Refuse, "refuse").await
}

async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    answer(&state, &me, id, SupportAnswer::Withdraw, "retire").await
}

/// A learner's paths, for a supporter they accepted.
async fn learner(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<i32>,
) -> AppResult<Response> {
    if !state.store.parcours().has_consent(me.user.id, id).await? {
        return Err(AppError::Forbidden);
    }
    let learner = state.store.user(id).await?;
    let plans = state.store.parcours().list_saved(id).await?;
    let candidatures = state
        .store
        .insertion()
        .candidatures_du_candidat(id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.offre_intitule, c.etat.label_key()))
        .collect();
    Ok(render(&LearnerPage {
        chrome,
        learner_id: id,
        learner_name: learner.display_name,
        plans,
        candidatures,
    })?
    .into_response())
}
