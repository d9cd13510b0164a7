//! Données personnelles: each person downloads what the platform holds
//! about them and erases their account (in `/compte` and through the API),
//! and everyone can read what the platform processes, why and for how
//! long (`/donnees-personnelles`). The retention jobs that the worker runs
//! are at the end.

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_store::donnees_personnelles::{ATransmettre, DonneesPersonnelles, EffacementError};
use campus_store::outbox::OutgoingMail;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::cookies;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::invalid;
use crate::state::AppState;
use crate::templates::{MessagePage, SuppressionPage, TraitementsPage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/donnees-personnelles", Access::Public, traitements),
        RouteDef::get("/api/v1/moi/donnees", Access::SignedIn, api_export),
        RouteDef::delete("/api/v1/moi", Access::SignedIn, api_erase),
        RouteDef::get("/compte/donnees", Access::SignedIn, download),
        RouteDef::get("/compte/suppression", Access::SignedIn, suppression_page),
        RouteDef::post("/compte/suppression", Access::SignedIn, suppression),
    ]
}

/// The processings of personal data the platform runs, in the order of
/// `/donnees-personnelles`: the message keys of each one's purpose, legal
/// basis, data, recipients, and the retention that applies.
const TRAITEMENTS: &[(&str, Conservation)] = &[
    ("comptes", Conservation::Comptes),
    ("inscriptions", Conservation::Evenement),
    ("mineurs", Conservation::Mineurs),
    ("reservations", Conservation::Comptes),
    ("modules", Conservation::Comptes),
    ("parcours", Conservation::Comptes),
    ("reseau", Conservation::Comptes),
    ("projets", Conservation::Comptes),
    ("experts", Conservation::Comptes),
    ("mobilite", Conservation::Comptes),
    ("lettre", Conservation::Lettre),
    ("ressources", Conservation::Comptes),
    ("securite", Conservation::Journal),
];

/// Which configured period a processing's data follow.
#[derive(Clone, Copy)]
enum Conservation {
    Comptes,
    Evenement,
    Mineurs,
    Journal,
    /// Until unsubscription; unconfirmed requests for a week.
    Lettre,
}

/// One row of the processing list, in the reader's language.
pub struct Traitement {
    pub id: &'static str,
    pub titre: String,
    pub finalite: String,
    pub base: String,
    pub donnees: String,
    pub destinataires: String,
    pub conservation: String,
}

async fn traitements(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let r = &state.config.retention;
    let days = |d: i64| d.to_string();
    let conservation = |c: Conservation| match c {
        Conservation::Comptes => tr.tv(
            "traitement-conservation-comptes",
            &[
                ("inactifs", &days(r.inactive_days)),
                ("avertissement", &days(r.inactive_warning_days)),
                ("non_verifies", &days(r.unverified_days)),
            ],
        ),
        Conservation::Evenement => tr.ts(
            "traitement-conservation-evenement",
            "inactifs",
            &days(r.inactive_days),
        ),
        Conservation::Mineurs => tr.ts(
            "traitement-conservation-mineurs",
            "jours",
            &days(r.minors_days_after_event),
        ),
        Conservation::Journal => tr.ts(
            "traitement-conservation-journal",
            "jours",
            &days(r.audit_days),
        ),
        Conservation::Lettre => tr.ts(
            "traitement-conservation-lettre",
            "jours",
            &days(crate::routes::actualites::lettre::CONFIRMATION_JOURS),
        ),
    };
    let traitements = TRAITEMENTS
        .iter()
        .map(|(id, c)| Traitement {
            id,
            titre: tr.t(&format!("traitement-{id}")),
            finalite: tr.t(&format!("traitement-{id}-finalite")),
            base: tr.t(&format!("traitement-{id}-base")),
            donnees: tr.t(&format!("traitement-{id}-donnees")),
            destinataires: tr.t(&format!("traitement-{id}-destinataires")),
            conservation: conservation(*c),
        })
        .collect();
    Ok(render(&TraitementsPage {
        chrome,
        traitements,
    })?
    .into_response())
}

/// Everything held about the signed-in person, as JSON.
#[utoipa::path(get, path = "/api/v1/moi/donnees", tag = "compte",
    responses((status = 200, description = "Les données personnelles du compte (document JSON à télécharger)", content_type = "application/json"),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_export(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    export(&state, me.user.id).await
}

async fn download(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    export(&state, me.user.id).await
}

async fn export(state: &AppState, user_id: i32) -> AppResult<Response> {
    let data: DonneesPersonnelles = state.store.donnees_personnelles(user_id).await?;
    let mut response = Json(data).into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        header::HeaderValue::from_static("attachment; filename=\"donnees-personnelles.json\""),
    );
    Ok(response)
}

/// Erases the signed-in person's account.
#[utoipa::path(delete, path = "/api/v1/moi", tag = "compte",
    responses((status = 204, description = "Compte fermé, données personnelles effacées"),
        (status = 401, body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Des événements ou des équipements sont à transmettre d'abord", body = crate::error::Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn api_erase(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let pending = state.store.a_transmettre(me.user.id).await?;
    if !pending.is_empty() {
        return Err(handover_conflict(&chrome.tr(), &pending));
    }
    erase_account(&state, me.user.id, Some(me.user.id)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn handover_conflict(tr: &Tr, pending: &ATransmettre) -> AppError {
    let names: Vec<String> = pending
        .evenements
        .iter()
        .chain(&pending.equipements)
        .map(|(_, nom)| format!("« {nom} »"))
        .collect();
    AppError::ConflictWith {
        key: "suppression-a-transmettre",
        detail: tr.ts(
            "suppression-a-transmettre-detail",
            "liste",
            &names.join(", "),
        ),
    }
}

/// Cancels what the person still had to come (their seats and slots go to
/// the waitlist and to others, who are told), then erases the account in
/// one transaction. Shared by the person's own request and the retention
/// jobs.
pub(crate) async fn erase_account(
    state: &AppState,
    user_id: i32,
    actor: Option<i32>,
) -> AppResult<()> {
    let (registrations, bookings) = state.store.engagements_a_venir(user_id).await?;
    for id in registrations {
        crate::routes::evenements::inscription::cancel_and_promote(state, id).await?;
    }
    for id in bookings {
        match state
            .store
            .equipements()
            .cancel_reservation(id, user_id, vec![])
            .await
        {
            // Started or decided meanwhile: it stays, pseudonymised.
            Ok(()) | Err(campus_store::StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let mut cvs = state.store.insertion().cles_cv_de(user_id).await?;
    cvs.extend(state.store.mobilite().cles_europass_de(user_id).await?);
    match state.store.erase_person(user_id, actor).await {
        Ok(()) => {
            crate::routes::insertion::jobs::delete_files(state, &cvs).await;
            Ok(())
        }
        Err(EffacementError::Store(e)) => Err(e.into()),
        Err(EffacementError::ATransmettre(pending)) => {
            Err(handover_conflict(&Tr::default(), &pending))
        }
    }
}

async fn suppression_view(
    state: &AppState,
    chrome: Chrome,
    me: &campus_store::users::User,
    errors: FormErrors,
) -> AppResult<SuppressionPage> {
    let pending = state.store.a_transmettre(me.id).await?;
    let (registrations, bookings) = state.store.engagements_a_venir(me.id).await?;
    Ok(SuppressionPage {
        chrome,
        errors,
        ask_password: me.has_password,
        evenements: pending.evenements,
        equipements: pending.equipements,
        inscriptions_a_venir: registrations.len(),
        reservations_a_venir: bookings.len(),
    })
}

async fn suppression_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let page = suppression_view(&state, chrome, &me.user, FormErrors::default()).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SuppressionForm {
    current_password: String,
    confirmation: String,
}

async fn suppression(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(form): Form<SuppressionForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    if me.user.has_password {
        let hash = state.store.password_hash(me.user.id).await?;
        if !state.passwords.verify(form.current_password, hash).await {
            errors.add("current_password", tr.t("account-password-wrong"));
        }
    }
    if form.confirmation != "oui" {
        errors.add("confirmation", tr.t("suppression-confirmation-requise"));
    }
    let pending = state.store.a_transmettre(me.user.id).await?;
    if !pending.is_empty() {
        errors.add("confirmation", tr.t("suppression-a-transmettre"));
    }
    if !errors.is_empty() {
        let page = suppression_view(&state, chrome, &me.user, errors).await?;
        return Ok(invalid(render(&page)?));
    }
    erase_account(&state, me.user.id, Some(me.user.id)).await?;
    let mut response = render(&MessagePage {
        title: tr.t("suppression-title"),
        message: tr.t("suppression-faite"),
        link: Some(("/".to_owned(), tr.t("nav-home"))),
        // The page is the first one seen signed out.
        chrome: Chrome {
            user: None,
            ..chrome
        },
    })?
    .into_response();
    cookies::clear(
        &mut response,
        state.session_cookie(),
        state.config.is_https(),
    );
    Ok(response)
}

/// The retention periods of the configuration, applied: accounts never
/// confirmed, accounts unused for years (after a warning), minors' and
/// parents' names after their events, the old audit trail. Each erasure is
/// its own transaction, so one refused account does not hold the others.
pub async fn apply_retention(state: &AppState) -> AppResult<()> {
    let r = &state.config.retention;
    let now = state.clock.now();
    let day = chrono::Duration::days;
    for id in state
        .store
        .unverified_accounts(now - day(r.unverified_days))
        .await?
    {
        erase_quietly(state, id, "compte jamais confirmé").await;
    }
    let erase_from = now - day(r.inactive_days);
    let warn_from = erase_from + day(r.inactive_warning_days);
    for user in state.store.inactive_accounts(warn_from, None).await? {
        let tr = Tr::new(crate::i18n::Lang::parse(&user.locale).unwrap_or_default());
        let mail = OutgoingMail {
            to: user.email.as_str().to_owned(),
            subject: tr.t("mail-inactivite-sujet"),
            body: tr.tv(
                "mail-inactivite-corps",
                &[
                    ("nom", &user.display_name),
                    ("jours", &r.inactive_warning_days.to_string()),
                    ("url", &state.config.server.public_url),
                ],
            ),
        };
        state.store.warn_inactive(user.id, mail).await?;
        state.mail_queued.notify_one();
    }
    let warned_before = now - day(r.inactive_warning_days);
    for user in state
        .store
        .inactive_accounts(erase_from, Some(warned_before))
        .await?
    {
        erase_quietly(state, user.id, "compte inactif").await;
    }
    crate::routes::insertion::jobs::apply_retention(state, now).await?;
    let minors = state
        .store
        .purge_minor_registrations(now - day(r.minors_days_after_event))
        .await?;
    let audit = state
        .store
        .purge_audit_events(now - day(r.audit_days))
        .await?;
    if minors > 0 || audit > 0 {
        tracing::info!(
            inscriptions_mineurs = minors,
            journal = audit,
            "durées de conservation appliquées"
        );
    }
    Ok(())
}

/// Erases an account for a retention period; an account that still holds
/// events or equipment is left for the campus team, and said in the log.
async fn erase_quietly(state: &AppState, user_id: i32, why: &'static str) {
    match erase_account(state, user_id, None).await {
        Ok(()) => tracing::info!(
            user_id,
            motif = why,
            "compte effacé (durée de conservation)"
        ),
        Err(err) => {
            tracing::warn!(user_id, motif = why, %err, "compte à effacer laissé en place")
        }
    }
}
