//! The pages: a company's requests and its request form, a trainer's
//! inbox, the campus team's queue, and the page of one request with its
//! trail and the forms of the steps its viewer may take.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::module::{EtatProposition, LieuModule, Transition};
use campus_domain::{Centimes, Role};
use campus_store::modules::{ModuleRequest, Proposal, RequestDetail, Sujet, SujetKind, Trainee};
use campus_store::users::UserFilter;
use serde::Deserialize;

use super::validate::{self, ProposalValues, RequestValues};
use super::{mails, party, request_id};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// A request in a list.
pub(crate) struct RequestRow {
    pub id: i32,
    pub intitule: String,
    pub organisation: String,
    pub etat_key: &'static str,
    pub periode: String,
    pub stagiaires: u32,
    /// For a trainer: the state of their proposal.
    pub proposition_key: Option<&'static str>,
}

fn periode(tr: &Tr, r: &ModuleRequest) -> String {
    tr.tv(
        "module-periode",
        &[
            ("debut", &r.date_debut.format("%d/%m/%Y").to_string()),
            ("fin", &r.date_fin.format("%d/%m/%Y").to_string()),
        ],
    )
}

fn row(tr: &Tr, r: &ModuleRequest, proposition: Option<EtatProposition>) -> RequestRow {
    RequestRow {
        id: r.id,
        intitule: r.intitule.clone(),
        organisation: r.organisation_nom.clone(),
        etat_key: r.etat.label_key(),
        periode: periode(tr, r),
        stagiaires: r.stagiaires,
        proposition_key: proposition.map(EtatProposition::label_key),
    }
}

#[derive(Template)]
#[template(path = "modules/demandes.html")]
pub(crate) struct ListPage {
    pub chrome: Chrome,
    pub title_key: &'static str,
    pub lead_key: &'static str,
    pub rows: Vec<RequestRow>,
    /// A company user may write a new request.
    pub can_create: bool,
    /// A trainer's list shows the state of their proposal.
    pub for_trainer: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct NoticeQuery {
    ok: String,
}

/// A company's requests: those of every organisation the user belongs to.
pub(crate) async fn mine(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let orgs: Vec<i32> = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| o.id)
        .collect();
    let rows = state
        .store
        .modules()
        .module_demandes_of_organisations(&orgs)
        .await?
        .iter()
        .map(|r| row(&tr, r, None))
        .collect();
    let page = ListPage {
        title_key: "module-mine-title",
        lead_key: "module-mine-lead",
        rows,
        can_create: true,
        for_trainer: false,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A trainer's inbox: the requests routed to them.
pub(crate) async fn inbox(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let rows = state
        .store
        .modules()
        .module_demandes_for_trainer(me.user.id)
        .await?
        .iter()
        .map(|(r, p)| row(&tr, r, *p))
        .collect();
    let page = ListPage {
        title_key: "module-inbox-title",
        lead_key: "module-inbox-lead",
        rows,
        can_create: false,
        for_trainer: true,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The campus team's queue.
pub(crate) async fn queue(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let rows = state
        .store
        .modules()
        .module_queue()
        .await?
        .iter()
        .map(|r| row(&tr, r, None))
        .collect();
    let page = ListPage {
        title_key: "module-queue-title",
        lead_key: "module-queue-lead",
        rows,
        can_create: false,
        for_trainer: false,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "modules/demandes_nouvelle.html")]
pub(crate) struct RequestFormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub v: RequestValues,
    pub organisations: Options,
    /// `(value, label key)` of the places.
    pub lieux: Vec<(&'static str, &'static str)>,
    /// The topic search: what was typed, and what was found (`None`
    /// before any search).
    pub sujet: String,
    pub trouves: Option<Vec<Sujet>>,
}

impl RequestFormPage {
    pub fn is_formacode(&self, s: &Sujet) -> bool {
        s.kind == SujetKind::Formacode
    }
}

/// The topic search of the request form, and the values a link may
/// pre-fill it with (a training path that leaves skills to a module).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct SujetQuery {
    sujet: String,
    intitule: String,
    besoin: String,
    competences: String,
    lieu_commune: String,
    date_debut: String,
}

/// A pre-filled value, bounded: it comes from the address bar.
fn prefill(value: &str, max: usize) -> String {
    value.trim().chars().take(max).collect()
}

/// Topics shown per kind for one search.
const SUJETS_MAX: u64 = 15;

const LIEUX: [LieuModule; 2] = [LieuModule::Delocalise, LieuModule::Campus];

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    errors: FormErrors,
    v: RequestValues,
) -> AppResult<RequestFormPage> {
    let organisations = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| (o.id.to_string(), o.nom))
        .collect();
    Ok(RequestFormPage {
        errors,
        v,
        organisations,
        lieux: LIEUX.iter().map(|l| (l.as_str(), l.label_key())).collect(),
        sujet: String::new(),
        trouves: None,
        chrome,
    })
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Query(q): Query<SujetQuery>,
) -> AppResult<Response> {
    let v = RequestValues {
        lieu: LieuModule::Delocalise.as_str().to_owned(),
        intitule: prefill(&q.intitule, 200),
        besoin: prefill(&q.besoin, 2000),
        competences: prefill(&q.competences, 400),
        lieu_commune: prefill(&q.lieu_commune, 100),
        date_debut: prefill(&q.date_debut, 10),
        ..Default::default()
    };
    let mut page = form_page(&state, chrome, &me, FormErrors::default(), v).await?;
    let sujet: String = q.sujet.trim().chars().take(100).collect();
    if sujet.chars().count() >= 2 {
        page.trouves = Some(
            state
                .store
                .modules()
                .search_sujets(&sujet, SUJETS_MAX)
                .await?,
        );
    }
    page.sujet = sujet;
    Ok(render(&page)?.into_response())
}

/// Records a request and tells the campus team.
pub(crate) async fn create_request(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    v: &RequestValues,
) -> AppResult<Result<i32, FormErrors>> {
    let orgs: Vec<i32> = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| o.id)
        .collect();
    let today = state.clock.today();
    let input = match validate::request(state, tr, v, &orgs, me.user.id, today).await? {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    let staff = mails::staff(state).await?;
    let organisation = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .find(|(o, _)| o.id == input.organisation_id)
        .map(|(o, _)| o.nom)
        .unwrap_or_default();
    let intitule = input.intitule.clone();
    // The e-mails carry the link to the request, known once it is written:
    // the data layer asks for them with its id, in the same transaction.
    let id = state
        .store
        .modules()
        .create_module_demande(input, |id| {
            let about = mails::About {
                id,
                intitule: &intitule,
                organisation: &organisation,
            };
            mails::compose(state, &staff, "demande", about, &me.user.display_name)
        })
        .await?;
    state.mail_queued.notify_one();
    Ok(Ok(id))
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(v): Form<RequestValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    match create_request(&state, &tr, &me, &v).await? {
        Ok(id) => Ok(see_other(&format!("/modules/demandes/{id}?ok=demande"))),
        Err(errors) => {
            let page = form_page(&state, chrome, &me, errors, v).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// A step of the trail as shown.
pub(crate) struct TimelineRow {
    pub quand: String,
    pub qui: Option<String>,
    pub action_key: String,
    pub etat_key: &'static str,
    pub note: Option<String>,
}

#[derive(Template)]
#[template(path = "modules/demandes_fiche.html")]
pub(crate) struct RequestPage {
    pub chrome: Chrome,
    pub r: ModuleRequest,
    pub periode: String,
    pub lieu_key: &'static str,
    pub notice: Option<String>,
    pub timeline: Vec<TimelineRow>,
    pub routed: Vec<String>,
    /// The proposals the viewer may see: all for the company and the
    /// campus team, their own for a trainer.
    pub proposals: Vec<Proposal>,
    pub trainees: Vec<Trainee>,
    pub sees_trainees: bool,
    /// Which form `errors` belong to.
    pub errors_for: &'static str,
    pub errors: FormErrors,
    pub proposal: ProposalValues,
    pub trainers: Options,
    /// The routing select's value: none chosen.
    pub no_choice: String,
    pub trainees_text: String,
    pub public: String,
    pub publics: Options,
    pub motif: String,
    pub can_route: bool,
    pub can_propose: bool,
    /// The trainer already proposed: the form revises.
    pub revising: bool,
    pub can_decide: bool,
    pub can_register: bool,
    pub can_schedule: bool,
    pub can_finish: bool,
    pub can_cancel: bool,
}

impl RequestPage {
    pub fn proposal_state_key(&self, p: &Proposal) -> &'static str {
        p.etat.label_key()
    }

    pub fn is_waiting(&self, p: &Proposal) -> bool {
        p.etat == EtatProposition::EnAttente
    }

    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        d.format("%d/%m/%Y").to_string()
    }

    pub fn version(&self, p: &Proposal) -> u64 {
        u64::try_from(p.version).unwrap_or_default()
    }

    pub fn heures(&self, p: &Proposal) -> u64 {
        u64::from(p.duree_heures)
    }

    pub fn euros(&self, amount: &Centimes) -> String {
        amount.to_string()
    }

    pub fn error_summary_for(&self, form: &str) -> bool {
        self.errors_for == form && !self.errors.is_empty()
    }
}

/// What a form of the request page sends back when refused.
#[derive(Default)]
pub(crate) struct Refused {
    pub form: &'static str,
    pub errors: FormErrors,
    pub proposal: Option<ProposalValues>,
    pub trainees_text: String,
    pub public: String,
    pub motif: String,
}

pub(crate) async fn request_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    d: RequestDetail,
    notice: Option<String>,
    refused: Refused,
) -> AppResult<RequestPage> {
    let tr = chrome.tr();
    let party = party(state, me, &d.request).await?;
    let r = d.request;
    let accepted_trainer = d
        .proposals
        .iter()
        .find(|p| Some(p.id) == r.accepted_proposal_id)
        .map(|p| p.trainer_user_id);
    let sees_trainees = party.sees_trainees(me.user.id, accepted_trainer);
    let mine = d
        .proposals
        .iter()
        .find(|p| p.trainer_user_id == me.user.id)
        .cloned();
    let proposals: Vec<Proposal> = if party.company || party.staff {
        d.proposals.clone()
    } else {
        mine.iter().cloned().collect()
    };
    let allowed = |t: Transition| t.apply(r.etat).is_some();
    let can_propose = party.trainer
        && allowed(Transition::Proposer)
        && mine
            .as_ref()
            .is_none_or(|p| p.etat == EtatProposition::EnAttente);
    let trainers = if party.staff && allowed(Transition::Orienter) {
        let (users, _) = state
            .store
            .list_users(&UserFilter {
                role: Some(Role::Formateur),
                per_page: 200,
                ..Default::default()
            })
            .await?;
        users
            .into_iter()
            .filter(|u| !u.disabled && !d.routed.iter().any(|t| t.user_id == u.id))
            .map(|u| {
                (
                    u.id.to_string(),
                    format!("{} ({})", u.display_name, u.email.as_str()),
                )
            })
            .collect()
    } else {
        vec![]
    };
    let timeline = d
        .timeline
        .iter()
        .map(|e| TimelineRow {
            quand: e.created_at.format("%d/%m/%Y %H:%M").to_string(),
            qui: e.actor.clone(),
            action_key: format!("module-action-{}", e.action),
            etat_key: e.etat_apres.label_key(),
            // Notes of the trainers' proposals carry their prices: for the
            // company and the campus team only.
            note: if e.action == Transition::Proposer.as_str() && !(party.company || party.staff) {
                None
            } else {
                e.note.clone()
            },
        })
        .collect();
    let trainees_text = if refused.form == "stagiaires" {
        refused.trainees_text.clone()
    } else {
        d.trainees
            .iter()
            .map(|t| format!("{} ; {}", t.nom, t.email))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let public = if refused.public.is_empty() {
        d.trainees
            .first()
            .map(|t| t.public.clone())
            .unwrap_or_else(|| "salarie".to_owned())
    } else {
        refused.public.clone()
    };
    let proposal = match (refused.proposal.clone(), &mine) {
        (Some(values), _) => values,
        (None, Some(p)) => ProposalValues::of(p),
        (None, None) => {
            let mut values = ProposalValues::for_request(&r);
            // A first proposal names the trainer's own training body, when
            // the directory knows its SIRET.
            if party.trainer
                && let Some((org, _)) = state
                    .store
                    .memberships_of(me.user.id)
                    .await?
                    .into_iter()
                    .find(|(o, _)| o.siret.is_some())
            {
                values.organisme_siret = org
                    .siret
                    .as_ref()
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default();
                values.organisme_nom = org.nom;
            }
            values
        }
    };
    Ok(RequestPage {
        periode: periode(&tr, &r),
        lieu_key: r.lieu.label_key(),
        notice,
        timeline,
        routed: if party.company || party.staff {
            d.routed.iter().map(|t| t.nom.clone()).collect()
        } else {
            vec![]
        },
        proposals,
        trainees: if sees_trainees { d.trainees } else { vec![] },
        sees_trainees,
        errors_for: refused.form,
        errors: refused.errors,
        proposal,
        trainers,
        no_choice: String::new(),
        trainees_text,
        public,
        publics: validate::PUBLICS
            .iter()
            .map(|p| (p.as_str().to_owned(), tr.t(p.label_key())))
            .collect(),
        motif: refused.motif,
        can_route: party.staff && allowed(Transition::Orienter),
        can_propose,
        revising: mine.is_some(),
        can_decide: party.company && allowed(Transition::Accepter),
        can_register: party.company && allowed(Transition::Inscrire),
        can_schedule: party.staff && allowed(Transition::Programmer),
        can_finish: party.staff && allowed(Transition::Terminer),
        can_cancel: (party.company || party.staff) && allowed(Transition::Annuler),
        r,
        chrome,
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    let id = request_id(&id)?;
    let d = state.store.modules().module_detail(id).await?;
    let notice = match q.ok.as_str() {
        "demande" | "orientee" | "proposition" | "acceptee" | "refusee" | "stagiaires"
        | "programmee" | "realisee" | "annulee" => {
            Some(chrome.t(&format!("module-notice-{}", q.ok)))
        }
        _ => None,
    };
    let page = request_page(&state, chrome, &me, d, notice, Refused::default()).await?;
    Ok(render(&page)?.into_response())
}
