//! The campus team's view of insertion: per company of the network, its
//! open offers, the applications it received, the share it answered and
//! how fast — the figure the plan's lever 2 is judged by.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use campus_store::insertion::FiltreOffres;

use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::state::AppState;
use crate::templates::render;

/// One company's line.
pub(crate) struct Ligne {
    pub nom: String,
    pub slug: String,
    pub ouvertes: usize,
    pub candidatures: u64,
    /// Percent answered, when it received any.
    pub taux: Option<u32>,
    pub mediane: Option<String>,
}

#[derive(Template)]
#[template(path = "insertion/tableau.html")]
pub(crate) struct TableauPage {
    pub chrome: Chrome,
    pub lignes: Vec<Ligne>,
    /// The whole network's figures.
    pub reseau: Ligne,
}

pub(crate) async fn tableau(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let today = state.clock.today();
    let offers = state
        .store
        .insertion()
        .offres(&FiltreOffres::default())
        .await?;
    // Per organisation: (name, slug, open offers).
    let mut companies: BTreeMap<i32, (String, String, usize)> = BTreeMap::new();
    for o in &offers {
        let Some(org) = o.organisation_id else {
            continue;
        };
        let entry = companies.entry(org).or_insert_with(|| {
            (
                o.organisation_nom.clone().unwrap_or_default(),
                o.organisation_slug.clone().unwrap_or_default(),
                0,
            )
        });
        if o.is_open(today) {
            entry.2 += 1;
        }
    }
    let line =
        |nom: String, slug: String, ouvertes: usize, t: campus_store::insertion::Taux| Ligne {
            nom,
            slug,
            ouvertes,
            candidatures: t.candidatures,
            taux: t.taux().map(|r| (r * 100.0).round() as u32),
            mediane: t.mediane_heures.map(|h| tr.duree_heures(h)),
        };
    let mut lignes = Vec::with_capacity(companies.len());
    for (org, (nom, slug, ouvertes)) in companies {
        let t = state.store.insertion().taux_de_reponse(Some(org)).await?;
        lignes.push(line(nom, slug, ouvertes, t));
    }
    // The least answering first: those are the ones to call.
    lignes.sort_by_key(|l| l.taux.unwrap_or(101));
    let all = state.store.insertion().taux_de_reponse(None).await?;
    let ouvertes = offers.iter().filter(|o| o.is_open(today)).count();
    let reseau = line(tr.t("tableau-reseau"), String::new(), ouvertes, all);
    Ok(render(&TableauPage {
        lignes,
        reseau,
        chrome,
    })?
    .into_response())
}
