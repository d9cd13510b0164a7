//! Projects of the network (levers 2, 4 and 5): school–research projects,
//! research initiation of pupils, industrial pedagogical projects and the
//! We Lab pre-incubator; their members and guests, versioned documents,
//! stages reviewed by the campus team, milestones, and the public
//! showcase.
//!
//! Who may do what is decided by the project, never by the platform role
//! alone ([`Acces::of`]): a member reads the project and adds documents,
//! its lead manages it, the campus team sees every project and reviews the
//! stages; a guest invited to one project is a member of that one only.
//! Anyone reads a public project's page and its published documents.

pub(crate) mod api;
mod documents;
pub(crate) mod etapes;
pub(crate) mod jobs;
mod mails;
pub(crate) mod membres;
mod pages;
mod tableau;
pub(crate) mod validate;

use campus_domain::Role;
use campus_domain::projet::RoleMembre;
use campus_store::StoreError;
use campus_store::projets::Projet;

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Those who start projects: teachers and trainers, companies, partners
/// (labs, universities) and the campus team. Learners join one.
const PORTEURS: &[Role] = &[
    Role::Formateur,
    Role::Entreprise,
    Role::Partenaire,
    Role::EquipeCampus,
    Role::Admin,
];

/// Largest document of a project.
pub(crate) const DOCUMENT_MAX_BYTES: usize = 20 * 1024 * 1024;
/// Body limit of the upload routes: the file and the multipart framing.
const UPLOAD_BODY_LIMIT: usize = DOCUMENT_MAX_BYTES + 64 * 1024;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/projets", Access::Public, pages::list),
        RouteDef::get("/projets/nouveau", Access::Roles(PORTEURS), pages::new_page),
        RouteDef::post("/projets", Access::Roles(PORTEURS), pages::create),
        RouteDef::get("/projets/{slug}", Access::Public, pages::show),
        RouteDef::get(
            "/projets/{slug}/modifier",
            Access::SignedIn,
            pages::edit_page,
        ),
        RouteDef::post("/projets/{slug}/modifier", Access::SignedIn, pages::update),
        RouteDef::post("/projets/{slug}/statut", Access::SignedIn, pages::statut),
        RouteDef::post("/projets/{slug}/membres", Access::SignedIn, membres::add),
        RouteDef::post(
            "/projets/{slug}/membres/{user}/retirer",
            Access::SignedIn,
            membres::remove,
        ),
        RouteDef::post(
            "/projets/{slug}/documents",
            Access::SignedIn,
            documents::upload,
        )
        .with_body_limit(UPLOAD_BODY_LIMIT),
        RouteDef::get(
            "/projets/{slug}/documents/{id}",
            Access::Public,
            documents::download,
        ),
        RouteDef::post(
            "/projets/{slug}/documents/{id}/publication",
            Access::SignedIn,
            documents::publish,
        ),
        RouteDef::post("/projets/{slug}/etape", Access::SignedIn, etapes::decide),
        RouteDef::post(
            "/projets/{slug}/jalons",
            Access::SignedIn,
            pages::add_milestone,
        ),
        RouteDef::post(
            "/projets/{slug}/plateforme",
            Access::SignedIn,
            pages::attach,
        ),
        RouteDef::post(
            "/projets/{slug}/restitution",
            Access::SignedIn,
            pages::publish_restitution,
        ),
        RouteDef::post(
            "/projets/{slug}/jalons/{id}/atteint",
            Access::SignedIn,
            pages::milestone_reached,
        ),
        RouteDef::get("/admin/projets", Access::Staff, tableau::tableau),
        RouteDef::get("/admin/projets.csv", Access::Staff, tableau::csv),
        RouteDef::get("/api/v1/projets", Access::Public, api::list),
        RouteDef::post("/api/v1/projets", Access::Roles(PORTEURS), api::create),
        RouteDef::get("/api/v1/projets/{id}", Access::Public, api::get),
        RouteDef::get(
            "/api/v1/projets/{id}/membres",
            Access::SignedIn,
            api::members,
        ),
        RouteDef::post(
            "/api/v1/projets/{id}/membres",
            Access::SignedIn,
            api::add_member,
        ),
        RouteDef::get(
            "/api/v1/projets/{id}/documents",
            Access::SignedIn,
            api::documents,
        ),
        RouteDef::post(
            "/api/v1/projets/{id}/documents",
            Access::SignedIn,
            api::upload,
        )
        .with_body_limit(UPLOAD_BODY_LIMIT),
        RouteDef::get("/api/v1/projets/{id}/etapes", Access::SignedIn, api::stages),
        RouteDef::post("/api/v1/projets/{id}/etape", Access::SignedIn, api::decide),
    ]
}

/// What a person may do in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Acces {
    /// Not a member: the public page, if the project is public.
    Public,
    /// A member, with their part.
    Membre(RoleMembre),
    /// The campus team: everything, and the review of stages.
    Equipe,
}

impl Acces {
    /// `me`'s access to `p`.
    pub(crate) fn of(me: Option<&Identity>, p: &Projet) -> Acces {
        let Some(me) = me else {
            return Acces::Public;
        };
        if me.user.role.is_campus_staff() {
            return Acces::Equipe;
        }
        match p.membres.iter().find(|m| m.user_id == me.user.id) {
            Some(m) => Acces::Membre(m.role),
            None => Acces::Public,
        }
    }

    /// Reads the whole project: members, documents, history.
    pub(crate) fn lit(self) -> bool {
        self != Acces::Public
    }

    /// Edits the project, its members and milestones; submits stages.
    pub(crate) fn gere(self) -> bool {
        match self {
            Acces::Equipe => true,
            Acces::Membre(role) => role.gere(),
            Acces::Public => false,
        }
    }

    /// Adds documents.
    pub(crate) fn depose(self) -> bool {
        match self {
            Acces::Equipe => true,
            Acces::Membre(role) => role.depose(),
            Acces::Public => false,
        }
    }

    /// Reviews the stages.
    pub(crate) fn revise(self) -> bool {
        self == Acces::Equipe
    }
}

/// The project at `slug`, or 404.
pub(crate) async fn projet_or_404(state: &AppState, slug: &str) -> AppResult<Projet> {
    match state.store.projets().projet_par_slug(slug).await {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The project `id` (the API's addresses), or 404.
pub(crate) async fn projet_by_id(state: &AppState, id: &str) -> AppResult<Projet> {
    let id = crate::routes::insertion::path_id(id)?;
    match state.store.projets().projet(id).await {
        Ok(p) => Ok(p),
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// `me`'s access to `p`, refused unless it reads the whole project.
pub(crate) fn membre(me: &Identity, p: &Projet) -> AppResult<Acces> {
    let acces = Acces::of(Some(me), p);
    if acces.lit() {
        Ok(acces)
    } else {
        Err(AppError::Forbidden)
    }
}
