//! The campus team's figures on the experts' network: active experts,
//! requests and recipients by answer, the median answer time, per kind of
//! intervention; the list of requests as CSV.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_formats::csv_export::{self, CsvExport};

use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::routes::insertion::jobs::legal_date;
use crate::state::AppState;
use crate::templates::render;

#[derive(Template)]
#[template(path = "expertise/tableau.html")]
pub(crate) struct TableauPage {
    pub chrome: Chrome,
    pub t: campus_store::expertise::TableauExpertise,
    pub mediane: Option<String>,
    /// `(kind key, recipients, accepted)`.
    pub par_offre: Vec<(&'static str, u64, u64)>,
}

pub(crate) async fn tableau(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let t = state.store.expertise().tableau().await?;
    let page = TableauPage {
        mediane: t.mediane_heures.map(|h| tr.duree_heures(h)),
        par_offre: t
            .par_offre
            .iter()
            .map(|(o, n, a)| (o.label_key(), *n, *a))
            .collect(),
        t,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Every recipient of every request, with its dates: the input of the
/// evaluation.
pub(crate) async fn csv(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut export = CsvExport::new(
        [
            "csv-demande-date",
            "csv-demande-sujet",
            "csv-demande-offre",
            "csv-demande-public",
            "csv-demande-expert",
            "csv-demande-etat",
            "csv-demande-envoyee",
            "csv-demande-repondue",
        ]
        .map(|k| tr.t(k)),
    )?;
    for d in state.store.expertise().toutes_demandes().await? {
        for r in &d.destinataires {
            export.row([
                legal_date(d.created_at).to_string(),
                d.sujet.clone(),
                tr.t(d.offre.label_key()),
                tr.t(d.public.label_key()),
                r.nom.clone(),
                tr.t(r.etat.label_key()),
                legal_date(r.envoyee_le).to_string(),
                r.repondu_le
                    .map(|at| legal_date(at).to_string())
                    .unwrap_or_default(),
            ])?;
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, csv_export::CONTENT_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"demandes-expertise.csv\"".to_owned(),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}
