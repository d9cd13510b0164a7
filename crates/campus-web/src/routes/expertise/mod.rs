//! The network of experts (lever 6): profiles people of the partner
//! organisations publish, requests teachers, companies and the campus team
//! send to at most three of them, answers by signed links, reminders and
//! escalation, and the campus team's figures.
//!
//! An expert's address is never shown before they accept a request: the
//! directory, the proposals and the API give names, titles and
//! organisations only. Sending limits keep the directory from being used
//! for prospecting (`campus_domain::expertise::limites`).

pub(crate) mod api;
pub(crate) mod demandes;
pub(crate) mod jobs;
mod mails;
pub(crate) mod profil;
mod tableau;

use campus_domain::Role;
use campus_store::StoreError;
use campus_store::expertise::{Demande, Expert};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Those who send requests: teachers and trainers, companies, the campus
/// team.
const DEMANDEURS: &[Role] = &[
    Role::Formateur,
    Role::Entreprise,
    Role::EquipeCampus,
    Role::Admin,
];
/// Those who may publish a profile: people of the network's organisations
/// (checked again against their memberships) and the campus team.
const EXPERTS: &[Role] = &[
    Role::Formateur,
    Role::Entreprise,
    Role::Partenaire,
    Role::EquipeCampus,
    Role::Admin,
];

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/experts", Access::Public, profil::annuaire),
        RouteDef::get("/experts/{id}", Access::Public, profil::fiche),
        RouteDef::get("/compte/expert", Access::Roles(EXPERTS), profil::form_page),
        RouteDef::post("/compte/expert", Access::Roles(EXPERTS), profil::save),
        RouteDef::post("/compte/expert/etat", Access::Roles(EXPERTS), profil::etat),
        RouteDef::get(
            "/demandes-expertise",
            Access::Roles(DEMANDEURS),
            demandes::mine,
        ),
        RouteDef::get(
            "/demandes-expertise/nouvelle",
            Access::Roles(DEMANDEURS),
            demandes::new_page,
        ),
        RouteDef::post(
            "/demandes-expertise",
            Access::Roles(DEMANDEURS),
            demandes::create,
        ),
        RouteDef::get("/demandes-expertise/{id}", Access::SignedIn, demandes::show),
        RouteDef::post(
            "/demandes-expertise/{id}/envoi",
            Access::SignedIn,
            demandes::send,
        ),
        RouteDef::get(
            "/demandes-expertise/{id}/reponse",
            Access::Public,
            demandes::answer_page,
        ),
        RouteDef::post(
            "/demandes-expertise/{id}/reponse",
            Access::Public,
            demandes::answer,
        ),
        RouteDef::get("/admin/expertise", Access::Staff, tableau::tableau),
        RouteDef::get("/admin/expertise.csv", Access::Staff, tableau::csv),
        RouteDef::get("/api/v1/experts", Access::Public, api::list),
        RouteDef::get("/api/v1/experts/{id}", Access::Public, api::get),
        RouteDef::get(
            "/api/v1/demandes-expertise",
            Access::Roles(DEMANDEURS),
            api::requests,
        ),
        RouteDef::post(
            "/api/v1/demandes-expertise",
            Access::Roles(DEMANDEURS),
            api::create,
        ),
        RouteDef::get(
            "/api/v1/demandes-expertise/{id}",
            Access::SignedIn,
            api::request,
        ),
        RouteDef::post(
            "/api/v1/demandes-expertise/{id}/destinataires",
            Access::SignedIn,
            api::send,
        ),
    ]
}

/// The expert `id` of the public directory (a withdrawn profile is gone).
pub(crate) async fn expert_or_404(state: &AppState, id: &str) -> AppResult<Expert> {
    let id = crate::routes::insertion::path_id(id)?;
    match state.store.expertise().expert(id).await {
        Ok(e) if e.etat != campus_domain::expertise::EtatProfil::Retire => Ok(e),
        Ok(_) | Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The request `id`, or 404.
pub(crate) async fn demande_or_404(state: &AppState, id: &str) -> AppResult<Demande> {
    let id = crate::routes::insertion::path_id(id)?;
    match state.store.expertise().demande(id).await {
        Ok(d) => Ok(d),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Who reads a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lecteur {
    /// Its author, or the campus team: chooses and sends to experts.
    Demandeur,
    /// An expert it was sent to (their profile's id): answers.
    Destinataire(i32),
}

/// `me`'s part in request `d`; 403 for anyone else.
pub(crate) async fn lecteur(state: &AppState, me: &Identity, d: &Demande) -> AppResult<Lecteur> {
    if d.demandeur_user_id == Some(me.user.id) || me.user.role.is_campus_staff() {
        return Ok(Lecteur::Demandeur);
    }
    if let Some(e) = state.store.expertise().expert_de(me.user.id).await?
        && d.destinataires.iter().any(|r| r.expert_id == e.id)
    {
        return Ok(Lecteur::Destinataire(e.id));
    }
    Err(AppError::Forbidden)
}
