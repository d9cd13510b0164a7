//! The parent's consent for a minor, through the signed link e-mailed to
//! the parent: the page shows the event and its safety rules; the parent
//! types their name and agrees (the seat is confirmed) or refuses (the
//! registration is cancelled and the seat goes to the waitlist).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::evenement::InscriptionStatus;
use campus_domain::required_text;
use serde::Deserialize;

use super::inscription::cancel_and_promote;
use super::pages::ConsentPage;
use super::view::EvenementView;
use super::{Signature, mails, signed_id};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::routes::invalid;
use crate::signed::Purpose;
use crate::state::AppState;
use crate::templates::render;

async fn consent_page(
    state: &AppState,
    chrome: Chrome,
    id: i32,
    signature: String,
    errors: FormErrors,
    parent_name: String,
) -> AppResult<ConsentPage> {
    let tr = chrome.tr();
    let registration = state.store.evenements().registration(id).await?;
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    let outcome = match registration.status {
        InscriptionStatus::AttenteConsentement => None,
        InscriptionStatus::Annulee => Some(tr.t("consent-outcome-cancelled")),
        _ => Some(tr.ts(
            "consent-outcome-given",
            "name",
            registration.consent_by.as_deref().unwrap_or_default(),
        )),
    };
    Ok(ConsentPage {
        lead: tr.tv(
            "consent-lead",
            &[("name", &registration.nom), ("title", &event.titre)],
        ),
        errors,
        event: EvenementView::new(&tr, &event, state.clock.now()),
        id,
        signature,
        nom: registration.nom,
        parent_name,
        outcome,
        chrome,
    })
}

pub(crate) async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::ParentalConsent, &id, &q.signature)?;
    let page = consent_page(
        &state,
        chrome,
        id,
        q.signature,
        FormErrors::default(),
        String::new(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ConsentForm {
    signature: String,
    /// `accepter` or `refuser`.
    reponse: String,
    nom_parent: String,
    accord: String,
}

pub(crate) async fn answer(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Form(form): Form<ConsentForm>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::ParentalConsent, &id, &form.signature)?;
    let tr = chrome.tr();
    if form.reponse == "refuser" {
        let registration = state.store.evenements().registration(id).await?;
        if registration.status == InscriptionStatus::AttenteConsentement {
            cancel_and_promote(&state, id).await?;
        }
        let page = consent_page(
            &state,
            chrome,
            id,
            form.signature,
            FormErrors::default(),
            String::new(),
        )
        .await?;
        return Ok(render(&page)?.into_response());
    }
    let mut errors = FormErrors::default();
    let name = errors.check(&tr, "nom_parent", required_text(&form.nom_parent, 200));
    if form.accord != "oui" {
        errors.add("accord", tr.t("consent-field-agree-required"));
    }
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        let page =
            consent_page(&state, chrome, id, form.signature, errors, form.nom_parent).await?;
        return Ok(invalid(render(&page)?));
    };
    let registration = state.store.evenements().registration(id).await?;
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    let mail_state = state.clone();
    state
        .store
        .evenements()
        .record_consent(
            id,
            &name,
            Box::new(move |r| Ok(mails::after_consent(&mail_state, &tr, &event, r))),
        )
        .await?;
    state.mail_queued.notify_one();
    let page = consent_page(
        &state,
        chrome,
        id,
        form.signature,
        FormErrors::default(),
        String::new(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}
