//! The public pages: home (what people come for, then the campus and its
//! action plan: 4 axes, 8 levers), the accessibility statement, personal
//! data, legal notice, language choice.

use axum::extract::State;
use axum::response::{Html, Response};
use campus_store::evenements::EvenementFilter;
use serde::Deserialize;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::cookies::{self, Lifetime};
use crate::error::AppResult;
use crate::forms::Form;
use crate::i18n::{LANG_COOKIE, Lang};
use crate::routes::evenements::EvenementView;
use crate::routes::{safe_next, see_other};
use crate::state::AppState;
use crate::templates::{Axe, HomeMetier, HomePage, InfoPage, Lever, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/", Access::Public, home),
        RouteDef::get("/accessibilite", Access::Public, accessibility),
        RouteDef::get("/mentions-legales", Access::Public, legal),
        RouteDef::post("/langue", Access::Public, set_language),
    ]
}

fn lever(number: u64) -> Lever {
    const KEYS: [(&str, &str, &str); 8] = [
        ("lever-1-title", "lever-1-text", "lever-1-module"),
        ("lever-2-title", "lever-2-text", "lever-2-module"),
        ("lever-3-title", "lever-3-text", "lever-3-module"),
        ("lever-4-title", "lever-4-text", "lever-4-module"),
        ("lever-5-title", "lever-5-text", "lever-5-module"),
        ("lever-6-title", "lever-6-text", "lever-6-module"),
        ("lever-7-title", "lever-7-text", "lever-7-module"),
        ("lever-8-title", "lever-8-text", "lever-8-module"),
    ];
    let (title_key, text_key, module_key) = KEYS[(number as usize - 1) % KEYS.len()];
    Lever {
        number,
        title_key,
        text_key,
        module_key,
    }
}

/// The action plan's structure: 4 axes and the levers of each.
fn axes() -> Vec<Axe> {
    vec![
        Axe {
            title_key: "axe-1-title",
            levers: vec![lever(1), lever(2)],
        },
        Axe {
            title_key: "axe-2-title",
            levers: vec![lever(3)],
        },
        Axe {
            title_key: "axe-3-title",
            levers: vec![lever(4), lever(5)],
        },
        Axe {
            title_key: "axe-4-title",
            levers: vec![lever(6), lever(7), lever(8)],
        },
    ]
}

/// How many of the next events the home page shows.
const HOME_EVENTS: u64 = 3;
/// How many of the latest news the home page shows.
const HOME_ACTUALITES: u64 = 3;

/// The home page leads first to what people come for — a trade or a
/// training near them, their training path, the coming events and site
/// visits, the technology platform — with the next events and the
/// campus's trades read from the catalogue; the action plan follows.
async fn home(State(state): State<AppState>, chrome: Chrome) -> AppResult<Html<String>> {
    let now = state.clock.now();
    let (events, _) = state
        .store
        .evenements()
        .list_evenements(&EvenementFilter {
            after: Some(now),
            per_page: HOME_EVENTS,
            ..EvenementFilter::default()
        })
        .await?;
    let tr = chrome.tr();
    let events = events
        .iter()
        .map(|e| EvenementView::new(&tr, e, now))
        .collect();
    let metiers = state
        .store
        .fiches_with_certification_counts(&state.config.sector.romes)
        .await?
        .into_iter()
        .map(|(fiche, _)| HomeMetier {
            code: fiche.code_rome,
            libelle: fiche.libelle,
        })
        .collect();
    let actualites = state
        .store
        .actualites()
        .liste(&campus_store::actualites::FiltreActualites {
            publiees: true,
            per_page: HOME_ACTUALITES,
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .map(|a| (a.slug, a.titre, a.resume))
        .collect();
    render(&HomePage {
        chrome,
        events,
        actualites,
        metiers,
        axes: axes(),
    })
}

async fn accessibility(chrome: Chrome) -> AppResult<Html<String>> {
    render(&InfoPage {
        chrome,
        title_key: "a11y-title",
        paragraph_keys: &["a11y-p1", "a11y-p2", "a11y-p3", "a11y-p4"],
    })
}

async fn legal(chrome: Chrome) -> AppResult<Html<String>> {
    render(&InfoPage {
        chrome,
        title_key: "legal-title",
        paragraph_keys: &["legal-p1", "legal-p2"],
    })
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    suite: String,
}

async fn set_language(
    axum::extract::State(state): axum::extract::State<AppState>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let lang = Lang::parse(&form.lang).unwrap_or_default();
    let mut response = see_other(safe_next(&form.suite));
    if let Some(cookie) = cookies::set(
        LANG_COOKIE,
        lang.code(),
        Lifetime::Seconds(365 * 24 * 3600),
        state.config.is_https(),
    ) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, cookie);
    }
    response
}
