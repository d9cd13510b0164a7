//! Certifications (RNCP, RS): level and its meaning, access routes,
//! activities, blocs de compétences with their skills, certifiers, trades
//! they lead to, old and new versions, ONISEP pages and Éducation
//! nationale diplomas.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use campus_domain::competences::{Competence, competences};
use campus_domain::{CodeCertification, Niveau};
use campus_store::certifications::{BlocPage, CertificationPage};
use serde::Serialize;
use utoipa::ToSchema;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{BlocView, CertificationPageView, CompetenceView, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/certifications/{code}", Access::Public, show),
        RouteDef::get(
            "/api/v1/certifications/{code}",
            Access::Public,
            api_certification,
        ),
    ]
}

async fn load(state: &AppState, code: &str) -> AppResult<CertificationPage> {
    let code = CodeCertification::parse(code).map_err(|_| AppError::NotFound)?;
    Ok(state.store.certification(&code).await?)
}

fn title(c: &CertificationPage) -> String {
    c.entries
        .first()
        .map(|e| e.libelle.clone())
        .or_else(|| c.fiche.as_ref().map(|f| f.intitule.clone()))
        .unwrap_or_else(|| c.code.as_str().to_owned())
}

fn niveau(c: &CertificationPage) -> Option<Niveau> {
    c.entries
        .iter()
        .filter_map(|e| e.niveau)
        .chain(c.fiche.as_ref().and_then(|f| f.niveau))
        .find_map(|n| u8::try_from(n).ok().and_then(Niveau::new))
}

/// Skills with their parts: a part before any skill stands on its own.
fn nest(items: impl IntoIterator<Item = Competence>) -> Vec<CompetenceView> {
    let mut nested: Vec<CompetenceView> = Vec::new();
    for item in items {
        match nested.last_mut() {
            Some(skill) if item.niveau == 2 => skill.parts.push(item.libelle),
            _ => nested.push(CompetenceView {
                libelle: item.libelle,
                parts: Vec::new(),
            }),
        }
    }
    nested
}

fn bloc_competences(b: &BlocPage) -> Vec<Competence> {
    b.competences
        .iter()
        .map(|c| Competence {
            niveau: u8::try_from(c.niveau).unwrap_or(1),
            libelle: c.libelle.clone(),
        })
        .collect()
}

/// A stored `AAAA-MM-JJ` date as the French read it.
fn french_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let c = load(&state, &code).await?;
    let text = |pick: fn(&campus_store::entity::rncp_fiche::Model) -> &Option<String>| {
        c.fiche
            .as_ref()
            .and_then(|f| pick(f).as_deref())
            .map(|t| nest(competences(t)))
            .unwrap_or_default()
    };
    let date = |pick: fn(&campus_store::entity::rncp_fiche::Model) -> &Option<String>| {
        c.fiche
            .as_ref()
            .and_then(|f| pick(f).as_deref())
            .map(french_date)
    };
    let formations = state.store.formations_of_certification(&c.code).await?;
    let offres = crate::routes::insertion::offres_liees(
        &state,
        &chrome.tr(),
        &campus_store::insertion::FiltreOffres {
            certification: Some(c.code.clone()),
            codes_rome: c.metiers.iter().map(|m| m.code_rome.clone()).collect(),
            ..Default::default()
        },
    )
    .await?;
    let ressources = crate::routes::ressources::cartes(
        &state,
        &campus_store::ressources::FiltreRessources {
            certification: Some(c.code.as_str().to_owned()),
            ..Default::default()
        },
    )
    .await?;
    let page = CertificationPageView {
        ressources,
        offres,
        formations,
        title: title(&c),
        niveau: niveau(&c),
        blocs: c
            .blocs
            .iter()
            .map(|b| BlocView {
                code: b.code.clone(),
                libelle: b.libelle.clone(),
                skills: nest(bloc_competences(b)),
                modalites: b.modalites_evaluation.clone(),
            })
            .collect(),
        activites: text(|f| &f.activites_visees),
        capacites: text(|f| &f.capacites_attestees),
        date_effet: date(|f| &f.date_effet),
        date_fin: date(|f| &f.date_fin_enregistrement),
        c,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A skill listed by a bloc.
#[derive(Serialize, ToSchema)]
pub(crate) struct CompetenceDto {
    /// 1 for a skill, 2 for a part of the skill listed before it.
    niveau: u8,
    libelle: String,
}

/// A bloc de compétences.
#[derive(Serialize, ToSchema)]
pub(crate) struct BlocDto {
    code: String,
    libelle: String,
    /// The skills it lists, one per item (from the RNCP XML export).
    competences: Vec<CompetenceDto>,
    /// How the bloc is assessed, as published.
    modalites_evaluation: Option<String>,
}

/// A code with the label the register gives it.
#[derive(Serialize, ToSchema)]
pub(crate) struct CodeLibelleDto {
    code: String,
    libelle: String,
}

/// A diploma of ONISEP's Idéo list registered under this code.
#[derive(Serialize, ToSchema)]
pub(crate) struct OnisepDto {
    libelle: String,
    type_formation: Option<String>,
    duree: Option<String>,
    url: String,
}

/// A certification of the RNCP or of the Répertoire spécifique.
#[derive(Serialize, ToSchema)]
pub(crate) struct CertificationDto {
    code: String,
    libelle: String,
    /// National level, 3 (CAP) to 8 (doctorate).
    niveau: Option<u8>,
    type_diplome: Option<String>,
    etat: Option<String>,
    formacode: Option<String>,
    nsf: Option<String>,
    /// Whether the register says it can still be awarded (XML export).
    actif: Option<bool>,
    /// `AAAA-MM-JJ`.
    date_fin_enregistrement: Option<String>,
    /// Ways to obtain it: `FI` initial training, `CA` apprenticeship, `FC`
    /// continuing education, `CQ` professionalisation contract, `CL`
    /// individual candidate, `VAE`.
    voies_acces: Vec<String>,
    activites_visees: Option<String>,
    capacites_attestees: Option<String>,
    blocs: Vec<BlocDto>,
    certificateurs: Vec<String>,
    /// ROME codes of the trades it leads to.
    metiers: Vec<String>,
    codes_rome: Vec<CodeLibelleDto>,
    codes_nsf: Vec<CodeLibelleDto>,
    formacodes: Vec<CodeLibelleDto>,
    /// Éducation nationale diploma codes (CFD).
    cfd: Vec<String>,
    onisep: Vec<OnisepDto>,
    anciennes: Vec<String>,
    nouvelles: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/certifications/{code}", tag = "catalogue",
    params(("code" = String, Path, description = "Code RNCP ou RS, par exemple RNCP36085 ou RS5000")),
    responses((status = 200, body = CertificationDto), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_certification(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<CertificationDto>> {
    let c = load(&state, &code).await?;
    let first = c.entries.first();
    let fiche = c.fiche.as_ref();
    let pairs = |codes: Vec<campus_store::entity::rncp_fiche_code::Model>| {
        codes
            .into_iter()
            .map(|c| CodeLibelleDto {
                code: c.code,
                libelle: c.libelle,
            })
            .collect()
    };
    Ok(Json(CertificationDto {
        code: c.code.as_str().to_owned(),
        libelle: title(&c),
        niveau: niveau(&c).map(Niveau::value),
        type_diplome: first.and_then(|e| e.type_libelle.clone()),
        etat: first.and_then(|e| e.etat_libelle.clone()),
        formacode: first.and_then(|e| e.formacode.clone()),
        nsf: first.and_then(|e| e.nsf.clone()),
        actif: fiche.map(|f| f.actif),
        date_fin_enregistrement: fiche.and_then(|f| f.date_fin_enregistrement.clone()),
        voies_acces: c.voies.iter().map(|v| v.code().to_owned()).collect(),
        activites_visees: fiche.and_then(|f| f.activites_visees.clone()),
        capacites_attestees: fiche.and_then(|f| f.capacites_attestees.clone()),
        blocs: c
            .blocs
            .iter()
            .map(|b| BlocDto {
                competences: bloc_competences(b)
                    .into_iter()
                    .map(|s| CompetenceDto {
                        niveau: s.niveau,
                        libelle: s.libelle,
                    })
                    .collect(),
                code: b.code.clone(),
                libelle: b.libelle.clone(),
                modalites_evaluation: b.modalites_evaluation.clone(),
            })
            .collect(),
        certificateurs: c.certificateurs.into_iter().map(|x| x.nom).collect(),
        metiers: c.metiers.into_iter().map(|m| m.code_rome).collect(),
        codes_rome: pairs(c.romes),
        codes_nsf: pairs(c.nsf),
        formacodes: pairs(c.formacodes),
        cfd: c.diplomes_bcn.into_iter().map(|d| d.cfd).collect(),
        onisep: c
            .onisep
            .into_iter()
            .map(|f| OnisepDto {
                libelle: f.libelle,
                type_formation: f.type_libelle,
                duree: f.duree,
                url: f.url,
            })
            .collect(),
        anciennes: c.anciennes,
        nouvelles: c.nouvelles,
    }))
}
