//! The public page of mobility (offers by country, duration and public,
//! and the partner establishments abroad), an offer's page with its
//! application form, and sending an application.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_documents::DocumentKey;
use campus_domain::mobilite::{Pays, PublicMobilite, mineur_le, parse_naissance};
use campus_domain::{Email, Role, required_text};
use campus_store::documents::NouveauDocument;
use campus_store::insertion::NouvelleCandidature;
use campus_store::mobilite::{
    FiltreMobilites, NouvelleCandidatureMobilite, OffreMobilite, Partenaire,
};
use serde::Deserialize;

use super::validate::{age_accepte, certification};
use super::{mails, offre_or_404};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::CatalogueLookup;
use crate::routes::insertion::CV_MAX_BYTES;
use crate::routes::insertion::candidatures::CV_KINDS;
use crate::routes::modules::mails::Recipient;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// Longest message of an application.
const MESSAGE_MAX: usize = 5_000;

/// An offer as the lists show it.
pub(crate) struct OffreVue {
    pub id: i32,
    pub intitule: String,
    pub hote: String,
    pub lieu: String,
    pub pays: String,
    pub nature: String,
    pub public: String,
    pub dates: String,
    pub jours: i64,
    pub financement: String,
    pub places: u32,
    pub limite: String,
}

impl OffreVue {
    pub(crate) fn of(tr: &Tr, o: &OffreMobilite) -> OffreVue {
        OffreVue {
            id: o.id(),
            intitule: o.offre.intitule.clone(),
            hote: o.offre.employeur.clone().unwrap_or_default(),
            lieu: o.offre.commune_nom.clone(),
            pays: o.pays.nom().to_owned(),
            nature: tr.t(o.nature.label_key()),
            public: tr.t(o.public.label_key()),
            dates: tr.tv(
                "mobilite-dates",
                &[
                    ("debut", &tr.date(o.periode.debut)),
                    ("fin", &tr.date(o.periode.fin)),
                ],
            ),
            jours: o.periode.jours(),
            financement: match &o.financement_nom {
                Some(nom) => format!("{} ({nom})", tr.t(o.financement.label_key())),
                None => tr.t(o.financement.label_key()),
            },
            places: o.offre.postes_restants(),
            limite: tr.date(o.date_limite),
        }
    }
}

/// A partner as the public page lists it.
pub(crate) struct PartenaireVue {
    pub nom: String,
    pub slug: String,
    pub genre: String,
    pub lieu: String,
    pub langues: String,
    pub metiers: String,
}

impl PartenaireVue {
    fn of(tr: &Tr, p: &Partenaire) -> PartenaireVue {
        PartenaireVue {
            nom: p.organisation.nom.clone(),
            slug: p.organisation.slug.clone(),
            genre: tr.t(p.organisation.kind.label_key()),
            lieu: format!(
                "{}, {}",
                p.organisation.commune.clone().unwrap_or_default(),
                p.organisation.pays.nom()
            ),
            langues: p
                .langues
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            metiers: p
                .metiers
                .iter()
                .map(|(c, l)| {
                    if l.is_empty() {
                        c.as_str().to_owned()
                    } else {
                        l.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    pays: String,
    public: String,
    duree: String,
}

#[derive(Template)]
#[template(path = "mobilite/list.html")]
struct ListPage {
    chrome: Chrome,
    errors: FormErrors,
    offres: Vec<OffreVue>,
    partenaires: Vec<PartenaireVue>,
    pays: String,
    pays_options: Vec<(String, String)>,
    public: String,
    publics: Vec<(String, String)>,
    duree: String,
    durees: Vec<(String, String)>,
}

/// Durations of the filter: up to one month, three months, a year.
const DUREES: [(&str, i64); 3] = [("31", 31), ("92", 92), ("365", 365)];

pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let pays = Pays::parse(&q.pays).ok();
    let public = PublicMobilite::parse(&q.public).ok();
    let duree_max = DUREES
        .iter()
        .find(|(k, _)| *k == q.duree.trim())
        .map(|(_, d)| *d);
    let offres = state
        .store
        .mobilite()
        .offres(&FiltreMobilites {
            ouvertes: true,
            pays,
            public,
            duree_max,
        })
        .await?;
    let partenaires = state.store.mobilite().partenaires(pays).await?;
    let mut pays_options = vec![(String::new(), tr.t("mobilite-filtre-tous-pays"))];
    let mut presents: Vec<Pays> = partenaires.iter().map(|p| p.organisation.pays).collect();
    presents.sort_by_key(|p| campus_domain::fold_accents(p.nom()));
    presents.dedup();
    pays_options.extend(
        presents
            .into_iter()
            .map(|p| (p.as_str().to_owned(), p.nom().to_owned())),
    );
    let mut publics = vec![(String::new(), tr.t("mobilite-filtre-tous-publics"))];
    publics.extend(PublicMobilite::all().map(|p| (p.as_str().to_owned(), tr.t(p.label_key()))));
    let mut durees = vec![(String::new(), tr.t("mobilite-filtre-toutes-durees"))];
    durees.extend(
        DUREES
            .iter()
            .map(|(k, _)| ((*k).to_owned(), tr.t(&format!("mobilite-filtre-duree-{k}")))),
    );
    let page = ListPage {
        errors: FormErrors::default(),
        offres: offres.iter().map(|o| OffreVue::of(&tr, o)).collect(),
        partenaires: partenaires
            .iter()
            .map(|p| PartenaireVue::of(&tr, p))
            .collect(),
        pays: pays.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        pays_options,
        public: public.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        publics,
        duree: duree_max.map(|d| d.to_string()).unwrap_or_default(),
        durees,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The application form's values, to show again.
#[derive(Default, Clone)]
pub(crate) struct ApplyValues {
    pub message: String,
    pub date_naissance: String,
    pub email_parent: String,
    pub certification: String,
    pub moins_opportunites: bool,
}

#[derive(Template)]
#[template(path = "mobilite/offre.html")]
struct OffrePage {
    chrome: Chrome,
    errors: FormErrors,
    o: OffreVue,
    description: String,
    contact: String,
    ages: Option<String>,
    niveau: Option<String>,
    metier: Option<String>,
    ouverte: bool,
    /// Whether the signed-in person may apply (the offer's public).
    peut_postuler: bool,
    apprenant: bool,
    ma_candidature: Option<i32>,
    v: ApplyValues,
    cv_max_mo: usize,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Notice {
    ok: String,
}

/// Whether `me` is of the offer's public.
fn du_public(me: &Identity, o: &OffreMobilite) -> bool {
    match o.public {
        PublicMobilite::Apprenants => me.user.role == Role::Apprenant,
        PublicMobilite::Personnels => me.user.role == Role::Formateur,
    }
}

#[allow(clippy::too_many_arguments)]
async fn offre_page(
    state: &AppState,
    chrome: Chrome,
    me: Option<&Identity>,
    o: &OffreMobilite,
    errors: FormErrors,
    v: ApplyValues,
    notice: Option<String>,
) -> AppResult<OffrePage> {
    let tr = chrome.tr();
    let ma_candidature = match me {
        Some(m) => state
            .store
            .insertion()
            .candidatures_du_candidat(m.user.id)
            .await?
            .into_iter()
            .find(|c| c.offre_id == o.id())
            .map(|c| c.id),
        None => None,
    };
    let ages = match (o.ages.min, o.ages.max) {
        (None, None) => None,
        (min, max) => Some(tr.tv(
            "mobilite-ages",
            &[
                (
                    "min",
                    &min.map(|a| a.to_string()).unwrap_or_else(|| "—".into()),
                ),
                (
                    "max",
                    &max.map(|a| a.to_string()).unwrap_or_else(|| "—".into()),
                ),
            ],
        )),
    };
    Ok(OffrePage {
        o: OffreVue::of(&tr, o),
        description: o.offre.description.clone(),
        contact: o.offre.contact_nom.clone().unwrap_or_default(),
        ages,
        niveau: o.offre.niveau.map(|n| tr.t(n.label_key())),
        metier: o.offre.metier_libelle.clone(),
        ouverte: o.ouverte(state.clock.today()),
        peut_postuler: me.is_some_and(|m| du_public(m, o)),
        apprenant: o.public == PublicMobilite::Apprenants,
        ma_candidature,
        v,
        errors,
        cv_max_mo: CV_MAX_BYTES / (1024 * 1024),
        notice,
        chrome,
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
    Query(n): Query<Notice>,
) -> AppResult<Response> {
    let o = offre_or_404(&state, &id).await?;
    let notice = crate::routes::ok_notice("mobilite-ok", &n.ok).map(|k| chrome.t(&k));
    let page = offre_page(
        &state,
        chrome,
        me.as_ref(),
        &o,
        FormErrors::default(),
        ApplyValues::default(),
        notice,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// The application form, read from `multipart/form-data`.
struct Envoi {
    v: ApplyValues,
    cv: Option<(String, Vec<u8>)>,
}

async fn read_envoi(mut multipart: Multipart) -> AppResult<Envoi> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut v = ApplyValues::default();
    let mut cv = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "cv" {
            let file = field.file_name().unwrap_or("cv").to_owned();
            let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
            if !bytes.is_empty() {
                cv = Some((file, bytes.to_vec()));
            }
            continue;
        }
        let text = field.text().await.map_err(|e| bad(e.to_string()))?;
        match name.as_str() {
            "message" => v.message = text,
            "date_naissance" => v.date_naissance = text,
            "email_parent" => v.email_parent = text,
            "certification" => v.certification = text,
            "moins_opportunites" => v.moins_opportunites = text == "oui",
            _ => {}
        }
    }
    Ok(Envoi { v, cv })
}

/// Checks an application against the offer (deadline, public, age,
/// level, trade) and records it through the insertion pipeline; its id,
/// or the errors to show. The CV is stored first and deleted again if the
/// application is not recorded.
async fn send(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    o: &OffreMobilite,
    envoi: Envoi,
) -> AppResult<Result<i32, FormErrors>> {
    let today = state.clock.today();
    let mut errors = FormErrors::default();
    let v = &envoi.v;
    if today > o.date_limite {
        errors.add(
            "message",
            tr.ts(
                "mobilite-error-apres-limite",
                "date",
                &tr.date(o.date_limite),
            ),
        );
        return Ok(Err(errors));
    }
    if !du_public(me, o) {
        return Err(AppError::Forbidden);
    }
    let message = errors.check(tr, "message", required_text(&v.message, MESSAGE_MAX));
    let naissance = errors.check(
        tr,
        "date_naissance",
        parse_naissance(&v.date_naissance, today),
    );
    let mineur = naissance.is_some_and(|n| mineur_le(n, o.periode.debut));
    if let Some(n) = naissance {
        age_accepte(tr, &mut errors, n, o.periode.debut, &o.ages);
    }
    let email_parent = if v.email_parent.trim().is_empty() {
        if mineur {
            errors.add("email_parent", tr.t("mobilite-error-parent-requis"));
        }
        None
    } else {
        errors
            .check(tr, "email_parent", Email::parse(&v.email_parent))
            .map(|e| e.as_str().to_owned())
    };
    let mut code_certification = None;
    if o.public == PublicMobilite::Apprenants {
        let loaded = state.parcours.current(&state.store).await?;
        let lookup = CatalogueLookup {
            state,
            loaded: &loaded,
        };
        if v.certification.trim().is_empty() {
            errors.add(
                "certification",
                tr.t("mobilite-error-certification-requise"),
            );
        } else {
            match certification(&lookup, tr, &v.certification) {
                Ok(code) => {
                    let entry = loaded.referentiel.certification(&code);
                    if let Some(niveau) = o.offre.niveau
                        && entry.and_then(|c| c.niveau) != Some(niveau)
                    {
                        errors.add(
                            "certification",
                            tr.ts(
                                "mobilite-error-niveau-offre",
                                "niveau",
                                &tr.t(niveau.label_key()),
                            ),
                        );
                    }
                    code_certification = Some(code);
                }
                Err(message) => errors.add("certification", message),
            }
        }
    }
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
    let (Some(message), Some(naissance)) = (message, naissance) else {
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
    let recruiters = crate::routes::insertion::mails::recruiters(state, &o.offre).await?;
    let candidat = Recipient::from(&me.user);
    let input = NouvelleCandidatureMobilite {
        candidature: NouvelleCandidature {
            offre_id: o.id(),
            candidat_user_id: me.user.id,
            message,
            cv: stored.as_ref().map(|(_, doc)| doc.clone()),
        },
        date_naissance: naissance,
        email_parent: email_parent.clone(),
        mineur,
        certification: code_certification,
        moins_opportunites: v.moins_opportunites,
    };
    let result = state
        .store
        .mobilite()
        .postuler(&input, |id| {
            let mut out = crate::routes::insertion::mails::sent(
                state,
                &o.offre,
                &recruiters,
                &candidat,
                &me.user.display_name,
                id,
            );
            if mineur && let Some(parent) = &email_parent {
                out.push(mails::consentement_demande(
                    state,
                    parent,
                    &me.user.display_name,
                    o,
                    id,
                ));
            }
            out
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
    let o = offre_or_404(&state, &id).await?;
    let envoi = read_envoi(multipart).await?;
    let v = envoi.v.clone();
    match send(&state, &tr, &me, &o, envoi).await? {
        Ok(id) => Ok(see_other(&format!(
            "/mobilite/candidatures/{id}?ok=envoyee"
        ))),
        Err(errors) => {
            let page = offre_page(&state, chrome, Some(&me), &o, errors, v, None).await?;
            Ok(invalid(render(&page)?))
        }
    }
}
