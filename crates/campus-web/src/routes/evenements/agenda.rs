//! The public agenda and the event pages, with the registration forms.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::evenement::{Audience, EvenementKind};
use campus_domain::{CodeRome, Departement, Role};
use campus_store::evenements::{Evenement, EvenementFilter};
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::can_organise;
use super::pages::{AgendaPage, ClassValues, EvenementPage, PersonValues};
use super::view::EvenementView;
use crate::auth::{Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{FormErrors, url_encode};
use crate::i18n::Tr;
use crate::routes::options;
use crate::state::AppState;
use crate::templates::{Options, render};

pub(crate) const PER_PAGE: u64 = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AgendaQuery {
    pub public: String,
    pub departement: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub metier: String,
    pub page: String,
}

impl AgendaQuery {
    /// The agenda's filter: events not yet started at `now`; unknown
    /// values are ignored, as they come from shared links.
    pub(crate) fn filter(&self, now: DateTime<Utc>) -> EvenementFilter {
        EvenementFilter {
            audience: Audience::parse(&self.public).ok(),
            departement: Departement::parse(&self.departement).ok(),
            kind: EvenementKind::parse(&self.kind).ok(),
            rome: CodeRome::parse(&self.metier).ok(),
            organisation_id: None,
            after: Some(now),
            page: self.page.parse::<u64>().unwrap_or(1).clamp(1, 10_000) - 1,
            per_page: PER_PAGE,
        }
    }

    fn href(&self, page: u64) -> String {
        format!(
            "/evenements?public={}&departement={}&type={}&metier={}&page={}",
            url_encode(&self.public),
            url_encode(&self.departement),
            url_encode(&self.kind),
            url_encode(&self.metier),
            page + 1
        )
    }
}

pub(crate) fn audiences(tr: &Tr, with_all: bool) -> Options {
    let mut options = if with_all {
        vec![(String::new(), tr.t("filter-all"))]
    } else {
        vec![(String::new(), tr.t("inscription-field-public-choose"))]
    };
    options.extend(Audience::all().map(|a| (a.as_str().to_owned(), tr.t(a.label_key()))));
    options
}

pub(crate) fn kinds(tr: &Tr, with_all: bool) -> Options {
    let mut options = if with_all {
        vec![(String::new(), tr.t("filter-all"))]
    } else {
        vec![]
    };
    options.extend(EvenementKind::all().map(|k| (k.as_str().to_owned(), tr.t(k.label_key()))));
    options
}

pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    Query(q): Query<AgendaQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let filter = q.filter(state.clock.now());
    let (events, total) = state.store.evenements().list_evenements(&filter).await?;
    let now = state.clock.now();
    let can_create = match &identity {
        Some(me) => {
            me.user.role.is_campus_staff()
                || !state.store.memberships_of(me.user.id).await?.is_empty()
        }
        None => false,
    };
    let page = AgendaPage {
        errors: FormErrors::default(),
        events: events
            .iter()
            .map(|e| EvenementView::new(&tr, e, now))
            .collect(),
        total,
        public: filter
            .audience
            .map(|a| a.as_str().to_owned())
            .unwrap_or_default(),
        publics: audiences(&tr, true),
        departement: filter
            .departement
            .as_ref()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_default(),
        departements: options::departements(&tr),
        kind: filter
            .kind
            .map(|k| k.as_str().to_owned())
            .unwrap_or_default(),
        kinds: kinds(&tr, true),
        metier: filter
            .rome
            .as_ref()
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
        page: filter.page,
        has_prev: filter.page > 0,
        has_next: (filter.page + 1) * PER_PAGE < total,
        prev_href: q.href(filter.page.saturating_sub(1)),
        next_href: q.href(filter.page + 1),
        can_create,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// Whether the user may register a whole class: teachers, and the campus
/// team on their behalf.
pub(crate) fn can_register_class(identity: Option<&Identity>) -> bool {
    identity.is_some_and(|me| me.user.role == Role::Formateur || me.user.role.is_campus_staff())
}

/// The registration forms as sent, shown again with their errors.
pub(crate) struct SentForms {
    pub errors: FormErrors,
    pub person: PersonValues,
    pub class: ClassValues,
    /// `personne` or `classe`: the form the errors belong to.
    pub failed_form: &'static str,
}

/// The event page, with its forms as given (empty, or shown again with
/// their errors).
pub(crate) async fn evenement_page(
    state: &AppState,
    chrome: Chrome,
    identity: Option<&Identity>,
    event: &Evenement,
    sent: SentForms,
) -> AppResult<EvenementPage> {
    let SentForms {
        errors,
        person,
        class,
        failed_form,
    } = sent;
    let (person_errors, class_errors, ressources_errors) = match failed_form {
        "classe" => (FormErrors::default(), errors.clone(), FormErrors::default()),
        "ressources" => (FormErrors::default(), FormErrors::default(), errors.clone()),
        _ => (errors.clone(), FormErrors::default(), FormErrors::default()),
    };
    let tr = chrome.tr();
    let can_manage = can_organise(state, identity, event.organiser.id).await?;
    let (ressources, ressources_choisies) =
        crate::routes::ressources::ressources_de_evenement(state, identity, event.id).await?;
    let attestation = match event.safety.min_age {
        Some(age) => tr.tn("inscription-attestation-age", "age", age.max(0) as u64),
        None => tr.t("inscription-attestation"),
    };
    let class_publics = {
        let mut options = vec![(String::new(), tr.t("inscription-field-public-choose"))];
        options.extend(
            [
                Audience::Collegiens,
                Audience::Lyceens,
                Audience::Etudiants,
                Audience::Apprentis,
            ]
            .into_iter()
            .map(|a| (a.as_str().to_owned(), tr.t(a.label_key()))),
        );
        options
    };
    Ok(EvenementPage {
        event: EvenementView::new(&tr, event, state.clock.now()),
        errors,
        person,
        class,
        publics: audiences(&tr, false),
        class_publics,
        can_register_class: can_register_class(identity),
        can_manage,
        attestation,
        person_errors,
        class_errors,
        actualites: crate::routes::actualites::liees(
            state,
            campus_store::actualites::FiltreActualites {
                evenement: Some(event.id),
                ..Default::default()
            },
        )
        .await?,
        ressources,
        ressources_choisies,
        ressources_errors,
        chrome,
    })
}

/// The person form, filled in from the account when signed in.
pub(crate) fn person_defaults(identity: Option<&Identity>) -> PersonValues {
    match identity {
        Some(me) => PersonValues {
            nom: me.user.display_name.clone(),
            email: me.user.email.as_str().to_owned(),
            ..Default::default()
        },
        None => PersonValues::default(),
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let event = state.store.evenements().evenement_by_slug(&slug).await?;
    let sent = SentForms {
        errors: FormErrors::default(),
        person: person_defaults(identity.as_ref()),
        class: ClassValues::default(),
        failed_form: "",
    };
    let page = evenement_page(&state, chrome, identity.as_ref(), &event, sent).await?;
    Ok(render(&page)?.into_response())
}
