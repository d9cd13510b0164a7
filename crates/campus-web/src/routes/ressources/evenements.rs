//! The resources an event uses: a kit is what a teacher takes to a
//! discovery workshop. The organiser picks them by title (suggested from
//! the library as they type; `Titre (id)` as the suggestion writes it, or
//! the title alone), and the event's page lists them.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::fold_accents;
use campus_domain::ressource::EtatRessource;
use campus_store::ressources::{FiltreRessources, Ressource};
use serde::Deserialize;

use super::{Carte, lecteur};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::routes::evenements::{SentForms, evenement_page, organised, person_defaults};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// Most resources one event uses.
const MAX_RESSOURCES: usize = 20;

/// The resources event `evenement_id` uses that `me` may see, as cards,
/// and as lines for the organiser's form.
pub(crate) async fn ressources_de_evenement(
    state: &AppState,
    me: Option<&Identity>,
    evenement_id: i32,
) -> AppResult<(Vec<Carte>, String)> {
    let lecteur = lecteur(state, me).await?;
    let list = state
        .store
        .ressources()
        .de_evenement(evenement_id, &lecteur)
        .await?;
    let lines = list
        .iter()
        .map(|r| format!("{} ({})", r.titre, r.id))
        .collect::<Vec<_>>()
        .join("\n");
    Ok((list.iter().map(Carte::of).collect(), lines))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ChoixForm {
    ressources: String,
}

/// The resource a line names among `choix`: `Titre (id)`, an id, or a
/// title (accents and case aside).
fn resoudre<'a>(line: &str, choix: &'a [Ressource]) -> Option<&'a Ressource> {
    let line = line.trim();
    let by_id = line
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .map(|(_, id)| id)
        .unwrap_or(line);
    if let Ok(id) = by_id.trim().parse::<i32>() {
        return choix.iter().find(|r| r.id == id);
    }
    let wanted = fold_accents(line);
    choix.iter().find(|r| fold_accents(&r.titre) == wanted)
}

/// The organiser sets the resources the event uses: approved ones the
/// organiser may see.
pub(crate) async fn choose(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    Form(form): Form<ChoixForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let event = organised(&state, &me, &slug).await?;
    let lecteur = lecteur(&state, Some(&me)).await?;
    let choix = state
        .store
        .ressources()
        .liste(
            &FiltreRessources {
                etat: Some(EtatRessource::Approuvee),
                ..Default::default()
            },
            &lecteur,
        )
        .await?;
    let mut errors = FormErrors::default();
    let mut ids = Vec::new();
    let lines: Vec<&str> = form
        .ressources
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() > MAX_RESSOURCES {
        errors.add("ressources", tr.t("ressource-trop-de-liens"));
    }
    for line in lines.iter().take(MAX_RESSOURCES) {
        match resoudre(line, &choix) {
            Some(r) => ids.push(r.id),
            None => errors.add(
                "ressources",
                tr.ts("evenement-ressource-inconnue", "texte", line),
            ),
        }
    }
    if !errors.is_empty() {
        let sent = SentForms {
            errors,
            person: person_defaults(Some(&me)),
            class: Default::default(),
            failed_form: "ressources",
        };
        let page = evenement_page(&state, chrome, Some(&me), &event, sent).await?;
        return Ok(invalid(render(&page)?));
    }
    state
        .store
        .ressources()
        .choisir_pour_evenement(event.id, &ids)
        .await?;
    Ok(see_other(&format!("/evenements/{slug}#ressources")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn resoudre_never_panics(s in "\\PC{0,40}") {
            let _ = resoudre(&s, &[]);
        }
    }
}
