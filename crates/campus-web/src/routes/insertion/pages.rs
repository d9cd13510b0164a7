//! The offers' pages: the list with its filters and, for a learner with a
//! profile, each offer's fit; an offer's page (its pay table, its fit
//! explained, the application form, similar offers); the form that posts
//! or edits an offer.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::insertion::{EtatOffre, SalaireApprenti, TypeOffre};
use campus_domain::{GeoPoint, Role};
use campus_store::insertion::{FiltreOffres, Offre, SourceOffre};
use serde::Deserialize;

use super::adequation::{Evaluation, Profil};
use super::validate::{self, OffreValues};
use super::{organisations_for, path_id, recruteur};
use crate::auth::{CurrentUser, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// Offers shown per page of the list.
const PER_PAGE: usize = 30;
/// Similar offers shown on an offer's page.
const SIMILAR: usize = 5;

/// The list's filters, as the address gives them.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(crate) struct ListQuery {
    #[serde(rename = "type")]
    pub type_offre: String,
    pub departement: String,
    pub metier: String,
    pub niveau: String,
    /// Start month, `AAAA-MM`.
    pub debut: String,
    /// A commune to measure distances from, and the largest distance.
    pub commune: String,
    pub distance: String,
    /// `adequation`, `distance` or `recentes` (the default without a
    /// profile).
    pub tri: String,
    pub page: String,
}

/// An offer in a list.
pub(crate) struct OffreRow {
    pub id: i32,
    pub intitule: String,
    pub employeur: String,
    pub type_key: &'static str,
    pub lieu: String,
    pub debut: Option<String>,
    pub metier: Option<String>,
    pub importee: bool,
    pub evaluation: Option<Evaluation>,
}

/// One value of a facet: its value in the address, label, count, and
/// whether it is the one chosen.
pub(crate) struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "insertion/offres.html")]
pub(crate) struct ListPage {
    pub chrome: Chrome,
    pub q: ListQuery,
    pub rows: Vec<OffreRow>,
    pub total: usize,
    pub types: Vec<FacetValue>,
    pub metiers: Vec<FacetValue>,
    pub departements: Vec<FacetValue>,
    pub niveaux: Vec<FacetValue>,
    pub debuts: Vec<FacetValue>,
    /// Whether the fit is computed (a learner with a profile).
    pub with_fit: bool,
    /// A signed-in learner without a saved path: invited to make one.
    pub invite_profil: bool,
    pub can_post: bool,
    pub page: usize,
    pub pages: usize,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

/// Whether `o` starts in the month `debut` (`AAAA-MM`).
fn starts_in(o: &Offre, debut: &str) -> bool {
    o.date_debut
        .is_some_and(|d| d.format("%Y-%m").to_string() == debut)
}

fn row(tr: &Tr, o: &Offre, evaluation: Option<Evaluation>) -> OffreRow {
    OffreRow {
        id: o.id,
        intitule: o.intitule.clone(),
        employeur: o.employeur.clone().unwrap_or_default(),
        type_key: o.type_offre.label_key(),
        lieu: match &o.departement {
            Some(d) => format!("{} ({d})", o.commune_nom),
            None => o.commune_nom.clone(),
        },
        debut: o.date_debut.map(|d| tr.date(d)),
        metier: o.metier_libelle.clone(),
        importee: o.source != SourceOffre::Campus,
        evaluation,
    }
}

/// Counts of each value of one facet over `offers`, most frequent first.
fn facet(
    offers: &[&Offre],
    chosen: &str,
    value: impl Fn(&Offre) -> Option<(String, String)>,
) -> Vec<FacetValue> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for o in offers {
        if let Some((v, label)) = value(o) {
            counts.entry(v).or_insert((label, 0)).1 += 1;
        }
    }
    let mut values: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, (label, count))| FacetValue {
            chosen: value == chosen,
            value,
            label,
            count,
        })
        .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values
}

/// The open offers that pass the filters, with their fit when a profile
/// is given, sorted as asked; and the facets of what the other filters
/// leave.
pub(crate) struct Listed {
    pub offers: Vec<(Offre, Option<Evaluation>)>,
    pub types: Vec<FacetValue>,
    pub metiers: Vec<FacetValue>,
    pub departements: Vec<FacetValue>,
    pub niveaux: Vec<FacetValue>,
    pub debuts: Vec<FacetValue>,
}

pub(crate) async fn listed(
    state: &AppState,
    tr: &Tr,
    q: &ListQuery,
    profil: Option<&Profil>,
) -> AppResult<Listed> {
    let all = state
        .store
        .insertion()
        .offres(&FiltreOffres {
            ouvertes: true,
            ..Default::default()
        })
        .await?;
    let center: Option<GeoPoint> = if q.commune.trim().is_empty() {
        profil.and_then(Profil::domicile)
    } else {
        crate::routes::search::locate(state, q.commune.trim()).map(|(_, _, p)| p)
    };
    let max_km: Option<f64> = q.distance.trim().parse::<f64>().ok().filter(|d| *d > 0.0);
    let metier = q.metier.trim().to_ascii_uppercase();
    // Each facet counts what the other filters leave.
    let keep = |o: &Offre, skip: &str| {
        (skip == "type" || q.type_offre.is_empty() || o.type_offre.as_str() == q.type_offre)
            && (skip == "departement"
                || q.departement.is_empty()
                || o.departement.as_deref() == Some(q.departement.as_str()))
            && (skip == "niveau"
                || q.niveau.is_empty()
                || o.niveau.map(|n| n.value().to_string()).as_deref() == Some(q.niveau.as_str()))
            && (skip == "debut" || q.debut.is_empty() || starts_in(o, &q.debut))
            && (skip == "metier"
                || metier.is_empty()
                || o.code_rome.as_ref().is_some_and(|c| c.as_str() == metier))
            && match (max_km, center) {
                (Some(km), Some(c)) => o.position.is_some_and(|p| p.distance_km(c) <= km),
                _ => true,
            }
    };
    let subset = |skip: &str| all.iter().filter(|o| keep(o, skip)).collect::<Vec<_>>();
    let types = facet(&subset("type"), &q.type_offre, |o| {
        Some((
            o.type_offre.as_str().to_owned(),
            tr.t(o.type_offre.label_key()),
        ))
    });
    let metiers = facet(&subset("metier"), &metier, |o| {
        let code = o.code_rome.as_ref()?;
        Some((
            code.as_str().to_owned(),
            o.metier_libelle
                .clone()
                .unwrap_or_else(|| code.as_str().to_owned()),
        ))
    });
    let departements = facet(&subset("departement"), &q.departement, |o| {
        o.departement.clone().map(|d| (d.clone(), d))
    });
    let niveaux = facet(&subset("niveau"), &q.niveau, |o| {
        o.niveau
            .map(|n| (n.value().to_string(), tr.t(n.label_key())))
    });
    let debuts = facet(&subset("debut"), &q.debut, |o| {
        o.date_debut
            .map(|d| (d.format("%Y-%m").to_string(), tr.month(d)))
    });
    let mut offers: Vec<(Offre, Option<Evaluation>)> = all
        .into_iter()
        .filter(|o| keep(o, ""))
        .map(|o| {
            let e = profil.map(|p| p.evaluer(tr, &o, center));
            (o, e)
        })
        .collect();
    let distance_of = |o: &Offre| match (o.position, center) {
        (Some(p), Some(c)) => p.distance_km(c),
        _ => f64::INFINITY,
    };
    match q.tri.as_str() {
        "distance" => offers.sort_by(|a, b| distance_of(&a.0).total_cmp(&distance_of(&b.0))),
        "recentes" => {}
        _ if profil.is_some() => offers.sort_by(|a, b| {
            let fit = |e: &Option<Evaluation>| e.as_ref().map_or(0.0, |e| e.part);
            fit(&b.1)
                .total_cmp(&fit(&a.1))
                .then_with(|| distance_of(&a.0).total_cmp(&distance_of(&b.0)))
        }),
        _ => {}
    }
    Ok(Listed {
        offers,
        types,
        metiers,
        departements,
        niveaux,
        debuts,
    })
}

/// The list of open offers.
pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let learner = me.as_ref().filter(|m| m.user.role == Role::Apprenant);
    let profil = match learner {
        Some(m) => Profil::of_user(&state, m.user.id).await?,
        None => None,
    };
    let l = listed(&state, &tr, &q, profil.as_ref()).await?;
    let total = l.offers.len();
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = q.page.parse::<usize>().unwrap_or(1).clamp(1, pages);
    let href = |p: usize| {
        let mut params: Vec<(&str, &str)> = Vec::new();
        for (k, v) in [
            ("type", &q.type_offre),
            ("departement", &q.departement),
            ("metier", &q.metier),
            ("niveau", &q.niveau),
            ("debut", &q.debut),
            ("commune", &q.commune),
            ("distance", &q.distance),
            ("tri", &q.tri),
        ] {
            if !v.is_empty() {
                params.push((k, v));
            }
        }
        let page = p.to_string();
        params.push(("page", &page));
        let query: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        format!("/offres?{query}")
    };
    let rows = l
        .offers
        .iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|(o, e)| row(&tr, o, e.clone()))
        .collect();
    let page_view = ListPage {
        invite_profil: learner.is_some() && profil.is_none(),
        with_fit: profil.is_some(),
        can_post: me
            .as_ref()
            .is_some_and(|m| super::RECRUTEURS.contains(&m.user.role)),
        prev_href: (page > 1).then(|| href(page - 1)),
        next_href: (page < pages).then(|| href(page + 1)),
        q,
        rows,
        total,
        types: l.types,
        metiers: l.metiers,
        departements: l.departements,
        niveaux: l.niveaux,
        debuts: l.debuts,
        page,
        pages,
        chrome,
    };
    Ok(render(&page_view)?.into_response())
}

/// The apprentice's minimum pay, as a table to show.
pub(crate) struct SalaireVue {
    pub smic: String,
    pub depuis: String,
    pub annees: Vec<usize>,
    pub lignes: Vec<(&'static str, Vec<String>)>,
}

fn salaire(tr: &Tr, o: &Offre) -> Option<SalaireVue> {
    if o.type_offre != TypeOffre::Apprentissage {
        return None;
    }
    let g = SalaireApprenti::grille(o.date_debut?, o.duree_mois);
    Some(SalaireVue {
        smic: g.smic.to_string(),
        depuis: tr.date(g.smic_depuis),
        annees: (1..=g.annees()).collect(),
        lignes: g
            .lignes
            .iter()
            .map(|(t, years)| {
                (
                    t.label_key(),
                    years.iter().map(ToString::to_string).collect(),
                )
            })
            .collect(),
    })
}

/// The answer rate of the offer's company, as shown.
pub(crate) struct TauxVue {
    pub pourcentage: u32,
    pub candidatures: u64,
    pub mediane: Option<String>,
}

#[derive(Template)]
#[template(path = "insertion/offre.html")]
pub(crate) struct OffrePage {
    pub chrome: Chrome,
    pub o: Offre,
    pub type_key: &'static str,
    pub ouverte: bool,
    pub debut: Option<String>,
    pub expire: String,
    pub niveau_key: Option<&'static str>,
    pub salaire: Option<SalaireVue>,
    pub evaluation: Option<Evaluation>,
    /// A learner who may apply (open offer of the network, not applied).
    pub peut_postuler: bool,
    /// The learner's application to it, if any.
    pub ma_candidature: Option<i32>,
    pub is_recruteur: bool,
    pub taux: Option<TauxVue>,
    pub similaires: Vec<OffreRow>,
    pub ok: String,
    pub cv_max_mo: usize,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Notice {
    ok: String,
}

/// Offers like `o`: open, of the same trade (or the same ROME domain),
/// nearest first.
pub(crate) async fn similaires(state: &AppState, o: &Offre) -> AppResult<Vec<Offre>> {
    let Some(code) = &o.code_rome else {
        return Ok(Vec::new());
    };
    let open = state
        .store
        .insertion()
        .offres(&FiltreOffres {
            ouvertes: true,
            ..Default::default()
        })
        .await?;
    let domaine = &code.as_str()[..3];
    let mut like: Vec<(u8, f64, Offre)> = open
        .into_iter()
        .filter(|x| x.id != o.id)
        .filter_map(|x| {
            let same = x.code_rome.as_ref()?;
            let rank = if same == code {
                0
            } else if same.as_str().starts_with(domaine) {
                1
            } else {
                return None;
            };
            let km = match (x.position, o.position) {
                (Some(a), Some(b)) => a.distance_km(b),
                _ => f64::INFINITY,
            };
            Some((rank, km, x))
        })
        .collect();
    like.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    Ok(like.into_iter().take(SIMILAR).map(|(_, _, x)| x).collect())
}

/// An offer's company answer rate, in the terms it is shown in.
pub(crate) async fn taux_vue(state: &AppState, tr: &Tr, o: &Offre) -> AppResult<Option<TauxVue>> {
    let Some(org) = o.organisation_id else {
        return Ok(None);
    };
    let t = state.store.insertion().taux_de_reponse(Some(org)).await?;
    Ok(t.taux().map(|rate| TauxVue {
        pourcentage: (rate * 100.0).round() as u32,
        candidatures: t.candidatures,
        mediane: t.mediane_heures.map(|h| tr.duree_heures(h)),
    }))
}

/// Applications a company must have received before candidates see its
/// answer rate: below, one late answer would weigh too much.
const TAUX_PUBLIC_MIN: u64 = 10;

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
    Query(n): Query<Notice>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let id = path_id(&id)?;
    let o = match state.store.insertion().offre(id).await {
        Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    let today = state.clock.today();
    let is_recruteur = match &me {
        Some(m) => recruteur(&state, m, &o).await.is_ok(),
        None => false,
    };
    let learner = me.as_ref().filter(|m| m.user.role == Role::Apprenant);
    let (evaluation, ma_candidature) = match learner {
        Some(m) => {
            let profil = Profil::of_user(&state, m.user.id).await?;
            let mine = state
                .store
                .insertion()
                .candidatures_du_candidat(m.user.id)
                .await?
                .into_iter()
                .find(|c| c.offre_id == o.id)
                .map(|c| c.id);
            (profil.map(|p| p.evaluer(&tr, &o, None)), mine)
        }
        None => (None, None),
    };
    let ouverte = o.is_open(today);
    let taux = match taux_vue(&state, &tr, &o).await? {
        Some(t) if is_recruteur || chrome.is_staff() || t.candidatures > TAUX_PUBLIC_MIN => Some(t),
        _ => None,
    };
    let similaires = if !ouverte || ma_candidature.is_some() || n.ok == "candidature" {
        similaires(&state, &o)
            .await?
            .iter()
            .map(|x| row(&tr, x, None))
            .collect()
    } else {
        Vec::new()
    };
    let page = OffrePage {
        type_key: o.type_offre.label_key(),
        debut: o.date_debut.map(|d| tr.date(d)),
        expire: tr.date(o.expire_le),
        niveau_key: o.niveau.map(|n| n.label_key()),
        salaire: salaire(&tr, &o),
        peut_postuler: learner.is_some()
            && ouverte
            && o.source == SourceOffre::Campus
            && ma_candidature.is_none(),
        ouverte,
        evaluation,
        ma_candidature,
        is_recruteur,
        taux,
        similaires,
        ok: n.ok,
        cv_max_mo: super::CV_MAX_BYTES / (1024 * 1024),
        o,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "insertion/offre_form.html")]
pub(crate) struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub v: OffreValues,
    pub organisations: Options,
    pub types: Vec<(&'static str, &'static str)>,
    /// The offer edited; `None` for a new one.
    pub id: Option<i32>,
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    me: &crate::auth::Identity,
    errors: FormErrors,
    v: OffreValues,
    id: Option<i32>,
) -> AppResult<FormPage> {
    let organisations = organisations_for(state, me)
        .await?
        .into_iter()
        .map(|(id, nom)| (id.to_string(), nom))
        .collect();
    Ok(FormPage {
        errors,
        v,
        organisations,
        types: TypeOffre::all()
            .map(|t| (t.as_str(), t.label_key()))
            .collect(),
        id,
        chrome,
    })
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let v = OffreValues {
        type_offre: TypeOffre::Apprentissage.as_str().to_owned(),
        postes: "1".to_owned(),
        contact_nom: me.user.display_name.clone(),
        contact_email: me.user.email.as_str().to_owned(),
        ..Default::default()
    };
    let page = form_page(&state, chrome, &me, FormErrors::default(), v, None).await?;
    Ok(render(&page)?.into_response())
}

/// Checks and records a new offer; its id, or the form's errors.
pub(crate) async fn create_offre(
    state: &AppState,
    tr: &Tr,
    me: &crate::auth::Identity,
    v: &OffreValues,
) -> AppResult<Result<i32, FormErrors>> {
    let orgs: Vec<i32> = organisations_for(state, me)
        .await?
        .iter()
        .map(|(id, _)| *id)
        .collect();
    match validate::offre(state, tr, v, &orgs, me.user.id).await? {
        Ok(input) => {
            let id = state.store.insertion().creer_offre(&input).await?.id;
            crate::routes::search::offre_changed(state, id).await;
            Ok(Ok(id))
        }
        Err(errors) => Ok(Err(errors)),
    }
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(v): Form<OffreValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    match create_offre(&state, &tr, &me, &v).await? {
        Ok(id) => Ok(see_other(&format!("/offres/{id}?ok=publiee"))),
        Err(errors) => {
            let page = form_page(&state, chrome, &me, errors, v, None).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

pub(crate) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let o = offre_or_404(&state, &id).await?;
    recruteur(&state, &me, &o).await?;
    if o.source != SourceOffre::Campus {
        return Err(AppError::Conflict("offre-importee-non-modifiable"));
    }
    let v = OffreValues::of(&o);
    let page = form_page(&state, chrome, &me, FormErrors::default(), v, Some(o.id)).await?;
    Ok(render(&page)?.into_response())
}

/// Checks and records an offer's new values; `version` is the one the
/// author saw, when known.
pub(crate) async fn update_offre(
    state: &AppState,
    tr: &Tr,
    me: &crate::auth::Identity,
    o: &Offre,
    v: &OffreValues,
    version: Option<i32>,
) -> AppResult<Result<i32, FormErrors>> {
    recruteur(state, me, o).await?;
    if o.source != SourceOffre::Campus {
        return Err(AppError::Conflict("offre-importee-non-modifiable"));
    }
    let mut orgs: Vec<i32> = organisations_for(state, me)
        .await?
        .iter()
        .map(|(id, _)| *id)
        .collect();
    orgs.extend(o.organisation_id);
    let mut input = match validate::offre(state, tr, v, &orgs, me.user.id).await? {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    input.auteur_user_id = o.auteur_user_id.or(Some(me.user.id));
    if input.offre.postes < o.postes_pourvus {
        let mut errors = FormErrors::default();
        errors.add("postes", tr.t("offre-postes-sous-pourvus"));
        return Ok(Err(errors));
    }
    match state
        .store
        .insertion()
        .modifier_offre(o.id, &input, version)
        .await
    {
        Ok(done) => {
            crate::routes::search::offre_changed(state, done.id).await;
            Ok(Ok(done.id))
        }
        Err(e) if e.is_conflict() => Err(AppError::Conflict("offre-modifiee")),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct EditForm {
    #[serde(flatten)]
    v: OffreValues,
    version: String,
}

pub(crate) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(f): Form<EditForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let o = offre_or_404(&state, &id).await?;
    let version = f.version.parse::<i32>().ok();
    match update_offre(&state, &tr, &me, &o, &f.v, version).await? {
        Ok(id) => Ok(see_other(&format!("/offres/{id}?ok=modifiee"))),
        Err(errors) => {
            let page = form_page(&state, chrome, &me, errors, f.v, Some(o.id)).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

pub(crate) async fn close(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let o = offre_or_404(&state, &id).await?;
    recruteur(&state, &me, &o).await?;
    if o.etat == EtatOffre::Ouverte {
        state.store.insertion().fermer_offre(o.id).await?;
        crate::routes::search::offre_changed(&state, o.id).await;
    }
    Ok(see_other(&format!("/offres/{}?ok=fermee", o.id)))
}

/// The offer of a path's id; 404 when there is none.
pub(crate) async fn offre_or_404(state: &AppState, raw: &str) -> AppResult<Offre> {
    let id = path_id(raw)?;
    match state.store.insertion().offre(id).await {
        Err(campus_store::StoreError::NotFound) => Err(AppError::NotFound),
        other => Ok(other?),
    }
}
