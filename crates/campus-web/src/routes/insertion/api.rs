//! The insertion API: offers (list with facets and, for a learner with a
//! profile, the fit; one offer; posting and editing), applications (sent
//! with a CV, listed, moved along the pipeline). Same checks and same
//! steps as the site; errors are problem documents, with one message per
//! field for invalid input.

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_domain::Role;
use campus_store::insertion::{Candidature, FiltreOffres, Offre};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::adequation::{Evaluation, Profil};
use super::candidatures::{StepForm, read_envoi, send, take_step};
use super::pages::{FacetValue, ListQuery, create_offre, listed, offre_or_404, update_offre};
use super::validate::OffreValues;
use super::{Lecteur, lecteur, organisations_for, path_id, recruteur};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, Problem};
use crate::forms::ApiJson;
use crate::i18n::Tr;
use crate::state::AppState;

/// A skill asked by an offer.
#[derive(Serialize, ToSchema)]
pub(crate) struct CompetenceDto {
    /// OGR code of the ROME skill.
    code: i64,
    libelle: String,
}

/// A unit of the catalogue that teaches a missing skill.
#[derive(Serialize, ToSchema)]
pub(crate) struct UniteDto {
    libelle: String,
    heures: u32,
}

/// A skill the person lacks, and the shortest units that teach it.
#[derive(Serialize, ToSchema)]
pub(crate) struct ManquanteDto {
    libelle: String,
    unites: Vec<UniteDto>,
}

/// An offer's fit to the signed-in learner.
#[derive(Serialize, ToSchema)]
pub(crate) struct AdequationDto {
    /// Share of the offer's skills held, 0 to 1.
    part: f32,
    detenues: usize,
    total: usize,
    manquantes: Vec<ManquanteDto>,
    distance_km: Option<u32>,
    /// `moins_15_min`, `15_30_min`, `30_60_min` or `plus_1_h`.
    trajet: Option<String>,
    /// The explanation in one French sentence.
    explication: String,
}

fn adequation_dto(e: &Evaluation) -> AdequationDto {
    AdequationDto {
        part: e.part,
        detenues: e.detenues,
        total: e.total,
        manquantes: e
            .manquantes
            .iter()
            .map(|m| ManquanteDto {
                libelle: m.libelle.clone(),
                unites: m
                    .unites
                    .iter()
                    .map(|(libelle, heures)| UniteDto {
                        libelle: libelle.clone(),
                        heures: *heures,
                    })
                    .collect(),
            })
            .collect(),
        distance_km: e.distance_km,
        trajet: e
            .trajet_key
            .map(|k| k.trim_start_matches("trajet-").to_owned()),
        explication: e.resume.clone(),
    }
}

/// An offer.
#[derive(Serialize, ToSchema)]
pub(crate) struct OffreDto {
    id: i32,
    /// `apprentissage`, `professionnalisation`, `stage`, `cdi`, `cdd`,
    /// `interim`, `stage_observation` or `immersion`.
    type_offre: String,
    intitule: String,
    description: String,
    employeur: Option<String>,
    organisation_id: Option<i32>,
    code_rome: Option<String>,
    metier: Option<String>,
    /// Level required, 3 (CAP) to 8.
    niveau: Option<u8>,
    certification: Option<String>,
    commune: String,
    code_insee: Option<String>,
    departement: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    /// `AAAA-MM-JJ`.
    date_debut: Option<String>,
    duree_mois: Option<u32>,
    postes: u32,
    postes_pourvus: u32,
    horaires: Option<String>,
    remuneration: Option<String>,
    competences: Vec<CompetenceDto>,
    /// `AAAA-MM-JJ`: the offer leaves the lists after this day.
    expire_le: String,
    /// `ouverte`, `pourvue` or `fermee`.
    etat: String,
    /// Whether it takes applications today.
    ouverte: bool,
    /// `campus`, or the partner feed it comes from (`pass`).
    source: String,
    /// The offer's page at its source, for an imported offer.
    source_lien: Option<String>,
    /// Counts the offer's changes; give it back to `PATCH` so that a
    /// change made meanwhile is not overwritten.
    version: i32,
    /// For a learner with a saved training path.
    adequation: Option<AdequationDto>,
}

fn offre_dto(o: &Offre, today: chrono::NaiveDate, e: Option<&Evaluation>) -> OffreDto {
    OffreDto {
        id: o.id,
        type_offre: o.type_offre.as_str().to_owned(),
        intitule: o.intitule.clone(),
        description: o.description.clone(),
        employeur: o.employeur.clone(),
        organisation_id: o.organisation_id,
        code_rome: o.code_rome.as_ref().map(|c| c.as_str().to_owned()),
        metier: o.metier_libelle.clone(),
        niveau: o.niveau.map(|n| n.value()),
        certification: o.certification.as_ref().map(|c| c.as_str().to_owned()),
        commune: o.commune_nom.clone(),
        code_insee: o.commune_insee.clone(),
        departement: o.departement.clone(),
        latitude: o.position.map(|p| p.lat()),
        longitude: o.position.map(|p| p.lon()),
        date_debut: o.date_debut.map(|d| d.to_string()),
        duree_mois: o.duree_mois,
        postes: o.postes,
        postes_pourvus: o.postes_pourvus,
        horaires: o.horaires.clone(),
        remuneration: o.remuneration.clone(),
        competences: o
            .competences
            .iter()
            .map(|(code, libelle)| CompetenceDto {
                code: *code,
                libelle: libelle.clone(),
            })
            .collect(),
        expire_le: o.expire_le.to_string(),
        etat: o.etat.as_str().to_owned(),
        ouverte: o.is_open(today),
        source: o.source.as_str().to_owned(),
        source_lien: o.source_lien.clone(),
        version: o.version,
        adequation: e.map(adequation_dto),
    }
}

/// One value of a facet.
#[derive(Serialize, ToSchema)]
pub(crate) struct FacetteDto {
    valeur: String,
    libelle: String,
    nombre: usize,
}

/// Counts by kind, trade, département, level and start month (`AAAA-MM`), each
/// over what the other filters leave.
#[derive(Serialize, ToSchema)]
pub(crate) struct FacettesDto {
    types: Vec<FacetteDto>,
    /// By ROME code, labelled with the trade's title.
    metiers: Vec<FacetteDto>,
    departements: Vec<FacetteDto>,
    niveaux: Vec<FacetteDto>,
    debuts: Vec<FacetteDto>,
}

/// A page of open offers.
#[derive(Serialize, ToSchema)]
pub(crate) struct OffresPage {
    items: Vec<OffreDto>,
    total: usize,
    page: usize,
    per_page: usize,
    facettes: FacettesDto,
}

fn facettes(values: Vec<FacetValue>) -> Vec<FacetteDto> {
    values
        .into_iter()
        .map(|v| FacetteDto {
            valeur: v.value,
            libelle: v.label,
            nombre: v.count,
        })
        .collect()
}

/// Offers per page of the API's list.
const PAR_PAGE: usize = 50;

#[utoipa::path(get, path = "/api/v1/offres", tag = "insertion",
    description = "Les offres ouvertes (ni expirées ni pourvues), filtrées et comptées par facette. Pour un apprenant connecté qui a enregistré un parcours, chaque offre porte son adéquation et la liste est triée par adéquation, sauf `tri=distance` ou `tri=recentes`.",
    params(
        ("type" = Option<String>, Query, description = "Type d'offre"),
        ("departement" = Option<String>, Query, description = "Département (`45`, `2A`)"),
        ("metier" = Option<String>, Query, description = "Code ROME du métier"),
        ("niveau" = Option<String>, Query, description = "Niveau exigé (3 à 8)"),
        ("debut" = Option<String>, Query, description = "Mois de début, `AAAA-MM`"),
        ("commune" = Option<String>, Query, description = "Commune d'où mesurer les distances"),
        ("distance" = Option<String>, Query, description = "Distance maximale en km"),
        ("tri" = Option<String>, Query, description = "`adequation`, `distance` ou `recentes`"),
        ("page" = Option<String>, Query, description = "Page, à partir de 1")),
    responses((status = 200, body = OffresPage)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<OffresPage>> {
    let tr = chrome.tr();
    let profil = profil_of(&state, me.as_ref()).await?;
    let l = listed(&state, &tr, &q, profil.as_ref()).await?;
    let page = q.page.parse::<usize>().unwrap_or(1).max(1);
    let today = state.clock.today();
    Ok(Json(OffresPage {
        total: l.offers.len(),
        page,
        per_page: PAR_PAGE,
        items: l
            .offers
            .iter()
            .skip((page - 1) * PAR_PAGE)
            .take(PAR_PAGE)
            .map(|(o, e)| offre_dto(o, today, e.as_ref()))
            .collect(),
        facettes: FacettesDto {
            types: facettes(l.types),
            metiers: facettes(l.metiers),
            departements: facettes(l.departements),
            niveaux: facettes(l.niveaux),
            debuts: facettes(l.debuts),
        },
    }))
}

/// The profile of a signed-in learner.
async fn profil_of(state: &AppState, me: Option<&Identity>) -> AppResult<Option<Profil>> {
    match me {
        Some(m) if m.user.role == Role::Apprenant => Profil::of_user(state, m.user.id).await,
        _ => Ok(None),
    }
}

async fn one(state: &AppState, tr: &Tr, me: Option<&Identity>, id: i32) -> AppResult<OffreDto> {
    let o = offre_or_404(state, &id.to_string()).await?;
    let e = profil_of(state, me).await?.map(|p| p.evaluer(tr, &o, None));
    Ok(offre_dto(&o, state.clock.today(), e.as_ref()))
}

#[utoipa::path(get, path = "/api/v1/offres/{id}", tag = "insertion",
    description = "Une offre, quel que soit son état ; avec l'adéquation pour un apprenant qui a enregistré un parcours.",
    params(("id" = i32, Path, description = "Numéro de l'offre")),
    responses(
        (status = 200, body = OffreDto),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Json<OffreDto>> {
    Ok(Json(
        one(&state, &chrome.tr(), me.as_ref(), path_id(&id)?).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/offres", tag = "insertion", request_body = OffreValues,
    description = "Une entreprise du réseau (ou l'équipe du campus pour elle) publie une offre. Le métier se donne par un intitulé d'emploi ou son code ROME ; sans compétences, celles du cœur de métier de la fiche ROME sont reprises. Sans date d'expiration, l'offre expire deux mois après sa publication.",
    responses(
        (status = 201, body = OffreDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    ApiJson(values): ApiJson<OffreValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let id = create_offre(&state, &tr, &me, &values)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let body = one(&state, &tr, Some(&me), id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/offres/{id}"))],
        Json(body),
    )
        .into_response())
}

/// The fields to change; those left out keep their value.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub(crate) struct OffrePatch {
    type_offre: Option<String>,
    intitule: Option<String>,
    description: Option<String>,
    metier: Option<String>,
    certification: Option<String>,
    competences: Option<String>,
    commune: Option<String>,
    date_debut: Option<String>,
    duree_mois: Option<String>,
    postes: Option<String>,
    niveau: Option<String>,
    horaires: Option<String>,
    remuneration: Option<String>,
    contact_nom: Option<String>,
    contact_email: Option<String>,
    expire_le: Option<String>,
    /// `fermee` closes the offer at once.
    etat: Option<String>,
    /// The version read: a change made meanwhile is refused (409).
    version: Option<i32>,
}

#[utoipa::path(patch, path = "/api/v1/offres/{id}", tag = "insertion", request_body = OffrePatch,
    description = "Modifie une offre de son entreprise, ou la ferme (`etat: fermee`). Avec `version`, une modification faite entre-temps par quelqu'un d'autre est refusée (409) plutôt qu'écrasée.",
    params(("id" = i32, Path, description = "Numéro de l'offre")),
    responses(
        (status = 200, body = OffreDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    body: Result<ApiJson<OffrePatch>, AppError>,
) -> AppResult<Json<OffreDto>> {
    let tr = chrome.tr();
    let o = offre_or_404(&state, &id).await?;
    // Who may change it is told before what is wrong with the body.
    recruteur(&state, &me, &o).await?;
    let ApiJson(p) = body?;
    if p.version.is_some_and(|v| v != o.version) {
        return Err(AppError::Conflict("offre-modifiee"));
    }
    let closing = match p.etat.as_deref() {
        None => false,
        Some("fermee") => true,
        Some(_) => {
            return Err(AppError::BadRequest {
                key: "offre-etat-invalide",
                detail: None,
            });
        }
    };
    let touches_fields = [
        &p.type_offre,
        &p.intitule,
        &p.description,
        &p.metier,
        &p.certification,
        &p.competences,
        &p.commune,
        &p.date_debut,
        &p.duree_mois,
        &p.postes,
        &p.niveau,
        &p.horaires,
        &p.remuneration,
        &p.contact_nom,
        &p.contact_email,
        &p.expire_le,
    ]
    .iter()
    .any(|f| f.is_some());
    if touches_fields {
        let mut v = OffreValues::of(&o);
        let fields: [(&Option<String>, &mut String); 16] = [
            (&p.type_offre, &mut v.type_offre),
            (&p.intitule, &mut v.intitule),
            (&p.description, &mut v.description),
            (&p.metier, &mut v.metier),
            (&p.certification, &mut v.certification),
            (&p.competences, &mut v.competences),
            (&p.commune, &mut v.commune),
            (&p.date_debut, &mut v.date_debut),
            (&p.duree_mois, &mut v.duree_mois),
            (&p.postes, &mut v.postes),
            (&p.niveau, &mut v.niveau),
            (&p.horaires, &mut v.horaires),
            (&p.remuneration, &mut v.remuneration),
            (&p.contact_nom, &mut v.contact_nom),
            (&p.contact_email, &mut v.contact_email),
            (&p.expire_le, &mut v.expire_le),
        ];
        for (given, field) in fields {
            if let Some(value) = given {
                *field = value.clone();
            }
        }
        update_offre(&state, &tr, &me, &o, &v, Some(o.version))
            .await?
            .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    }
    if closing {
        state.store.insertion().fermer_offre(o.id).await?;
        crate::routes::search::offre_changed(&state, o.id).await;
    }
    Ok(Json(one(&state, &tr, Some(&me), o.id).await?))
}

/// An application.
#[derive(Serialize, ToSchema)]
pub(crate) struct CandidatureDto {
    id: i32,
    offre_id: i32,
    offre: String,
    /// The candidate's name (to the recruiter); absent once pseudonymised.
    candidat: Option<String>,
    message: String,
    /// `envoyee`, `lue`, `entretien`, `retenue`, `non_retenue` or
    /// `retiree`.
    etat: String,
    motif: Option<String>,
    /// Give it back to `POST …/etat` so that a change made meanwhile is
    /// not overwritten.
    version: i32,
    envoyee_le: String,
    lue_le: Option<String>,
    repondue_le: Option<String>,
    /// Where to download the CV, when one was sent.
    cv: Option<String>,
}

fn candidature_dto(c: &Candidature) -> CandidatureDto {
    CandidatureDto {
        id: c.id,
        offre_id: c.offre_id,
        offre: c.offre_intitule.clone(),
        candidat: c.candidat_nom.clone(),
        message: c.message.clone(),
        etat: c.etat.as_str().to_owned(),
        motif: c.motif.map(|m| m.as_str().to_owned()),
        version: c.version,
        envoyee_le: c.created_at.to_rfc3339(),
        lue_le: c.lue_le.map(|d| d.to_rfc3339()),
        repondue_le: c.repondue_le.map(|d| d.to_rfc3339()),
        cv: c.cv.as_ref().map(|_| format!("/candidatures/{}/cv", c.id)),
    }
}

#[utoipa::path(post, path = "/api/v1/offres/{id}/candidatures", tag = "insertion",
    request_body(content_type = "multipart/form-data", description = "`message` (texte) et `cv` (fichier PDF, PNG, JPEG ou WebP de 5 Mo au plus, type lu dans son contenu)."),
    description = "Un apprenant postule à une offre ouverte du réseau : une seule candidature par personne et par offre. Les recruteurs et le candidat sont prévenus par courriel.",
    params(("id" = i32, Path, description = "Numéro de l'offre")),
    responses(
        (status = 201, body = CandidatureDto),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn apply(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    multipart: Multipart,
) -> AppResult<Response> {
    let offre = offre_or_404(&state, &id).await?;
    let envoi = read_envoi(multipart).await?;
    let id = send(&state, &chrome.tr(), &me, &offre, envoi)
        .await?
        .map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    let c = state.store.insertion().candidature(id).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/candidatures/{id}"))],
        Json(candidature_dto(&c)),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/candidatures", tag = "insertion",
    description = "Les candidatures de l'apprenant connecté ; pour une entreprise, celles reçues sur ses offres ; pour l'équipe du campus, toutes ; pour un accompagnant, celles des apprenants qui y ont consenti.",
    responses((status = 200, body = Vec<CandidatureDto>)),
    security(("jeton" = [])))]
pub(crate) async fn applications(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
) -> AppResult<Json<Vec<CandidatureDto>>> {
    let store = state.store.insertion();
    let list = match me.user.role {
        Role::Apprenant => store.candidatures_du_candidat(me.user.id).await?,
        Role::Entreprise | Role::EquipeCampus | Role::Admin => {
            let ids: Vec<i32> = if me.user.role.is_campus_staff() {
                store
                    .offres(&FiltreOffres::default())
                    .await?
                    .iter()
                    .map(|o| o.id)
                    .collect()
            } else {
                let mut ids = Vec::new();
                for (org, _) in organisations_for(&state, &me).await? {
                    let filtre = FiltreOffres {
                        organisation_id: Some(org),
                        ..Default::default()
                    };
                    ids.extend(store.offres(&filtre).await?.iter().map(|o| o.id));
                }
                ids
            };
            let who = if me.user.role.is_campus_staff() {
                Lecteur::Equipe
            } else {
                Lecteur::Recruteur
            };
            let mut shown = Vec::new();
            for c in store.candidatures_des_offres(&ids).await? {
                let offre = store.offre(c.offre_id).await?;
                shown.push(super::vue(c, &offre, who));
            }
            shown
        }
        Role::Formateur | Role::Partenaire => {
            let mut all = Vec::new();
            for s in state
                .store
                .parcours()
                .list_supports_made(me.user.id)
                .await?
            {
                if state
                    .store
                    .parcours()
                    .has_consent(me.user.id, s.learner_id)
                    .await?
                {
                    all.extend(store.candidatures_du_candidat(s.learner_id).await?);
                }
            }
            all
        }
    };
    Ok(Json(list.iter().map(candidature_dto).collect()))
}

/// A step asked through the API.
#[derive(Deserialize, ToSchema)]
pub(crate) struct EtatBody {
    /// The state wanted (`lue`, `entretien`, `retenue`, `non_retenue`,
    /// `retiree`) or the action (`lire`, `entretien`, `retenir`,
    /// `ne_pas_retenir`, `retirer`).
    etat: String,
    /// Required for `non_retenue`: `competences_attendues`,
    /// `niveau_attendu`, `autre_candidat`, `poste_pourvu`,
    /// `dates_incompatibles`, `eloignement` or `offre_annulee`.
    motif: Option<String>,
    version: Option<i32>,
}

#[utoipa::path(post, path = "/api/v1/candidatures/{id}/etat", tag = "insertion", request_body = EtatBody,
    description = "Fait avancer une candidature d'une étape (envoyée → lue → entretien → retenue / non retenue), par le recruteur ; le candidat peut la retirer. Une étape sautée, ou venue d'une autre entreprise, est refusée ; deux changements simultanés : un seul aboutit, l'autre reçoit 409.",
    params(("id" = i32, Path, description = "Numéro de la candidature")),
    responses(
        (status = 200, body = CandidatureDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn change(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    body: Result<ApiJson<EtatBody>, AppError>,
) -> AppResult<Json<CandidatureDto>> {
    let id = path_id(&id)?;
    let c = match state.store.insertion().candidature(id).await {
        Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        other => other?,
    };
    let offre = state.store.insertion().offre(c.offre_id).await?;
    // Who may act on it is told before what is wrong with the body.
    let who = lecteur(&state, &me, &c, &offre).await?;
    let ApiJson(body) = body?;
    let form = StepForm {
        action: body.etat,
        motif: body.motif.unwrap_or_default(),
        version: body.version.map(|v| v.to_string()).unwrap_or_default(),
    };
    take_step(&state, &me, &c, &offre, &form).await?;
    let after = state.store.insertion().candidature(id).await?;
    Ok(Json(candidature_dto(&super::vue(after, &offre, who))))
}
