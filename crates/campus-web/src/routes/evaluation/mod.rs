//! The evaluation of the campus's action plan (lever 8): the campus
//! team's dashboards per axis, lever and indicator, the frozen annual
//! reports and their files, the public page « Le campus en chiffres » and
//! the indicators' API. The figures come from [`crate::evaluation`]; this
//! module only reads the requests and renders.
//!
//! Access: the dashboards, the CSV of an indicator and the reports are
//! the campus team's (they show figures before suppression, and link to
//! the records behind them); the public page and the API publish figures
//! with the suppression of small counts.

pub(crate) mod api;
mod chiffres;
mod rapports;
mod tableau;

use campus_domain::evaluation::indicateur::Indicateur;
use campus_domain::evaluation::rapport::FicheIndicateur;
use campus_domain::evaluation::registre::Ventilation;
use serde::Deserialize;

use crate::authz::{Access, RouteDef};
use crate::error::{AppError, AppResult};
use crate::evaluation::{Lecture, demandes, fiches};
use crate::i18n::Tr;
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/evaluation", Access::Staff, tableau::axes),
        RouteDef::get(
            "/admin/evaluation/leviers/{levier}",
            Access::Staff,
            tableau::levier,
        ),
        RouteDef::get(
            "/admin/evaluation/indicateurs/{code}",
            Access::Staff,
            tableau::indicateur,
        ),
        RouteDef::get(
            "/admin/evaluation/indicateurs/{code}/donnees.csv",
            Access::Staff,
            tableau::csv,
        ),
        RouteDef::get("/admin/evaluation/rapports", Access::Staff, rapports::list),
        RouteDef::post(
            "/admin/evaluation/rapports",
            Access::Staff,
            rapports::produire,
        ),
        RouteDef::get(
            "/admin/evaluation/rapports/{id}",
            Access::Staff,
            rapports::show,
        ),
        RouteDef::get(
            "/admin/evaluation/rapports/{id}/rapport.pdf",
            Access::Staff,
            rapports::pdf,
        ),
        RouteDef::get(
            "/admin/evaluation/rapports/{id}/classeur.xlsx",
            Access::Staff,
            rapports::xlsx,
        ),
        RouteDef::get(
            "/admin/evaluation/rapports/{id}/instantane.json",
            Access::Staff,
            rapports::json,
        ),
        RouteDef::get("/chiffres", Access::Public, chiffres::page),
        RouteDef::get("/api/v1/indicateurs", Access::Public, api::list),
        RouteDef::get("/api/v1/indicateurs/{code}", Access::Public, api::get),
    ]
}

/// The year a page shows: the one asked (`?annee=`), else the current
/// one. A year that is not one is a bad request, not a guess.
fn annee_demandee(state: &AppState, annee: Option<&str>) -> AppResult<i32> {
    use chrono::Datelike;
    match annee.map(str::trim).filter(|a| !a.is_empty()) {
        None => Ok(state.clock.today().year()),
        Some(a) => a
            .parse::<i32>()
            .ok()
            .filter(|a| (2000..=2100).contains(a))
            .ok_or_else(|| AppError::BadRequest {
                key: "evaluation-annee-invalide",
                detail: Some(format!("« {a} » n'est pas une année (2000 à 2100)")),
            }),
    }
}

/// The breakdown asked (`?par=`), which the indicator must offer.
fn ventilation_demandee(i: &Indicateur, par: Option<&str>) -> AppResult<Option<Ventilation>> {
    let Some(par) = par.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    match Ventilation::parse(par) {
        Ok(v) if i.fiche.ventilations.contains(&v) => Ok(Some(v)),
        _ => Err(AppError::BadRequest {
            key: "evaluation-ventilation-invalide",
            detail: Some(format!(
                "l'indicateur {} ne se ventile pas par « {par} » (possibles : {})",
                i.code,
                i.fiche
                    .ventilations
                    .iter()
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }),
    }
}

/// The campus's sector, which tells the sector's own trainings; the
/// configuration was checked at start.
fn secteur(state: &AppState) -> AppResult<campus_domain::Sector> {
    state
        .config
        .sector
        .sector()
        .map_err(|e| AppError::internal("secteur du campus", e))
}

/// The indicator `code` in force, or 404.
async fn indicateur_or_404(state: &AppState, code: &str) -> AppResult<Indicateur> {
    crate::evaluation::actifs(&state.store)
        .await?
        .into_iter()
        .find(|i| i.code.as_str() == code)
        .ok_or(AppError::NotFound)
}

/// What a reader asks of one indicator: `?annee=` and `?par=`, as typed.
#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct Periode {
    /// The year (the current one by default).
    annee: Option<String>,
    /// A breakdown the indicator offers (`departement`, `public`…).
    par: Option<String>,
}

/// One indicator as a request asks it: found in force (else 404), its
/// year and breakdown read (else 400), its target and figures computed
/// for `lecture`.
struct IndicateurDemande {
    indicateur: Indicateur,
    annee: i32,
    par: Option<Ventilation>,
    fiche: FicheIndicateur,
}

async fn indicateur_demande(
    state: &AppState,
    tr: &Tr,
    code: &str,
    q: &Periode,
    lecture: Lecture,
) -> AppResult<IndicateurDemande> {
    let indicateur = indicateur_or_404(state, code).await?;
    let annee = annee_demandee(state, q.annee.as_deref())?;
    let par = ventilation_demandee(&indicateur, q.par.as_deref())?;
    let demandes = demandes(
        &state.store,
        std::slice::from_ref(&indicateur),
        annee,
        |_| par,
    )
    .await?;
    let fiche = fiches(
        &state.store,
        &secteur(state)?,
        tr,
        &demandes,
        annee,
        lecture,
    )
    .await?
    .pop()
    .ok_or(AppError::NotFound)?;
    Ok(IndicateurDemande {
        indicateur,
        annee,
        par,
        fiche,
    })
}
