//! Registration of a person or a class, the registration's own page (its
//! "ticket") and cancellation.

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use campus_domain::evenement::InscriptionStatus;
use campus_store::evenements::Evenement;
use campus_store::evenements::inscriptions::{Inscription, NewInscription, RegisterError};
use campus_store::rate_limits::Limit;
use serde::Deserialize;

use super::agenda::{SentForms, can_register_class, evenement_page, person_defaults};
use super::pages::{ClassValues, PersonValues, TicketPage};
use super::view::{EvenementView, status_message_key};
use super::{Signature, links, mails, qr, signed_id, validate};
use crate::auth::{Identity, MaybeUser, PeerAddr, client_ip};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::rate_limit::{self, Check};
use crate::routes::{invalid, see_other};
use crate::signed::Purpose;
use crate::state::AppState;
use crate::templates::render;

/// Both forms post here; `type` tells which.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RegisterForm {
    #[serde(rename = "type")]
    kind: String,
    #[serde(flatten)]
    person: PersonValues,
    classe: String,
    eleves: String,
    classe_public: String,
    classe_niveau: String,
    etablissement: String,
    attestation: String,
}

/// Stores a validated registration with its e-mails.
pub(crate) async fn store_inscription(
    state: &AppState,
    tr: Tr,
    event: &Evenement,
    new: NewInscription,
) -> Result<Inscription, RegisterError> {
    let mail_state = state.clone();
    let event = event.clone();
    let registration = state
        .store
        .evenements()
        .register(
            new,
            Box::new(move |r| Ok(mails::after_inscription(&mail_state, &tr, &event, r, false))),
        )
        .await?;
    state.mail_queued.notify_one();
    Ok(registration)
}

/// What a refused registration says, as a form error.
pub(crate) fn refusal(tr: &Tr, err: RegisterError, field: &'static str) -> AppResult<FormErrors> {
    let mut errors = FormErrors::default();
    match err {
        RegisterError::Closed => errors.add(field, tr.t("evenement-error-closed")),
        RegisterError::Duplicate => errors.add(field, tr.t("inscription-duplicate")),
        RegisterError::Store(err) => return Err(err.into()),
    }
    Ok(errors)
}

pub(crate) async fn register(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    Path(slug): Path<String>,
    Form(form): Form<RegisterForm>,
) -> AppResult<Response> {
    let event = state.store.evenements().evenement_by_slug(&slug).await?;
    let tr = chrome.tr();
    let now = state.clock.now();
    if !event.is_open(now) {
        return Err(AppError::Conflict("evenement-error-closed"));
    }
    let class = ClassValues {
        classe: form.classe,
        eleves: form.eleves,
        public: form.classe_public,
        niveau: form.classe_niveau,
        organisation: form.etablissement,
        attestation: form.attestation,
    };
    let is_class = form.kind == "classe";
    let validated = if is_class {
        let Some(me) = identity.as_ref().filter(|me| can_register_class(Some(me))) else {
            return Err(AppError::Forbidden);
        };
        validate::class(&tr, &event, &class, me)
    } else {
        validate::person(&tr, &event, &form.person, identity.as_ref(), now)
    };
    let first_field = if is_class { "classe" } else { "nom" };
    if validated.is_ok() && identity.is_none() {
        anonymous_limits(&state, &client_ip(&state, &headers, peer), &event).await?;
    }
    let errors = match validated {
        Ok(new) => match store_inscription(&state, tr, &event, new).await {
            Ok(registration) => {
                return Ok(see_other(&format!(
                    "{}&ok=inscription",
                    links::ticket(&state, registration.id)
                )));
            }
            Err(err) => refusal(&tr, err, first_field)?,
        },
        Err(errors) => errors,
    };
    let sent = if is_class {
        SentForms {
            errors,
            person: person_defaults(identity.as_ref()),
            class,
            failed_form: "classe",
        }
    } else {
        SentForms {
            errors,
            person: form.person,
            class,
            failed_form: "personne",
        }
    };
    show_again(&state, chrome, identity.as_ref(), &event, sent).await
}

/// Anonymous registrations, which anyone can send with any name and
/// address, are limited per client address and per event: a script can no
/// longer fill an event with made-up people in a fraction of a second.
async fn anonymous_limits(state: &AppState, ip: &str, event: &Evenement) -> AppResult<()> {
    let security = &state.config.security;
    let event_key = event.id.to_string();
    rate_limit::admit(
        state,
        &[
            Check {
                bucket: "inscription-ip",
                key: ip,
                limit: Limit {
                    max: security.anonymous_registrations_per_ip_hour,
                    window: chrono::Duration::hours(1),
                },
            },
            Check {
                bucket: "inscription-evenement",
                key: &event_key,
                limit: Limit {
                    max: security.anonymous_registrations_per_event_minute,
                    window: chrono::Duration::minutes(1),
                },
            },
        ],
    )
    .await
}

/// The event page again, with the refused form's values and errors.
async fn show_again(
    state: &AppState,
    chrome: Chrome,
    identity: Option<&Identity>,
    event: &Evenement,
    sent: SentForms,
) -> AppResult<Response> {
    let page = evenement_page(state, chrome, identity, event, sent).await?;
    Ok(invalid(render(&page)?))
}

async fn ticket_page(
    state: &AppState,
    chrome: Chrome,
    registration: Inscription,
    signature: String,
    notice: Option<String>,
) -> AppResult<TicketPage> {
    let tr = chrome.tr();
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    let now = state.clock.now();
    let check_in = links::absolute(state, &links::check_in(&event.slug, &registration.code));
    let show_code = registration.status.holds_seats();
    Ok(TicketPage {
        event: EvenementView::new(&tr, &event, now),
        id: registration.id,
        signature,
        nom: registration.nom.clone(),
        seats: registration.seats,
        code: registration.code.clone(),
        status: tr.t(registration.status.label_key()),
        status_message: tr.t(status_message_key(registration.status)),
        can_cancel: registration.status != InscriptionStatus::Annulee && event.ends_at > now,
        show_code,
        qr_svg: if show_code {
            qr::svg(
                &check_in,
                &tr.ts("ticket-qr-label", "code", &registration.code),
            )
        } else {
            String::new()
        },
        notice,
        chrome,
    })
}

pub(crate) async fn ticket(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::Holder, &id, &q.signature)?;
    let registration = state.store.evenements().registration(id).await?;
    let notice = match q.ok.as_str() {
        "inscription" => Some(chrome.t("ticket-notice-registered")),
        "annulee" => Some(chrome.t("ticket-notice-cancelled")),
        _ => None,
    };
    let page = ticket_page(&state, chrome, registration, q.signature, notice).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct CancelForm {
    signature: String,
}

/// Cancels through the signed link (the holder of the registration),
/// which the person's account page also uses.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<CancelForm>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::Holder, &id, &form.signature)?;
    cancel_and_promote(&state, id).await?;
    Ok(see_other(&format!(
        "{}&ok=annulee",
        links::ticket(&state, id)
    )))
}

/// Cancels a registration, seats the waitlist and queues the e-mails.
pub(crate) async fn cancel_and_promote(state: &AppState, id: i32) -> AppResult<()> {
    let registration = state.store.evenements().registration(id).await?;
    let event = state
        .store
        .evenements()
        .evenement_by_id(registration.evenement_id)
        .await?;
    let tr = Tr::default();
    let mail_state = state.clone();
    state
        .store
        .evenements()
        .cancel_inscription(
            id,
            Box::new(move |outcome| {
                Ok(mails::after_cancellation(&mail_state, &tr, &event, outcome))
            }),
        )
        .await?;
    state.mail_queued.notify_one();
    Ok(())
}
