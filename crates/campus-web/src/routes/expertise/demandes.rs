//! Requests for an expert's time: writing one, the experts the platform
//! proposes and why, sending to at most three, and the experts' answers
//! (signed links from the e-mail, or their own page).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::expertise::{
    ActionReponse, Besoin, Candidat, EtatReponse, NouvelleDemande, OffreExpert, PublicDemande,
    Quota, SaisieDemande, SujetExpert, proposer,
};
use campus_store::expertise::{Demande, DemandeEcrite, EnvoiError, FiltreExperts, ReponseError};
use serde::Deserialize;

use super::{Lecteur, demande_or_404, lecteur, mails};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::signed::{Purpose, sign, verify};
use crate::state::AppState;
use crate::templates::{Options, render};

/// Experts proposed for a request, at most.
const PROPOSES: usize = 10;

/// A request as typed (the form's fields, also the API's body).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DemandeValues {
    /// What the request is about.
    pub sujet: String,
    /// `intervention_classe`, `jury`, `tutorat_projet`, `accueil_visite` or
    /// `conseil_startup`.
    pub offre: String,
    /// `collegiens`, `lyceens`, `etudiants`, `apprentis`, `salaries`,
    /// `enseignants` or `grand_public`.
    pub public: String,
    /// First possible day, `AAAA-MM-JJ`.
    pub debut: String,
    /// Last possible day, `AAAA-MM-JJ`; empty for the first day only.
    pub fin: String,
    /// The commune, by name; empty for an intervention at a distance.
    pub lieu: String,
    pub message: String,
    /// ROME domains of the sector (`H33`…) to match experts.
    pub domaines: Vec<String>,
    /// Keywords to match experts, separated by commas.
    pub mots_cles: String,
}

impl DemandeValues {
    fn from_pairs(pairs: Vec<(String, String)>) -> DemandeValues {
        let mut v = DemandeValues::default();
        for (key, value) in pairs {
            match key.as_str() {
                "sujet" => v.sujet = value,
                "offre" => v.offre = value,
                "public" => v.public = value,
                "debut" => v.debut = value,
                "fin" => v.fin = value,
                "lieu" => v.lieu = value,
                "message" => v.message = value,
                "domaines" => v.domaines.push(value),
                "mots_cles" => v.mots_cles = value,
                _ => {}
            }
        }
        v
    }
}

/// Checks and records a request; its id, or the errors to show.
pub(crate) async fn creer(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    v: &DemandeValues,
) -> AppResult<Result<i32, FormErrors>> {
    let mut errors = FormErrors::default();
    let saisie = SaisieDemande {
        sujet: v.sujet.clone(),
        offre: v.offre.clone(),
        public: v.public.clone(),
        debut: v.debut.clone(),
        fin: v.fin.clone(),
        lieu: v.lieu.clone(),
        message: v.message.clone(),
    };
    let demande = match NouvelleDemande::parse(&saisie, state.clock.today()) {
        Ok(d) => Some(d),
        Err(refused) => {
            for (field, e) in refused {
                errors.add(field, tr.t(e.message_key()));
            }
            None
        }
    };
    let domaines = state
        .store
        .expertise()
        .domaines_rome(&state.config.sector.romes)
        .await?;
    let mut sujets = Vec::new();
    for d in &v.domaines {
        match (
            SujetExpert::parse("domaine", d),
            domaines.iter().find(|(c, _)| c == d),
        ) {
            (Ok(s), Some((_, label))) => sujets.push((s, label.clone())),
            _ => errors.add("domaines", tr.t("expert-error-sujet-domaine")),
        }
    }
    for kw in v
        .mots_cles
        .split([',', ';'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        match SujetExpert::parse("mot_cle", kw) {
            Ok(s) => sujets.push((s, kw.to_owned())),
            Err(e) => errors.add("mots_cles", tr.t(e.message_key())),
        }
    }
    let position = match v.lieu.trim() {
        "" => None,
        typed => crate::routes::search::locate(state, typed).map(|(_, _, p)| p),
    };
    let (Some(demande), true) = (demande, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let organisation_id = state
        .store
        .memberships_of(me.user.id)
        .await?
        .first()
        .map(|(o, _)| o.id);
    let id = state
        .store
        .expertise()
        .creer_demande(&DemandeEcrite {
            demande,
            sujets,
            demandeur_user_id: me.user.id,
            organisation_id,
            position,
        })
        .await?;
    Ok(Ok(id))
}

/// A request in a list.
pub(crate) struct DemandeRow {
    pub id: i32,
    pub sujet: String,
    pub offre_key: &'static str,
    pub debut: String,
    pub envoyees: usize,
    pub acceptees: usize,
}

#[derive(Template)]
#[template(path = "expertise/demandes.html")]
pub(crate) struct MinePage {
    pub chrome: Chrome,
    pub demandes: Vec<DemandeRow>,
}

pub(crate) async fn mine(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let store = state.store.expertise();
    let list = if me.user.role.is_campus_staff() {
        store.toutes_demandes().await?
    } else {
        store.demandes_de(me.user.id).await?
    };
    let demandes = list
        .iter()
        .map(|d| DemandeRow {
            id: d.id,
            sujet: d.sujet.clone(),
            offre_key: d.offre.label_key(),
            debut: tr.date(d.debut),
            envoyees: d.destinataires.len(),
            acceptees: d
                .destinataires
                .iter()
                .filter(|r| r.etat == EtatReponse::Acceptee)
                .count(),
        })
        .collect();
    Ok(render(&MinePage { demandes, chrome })?.into_response())
}

#[derive(Template)]
#[template(path = "expertise/demande_form.html")]
pub(crate) struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub v: DemandeValues,
    pub offres: Options,
    pub publics: Options,
    pub domaines: Vec<(String, String, bool)>,
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    v: DemandeValues,
) -> AppResult<FormPage> {
    let tr = chrome.tr();
    let domaines = state
        .store
        .expertise()
        .domaines_rome(&state.config.sector.romes)
        .await?
        .into_iter()
        .map(|(c, l)| {
            let checked = v.domaines.contains(&c);
            (c, l, checked)
        })
        .collect();
    Ok(FormPage {
        errors,
        offres: OffreExpert::all()
            .map(|o| (o.as_str().to_owned(), tr.t(o.label_key())))
            .collect(),
        publics: PublicDemande::all()
            .map(|p| (p.as_str().to_owned(), tr.t(p.label_key())))
            .collect(),
        domaines,
        v,
        chrome,
    })
}

/// The query of the request form: an expert's page may name the kind of
/// intervention.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct NewQuery {
    offre: String,
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    let v = DemandeValues {
        offre: OffreExpert::parse(&q.offre)
            .unwrap_or(OffreExpert::InterventionClasse)
            .as_str()
            .to_owned(),
        public: PublicDemande::Lyceens.as_str().to_owned(),
        ..Default::default()
    };
    let page = form_page(&state, chrome, FormErrors::default(), v).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = DemandeValues::from_pairs(pairs);
    match creer(&state, &tr, &me, &v).await? {
        Ok(id) => Ok(see_other(&format!("/demandes-expertise/{id}?ok=creee"))),
        Err(errors) => {
            let page = form_page(&state, chrome, errors, v).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// An expert proposed for a request, and why.
pub(crate) struct PropositionRow {
    pub id: i32,
    pub nom: String,
    pub titre: String,
    pub organisation: String,
    pub raisons: Vec<String>,
}

/// A recipient of a request, as its requester sees them.
pub(crate) struct DestinataireRow {
    pub nom: String,
    pub titre: String,
    pub etat_key: &'static str,
    /// Shown once the expert accepted.
    pub email: Option<String>,
    pub reponse: Option<String>,
}

#[derive(Template)]
#[template(path = "expertise/demande.html")]
pub(crate) struct ShowPage {
    pub chrome: Chrome,
    pub d: Demande,
    pub ok_key: Option<String>,
    pub errors: FormErrors,
    pub offre_key: &'static str,
    pub public_key: &'static str,
    pub periode: String,
    pub demandeur: bool,
    pub destinataires: Vec<DestinataireRow>,
    pub propositions: Vec<PropositionRow>,
    pub places: usize,
    /// For an expert it was sent to: whether they may still answer.
    pub peut_repondre: bool,
    pub expert_id: i32,
}

/// The experts the platform proposes for `d`, best first, without those
/// already asked and the requester.
pub(crate) async fn propositions(
    state: &AppState,
    tr: &Tr,
    d: &Demande,
) -> AppResult<Vec<PropositionRow>> {
    let experts = state
        .store
        .expertise()
        .experts(&FiltreExperts {
            actifs: true,
            offre: Some(d.offre),
        })
        .await?;
    let candidats: Vec<Candidat> = experts
        .iter()
        .filter(|e| Some(e.user_id) != d.demandeur_user_id)
        .filter(|e| !d.destinataires.iter().any(|r| r.expert_id == e.id))
        .map(|e| Candidat {
            id: i64::from(e.id),
            sujets: e.sujets.iter().map(|(s, _)| s.clone()).collect(),
            offres: e.offres.clone(),
            organisation_id: e.organisation_id.map(i64::from),
            position: e.position,
            demandes_en_cours: e.demandes_en_cours,
            etat: e.etat,
        })
        .collect();
    let besoin = Besoin {
        sujets: d.sujets.iter().map(|(s, _)| s.clone()).collect(),
        offre: d.offre,
        organisation_id: d.organisation_id.map(i64::from),
        lieu: d.position,
    };
    Ok(proposer(&besoin, &candidats)
        .into_iter()
        .take(PROPOSES)
        .filter_map(|p| {
            let e = experts.iter().find(|e| i64::from(e.id) == p.id)?;
            Some(PropositionRow {
                id: e.id,
                nom: e.nom.clone(),
                titre: e.titre.clone(),
                organisation: e.organisation_nom.clone().unwrap_or_default(),
                raisons: p
                    .raisons
                    .iter()
                    .map(|r| match r.argument() {
                        Some((name, n)) => tr.tn(r.message_key(), name, u64::from(n)),
                        None => tr.t(r.message_key()),
                    })
                    .collect(),
            })
        })
        .collect())
}

pub(crate) async fn show_page(
    state: &AppState,
    chrome: Chrome,
    d: Demande,
    who: Lecteur,
    ok_key: Option<String>,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let tr = chrome.tr();
    let demandeur = who == Lecteur::Demandeur;
    let propositions =
        if demandeur && d.destinataires.len() < campus_domain::expertise::MAX_DESTINATAIRES {
            propositions(state, &tr, &d).await?
        } else {
            Vec::new()
        };
    let expert_id = match who {
        Lecteur::Destinataire(id) => id,
        Lecteur::Demandeur => 0,
    };
    let peut_repondre = d
        .destinataires
        .iter()
        .any(|r| r.expert_id == expert_id && r.etat.en_attente());
    Ok(ShowPage {
        offre_key: d.offre.label_key(),
        public_key: d.public.label_key(),
        periode: if d.debut == d.fin {
            tr.date(d.debut)
        } else {
            format!("{} – {}", tr.date(d.debut), tr.date(d.fin))
        },
        destinataires: d
            .destinataires
            .iter()
            .filter(|r| demandeur || r.expert_id == expert_id)
            .map(|r| DestinataireRow {
                nom: r.nom.clone(),
                titre: r.titre.clone(),
                etat_key: r.etat.label_key(),
                email: (r.etat == EtatReponse::Acceptee).then(|| r.email.clone()),
                reponse: r.reponse.clone(),
            })
            .collect(),
        places: campus_domain::expertise::MAX_DESTINATAIRES.saturating_sub(d.destinataires.len()),
        demandeur,
        propositions,
        peut_repondre,
        expert_id,
        ok_key,
        errors,
        d,
        chrome,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct OkQuery {
    ok: String,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let d = demande_or_404(&state, &id).await?;
    let who = lecteur(&state, &me, &d).await?;
    let page = show_page(
        &state,
        chrome,
        d,
        who,
        crate::routes::ok_notice("demande-ok", &q.ok),
        FormErrors::default(),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// Sends request `d` to `experts`; the errors to show otherwise.
pub(crate) async fn envoyer(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    d: &Demande,
    experts: &[i32],
) -> AppResult<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let quota = Quota::for_role(me.user.role);
    let result = state
        .store
        .expertise()
        .envoyer(d.id, experts, quota, |found| {
            found
                .iter()
                .map(|e| mails::demande(state, d, e, &me.user.display_name))
                .collect()
        })
        .await;
    match result {
        Ok(()) => {
            state.mail_queued.notify_one();
            Ok(Ok(()))
        }
        Err(EnvoiError::Destinataires(e)) => {
            errors.add("experts", tr.t(e.message_key()));
            Ok(Err(errors))
        }
        Err(EnvoiError::Limite(l)) => {
            errors.add(
                "experts",
                tr.tns(
                    l.message_key(),
                    &[
                        ("limite", u64::from(l.limite)),
                        ("jours", u64::from(l.jours)),
                        ("restant", u64::from(l.restant)),
                    ],
                ),
            );
            Ok(Err(errors))
        }
        Err(EnvoiError::Indisponible(nom)) => {
            errors.add(
                "experts",
                tr.ts("demande-error-expert-en-pause", "nom", &nom),
            );
            Ok(Err(errors))
        }
        Err(EnvoiError::DejaEnvoyee) => {
            errors.add("experts", tr.t("demande-error-deja-envoyee"));
            Ok(Err(errors))
        }
        Err(EnvoiError::Store(campus_store::StoreError::NotFound)) => {
            errors.add("experts", tr.t("demande-error-expert-inconnu"));
            Ok(Err(errors))
        }
        Err(EnvoiError::Store(e)) => Err(e.into()),
    }
}

pub(crate) async fn send(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let d = demande_or_404(&state, &id).await?;
    if lecteur(&state, &me, &d).await? != Lecteur::Demandeur {
        return Err(AppError::Forbidden);
    }
    let experts: Vec<i32> = pairs
        .iter()
        .filter(|(k, _)| k == "experts")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    match envoyer(&state, &tr, &me, &d, &experts).await? {
        Ok(()) => Ok(see_other(&format!(
            "/demandes-expertise/{}?ok=envoyee",
            d.id
        ))),
        Err(errors) => {
            let page = show_page(&state, chrome, d, Lecteur::Demandeur, None, errors).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// The address of the answer page for expert `expert_id`, signed so that
/// the expert answers from the e-mail without signing in.
pub(crate) fn lien_reponse(state: &AppState, demande: i32, expert_id: i32) -> String {
    let id = format!("{demande}:{expert_id}");
    format!(
        "{}/demandes-expertise/{demande}/reponse?expert={expert_id}&signature={}",
        state.config.base_url(),
        sign(&state.csrf_key, Purpose::ExpertAnswer, &id)
    )
}

/// Who answers: the expert named by a valid signed link, or the signed-in
/// expert the request was sent to.
async fn repondant(
    state: &AppState,
    me: Option<&Identity>,
    d: &Demande,
    expert: &str,
    signature: &str,
) -> AppResult<i32> {
    if let Ok(expert_id) = expert.trim().parse::<i32>()
        && verify(
            &state.csrf_key,
            Purpose::ExpertAnswer,
            &format!("{}:{expert_id}", d.id),
            signature,
        )
        && d.destinataires.iter().any(|r| r.expert_id == expert_id)
    {
        return Ok(expert_id);
    }
    let Some(me) = me else {
        return Err(AppError::Unauthorized);
    };
    match lecteur(state, me, d).await? {
        Lecteur::Destinataire(id) => Ok(id),
        Lecteur::Demandeur => Err(AppError::Forbidden),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AnswerQuery {
    expert: String,
    signature: String,
    ok: String,
}

#[derive(Template)]
#[template(path = "expertise/reponse.html")]
pub(crate) struct AnswerPage {
    pub chrome: Chrome,
    pub d: Demande,
    pub periode: String,
    pub offre_key: &'static str,
    pub public_key: &'static str,
    pub expert: String,
    pub signature: String,
    pub etat_key: &'static str,
    pub en_attente: bool,
    pub ok_key: Option<String>,
}

pub(crate) async fn answer_page(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
    Query(q): Query<AnswerQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let d = demande_or_404(&state, &id).await?;
    let expert_id = repondant(&state, me.as_ref(), &d, &q.expert, &q.signature).await?;
    let etat = d
        .destinataires
        .iter()
        .find(|r| r.expert_id == expert_id)
        .map(|r| r.etat)
        .unwrap_or(EtatReponse::Annulee);
    let page = AnswerPage {
        periode: if d.debut == d.fin {
            tr.date(d.debut)
        } else {
            format!("{} – {}", tr.date(d.debut), tr.date(d.fin))
        },
        offre_key: d.offre.label_key(),
        public_key: d.public.label_key(),
        expert: expert_id.to_string(),
        signature: q.signature.chars().take(100).collect(),
        etat_key: etat.label_key(),
        en_attente: etat.en_attente(),
        ok_key: crate::routes::ok_notice("demande-ok", &q.ok),
        d,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AnswerForm {
    expert: String,
    signature: String,
    action: String,
    message: String,
}

pub(crate) async fn answer(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let d = demande_or_404(&state, &id).await?;
    let expert_id = repondant(&state, me.as_ref(), &d, &form.expert, &form.signature).await?;
    let action = match ActionReponse::parse(&form.action) {
        Ok(a) if a.par_expert() => a,
        _ => {
            return Err(AppError::BadRequest {
                key: "demande-error-action",
                detail: None,
            });
        }
    };
    let message: String = form.message.trim().chars().take(2000).collect();
    let Some(r) = d.destinataires.iter().find(|r| r.expert_id == expert_id) else {
        return Err(AppError::NotFound);
    };
    let mails = mails::reponse(&state, &d, r, action.target(), &message);
    match state
        .store
        .expertise()
        .repondre(
            d.id,
            expert_id,
            action,
            (!message.is_empty()).then_some(message),
            mails,
        )
        .await
    {
        Ok(_) => state.mail_queued.notify_one(),
        Err(ReponseError::Close(_)) => {
            return Err(AppError::Conflict("demande-error-reponse-close"));
        }
        Err(ReponseError::Store(e)) => return Err(e.into()),
    }
    let ok = if action == ActionReponse::Accepter {
        "acceptee"
    } else {
        "declinee"
    };
    Ok(see_other(&format!(
        "/demandes-expertise/{}/reponse?expert={}&signature={}&ok={ok}",
        d.id,
        expert_id,
        form.signature.chars().take(100).collect::<String>()
    )))
}
