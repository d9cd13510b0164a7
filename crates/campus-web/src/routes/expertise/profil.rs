//! Expert profiles: the public directory and pages, and the form where a
//! person of the network publishes, pauses or withdraws their profile and
//! answers the requests they received.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use campus_domain::expertise::{EtatProfil, OffreExpert, ProfilExpert, SaisieProfil, SujetExpert};
use campus_domain::parcours::{Found, Lookup};
use campus_domain::{OrigineOrganisation, fold_accents};
use campus_parcours::CompetenceId;
use campus_store::expertise::{Expert, FiltreExperts, ProfilEcrit};
use serde::Deserialize;

use super::expert_or_404;
use crate::auth::{CurrentUser, Identity};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::parcours::demande::CatalogueLookup;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// An expert in a list or on their page, without their address.
pub(crate) struct ExpertRow {
    pub id: i32,
    pub nom: String,
    pub titre: String,
    pub organisation: Option<(String, String)>,
    pub sujets: Vec<String>,
    pub offres: Vec<&'static str>,
    pub langues: String,
    pub en_pause: bool,
}

impl ExpertRow {
    pub(crate) fn of(e: &Expert) -> ExpertRow {
        ExpertRow {
            id: e.id,
            nom: e.nom.clone(),
            titre: e.titre.clone(),
            organisation: e.organisation_nom.clone().zip(e.organisation_slug.clone()),
            sujets: e.sujets.iter().map(|(_, l)| l.clone()).collect(),
            offres: e.offres.iter().map(|o| o.label_key()).collect(),
            langues: e
                .langues
                .iter()
                .map(|l| l.as_str().to_uppercase())
                .collect::<Vec<_>>()
                .join(", "),
            en_pause: e.etat != EtatProfil::Actif,
        }
    }
}

/// The directory's filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AnnuaireQuery {
    q: String,
    offre: String,
}

#[derive(Template)]
#[template(path = "expertise/annuaire.html")]
pub(crate) struct AnnuairePage {
    pub chrome: Chrome,
    pub experts: Vec<ExpertRow>,
    pub q: String,
    pub offre: String,
    pub offres: Options,
}

/// Whether `e` matches the text `q`: its title, name, organisation or
/// subjects contain every word, accents and case aside.
pub(crate) fn matches(e: &Expert, q: &str) -> bool {
    let hay = fold_accents(&format!(
        "{} {} {} {}",
        e.titre,
        e.nom,
        e.organisation_nom.clone().unwrap_or_default(),
        e.sujets
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    ))
    .to_lowercase();
    fold_accents(q)
        .to_lowercase()
        .split_whitespace()
        .all(|w| hay.contains(w))
}

pub(crate) async fn annuaire(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(q): Query<AnnuaireQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let offre = OffreExpert::parse(&q.offre).ok();
    let experts = state
        .store
        .expertise()
        .experts(&FiltreExperts {
            actifs: false,
            offre,
        })
        .await?
        .iter()
        .filter(|e| matches(e, &q.q))
        .map(ExpertRow::of)
        .collect();
    let mut offres = vec![(String::new(), tr.t("experts-toutes-offres"))];
    offres.extend(OffreExpert::all().map(|o| (o.as_str().to_owned(), tr.t(o.label_key()))));
    let page = AnnuairePage {
        experts,
        q: q.q.chars().take(100).collect(),
        offre: offre.map(|o| o.as_str().to_owned()).unwrap_or_default(),
        offres,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "expertise/expert.html")]
pub(crate) struct FichePage {
    pub chrome: Chrome,
    pub e: ExpertRow,
    pub presentation: Option<String>,
    pub disponibilite: Option<String>,
    /// `(kind key, date, title)`, with the expert's consent only.
    pub contributions: Vec<(&'static str, String, String)>,
    pub peut_demander: bool,
}

pub(crate) async fn fiche(
    State(state): State<AppState>,
    chrome: Chrome,
    crate::auth::MaybeUser(me): crate::auth::MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = expert_or_404(&state, &id).await?;
    let contributions = if e.contributions_publiques {
        state
            .store
            .expertise()
            .contributions(e.id)
            .await?
            .into_iter()
            .map(|c| (c.offre.label_key(), tr.date(c.date), c.titre))
            .collect()
    } else {
        Vec::new()
    };
    let page = FichePage {
        e: ExpertRow::of(&e),
        presentation: e.presentation.clone(),
        disponibilite: e.disponibilite.clone(),
        contributions,
        peut_demander: me
            .as_ref()
            .is_some_and(|me| super::DEMANDEURS.contains(&me.user.role)),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The profile form as typed (repeated checkboxes, lines of skills).
#[derive(Debug, Clone, Default)]
pub(crate) struct ProfilValues {
    pub titre: String,
    pub presentation: String,
    pub domaines: Vec<String>,
    pub competences: String,
    pub equipements: Vec<String>,
    pub mots_cles: String,
    pub offres: Vec<String>,
    pub langues: String,
    pub disponibilite: String,
    pub organisation: String,
    pub contributions_publiques: bool,
}

impl ProfilValues {
    fn from_pairs(pairs: Vec<(String, String)>) -> ProfilValues {
        let mut v = ProfilValues::default();
        for (key, value) in pairs {
            match key.as_str() {
                "titre" => v.titre = value,
                "presentation" => v.presentation = value,
                "domaines" => v.domaines.push(value),
                "competences" => v.competences = value,
                "equipements" => v.equipements.push(value),
                "mots_cles" => v.mots_cles = value,
                "offres" => v.offres.push(value),
                "langues" => v.langues = value,
                "disponibilite" => v.disponibilite = value,
                "organisation" => v.organisation = value,
                "contributions_publiques" => v.contributions_publiques = value == "oui",
                _ => {}
            }
        }
        v
    }

    fn of(e: &Expert) -> ProfilValues {
        let of_kind = |kind: &str| -> Vec<&(SujetExpert, String)> {
            e.sujets.iter().filter(|(s, _)| s.kind() == kind).collect()
        };
        ProfilValues {
            titre: e.titre.clone(),
            presentation: e.presentation.clone().unwrap_or_default(),
            domaines: of_kind("domaine")
                .iter()
                .map(|(s, _)| s.code().to_owned())
                .collect(),
            competences: of_kind("competence")
                .iter()
                .map(|(_, l)| l.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            equipements: of_kind("equipement")
                .iter()
                .map(|(s, _)| s.code().to_owned())
                .collect(),
            mots_cles: of_kind("mot_cle")
                .iter()
                .map(|(s, _)| s.code())
                .collect::<Vec<_>>()
                .join(", "),
            offres: e.offres.iter().map(|o| o.as_str().to_owned()).collect(),
            langues: e
                .langues
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            disponibilite: e.disponibilite.clone().unwrap_or_default(),
            organisation: e.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
            contributions_publiques: e.contributions_publiques,
        }
    }
}

/// A request received, on the expert's page.
pub(crate) struct RecueRow {
    pub id: i32,
    pub sujet: String,
    pub demandeur: String,
    pub etat_key: &'static str,
    pub en_attente: bool,
}

#[derive(Template)]
#[template(path = "expertise/profil.html")]
pub(crate) struct ProfilPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub v: ProfilValues,
    pub existe: bool,
    pub etat_key: Option<&'static str>,
    pub actif: bool,
    pub rattache: bool,
    /// `(value, label, checked)`.
    pub domaines: Vec<(String, String, bool)>,
    pub equipements: Vec<(String, String, bool)>,
    pub offres: Vec<(String, String, bool)>,
    pub organisations: Options,
    pub recues: Vec<RecueRow>,
    pub expert_id: Option<i32>,
}

/// The organisations `me` may speak for: theirs, or any of the network
/// for the campus team.
async fn organisations_of(state: &AppState, me: &Identity) -> AppResult<Vec<(i32, String)>> {
    if me.user.role.is_campus_staff() {
        let (orgs, _) = state
            .store
            .list_organisations(&campus_store::organisations::OrganisationFilter {
                origine: Some(OrigineOrganisation::Reseau),
                per_page: 500,
                ..Default::default()
            })
            .await?;
        return Ok(orgs.into_iter().map(|o| (o.id, o.nom)).collect());
    }
    Ok(state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| (o.id, o.nom))
        .collect())
}

async fn profil_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    errors: FormErrors,
    v: Option<ProfilValues>,
) -> AppResult<ProfilPage> {
    let tr = chrome.tr();
    let store = state.store.expertise();
    let existing = store.expert_de(me.user.id).await?;
    let v = v.unwrap_or_else(|| {
        existing
            .as_ref()
            .map(ProfilValues::of)
            .unwrap_or(ProfilValues {
                langues: "fr".to_owned(),
                ..Default::default()
            })
    });
    let domaines = store
        .domaines_rome(&state.config.sector.romes)
        .await?
        .into_iter()
        .map(|(code, label)| {
            let checked = v.domaines.contains(&code);
            (code, label, checked)
        })
        .collect();
    let equipements = state
        .store
        .equipements()
        .list_equipements()
        .await?
        .into_iter()
        .map(|e| {
            let checked = v.equipements.contains(&e.slug);
            (e.slug, e.nom, checked)
        })
        .collect();
    let offres = OffreExpert::all()
        .map(|o| {
            (
                o.as_str().to_owned(),
                tr.t(o.label_key()),
                v.offres.iter().any(|x| x == o.as_str()),
            )
        })
        .collect();
    let orgs = organisations_of(state, me).await?;
    let recues = match &existing {
        Some(e) => store
            .demandes_recues(e.id)
            .await?
            .iter()
            .map(|d| {
                let etat = d
                    .destinataires
                    .iter()
                    .find(|r| r.expert_id == e.id)
                    .map(|r| r.etat)
                    .unwrap_or(campus_domain::expertise::EtatReponse::Envoyee);
                RecueRow {
                    id: d.id,
                    sujet: d.sujet.clone(),
                    demandeur: d.demandeur_nom.clone().unwrap_or_default(),
                    etat_key: etat.label_key(),
                    en_attente: etat.en_attente(),
                }
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(ProfilPage {
        errors,
        existe: existing.is_some(),
        etat_key: existing.as_ref().map(|e| e.etat.label_key()),
        actif: existing
            .as_ref()
            .is_some_and(|e| e.etat == EtatProfil::Actif),
        expert_id: existing.as_ref().map(|e| e.id),
        rattache: !orgs.is_empty(),
        domaines,
        equipements,
        offres,
        organisations: orgs
            .into_iter()
            .map(|(id, nom)| (id.to_string(), nom))
            .collect(),
        recues,
        v,
        chrome,
    })
}

pub(crate) async fn form_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let page = profil_page(&state, chrome, &me, FormErrors::default(), None).await?;
    Ok(render(&page)?.into_response())
}

/// Checks a profile as typed; what to store, or the errors to show.
pub(crate) async fn check(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    v: &ProfilValues,
) -> AppResult<Result<ProfilEcrit, FormErrors>> {
    let mut errors = FormErrors::default();
    let orgs = organisations_of(state, me).await?;
    let organisation_id = v.organisation.trim().parse::<i32>().ok();
    if orgs.is_empty() {
        return Err(AppError::Forbidden);
    }
    if !organisation_id.is_some_and(|id| orgs.iter().any(|(o, _)| *o == id)) {
        errors.add("organisation", tr.t("expert-error-organisation"));
    }
    let mut sujets: Vec<(String, String)> = Vec::new();
    let mut libelles: Vec<String> = Vec::new();
    let domaines = state
        .store
        .expertise()
        .domaines_rome(&state.config.sector.romes)
        .await?;
    for d in &v.domaines {
        let label = domaines
            .iter()
            .find(|(c, _)| c == d)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| d.clone());
        sujets.push(("domaine".to_owned(), d.clone()));
        libelles.push(label);
    }
    let equipements = state.store.equipements().list_equipements().await?;
    for slug in &v.equipements {
        let label = equipements
            .iter()
            .find(|e| &e.slug == slug)
            .map(|e| e.nom.clone())
            .unwrap_or_else(|| slug.clone());
        sujets.push(("equipement".to_owned(), slug.clone()));
        libelles.push(label);
    }
    let loaded = state.parcours.current(&state.store).await?;
    let lookup = CatalogueLookup {
        state,
        loaded: &loaded,
    };
    for line in v
        .competences
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match lookup.competence(line) {
            Found::One(code) => {
                let label = loaded
                    .referentiel
                    .skill(CompetenceId(code))
                    .map(|s| s.libelle.clone())
                    .unwrap_or_else(|| line.to_owned());
                sujets.push(("competence".to_owned(), code.to_string()));
                libelles.push(label);
            }
            Found::None => errors.add(
                "competences",
                tr.ts("expert-error-competence-inconnue", "texte", line),
            ),
            Found::Several(choices) => errors.add(
                "competences",
                tr.ts(
                    "expert-error-competence-ambigue",
                    "choix",
                    &choices.join(" ; "),
                ),
            ),
        }
    }
    for kw in v
        .mots_cles
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        sujets.push(("mot_cle".to_owned(), kw.to_owned()));
        libelles.push(kw.to_owned());
    }
    let saisie = SaisieProfil {
        titre: v.titre.clone(),
        presentation: v.presentation.clone(),
        sujets: sujets.clone(),
        offres: v.offres.clone(),
        langues: v
            .langues
            .split([',', ';', ' '])
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        disponibilite: v.disponibilite.clone(),
    };
    let profil = match ProfilExpert::parse(&saisie) {
        Ok(p) => Some(p),
        Err(refused) => {
            for (field, e) in refused {
                let field = match field {
                    "sujets" => "mots_cles",
                    f => f,
                };
                errors.add(field, tr.t(e.message_key()));
            }
            None
        }
    };
    match (profil, errors.is_empty()) {
        (Some(profil), true) => {
            // The parsed profile keeps each subject once, in the order
            // typed: labels follow the same rule.
            let libelles = profil
                .sujets
                .iter()
                .map(|s| {
                    sujets
                        .iter()
                        .position(|(k, c)| SujetExpert::parse(k, c).ok().as_ref() == Some(s))
                        .and_then(|i| libelles.get(i).cloned())
                        .unwrap_or_else(|| s.code().to_owned())
                })
                .collect();
            Ok(Ok(ProfilEcrit {
                profil,
                libelles,
                organisation_id,
                contributions_publiques: v.contributions_publiques,
            }))
        }
        _ => Ok(Err(errors)),
    }
}

pub(crate) async fn save(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = ProfilValues::from_pairs(pairs);
    match check(&state, &tr, &me, &v).await? {
        Ok(input) => {
            let id = state
                .store
                .expertise()
                .enregistrer_profil(me.user.id, &input)
                .await?;
            crate::routes::search::expert_changed(&state, id).await;
            Ok(see_other("/compte/expert?ok=profil"))
        }
        Err(errors) => {
            let page = profil_page(&state, chrome, &me, errors, Some(v)).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct EtatForm {
    etat: String,
}

/// Pauses, resumes or withdraws the signed-in person's profile.
pub(crate) async fn etat(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Form(form): Form<EtatForm>,
) -> AppResult<Response> {
    let etat = EtatProfil::parse(&form.etat).map_err(|_| AppError::BadRequest {
        key: "expert-error-etat",
        detail: None,
    })?;
    let store = state.store.expertise();
    let Some(e) = store.expert_de(me.user.id).await? else {
        return Err(AppError::NotFound);
    };
    store.changer_etat_profil(me.user.id, etat).await?;
    crate::routes::search::expert_changed(&state, e.id).await;
    Ok(see_other(&format!("/compte/expert?ok={}", etat.as_str())))
}
