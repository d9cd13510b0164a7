//! The pages reached by signed links, without an account: the host's
//! contact approves the learning agreement; the parent of a minor agrees
//! to the mobility or refuses it (the events' consent mechanism: the
//! parent types their name and ticks their agreement, or refuses).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::mobilite::EtatConsentement;
use campus_domain::required_text;
use serde::Deserialize;

use super::pages::OffreVue;
use super::{Dossier, dossier_or_404, mails};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::routes::evenements::{Signature, signed_id};
use crate::routes::invalid;
use crate::signed::Purpose;
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "mobilite/signe.html")]
struct SignePage {
    chrome: Chrome,
    errors: FormErrors,
    /// `accueil` or `consentement`: the page's address.
    sorte: &'static str,
    titre: String,
    lead: String,
    accord_label: String,
    submit: String,
    id: i32,
    signature: String,
    o: OffreVue,
    certification: Option<String>,
    contrat: Vec<(String, String)>,
    /// What was answered already; the form is gone then.
    outcome: Option<String>,
    /// Why the form cannot be answered yet.
    pas_encore: Option<String>,
    nom: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct SigneForm {
    signature: String,
    /// `accepter` or `refuser` (the parent only).
    reponse: String,
    nom: String,
    accord: String,
}

fn page(
    chrome: Chrome,
    sorte: &'static str,
    d: &Dossier,
    signature: String,
    errors: FormErrors,
    nom: String,
) -> SignePage {
    let tr = chrome.tr();
    let m = &d.mobilite;
    let (outcome, pas_encore) = if sorte == "accueil" {
        (
            m.accord_hote_le.map(|_| {
                tr.ts(
                    "mobilite-accueil-fait",
                    "nom",
                    m.accord_hote_nom.as_deref().unwrap_or_default(),
                )
            }),
            m.accord_ecole_le
                .is_none()
                .then(|| tr.t("mobilite-accueil-attente-ecole")),
        )
    } else {
        (
            match m.consentement {
                EtatConsentement::Attendu => None,
                EtatConsentement::Donne => Some(tr.ts(
                    "mobilite-consentement-donne-par",
                    "nom",
                    m.consentement_nom.as_deref().unwrap_or_default(),
                )),
                other => Some(tr.t(other.label_key())),
            },
            None,
        )
    };
    let candidat = d.candidature.candidat_nom.clone().unwrap_or_default();
    SignePage {
        titre: tr.t(&format!("mobilite-{sorte}-title")),
        lead: tr.ts(&format!("mobilite-{sorte}-lead"), "candidat", &candidat),
        accord_label: tr.ts(&format!("mobilite-{sorte}-accord"), "candidat", &candidat),
        submit: tr.t(&format!("mobilite-{sorte}-submit")),
        sorte,
        id: d.candidature.id,
        signature,
        o: OffreVue::of(&tr, &d.offre),
        certification: m.certification.as_ref().map(|c| c.as_str().to_owned()),
        contrat: m
            .competences
            .iter()
            .map(|c| (c.libelle.clone(), c.code.clone()))
            .collect(),
        outcome,
        pas_encore,
        errors,
        nom,
        chrome,
    }
}

pub(crate) async fn host_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::MobilityHost, &id, &q.signature)?;
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let p = page(
        chrome,
        "accueil",
        &d,
        q.signature,
        FormErrors::default(),
        String::new(),
    );
    Ok(render(&p)?.into_response())
}

pub(crate) async fn host_answer(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Form(form): Form<SigneForm>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::MobilityHost, &id, &form.signature)?;
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let nom = errors.check(&tr, "nom", required_text(&form.nom, 200));
    if form.accord != "oui" {
        errors.add("accord", tr.t("mobilite-accord-requis"));
    }
    let Some(nom) = nom.filter(|_| errors.is_empty() && d.mobilite.accord_ecole_le.is_some())
    else {
        let p = page(chrome, "accueil", &d, form.signature, errors, form.nom);
        return Ok(invalid(render(&p)?));
    };
    let mut out = Vec::new();
    if let Some(uid) = d.candidature.candidat_user_id {
        let u = state.store.user(uid).await?;
        out.push(mails::au_candidat(
            &state,
            &u,
            "mobilite-accord-hote",
            &d.offre,
            id,
        ));
    }
    state.store.mobilite().approuver_hote(id, &nom, out).await?;
    state.mail_queued.notify_one();
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let p = page(
        chrome,
        "accueil",
        &d,
        form.signature,
        FormErrors::default(),
        String::new(),
    );
    Ok(render(&p)?.into_response())
}

pub(crate) async fn consent_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Query(q): Query<Signature>,
) -> AppResult<Response> {
    let id = signed_id(&state, Purpose::MobilityParentalConsent, &id, &q.signature)?;
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let p = page(
        chrome,
        "consentement",
        &d,
        q.signature,
        FormErrors::default(),
        String::new(),
    );
    Ok(render(&p)?.into_response())
}

pub(crate) async fn consent_answer(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
    Form(form): Form<SigneForm>,
) -> AppResult<Response> {
    let id = signed_id(
        &state,
        Purpose::MobilityParentalConsent,
        &id,
        &form.signature,
    )?;
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let tr = chrome.tr();
    let refus = form.reponse == "refuser";
    let mut errors = FormErrors::default();
    let nom = errors.check(&tr, "nom", required_text(&form.nom, 200));
    if !refus && form.accord != "oui" {
        errors.add("accord", tr.t("consent-field-agree-required"));
    }
    let Some(nom) = nom.filter(|_| errors.is_empty()) else {
        let p = page(chrome, "consentement", &d, form.signature, errors, form.nom);
        return Ok(invalid(render(&p)?));
    };
    let mut out = Vec::new();
    if let Some(uid) = d.candidature.candidat_user_id {
        let u = state.store.user(uid).await?;
        let key = if refus {
            "mobilite-consentement-refuse"
        } else {
            "mobilite-consentement-donne"
        };
        out.push(mails::au_candidat(&state, &u, key, &d.offre, id));
    }
    state
        .store
        .mobilite()
        .repondre_consentement(id, &nom, !refus, out)
        .await?;
    state.mail_queued.notify_one();
    let d = dossier_or_404(&state, &id.to_string()).await?;
    let p = page(
        chrome,
        "consentement",
        &d,
        form.signature,
        FormErrors::default(),
        String::new(),
    );
    Ok(render(&p)?.into_response())
}
