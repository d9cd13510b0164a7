//! The campus team's registry of indicators (lever 8): the list by axis
//! and lever with this year's targets, a new indicator, an indicator's
//! page (edit = new version, history, targets per year, retire/restore),
//! and the team's commentary per lever for the annual report.
//!
//! Every form is parsed by the domain (`evaluation::indicateur`); a
//! refusal re-renders the form with the domain's message beside its
//! field and stores nothing. An edit carries the version the editor
//! read: when another edit came first the store refuses it and the page
//! says so (409) instead of overwriting the other's work.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use campus_domain::evaluation::indicateur::{
    ChampFiche, Cible, CibleError, CodeIndicateur, Erreurs, Fiche, IndicateurError, SaisieFiche,
    annee_cible, commentaire,
};
use campus_domain::evaluation::registre::{Axe, Levier, REGISTRE, Sens, Ventilation};
use chrono::{DateTime, Datelike, Utc};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{DomainMessage, Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, ok_notice, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/indicateurs", Access::Staff, liste),
        RouteDef::post("/admin/indicateurs", Access::Staff, creer),
        RouteDef::get("/admin/indicateurs/nouveau", Access::Staff, nouveau),
        RouteDef::get("/admin/indicateurs/{code}", Access::Staff, fiche),
        RouteDef::post("/admin/indicateurs/{code}", Access::Staff, modifier),
        RouteDef::post(
            "/admin/indicateurs/{code}/cibles",
            Access::Staff,
            fixer_cible,
        ),
        RouteDef::post(
            "/admin/indicateurs/{code}/cibles/{annee}/supprimer",
            Access::Staff,
            supprimer_cible,
        ),
        RouteDef::post("/admin/indicateurs/{code}/retirer", Access::Staff, retirer),
        RouteDef::post(
            "/admin/indicateurs/{code}/retablir",
            Access::Staff,
            retablir,
        ),
        RouteDef::get(
            "/admin/evaluation/commentaires",
            Access::Staff,
            commentaires,
        ),
        RouteDef::post(
            "/admin/evaluation/commentaires",
            Access::Staff,
            ecrire_commentaires,
        ),
    ]
}

/// The domain's messages are written in French where they are raised
/// (the formula's position and expectation, the culprit's name).
impl DomainMessage for IndicateurError {
    fn message(&self, _tr: &Tr) -> String {
        self.to_string()
    }
}

impl DomainMessage for CibleError {
    fn message(&self, _tr: &Tr) -> String {
        self.to_string()
    }
}

fn levier_titre(tr: &Tr, l: Levier) -> String {
    format!(
        "{} – {}",
        tr.tv("lever-label", &[("number", l.as_str())]),
        tr.t(&format!("lever-{}-title", l.as_str()))
    )
}

fn code_of(text: &str) -> AppResult<CodeIndicateur> {
    CodeIndicateur::parse(text).map_err(|_| AppError::NotFound)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OkQuery {
    ok: String,
}

fn notice(tr: &Tr, ok: &str) -> Option<String> {
    ok_notice("indicateurs-ok", ok).map(|k| tr.t(&k))
}

// ---------------------------------------------------------------- list

/// One indicator in the list.
struct Ligne {
    code: String,
    nom: String,
    unite: String,
    cible: Option<String>,
}

struct LevierVue {
    titre: String,
    lignes: Vec<Ligne>,
}

struct AxeVue {
    titre: String,
    leviers: Vec<LevierVue>,
}

#[derive(Template)]
#[template(path = "indicateurs/liste.html")]
struct ListePage {
    chrome: Chrome,
    notice: Option<String>,
    annee: i32,
    axes: Vec<AxeVue>,
    retires: Vec<Ligne>,
}

async fn liste(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let annee = state.clock.today().year();
    let indicateurs = state.store.indicateurs().list().await?;
    let cibles = state.store.indicateurs().cibles_annee(annee).await?;
    let ligne = |i: &campus_store::indicateurs::IndicateurEnregistre| Ligne {
        code: i.indicateur.code.to_string(),
        nom: i.indicateur.fiche.nom.clone(),
        unite: i.indicateur.fiche.unite.clone(),
        cible: cibles
            .get(i.indicateur.code.as_str())
            .map(ToString::to_string),
    };
    let axes = Axe::all()
        .map(|axe| AxeVue {
            titre: tr.t(&format!("axe-{}-title", axe.as_str())),
            leviers: Levier::all()
                .filter(|l| l.axe() == axe)
                .map(|l| LevierVue {
                    titre: levier_titre(&tr, l),
                    lignes: indicateurs
                        .iter()
                        .filter(|i| i.indicateur.levier == l && i.retire_le.is_none())
                        .map(ligne)
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let retires = indicateurs
        .iter()
        .filter(|i| i.retire_le.is_some())
        .map(ligne)
        .collect();
    let page = ListePage {
        notice: notice(&tr, &q.ok),
        annee,
        axes,
        retires,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

// ---------------------------------------------------------------- form

/// A record kind as the formula's help shows it.
struct GenreAide {
    nom: &'static str,
    champs: String,
    ventilations: String,
}

/// The fields of the indicator form, shared by the new and edit pages.
struct Champs {
    levier: String,
    code: String,
    v: SaisieFiche,
    leviers: Options,
    sens: Options,
    /// `(value, label, checked)`.
    ventilations: Vec<(String, String, bool)>,
    genres: Vec<GenreAide>,
}

fn champs(tr: &Tr, levier: String, code: String, v: SaisieFiche) -> Champs {
    let mut leviers = vec![(String::new(), tr.t("indicateurs-levier-choisir"))];
    leviers.extend(Levier::all().map(|l| (l.as_str().to_owned(), levier_titre(tr, l))));
    let ventilations = Ventilation::all()
        .map(|x| {
            (
                x.as_str().to_owned(),
                tr.t(x.label_key()),
                v.ventilations.iter().any(|c| c == x.as_str()),
            )
        })
        .collect();
    let genres = REGISTRE
        .iter()
        .map(|g| GenreAide {
            nom: g.nom,
            champs: g
                .champs
                .iter()
                .map(|c| c.nom)
                .collect::<Vec<_>>()
                .join(", "),
            ventilations: g
                .ventilations
                .iter()
                .map(|x| x.libelle())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    Champs {
        levier,
        code,
        leviers,
        sens: Sens::all()
            .map(|s| (s.as_str().to_owned(), tr.t(s.label_key())))
            .collect(),
        ventilations,
        genres,
        v,
    }
}

/// The form's fields as posted: checkboxes repeat their name.
fn saisie(pairs: &[(String, String)]) -> (String, String, String, SaisieFiche) {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let v = SaisieFiche {
        nom: get("nom"),
        definition: get("definition"),
        formule: get("formule"),
        unite: get("unite"),
        denominateur: get("denominateur"),
        ventilations: pairs
            .iter()
            .filter(|(k, _)| k == "ventilations")
            .map(|(_, v)| v.clone())
            .collect(),
        sens: get("sens"),
    };
    (get("levier"), get("code"), get("version"), v)
}

fn add_erreurs(errors: &mut FormErrors, tr: &Tr, erreurs: Erreurs) {
    for (champ, e) in erreurs {
        errors.add(champ.as_str(), e.message(tr));
    }
}

#[derive(Template)]
#[template(path = "indicateurs/nouveau.html")]
struct NouveauPage {
    chrome: Chrome,
    errors: FormErrors,
    f: Champs,
}

async fn nouveau(chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = SaisieFiche {
        sens: Sens::Hausse.as_str().to_owned(),
        ventilations: vec![Ventilation::Annee.as_str().to_owned()],
        ..SaisieFiche::default()
    };
    let page = NouveauPage {
        errors: FormErrors::default(),
        f: champs(&tr, String::new(), String::new(), v),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

async fn creer(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let (levier, code, _, v) = saisie(&pairs);
    let mut errors = FormErrors::default();
    let l = errors.check(
        &tr,
        ChampFiche::Levier.as_str(),
        Levier::parse(&levier).map_err(|_| IndicateurError::LevierInconnu),
    );
    let c = errors.check(
        &tr,
        ChampFiche::Code.as_str(),
        match l {
            Some(l) => CodeIndicateur::of_levier(&code, l),
            None => CodeIndicateur::parse(&code),
        },
    );
    let fiche = Fiche::parse(&v)
        .map_err(|e| add_erreurs(&mut errors, &tr, e))
        .ok();
    if let (Some(l), Some(c), Some(fiche), true) = (l, &c, &fiche, errors.is_empty()) {
        match state
            .store
            .indicateurs()
            .create(c, l, fiche, Some(me.user.id))
            .await
        {
            Ok(()) => return Ok(see_other(&format!("/admin/indicateurs/{c}?ok=cree"))),
            Err(e) if e.is_conflict() => {
                errors.add(
                    ChampFiche::Code.as_str(),
                    tr.ts("indicateurs-code-pris", "code", c.as_str()),
                );
            }
            Err(e) => return Err(e.into()),
        }
    }
    let page = NouveauPage {
        errors,
        f: champs(&tr, levier, code, v),
        chrome,
    };
    Ok(invalid(render(&page)?))
}

// ---------------------------------------------------------------- page

struct VersionVue {
    version: u32,
    date: DateTime<Utc>,
    nom: String,
    formule: String,
    unite: String,
    definition: String,
}

#[derive(Template)]
#[template(path = "indicateurs/fiche.html")]
struct FichePage {
    chrome: Chrome,
    notice: Option<String>,
    /// Another edit came first.
    conflit: Option<String>,
    errors: FormErrors,
    f: Champs,
    levier_titre: String,
    version: u32,
    retire_le: Option<DateTime<Utc>>,
    versions: Vec<VersionVue>,
    cibles: Vec<(i32, String)>,
    cible_errors: FormErrors,
    annee: String,
    valeur: String,
}

/// What the page shows besides the stored indicator.
#[derive(Default)]
struct Saisies {
    notice: Option<String>,
    conflit: Option<String>,
    errors: FormErrors,
    /// The edit form as posted, when it is shown again.
    fiche: Option<SaisieFiche>,
    cible_errors: FormErrors,
    annee: Option<String>,
    valeur: String,
}

async fn fiche_page(
    state: &AppState,
    chrome: Chrome,
    code: &CodeIndicateur,
    s: Saisies,
) -> AppResult<FichePage> {
    let tr = chrome.tr();
    let h = state.store.indicateurs().get(code).await?;
    let cibles = state
        .store
        .indicateurs()
        .cibles(code)
        .await?
        .into_iter()
        .map(|(a, c)| (a, c.to_string()))
        .collect();
    let i = &h.courant.indicateur;
    let v = s.fiche.unwrap_or_else(|| i.fiche.saisie());
    Ok(FichePage {
        notice: s.notice,
        conflit: s.conflit,
        errors: s.errors,
        f: champs(&tr, i.levier.as_str().to_owned(), i.code.to_string(), v),
        levier_titre: levier_titre(&tr, i.levier),
        version: i.version,
        retire_le: h.courant.retire_le,
        versions: h
            .versions
            .into_iter()
            .map(|v| VersionVue {
                version: v.version,
                date: v.created_at,
                formule: v.fiche.formule.to_string(),
                nom: v.fiche.nom,
                unite: v.fiche.unite,
                definition: v.fiche.definition,
            })
            .collect(),
        cibles,
        cible_errors: s.cible_errors,
        annee: s
            .annee
            .unwrap_or_else(|| state.clock.today().year().to_string()),
        valeur: s.valeur,
        chrome,
    })
}

async fn fiche(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let code = code_of(&code)?;
    let s = Saisies {
        notice: notice(&chrome.tr(), &q.ok),
        ..Saisies::default()
    };
    Ok(render(&fiche_page(&state, chrome, &code, s).await?)?.into_response())
}

async fn modifier(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let code = code_of(&code)?;
    let (_, _, version, v) = saisie(&pairs);
    let version: u32 = version.trim().parse().map_err(|_| AppError::BadRequest {
        key: "error-form",
        detail: Some("version".to_owned()),
    })?;
    let mut errors = FormErrors::default();
    match Fiche::parse(&v) {
        Ok(fiche) => {
            match state
                .store
                .indicateurs()
                .update(&code, version, &fiche, Some(me.user.id))
                .await
            {
                Ok(_) => Ok(see_other(&format!("/admin/indicateurs/{code}?ok=modifie"))),
                Err(e) if e.is_conflict() => {
                    let s = Saisies {
                        conflit: Some(tr.t("indicateurs-conflit")),
                        fiche: Some(v),
                        ..Saisies::default()
                    };
                    let page = fiche_page(&state, chrome, &code, s).await?;
                    Ok((StatusCode::CONFLICT, render(&page)?).into_response())
                }
                Err(e) => Err(e.into()),
            }
        }
        Err(e) => {
            add_erreurs(&mut errors, &tr, e);
            let s = Saisies {
                errors,
                fiche: Some(v),
                ..Saisies::default()
            };
            Ok(invalid(render(
                &fiche_page(&state, chrome, &code, s).await?,
            )?))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CibleForm {
    annee: String,
    valeur: String,
}

async fn fixer_cible(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
    Form(form): Form<CibleForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let code = code_of(&code)?;
    let mut errors = FormErrors::default();
    let annee = errors.check(&tr, "annee", annee_cible(&form.annee));
    let cible = errors.check(&tr, "valeur", Cible::parse(&form.valeur));
    if let (Some(annee), Some(cible)) = (annee, cible) {
        state
            .store
            .indicateurs()
            .set_cible(&code, annee, cible)
            .await?;
        return Ok(see_other(&format!("/admin/indicateurs/{code}?ok=cible")));
    }
    let s = Saisies {
        cible_errors: errors,
        annee: Some(form.annee.chars().take(20).collect()),
        valeur: form.valeur.chars().take(40).collect(),
        ..Saisies::default()
    };
    Ok(invalid(render(
        &fiche_page(&state, chrome, &code, s).await?,
    )?))
}

async fn supprimer_cible(
    State(state): State<AppState>,
    Path((code, annee)): Path<(String, String)>,
) -> AppResult<Response> {
    let code = code_of(&code)?;
    let annee = annee_cible(&annee).map_err(|_| AppError::NotFound)?;
    state.store.indicateurs().clear_cible(&code, annee).await?;
    Ok(see_other(&format!(
        "/admin/indicateurs/{code}?ok=ciblesupprimee"
    )))
}

async fn retirer(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let code = code_of(&code)?;
    state.store.indicateurs().retire(&code).await?;
    Ok(see_other(&format!("/admin/indicateurs/{code}?ok=retire")))
}

async fn retablir(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let code = code_of(&code)?;
    state.store.indicateurs().restore(&code).await?;
    Ok(see_other(&format!("/admin/indicateurs/{code}?ok=retabli")))
}

// ---------------------------------------------------------- commentary

/// The form names of the eight levers' textareas.
const TEXTES: [&str; 8] = [
    "texte-1", "texte-2", "texte-3", "texte-4", "texte-5", "texte-6", "texte-7", "texte-8",
];

fn champ_texte(l: Levier) -> &'static str {
    Levier::all()
        .position(|x| x == l)
        .and_then(|i| TEXTES.get(i))
        .copied()
        .unwrap_or("texte")
}

struct CommentaireVue {
    champ: &'static str,
    titre: String,
    texte: String,
}

#[derive(Template)]
#[template(path = "indicateurs/commentaires.html")]
struct CommentairesPage {
    chrome: Chrome,
    notice: Option<String>,
    errors: FormErrors,
    annee: i32,
    leviers: Vec<CommentaireVue>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AnneeQuery {
    annee: String,
    ok: String,
}

fn annee_demandee(state: &AppState, text: &str) -> AppResult<i32> {
    if text.trim().is_empty() {
        return Ok(state.clock.today().year());
    }
    annee_cible(text).map_err(|_| AppError::BadRequest {
        key: "indicateurs-annee-invalide",
        detail: None,
    })
}

async fn commentaires(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<AnneeQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let annee = annee_demandee(&state, &q.annee)?;
    let stored = state.store.indicateurs().commentaires(annee).await?;
    let leviers = Levier::all()
        .map(|l| CommentaireVue {
            champ: champ_texte(l),
            titre: levier_titre(&tr, l),
            texte: stored
                .iter()
                .find(|c| c.levier == l)
                .map(|c| c.texte.clone())
                .unwrap_or_default(),
        })
        .collect();
    let page = CommentairesPage {
        notice: (q.ok == "enregistre").then(|| tr.t("indicateurs-ok-commentaires")),
        errors: FormErrors::default(),
        annee,
        leviers,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

async fn ecrire_commentaires(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let annee = annee_cible(&get("annee")).map_err(|_| AppError::BadRequest {
        key: "indicateurs-annee-invalide",
        detail: None,
    })?;
    let mut errors = FormErrors::default();
    let mut textes = Vec::new();
    let mut leviers = Vec::new();
    for l in Levier::all() {
        let champ = champ_texte(l);
        let texte = get(champ);
        if let Some(t) = errors.check(&tr, champ, commentaire(&texte)) {
            textes.push((l, t));
        }
        leviers.push(CommentaireVue {
            champ,
            titre: levier_titre(&tr, l),
            texte,
        });
    }
    if errors.is_empty() {
        state
            .store
            .indicateurs()
            .set_commentaires(annee, &textes, Some(me.user.id))
            .await?;
        return Ok(see_other(&format!(
            "/admin/evaluation/commentaires?annee={annee}&ok=enregistre"
        )));
    }
    let page = CommentairesPage {
        notice: None,
        errors,
        annee,
        leviers,
        chrome,
    };
    Ok(invalid(render(&page)?))
}
