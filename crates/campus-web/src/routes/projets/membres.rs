//! A project's members: adding someone who has an account, inviting by
//! e-mail someone who has none (an industrial partner or a researcher
//! outside the campus, who then sees this project only), removing.

use axum::extract::{Path, State};
use axum::response::Response;
use campus_domain::projet::RoleMembre;
use campus_domain::{Email, Role, required_text};
use campus_store::projets::{Invitation, MembreError, Projet};
use campus_store::tokens::{NewToken, TokenPurpose};
use campus_store::users::NewUser;
use campus_store::{generate_token, hash_token};
use chrono::Duration;
use serde::Deserialize;

use super::pages::refused_form;
use super::{mails, membre, projet_or_404};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::see_other;
use crate::state::AppState;

/// Someone to add, as typed.
#[derive(Deserialize, Default, Clone, Debug, utoipa::ToSchema)]
#[serde(default)]
pub struct MembreValues {
    pub email: String,
    /// Their name, used when they have no account yet.
    pub nom: String,
    /// `porteur`, `enseignant`, `chercheur`, `tuteur_industriel`,
    /// `eleve` or `invite`.
    pub role: String,
}

/// What adding someone did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ajout {
    /// An existing account became a member.
    Membre,
    /// An account was created and invited.
    Invitation,
}

/// Checks and adds a member or sends an invitation; the errors to show
/// otherwise.
pub(crate) async fn ajouter(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    p: &Projet,
    v: &MembreValues,
) -> AppResult<Result<Ajout, FormErrors>> {
    let mut errors = FormErrors::default();
    let email = errors.check(tr, "membre_email", Email::parse(&v.email));
    let role = match RoleMembre::parse(&v.role) {
        Ok(r) => Some(r),
        Err(_) => {
            errors.add("membre_role", tr.t("projet-role-invalide"));
            None
        }
    };
    let (Some(email), Some(role)) = (email, role) else {
        return Ok(Err(errors));
    };
    let store = state.store.projets();
    match state.store.user_by_email(&email).await? {
        Some(user) => {
            if p.membres.iter().any(|m| m.user_id == user.id) {
                errors.add("membre_email", tr.t("projet-deja-membre"));
                return Ok(Err(errors));
            }
            let mail = mails::ajout(state, &user, p, role, &me.user.display_name);
            store
                .ajouter_membre(p.id, user.id, role, me.user.id, vec![mail])
                .await
                .map_err(membre_error)?;
            state.mail_queued.notify_one();
            Ok(Ok(Ajout::Membre))
        }
        None => {
            let Some(nom) = errors.check(tr, "membre_nom", required_text(&v.nom, 120)) else {
                return Ok(Err(errors));
            };
            let token = generate_token();
            let mail = mails::invitation(
                state,
                tr,
                (&email, &nom),
                p,
                role,
                &me.user.display_name,
                &token,
            );
            let invitation = Invitation {
                user: NewUser {
                    email,
                    display_name: nom,
                    password_hash: None,
                    // A guest from outside the campus: a partner account
                    // whose only project is this one.
                    role: Role::Partenaire,
                    statut: None,
                    locale: tr.lang.code().to_owned(),
                    email_verified: false,
                },
                token: NewToken {
                    hash: hash_token(&token),
                    purpose: TokenPurpose::Invitation,
                    ttl: Duration::hours(state.config.security.verification_link_hours),
                },
                role,
            };
            store
                .inviter(p.id, invitation, me.user.id, mail)
                .await
                .map_err(membre_error)?;
            state.mail_queued.notify_one();
            Ok(Ok(Ajout::Invitation))
        }
    }
}

pub(crate) async fn add(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(v): Form<MembreValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    let acces = membre(&me, &p)?;
    if !acces.gere() {
        return Err(AppError::Forbidden);
    }
    match ajouter(&state, &tr, &me, &p, &v).await? {
        Ok(Ajout::Membre) => Ok(see_other(&format!("/projets/{slug}?ok=membre#membres"))),
        Ok(Ajout::Invitation) => Ok(see_other(&format!("/projets/{slug}?ok=invitation#membres"))),
        Err(errors) => refused_form(&state, chrome, &me, p, acces, errors).await,
    }
}

pub(crate) async fn remove(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path((slug, user)): Path<(String, String)>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    let user = crate::routes::insertion::path_id(&user)?;
    let acces = membre(&me, &p)?;
    // A member may leave; the lead and the campus team remove anyone.
    if !acces.gere() && user != me.user.id {
        return Err(AppError::Forbidden);
    }
    state
        .store
        .projets()
        .retirer_membre(p.id, user, me.user.id)
        .await
        .map_err(membre_error)?;
    if user == me.user.id && !acces.revise() {
        return Ok(see_other("/projets?ok=quitte"));
    }
    Ok(see_other(&format!("/projets/{slug}?ok=retire#membres")))
}

/// The answer to a refused change of a project or its members.
pub(crate) fn membre_error(e: MembreError) -> AppError {
    match e {
        MembreError::DejaMembre => AppError::Conflict("projet-deja-membre"),
        MembreError::DernierPorteur => AppError::Conflict("projet-dernier-porteur"),
        MembreError::PasMembre => AppError::NotFound,
        MembreError::TypeFixe => AppError::Conflict("projet-type-fixe"),
        MembreError::Perime => AppError::Conflict("projet-perime"),
        MembreError::Store(e) => e.into(),
    }
}
