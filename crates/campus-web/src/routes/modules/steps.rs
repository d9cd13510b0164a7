//! The forms of a request's steps. Each checks who acts against the
//! request, validates what was typed (the page is shown again with the
//! messages, 422, when something is wrong), then takes the step in one
//! transaction with its e-mails and returns to the request's page.

use axum::extract::{Path, State};
use axum::response::Response;
use campus_domain::StatutApprenant;
use campus_domain::formation::{Formation, Source};
use campus_domain::module::parse_stagiaires_liste;
use campus_formats::lheo::{Adresse, OffreSurMesure, offre_sur_mesure};
use campus_store::modules::{Proposal, RequestDetail, SujetKind};
use serde::Deserialize;

use super::demandes::{Refused, request_page};
use super::mails::{self, Recipient};
use super::validate::{self, ProposalValues};
use super::{Party, party, request_id};
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{DomainMessage, Form, FormErrors};
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// The request and the user's part in it, which `allowed` must accept.
async fn load(
    state: &AppState,
    me: &Identity,
    raw_id: &str,
    allowed: impl Fn(Party) -> bool,
) -> AppResult<RequestDetail> {
    let d = state
        .store
        .modules()
        .module_detail(request_id(raw_id)?)
        .await?;
    if allowed(party(state, me, &d.request).await?) {
        Ok(d)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The request page again, with a refused form's messages.
async fn refuse(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    d: RequestDetail,
    refused: Refused,
) -> AppResult<Response> {
    let page = request_page(state, chrome, me, d, None, refused).await?;
    Ok(invalid(render(&page)?))
}

fn done(id: i32, notice: &str) -> Response {
    see_other(&format!("/modules/demandes/{id}?ok={notice}"))
}

fn proposers(d: &RequestDetail) -> Vec<Recipient> {
    d.routed
        .iter()
        .filter(|t| d.proposals.iter().any(|p| p.trainer_user_id == t.user_id))
        .map(|t| Recipient {
            email: t.email.clone(),
            locale: t.locale.clone(),
        })
        .collect()
}

fn accepted(d: &RequestDetail) -> Option<&Proposal> {
    d.proposals
        .iter()
        .find(|p| Some(p.id) == d.request.accepted_proposal_id)
}

fn trainer_of(d: &RequestDetail, p: &Proposal) -> Vec<Recipient> {
    d.routed
        .iter()
        .filter(|t| t.user_id == p.trainer_user_id)
        .map(|t| Recipient {
            email: t.email.clone(),
            locale: t.locale.clone(),
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RouteForm {
    formateur: String,
}

/// The campus team sends the request to a trainer.
pub(crate) async fn route(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<RouteForm>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.staff).await?;
    let tr = chrome.tr();
    let trainer = match form.formateur.trim().parse::<i32>() {
        Ok(user_id) => state.store.user(user_id).await.ok(),
        Err(_) => None,
    }
    .filter(|u| u.role == campus_domain::Role::Formateur && !u.disabled);
    let Some(trainer) = trainer else {
        let mut errors = FormErrors::default();
        errors.add("formateur", tr.t("module-formateur-invalide"));
        return refuse(
            &state,
            chrome,
            &me,
            d,
            Refused {
                form: "orienter",
                errors,
                ..Default::default()
            },
        )
        .await;
    };
    let r = &d.request;
    let mut mails = mails::compose(&state, &[Recipient::from(&trainer)], "orientee", r, "");
    mails.extend(mails::compose(
        &state,
        &mails::company(&state, r).await?,
        "suivi",
        r,
        &tr.t(campus_domain::module::EtatDemande::Orientee.label_key()),
    ));
    state
        .store
        .modules()
        .route_module_demande(r.id, &[trainer.id], me.user.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(done(r.id, "orientee"))
}

/// A trainer proposes, or revises their proposal.
pub(crate) async fn propose(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(v): Form<ProposalValues>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.trainer).await?;
    let tr = chrome.tr();
    match submit_proposal(&state, &tr, &me, &d, &v).await? {
        Ok(()) => Ok(done(d.request.id, "proposition")),
        Err(errors) => {
            refuse(
                &state,
                chrome,
                &me,
                d,
                Refused {
                    form: "proposition",
                    errors,
                    proposal: Some(v),
                    ..Default::default()
                },
            )
            .await
        }
    }
}

/// Validates and records a proposal (site and API alike).
pub(crate) async fn submit_proposal(
    state: &AppState,
    tr: &crate::i18n::Tr,
    me: &Identity,
    d: &RequestDetail,
    v: &ProposalValues,
) -> AppResult<Result<(), FormErrors>> {
    let r = &d.request;
    let input = match validate::proposal(tr, v, r, state.clock.today()) {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut recipients = mails::company(state, r).await?;
    recipients.extend(mails::staff(state).await?);
    let mails = mails::compose(state, &recipients, "proposition", r, &me.user.display_name);
    state
        .store
        .modules()
        .propose_module(r.id, me.user.id, input, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(Ok(()))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(crate) struct DecisionForm {
    /// `accepter` or `refuser`.
    pub decision: String,
    /// The proposal accepted.
    pub proposition: String,
    /// Why the proposals are declined.
    pub motif: String,
}

/// The company accepts a proposal or declines them.
pub(crate) async fn decide(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.company).await?;
    let tr = chrome.tr();
    match submit_decision(&state, &tr, &me, &d, &form).await? {
        Ok(notice) => Ok(done(d.request.id, notice)),
        Err(errors) => {
            refuse(
                &state,
                chrome,
                &me,
                d,
                Refused {
                    form: "decision",
                    errors,
                    motif: form.motif.chars().take(2000).collect(),
                    ..Default::default()
                },
            )
            .await
        }
    }
}

/// Validates and records a decision (site and API alike); returns the
/// notice to show.
pub(crate) async fn submit_decision(
    state: &AppState,
    tr: &crate::i18n::Tr,
    me: &Identity,
    d: &RequestDetail,
    form: &DecisionForm,
) -> AppResult<Result<&'static str, FormErrors>> {
    let r = &d.request;
    let staff = mails::staff(state).await?;
    match form.decision.as_str() {
        "accepter" => {
            let chosen = form
                .proposition
                .trim()
                .parse::<i32>()
                .ok()
                .and_then(|id| d.proposals.iter().find(|p| p.id == id));
            let Some(chosen) = chosen else {
                let mut errors = FormErrors::default();
                errors.add("proposition", tr.t("module-proposition-invalide"));
                return Ok(Err(errors));
            };
            let mut mails = mails::compose(state, &trainer_of(d, chosen), "acceptee", r, "");
            let others: Vec<Recipient> = d
                .proposals
                .iter()
                .filter(|p| p.id != chosen.id)
                .flat_map(|p| trainer_of(d, p))
                .collect();
            mails.extend(mails::compose(state, &others, "close", r, ""));
            mails.extend(mails::compose(
                state,
                &staff,
                "suivi",
                r,
                &tr.t(campus_domain::module::EtatDemande::Acceptee.label_key()),
            ));
            state
                .store
                .modules()
                .accept_module_proposition(r.id, chosen.id, me.user.id, mails)
                .await?;
            state.mail_queued.notify_one();
            Ok(Ok("acceptee"))
        }
        "refuser" => {
            let motif = match validate::motif(tr, &form.motif, true) {
                Ok(Some(motif)) => motif,
                Ok(None) => return Ok(Err(FormErrors::default())),
                Err(errors) => return Ok(Err(errors)),
            };
            let mut recipients = proposers(d);
            recipients.extend(staff);
            let mails = mails::compose(state, &recipients, "refusee", r, &motif);
            state
                .store
                .modules()
                .decline_module_demande(r.id, motif, me.user.id, mails)
                .await?;
            state.mail_queued.notify_one();
            Ok(Ok("refusee"))
        }
        _ => {
            let mut errors = FormErrors::default();
            errors.add("decision", tr.t("module-decision-invalide"));
            Ok(Err(errors))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct TraineesForm {
    /// One trainee per line: `Prénom Nom ; adresse`.
    liste: String,
    public: String,
}

/// The company lists its trainees.
pub(crate) async fn trainees(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<TraineesForm>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.company).await?;
    let tr = chrome.tr();
    let r = &d.request;
    let mut errors = FormErrors::default();
    let list = errors.check(
        &tr,
        "liste",
        parse_stagiaires_liste(&form.liste, r.stagiaires),
    );
    let public = match validate::public(&tr, &form.public) {
        Ok(public) => Some(public),
        Err(e) => {
            for item in e.items() {
                errors.add(item.field, item.message.clone());
            }
            None
        }
    };
    let (Some(list), Some(public)) = (list, public) else {
        let refused = Refused {
            form: "stagiaires",
            errors,
            trainees_text: form.liste.chars().take(20_000).collect(),
            public: form.public.chars().take(32).collect(),
            ..Default::default()
        };
        return refuse(&state, chrome, &me, d, refused).await;
    };
    let mails = mails::compose(
        &state,
        &mails::staff(&state).await?,
        "stagiaires",
        r,
        &list.len().to_string(),
    );
    state
        .store
        .modules()
        .register_module_stagiaires(r.id, &list, public, me.user.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(done(r.id, "stagiaires"))
}

/// The Formacode code of a public, as LHÉO lists the publics an action is
/// meant for.
fn public_vise(public: &str) -> &'static str {
    match StatutApprenant::parse(public) {
        Ok(StatutApprenant::Apprenti) => "80027",
        Ok(StatutApprenant::DemandeurEmploi) => "80011",
        _ => "80044",
    }
}

/// The accepted module as a training of the catalogue: its LHÉO element,
/// read back as any imported offer is.
fn formation_of(d: &RequestDetail, p: &Proposal) -> AppResult<Formation> {
    let r = &d.request;
    let offre = OffreSurMesure {
        numero: format!("module-{}", r.id),
        intitule: r.intitule.clone(),
        objectif: p.objectifs.clone(),
        contenu: p.contenu.clone(),
        resultats: String::new(),
        formacodes: r
            .sujets
            .iter()
            .filter(|s| s.kind == SujetKind::Formacode)
            .map(|s| s.code.clone())
            .collect(),
        public_vise: public_vise(
            d.trainees
                .first()
                .map(|t| t.public.as_str())
                .unwrap_or_default(),
        )
        .to_owned(),
        contact_nom: p.organisme_nom.clone(),
        contact_courriel: None,
        organisme_nom: p.organisme_nom.clone(),
        organisme_siret: p.organisme_siret.as_str().to_owned(),
        numero_activite: p.numero_activite.clone(),
        lieu_nom: p.lieu_nom.clone(),
        lieu: Adresse {
            ligne: p.lieu_adresse.clone(),
            code_postal: p.lieu_code_postal.as_str().to_owned(),
            ville: p.lieu_commune.clone(),
        },
        debut: p.date_debut.format("%Y%m%d").to_string(),
        fin: p.date_fin.format("%Y%m%d").to_string(),
        heures: p.duree_heures.clamp(1, 2000),
        prix: p.prix.euros(),
    };
    let element = offre_sur_mesure(&offre);
    let mut formation = campus_formats::lheo::formation(&element)
        .map_err(|e| AppError::internal(format!("module {} en LHÉO", r.id), e))?;
    formation.source = Source::Campus;
    Ok(formation)
}

/// The campus team publishes the accepted module in the catalogue.
pub(crate) async fn schedule(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.staff).await?;
    let r = &d.request;
    let Some(p) = accepted(&d) else {
        return Err(AppError::Conflict("module-error-etat"));
    };
    let formation = formation_of(&d, p)?;
    let mut recipients = mails::company(&state, r).await?;
    recipients.extend(trainer_of(&d, p));
    let mut mails = mails::compose(&state, &recipients, "programmee", r, "");
    let convocation = format!(
        "{} – {}, {}, {} {} {}",
        p.date_debut.format("%d/%m/%Y"),
        p.date_fin.format("%d/%m/%Y"),
        p.lieu_nom,
        p.lieu_adresse,
        p.lieu_code_postal.as_str(),
        p.lieu_commune
    );
    let trainees: Vec<Recipient> = d
        .trainees
        .iter()
        .map(|t| Recipient {
            email: t.email.clone(),
            locale: "fr".to_owned(),
        })
        .collect();
    mails.extend(mails::compose(
        &state,
        &trainees,
        "convocation",
        r,
        &convocation,
    ));
    state
        .store
        .modules()
        .schedule_module(r.id, &formation, me.user.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(done(r.id, "programmee"))
}

/// The campus team records that the module took place.
pub(crate) async fn finish(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.staff).await?;
    let r = &d.request;
    let mut recipients = mails::company(&state, r).await?;
    if let Some(p) = accepted(&d) {
        recipients.extend(trainer_of(&d, p));
    }
    let mails = mails::compose(&state, &recipients, "realisee", r, "");
    state
        .store
        .modules()
        .finish_module(r.id, me.user.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(done(r.id, "realisee"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct CancelForm {
    motif_annulation: String,
}

/// The company or the campus team cancels the request.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<CancelForm>,
) -> AppResult<Response> {
    let d = load(&state, &me, &id, |p| p.company || p.staff).await?;
    let tr = chrome.tr();
    let motif = match campus_domain::optional_text(&form.motif_annulation, 2000) {
        Ok(motif) => motif,
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add("motif_annulation", e.message(&tr));
            let refused = Refused {
                form: "annuler",
                errors,
                ..Default::default()
            };
            return refuse(&state, chrome, &me, d, refused).await;
        }
    };
    let r = &d.request;
    let mut recipients = mails::company(&state, r).await?;
    recipients.extend(mails::staff(&state).await?);
    recipients.extend(d.routed.iter().map(|t| Recipient {
        email: t.email.clone(),
        locale: t.locale.clone(),
    }));
    let mails = mails::compose(
        &state,
        &recipients,
        "annulee",
        r,
        motif.as_deref().unwrap_or_default(),
    );
    state
        .store
        .modules()
        .cancel_module_demande(r.id, motif, me.user.id, mails)
        .await?;
    state.mail_queued.notify_one();
    Ok(done(r.id, "annulee"))
}
