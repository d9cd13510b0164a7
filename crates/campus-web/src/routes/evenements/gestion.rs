//! Creating and editing events: by the campus team, and by the members of
//! the organising organisation.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::evenement::{Audience, EvenementKind};
use campus_domain::heure_legale;
use campus_store::evenements::{Evenement, EvenementSaveError};
use campus_store::organisations::{Organisation, OrganisationFilter};

use super::agenda::kinds;
use super::pages::{EvenementFormPage, EvenementValues};
use super::{mails, organised, validate};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// The organisations `me` may organise events for.
async fn organisations_of(state: &AppState, me: &Identity) -> AppResult<Vec<Organisation>> {
    if me.user.role.is_campus_staff() {
        let filter = OrganisationFilter {
            per_page: 200,
            origine: Some(campus_domain::OrigineOrganisation::Reseau),
            ..Default::default()
        };
        Ok(state.store.list_organisations(&filter).await?.0)
    } else {
        Ok(state
            .store
            .memberships_of(me.user.id)
            .await?
            .into_iter()
            .map(|(org, _)| org)
            .collect())
    }
}

fn form_page(
    chrome: Chrome,
    errors: FormErrors,
    title: String,
    action: String,
    v: EvenementValues,
    organisations: &[Organisation],
) -> EvenementFormPage {
    let tr = chrome.tr();
    EvenementFormPage {
        errors,
        title,
        action,
        organisations: organisations
            .iter()
            .map(|o| (o.slug.clone(), o.nom.clone()))
            .collect(),
        kinds: kinds(&tr, false),
        audiences: Audience::all()
            .map(|a| {
                (
                    a.as_str().to_owned(),
                    tr.t(a.label_key()),
                    v.publics.iter().any(|p| p == a.as_str()),
                )
            })
            .collect(),
        v,
        chrome,
    }
}

fn values_of(event: &Evenement) -> EvenementValues {
    EvenementValues {
        organisation: event.organiser.slug.clone(),
        kind: event.kind.as_str().to_owned(),
        titre: event.titre.clone(),
        description: event.description.clone(),
        adresse: event.adresse.clone(),
        code_postal: event
            .code_postal
            .as_ref()
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default(),
        commune: event.commune.clone(),
        debut: heure_legale::valeur_saisie(event.starts_at),
        fin: heure_legale::valeur_saisie(event.ends_at),
        capacite: event.capacity.to_string(),
        publics: event
            .audiences
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect(),
        metiers: event
            .romes
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        age_minimum: event
            .safety
            .min_age
            .map(|a| a.to_string())
            .unwrap_or_default(),
        salle_propre: event.safety.clean_room,
        bpf: event.safety.gmp,
        consignes: event.safety.notes.clone(),
    }
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let organisations = organisations_of(&state, &me).await?;
    if organisations.is_empty() {
        return Err(AppError::Forbidden);
    }
    let values = EvenementValues {
        organisation: organisations
            .first()
            .map(|o| o.slug.clone())
            .unwrap_or_default(),
        kind: EvenementKind::AtelierDecouverte.as_str().to_owned(),
        ..Default::default()
    };
    let title = chrome.t("evenement-new-title");
    Ok(render(&form_page(
        chrome,
        FormErrors::default(),
        title,
        "/evenements".to_owned(),
        values,
        &organisations,
    ))?
    .into_response())
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let organisations = organisations_of(&state, &me).await?;
    if organisations.is_empty() {
        return Err(AppError::Forbidden);
    }
    let tr = chrome.tr();
    let values = validate::evenement_values(pairs);
    let title = tr.t("evenement-new-title");
    match validate::event(&tr, &values, &organisations, state.clock.now()) {
        Ok(input) => {
            let event = state
                .store
                .evenements()
                .create_evenement(input, Some(me.user.id))
                .await?;
            Ok(see_other(&format!("/evenements/{}", event.slug)))
        }
        Err(errors) => Ok(invalid(render(&form_page(
            chrome,
            errors,
            title,
            "/evenements".to_owned(),
            values,
            &organisations,
        ))?)),
    }
}

pub(crate) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let organisations = organisations_of(&state, &me).await?;
    let title = chrome.ts("evenement-edit-title", "title", &event.titre);
    Ok(render(&form_page(
        chrome,
        FormErrors::default(),
        title,
        format!("/evenements/{}/modifier", event.slug),
        values_of(&event),
        &organisations,
    ))?
    .into_response())
}

pub(crate) async fn edit(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let event = organised(&state, &me, &slug).await?;
    let organisations = organisations_of(&state, &me).await?;
    let tr = chrome.tr();
    let values = validate::evenement_values(pairs);
    let title = tr.ts("evenement-edit-title", "title", &event.titre);
    let action = format!("/evenements/{}/modifier", event.slug);
    let errors = match validate::event(&tr, &values, &organisations, state.clock.now()) {
        Ok(input) => {
            let mail_state = state.clone();
            let before = event.clone();
            match state
                .store
                .evenements()
                .update_evenement(
                    event.id,
                    input,
                    Some(me.user.id),
                    Box::new(move |promoted| {
                        Ok(promoted
                            .iter()
                            .flat_map(|r| {
                                mails::after_inscription(&mail_state, &tr, &before, r, true)
                            })
                            .collect())
                    }),
                )
                .await
            {
                Ok((saved, _)) => {
                    state.mail_queued.notify_one();
                    return Ok(see_other(&format!("/evenements/{}", saved.slug)));
                }
                Err(EvenementSaveError::CapacityBelowTaken { taken }) => {
                    let mut errors = FormErrors::default();
                    errors.add(
                        "capacite",
                        tr.tn(
                            "evenement-error-capacity-below-taken",
                            "count",
                            taken.max(0) as u64,
                        ),
                    );
                    errors
                }
                Err(EvenementSaveError::Store(err)) => return Err(err.into()),
            }
        }
        Err(errors) => errors,
    };
    Ok(invalid(render(&form_page(
        chrome,
        errors,
        title,
        action,
        values,
        &organisations,
    ))?))
}
