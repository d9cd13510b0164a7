//! European mobility (lever 7 of the campus's plan): partner
//! establishments abroad, mobility offers for learners and staff, and the
//! applications to them, which are applications of the insertion
//! pipeline (same states, steps, e-mails and reminders, at
//! `/candidatures/{id}`) with what a mobility adds: the learning
//! agreement, the school's and the host's approvals, a parent's consent
//! for a minor, and after return the Europass Mobility document.
//!
//! Who may do what ([`Acces::of`]): the learner follows their
//! application; the *school* — the campus team, or a trainer (`formateur`)
//! member of an organisation the learner belongs to — approves the
//! agreement and records the skills acquired; the host's contact, who
//! has no account, approves through a signed link mailed to them; the
//! parent consents through a signed link (the events' mechanism). The
//! Europass document is served to the learner, the school and the campus
//! team only. Confirming the mobility is the pipeline's « retenue » step,
//! which the data layer refuses while an approval or the consent is
//! missing.

pub(crate) mod admin;
pub(crate) mod api;
mod mails;
mod pages;
mod signes;
mod suivi;
mod validate;

use campus_domain::Role;
use campus_store::StoreError;
use campus_store::insertion::Candidature;
use campus_store::mobilite::{CandidatureMobilite, OffreMobilite};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::routes::insertion::{CV_MAX_BYTES, path_id};
use crate::state::AppState;

/// Those who apply: learners to the learners' offers, trainers and
/// teachers to the staff's.
const CANDIDATS: &[Role] = &[Role::Apprenant, Role::Formateur];

/// Body limit of the application route: the CV, the fields and the
/// multipart framing.
const APPLY_BODY_LIMIT: usize = CV_MAX_BYTES + 64 * 1024;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/mobilite", Access::Public, pages::list),
        RouteDef::get("/mobilite/{id}", Access::Public, pages::show),
        RouteDef::post(
            "/mobilite/{id}/candidater",
            Access::Roles(CANDIDATS),
            pages::apply,
        )
        .with_body_limit(APPLY_BODY_LIMIT),
        RouteDef::get("/mobilite/candidatures/{id}", Access::SignedIn, suivi::show),
        RouteDef::post(
            "/mobilite/candidatures/{id}/contrat",
            Access::SignedIn,
            suivi::contrat,
        ),
        RouteDef::post(
            "/mobilite/candidatures/{id}/accord-ecole",
            Access::SignedIn,
            suivi::accord_ecole,
        ),
        RouteDef::post(
            "/mobilite/candidatures/{id}/acquis",
            Access::SignedIn,
            suivi::acquis,
        ),
        RouteDef::get(
            "/mobilite/candidatures/{id}/europass.pdf",
            Access::SignedIn,
            suivi::europass,
        ),
        RouteDef::get("/mobilite/accueil/{id}", Access::Public, signes::host_page),
        RouteDef::post(
            "/mobilite/accueil/{id}",
            Access::Public,
            signes::host_answer,
        ),
        RouteDef::get(
            "/mobilite/consentement/{id}",
            Access::Public,
            signes::consent_page,
        ),
        RouteDef::post(
            "/mobilite/consentement/{id}",
            Access::Public,
            signes::consent_answer,
        ),
        RouteDef::get("/admin/mobilite", Access::Staff, admin::tableau),
        RouteDef::get("/admin/mobilite.csv", Access::Staff, admin::csv),
        RouteDef::get(
            "/admin/mobilite/partenaires/nouveau",
            Access::Staff,
            admin::partenaire_page,
        ),
        RouteDef::post(
            "/admin/mobilite/partenaires",
            Access::Staff,
            admin::partenaire_create,
        ),
        RouteDef::get(
            "/admin/mobilite/offres/nouvelle",
            Access::Staff,
            admin::offre_page,
        ),
        RouteDef::post("/admin/mobilite/offres", Access::Staff, admin::offre_create),
        RouteDef::get("/api/v1/mobilites", Access::Public, api::list),
        RouteDef::get("/api/v1/mobilites/{id}", Access::Public, api::get),
        RouteDef::get(
            "/api/v1/mobilites/{id}/candidatures",
            Access::SignedIn,
            api::applications,
        ),
        RouteDef::get(
            "/api/v1/partenaires-etrangers",
            Access::Public,
            api::partners,
        ),
    ]
}

/// What a person may do with a mobility application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Acces {
    /// The learner who applied.
    Candidat,
    /// The learner's school: approves the agreement, records the skills.
    Ecole,
}

impl Acces {
    /// `me`'s access to `c`; 403 for anyone else.
    pub(crate) async fn of(state: &AppState, me: &Identity, c: &Candidature) -> AppResult<Acces> {
        if c.candidat_user_id == Some(me.user.id) {
            return Ok(Acces::Candidat);
        }
        if me.user.role.is_campus_staff() {
            return Ok(Acces::Ecole);
        }
        if me.user.role == Role::Formateur
            && let Some(candidat) = c.candidat_user_id
        {
            let mine: Vec<i32> = state
                .store
                .memberships_of(me.user.id)
                .await?
                .into_iter()
                .map(|(o, _)| o.id)
                .collect();
            let theirs = state.store.memberships_of(candidat).await?;
            if theirs.iter().any(|(o, _)| mine.contains(&o.id)) {
                return Ok(Acces::Ecole);
            }
        }
        Err(AppError::Forbidden)
    }
}

/// A mobility application with its offer.
pub(crate) struct Dossier {
    pub candidature: Candidature,
    pub mobilite: CandidatureMobilite,
    pub offre: OffreMobilite,
}

/// The mobility application at `raw`, or 404 (also for an application
/// that is no mobility).
pub(crate) async fn dossier_or_404(state: &AppState, raw: &str) -> AppResult<Dossier> {
    let id = path_id(raw)?;
    let not_found = |e: StoreError| match e {
        StoreError::NotFound => AppError::NotFound,
        e => e.into(),
    };
    let mobilite = state
        .store
        .mobilite()
        .candidature(id)
        .await
        .map_err(not_found)?;
    let candidature = state
        .store
        .insertion()
        .candidature(id)
        .await
        .map_err(not_found)?;
    let offre = state
        .store
        .mobilite()
        .offre(candidature.offre_id)
        .await
        .map_err(not_found)?;
    Ok(Dossier {
        candidature,
        mobilite,
        offre,
    })
}

/// The mobility offer at `raw`, or 404.
pub(crate) async fn offre_or_404(state: &AppState, raw: &str) -> AppResult<OffreMobilite> {
    let id = path_id(raw)?;
    match state.store.mobilite().offre(id).await {
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}
