//! The search dictionary at `/admin/dictionnaire`: the reviewed groups of
//! acronyms and synonyms shipped with the platform, and the campus team's
//! own, which it adds and removes here. A change is saved with a new
//! catalogue generation: this node rebuilds its index and dictionary at
//! once, the others at their next check.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_search::{Dictionary, DictionaryError, Group};
use campus_store::StoreError;
use campus_store::search_synonyms::{SynonymGroup, SynonymGroupInput, expressions_of};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{DictionaryGroupView, DictionaryPage, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/admin/dictionnaire", Access::Staff, page),
        RouteDef::post("/admin/dictionnaire", Access::Staff, add),
        RouteDef::post("/admin/dictionnaire/{id}/supprimer", Access::Staff, remove),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Notice {
    ok: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct GroupForm {
    /// One expression per line.
    expressions: String,
    note: String,
    /// `oui` when the group names a diploma.
    diplome: String,
}

fn view(group: &Group) -> DictionaryGroupView {
    DictionaryGroupView {
        id: group.added,
        expressions: group.expressions.join(" = "),
        note: group.note.clone(),
        diplome: group.diplome,
    }
}

fn as_group(g: SynonymGroup) -> Group {
    Group {
        expressions: g.expressions,
        note: g.note,
        diplome: g.diplome,
        added: Some(g.id),
    }
}

async fn render_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    notice: Option<String>,
    form: GroupForm,
) -> AppResult<DictionaryPage> {
    let added: Vec<Group> = state
        .store
        .synonym_groups()
        .await?
        .into_iter()
        .map(as_group)
        .collect();
    Ok(DictionaryPage {
        errors,
        notice,
        shipped: Dictionary::shipped().groups().iter().map(view).collect(),
        added: added.iter().map(view).collect(),
        expressions: form.expressions,
        note: form.note,
        diplome: form.diplome == "oui",
        chrome,
    })
}

async fn page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<Notice>,
) -> AppResult<Response> {
    let notice = match q.ok.as_str() {
        "ajout" => Some(chrome.t("dictionary-notice-added")),
        "retrait" => Some(chrome.t("dictionary-notice-removed")),
        _ => None,
    };
    let p = render_page(
        &state,
        chrome,
        FormErrors::default(),
        notice,
        GroupForm::default(),
    )
    .await?;
    Ok(render(&p)?.into_response())
}

/// The message of a refused group, for the expressions field.
fn message(tr: &Tr, error: &DictionaryError) -> String {
    match error {
        DictionaryError::TooFew(_) | DictionaryError::Syntax(_) => tr.t("dictionary-error-too-few"),
        DictionaryError::TooMany(_) => tr.tn(
            "dictionary-error-too-many",
            "count",
            campus_search::MAX_EXPRESSIONS as u64,
        ),
        DictionaryError::NoWord { expression, .. } => {
            tr.ts("dictionary-error-no-word", "expression", expression)
        }
        DictionaryError::TooLong { expression, .. } => tr.tv(
            "dictionary-error-too-long",
            &[
                ("expression", expression),
                ("max", &campus_search::MAX_EXPRESSION_CHARS.to_string()),
            ],
        ),
        DictionaryError::Repeated { expression, .. } => {
            tr.ts("dictionary-error-repeated", "expression", expression)
        }
    }
}

async fn add(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    chrome: Chrome,
    Form(form): Form<GroupForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let mut errors = FormErrors::default();
    let group = Group {
        expressions: expressions_of(&form.expressions),
        note: form.note.trim().to_owned(),
        diplome: form.diplome == "oui",
        added: None,
    };
    if let Err(e) = group.check(1) {
        errors.add("expressions", message(&tr, &e));
    }
    if form.note.trim().chars().count() > NOTE_MAX_CHARS {
        errors.add(
            "note",
            tr.tn("dictionary-error-note", "count", NOTE_MAX_CHARS as u64),
        );
    }
    if errors.is_empty() {
        // An expression already in a group would make the two compete.
        let current = Dictionary::shipped().with(
            state
                .store
                .synonym_groups()
                .await?
                .into_iter()
                .map(as_group),
        );
        if let Some((expression, holder)) = group
            .expressions
            .iter()
            .find_map(|e| current.holding(e).map(|g| (e, g)))
        {
            errors.add(
                "expressions",
                tr.tv(
                    "dictionary-error-taken",
                    &[
                        ("expression", expression),
                        ("groupe", &holder.expressions.join(" = ")),
                    ],
                ),
            );
        }
    }
    if !errors.is_empty() {
        let p = render_page(&state, chrome, errors, None, form).await?;
        return Ok(invalid(render(&p)?));
    }
    state
        .store
        .add_synonym_group(
            SynonymGroupInput {
                expressions: group.expressions,
                note: group.note,
                diplome: group.diplome,
            },
            Some(me.user.id),
        )
        .await?;
    refresh(&state);
    Ok(see_other("/admin/dictionnaire?ok=ajout"))
}

async fn remove(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    match state.store.remove_synonym_group(id, Some(me.user.id)).await {
        Ok(()) => {
            refresh(&state);
            Ok(see_other("/admin/dictionnaire?ok=retrait"))
        }
        Err(StoreError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Longest note of a group.
const NOTE_MAX_CHARS: usize = 300;

/// Rebuilds this node's index and dictionary in the background: the
/// change is saved, searches keep the previous tables until the new ones
/// are ready, and a failure is caught by the periodic check.
fn refresh(state: &AppState) {
    let search = state.search.clone();
    let store = state.store.clone();
    tokio::spawn(async move {
        if let Err(e) = search.catch_up(&store).await {
            tracing::warn!(erreur = %e, "dictionnaire : index non reconstruit");
        }
    });
}
