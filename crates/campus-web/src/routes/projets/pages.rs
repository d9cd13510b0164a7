//! The projects' pages: the showcase and the signed-in person's projects,
//! a project's page (public, or whole for its members and the campus
//! team), the form that starts or edits a project, milestones.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::projet::{
    ActionEtape, EtatEtape, EtatLivrable, Livrable, NouveauJalon, RoleMembre, SaisieJalon,
    StatutProjet, TypeProjet,
};
use campus_store::projets::{DocumentProjet, FiltreProjets, Projet, ProjetResume};
use serde::Deserialize;

use super::validate::{self, ProjetValues};
use super::{Acces, membre, projet_or_404};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::insertion::jobs::legal_date;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// The list's filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    #[serde(rename = "type")]
    pub type_projet: String,
}

/// A project in a list.
pub(crate) struct ProjetRow {
    pub slug: String,
    pub titre: String,
    pub type_key: &'static str,
    pub etape_key: &'static str,
    pub statut_key: &'static str,
    pub organisations: String,
    pub resume: String,
}

impl ProjetRow {
    fn of(p: &ProjetResume) -> ProjetRow {
        ProjetRow {
            slug: p.slug.clone(),
            titre: p.titre.clone(),
            type_key: p.type_projet.label_key(),
            etape_key: p.etape.label_key(),
            statut_key: p.statut.label_key(),
            organisations: p.organisations.join(", "),
            resume: p.resume.lines().next().unwrap_or_default().to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "projets/liste.html")]
pub(crate) struct ListPage {
    pub chrome: Chrome,
    pub mine: Vec<ProjetRow>,
    pub publics: Vec<ProjetRow>,
    pub types: Options,
    pub type_projet: String,
    pub peut_creer: bool,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let type_projet = TypeProjet::parse(&q.type_projet).ok();
    let store = state.store.projets();
    let mine = match &me {
        Some(me) => store
            .liste(&FiltreProjets {
                membre: Some(me.user.id),
                ..Default::default()
            })
            .await?
            .iter()
            .map(ProjetRow::of)
            .collect(),
        None => Vec::new(),
    };
    let publics = store
        .liste(&FiltreProjets {
            publics: true,
            type_projet,
            ..Default::default()
        })
        .await?
        .iter()
        .map(ProjetRow::of)
        .collect();
    let peut_creer = me
        .as_ref()
        .is_some_and(|me| super::PORTEURS.contains(&me.user.role));
    let page = ListPage {
        mine,
        publics,
        types: types(&tr, true),
        type_projet: type_projet
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default(),
        peut_creer,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The kinds of project as options, with « all » first for a filter.
fn types(tr: &Tr, with_all: bool) -> Options {
    let mut options = Vec::new();
    if with_all {
        options.push((String::new(), tr.t("projets-tous-types")));
    }
    options.extend(TypeProjet::all().map(|t| (t.as_str().to_owned(), tr.t(t.label_key()))));
    options
}

#[derive(Template)]
#[template(path = "projets/form.html")]
pub(crate) struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub action: String,
    pub v: ProjetValues,
    pub metiers: String,
    pub certifications: String,
    pub types: Options,
    pub type_fixe: bool,
    /// `(id, name, checked)`.
    pub organisations: Vec<(i32, String, bool)>,
    pub equipements: Vec<(i32, String, bool)>,
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    v: ProjetValues,
    slug: Option<&str>,
) -> AppResult<FormPage> {
    let tr = chrome.tr();
    let organisations = validate::network_organisations(state)
        .await?
        .into_iter()
        .map(|(id, nom)| (id, nom, v.organisations.contains(&id)))
        .collect();
    let equipements = validate::equipment(state)
        .await?
        .into_iter()
        .map(|(id, nom)| (id, nom, v.equipements.contains(&id)))
        .collect();
    let (title, action) = match slug {
        Some(slug) => (tr.t("projet-modifier"), format!("/projets/{slug}/modifier")),
        None => (tr.t("projet-nouveau"), "/projets".to_owned()),
    };
    Ok(FormPage {
        errors,
        title,
        action,
        metiers: v.metiers.join("\n"),
        certifications: v.certifications.join("\n"),
        types: types(&tr, false),
        type_fixe: slug.is_some(),
        organisations,
        equipements,
        v,
        chrome,
    })
}

pub(crate) async fn new_page(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let v = ProjetValues {
        type_projet: TypeProjet::EcoleRecherche.as_str().to_owned(),
        ..Default::default()
    };
    let page = form_page(&state, chrome, FormErrors::default(), v, None).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = ProjetValues::from_pairs(pairs);
    match validate::projet(&state, &tr, &v).await? {
        Ok(input) => {
            let (id, slug) = state.store.projets().creer(&input, me.user.id).await?;
            crate::routes::search::projet_changed(&state, id).await;
            Ok(see_other(&format!("/projets/{slug}?ok=cree")))
        }
        Err(errors) => {
            let page = form_page(&state, chrome, errors, v, None).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

pub(crate) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let page = form_page(
        &state,
        chrome,
        FormErrors::default(),
        ProjetValues::of(&p),
        Some(&slug),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let version = pairs
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.parse().ok());
    let mut v = ProjetValues::from_pairs(pairs);
    v.type_projet = p.type_projet.as_str().to_owned();
    match validate::projet(&state, &tr, &v).await? {
        Ok(input) => {
            state
                .store
                .projets()
                .modifier(p.id, &input, version, me.user.id)
                .await
                .map_err(super::membres::membre_error)?;
            crate::routes::search::projet_changed(&state, p.id).await;
            Ok(see_other(&format!("/projets/{slug}?ok=modifie")))
        }
        Err(errors) => {
            let page = form_page(&state, chrome, errors, v, Some(&slug)).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct StatutForm {
    statut: String,
}

/// Stops a project (`abandonne`) or takes it up again (`en_cours`).
pub(crate) async fn statut(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<StatutForm>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let statut = match StatutProjet::parse(&form.statut) {
        Ok(s @ (StatutProjet::Abandonne | StatutProjet::EnCours)) => s,
        _ => {
            return Err(AppError::BadRequest {
                key: "projet-statut-invalide",
                detail: None,
            });
        }
    };
    if statut == StatutProjet::EnCours && p.etat_etape == EtatEtape::Validee {
        return Err(AppError::Conflict("projet-deja-termine"));
    }
    state
        .store
        .projets()
        .changer_statut(p.id, statut, me.user.id)
        .await?;
    crate::routes::search::projet_changed(&state, p.id).await;
    Ok(see_other(&format!("/projets/{slug}?ok=statut")))
}

/// The `?ok=` notices of a project's page.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ShowQuery {
    ok: String,
}

/// A document series: its versions, newest first.
pub(crate) struct Serie {
    pub titre: String,
    pub livrable_key: Option<&'static str>,
    pub versions: Vec<VersionRow>,
}

pub(crate) struct VersionRow {
    pub id: i32,
    pub version: i32,
    pub nom: String,
    pub nature: String,
    pub taille: String,
    pub auteur: String,
    pub quand: String,
    pub public: bool,
}

/// A deliverable of the current stage.
pub(crate) struct LivrableRow {
    pub value: &'static str,
    pub key: &'static str,
    pub etat_key: Option<&'static str>,
    pub refuse: bool,
    pub commentaire: Option<String>,
    pub document_id: Option<i32>,
}

pub(crate) struct FaitRow {
    pub quand: String,
    pub texte: String,
}

pub(crate) struct JalonRow {
    pub id: i32,
    pub titre: String,
    pub echeance: String,
    pub atteint: Option<String>,
    pub en_retard: bool,
}

pub(crate) struct MembreRow {
    pub user_id: i32,
    pub nom: String,
    pub email: String,
    pub role_key: &'static str,
    pub en_attente: bool,
}

#[derive(Template)]
#[template(path = "projets/projet.html")]
pub(crate) struct ShowPage {
    pub chrome: Chrome,
    pub p: Projet,
    pub ok_key: Option<String>,
    pub type_key: &'static str,
    pub etape_key: &'static str,
    pub etat_etape_key: &'static str,
    pub statut_key: &'static str,
    /// The stages of the kind, with whether each is done, current or to
    /// come.
    pub etapes: Vec<(&'static str, &'static str)>,
    pub lit: bool,
    pub gere: bool,
    pub depose: bool,
    pub peut_soumettre: bool,
    pub peut_reviser: bool,
    pub manquants: Vec<&'static str>,
    pub livrables: Vec<LivrableRow>,
    pub series: Vec<Serie>,
    /// `(id, title)` of the series a new version may continue.
    pub series_options: Options,
    pub membres: Vec<MembreRow>,
    pub membres_publics: Vec<(String, &'static str)>,
    pub roles: Options,
    pub jalons: Vec<JalonRow>,
    pub historique: Vec<FaitRow>,
    pub document_max_mo: usize,
    pub errors: FormErrors,
    /// The platform's use: `(equipment, when, hours, status key)`.
    pub reservations: Vec<(String, String, String, &'static str)>,
    pub heures: String,
    /// `(id, title, status key)`.
    pub modules: Vec<(i32, String, &'static str)>,
    /// What the signed-in lead may attach: `(id, label)`.
    pub reservations_libres: Options,
    pub modules_libres: Options,
    /// Published news about the project: `(slug, title)`.
    pub actualites: Vec<(String, String)>,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(slug): Path<String>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    let acces = Acces::of(me.as_ref(), &p);
    if !acces.lit() && !p.public {
        return Err(if me.is_some() {
            AppError::Forbidden
        } else {
            AppError::Unauthorized
        });
    }
    let ok_key = crate::routes::ok_notice("projet-ok", &q.ok);
    let page = show_page(
        &state,
        chrome,
        me.as_ref(),
        p,
        acces,
        ok_key,
        FormErrors::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// The project's page for `acces`, with `errors` of a refused form.
pub(crate) async fn show_page(
    state: &AppState,
    chrome: Chrome,
    me: Option<&Identity>,
    p: Projet,
    acces: Acces,
    ok_key: Option<String>,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let tr = chrome.tr();
    let store = state.store.projets();
    let documents = store.documents(p.id).await?;
    let visible: Vec<&DocumentProjet> = documents
        .iter()
        .filter(|d| acces.lit() || d.public)
        .collect();
    let series = series(&tr, &visible);
    let series_options = series
        .iter()
        .filter_map(|s| {
            s.versions
                .first()
                .map(|v| (v.id.to_string(), s.titre.clone()))
        })
        .collect();
    let (jalons, historique) = if acces.lit() {
        let today = state.clock.today();
        let jalons = store
            .jalons(p.id)
            .await?
            .into_iter()
            .map(|j| JalonRow {
                id: j.id,
                en_retard: j.atteint_le.is_none() && j.echeance < today,
                titre: j.titre,
                echeance: tr.date(j.echeance),
                atteint: j.atteint_le.map(|d| tr.date(d)),
            })
            .collect();
        let historique = store
            .historique(p.id)
            .await?
            .iter()
            .map(|f| FaitRow {
                quand: tr.date(legal_date(f.created_at)),
                texte: fait_text(&tr, f),
            })
            .collect();
        (jalons, historique)
    } else {
        (Vec::new(), Vec::new())
    };
    let (reservations, heures, modules, reservations_libres, modules_libres) = if acces.lit() {
        plateforme(state, &tr, me, &p, acces).await?
    } else {
        (
            Vec::new(),
            String::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        )
    };
    let current = p.etape.as_str();
    let mut passed = true;
    let etapes = p
        .type_projet
        .etapes()
        .iter()
        .map(|e| {
            let state = if e.as_str() == current {
                passed = false;
                if p.etat_etape == EtatEtape::Validee {
                    "projet-etape-faite"
                } else {
                    "projet-etape-courante"
                }
            } else if passed {
                "projet-etape-faite"
            } else {
                "projet-etape-a-venir"
            };
            (e.label_key(), state)
        })
        .collect();
    let livrables = p
        .livrables_en_cours()
        .into_iter()
        .map(|(l, row)| LivrableRow {
            value: l.as_str(),
            key: l.label_key(),
            etat_key: row.map(|r| r.etat.label_key()),
            refuse: row.is_some_and(|r| r.etat == EtatLivrable::Refuse),
            commentaire: row.and_then(|r| r.commentaire.clone()),
            document_id: row.map(|r| r.projet_document_id),
        })
        .collect();
    let en_cours = p.statut == StatutProjet::EnCours;
    let manquants: Vec<&'static str> = p
        .livrables_manquants()
        .into_iter()
        .map(Livrable::label_key)
        .collect();
    let soumettre = ActionEtape::Soumettre.source() == p.etat_etape;
    let actualites = crate::routes::actualites::liees(
        state,
        campus_store::actualites::FiltreActualites {
            projet: Some(p.id),
            ..Default::default()
        },
    )
    .await?;
    let page = ShowPage {
        actualites,
        type_key: p.type_projet.label_key(),
        etape_key: p.etape.label_key(),
        etat_etape_key: p.etat_etape.label_key(),
        statut_key: p.statut.label_key(),
        etapes,
        lit: acces.lit(),
        gere: acces.gere(),
        depose: acces.depose() && en_cours,
        peut_soumettre: acces.gere() && en_cours && soumettre && !p.etape.est_terminale(),
        peut_reviser: acces.revise() && en_cours && p.etat_etape == EtatEtape::Soumise,
        manquants,
        livrables,
        series,
        series_options,
        membres: p
            .membres
            .iter()
            .map(|m| MembreRow {
                user_id: m.user_id,
                nom: m.nom.clone(),
                email: m.email.clone(),
                role_key: m.role.label_key(),
                en_attente: m.invitation_en_attente,
            })
            .collect(),
        membres_publics: p
            .membres
            .iter()
            .filter(|m| m.role.nomme_en_public())
            .map(|m| (m.nom.clone(), m.role.label_key()))
            .collect(),
        roles: RoleMembre::all()
            .filter(|r| *r != RoleMembre::Invite)
            .map(|r| (r.as_str().to_owned(), tr.t(r.label_key())))
            .collect(),
        jalons,
        historique,
        document_max_mo: super::DOCUMENT_MAX_BYTES / (1024 * 1024),
        errors,
        reservations,
        heures,
        modules,
        reservations_libres,
        modules_libres,
        ok_key,
        p,
        chrome,
    };
    Ok(page)
}

/// The rows of the platform's use, and what `me` may still attach.
type Plateforme = (
    Vec<(String, String, String, &'static str)>,
    String,
    Vec<(i32, String, &'static str)>,
    Options,
    Options,
);

async fn plateforme(
    state: &AppState,
    tr: &Tr,
    me: Option<&Identity>,
    p: &Projet,
    acces: Acces,
) -> AppResult<Plateforme> {
    let u = state.store.projets().utilisation(p.id).await?;
    let reservations = u
        .reservations
        .iter()
        .map(|r| {
            (
                r.equipement_nom.clone(),
                tr.date(legal_date(r.debut)),
                tr.duree_heures(f64::from(r.minutes) / 60.0),
                r.statut.label_key(),
            )
        })
        .collect();
    let heures = tr.duree_heures(u.minutes_confirmees as f64 / 60.0);
    let modules = u
        .modules
        .iter()
        .map(|m| (m.id, m.intitule.clone(), m.etat.label_key()))
        .collect();
    let (mut libres_r, mut libres_m) = (Vec::new(), Vec::new());
    if let (Some(me), true) = (me, acces.gere()) {
        let mine = state
            .store
            .equipements()
            .reservations_of_user(me.user.id)
            .await?;
        let orgs: Vec<i32> = state
            .store
            .memberships_of(me.user.id)
            .await?
            .into_iter()
            .map(|(o, _)| o.id)
            .collect();
        let demandes = state
            .store
            .modules()
            .module_demandes_of_organisations(&orgs)
            .await?;
        let ids_r: Vec<i32> = mine.iter().map(|r| r.id).collect();
        let ids_m: Vec<i32> = demandes.iter().map(|m| m.id).collect();
        let (pris_r, pris_m) = state.store.projets().deja_rattaches(&ids_r, &ids_m).await?;
        libres_r = mine
            .iter()
            .filter(|r| !pris_r.contains(&r.id))
            .map(|r| {
                (
                    r.id.to_string(),
                    format!("{} — {}", r.equipement_nom, tr.date(legal_date(r.debut))),
                )
            })
            .collect();
        libres_m = demandes
            .iter()
            .filter(|m| !pris_m.contains(&m.id))
            .map(|m| (m.id.to_string(), m.intitule.clone()))
            .collect();
    }
    Ok((reservations, heures, modules, libres_r, libres_m))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RattachementForm {
    reservation: String,
    module: String,
}

/// Attaches one of the lead's bookings, or a module request of their
/// organisation, to the project.
pub(crate) async fn attach(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<RattachementForm>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let store = state.store.projets();
    let conflict = |e: campus_store::StoreError| match e {
        campus_store::StoreError::Conflict(_) => AppError::Conflict("projet-deja-rattache"),
        e => e.into(),
    };
    if let Ok(id) = form.reservation.trim().parse::<i32>() {
        let r = match state.store.equipements().reservation(id).await {
            Ok(r) => r,
            Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
            Err(e) => return Err(e.into()),
        };
        if r.user_id != me.user.id && !me.user.role.is_campus_staff() {
            return Err(AppError::Forbidden);
        }
        store
            .rattacher_reservation(p.id, id, me.user.id)
            .await
            .map_err(conflict)?;
    } else if let Ok(id) = form.module.trim().parse::<i32>() {
        let m = match state.store.modules().module_demande(id).await {
            Ok(m) => m,
            Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
            Err(e) => return Err(e.into()),
        };
        let member = state
            .store
            .membership_role(m.organisation_id, me.user.id)
            .await?
            .is_some();
        if !member && !me.user.role.is_campus_staff() {
            return Err(AppError::Forbidden);
        }
        store
            .rattacher_module(p.id, id, me.user.id)
            .await
            .map_err(conflict)?;
    } else {
        return Err(AppError::BadRequest {
            key: "projet-rattachement-invalide",
            detail: None,
        });
    }
    Ok(see_other(&format!(
        "/projets/{slug}?ok=rattache#plateforme"
    )))
}

/// Where and when the final presentation takes place, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RestitutionForm {
    debut: String,
    fin: String,
    adresse: String,
    code_postal: String,
    commune: String,
    capacite: String,
}

/// Publishes a school project's final presentation as an event of the
/// campus, checked by the events' own rules, organised by the project's
/// first organisation, open to pupils and teachers.
pub(crate) async fn publish_restitution(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<RestitutionForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    let acces = membre(&me, &p)?;
    if !acces.gere() {
        return Err(AppError::Forbidden);
    }
    if !p.type_projet.a_restitution_publique() || p.evenement_id.is_some() {
        return Err(AppError::Conflict("projet-restitution-impossible"));
    }
    let Some(first) = p.organisations.first() else {
        let mut errors = FormErrors::default();
        errors.add("restitution", tr.t("projet-restitution-sans-organisation"));
        return refused_form(&state, chrome, &me, p, acces, errors).await;
    };
    let organisation = state.store.organisation_by_slug(&first.slug).await?;
    let values = crate::routes::evenements::pages::EvenementValues {
        organisation: organisation.slug.clone(),
        kind: campus_domain::evenement::EvenementKind::Conference
            .as_str()
            .to_owned(),
        titre: tr.ts("projet-restitution-titre", "titre", &p.titre),
        description: p.resume.clone(),
        adresse: form.adresse,
        code_postal: form.code_postal,
        commune: form.commune,
        debut: form.debut,
        fin: form.fin,
        capacite: form.capacite,
        publics: vec!["lyceens".to_owned(), "enseignants".to_owned()],
        metiers: p
            .metiers
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        ..Default::default()
    };
    match crate::routes::evenements::validate::event(
        &tr,
        &values,
        std::slice::from_ref(&organisation),
        state.clock.now(),
    ) {
        Ok(input) => {
            state
                .store
                .projets()
                .publier_restitution(p.id, &input, me.user.id)
                .await
                .map_err(super::membres::membre_error)?;
            Ok(see_other(&format!(
                "/projets/{slug}?ok=restitution#restitution"
            )))
        }
        Err(errors) => refused_form(&state, chrome, &me, p, acces, errors).await,
    }
}

fn series(tr: &Tr, docs: &[&DocumentProjet]) -> Vec<Serie> {
    let mut series: Vec<Serie> = Vec::new();
    let mut current: Option<i32> = None;
    for d in docs {
        let row = VersionRow {
            id: d.id,
            version: d.version,
            nom: d.fichier.nom.clone(),
            nature: d.fichier.nature.to_uppercase(),
            taille: taille(d.fichier.taille),
            auteur: d.depose_par_nom.clone().unwrap_or_default(),
            quand: tr.date(legal_date(d.created_at)),
            public: d.public,
        };
        match series.last_mut() {
            Some(s) if current == Some(d.serie_id) => s.versions.push(row),
            _ => {
                current = Some(d.serie_id);
                series.push(Serie {
                    titre: d.titre.clone(),
                    livrable_key: d.livrable.map(Livrable::label_key),
                    versions: vec![row],
                });
            }
        }
    }
    series
}

/// « 1,2 Mo », « 340 Ko ».
fn taille(bytes: i64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} Mo", bytes as f64 / 1_048_576.0).replace('.', ",")
    } else {
        format!("{} Ko", (bytes + 1023) / 1024)
    }
}

/// One fact of the timeline, in words.
fn fait_text(tr: &Tr, f: &campus_store::projets::FaitProjet) -> String {
    let acteur = f
        .acteur_nom
        .clone()
        .unwrap_or_else(|| tr.t("projet-fait-plateforme"));
    let etape = f.etape.map(|e| tr.t(e.label_key())).unwrap_or_default();
    let livrable = f.livrable.map(|l| tr.t(l.label_key())).unwrap_or_default();
    tr.tv(
        &f.fait.label_key(),
        &[
            ("acteur", &acteur),
            ("etape", &etape),
            ("livrable", &livrable),
            ("detail", &f.detail),
        ],
    )
}

/// A milestone as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct JalonForm {
    titre: String,
    echeance: String,
}

pub(crate) async fn add_milestone(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<JalonForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    let acces = membre(&me, &p)?;
    if !acces.gere() {
        return Err(AppError::Forbidden);
    }
    let saisie = SaisieJalon {
        titre: form.titre,
        echeance: form.echeance,
    };
    match NouveauJalon::parse(&saisie, state.clock.today()) {
        Ok(jalon) => {
            state
                .store
                .projets()
                .ajouter_jalon(p.id, &jalon, me.user.id)
                .await?;
            Ok(see_other(&format!("/projets/{slug}?ok=jalon#jalons")))
        }
        Err(refused) => {
            let mut errors = FormErrors::default();
            for (field, e) in refused {
                let field = if field == "titre" {
                    "jalon_titre"
                } else {
                    "jalon_echeance"
                };
                errors.add(field, tr.t(e.message_key()));
            }
            refused_form(&state, chrome, &me, p, acces, errors).await
        }
    }
}

/// The project's page again, with the errors of one of its forms.
pub(crate) async fn refused_form(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    p: Projet,
    acces: Acces,
    errors: FormErrors,
) -> AppResult<Response> {
    let page = show_page(state, chrome, Some(me), p, acces, None, errors).await?;
    Ok(invalid(render(&page)?))
}

pub(crate) async fn milestone_reached(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let id = crate::routes::insertion::path_id(&id)?;
    if !state
        .store
        .projets()
        .jalon_atteint(p.id, id, me.user.id)
        .await?
    {
        return Err(AppError::Conflict("projet-jalon-deja-atteint"));
    }
    Ok(see_other(&format!(
        "/projets/{slug}?ok=jalonatteint#jalons"
    )))
}
