//! Deciding a project's stage: its lead submits the deliverables, the
//! campus team accepts the stage or asks for changes on named
//! deliverables with a comment. Two reviewers deciding at once: the second
//! is told the stage was already decided, and nothing changes.

use axum::extract::{Path, State};
use axum::response::Response;
use campus_domain::projet::{ActionEtape, EtapeProjet, Livrable};
use campus_store::projets::{DecisionEtape, EtapeError, Projet};

use super::pages::refused_form;
use super::{Acces, mails, membre, projet_or_404};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::modules::mails::staff;
use crate::routes::see_other;
use crate::state::AppState;

/// Longest comment of a review.
const COMMENTAIRE_MAX: usize = 4_000;

/// A decision as typed (also the API's body).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DecisionValues {
    /// `soumettre`, `valider` or `demander_modifications`.
    pub action: String,
    /// The stage decided on, as the page showed it (`idee`, `cadrage`…).
    pub etape: String,
    /// The deliverables refused (`etude_marche`…), for
    /// `demander_modifications`.
    pub refus: Vec<String>,
    pub commentaire: String,
    /// The project's version the decider saw, when known.
    pub version: Option<i32>,
}

impl DecisionValues {
    fn from_pairs(pairs: Vec<(String, String)>) -> DecisionValues {
        let mut v = DecisionValues::default();
        for (key, value) in pairs {
            match key.as_str() {
                "action" => v.action = value,
                "etape" => v.etape = value,
                "refus" => v.refus.push(value),
                "commentaire" => v.commentaire = value,
                "version" => v.version = value.trim().parse().ok(),
                _ => {}
            }
        }
        v
    }
}

/// Checks who decides and what, applies the decision and queues its
/// e-mails; the errors to show, or the stage reached.
pub(crate) async fn decider(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    p: &Projet,
    acces: Acces,
    v: &DecisionValues,
) -> AppResult<Result<EtapeProjet, FormErrors>> {
    let bad = |key: &'static str| AppError::BadRequest { key, detail: None };
    let action = ActionEtape::parse(&v.action).map_err(|_| bad("projet-action-invalide"))?;
    let etape = EtapeProjet::parse(&v.etape).map_err(|_| bad("projet-etape-invalide"))?;
    let allowed = if action.par_equipe() {
        acces.revise()
    } else {
        acces.gere()
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let mut errors = FormErrors::default();
    let mut refus = Vec::new();
    for r in &v.refus {
        match Livrable::parse(r) {
            Ok(l) if !refus.contains(&l) => refus.push(l),
            Ok(_) => {}
            Err(_) => return Err(bad("projet-livrable-invalide")),
        }
    }
    let commentaire = v.commentaire.trim();
    if commentaire.chars().count() > COMMENTAIRE_MAX {
        errors.add("commentaire", tr.t("projet-commentaire-trop-long"));
    }
    if action == ActionEtape::DemanderModifications {
        if refus.is_empty() {
            errors.add("refus", tr.t("projet-refus-vide"));
        }
        if commentaire.is_empty() {
            errors.add("commentaire", tr.t("projet-commentaire-requis"));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mails = match action {
        ActionEtape::Soumettre => mails::etape(
            state,
            &staff(state).await?,
            "soumise",
            p,
            etape,
            commentaire,
        ),
        ActionEtape::Valider => mails::etape(
            state,
            &mails::porteurs(state, p).await?,
            "validee",
            p,
            etape,
            commentaire,
        ),
        ActionEtape::DemanderModifications => {
            let names: Vec<String> = refus.iter().map(|l| tr.t(l.label_key())).collect();
            let note = format!("{} — {commentaire}", names.join(", "));
            mails::etape(
                state,
                &mails::porteurs(state, p).await?,
                "modifications",
                p,
                etape,
                &note,
            )
        }
    };
    let decision = DecisionEtape {
        action,
        etape,
        refus,
        commentaire: (!commentaire.is_empty()).then(|| commentaire.to_owned()),
        version: v.version,
    };
    match state
        .store
        .projets()
        .decider_etape(p.id, &decision, me.user.id, mails)
        .await
    {
        Ok((apres, _)) => {
            state.mail_queued.notify_one();
            Ok(Ok(apres))
        }
        Err(EtapeError::Manquants(manquants)) => {
            let names: Vec<String> = manquants.iter().map(|l| tr.t(l.label_key())).collect();
            errors.add(
                "livrables",
                tr.ts("projet-livrables-manquants", "livrables", &names.join(", ")),
            );
            Ok(Err(errors))
        }
        Err(EtapeError::RefusVide) => {
            errors.add("refus", tr.t("projet-refus-vide"));
            Ok(Err(errors))
        }
        Err(EtapeError::RefusHorsEtape) => {
            errors.add("refus", tr.t("projet-refus-hors-etape"));
            Ok(Err(errors))
        }
        Err(EtapeError::Impossible { .. }) => Err(AppError::Conflict("projet-etape-deja-decidee")),
        Err(EtapeError::Store(e)) => Err(e.into()),
    }
}

pub(crate) async fn decide(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    let acces = membre(&me, &p)?;
    let v = DecisionValues::from_pairs(pairs);
    match decider(&state, &tr, &me, &p, acces, &v).await? {
        Ok(_) => Ok(see_other(&format!(
            "/projets/{slug}?ok={}#etapes",
            v.action.replace('_', "")
        ))),
        Err(errors) => refused_form(&state, chrome, &me, p, acces, errors).await,
    }
}
