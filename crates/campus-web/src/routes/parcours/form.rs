//! The guided form, three server-rendered steps (where you are, where you
//! want to go, your constraints), then the results. Each step posts every
//! value so far, the other steps' in hidden fields: nothing is kept on the
//! server before the person saves, and the form works without JavaScript.
//! A trainer or the campus team fills it for a learner who accepted their
//! support (`pour`), checked on every step and again when saving.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::StatutApprenant;
use campus_domain::parcours::demande::EXPERIENCE_ROWS;
use campus_domain::parcours::{Champ, DemandeParcours, Etape, SaisieParcours};
use campus_store::StoreError;
use campus_store::parcours::{Canal, NewSavedPlan};
use serde::Deserialize;

use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::parcours::demande::{
    MODALITES, OBJECTIFS, first_step, form_errors, hidden, parse, verifier,
};
use crate::parcours::pages::{For, FormPage, ResultsPage};
use crate::parcours::view::{compute, noter, results_view};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/parcours", Access::Public, start),
        RouteDef::post("/parcours", Access::Public, step),
        RouteDef::get("/parcours/resultats", Access::Public, results_again),
        RouteDef::post("/parcours/enregistrer", Access::SignedIn, save),
    ]
}

/// Longest title of a saved path.
const MAX_TITLE: usize = 200;

#[derive(Deserialize, Default)]
#[serde(default)]
struct StartQuery {
    cible: String,
    pour: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StepForm {
    #[serde(flatten)]
    d: SaisieParcours,
    /// The step submitted.
    etape: String,
    /// A step to go back to, without checking anything.
    retour: String,
    pour: String,
    titre: String,
}

/// The learner a path is prepared for, if any: only a supporter whose
/// support the learner accepted may name one.
pub(crate) async fn learner_for(
    state: &AppState,
    me: Option<&Identity>,
    pour: &str,
) -> AppResult<For> {
    let pour = pour.trim();
    if pour.is_empty() {
        return Ok(None);
    }
    let (Some(me), Ok(learner)) = (me, pour.parse::<i32>()) else {
        return Err(AppError::Forbidden);
    };
    if learner == me.user.id {
        return Ok(None);
    }
    if !state
        .store
        .parcours()
        .has_consent(me.user.id, learner)
        .await?
    {
        return Err(AppError::Forbidden);
    }
    let user = state.store.user(learner).await?;
    Ok(Some((learner, user.display_name)))
}

pub(crate) fn form_page(
    chrome: Chrome,
    errors: FormErrors,
    step: Etape,
    d: SaisieParcours,
    pour: For,
) -> FormPage {
    let tr = chrome.tr();
    let mut statuts = vec![(String::new(), tr.t("parcours-statut-non-precise"))];
    statuts.extend(StatutApprenant::all().map(|s| (s.as_str().to_owned(), tr.t(s.label_key()))));
    let mut niveaux = vec![(String::new(), tr.t("parcours-niveau-aucun"))];
    niveaux.extend((3..=8).map(|n| (n.to_string(), tr.t(&format!("parcours-niveau-{n}")))));
    let niveaux_max = [
        ("", "parcours-niveau-max-defaut"),
        ("1", "parcours-niveau-max-1"),
        ("2", "parcours-niveau-max-2"),
        ("3", "parcours-niveau-max-3"),
        ("libre", "parcours-niveau-max-libre"),
    ]
    .iter()
    .map(|(v, k)| ((*v).to_owned(), tr.t(k)))
    .collect();
    let experiences = (0..EXPERIENCE_ROWS)
        .map(|row| {
            (
                row + 1,
                d.valeur(Champ::Metier(row)).to_owned(),
                d.valeur(Champ::Annees(row)).to_owned(),
            )
        })
        .collect();
    let modalites = MODALITES
        .iter()
        .map(|(m, key)| (Champ::Modalite(*m).nom(), tr.t(key), d.modalite(*m)))
        .collect();
    let objectif = d.objectif();
    let objectifs = OBJECTIFS
        .iter()
        .map(|(o, key)| (o.as_str(), tr.t(key), *o == objectif))
        .collect();
    let hidden = hidden(&d, Some(step));
    FormPage {
        chrome,
        errors,
        step: u64::from(step.numero()),
        d,
        hidden,
        pour,
        statuts,
        niveaux,
        niveaux_max,
        experiences,
        modalites,
        objectifs,
    }
}

async fn start(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<StartQuery>,
) -> AppResult<Response> {
    let pour = learner_for(&state, me.as_ref(), &q.pour).await?;
    // The situation the person gave their account, theirs to change.
    let statut = match (&pour, &me) {
        (Some((learner, _)), _) => state.store.user(*learner).await?.statut,
        (None, Some(me)) => me.user.statut,
        (None, None) => None,
    };
    let d = SaisieParcours {
        statut: statut.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        cible: q.cible.trim().chars().take(120).collect(),
        ..SaisieParcours::default()
    };
    Ok(render(&form_page(
        chrome,
        FormErrors::default(),
        Etape::Profil,
        d,
        pour,
    ))?
    .into_response())
}

async fn step(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    let pour = learner_for(&state, me.as_ref(), &form.pour).await?;
    if !form.retour.is_empty() {
        let back = Etape::parse(&form.retour);
        return Ok(render(&form_page(
            chrome,
            FormErrors::default(),
            back,
            form.d,
            pour,
        ))?
        .into_response());
    }
    let submitted = Etape::parse(&form.etape);
    let loaded = state.parcours.current(&state.store).await?;
    let next = match submitted {
        Etape::Profil => Some(Etape::Cible),
        Etape::Cible => Some(Etape::Contraintes),
        Etape::Contraintes => None,
    };
    let errors = match next {
        Some(next) => match verifier(&state, &loaded, &form.d, submitted) {
            Ok(()) => {
                let page = form_page(chrome, FormErrors::default(), next, form.d, pour);
                return Ok(render(&page)?.into_response());
            }
            Err(errors) => errors,
        },
        None => match parse(&state, &loaded, &form.d) {
            Ok(demande) => {
                let page = results(
                    &state,
                    chrome,
                    me.as_ref(),
                    form.d,
                    demande,
                    pour,
                    Some(Canal::Site),
                )
                .await?;
                return Ok(render(&page)?.into_response());
            }
            Err(errors) => errors,
        },
    };
    let first = first_step(&errors, submitted);
    let errors = form_errors(&chrome.tr(), &errors);
    Ok(invalid(render(&form_page(
        chrome, errors, first, form.d, pour,
    ))?))
}

/// The results of answers carried in the address: where signing in from
/// the results page comes back to, so that the answers survive the
/// sign-in (the results themselves are the answer to a POST).
async fn results_again(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(form): Query<StepForm>,
) -> AppResult<Response> {
    let pour = learner_for(&state, me.as_ref(), &form.pour).await?;
    let loaded = state.parcours.current(&state.store).await?;
    match parse(&state, &loaded, &form.d) {
        Ok(demande) => {
            let page = results(&state, chrome, me.as_ref(), form.d, demande, pour, None).await?;
            Ok(render(&page)?.into_response())
        }
        Err(errors) => {
            let first = first_step(&errors, Etape::Contraintes);
            let errors = form_errors(&chrome.tr(), &errors);
            Ok(invalid(render(&form_page(
                chrome, errors, first, form.d, pour,
            ))?))
        }
    }
}

/// Computes the results of a valid request, ready to render (callers add
/// what they know: a saved path, a notice, errors of the save form).
/// `compte`: the channel of a new request, which the evaluation counts;
/// `None` for the same results shown again (after signing in, a saved
/// path reopened).
pub(crate) async fn results(
    state: &AppState,
    chrome: Chrome,
    me: Option<&Identity>,
    d: SaisieParcours,
    demande: DemandeParcours,
    pour: For,
    compte: Option<Canal>,
) -> AppResult<ResultsPage> {
    let loaded = state.parcours.current(&state.store).await?;
    let computed = compute(&loaded, &demande).map_err(|e| AppError::BadRequest {
        key: e.message_key(),
        detail: Some(e.to_string()),
    })?;
    if let Some(canal) = compte {
        noter(&state.store, &demande, &computed, canal).await;
    }
    let tr = chrome.tr();
    let v = results_view(&tr, &loaded, &demande, &computed);
    let titre = tr.ts("parcours-save-default-title", "metier", &v.cible_libelle);
    Ok(ResultsPage {
        errors: FormErrors::default(),
        notice: None,
        hidden: hidden(&d, None),
        can_save: me.is_some(),
        titre,
        v,
        pour,
        saved: None,
        chrome,
    })
}

/// Saves the request to the learner's account: the user's own, or that of
/// the learner named by `pour` if the learner's consent stands.
async fn save(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<StepForm>,
) -> AppResult<Response> {
    let pour = learner_for(&state, Some(&me), &form.pour).await?;
    let loaded = state.parcours.current(&state.store).await?;
    let tr = chrome.tr();
    let demande = match parse(&state, &loaded, &form.d) {
        Ok(demande) => demande,
        Err(errors) => {
            let first = first_step(&errors, Etape::Profil);
            let errors = form_errors(&tr, &errors);
            return Ok(invalid(render(&form_page(
                chrome, errors, first, form.d, pour,
            ))?));
        }
    };
    let cible = demande.cible.clone();
    let titre = form.titre.trim();
    if titre.chars().count() > MAX_TITLE {
        let mut errors = FormErrors::default();
        errors.add("titre", tr.tn("text-too-long", "max", MAX_TITLE as u64));
        let mut page = results(&state, chrome, Some(&me), form.d, demande, pour, None).await?;
        page.errors = errors;
        page.titre = titre.to_owned();
        return Ok(invalid(render(&page)?));
    }
    let titre = if titre.is_empty() {
        let libelle = loaded
            .referentiel
            .metier(&cible)
            .map(|m| m.libelle.clone())
            .unwrap_or_default();
        tr.ts("parcours-save-default-title", "metier", &libelle)
    } else {
        titre.to_owned()
    };
    let demande = serde_json::to_string(&form.d)?;
    let learner_id = pour.as_ref().map_or(me.user.id, |(id, _)| *id);
    let saved = state
        .store
        .parcours()
        .enregistrer(NewSavedPlan {
            learner_id,
            author_id: me.user.id,
            titre: &titre,
            cible: cible.as_str(),
            demande: &demande,
        })
        .await;
    match saved {
        Ok(id) => Ok(see_other(&format!("/compte/parcours/{id}?ok=enregistre"))),
        // The consent was withdrawn between the check and the write.
        Err(StoreError::NotFound) => Err(AppError::Forbidden),
        Err(e) => Err(e.into()),
    }
}
