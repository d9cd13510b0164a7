//! The training-path API: `POST /api/v1/parcours` (profile, target and
//! constraints → gap and plans) and `GET /api/v1/passerelles/{code_rome}`
//! (trades ranked by proximity, each with its gap and its best plan's
//! summary). The request is translated into the guided form's values and
//! checked by the same validation, so that both doors accept and refuse
//! the same things; errors name the API's own fields.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use campus_domain::CodeRome;
use campus_domain::parcours::demande::EXPERIENCE_ROWS;
use campus_domain::parcours::{Champ, DemandeParcoursError, SaisieParcours};
use campus_parcours::Route;
use campus_parcours::gap::Requirement;
use campus_parcours::passerelles::{passerelles, summary_plan, with_every_mobilite};
use campus_parcours::plan::{Objective, Outcome, Plan, PlanReason, UnitKind};
use campus_store::parcours::Canal;
use campus_store::rate_limits::Limit;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::auth::{MaybeUser, PeerAddr, client_ip};
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, FieldProblem, Problem};
use crate::forms::ApiJson;
use crate::i18n::Tr;
use crate::parcours::demande::{message, parse};
use crate::parcours::engine::Loaded;
use crate::parcours::view::{compute, noter};
use crate::rate_limit::{self, Check};
use crate::state::AppState;

pub fn routes() -> Vec<RouteDef> {
    vec![
        // The public form computes the same for anyone: no token needed,
        // a limit per client address instead.
        RouteDef::post("/api/v1/parcours", Access::Public, api_parcours),
        RouteDef::get(
            "/api/v1/passerelles/{code_rome}",
            Access::Public,
            api_passerelles,
        ),
    ]
}

#[derive(OpenApi)]
#[openapi(
    paths(api_parcours, api_passerelles),
    components(schemas(ParcoursRequest, ExperienceDto, ParcoursResponse, MetierRef, MissingCompetenceDto, PlanDto, UnitDto, MetierVoisinDto, CertificationRef, VaeDto, InfeasibleDto, CompetenceRef, RelaxDto, PasserellesResponse, PasserelleDto, PlanSummaryDto)),
    tags((name = "parcours", description = "Parcours individuels de formation et passerelles entre métiers"))
)]
pub(crate) struct ParcoursApi;

/// A trade the person holds or held.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ExperienceDto {
    /// Code ROME, par exemple H3301.
    metier: String,
    /// Années d'expérience (0 à 50).
    annees: f32,
}

/// Profil, métier visé et contraintes. Les erreurs de validation
/// (problem+json, 422) nomment ces champs.
#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct ParcoursRequest {
    /// Situation : `collegien`, `lyceen`, `etudiant`, `apprenti`, `salarie`,
    /// `demandeur_emploi`. Seuls élèves et étudiants se voient proposer la
    /// formation initiale ; absente, toutes les voies restent ouvertes.
    statut: Option<String>,
    /// Métiers exercés (au plus 3).
    experiences: Vec<ExperienceDto>,
    /// Certifications détenues en entier : intitulé ou code RNCP ou RS.
    certifications: Vec<String>,
    /// Blocs de compétences validés : intitulé ou code.
    blocs: Vec<String>,
    /// Codes OGR des compétences ROME déclarées.
    competences: Vec<i64>,
    /// Plus haut niveau de certification détenu (3 à 8).
    niveau: Option<u8>,
    /// Commune du domicile : nom, code postal ou code INSEE.
    commune: Option<String>,
    /// Métier visé : code ROME (ou intitulé).
    cible: String,
    /// `initiale`, `apprentissage`, `formation_continue`, `vae` ; vide : toutes.
    modalites: Vec<String>,
    distance_max_km: Option<f64>,
    /// `AAAA-MM-JJ` : chaque unité commence au plus tard ce jour-là.
    debut_avant: Option<String>,
    duree_max_heures: Option<u32>,
    /// Niveaux au-dessus de celui de l'apprenant (1 à 3, 2 par défaut).
    ecart_niveau_max: Option<u8>,
    /// Aucune limite de niveau (l'emporte sur `ecart_niveau_max`).
    sans_limite_de_niveau: bool,
    /// `duree` (par défaut), `cout` ou `distance`.
    objectif: Option<String>,
}

/// The API field an error of the request belongs to.
fn api_field(champ: Champ) -> String {
    match champ {
        Champ::Metier(row) => format!("experiences[{row}].metier"),
        Champ::Annees(row) => format!("experiences[{row}].annees"),
        Champ::Modalite(_) => "modalites".to_owned(),
        Champ::Distance => "distance_max_km".to_owned(),
        Champ::DureeMax => "duree_max_heures".to_owned(),
        Champ::NiveauMax => "ecart_niveau_max".to_owned(),
        Champ::Statut
        | Champ::Certifications
        | Champ::Blocs
        | Champ::Competences
        | Champ::Niveau
        | Champ::Commune
        | Champ::Cible
        | Champ::DebutAvant
        | Champ::Objectif => champ.nom().to_owned(),
    }
}

fn invalid(fields: Vec<(String, String)>) -> AppError {
    AppError::Invalid(
        fields
            .into_iter()
            .map(|(field, message)| FieldProblem { field, message })
            .collect(),
    )
}

/// The request as the form's values, or the errors of a document no form
/// field can carry (too many rows, unknown modality).
fn as_saisie(req: &ParcoursRequest, chrome: &Chrome) -> Result<SaisieParcours, AppError> {
    let tr = chrome.tr();
    let mut problems = Vec::new();
    if req.experiences.len() > EXPERIENCE_ROWS {
        problems.push((
            "experiences".to_owned(),
            tr.tn("parcours-error-experiences", "max", EXPERIENCE_ROWS as u64),
        ));
    }
    let mut d = SaisieParcours {
        statut: req.statut.clone().unwrap_or_default(),
        certifications: req.certifications.join("\n"),
        blocs: req.blocs.join("\n"),
        competences: req
            .competences
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        niveau: req.niveau.map(|n| n.to_string()).unwrap_or_default(),
        commune: req.commune.clone().unwrap_or_default(),
        cible: req.cible.clone(),
        distance: req
            .distance_max_km
            .map(|k| k.to_string())
            .unwrap_or_default(),
        debut_avant: req.debut_avant.clone().unwrap_or_default(),
        duree_max: req
            .duree_max_heures
            .map(|h| h.to_string())
            .unwrap_or_default(),
        niveau_max: if req.sans_limite_de_niveau {
            "libre".to_owned()
        } else {
            req.ecart_niveau_max
                .map(|n| n.to_string())
                .unwrap_or_default()
        },
        objectif: req.objectif.clone().unwrap_or_default(),
        ..SaisieParcours::default()
    };
    for (row, e) in req.experiences.iter().take(EXPERIENCE_ROWS).enumerate() {
        let (metier, annees) = match row {
            0 => (&mut d.metier_1, &mut d.annees_1),
            1 => (&mut d.metier_2, &mut d.annees_2),
            _ => (&mut d.metier_3, &mut d.annees_3),
        };
        *metier = e.metier.clone();
        *annees = e.annees.to_string();
    }
    for m in &req.modalites {
        match m.as_str() {
            "initiale" => d.mod_initiale = "1".to_owned(),
            "apprentissage" => d.mod_apprentissage = "1".to_owned(),
            "formation_continue" => d.mod_continue = "1".to_owned(),
            "vae" => d.mod_vae = "1".to_owned(),
            _ => problems.push((
                "modalites".to_owned(),
                tr.ts("parcours-error-modalite", "valeur", m),
            )),
        }
    }
    if problems.is_empty() {
        Ok(d)
    } else {
        Err(invalid(problems))
    }
}

/// The request's errors under the API's field names.
fn api_errors(tr: &Tr, errors: &[DemandeParcoursError]) -> AppError {
    invalid(
        errors
            .iter()
            .map(|e| (api_field(e.champ()), message(tr, e)))
            .collect(),
    )
}

#[derive(Serialize, ToSchema)]
pub(crate) struct MetierRef {
    code_rome: String,
    libelle: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct CompetenceRef {
    code_ogr: i64,
    libelle: String,
}

/// A skill of the target trade the person lacks, and why it is asked.
#[derive(Serialize, ToSchema)]
pub(crate) struct MissingCompetenceDto {
    code_ogr: i64,
    libelle: String,
    /// `savoir_faire`, `savoir_etre` or `savoir`.
    kind: String,
    /// `coeur` (cœur de métier : tout plan la couvre), `emergente` ou `autre`.
    exigence: String,
    /// Pourquoi le métier la demande, en clair.
    raison: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct CertificationRef {
    code: String,
    libelle: String,
}

/// A unit of a plan.
#[derive(Serialize, ToSchema)]
pub(crate) struct UnitDto {
    id: String,
    /// `bloc`, `certification` ou `module`.
    #[serde(rename = "type")]
    kind: String,
    code: Option<String>,
    libelle: String,
    /// Compétences de l'écart que l'unité est la première à couvrir.
    couvre: Vec<CompetenceRef>,
    debut: Option<String>,
    fin: Option<String>,
    lieu: Option<String>,
    /// L'organisme de formation, ou les certificateurs à contacter pour une
    /// unité `sans_session`.
    organisme: Option<String>,
    formation_id: Option<String>,
    /// Aucune session connue au catalogue : dates et coût sont à demander
    /// aux certificateurs (`organisme`), le lieu aussi sauf quand l'annuaire
    /// situe le certificateur (`lieu`, `distance_km`) ; l'unité compte la
    /// durée habituelle du diplôme et un coût nul.
    sans_session: bool,
    distance_km: Option<f64>,
    duree_heures: u32,
    cout_euros: u32,
    /// `initiale`, `apprentissage`, `formation_continue` ou `vae`.
    modalite: String,
    /// La certification de l'unité (ou du bloc) est inscrite pour le métier
    /// visé.
    mene_au_metier: bool,
    /// Sinon, le métier voisin pour lequel elle est inscrite et qui partage
    /// le plus de compétences cœur avec le métier visé.
    metier_voisin: Option<MetierVoisinDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct MetierVoisinDto {
    code_rome: String,
    libelle: String,
    /// Compétences cœur du métier visé que le métier voisin a aussi.
    competences_coeur_partagees: usize,
    /// Compétences cœur du métier visé.
    competences_coeur: usize,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PlanDto {
    /// `meilleur`, `sans_unite` (sans l'unité principale du meilleur),
    /// `autre_objectif`, ou `plus_proche` : aucun plan ne couvre tout le
    /// cœur du métier sous les contraintes, celui-ci en couvre le plus
    /// (voir `sans_plan.restantes`).
    raison: String,
    /// `duree`, `cout` ou `distance`.
    objectif: String,
    duree_heures: u64,
    cout_euros: u64,
    /// Somme des distances depuis le domicile ; `null` sans commune de
    /// domicile (distance non calculée).
    distance_km: Option<f64>,
    /// Prouvé optimal par la recherche.
    optimal: bool,
    /// Certifications obtenues en entier.
    certifications: Vec<CertificationRef>,
    unites: Vec<UnitDto>,
    /// Compétences de l'écart (jamais cœur de métier) que le plan laisse.
    non_couvertes: Vec<CompetenceRef>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct VaeDto {
    certification: CertificationRef,
    /// Part des compétences de la certification déjà détenues (0 à 1).
    part: f32,
    manquantes: Vec<CompetenceRef>,
    /// Le métier exercé auquel la certification mène, quand c'est ce qui
    /// la fait proposer.
    experience: Option<MetierRef>,
    /// Années d'expérience demandées pour une VAE.
    annees_requises: f32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct RelaxDto {
    /// `modalites`, `distance_max`, `debut_avant`, `duree_max` ou `niveau`.
    contrainte: String,
    /// En clair.
    message: String,
    duree_heures: u64,
    cout_euros: u64,
    /// `null` sans commune de domicile.
    distance_km: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct InfeasibleDto {
    /// Compétences cœur qu'aucune unité admise n'enseigne.
    bloquantes: Vec<CompetenceRef>,
    /// Compétences cœur qu'aucune formation du catalogue n'enseigne.
    non_enseignees: Vec<CompetenceRef>,
    /// Chaque contrainte dont le relâchement seul rend un plan possible.
    relacher: Vec<RelaxDto>,
    /// Relâcher toutes les contraintes ensemble rendrait un plan possible.
    tout_relacher: bool,
    /// Compétences cœur que le plan le plus proche (`plans`, raison
    /// `plus_proche`) laisse : à acquérir par un module à la demande, en
    /// entreprise (apprentissage, contrat de professionnalisation) ou par
    /// VAE.
    restantes: Vec<CompetenceRef>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct ParcoursResponse {
    cible: MetierRef,
    /// Part pondérée des compétences du métier déjà détenues (0 à 1).
    preparation: f32,
    ecart: Vec<MissingCompetenceDto>,
    /// Le meilleur plan d'abord, puis les variantes ; sans plan possible,
    /// le plan le plus proche s'il y en a un.
    plans: Vec<PlanDto>,
    vae: Vec<VaeDto>,
    /// Présent quand aucun plan ne respecte les contraintes.
    sans_plan: Option<InfeasibleDto>,
}

fn competence_ref(loaded: &Loaded, id: campus_parcours::CompetenceId) -> CompetenceRef {
    CompetenceRef {
        code_ogr: id.0,
        libelle: loaded
            .referentiel
            .skill(id)
            .map(|s| s.libelle.clone())
            .unwrap_or_default(),
    }
}

fn certification_ref(loaded: &Loaded, code: &campus_domain::CodeCertification) -> CertificationRef {
    CertificationRef {
        code: code.as_str().to_owned(),
        libelle: loaded
            .referentiel
            .certification(code)
            .map(|c| c.libelle.clone())
            .unwrap_or_default(),
    }
}

/// An engine enumeration's serialised name (`formation_continue`,
/// `distance_max`): the API speaks the engine's own words.
fn snake<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn objective_str(o: Objective) -> &'static str {
    match o {
        Objective::Duree => "duree",
        Objective::Cout => "cout",
        Objective::Distance => "distance",
    }
}

fn plan_dto(loaded: &Loaded, target: &CodeRome, p: &Plan) -> PlanDto {
    PlanDto {
        raison: match p.reason {
            PlanReason::Best => "meilleur",
            PlanReason::WithoutUnit { .. } => "sans_unite",
            PlanReason::Objective { .. } => "autre_objectif",
            PlanReason::Closest => "plus_proche",
        }
        .to_owned(),
        objectif: objective_str(p.objective).to_owned(),
        duree_heures: p.totals.duree_heures,
        cout_euros: p.totals.cout_euros,
        distance_km: p.totals.distance_km,
        optimal: p.optimal,
        certifications: p
            .certifications
            .iter()
            .map(|c| certification_ref(loaded, c))
            .collect(),
        unites: p
            .units
            .iter()
            .map(|pu| {
                let u = &pu.unit;
                let place = loaded.place(u);
                let (kind, code) = match &u.kind {
                    UnitKind::Bloc(b) => ("bloc", Some(b.clone())),
                    UnitKind::Certification(c) => ("certification", Some(c.as_str().to_owned())),
                    UnitKind::Module => ("module", None),
                };
                let r = &loaded.referentiel;
                let certification = match &u.kind {
                    UnitKind::Certification(c) => Some(c),
                    UnitKind::Bloc(b) => r.bloc_certification(b),
                    UnitKind::Module => None,
                };
                let route = certification.and_then(|c| r.route(c, target));
                UnitDto {
                    id: u.id.clone(),
                    kind: kind.to_owned(),
                    code,
                    libelle: u.libelle.clone(),
                    couvre: pu
                        .covers
                        .iter()
                        .map(|s| competence_ref(loaded, *s))
                        .collect(),
                    debut: u.debut.map(|d| d.to_string()),
                    fin: u.fin.map(|d| d.to_string()),
                    lieu: place.and_then(|p| p.lieu.clone()),
                    organisme: place.map(|p| p.organisme.clone()),
                    formation_id: place.and_then(|p| p.formation_id.clone()),
                    sans_session: place.is_some_and(|p| p.sans_session),
                    distance_km: pu.distance_km,
                    duree_heures: u.duree_heures,
                    cout_euros: u.cout_euros,
                    modalite: snake(u.modalite),
                    mene_au_metier: route == Some(Route::Metier),
                    metier_voisin: match route {
                        Some(Route::Voisin {
                            metier,
                            libelle,
                            partage,
                            coeur,
                        }) => Some(MetierVoisinDto {
                            code_rome: metier.as_str().to_owned(),
                            libelle,
                            competences_coeur_partagees: partage,
                            competences_coeur: coeur,
                        }),
                        _ => None,
                    },
                }
            })
            .collect(),
        non_couvertes: p
            .uncovered
            .iter()
            .map(|s| competence_ref(loaded, *s))
            .collect(),
    }
}

#[utoipa::path(post, path = "/api/v1/parcours", tag = "parcours",
    request_body = ParcoursRequest,
    responses((status = 200, body = ParcoursResponse),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json")),
    security((), ("jeton" = [])))]
pub(crate) async fn api_parcours(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(identity): MaybeUser,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    ApiJson(req): ApiJson<ParcoursRequest>,
) -> AppResult<Json<ParcoursResponse>> {
    if identity.is_none() {
        let ip = client_ip(&state, &headers, peer);
        rate_limit::admit(
            &state,
            &[Check {
                bucket: "parcours-ip",
                key: &ip,
                limit: Limit {
                    max: state.config.security.anonymous_parcours_per_ip_minute,
                    window: chrono::Duration::minutes(1),
                },
            }],
        )
        .await?;
    }
    let d = as_saisie(&req, &chrome)?;
    let loaded = state.parcours.current(&state.store).await?;
    let tr = chrome.tr();
    let demande = parse(&state, &loaded, &d).map_err(|errors| api_errors(&tr, &errors))?;
    let computed = compute(&loaded, &demande)
        .map_err(|e| invalid(vec![("profil".to_owned(), tr.t(e.message_key()))]))?;
    noter(&state.store, &demande, &computed, Canal::Api).await;
    let g = &computed.gap;
    let ecart = g
        .missing
        .iter()
        .map(|m| MissingCompetenceDto {
            code_ogr: m.skill.0,
            libelle: m.libelle.clone(),
            kind: m.kind.to_owned(),
            exigence: match m.requirement {
                Requirement::Core => "coeur",
                Requirement::Emergent => "emergente",
                Requirement::Other => "autre",
            }
            .to_owned(),
            raison: tr.t(match m.requirement {
                Requirement::Core => "parcours-why-core",
                Requirement::Emergent => "parcours-why-emergent",
                Requirement::Other => "parcours-why-other",
            }),
        })
        .collect();
    let vae_dto = |v: &campus_parcours::plan::VaeSuggestion| VaeDto {
        certification: certification_ref(&loaded, &v.certification),
        part: v.share,
        manquantes: v
            .missing
            .iter()
            .map(|s| competence_ref(&loaded, *s))
            .collect(),
        experience: v.experience.as_ref().map(|(code, _)| MetierRef {
            code_rome: code.as_str().to_owned(),
            libelle: loaded
                .referentiel
                .metier(code)
                .map(|m| m.libelle.clone())
                .unwrap_or_default(),
        }),
        annees_requises: v.years_required,
    };
    let (plans, vae, sans_plan) = match &computed.outcome {
        Outcome::Plans {
            best,
            alternatives,
            vae,
        } => (
            std::iter::once(best)
                .chain(alternatives)
                .map(|p| plan_dto(&loaded, &g.metier, p))
                .collect(),
            vae.iter().map(vae_dto).collect(),
            None,
        ),
        Outcome::Infeasible { infeasibility, vae } => (
            infeasibility
                .closest
                .iter()
                .map(|c| plan_dto(&loaded, &g.metier, &c.plan))
                .collect(),
            vae.iter().map(vae_dto).collect(),
            Some(InfeasibleDto {
                bloquantes: infeasibility
                    .blocking
                    .iter()
                    .map(|s| competence_ref(&loaded, *s))
                    .collect(),
                non_enseignees: infeasibility
                    .unteachable
                    .iter()
                    .map(|s| competence_ref(&loaded, *s))
                    .collect(),
                relacher: infeasibility
                    .relax
                    .iter()
                    .map(|r| RelaxDto {
                        contrainte: snake(r.constraint),
                        message: crate::parcours::view::relax_sentence(&tr, r),
                        duree_heures: r.totals.duree_heures,
                        cout_euros: r.totals.cout_euros,
                        distance_km: r.totals.distance_km,
                    })
                    .collect(),
                tout_relacher: infeasibility.relax_all,
                restantes: infeasibility
                    .closest
                    .iter()
                    .flat_map(|c| &c.remaining)
                    .map(|s| competence_ref(&loaded, *s))
                    .collect(),
            }),
        ),
    };
    Ok(Json(ParcoursResponse {
        cible: MetierRef {
            code_rome: g.metier.as_str().to_owned(),
            libelle: g.metier_libelle.clone(),
        },
        preparation: g.readiness(),
        ecart,
        plans,
        vae,
        sans_plan,
    }))
}

/// Which trades to rank.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct PasserellesParams {
    /// `campus` : seulement les métiers du secteur du campus.
    secteur: Option<String>,
    /// Nombre de métiers rendus (1 à 50, 10 par défaut) ; toutes les
    /// mobilités officielles du métier sont rendues, même au-delà.
    limite: Option<String>,
}

/// The best plan towards a trade for someone with a few years in the
/// current one.
#[derive(Serialize, ToSchema)]
pub(crate) struct PlanSummaryDto {
    duree_heures: u64,
    cout_euros: u64,
    unites: usize,
    certifications: Vec<CertificationRef>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PasserelleDto {
    code_rome: String,
    libelle: String,
    /// Proximité (0 à 1) : 0,4 × mobilité officielle + 0,4 × recouvrement du cœur + 0,2 × (1 − écart).
    score: f32,
    /// Rang dans les mobilités officielles ROME (1 : la plus proche).
    mobilite_rang: Option<usize>,
    recouvrement: f32,
    /// Compétences cœur du métier visé que le métier actuel n'a pas.
    competences_coeur_manquantes: usize,
    /// Part pondérée des compétences du métier visé qui manquent.
    part_ecart: f32,
    /// Meilleur plan (durée) pour un adulte qui a trois ans dans le métier
    /// actuel, hors formation initiale, au plus un niveau au-dessus du
    /// niveau d'entrée du métier visé ; absent quand le catalogue n'en
    /// permet aucun.
    plan: Option<PlanSummaryDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PasserellesResponse {
    depuis: MetierRef,
    passerelles: Vec<PasserelleDto>,
}

const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 50;

/// The summary of a passerelle's plan ([`summary_plan`]), if any.
fn plan_summary(loaded: &Loaded, from: &CodeRome, to: &CodeRome) -> Option<PlanSummaryDto> {
    let best = summary_plan(&loaded.referentiel, &loaded.units, from, to)?;
    Some(PlanSummaryDto {
        duree_heures: best.totals.duree_heures,
        cout_euros: best.totals.cout_euros,
        unites: best.units.len(),
        certifications: best
            .certifications
            .iter()
            .map(|c| certification_ref(loaded, c))
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/passerelles/{code_rome}", tag = "parcours",
    params(("code_rome" = String, Path, description = "Code ROME du métier actuel, par exemple H3301"), PasserellesParams),
    responses((status = 200, body = PasserellesResponse),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_passerelles(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(p): Query<PasserellesParams>,
) -> AppResult<Json<PasserellesResponse>> {
    let code = CodeRome::parse(&code).map_err(|_| AppError::NotFound)?;
    let sector_only = match p.secteur.as_deref().map(str::trim) {
        None | Some("") => false,
        Some("campus") => true,
        Some(_) => {
            return Err(AppError::BadRequest {
                key: "parcours-error-secteur",
                detail: None,
            });
        }
    };
    let limit = match p.limite.as_deref().map(str::trim) {
        None | Some("") => DEFAULT_LIMIT,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(AppError::BadRequest {
                    key: "parcours-error-limite",
                    detail: None,
                });
            }
        },
    };
    let loaded = state.parcours.current(&state.store).await?;
    let Some(from) = loaded.referentiel.metier(&code) else {
        return Err(AppError::NotFound);
    };
    let ranked = passerelles(&loaded.referentiel, &code).map_err(|_| AppError::NotFound)?;
    let sector = &state.config.sector.romes;
    let ranked = ranked
        .into_iter()
        .filter(|p| !sector_only || sector.iter().any(|s| s == p.cible.as_str()))
        .collect();
    let found = with_every_mobilite(ranked, limit)
        .into_iter()
        .map(|p| PasserelleDto {
            plan: plan_summary(&loaded, &code, &p.cible),
            code_rome: p.cible.as_str().to_owned(),
            libelle: p.libelle,
            score: p.score,
            mobilite_rang: p.parts.mobilite_rang,
            recouvrement: p.parts.overlap,
            competences_coeur_manquantes: p.parts.core_missing,
            part_ecart: p.parts.gap_share,
        })
        .collect();
    Ok(Json(PasserellesResponse {
        depuis: MetierRef {
            code_rome: from.code.as_str().to_owned(),
            libelle: from.libelle.clone(),
        },
        passerelles: found,
    }))
}
