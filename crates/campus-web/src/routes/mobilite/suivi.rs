//! An application's mobility page: where the learning agreement, the
//! approvals and the consent stand; the agreement's skills, chosen among
//! those of the learner's certification; the school's approval; after
//! return, the skills acquired and the Europass Mobility document.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_domain::insertion::EtatCandidature;
use campus_domain::mobilite::{EtatConsentement, PublicMobilite};
use campus_domain::optional_text;
use campus_formats::europass::{self, EuropassMobilite};
use campus_store::documents::NouveauDocument;
use campus_store::mobilite::CompetenceCertification;
use serde::Deserialize;

use super::pages::OffreVue;
use super::{Acces, Dossier, dossier_or_404, mails};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// A skill offered in a form: code, label, whether ticked.
pub(crate) struct Choix {
    pub code: String,
    pub libelle: String,
    pub coche: bool,
}

#[derive(Template)]
#[template(path = "mobilite/candidature.html")]
struct SuiviPage {
    chrome: Chrome,
    errors: FormErrors,
    id: i32,
    o: OffreVue,
    candidat: String,
    etat: String,
    ecole: bool,
    apprenant: bool,
    certification: Option<String>,
    /// The agreement's skills: label and code.
    contrat: Vec<(String, String)>,
    contrat_fait: bool,
    /// Skills the agreement may hold, while it can change.
    choix: Vec<Choix>,
    accord_ecole: Option<String>,
    accord_hote: Option<String>,
    mineur: bool,
    consentement: String,
    manque: Option<String>,
    confirmee: bool,
    /// The form of the skills acquired, after return.
    acquis_possible: bool,
    acquis: Vec<(String, String)>,
    europass: bool,
    mentor: String,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Notice {
    ok: String,
}

/// What is missing before confirmation, as a message key.
fn manque(d: &Dossier) -> Option<&'static str> {
    let m = &d.mobilite;
    if m.contrat_le.is_none() {
        Some("mobilite-manque-contrat")
    } else if m.accord_ecole_le.is_none() {
        Some("mobilite-manque-accord-ecole")
    } else if m.accord_hote_le.is_none() {
        Some("mobilite-manque-accord-hote")
    } else if matches!(
        m.consentement,
        EtatConsentement::Attendu | EtatConsentement::Refuse
    ) {
        Some("mobilite-manque-consentement")
    } else {
        None
    }
}

async fn certification_libelle(state: &AppState, d: &Dossier) -> AppResult<Option<String>> {
    let Some(code) = &d.mobilite.certification else {
        return Ok(None);
    };
    let loaded = state.parcours.current(&state.store).await?;
    Ok(Some(match loaded.referentiel.certification(code) {
        Some(c) => format!("{} ({})", c.libelle, code.as_str()),
        None => code.as_str().to_owned(),
    }))
}

async fn offertes(state: &AppState, d: &Dossier) -> AppResult<Vec<CompetenceCertification>> {
    match &d.mobilite.certification {
        Some(code) => Ok(state
            .store
            .mobilite()
            .competences_de_certification(code)
            .await?),
        None => Ok(Vec::new()),
    }
}

async fn suivi_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    d: &Dossier,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<SuiviPage> {
    let tr = chrome.tr();
    let acces = Acces::of(state, me, &d.candidature).await?;
    let m = &d.mobilite;
    let modifiable = m.accord_ecole_le.is_none()
        && !d.candidature.etat.is_closed()
        && d.offre.public == PublicMobilite::Apprenants;
    let choix = if modifiable {
        offertes(state, d)
            .await?
            .into_iter()
            .map(|c| Choix {
                coche: m.competences.iter().any(|x| x.code == c.code),
                code: c.code,
                libelle: c.libelle,
            })
            .collect()
    } else {
        Vec::new()
    };
    let today = state.clock.today();
    let confirmee = d.candidature.etat == EtatCandidature::Retenue;
    Ok(SuiviPage {
        id: d.candidature.id,
        o: OffreVue::of(&tr, &d.offre),
        candidat: d.candidature.candidat_nom.clone().unwrap_or_default(),
        etat: tr.t(d.candidature.etat.label_key()),
        ecole: acces == Acces::Ecole,
        apprenant: d.offre.public == PublicMobilite::Apprenants,
        certification: certification_libelle(state, d).await?,
        contrat: m
            .competences
            .iter()
            .map(|c| (c.libelle.clone(), c.code.clone()))
            .collect(),
        contrat_fait: m.contrat_le.is_some(),
        choix,
        accord_ecole: m.accord_ecole_le.map(|t| tr.date(t.date_naive())),
        accord_hote: m.accord_hote_le.map(|t| {
            tr.tv(
                "mobilite-accord-hote-par",
                &[
                    ("date", &tr.date(t.date_naive())),
                    ("nom", m.accord_hote_nom.as_deref().unwrap_or_default()),
                ],
            )
        }),
        mineur: m.consentement != EtatConsentement::SansObjet,
        consentement: match m.consentement {
            EtatConsentement::Donne => tr.ts(
                "mobilite-consentement-donne-par",
                "nom",
                m.consentement_nom.as_deref().unwrap_or_default(),
            ),
            other => tr.t(other.label_key()),
        },
        manque: manque(d).map(|k| tr.t(k)),
        confirmee,
        acquis_possible: acces == Acces::Ecole
            && confirmee
            && d.offre.periode.terminee(today)
            && m.acquis_le.is_none(),
        acquis: m
            .acquises()
            .map(|c| (c.libelle.clone(), c.code.clone()))
            .collect(),
        europass: m.europass_document_id.is_some(),
        mentor: m.mentor.clone().unwrap_or_default(),
        errors,
        notice,
        chrome,
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(n): Query<Notice>,
) -> AppResult<Response> {
    let d = dossier_or_404(&state, &id).await?;
    let notice = crate::routes::ok_notice("mobilite-ok", &n.ok).map(|k| chrome.t(&k));
    let page = suivi_page(&state, chrome, &me, &d, FormErrors::default(), notice).await?;
    Ok(render(&page)?.into_response())
}

/// The values of repeated `competence` fields.
fn codes(pairs: &[(String, String)]) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == "competence")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .take(200)
        .collect()
}

/// Checks the agreement's skills against the certification's: every one
/// must be offered by it, at least one chosen. The skills, or the error.
pub(crate) fn check_contrat(
    tr: &Tr,
    offertes: &[CompetenceCertification],
    choisies: &[String],
) -> Result<Vec<CompetenceCertification>, String> {
    if choisies.is_empty() {
        return Err(tr.t("mobilite-error-contrat-vide"));
    }
    let mut out = Vec::with_capacity(choisies.len());
    for code in choisies {
        match offertes.iter().find(|c| &c.code == code) {
            Some(c) => out.push(c.clone()),
            None => {
                return Err(tr.ts("mobilite-error-competence-hors-certification", "code", code));
            }
        }
    }
    Ok(out)
}

pub(crate) async fn contrat(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let d = dossier_or_404(&state, &id).await?;
    Acces::of(&state, &me, &d.candidature).await?;
    let Some(code) = d.mobilite.certification.clone() else {
        return Err(AppError::Conflict("mobilite-contrat-sans-certification"));
    };
    if d.mobilite.accord_ecole_le.is_some() || d.candidature.etat.is_closed() {
        return Err(AppError::Conflict("mobilite-contrat-fige"));
    }
    let offertes = offertes(&state, &d).await?;
    match check_contrat(&tr, &offertes, &codes(&pairs)) {
        Ok(skills) => {
            state
                .store
                .mobilite()
                .definir_contrat(d.candidature.id, &code, &skills)
                .await
                .map_err(|e| match e {
                    campus_store::StoreError::Conflict(_) => {
                        AppError::Conflict("mobilite-contrat-fige")
                    }
                    e => e.into(),
                })?;
            Ok(see_other(&format!(
                "/mobilite/candidatures/{}?ok=contrat",
                d.candidature.id
            )))
        }
        Err(message) => {
            let mut errors = FormErrors::default();
            errors.add("competences", message);
            let page = suivi_page(&state, chrome, &me, &d, errors, None).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

pub(crate) async fn accord_ecole(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let d = dossier_or_404(&state, &id).await?;
    if Acces::of(&state, &me, &d.candidature).await? != Acces::Ecole {
        return Err(AppError::Forbidden);
    }
    if d.mobilite.contrat_le.is_none() {
        return Err(AppError::Conflict("mobilite-manque-contrat"));
    }
    let candidat = match d.candidature.candidat_user_id {
        Some(uid) => Some(state.store.user(uid).await?),
        None => None,
    };
    let nom = candidat
        .as_ref()
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    if let Some(contact) = &d.offre.offre.contact_email {
        out.push(mails::accueil_demande(
            &state,
            contact,
            &nom,
            &d.offre,
            d.candidature.id,
        ));
    }
    if let Some(u) = &candidat {
        out.push(mails::au_candidat(
            &state,
            u,
            "mobilite-accord-ecole",
            &d.offre,
            d.candidature.id,
        ));
    }
    let done = state
        .store
        .mobilite()
        .approuver_ecole(d.candidature.id, me.user.id, out)
        .await?;
    if !done {
        return Err(AppError::Conflict("mobilite-accord-deja"));
    }
    state.mail_queued.notify_one();
    Ok(see_other(&format!(
        "/mobilite/candidatures/{}?ok=ecole",
        d.candidature.id
    )))
}

/// The skills acquired, as ticked after return.
pub(crate) async fn acquis(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let d = dossier_or_404(&state, &id).await?;
    if Acces::of(&state, &me, &d.candidature).await? != Acces::Ecole {
        return Err(AppError::Forbidden);
    }
    if d.candidature.etat != EtatCandidature::Retenue {
        return Err(AppError::Conflict("mobilite-error-non-confirmee"));
    }
    if !d.offre.periode.terminee(state.clock.today()) {
        return Err(AppError::Conflict("mobilite-error-pas-terminee"));
    }
    if d.mobilite.acquis_le.is_some() {
        return Err(AppError::Conflict("mobilite-acquis-deja"));
    }
    let mut errors = FormErrors::default();
    let choisies = codes(&pairs);
    if choisies
        .iter()
        .any(|c| !d.mobilite.competences.iter().any(|x| &x.code == c))
    {
        errors.add("acquises", tr.t("mobilite-error-acquise-hors-contrat"));
    }
    let mentor_typed = pairs
        .iter()
        .find(|(k, _)| k == "mentor")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let mentor = errors.check(&tr, "mentor", optional_text(mentor_typed, 200));
    let Some(mentor) = mentor.filter(|_| errors.is_empty()) else {
        let page = suivi_page(&state, chrome, &me, &d, errors, None).await?;
        return Ok(invalid(render(&page)?));
    };
    let record = europass_record(&state, &tr, &d, &choisies, mentor.as_deref()).await?;
    let bytes = europass::pdf(&record).map_err(|e| AppError::Internal(Box::new(e)))?;
    let key = DocumentKey::new("europass");
    let taille = bytes.len() as i64;
    state
        .documents
        .put(&key, bytes)
        .await
        .map_err(|e| AppError::Internal(Box::new(e)))?;
    let doc = NouveauDocument {
        cle: key.as_str().to_owned(),
        nature: DocumentKind::Pdf.as_str().to_owned(),
        taille,
        nom: format!("europass-mobilite-{}.pdf", d.candidature.id),
        proprietaire_user_id: d.candidature.candidat_user_id,
    };
    let result = state
        .store
        .mobilite()
        .enregistrer_acquis(d.candidature.id, &choisies, mentor.as_deref(), &doc)
        .await;
    if let Err(err) = result {
        if let Err(e) = state.documents.delete(&key).await {
            tracing::warn!(erreur = %e, "document Europass non enregistré non supprimé");
        }
        return Err(match err {
            campus_store::StoreError::Conflict(_) => AppError::Conflict("mobilite-acquis-deja"),
            e => e.into(),
        });
    }
    Ok(see_other(&format!(
        "/mobilite/candidatures/{}?ok=europass",
        d.candidature.id
    )))
}

/// The Europass Mobility record of `d` with the skills `acquises`.
async fn europass_record(
    state: &AppState,
    tr: &Tr,
    d: &Dossier,
    acquises: &[String],
    mentor: Option<&str>,
) -> AppResult<EuropassMobilite> {
    let envoi = match d.candidature.candidat_user_id {
        Some(uid) => state
            .store
            .memberships_of(uid)
            .await?
            .into_iter()
            .map(|(o, _)| o.nom)
            .next(),
        None => None,
    }
    .unwrap_or_else(|| tr.t("mobilite-organisation-envoi-campus"));
    let o = &d.offre;
    Ok(EuropassMobilite {
        numero: d.candidature.id,
        titulaire: d.candidature.candidat_nom.clone().unwrap_or_default(),
        date_naissance: Some(d.mobilite.date_naissance.format("%Y-%m-%d").to_string()),
        organisation_envoi: envoi,
        organisation_accueil: o.offre.employeur.clone().unwrap_or_default(),
        ville_accueil: o.offre.commune_nom.clone(),
        pays: o.pays.nom().to_owned(),
        debut: o.periode.debut.format("%Y-%m-%d").to_string(),
        fin: o.periode.fin.format("%Y-%m-%d").to_string(),
        duree_jours: o.periode.jours(),
        objectif: format!("{} — {}", tr.t(o.nature.label_key()), o.offre.intitule),
        certification: certification_libelle(state, d).await?,
        financement: match &o.financement_nom {
            Some(n) => format!("{} ({n})", tr.t(o.financement.label_key())),
            None => tr.t(o.financement.label_key()),
        },
        competences: d
            .mobilite
            .competences
            .iter()
            .filter(|c| acquises.contains(&c.code))
            .map(|c| (c.code.clone(), c.libelle.clone()))
            .collect(),
        tuteur: mentor.map(str::to_owned),
        etabli_le: state.clock.today().format("%Y-%m-%d").to_string(),
    })
}

/// The Europass document: to the learner, their school and the campus
/// team only.
pub(crate) async fn europass(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let d = dossier_or_404(&state, &id).await?;
    Acces::of(&state, &me, &d.candidature).await?;
    let doc = state
        .store
        .mobilite()
        .document_europass(d.candidature.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = DocumentKey::parse(&doc.cle).map_err(|e| AppError::Internal(Box::new(e)))?;
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(Box::new(e))),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"europass-mobilite-{}.pdf\"",
                    d.candidature.id
                ),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
