//! The campus team's dashboard of projects: running projects by kind and
//! stage, time spent in each stage, projects per organisation and per
//! département, pupils reached by research initiation; and the list of
//! projects as CSV.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_formats::csv_export::{self, CsvExport};
use campus_store::projets::FiltreProjets;

use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::routes::insertion::jobs::legal_date;
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "projets/tableau.html")]
pub(crate) struct TableauPage {
    pub chrome: Chrome,
    /// `(kind, stage, count)` labels' keys.
    pub par_etape: Vec<(&'static str, &'static str, u64)>,
    pub par_statut: Vec<(&'static str, &'static str, u64)>,
    /// `(kind, stage, mean days, stages counted)`.
    pub durees: Vec<(&'static str, &'static str, String, u64)>,
    pub par_organisation: Vec<(String, u64)>,
    pub par_departement: Vec<(String, u64)>,
    pub eleves_initiation: u64,
}

pub(crate) async fn tableau(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let t = state.store.projets().tableau().await?;
    let page = TableauPage {
        par_etape: t
            .par_etape
            .iter()
            .map(|(ty, e, n)| (ty.label_key(), e.label_key(), *n))
            .collect(),
        par_statut: t
            .par_statut
            .iter()
            .map(|(ty, s, n)| (ty.label_key(), s.label_key(), *n))
            .collect(),
        durees: t
            .durees
            .iter()
            .map(|(ty, e, days, n)| {
                (
                    ty.label_key(),
                    e.label_key(),
                    format!("{days:.1}").replace('.', ","),
                    *n,
                )
            })
            .collect(),
        par_organisation: t.par_organisation,
        par_departement: t.par_departement,
        eleves_initiation: t.eleves_initiation,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Every project, one line each, with its dates: the input of the
/// evaluation.
pub(crate) async fn csv(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let store = state.store.projets();
    let mut export = CsvExport::new(
        [
            "csv-projet-titre",
            "csv-projet-type",
            "csv-projet-etape",
            "csv-projet-etat-etape",
            "csv-projet-statut",
            "csv-projet-debut",
            "csv-projet-fin",
            "csv-projet-etape-depuis",
            "csv-projet-organisations",
            "csv-projet-departements",
            "csv-projet-membres",
            "csv-projet-eleves",
            "csv-projet-public",
        ]
        .map(|k| tr.t(k)),
    )?;
    for resume in store.liste(&FiltreProjets::default()).await? {
        let p = store.projet(resume.id).await?;
        let mut departements: Vec<String> = p
            .organisations
            .iter()
            .filter_map(|o| o.departement.clone())
            .collect();
        departements.sort();
        departements.dedup();
        let eleves = p
            .membres
            .iter()
            .filter(|m| m.role == campus_domain::projet::RoleMembre::Eleve)
            .count();
        export.row([
            p.titre.clone(),
            tr.t(p.type_projet.label_key()),
            tr.t(p.etape.label_key()),
            tr.t(p.etat_etape.label_key()),
            tr.t(p.statut.label_key()),
            p.debut.to_string(),
            p.fin.to_string(),
            legal_date(p.etape_depuis).to_string(),
            p.organisations
                .iter()
                .map(|o| o.nom.as_str())
                .collect::<Vec<_>>()
                .join(" ; "),
            departements.join(" ; "),
            p.membres.len().to_string(),
            eleves.to_string(),
            tr.t(if p.public {
                "projet-public-oui"
            } else {
                "projet-public-non"
            }),
        ])?;
    }
    Ok((
        [
            (header::CONTENT_TYPE, csv_export::CONTENT_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"projets.csv\"".to_owned(),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}
