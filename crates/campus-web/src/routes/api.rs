//! The JSON API under `/api/v1`, described by the OpenAPI document served at
//! `/api/openapi.json`. Clients authenticate with a personal access token
//! (`Authorization: Bearer campus_…`) created in their account; a browser
//! session works too, with the anti-forgery header on writes. Errors are
//! `application/problem+json`.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_domain::Role;
use campus_store::organisations::Organisation;
use campus_store::users::{User, UserFilter};
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};

use crate::auth::CurrentUser;
use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult, FieldProblem, Problem};
use crate::forms::ApiJson;
use crate::routes::organisations::{ListQuery, PER_PAGE, conflict_errors, validate};
use crate::state::AppState;
use crate::templates::OrganisationValues;

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/api/openapi.json", Access::Public, openapi_json),
        RouteDef::get("/api/v1/moi", Access::SignedIn, me),
        RouteDef::get("/api/v1/organisations", Access::Public, list_organisations),
        RouteDef::post("/api/v1/organisations", Access::Staff, create_organisation),
        RouteDef::get(
            "/api/v1/organisations/{slug}",
            Access::Public,
            get_organisation,
        ),
        RouteDef::get("/api/v1/utilisateurs", Access::Staff, list_users),
    ]
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Campus CosmetoPharma Centre-Val de Loire",
        description = "API de la plateforme du Campus des métiers et des qualifications d'excellence CosmetoPharma.",
        version = "1"
    ),
    paths(me, super::donnees_personnelles::api_export, super::donnees_personnelles::api_erase, list_organisations, create_organisation, get_organisation, list_users, super::metiers::api_metier, super::certifications::api_certification, super::formations::api_formation, super::formations::export_lheo, super::suggestions::suggestions, super::suggestions::autocomplete, super::search::api, super::search::api_search, super::evenements::api::list, super::evenements::api::detail, super::evenements::api::register, super::equipements::api::api_equipements, super::equipements::api::api_equipement, super::equipements::api::api_availability, super::equipements::api::api_book, super::modules::api::api_create, super::modules::api::api_get, super::modules::api::api_propose, super::modules::api::api_decide, super::insertion::api::list, super::insertion::api::create, super::insertion::api::get, super::insertion::api::update, super::insertion::api::apply, super::insertion::api::applications, super::insertion::api::change, super::mobilite::api::list, super::mobilite::api::get, super::mobilite::api::applications, super::mobilite::api::partners, super::projets::api::list, super::projets::api::create, super::projets::api::get, super::projets::api::members, super::projets::api::add_member, super::projets::api::documents, super::projets::api::upload, super::projets::api::stages, super::projets::api::decide, super::expertise::api::list, super::expertise::api::get, super::expertise::api::requests, super::expertise::api::create, super::expertise::api::request, super::expertise::api::send, super::actualites::api::list, super::actualites::api::get, super::ressources::api::list, super::ressources::api::get, super::evaluation::api::list, super::evaluation::api::get, super::devenirs::api),
    components(schemas(Problem, FieldProblem, super::metiers::MetierDto, super::metiers::CompetenceRomeDto, super::metiers::ClassementDto, super::certifications::CertificationDto, super::certifications::BlocDto, super::certifications::CompetenceDto, super::certifications::CodeLibelleDto, super::certifications::OnisepDto, super::formations::FormationDto, super::formations::ActionDto, super::formations::SessionDto, super::formations::FinanceurDto, super::formations::LieuDto, super::formations::CodeDto, super::suggestions::Suggestions, super::suggestions::AppellationSuggestion, super::suggestions::CommuneSuggestion, super::search::SearchResponse, super::search::SearchHitDto, super::search::SearchFacetsDto, super::search::FacetCountDto, super::search::SearchPlaceDto, MeDto, MembreDto, OrganisationDto, OrganisationPage, OrganisationValues, UserDto, UserPage, super::evenements::api::EvenementDto, super::evenements::api::SafetyDto, super::evenements::api::EvenementPageDto, super::evenements::api::InscriptionRequest, super::evenements::api::InscriptionDto, super::evenements::pages::PersonValues, super::evenements::pages::ClassValues, super::equipements::api::EquipementDto, super::equipements::api::AvailabilityDto, super::equipements::api::DayDto, super::equipements::api::RangeDto, super::equipements::api::ReservationRequest, super::equipements::api::ReservationDto, super::modules::api::ModuleRequestDto, super::modules::api::ProposalDto, super::modules::api::SujetDto, super::modules::api::TimelineDto, super::modules::api::DecisionBody, super::modules::validate::RequestValues, super::modules::validate::ProposalValues, super::insertion::api::OffreDto, super::insertion::api::CompetenceDto, super::insertion::api::AdequationDto, super::insertion::api::ManquanteDto, super::insertion::api::UniteDto, super::insertion::api::OffresPage, super::insertion::api::FacettesDto, super::insertion::api::FacetteDto, super::insertion::api::OffrePatch, super::insertion::api::CandidatureDto, super::insertion::api::EtatBody, super::insertion::validate::OffreValues, super::mobilite::api::MobiliteDto, super::mobilite::api::CandidatureMobiliteDto, super::mobilite::api::PartenaireEtrangerDto, super::projets::api::ProjetDto, super::projets::api::MembreProjetDto, super::projets::api::DocumentProjetDto, super::projets::api::EtapesDto, super::projets::api::LivrableDto, super::projets::api::FaitDto, super::projets::validate::ProjetValues, super::projets::membres::MembreValues, super::projets::etapes::DecisionValues, super::expertise::api::ExpertDto, super::expertise::api::DemandeDto, super::expertise::api::DestinataireDto, super::expertise::api::PropositionDto, super::expertise::api::EnvoiBody, super::expertise::demandes::DemandeValues, super::actualites::api::ActualiteDto, super::actualites::api::ActualitesPage, super::ressources::api::RessourceDto, super::ressources::api::LienDto, super::evaluation::api::IndicateurDto, super::evaluation::api::FiguresDto, super::evaluation::api::MesureDto, super::evaluation::api::PointDto, super::evaluation::api::VentilationDto, super::evaluation::api::LigneDto, super::devenirs::DevenirsDto, super::devenirs::DevenirDto, super::devenirs::EcartDto, super::devenirs::OrionDto, super::devenirs::AttractiviteDto, super::devenirs::InscritsDto)),
    modifiers(&BearerAuth),
    tags((name = "compte", description = "Le compte authentifié"), (name = "organisations", description = "L'annuaire du réseau"), (name = "catalogue", description = "Métiers, certifications et formations"), (name = "evenements", description = "L'agenda des événements et les inscriptions"), (name = "equipements", description = "Équipements mutualisés de la plateforme technologique"), (name = "modules", description = "Modules de formation à la demande des entreprises"), (name = "insertion", description = "Offres du réseau, adéquation et candidatures"), (name = "mobilite", description = "Mobilité européenne : offres, candidatures et établissements partenaires à l'étranger"), (name = "projets", description = "Projets école–recherche, pédagogiques industriels et We Lab"), (name = "experts", description = "Le réseau d'experts et les demandes d'intervention"), (name = "actualites", description = "Les actualités du campus et de ses partenaires"), (name = "ressources", description = "La bibliothèque de ressources pédagogiques"), (name = "evaluation", description = "Évaluation du plan d'action : indicateurs et chiffres publiés, devenir et attractivité des formations du secteur"), (name = "administration", description = "Réservé à l'équipe du campus"))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "jeton",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The OpenAPI document (3.1), as served.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut document = ApiDoc::openapi();
    document.merge(super::parcours::api::ParcoursApi::openapi());
    document
}

async fn openapi_json() -> Response {
    match openapi_document().to_pretty_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

/// The authenticated account.
#[derive(Serialize, ToSchema)]
struct MeDto {
    id: i32,
    email: String,
    display_name: String,
    /// `apprenant`, `formateur`, `entreprise`, `partenaire`, `equipe_campus` or `admin`.
    role: String,
    /// For learners: `collegien`, `lyceen`, `etudiant`, `apprenti`, `salarie`, `demandeur_emploi`.
    statut: Option<String>,
    organisations: Vec<MembreDto>,
}

#[derive(Serialize, ToSchema)]
struct MembreDto {
    slug: String,
    nom: String,
    /// `responsable` or `membre`.
    role: String,
}

#[utoipa::path(get, path = "/api/v1/moi", tag = "compte",
    responses((status = 200, body = MeDto), (status = 401, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
async fn me(State(state): State<AppState>, CurrentUser(me): CurrentUser) -> AppResult<Json<MeDto>> {
    let organisations = state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(org, role)| MembreDto {
            slug: org.slug,
            nom: org.nom,
            role: role.as_str().to_owned(),
        })
        .collect();
    Ok(Json(MeDto {
        id: me.user.id,
        email: me.user.email.as_str().to_owned(),
        display_name: me.user.display_name,
        role: me.user.role.as_str().to_owned(),
        statut: me.user.statut.map(|s| s.as_str().to_owned()),
        organisations,
    }))
}

/// An organisation of the network.
#[derive(Serialize, ToSchema)]
struct OrganisationDto {
    slug: String,
    nom: String,
    /// `etablissement_scolaire`, `universite`, `organisme_formation`, `entreprise`, `laboratoire`, `cluster_pole` or `collectivite`.
    kind: String,
    siret: Option<String>,
    uai: Option<String>,
    description: String,
    adresse: Option<String>,
    code_postal: Option<String>,
    commune: Option<String>,
    departement: Option<String>,
    site_web: Option<String>,
    email_contact: Option<String>,
    /// `reseau` (a member of the network) or `catalogue_apprentissage`
    /// (referenced from the national catalogue of apprenticeship training
    /// organisations).
    origine: String,
    /// ISO 3166-1 alpha-2 code of its country: `FR`, or another for a
    /// partner establishment abroad.
    pays: String,
}

impl From<Organisation> for OrganisationDto {
    fn from(o: Organisation) -> Self {
        OrganisationDto {
            slug: o.slug,
            nom: o.nom,
            kind: o.kind.as_str().to_owned(),
            siret: o.siret.map(|s| s.as_str().to_owned()),
            uai: o.uai.map(|u| u.as_str().to_owned()),
            description: o.description,
            adresse: o.adresse,
            code_postal: o.code_postal.map(|c| c.as_str().to_owned()),
            commune: o.commune,
            departement: o.departement.map(|d| d.as_str().to_owned()),
            site_web: o.site_web,
            email_contact: o.email_contact,
            origine: o.origine.as_str().to_owned(),
            pays: o.pays.as_str().to_owned(),
        }
    }
}

#[derive(Serialize, ToSchema)]
struct OrganisationPage {
    total: u64,
    page: u64,
    per_page: u64,
    items: Vec<OrganisationDto>,
}

/// Filters of the directory.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
struct OrganisationParams {
    /// Part of the name or commune.
    q: Option<String>,
    /// Kind of organisation.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    kind: Option<String>,
    /// Department code (`45`, `2A`, `971`…).
    departement: Option<String>,
    /// `reseau` or `catalogue_apprentissage`; all when absent.
    origine: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`FR`, `DE`…): the partner
    /// establishments abroad of a country.
    pays: Option<String>,
    /// Page number, from 1.
    page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(OrganisationParams),
    responses((status = 200, body = OrganisationPage)))]
async fn list_organisations(
    State(state): State<AppState>,
    Query(params): Query<OrganisationParams>,
) -> AppResult<Json<OrganisationPage>> {
    let query = ListQuery {
        q: params.q.unwrap_or_default(),
        kind: params.kind.unwrap_or_default(),
        departement: params.departement.unwrap_or_default(),
        origine: params.origine.unwrap_or_default(),
        pays: params.pays.unwrap_or_default(),
        page: params.page.unwrap_or(1).to_string(),
    };
    let filter = query.filter();
    let (items, total) = state.store.list_organisations(&filter).await?;
    Ok(Json(OrganisationPage {
        total,
        page: filter.page + 1,
        per_page: PER_PAGE,
        items: items.into_iter().map(OrganisationDto::from).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/organisations/{slug}", tag = "organisations",
    params(("slug" = String, Path, description = "Identifiant de l'organisation dans les adresses")),
    responses((status = 200, body = OrganisationDto), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn get_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> AppResult<Json<OrganisationDto>> {
    Ok(Json(state.store.organisation_by_slug(&slug).await?.into()))
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = OrganisationValues,
    responses(
        (status = 201, body = OrganisationDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
async fn create_organisation(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    ApiJson(values): ApiJson<OrganisationValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let input =
        validate(&tr, &values).map_err(|errors| AppError::Invalid(errors.into_problems()))?;
    match state
        .store
        .create_organisation(input, Some(me.user.id))
        .await
    {
        Ok(org) => {
            super::search::organisation_changed(&state, org.id).await;
            let location = format!("/api/v1/organisations/{}", org.slug);
            Ok((
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(OrganisationDto::from(org)),
            )
                .into_response())
        }
        Err(err) => match conflict_errors(&tr, &err) {
            Some(errors) => Err(AppError::Invalid(errors.into_problems())),
            None => Err(err.into()),
        },
    }
}

/// An account, as the campus team sees it.
#[derive(Serialize, ToSchema)]
struct UserDto {
    id: i32,
    email: String,
    display_name: String,
    role: String,
    statut: Option<String>,
    email_verified: bool,
    disabled: bool,
}

impl From<User> for UserDto {
    fn from(u: User) -> Self {
        UserDto {
            id: u.id,
            email: u.email.as_str().to_owned(),
            display_name: u.display_name,
            role: u.role.as_str().to_owned(),
            statut: u.statut.map(|s| s.as_str().to_owned()),
            email_verified: u.email_verified,
            disabled: u.disabled,
        }
    }
}

#[derive(Serialize, ToSchema)]
struct UserPage {
    total: u64,
    page: u64,
    per_page: u64,
    items: Vec<UserDto>,
}

/// Filters of the account list.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
struct UserParams {
    /// Part of the e-mail or name.
    q: Option<String>,
    /// Platform role.
    role: Option<String>,
    /// Page number, from 1.
    page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/utilisateurs", tag = "administration", params(UserParams),
    responses((status = 200, body = UserPage), (status = 401, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
async fn list_users(
    State(state): State<AppState>,
    Query(params): Query<UserParams>,
) -> AppResult<Json<UserPage>> {
    let per_page = 100;
    let page = params.page.unwrap_or(1).clamp(1, 10_000);
    let role = match params.role.as_deref().filter(|r| !r.is_empty()) {
        Some(r) => Some(Role::parse(r).map_err(|_| AppError::BadRequest {
            key: "field-role-invalid",
            detail: None,
        })?),
        None => None,
    };
    let filter = UserFilter {
        query: params.q,
        role,
        page: page - 1,
        per_page,
    };
    let (items, total) = state.store.list_users(&filter).await?;
    Ok(Json(UserPage {
        total,
        page,
        per_page,
        items: items.into_iter().map(UserDto::from).collect(),
    }))
}
