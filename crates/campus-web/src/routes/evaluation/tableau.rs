//! The campus team's dashboards: every axis and lever for a year, one
//! lever with its charts, one indicator with its breakdowns, and the CSV
//! of an indicator. Charts are SVG drawn on the server, each followed by
//! the table of its data and a sentence that says what it shows, so that
//! the page needs no JavaScript and reads the same without the picture.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::evaluation::indicateur::Indicateur;
use campus_domain::evaluation::rapport::{FicheIndicateur, format_valeur};
use campus_domain::evaluation::registre::{Axe, Levier, Ventilation};
use campus_formats::csv_export::CsvExport;
use campus_formats::evaluation::graphique;

use super::{IndicateurDemande, Periode, annee_demandee, indicateur_demande, secteur};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::evaluation::{Lecture, afficher, demandes, fiches};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::templates::render;

/// An indicator's line in a table of the dashboard.
pub(crate) struct Ligne {
    pub code: String,
    pub nom: String,
    pub valeur: String,
    pub cible: String,
    /// « atteinte », « non atteinte » or nothing without a target.
    pub atteinte: String,
    pub resume: String,
}

impl Ligne {
    /// The line of indicator `i`'s figures `f`, as `lecture` reads them.
    pub(crate) fn of(tr: &Tr, i: &Indicateur, f: &FicheIndicateur, lecture: Lecture) -> Ligne {
        Ligne {
            code: f.code.clone(),
            nom: f.nom.clone(),
            valeur: afficher(f.valeur, &f.unite, i.fiche.formule.agregat, lecture),
            cible: f
                .cible
                .map(|c| format_valeur(c, &f.unite))
                .unwrap_or_else(|| tr.t("evaluation-sans-cible")),
            atteinte: match f.atteinte() {
                Some(true) => tr.t("evaluation-cible-atteinte"),
                Some(false) => tr.t("evaluation-cible-non-atteinte"),
                None => String::new(),
            },
            resume: f.resume(),
        }
    }
}

/// A lever and its indicators' lines.
pub(crate) struct BlocLevier {
    pub numero: String,
    pub titre: String,
    pub lignes: Vec<Ligne>,
}

/// An axis and its levers.
pub(crate) struct BlocAxe {
    pub titre: String,
    pub leviers: Vec<BlocLevier>,
}

#[derive(Template)]
#[template(path = "evaluation/axes.html")]
struct AxesPage {
    chrome: Chrome,
    annee: i32,
    annees: Vec<i32>,
    axes: Vec<BlocAxe>,
}

/// The years a reader may pick: those with records, and the one shown.
async fn annees(state: &AppState, annee: i32) -> AppResult<Vec<i32>> {
    let mut annees = state.store.evaluation().annees().await?;
    if !annees.contains(&annee) {
        annees.push(annee);
    }
    annees.sort_unstable_by(|a, b| b.cmp(a));
    Ok(annees)
}

pub(crate) fn titre_levier(tr: &Tr, levier: Levier) -> String {
    format!(
        "{} — {}",
        tr.ts("lever-label-texte", "number", levier.as_str()),
        tr.t(&format!("lever-{}-title", levier.as_str()))
    )
}

pub(crate) fn titre_axe(tr: &Tr, axe: Axe) -> String {
    tr.t(&format!("axe-{}-title", axe.as_str()))
}

/// Every indicator of every lever, for the year, as `lecture` may see them.
pub(crate) async fn blocs(
    state: &AppState,
    tr: &Tr,
    annee: i32,
    lecture: Lecture,
) -> AppResult<Vec<BlocAxe>> {
    let indicateurs = crate::evaluation::actifs(&state.store).await?;
    let demandes = demandes(&state.store, &indicateurs, annee, |_| None).await?;
    let fiches = fiches(
        &state.store,
        &secteur(state)?,
        tr,
        &demandes,
        annee,
        lecture,
    )
    .await?;
    let mut axes = Vec::new();
    for axe in Axe::all() {
        let mut leviers = Vec::new();
        for levier in Levier::all().filter(|l| l.axe() == axe) {
            let lignes = indicateurs
                .iter()
                .zip(&fiches)
                .filter(|(i, _)| i.levier == levier)
                .map(|(i, f)| Ligne::of(tr, i, f, lecture))
                .collect();
            leviers.push(BlocLevier {
                numero: levier.as_str().to_owned(),
                titre: titre_levier(tr, levier),
                lignes,
            });
        }
        axes.push(BlocAxe {
            titre: titre_axe(tr, axe),
            leviers,
        });
    }
    Ok(axes)
}

pub(crate) async fn axes(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<Periode>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let annee = annee_demandee(&state, q.annee.as_deref())?;
    let page = AxesPage {
        annees: annees(&state, annee).await?,
        axes: blocs(&state, &tr, annee, Lecture::Interne).await?,
        annee,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// One indicator drawn: its figures, its chart and the chart's table.
pub(crate) struct Graphique {
    pub ligne: Ligne,
    /// The trend's SVG, drawn on the server.
    pub courbe: String,
    /// Year, value (the chart's data).
    pub points: Vec<(i32, String)>,
}

/// The campus team's chart of indicator `i`'s figures `f`.
fn graphique(tr: &Tr, i: &Indicateur, f: &FicheIndicateur) -> Graphique {
    let agregat = i.fiche.formule.agregat;
    Graphique {
        courbe: graphique::courbe(&f.serie, f.cible, &f.nom, &f.unite),
        points: f
            .serie
            .iter()
            .map(|p| {
                let v = afficher(p.valeur, &f.unite, agregat, Lecture::Interne);
                (p.annee, v)
            })
            .collect(),
        ligne: Ligne::of(tr, i, f, Lecture::Interne),
    }
}

#[derive(Template)]
#[template(path = "evaluation/levier.html")]
struct LevierPage {
    chrome: Chrome,
    annee: i32,
    annees: Vec<i32>,
    titre: String,
    axe: String,
    commentaire: Option<String>,
    graphiques: Vec<Graphique>,
}

pub(crate) async fn levier(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(numero): Path<String>,
    Query(q): Query<Periode>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let levier = Levier::parse(&numero).map_err(|_| AppError::NotFound)?;
    let annee = annee_demandee(&state, q.annee.as_deref())?;
    let indicateurs: Vec<Indicateur> = crate::evaluation::actifs(&state.store)
        .await?
        .into_iter()
        .filter(|i| i.levier == levier)
        .collect();
    let demandes = demandes(&state.store, &indicateurs, annee, |_| None).await?;
    let graphiques = fiches(
        &state.store,
        &secteur(&state)?,
        &tr,
        &demandes,
        annee,
        Lecture::Interne,
    )
    .await?
    .iter()
    .zip(&indicateurs)
    .map(|(f, i)| graphique(&tr, i, f))
    .collect();
    let page = LevierPage {
        annees: annees(&state, annee).await?,
        titre: titre_levier(&tr, levier),
        axe: titre_axe(&tr, levier.axe()),
        commentaire: crate::evaluation::commentaire(&state.store, annee, levier).await?,
        graphiques,
        annee,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "evaluation/indicateur.html")]
struct IndicateurPage {
    chrome: Chrome,
    annee: i32,
    annees: Vec<i32>,
    levier: String,
    levier_numero: String,
    fiche: FicheIndicateur,
    denominateur: Option<String>,
    graphique: Graphique,
    /// Offered breakdowns: value, label, selected.
    ventilations: Vec<(String, String, bool)>,
    par: String,
    barres: Option<String>,
    /// Where the records behind the figure are listed.
    enregistrements: Option<&'static str>,
}

/// The page that lists the records a record kind counts, for those who
/// may see them (the campus team reads these dashboards).
fn enregistrements(genre: &str) -> Option<&'static str> {
    Some(match genre {
        "evenements" | "evenement_inscriptions" | "evenement_avis" => "/evenements",
        "offres" | "candidatures" => "/admin/insertion",
        "projets" => "/admin/projets",
        "modules" => "/admin/modules",
        "parcours" => "/admin/parcours/formations",
        "equipement_reservations" | "habilitations" => "/admin/equipements",
        "organisations" => "/organisations",
        "experts" | "demandes_expertise" => "/admin/expertise",
        "mobilites" | "apprenants" => "/admin/mobilite",
        "inserjeunes" => "/admin/evaluation/devenirs",
        "formations" => "/recherche",
        _ => return None,
    })
}

pub(crate) async fn indicateur(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
    Query(q): Query<Periode>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let IndicateurDemande {
        indicateur: i,
        annee,
        par,
        fiche: f,
    } = indicateur_demande(&state, &tr, &code, &q, Lecture::Interne).await?;
    let barres = f
        .ventilation
        .as_ref()
        .map(|v| graphique::barres(v, &f.nom, &f.unite));
    let page = IndicateurPage {
        annees: annees(&state, annee).await?,
        levier: titre_levier(&tr, i.levier),
        levier_numero: i.levier.as_str().to_owned(),
        denominateur: i.fiche.denominateur.clone(),
        graphique: graphique(&tr, &i, &f),
        ventilations: ventilations(&tr, &i, par),
        par: par.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        barres,
        enregistrements: enregistrements(&i.fiche.formule.selection.genre),
        fiche: f,
        annee,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

fn ventilations(tr: &Tr, i: &Indicateur, par: Option<Ventilation>) -> Vec<(String, String, bool)> {
    i.fiche
        .ventilations
        .iter()
        .filter(|v| **v != Ventilation::Annee)
        .map(|v| (v.as_str().to_owned(), tr.t(v.label_key()), Some(*v) == par))
        .collect()
}

/// The indicator's figures as CSV: the series, then the breakdown of
/// the year when one is asked. Figures before suppression: the campus
/// team's file.
pub(crate) async fn csv(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
    Query(q): Query<Periode>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let IndicateurDemande {
        annee, fiche: f, ..
    } = indicateur_demande(&state, &tr, &code, &q, Lecture::Interne).await?;
    let mut export = CsvExport::new(
        [
            "csv-evaluation-indicateur",
            "csv-evaluation-annee",
            "csv-evaluation-ventilation",
            "csv-evaluation-libelle",
            "csv-evaluation-valeur",
            "csv-evaluation-unite",
            "csv-evaluation-cible",
        ]
        .map(|k| tr.t(k)),
    )?;
    let nombre = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for p in &f.serie {
        export.row([
            f.code.clone(),
            p.annee.to_string(),
            String::new(),
            tr.t("evaluation-total"),
            nombre(p.valeur),
            f.unite.clone(),
            if p.annee == annee {
                nombre(f.cible)
            } else {
                String::new()
            },
        ])?;
    }
    if let Some(v) = &f.ventilation {
        for l in &v.lignes {
            export.row([
                f.code.clone(),
                annee.to_string(),
                v.par.clone(),
                l.libelle.clone(),
                nombre(l.valeur),
                f.unite.clone(),
                String::new(),
            ])?;
        }
    }
    let filename = format!("indicateur-{}-{annee}.csv", f.code);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}
