//! The newsletter: the public subscription form (double opt-in, rate
//! limited, the same answer whether the address was subscribed or not),
//! the signed confirmation and unsubscribe links, the campus team's
//! composition, preview and sending of an issue, and the job that queues
//! an issue in batches.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use campus_domain::Email;
use campus_domain::actualite::{EtatActualite, TITRE_MAX};
use campus_store::actualites::{Abonnement, Actualite, FiltreActualites, Numero, NumeroEcrit};
use campus_store::rate_limits::Limit;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::mails;
use crate::auth::{CurrentUser, PeerAddr, client_ip};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::rate_limit::{self, Check};
use crate::routes::insertion::path_id;
use crate::routes::{invalid, see_other};
use crate::signed::{Purpose, sign, verify};
use crate::state::AppState;
use crate::templates::{MessagePage, render};

/// Subscribers queued per issue at each run of the job.
pub(crate) const LOT: u64 = 50;
/// How long a subscription waits for its confirmation.
pub(crate) const CONFIRMATION_JOURS: i64 = 7;
/// Subscriptions asked per client address and hour.
const ABONNEMENTS_PAR_HEURE: u64 = 10;
/// Longest introduction of an issue.
const INTRODUCTION_MAX: usize = 10_000;

/// What a link signs: the subscription and its address, so that a link
/// does not outlive the subscription it was made for.
fn signe(abonne: &Abonnement) -> String {
    format!("{}:{}", abonne.id, abonne.email)
}

pub(crate) fn lien_desabonnement(state: &AppState, abonne: &Abonnement) -> String {
    format!(
        "{}{}{}/{}",
        state.config.base_url(),
        super::DESABONNEMENT_PREFIX,
        abonne.id,
        sign(
            &state.csrf_key,
            Purpose::NewsletterUnsubscribe,
            &signe(abonne)
        )
    )
}

/// The subscription a link names, if its signature holds; otherwise the
/// page that says the link is not valid (or no longer).
async fn abonnement_signe(
    state: &AppState,
    purpose: Purpose,
    id: &str,
    signature: &str,
) -> AppResult<Abonnement> {
    let invalide = || AppError::BadRequest {
        key: "lettre-lien-invalide",
        detail: None,
    };
    let id = id.trim().parse::<i32>().map_err(|_| invalide())?;
    match state.store.actualites().abonnement(id).await? {
        Some(a) if verify(&state.csrf_key, purpose, &signe(&a), signature) => Ok(a),
        _ => Err(invalide()),
    }
}

#[derive(Template)]
#[template(path = "actualites/lettre.html")]
pub(crate) struct LettrePage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub email: String,
}

pub(crate) async fn form(chrome: Chrome) -> AppResult<Response> {
    let page = LettrePage {
        errors: FormErrors::default(),
        email: String::new(),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AbonnementForm {
    email: String,
}

/// Subscribes an address (pending) and sends it the confirmation link.
/// The answer is the same whether it was new, pending or confirmed.
pub(crate) async fn subscribe(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    Form(form): Form<AbonnementForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(_) => {
            let mut errors = FormErrors::default();
            errors.add("email", tr.t("lettre-email-invalide"));
            let page = LettrePage {
                errors,
                email: form.email,
                chrome,
            };
            return Ok(invalid(render(&page)?));
        }
    };
    rate_limit::admit(
        &state,
        &[Check {
            bucket: "lettre-ip",
            key: &client_ip(&state, &headers, peer),
            limit: Limit {
                max: ABONNEMENTS_PAR_HEURE,
                window: chrono::Duration::hours(1),
            },
        }],
    )
    .await?;
    let base = state.config.base_url();
    let key = state.csrf_key.clone();
    let address = email.as_str().to_owned();
    state
        .store
        .actualites()
        .abonner(&email, |id| {
            let signature = sign(&key, Purpose::NewsletterConfirm, &format!("{id}:{address}"));
            mails::confirmation(
                &address,
                &format!("{base}/lettre/confirmation/{id}/{signature}"),
            )
        })
        .await?;
    state.mail_queued.notify_one();
    let page = MessagePage {
        title: tr.t("lettre-demande-titre"),
        message: tr.t("lettre-demande-message"),
        link: Some(("/actualites".to_owned(), tr.t("lettre-voir-actualites"))),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "actualites/lien.html")]
pub(crate) struct LienPage {
    pub chrome: Chrome,
    pub title: String,
    pub message: String,
    pub action: String,
    pub bouton: String,
}

pub(crate) async fn confirm_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path((id, signature)): Path<(String, String)>,
) -> AppResult<Response> {
    let abonne = abonnement_signe(&state, Purpose::NewsletterConfirm, &id, &signature).await?;
    let tr = chrome.tr();
    if abonne.confirme {
        return confirmed(chrome);
    }
    let page = LienPage {
        title: tr.t("lettre-confirmer-titre"),
        message: tr.ts("lettre-confirmer-message", "email", &abonne.email),
        action: format!("/lettre/confirmation/{id}/{signature}"),
        bouton: tr.t("lettre-confirmer-bouton"),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

fn confirmed(chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let page = MessagePage {
        title: tr.t("lettre-confirmee-titre"),
        message: tr.t("lettre-confirmee-message"),
        link: Some(("/actualites".to_owned(), tr.t("lettre-voir-actualites"))),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

pub(crate) async fn confirm(
    State(state): State<AppState>,
    chrome: Chrome,
    Path((id, signature)): Path<(String, String)>,
) -> AppResult<Response> {
    let abonne = abonnement_signe(&state, Purpose::NewsletterConfirm, &id, &signature).await?;
    state.store.actualites().confirmer(abonne.id).await?;
    confirmed(chrome)
}

pub(crate) async fn unsubscribe_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path((id, signature)): Path<(String, String)>,
) -> AppResult<Response> {
    let abonne = abonnement_signe(&state, Purpose::NewsletterUnsubscribe, &id, &signature).await?;
    let tr = chrome.tr();
    let page = LienPage {
        title: tr.t("lettre-desabonner-titre"),
        message: tr.ts("lettre-desabonner-message", "email", &abonne.email),
        action: format!("{}{id}/{signature}", super::DESABONNEMENT_PREFIX),
        bouton: tr.t("lettre-desabonner-bouton"),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Unsubscribes: from the page's button, or the mail client's one-click
/// POST (RFC 8058, without anti-forgery token: the signature is the
/// proof).
pub(crate) async fn unsubscribe(
    State(state): State<AppState>,
    chrome: Chrome,
    Path((id, signature)): Path<(String, String)>,
) -> AppResult<Response> {
    let abonne = abonnement_signe(&state, Purpose::NewsletterUnsubscribe, &id, &signature).await?;
    state.store.actualites().desabonner(abonne.id).await?;
    let tr = chrome.tr();
    let page = MessagePage {
        title: tr.t("lettre-desabonne-titre"),
        message: tr.t("lettre-desabonne-message"),
        link: Some(("/lettre".to_owned(), tr.t("lettre-reabonner"))),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// An issue in the list.
pub(crate) struct NumeroRow {
    pub id: i32,
    pub objet: String,
    pub etat_key: String,
    pub envoyes: i32,
    pub date: String,
}

#[derive(Template)]
#[template(path = "actualites/lettre_admin.html")]
pub(crate) struct AdminPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub objet: String,
    pub introduction: String,
    /// `(id, title, checked)`.
    pub actualites: Vec<(i32, String, bool)>,
    pub numeros: Vec<NumeroRow>,
    pub abonnes: u64,
}

async fn admin_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    objet: String,
    introduction: String,
    choisies: &[i32],
) -> AppResult<AdminPage> {
    let tr = chrome.tr();
    let store = state.store.actualites();
    let actualites = store
        .liste(&FiltreActualites {
            publiees: true,
            per_page: 30,
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .map(|a| (a.id, a.titre, choisies.contains(&a.id)))
        .collect();
    let numeros = store
        .numeros()
        .await?
        .into_iter()
        .map(|n| NumeroRow {
            id: n.id,
            date: tr.date(crate::routes::insertion::jobs::legal_date(
                n.envoye_le.or(n.envoi_demande_le).unwrap_or(n.created_at),
            )),
            etat_key: format!("lettre-etat-{}", n.etat),
            objet: n.objet,
            envoyes: n.envoyes,
        })
        .collect();
    Ok(AdminPage {
        errors,
        objet,
        introduction,
        actualites,
        numeros,
        abonnes: store.abonnes_confirmes().await?,
        chrome,
    })
}

pub(crate) async fn admin(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let page = admin_page(
        &state,
        chrome,
        FormErrors::default(),
        String::new(),
        String::new(),
        &[],
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// Stores an issue as a draft and shows its preview.
pub(crate) async fn compose(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut objet = String::new();
    let mut introduction = String::new();
    let mut ids = Vec::new();
    let mut errors = FormErrors::default();
    for (key, value) in pairs {
        match key.as_str() {
            "objet" => objet = value,
            "introduction" => introduction = value,
            "actualites" => match value.trim().parse::<i32>() {
                Ok(id) => ids.push(id),
                Err(_) => errors.add("actualites", tr.t("lettre-actualite-invalide")),
            },
            _ => {}
        }
    }
    let objet_net = objet.split_whitespace().collect::<Vec<_>>().join(" ");
    if objet_net.is_empty() {
        errors.add("objet", tr.t("lettre-objet-manquant"));
    } else if objet_net.chars().count() > TITRE_MAX {
        errors.add("objet", tr.tn("lettre-objet-long", "max", TITRE_MAX as u64));
    }
    if introduction.trim().is_empty() {
        errors.add("introduction", tr.t("lettre-introduction-manquante"));
    } else if introduction.chars().count() > INTRODUCTION_MAX {
        errors.add(
            "introduction",
            tr.tn("lettre-introduction-longue", "max", INTRODUCTION_MAX as u64),
        );
    }
    for id in &ids {
        match state.store.actualites().actualite(*id).await {
            Ok(a) if a.etat == EtatActualite::Publiee => {}
            Ok(_) | Err(campus_store::StoreError::NotFound) => {
                errors.add("actualites", tr.t("lettre-actualite-invalide"))
            }
            Err(e) => return Err(e.into()),
        }
    }
    if !errors.is_empty() {
        let page = admin_page(&state, chrome, errors, objet, introduction, &ids).await?;
        return Ok(invalid(render(&page)?));
    }
    let id = state
        .store
        .actualites()
        .creer_numero(
            &NumeroEcrit {
                objet: objet_net,
                introduction: introduction.trim().replace("\r\n", "\n"),
                actualites: ids,
            },
            me.user.id,
        )
        .await?;
    Ok(see_other(&format!("/admin/lettre/{id}")))
}

#[derive(Template)]
#[template(path = "actualites/lettre_apercu.html")]
pub(crate) struct PreviewPage {
    pub chrome: Chrome,
    pub n: Numero,
    pub introduction_html: String,
    pub actualites: Vec<Actualite>,
    pub abonnes: u64,
    pub etat_key: String,
}

async fn numero_et_actualites(state: &AppState, id: &str) -> AppResult<(Numero, Vec<Actualite>)> {
    let id = path_id(id)?;
    let store = state.store.actualites();
    let n = match store.numero(id).await {
        Ok(n) => n,
        Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let mut actualites = Vec::with_capacity(n.actualites.len());
    for id in &n.actualites {
        let a = store.actualite(*id).await?;
        if a.etat == EtatActualite::Publiee {
            actualites.push(a);
        }
    }
    Ok((n, actualites))
}

pub(crate) async fn preview(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (n, actualites) = numero_et_actualites(&state, &id).await?;
    let page = PreviewPage {
        introduction_html: crate::markdown::render(&n.introduction),
        etat_key: format!("lettre-etat-{}", n.etat),
        abonnes: state.store.actualites().abonnes_confirmes().await?,
        n,
        actualites,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Starts sending a draft: the first batch is queued at once, the others
/// by the job.
pub(crate) async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (n, _) = numero_et_actualites(&state, &id).await?;
    if !state.store.actualites().lancer_envoi(n.id).await? {
        return Err(AppError::Conflict("lettre-deja-envoyee"));
    }
    send_newsletter_batches(&state).await?;
    Ok(see_other(&format!("/admin/lettre/{}", n.id)))
}

/// Queues one batch of every issue being sent; returns how many messages
/// were queued. Run by the mail worker at each turn until every
/// confirmed subscriber has had the issue: a restart resumes where the
/// recorded deliveries stop, and no subscriber gets an issue twice.
pub async fn send_newsletter_batches(state: &AppState) -> AppResult<usize> {
    let store = state.store.actualites();
    let mut queued = 0;
    for id in store.numeros_en_envoi().await? {
        let (n, actualites) = numero_et_actualites(state, &id.to_string()).await?;
        queued += store
            .envoyer_lot(n.id, LOT, |abonne| {
                mails::numero(state, &n, &actualites, abonne)
            })
            .await?;
    }
    if queued > 0 {
        state.mail_queued.notify_one();
    }
    Ok(queued)
}

/// Removes the subscriptions never confirmed within
/// [`CONFIRMATION_JOURS`] of `now`.
pub async fn purge_pending_subscriptions(state: &AppState, now: DateTime<Utc>) -> AppResult<u64> {
    Ok(state
        .store
        .actualites()
        .purger_en_attente(now - chrono::Duration::days(CONFIRMATION_JOURS))
        .await?)
}
