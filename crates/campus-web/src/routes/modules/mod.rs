//! On-demand training modules (modules à la demande), lever 5 of the
//! campus's action plan: a company asks for a training, the campus team
//! routes the request to partner trainers, a trainer proposes, the company
//! decides, and the accepted module becomes a session of the catalogue with
//! its trainees registered.
//!
//! Who may do what is declared per route ([`Access`]) and checked again
//! against the request itself ([`Party`]): a company user acts only on the
//! requests of an organisation they belong to, a trainer only on those
//! routed to them. Trainees' names and addresses are shown to the company,
//! the campus team and the trainer whose proposal was accepted, no one else.

pub(crate) mod api;
mod demandes;
pub(crate) mod mails;
mod steps;
pub(crate) mod validate;

use campus_domain::Role;
use campus_domain::module::EtatDemande;
use campus_store::modules::{ModuleRequest, WorkflowError};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Company users.
const COMPANY: &[Role] = &[Role::Entreprise];
/// Trainers.
const TRAINER: &[Role] = &[Role::Formateur];
/// A request may be cancelled by its company or by the campus team.
const COMPANY_OR_STAFF: &[Role] = &[Role::Entreprise, Role::EquipeCampus, Role::Admin];

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/modules/demandes", Access::Roles(COMPANY), demandes::mine),
        RouteDef::get(
            "/modules/demandes/nouvelle",
            Access::Roles(COMPANY),
            demandes::new_page,
        ),
        RouteDef::post(
            "/modules/demandes",
            Access::Roles(COMPANY),
            demandes::create,
        ),
        RouteDef::get("/modules/demandes/{id}", Access::SignedIn, demandes::show),
        RouteDef::post(
            "/modules/demandes/{id}/orienter",
            Access::Staff,
            steps::route,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/proposition",
            Access::Roles(TRAINER),
            steps::propose,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/decision",
            Access::Roles(COMPANY),
            steps::decide,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/stagiaires",
            Access::Roles(COMPANY),
            steps::trainees,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/programmer",
            Access::Staff,
            steps::schedule,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/terminer",
            Access::Staff,
            steps::finish,
        ),
        RouteDef::post(
            "/modules/demandes/{id}/annuler",
            Access::Roles(COMPANY_OR_STAFF),
            steps::cancel,
        ),
        RouteDef::get(
            "/modules/propositions",
            Access::Roles(TRAINER),
            demandes::inbox,
        ),
        RouteDef::get("/admin/modules", Access::Staff, demandes::queue),
        RouteDef::post(
            "/api/v1/modules/demandes",
            Access::Roles(COMPANY),
            api::api_create,
        ),
        RouteDef::get(
            "/api/v1/modules/demandes/{id}",
            Access::SignedIn,
            api::api_get,
        ),
        RouteDef::post(
            "/api/v1/modules/demandes/{id}/propositions",
            Access::Roles(TRAINER),
            api::api_propose,
        ),
        RouteDef::post(
            "/api/v1/modules/demandes/{id}/decision",
            Access::Roles(COMPANY),
            api::api_decide,
        ),
    ]
}

/// How the signed-in user takes part in a request.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Party {
    /// A company user of the requesting organisation.
    pub company: bool,
    /// A trainer the request was routed to.
    pub trainer: bool,
    pub staff: bool,
}

impl Party {
    /// Whether the user may see the trainees' names and addresses.
    pub fn sees_trainees(self, me: i32, accepted_trainer: Option<i32>) -> bool {
        self.company || self.staff || (self.trainer && accepted_trainer == Some(me))
    }
}

/// The user's part in `r`; 403 when they have none.
pub(crate) async fn party(state: &AppState, me: &Identity, r: &ModuleRequest) -> AppResult<Party> {
    let role = me.user.role;
    let party = Party {
        company: role == Role::Entreprise
            && state
                .store
                .membership_role(r.organisation_id, me.user.id)
                .await?
                .is_some(),
        trainer: role == Role::Formateur
            && state.store.modules().is_routed_to(r.id, me.user.id).await?,
        staff: role.is_campus_staff(),
    };
    if party.company || party.trainer || party.staff {
        Ok(party)
    } else {
        Err(AppError::Forbidden)
    }
}

/// A request id from the path; anything else is a 404.
pub(crate) fn request_id(raw: &str) -> AppResult<i32> {
    raw.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

/// The French (or English) answer to a step that was not taken.
impl From<WorkflowError> for AppError {
    fn from(err: WorkflowError) -> AppError {
        match err {
            WorkflowError::Illegal(etat) => AppError::Conflict(match etat {
                EtatDemande::Refusee | EtatDemande::Realisee | EtatDemande::Annulee => {
                    "module-error-close"
                }
                _ => "module-error-etat",
            }),
            WorkflowError::NotRouted => AppError::Forbidden,
            WorkflowError::ProposalUnavailable => AppError::Conflict("module-error-proposition"),
            WorkflowError::NoTrainees => AppError::Conflict("module-error-sans-stagiaires"),
            WorkflowError::Store(e) => e.into(),
        }
    }
}
