//! Applications on the site: sending one with its CV, a learner's list,
//! a recruiter's list ranked by fit, an application's page with the steps
//! its reader may take, and its CV, served only to those who may read it.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_domain::insertion::{ActionCandidature, EtatCandidature, MotifNonRetenue, Relances};
use campus_domain::required_text;
use campus_store::documents::NouveauDocument;
use campus_store::insertion::{Candidature, NouvelleCandidature, Offre, SourceOffre};
use serde::Deserialize;

use super::adequation::{Evaluation, Profil, classer};
use super::pages::offre_or_404;
use super::{CV_MAX_BYTES, Lecteur, lecteur, mails, path_id, recruteur};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::modules::mails::Recipient;
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// The types a CV may have, read from its bytes.
pub(crate) const CV_KINDS: [DocumentKind; 4] = [
    DocumentKind::Pdf,
    DocumentKind::Png,
    DocumentKind::Jpeg,
    DocumentKind::Webp,
];

/// Longest message of an application.
const MESSAGE_MAX: usize = 5_000;

/// An application as sent: its message and, optionally, its CV.
pub(crate) struct Envoi {
    pub message: String,
    pub cv: Option<(String, Vec<u8>)>,
}

/// Reads the application form (`multipart/form-data`: `message`, `cv`).
pub(crate) async fn read_envoi(mut multipart: Multipart) -> AppResult<Envoi> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut message = String::new();
    let mut cv = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        match field.name() {
            Some("message") => message = field.text().await.map_err(|e| bad(e.to_string()))?,
            Some("cv") => {
                let name = field.file_name().unwrap_or("cv").to_owned();
                let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
                if !bytes.is_empty() {
                    cv = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    Ok(Envoi { message, cv })
}

/// Checks and records an application; its id, or the errors to show.
/// The CV is stored first, and deleted again if the application is not
/// recorded: nothing is left behind either way.
pub(crate) async fn send(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    offre: &Offre,
    envoi: Envoi,
) -> AppResult<Result<i32, FormErrors>> {
    let mut errors = FormErrors::default();
    if offre.source != SourceOffre::Campus {
        return Err(AppError::Conflict("candidature-offre-importee"));
    }
    let message = errors.check(tr, "message", required_text(&envoi.message, MESSAGE_MAX));
    let cv = match &envoi.cv {
        Some((name, bytes)) => match campus_documents::check(bytes, CV_MAX_BYTES, &CV_KINDS) {
            Ok(kind) => Some((name.clone(), kind)),
            Err(rejected) => {
                errors.add("cv", rejected.to_string());
                None
            }
        },
        None => None,
    };
    let Some(message) = message else {
        return Ok(Err(errors));
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let stored = match (cv, envoi.cv) {
        (Some((name, kind)), Some((_, bytes))) => {
            let key = DocumentKey::new("candidatures");
            let taille = bytes.len() as i64;
            state
                .documents
                .put(&key, bytes)
                .await
                .map_err(|e| AppError::Internal(Box::new(e)))?;
            Some((
                key.clone(),
                NouveauDocument {
                    cle: key.as_str().to_owned(),
                    nature: kind.as_str().to_owned(),
                    taille,
                    nom: name,
                    proprietaire_user_id: Some(me.user.id),
                },
            ))
        }
        _ => None,
    };
    let recruiters = mails::recruiters(state, offre).await?;
    let candidat = Recipient::from(&me.user);
    let input = NouvelleCandidature {
        offre_id: offre.id,
        candidat_user_id: me.user.id,
        message,
        cv: stored.as_ref().map(|(_, doc)| doc.clone()),
    };
    let result = state
        .store
        .insertion()
        .postuler(&input, |id| {
            mails::sent(
                state,
                offre,
                &recruiters,
                &candidat,
                &me.user.display_name,
                id,
            )
        })
        .await;
    match result {
        Ok(id) => {
            state.mail_queued.notify_one();
            Ok(Ok(id))
        }
        Err(err) => {
            if let Some((key, _)) = stored
                && let Err(e) = state.documents.delete(&key).await
            {
                tracing::warn!(erreur = %e, "CV d'une candidature refusée non supprimé");
            }
            Err(err.into())
        }
    }
}

pub(crate) async fn apply(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    multipart: Multipart,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let offre = offre_or_404(&state, &id).await?;
    let envoi = read_envoi(multipart).await?;
    let message = envoi.message.clone();
    match send(&state, &tr, &me, &offre, envoi).await? {
        Ok(_) => Ok(see_other(&format!("/offres/{}?ok=candidature", offre.id))),
        Err(errors) => {
            let page = ApplyErrorPage {
                offre,
                errors,
                message,
                cv_max_mo: CV_MAX_BYTES / (1024 * 1024),
                chrome,
            };
            Ok(crate::routes::invalid(render(&page)?))
        }
    }
}

/// The application form again, with its errors.
#[derive(Template)]
#[template(path = "insertion/candidater.html")]
pub(crate) struct ApplyErrorPage {
    pub chrome: Chrome,
    pub offre: Offre,
    pub errors: FormErrors,
    pub message: String,
    pub cv_max_mo: usize,
}

/// An application in a list.
pub(crate) struct CandidatureRow {
    pub id: i32,
    pub offre: String,
    pub candidat: String,
    pub etat_key: &'static str,
    pub envoyee: String,
    pub evaluation: Option<Evaluation>,
}

fn row(tr: &Tr, c: &Candidature, evaluation: Option<Evaluation>) -> CandidatureRow {
    CandidatureRow {
        id: c.id,
        offre: c.offre_intitule.clone(),
        candidat: c
            .candidat_nom
            .clone()
            .unwrap_or_else(|| tr.t("candidature-anonyme")),
        etat_key: c.etat.label_key(),
        envoyee: tr.date(crate::routes::insertion::jobs::legal_date(c.created_at)),
        evaluation,
    }
}

#[derive(Template)]
#[template(path = "insertion/candidatures.html")]
pub(crate) struct MinePage {
    pub chrome: Chrome,
    pub rows: Vec<CandidatureRow>,
}

pub(crate) async fn mine(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let rows = state
        .store
        .insertion()
        .candidatures_du_candidat(me.user.id)
        .await?
        .iter()
        .map(|c| row(&tr, c, None))
        .collect();
    Ok(render(&MinePage { rows, chrome })?.into_response())
}

#[derive(Template)]
#[template(path = "insertion/candidatures_offre.html")]
pub(crate) struct ForOfferPage {
    pub chrome: Chrome,
    pub offre: Offre,
    pub rows: Vec<CandidatureRow>,
}

/// The applications to one offer, best fit first.
pub(crate) async fn for_offer(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let offre = offre_or_404(&state, &id).await?;
    recruteur(&state, &me, &offre).await?;
    let who = if me.user.role.is_campus_staff() {
        Lecteur::Equipe
    } else {
        Lecteur::Recruteur
    };
    let list = state
        .store
        .insertion()
        .candidatures_des_offres(&[offre.id])
        .await?
        .into_iter()
        .map(|c| super::vue(c, &offre, who))
        .collect();
    let rows = classer(&state, &tr, &offre, list)
        .await?
        .into_iter()
        .map(|(c, e)| row(&tr, &c, e))
        .collect();
    Ok(render(&ForOfferPage {
        offre,
        rows,
        chrome,
    })?
    .into_response())
}

/// A step of an application's trail, as shown.
pub(crate) struct EtapeRow {
    pub quand: String,
    pub etat_key: &'static str,
    pub motif_key: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "insertion/candidature.html")]
pub(crate) struct ShowPage {
    pub chrome: Chrome,
    pub c: Candidature,
    pub offre: Offre,
    pub etat_key: &'static str,
    pub motif_key: Option<&'static str>,
    pub etapes: Vec<EtapeRow>,
    pub evaluation: Option<Evaluation>,
    pub is_candidat: bool,
    /// The pupil's identity is hidden from the company until the school
    /// agrees.
    pub masque: bool,
    /// The reader may record the school's agreement.
    pub peut_accorder: bool,
    /// Actions offered: `(value, label key)`.
    pub actions: Vec<(&'static str, &'static str)>,
    pub motifs: Vec<(&'static str, &'static str)>,
    pub peut_relancer: bool,
    pub relance_des: Option<String>,
    /// The label of the step just taken, or of `relance` / `accord`.
    pub ok_key: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Notice {
    ok: String,
}

/// The application of a path's id, with its offer; 404 when there is
/// none.
async fn candidature_or_404(state: &AppState, raw: &str) -> AppResult<(Candidature, Offre)> {
    let id = path_id(raw)?;
    let c = match state.store.insertion().candidature(id).await {
        Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    let offre = state.store.insertion().offre(c.offre_id).await?;
    Ok((c, offre))
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(n): Query<Notice>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let (c, offre) = candidature_or_404(&state, &id).await?;
    let who = lecteur(&state, &me, &c, &offre).await?;
    let etapes = state
        .store
        .insertion()
        .etapes(c.id)
        .await?
        .into_iter()
        .map(|e| EtapeRow {
            quand: tr.date(super::jobs::legal_date(e.created_at)),
            etat_key: e.etat_apres.label_key(),
            motif_key: e.motif.map(MotifNonRetenue::label_key),
        })
        .collect();
    let evaluation = match (who, c.candidat_user_id) {
        (Lecteur::Candidat, _) | (_, None) => None,
        (_, Some(user)) => Profil::of_user(&state, user)
            .await?
            .map(|p| p.evaluer(&tr, &offre, None)),
    };
    let is_recruteur = who.recrute();
    let is_candidat = who == Lecteur::Candidat;
    let masque = super::masque(&c, &offre, who);
    let peut_accorder = offre.type_offre.is_for_minors()
        && c.accord_ecole_le.is_none()
        && matches!(who, Lecteur::Equipe | Lecteur::Accompagnant);
    let c = super::vue(c, &offre, who);
    let actions = ActionCandidature::all()
        .filter(|a| a.apply(c.etat).is_some())
        .filter(|a| {
            if a.by_candidate() {
                is_candidat
            } else {
                is_recruteur
            }
        })
        .map(|a| (a.as_str(), a.label_key()))
        .collect();
    let now = state.clock.now();
    let peut_relancer = is_candidat
        && Relances::candidat_possible(c.etat, c.created_at, now, c.relance_candidat_le.is_some());
    let relance_des = (is_candidat
        && !peut_relancer
        && c.relance_candidat_le.is_none()
        && !c.etat.is_answered()
        && !c.etat.is_closed())
    .then(|| {
        tr.date(super::jobs::legal_date(
            c.created_at + chrono::Duration::days(Relances::CANDIDAT_JOURS),
        ))
    });
    let page = ShowPage {
        etat_key: c.etat.label_key(),
        motif_key: c.motif.map(MotifNonRetenue::label_key),
        etapes,
        evaluation,
        is_candidat,
        masque,
        peut_accorder,
        actions,
        motifs: MotifNonRetenue::all()
            .map(|m| (m.as_str(), m.label_key()))
            .collect(),
        peut_relancer,
        relance_des,
        ok_key: match n.ok.as_str() {
            "relance" => Some("candidature-ok-relance"),
            "accord" => Some("candidature-ok-accord"),
            other => EtatCandidature::parse(other)
                .ok()
                .map(EtatCandidature::label_key),
        },
        c,
        offre,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A step asked for, from the page or the API.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub(crate) struct StepForm {
    /// The action (`lire`, `entretien`, `retenir`, `ne_pas_retenir`,
    /// `retirer`), or the state wanted (`lue`, `entretien`, `retenue`,
    /// `non_retenue`, `retiree`).
    pub action: String,
    /// Why not retained: `competences_attendues`, `niveau_attendu`,
    /// `autre_candidat`, `poste_pourvu`, `dates_incompatibles`,
    /// `eloignement` or `offre_annulee`.
    pub motif: String,
    /// The version of the application the author saw: a change made
    /// meanwhile by someone else is then refused rather than overwritten.
    pub version: String,
}

/// Takes a step on an application; the state after it.
pub(crate) async fn take_step(
    state: &AppState,
    me: &Identity,
    c: &Candidature,
    offre: &Offre,
    f: &StepForm,
) -> AppResult<EtatCandidature> {
    let who = lecteur(state, me, c, offre).await?;
    let action = ActionCandidature::parse(&f.action)
        .ok()
        .or_else(|| {
            EtatCandidature::parse(&f.action)
                .ok()
                .and_then(ActionCandidature::to)
        })
        .ok_or(AppError::BadRequest {
            key: "candidature-action-inconnue",
            detail: None,
        })?;
    let allowed = if action.by_candidate() {
        who == Lecteur::Candidat
    } else {
        who.recrute()
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let motif = if action == ActionCandidature::NePasRetenir {
        Some(
            MotifNonRetenue::parse(&f.motif).map_err(|_| AppError::BadRequest {
                key: "candidature-motif-requis",
                detail: None,
            })?,
        )
    } else {
        None
    };
    let version = if f.version.trim().is_empty() {
        None
    } else {
        Some(
            f.version
                .trim()
                .parse::<i32>()
                .map_err(|_| AppError::BadRequest {
                    key: "candidature-version-invalide",
                    detail: None,
                })?,
        )
    };
    let target = action.target();
    let mails = if action.by_candidate() {
        let recruiters = mails::recruiters(state, offre).await?;
        mails::withdrawn(state, offre, c, &recruiters)
    } else {
        mails::step(
            state,
            offre,
            c,
            target,
            motif.map(MotifNonRetenue::label_key),
        )
    };
    let done = state
        .store
        .insertion()
        .changer_etat(c.id, action, Some(me.user.id), version, motif, mails)
        .await?;
    state.mail_queued.notify_one();
    if done.offre_pourvue {
        crate::routes::search::offre_changed(state, offre.id).await;
    }
    Ok(done.apres)
}

pub(crate) async fn change(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<StepForm>,
) -> AppResult<Response> {
    let (c, offre) = candidature_or_404(&state, &id).await?;
    let etat = take_step(&state, &me, &c, &offre, &f).await?;
    Ok(see_other(&format!(
        "/candidatures/{}?ok={}",
        c.id,
        etat.as_str()
    )))
}

/// The candidate's one reminder to the recruiters.
pub(crate) async fn remind(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (c, offre) = candidature_or_404(&state, &id).await?;
    if c.candidat_user_id != Some(me.user.id) {
        return Err(AppError::Forbidden);
    }
    let recruiters = mails::recruiters(&state, &offre).await?;
    let mails = mails::reminder(
        &state,
        &offre,
        &c,
        &recruiters,
        "candidature-relance-candidat",
    );
    state
        .store
        .insertion()
        .relancer_par_candidat(c.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(see_other(&format!("/candidatures/{}?ok=relance", c.id)))
}

/// The CV of an application, to those who may read the application. It
/// is sent as an attachment with its type read from its bytes at upload,
/// never rendered inline by the site.
pub(crate) async fn cv(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (c, offre) = candidature_or_404(&state, &id).await?;
    let who = lecteur(&state, &me, &c, &offre).await?;
    if super::masque(&c, &offre, who) {
        return Err(AppError::Forbidden);
    }
    let doc = c.cv.ok_or(AppError::NotFound)?;
    let key = DocumentKey::parse(&doc.cle).map_err(|e| AppError::Internal(Box::new(e)))?;
    let kind = DocumentKind::parse(&doc.nature).map_err(|e| AppError::Internal(Box::new(e)))?;
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(Box::new(e))),
    };
    let filename = format!("cv-candidature-{}.{}", c.id, kind.extension());
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// Records the school's agreement to a pupil's application to an
/// observation period: the campus team, or a teacher the pupil consented
/// to, says the school agreed; the company then sees who applied.
pub(crate) async fn accord(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (c, offre) = candidature_or_404(&state, &id).await?;
    let who = lecteur(&state, &me, &c, &offre).await?;
    if !matches!(who, Lecteur::Equipe | Lecteur::Accompagnant) {
        return Err(AppError::Forbidden);
    }
    if !offre.type_offre.is_for_minors() {
        return Err(AppError::Conflict("candidature-accord-inutile"));
    }
    state.store.insertion().accord_etablissement(c.id).await?;
    Ok(see_other(&format!("/candidatures/{}?ok=accord", c.id)))
}
