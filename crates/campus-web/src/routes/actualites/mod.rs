//! Communication tools (lever 1): news of the campus and of its partner
//! organisations, reviewed by the campus team before going public, shown
//! on the site, in an Atom feed and in the API; and the newsletter, with
//! double opt-in and one-click unsubscribe, sent through the mail outbox
//! in batches.
//!
//! Who may do what: the campus team writes and publishes directly, and
//! reviews the partners' news; a company or partner user who belongs to an
//! organisation of the directory writes news signed by it, submitted to
//! the review ([`auteur`]). Anyone reads published news; an unpublished
//! item is read by its author and the campus team only ([`lit`]).

pub(crate) mod api;
mod flux;
pub(crate) mod lettre;
mod mails;
mod pages;
mod revue;

use campus_domain::Role;
use campus_domain::actualite::EtatActualite;
use campus_store::StoreError;
use campus_store::actualites::Actualite;
use campus_store::organisations::Organisation;

pub use lettre::{purge_pending_subscriptions, send_newsletter_batches};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The address of the unsubscribe links, the one route exempt from the
/// anti-forgery token (RFC 8058's one-click POST carries none).
pub(crate) const DESABONNEMENT_PREFIX: &str = "/lettre/desabonnement/";

/// The roles that may write news; partners and companies must also belong
/// to an organisation.
const AUTEURS: &[Role] = &[
    Role::Entreprise,
    Role::Partenaire,
    Role::EquipeCampus,
    Role::Admin,
];

/// Largest image of a news item.
pub(crate) const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Body limit of the form that carries it.
const UPLOAD_BODY_LIMIT: usize = IMAGE_MAX_BYTES + 256 * 1024;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/actualites", Access::Public, pages::list),
        RouteDef::get("/actualites/flux.atom", Access::Public, flux::atom),
        RouteDef::get(
            "/actualites/nouvelle",
            Access::Roles(AUTEURS),
            pages::new_page,
        ),
        RouteDef::post("/actualites", Access::Roles(AUTEURS), pages::create)
            .with_body_limit(UPLOAD_BODY_LIMIT),
        RouteDef::get("/actualites/{slug}", Access::Public, pages::show),
        RouteDef::get("/actualites/{slug}/image", Access::Public, pages::image),
        RouteDef::get(
            "/actualites/{slug}/modifier",
            Access::SignedIn,
            pages::edit_page,
        ),
        RouteDef::post(
            "/actualites/{slug}/modifier",
            Access::SignedIn,
            pages::update,
        )
        .with_body_limit(UPLOAD_BODY_LIMIT),
        RouteDef::post(
            "/actualites/{slug}/decision",
            Access::SignedIn,
            revue::decide,
        ),
        RouteDef::get("/admin/actualites", Access::Staff, revue::queue),
        RouteDef::get("/api/v1/actualites", Access::Public, api::list),
        RouteDef::get("/api/v1/actualites/{id}", Access::Public, api::get),
        RouteDef::get("/lettre", Access::Public, lettre::form),
        RouteDef::post("/lettre", Access::Public, lettre::subscribe),
        RouteDef::get(
            "/lettre/confirmation/{id}/{signature}",
            Access::Public,
            lettre::confirm_page,
        ),
        RouteDef::post(
            "/lettre/confirmation/{id}/{signature}",
            Access::Public,
            lettre::confirm,
        ),
        RouteDef::get(
            "/lettre/desabonnement/{id}/{signature}",
            Access::Public,
            lettre::unsubscribe_page,
        ),
        RouteDef::post(
            "/lettre/desabonnement/{id}/{signature}",
            Access::Public,
            lettre::unsubscribe,
        ),
        RouteDef::get("/admin/lettre", Access::Staff, lettre::admin),
        RouteDef::post("/admin/lettre", Access::Staff, lettre::compose),
        RouteDef::get("/admin/lettre/{id}", Access::Staff, lettre::preview),
        RouteDef::post("/admin/lettre/{id}/envoi", Access::Staff, lettre::send),
    ]
}

/// The organisations `me` may sign news for, and whether `me` writes at
/// all: the campus team (who signs as the campus, no organisation), or a
/// member of at least one organisation.
pub(crate) async fn auteur(
    state: &AppState,
    me: &Identity,
) -> AppResult<Option<Vec<Organisation>>> {
    if me.user.role.is_campus_staff() {
        return Ok(Some(Vec::new()));
    }
    if !AUTEURS.contains(&me.user.role) {
        return Ok(None);
    }
    let orgs: Vec<Organisation> = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    Ok((!orgs.is_empty()).then_some(orgs))
}

/// Whether `me` reads `a`: anyone once published; before, its author and
/// the campus team.
pub(crate) fn lit(me: Option<&Identity>, a: &Actualite) -> bool {
    a.etat == EtatActualite::Publiee
        || me.is_some_and(|me| {
            me.user.role.is_campus_staff() || a.auteur_user_id == Some(me.user.id)
        })
}

/// 401 for a visitor, 403 for someone signed in.
pub(crate) fn refus(me: Option<&Identity>) -> AppError {
    if me.is_some() {
        AppError::Forbidden
    } else {
        AppError::Unauthorized
    }
}

/// The news item at `slug` (or at its number), or 404.
pub(crate) async fn actualite_or_404(state: &AppState, slug: &str) -> AppResult<Actualite> {
    let store = state.store.actualites();
    let found = match slug.parse::<i32>() {
        Ok(id) => store.actualite(id).await,
        Err(_) => store.par_slug(slug).await,
    };
    match found {
        Ok(a) => Ok(a),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The latest published news `filtre` selects, as `(slug, title)` for the
/// pages of what they are about (an event, a project).
pub(crate) async fn liees(
    state: &AppState,
    filtre: campus_store::actualites::FiltreActualites,
) -> AppResult<Vec<(String, String)>> {
    Ok(state
        .store
        .actualites()
        .liste(&campus_store::actualites::FiltreActualites {
            publiees: true,
            per_page: 5,
            ..filtre
        })
        .await?
        .0
        .into_iter()
        .map(|a| (a.slug, a.titre))
        .collect())
}
