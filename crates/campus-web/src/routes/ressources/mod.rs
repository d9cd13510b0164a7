//! The pedagogical resource library (levers 1, 3 and 5): discovery kits,
//! trade sheets, practicals, teaching sequences… shared by trainers,
//! companies and partners, reviewed by the campus team before they are
//! shown, found in the site's search, used by events, exported as
//! schema.org `LearningResource`.
//!
//! Who sees a resource is decided once by the data layer
//! ([`Ressource::visible_par`]) from the reader ([`lecteur`]): anyone an
//! approved public one; the signed-in people of the network who are not
//! learners a « réseau » one; the members of its organisation an
//! organisation-only one; its author and the campus team always. The
//! author and the campus team edit it; the campus team moderates.

pub(crate) mod api;
mod evenements;
pub(crate) mod jobs;
mod jsonld;
mod mails;
mod pages;
mod validate;

use campus_domain::Role;
use campus_store::StoreError;
use campus_store::ressources::{Lecteur, Ressource};

pub(crate) use evenements::ressources_de_evenement;
pub(crate) use pages::{Carte, cartes};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Those who propose resources: trainers and teachers, companies,
/// partners, and the campus team (who publishes directly).
const AUTEURS: &[Role] = &[
    Role::Formateur,
    Role::Entreprise,
    Role::Partenaire,
    Role::EquipeCampus,
    Role::Admin,
];

/// Largest file of a resource.
pub(crate) const FICHIER_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Body limit of the upload route: the file and the multipart framing.
const UPLOAD_BODY_LIMIT: usize = FICHIER_MAX_BYTES + 64 * 1024;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/ressources", Access::Public, pages::list),
        RouteDef::get(
            "/ressources/nouvelle",
            Access::Roles(AUTEURS),
            pages::new_page,
        ),
        RouteDef::post("/ressources", Access::Roles(AUTEURS), pages::create),
        RouteDef::get("/ressources/{id}", Access::Public, pages::show),
        RouteDef::get(
            "/ressources/{id}/modifier",
            Access::SignedIn,
            pages::edit_page,
        ),
        RouteDef::post("/ressources/{id}/modifier", Access::SignedIn, pages::update),
        RouteDef::post("/ressources/{id}/fichiers", Access::SignedIn, pages::upload)
            .with_body_limit(UPLOAD_BODY_LIMIT),
        RouteDef::get(
            "/ressources/{id}/fichiers/{version}",
            Access::Public,
            pages::download,
        ),
        RouteDef::post(
            "/ressources/{id}/moderation",
            Access::SignedIn,
            pages::moderate,
        ),
        RouteDef::get("/admin/ressources", Access::Staff, pages::queue),
        RouteDef::post(
            "/evenements/{evenement}/ressources",
            Access::SignedIn,
            evenements::choose,
        ),
        RouteDef::get("/api/v1/ressources", Access::Public, api::list),
        RouteDef::get("/api/v1/ressources/{id}", Access::Public, api::get),
    ]
}

/// The reader `me` (or an anonymous one), with their organisations.
pub(crate) async fn lecteur(state: &AppState, me: Option<&Identity>) -> AppResult<Lecteur> {
    let Some(me) = me else {
        return Ok(Lecteur::default());
    };
    let organisations = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| o.id)
        .collect();
    Ok(Lecteur {
        user_id: Some(me.user.id),
        reseau: me.user.role != Role::Apprenant,
        organisations,
        equipe: me.user.role.is_campus_staff(),
    })
}

/// The resource `id` as `lecteur` may see it. One that exists but is
/// hidden from them answers like one that does not, except an approved
/// resource of the network to someone not signed in (401: signing in may
/// show it) or signed in without the right (403).
pub(crate) async fn visible(state: &AppState, id: &str, lecteur: &Lecteur) -> AppResult<Ressource> {
    let id = crate::routes::insertion::path_id(id)?;
    let r = match state.store.ressources().ressource(id).await {
        Ok(r) => r,
        Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    if r.visible_par(lecteur) {
        return Ok(r);
    }
    if r.etat != campus_domain::ressource::EtatRessource::Approuvee {
        return Err(AppError::NotFound);
    }
    Err(if lecteur.user_id.is_none() {
        AppError::Unauthorized
    } else {
        AppError::Forbidden
    })
}

/// Whether `me` edits `r`: its author or the campus team.
pub(crate) fn edite(me: &Identity, r: &Ressource) -> bool {
    me.user.role.is_campus_staff() || r.auteur_user_id == Some(me.user.id)
}
