//! Professional insertion, lever 2 of the campus's plan: the offers of the
//! network's companies (and of partner feeds), the fit of each offer to a
//! learner's skills, and applications that get answers.
//!
//! Who may do what is declared per route ([`Access`]) and checked again
//! against the offer or application itself ([`Recruteur`], [`lecteur`]):
//! a company user manages only the offers of an organisation they belong
//! to, and reads only the applications to those offers; a learner reads
//! only their own applications; a teacher or advisor reads a learner's
//! applications only while the learner's consent stands (the training
//! paths' support consent); the campus team reads everything. A CV is
//! served only to those who may read its application.

pub(crate) mod adequation;
pub(crate) mod api;
pub(crate) mod candidatures;
pub(crate) mod jobs;
pub(crate) mod mails;
mod pages;
mod tableau;
pub(crate) mod validate;

use campus_domain::Role;
use campus_domain::insertion::EtatCandidature;
use campus_store::StoreError;
use campus_store::insertion::{ApplyError, Candidature, Offre, StepError};

use crate::auth::Identity;
use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Those who post and manage offers: companies, and the campus team for
/// them.
const RECRUTEURS: &[Role] = &[Role::Entreprise, Role::EquipeCampus, Role::Admin];
/// Those who apply.
const CANDIDATS: &[Role] = &[Role::Apprenant];

/// Largest CV accepted.
pub(crate) const CV_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Body limit of the application routes: the CV, the message and the
/// multipart framing.
const APPLY_BODY_LIMIT: usize = CV_MAX_BYTES + 64 * 1024;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/offres", Access::Public, pages::list),
        RouteDef::get(
            "/offres/nouvelle",
            Access::Roles(RECRUTEURS),
            pages::new_page,
        ),
        RouteDef::post("/offres", Access::Roles(RECRUTEURS), pages::create),
        RouteDef::get("/offres/{id}", Access::Public, pages::show),
        RouteDef::get(
            "/offres/{id}/modifier",
            Access::Roles(RECRUTEURS),
            pages::edit_page,
        ),
        RouteDef::post(
            "/offres/{id}/modifier",
            Access::Roles(RECRUTEURS),
            pages::update,
        ),
        RouteDef::post(
            "/offres/{id}/fermer",
            Access::Roles(RECRUTEURS),
            pages::close,
        ),
        RouteDef::get(
            "/offres/{id}/candidatures",
            Access::Roles(RECRUTEURS),
            candidatures::for_offer,
        ),
        RouteDef::post(
            "/offres/{id}/candidater",
            Access::Roles(CANDIDATS),
            candidatures::apply,
        )
        .with_body_limit(APPLY_BODY_LIMIT),
        RouteDef::get(
            "/candidatures",
            Access::Roles(CANDIDATS),
            candidatures::mine,
        ),
        RouteDef::get("/candidatures/{id}", Access::SignedIn, candidatures::show),
        RouteDef::post(
            "/candidatures/{id}/etat",
            Access::SignedIn,
            candidatures::change,
        ),
        RouteDef::post(
            "/candidatures/{id}/relance",
            Access::Roles(CANDIDATS),
            candidatures::remind,
        ),
        RouteDef::get("/candidatures/{id}/cv", Access::SignedIn, candidatures::cv),
        RouteDef::post(
            "/candidatures/{id}/accord-etablissement",
            Access::SignedIn,
            candidatures::accord,
        ),
        RouteDef::get("/admin/insertion", Access::Staff, tableau::tableau),
        RouteDef::get("/api/v1/offres", Access::Public, api::list),
        RouteDef::post("/api/v1/offres", Access::Roles(RECRUTEURS), api::create),
        RouteDef::get("/api/v1/offres/{id}", Access::Public, api::get),
        RouteDef::patch(
            "/api/v1/offres/{id}",
            Access::Roles(RECRUTEURS),
            api::update,
        ),
        RouteDef::post(
            "/api/v1/offres/{id}/candidatures",
            Access::Roles(CANDIDATS),
            api::apply,
        )
        .with_body_limit(APPLY_BODY_LIMIT),
        RouteDef::get("/api/v1/candidatures", Access::SignedIn, api::applications),
        RouteDef::post(
            "/api/v1/candidatures/{id}/etat",
            Access::SignedIn,
            api::change,
        ),
    ]
}

/// An open offer as other pages list it (a trade's, a certification's,
/// a company's).
pub(crate) struct OffreLien {
    pub id: i32,
    pub intitule: String,
    pub employeur: String,
    pub lieu: String,
    pub type_libelle: String,
}

/// Offers shown on another page, at most.
const LIEES: usize = 10;

/// The open offers matching `filtre`, most recent first.
pub(crate) async fn offres_liees(
    state: &AppState,
    tr: &crate::i18n::Tr,
    filtre: &campus_store::insertion::FiltreOffres,
) -> AppResult<Vec<OffreLien>> {
    let filtre = campus_store::insertion::FiltreOffres {
        ouvertes: true,
        ..filtre.clone()
    };
    Ok(state
        .store
        .insertion()
        .offres(&filtre)
        .await?
        .into_iter()
        .take(LIEES)
        .map(|o| OffreLien {
            id: o.id,
            employeur: o.employeur.clone().unwrap_or_default(),
            lieu: o.commune_nom.clone(),
            type_libelle: tr.t(o.type_offre.label_key()),
            intitule: o.intitule,
        })
        .collect())
}

/// An id from the path; anything else is a 404.
pub(crate) fn path_id(raw: &str) -> AppResult<i32> {
    raw.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

/// The organisations `me` may post offers for: their own, or every
/// company of the network for the campus team.
pub(crate) async fn organisations_for(
    state: &AppState,
    me: &Identity,
) -> AppResult<Vec<(i32, String)>> {
    if me.user.role.is_campus_staff() {
        let (orgs, _) = state
            .store
            .list_organisations(&campus_store::organisations::OrganisationFilter {
                kind: Some(campus_domain::OrganisationKind::Entreprise),
                origine: Some(campus_domain::OrigineOrganisation::Reseau),
                per_page: 500,
                ..Default::default()
            })
            .await?;
        return Ok(orgs.into_iter().map(|o| (o.id, o.nom)).collect());
    }
    Ok(state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| (o.id, o.nom))
        .collect())
}

/// Proof that `me` answers for an offer: a member of its company, or the
/// campus team.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Recruteur;

/// Checks that `me` answers for `offre`; 403 otherwise. An imported
/// offer is the campus team's only.
pub(crate) async fn recruteur(
    state: &AppState,
    me: &Identity,
    offre: &Offre,
) -> AppResult<Recruteur> {
    if me.user.role.is_campus_staff() {
        return Ok(Recruteur);
    }
    if me.user.role != Role::Entreprise {
        return Err(AppError::Forbidden);
    }
    let Some(org) = offre.organisation_id else {
        return Err(AppError::Forbidden);
    };
    match state.store.membership_role(org, me.user.id).await? {
        Some(_) => Ok(Recruteur),
        None => Err(AppError::Forbidden),
    }
}

/// How someone reads an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lecteur {
    Candidat,
    /// A member of the offer's company.
    Recruteur,
    /// The campus team, who may also act for the company.
    Equipe,
    /// A teacher or advisor the candidate consented to.
    Accompagnant,
}

/// The way `me` may read `c` (of `offre`); 403 when they may not.
pub(crate) async fn lecteur(
    state: &AppState,
    me: &Identity,
    c: &Candidature,
    offre: &Offre,
) -> AppResult<Lecteur> {
    if c.candidat_user_id == Some(me.user.id) {
        return Ok(Lecteur::Candidat);
    }
    if me.user.role.is_campus_staff() {
        return Ok(Lecteur::Equipe);
    }
    if recruteur(state, me, offre).await.is_ok() {
        return Ok(Lecteur::Recruteur);
    }
    if let Some(candidat) = c.candidat_user_id
        && matches!(me.user.role, Role::Formateur | Role::Partenaire)
        && state
            .store
            .parcours()
            .has_consent(me.user.id, candidat)
            .await?
    {
        return Ok(Lecteur::Accompagnant);
    }
    Err(AppError::Forbidden)
}

/// Whether `who` must not see who applied: a pupil's application to an
/// observation period, before the pupil's school agreed, hides the
/// minor's name, address and CV from the company.
pub(crate) fn masque(c: &Candidature, offre: &Offre, who: Lecteur) -> bool {
    who == Lecteur::Recruteur && offre.type_offre.is_for_minors() && c.accord_ecole_le.is_none()
}

/// The application as `who` may see it: the candidate's identity and CV
/// removed while [`masque`] holds.
pub(crate) fn vue(mut c: Candidature, offre: &Offre, who: Lecteur) -> Candidature {
    if masque(&c, offre, who) {
        c.candidat_nom = None;
        c.candidat_email = None;
        c.cv = None;
    }
    c
}

impl Lecteur {
    /// Whether this reader moves the application along (the company's
    /// steps).
    pub(crate) fn recrute(self) -> bool {
        matches!(self, Lecteur::Recruteur | Lecteur::Equipe)
    }
}

impl From<ApplyError> for AppError {
    fn from(err: ApplyError) -> AppError {
        match err {
            ApplyError::OffreFermee => AppError::Conflict("candidature-offre-fermee"),
            ApplyError::DejaEnvoyee => AppError::Conflict("candidature-deja-envoyee"),
            ApplyError::Store(e) => e.into(),
        }
    }
}

impl From<StepError> for AppError {
    fn from(err: StepError) -> AppError {
        match err {
            StepError::Illegal(etat) => AppError::Conflict(match etat {
                EtatCandidature::Retenue
                | EtatCandidature::NonRetenue
                | EtatCandidature::Retiree => "candidature-close",
                _ => "candidature-etape-impossible",
            }),
            StepError::Stale => AppError::Conflict("candidature-modifiee"),
            StepError::PlusDePoste => AppError::Conflict("candidature-plus-de-poste"),
            StepError::RelanceImpossible => AppError::Conflict("candidature-relance-impossible"),
            StepError::MobiliteIncomplete(key) => AppError::Conflict(key),
            StepError::Store(StoreError::NotFound) => AppError::NotFound,
            StepError::Store(e) => e.into(),
        }
    }
}
