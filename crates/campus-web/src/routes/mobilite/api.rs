//! The mobility API: the open mobility offers and one offer, the
//! applications to an offer its reader may see, and the partner
//! establishments abroad.

use axum::Json;
use axum::extract::{Path, Query, State};
use campus_domain::mobilite::{Pays, PublicMobilite};
use campus_store::mobilite::{FiltreMobilites, OffreMobilite, Partenaire};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Acces, offre_or_404};
use crate::auth::CurrentUser;
use crate::error::{AppResult, Problem};
use crate::state::AppState;

/// A mobility offer.
#[derive(Serialize, ToSchema)]
pub(crate) struct MobiliteDto {
    id: i32,
    intitule: String,
    description: String,
    /// `apprenants` or `personnels`.
    public: String,
    /// `stage`, `periode_etudes`, `observation` or `enseignement`.
    nature: String,
    /// The host establishment abroad.
    hote: String,
    hote_id: i32,
    ville: String,
    /// ISO 3166-1 alpha-2.
    pays: String,
    date_debut: String,
    date_fin: String,
    duree_jours: i64,
    places: u32,
    places_restantes: u32,
    /// `erasmus_plus` or `autre`.
    financement: String,
    financement_nom: Option<String>,
    age_min: Option<u8>,
    age_max: Option<u8>,
    niveau: Option<u8>,
    code_rome: Option<String>,
    date_limite: String,
    ouverte: bool,
    adresse: String,
}

impl MobiliteDto {
    fn of(o: &OffreMobilite, today: chrono::NaiveDate) -> MobiliteDto {
        MobiliteDto {
            id: o.id(),
            intitule: o.offre.intitule.clone(),
            description: o.offre.description.clone(),
            public: o.public.as_str().to_owned(),
            nature: o.nature.as_str().to_owned(),
            hote: o.offre.employeur.clone().unwrap_or_default(),
            hote_id: o.partenaire_id,
            ville: o.offre.commune_nom.clone(),
            pays: o.pays.as_str().to_owned(),
            date_debut: o.periode.debut.to_string(),
            date_fin: o.periode.fin.to_string(),
            duree_jours: o.periode.jours(),
            places: o.offre.postes,
            places_restantes: o.offre.postes_restants(),
            financement: o.financement.as_str().to_owned(),
            financement_nom: o.financement_nom.clone(),
            age_min: o.ages.min,
            age_max: o.ages.max,
            niveau: o.offre.niveau.map(|n| n.value()),
            code_rome: o.offre.code_rome.as_ref().map(|c| c.as_str().to_owned()),
            date_limite: o.date_limite.to_string(),
            ouverte: o.ouverte(today),
            adresse: format!("/mobilite/{}", o.id()),
        }
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct MobilitesQuery {
    /// ISO 3166-1 alpha-2 code of the host country.
    pays: String,
    /// `apprenants` or `personnels`.
    public: String,
    /// Longest duration, in days.
    duree_max: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/mobilites", tag = "mobilite",
    description = "Les offres de mobilité européenne ouvertes aux candidatures, par pays, public et durée.",
    params(MobilitesQuery),
    responses((status = 200, body = Vec<MobiliteDto>)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Query(q): Query<MobilitesQuery>,
) -> AppResult<Json<Vec<MobiliteDto>>> {
    let today = state.clock.today();
    let offres = state
        .store
        .mobilite()
        .offres(&FiltreMobilites {
            ouvertes: true,
            pays: Pays::parse(&q.pays).ok(),
            public: PublicMobilite::parse(&q.public).ok(),
            duree_max: q.duree_max,
        })
        .await?;
    Ok(Json(
        offres.iter().map(|o| MobiliteDto::of(o, today)).collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/mobilites/{id}", tag = "mobilite",
    description = "Une offre de mobilité, quel que soit son état.",
    params(("id" = i32, Path, description = "Numéro de l'offre")),
    responses(
        (status = 200, body = MobiliteDto),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<MobiliteDto>> {
    let o = offre_or_404(&state, &id).await?;
    Ok(Json(MobiliteDto::of(&o, state.clock.today())))
}

/// An application to a mobility offer, with its mobility side.
#[derive(Serialize, ToSchema)]
pub(crate) struct CandidatureMobiliteDto {
    id: i32,
    /// The insertion pipeline's state: `envoyee`, `lue`, `entretien`,
    /// `retenue` (the mobility is confirmed), `non_retenue`, `retiree`.
    etat: String,
    candidat: Option<String>,
    certification: Option<String>,
    /// Codes of the learning agreement's skills.
    competences: Vec<String>,
    competences_acquises: Vec<String>,
    accord_ecole_le: Option<String>,
    accord_hote_le: Option<String>,
    /// `sans_objet` (of age), `attendu`, `donne` or `refuse`.
    consentement: String,
    europass: Option<String>,
    adresse: String,
}

#[utoipa::path(get, path = "/api/v1/mobilites/{id}/candidatures", tag = "mobilite",
    description = "Les candidatures à une offre de mobilité que la personne connectée peut suivre : la sienne, celles des apprenants de son établissement (formateur), toutes (équipe du campus).",
    params(("id" = i32, Path, description = "Numéro de l'offre")),
    responses(
        (status = 200, body = Vec<CandidatureMobiliteDto>),
        (status = 404, body = Problem, content_type = "application/problem+json")),
    security(("jeton" = [])))]
pub(crate) async fn applications(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<CandidatureMobiliteDto>>> {
    let o = offre_or_404(&state, &id).await?;
    let all = state
        .store
        .insertion()
        .candidatures_des_offres(&[o.id()])
        .await?;
    let mut visibles = Vec::new();
    for c in all {
        if Acces::of(&state, &me, &c).await.is_ok() {
            visibles.push(c);
        }
    }
    let ids: Vec<i32> = visibles.iter().map(|c| c.id).collect();
    let ext = state.store.mobilite().candidatures(&ids).await?;
    Ok(Json(
        visibles
            .into_iter()
            .filter_map(|c| {
                let m = ext.iter().find(|m| m.candidature_id == c.id)?;
                Some(CandidatureMobiliteDto {
                    id: c.id,
                    etat: c.etat.as_str().to_owned(),
                    candidat: c.candidat_nom.clone(),
                    certification: m.certification.as_ref().map(|x| x.as_str().to_owned()),
                    competences: m.competences.iter().map(|x| x.code.clone()).collect(),
                    competences_acquises: m.acquises().map(|x| x.code.clone()).collect(),
                    accord_ecole_le: m.accord_ecole_le.map(|t| t.to_rfc3339()),
                    accord_hote_le: m.accord_hote_le.map(|t| t.to_rfc3339()),
                    consentement: m.consentement.as_str().to_owned(),
                    europass: m
                        .europass_document_id
                        .map(|_| format!("/mobilite/candidatures/{}/europass.pdf", c.id)),
                    adresse: format!("/mobilite/candidatures/{}", c.id),
                })
            })
            .collect(),
    ))
}

/// A partner establishment abroad.
#[derive(Serialize, ToSchema)]
pub(crate) struct PartenaireEtrangerDto {
    id: i32,
    slug: String,
    nom: String,
    /// `etablissement_scolaire`, `organisme_formation`, `universite` or
    /// `entreprise`.
    #[serde(rename = "type")]
    kind: String,
    /// ISO 3166-1 alpha-2.
    pays: String,
    ville: Option<String>,
    /// ISO 639-1 codes.
    langues: Vec<String>,
    /// ROME codes of the trades it hosts.
    metiers: Vec<String>,
    /// Levels it hosts (3 to 8).
    niveaux: Vec<u8>,
    adresse: String,
}

impl PartenaireEtrangerDto {
    fn of(p: &Partenaire) -> PartenaireEtrangerDto {
        PartenaireEtrangerDto {
            id: p.organisation.id,
            slug: p.organisation.slug.clone(),
            nom: p.organisation.nom.clone(),
            kind: p.organisation.kind.as_str().to_owned(),
            pays: p.organisation.pays.as_str().to_owned(),
            ville: p.organisation.commune.clone(),
            langues: p.langues.iter().map(|l| l.as_str().to_owned()).collect(),
            metiers: p
                .metiers
                .iter()
                .map(|(c, _)| c.as_str().to_owned())
                .collect(),
            niveaux: p.niveaux.iter().map(|n| n.value()).collect(),
            adresse: format!("/organisations/{}", p.organisation.slug),
        }
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct PartenairesQuery {
    /// ISO 3166-1 alpha-2 code.
    pays: String,
}

#[utoipa::path(get, path = "/api/v1/partenaires-etrangers", tag = "mobilite",
    description = "Les établissements partenaires à l'étranger (le contact d'accueil n'est pas publié).",
    params(PartenairesQuery),
    responses((status = 200, body = Vec<PartenaireEtrangerDto>)))]
pub(crate) async fn partners(
    State(state): State<AppState>,
    Query(q): Query<PartenairesQuery>,
) -> AppResult<Json<Vec<PartenaireEtrangerDto>>> {
    let ps = state
        .store
        .mobilite()
        .partenaires(Pays::parse(&q.pays).ok())
        .await?;
    Ok(Json(ps.iter().map(PartenaireEtrangerDto::of).collect()))
}
