//! The library's API: the resources a caller may see, filtered by the
//! same facets as the site, and one resource with its licence, links and
//! file versions. Read only: resources are proposed and moderated on the
//! site.

use axum::Json;
use axum::extract::{Path, Query, State};
use campus_domain::ressource::EtatRessource;
use campus_store::ressources::Ressource;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::pages::ListQuery;
use super::{lecteur, visible};
use crate::auth::MaybeUser;
use crate::error::{AppResult, Problem};
use crate::state::AppState;

/// A code and its label.
#[derive(Serialize, ToSchema)]
pub(crate) struct LienDto {
    code: String,
    libelle: String,
}

/// A resource as the API shows it.
#[derive(Serialize, ToSchema)]
pub(crate) struct RessourceDto {
    id: i32,
    titre: String,
    description: String,
    /// `kit_decouverte`, `fiche_metier`, `video`, `travaux_pratiques`,
    /// `sequence_pedagogique`, `support_formation`,
    /// `protocole_equipement`, `etude_de_cas` or `quiz`.
    type_ressource: String,
    /// `cc_by`, `cc_by_sa`, `cc_by_nc`, `licence_ouverte` or
    /// `tous_droits_reserves`.
    licence: String,
    licence_libelle: String,
    /// The licence's official text; none for « tous droits réservés ».
    licence_url: Option<String>,
    /// `public`, `reseau` or `organisation`.
    visibilite: String,
    /// `proposee`, `a_revoir` or `approuvee`.
    etat: String,
    audiences: Vec<String>,
    niveaux: Vec<u8>,
    /// ISO 639-1.
    langue: String,
    duree_minutes: Option<i32>,
    version: String,
    date_version: String,
    auteurs: Option<String>,
    organisation: Option<String>,
    lien: Option<String>,
    lien_casse: bool,
    /// ROME codes and titles.
    metiers: Vec<LienDto>,
    certifications: Vec<LienDto>,
    blocs: Vec<LienDto>,
    equipements: Vec<LienDto>,
    /// Addresses of the file's versions, newest first.
    fichiers: Vec<String>,
    adresse: String,
    mis_a_jour: String,
}

impl RessourceDto {
    fn of(r: &Ressource) -> RessourceDto {
        let liens = |list: &[(String, String)]| -> Vec<LienDto> {
            list.iter()
                .map(|(code, libelle)| LienDto {
                    code: code.clone(),
                    libelle: libelle.clone(),
                })
                .collect()
        };
        RessourceDto {
            id: r.id,
            titre: r.titre.clone(),
            description: r.description.clone(),
            type_ressource: r.type_ressource.as_str().to_owned(),
            licence: r.licence.as_str().to_owned(),
            licence_libelle: r.licence.sigle().to_owned(),
            licence_url: r.licence.url().map(str::to_owned),
            visibilite: r.visibilite.as_str().to_owned(),
            etat: r.etat.as_str().to_owned(),
            audiences: r.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            niveaux: r.niveaux.iter().map(|n| n.value()).collect(),
            langue: r.langue.as_str().to_owned(),
            duree_minutes: r.duree_minutes,
            version: r.version.clone(),
            date_version: r.date_version.to_string(),
            auteurs: r.auteurs.clone(),
            organisation: r.organisation.as_ref().map(|(_, n)| n.clone()),
            lien: r.lien.clone(),
            lien_casse: r.lien_casse,
            metiers: r
                .metiers
                .iter()
                .map(|(c, l)| LienDto {
                    code: c.as_str().to_owned(),
                    libelle: l.clone(),
                })
                .collect(),
            certifications: liens(&r.certifications),
            blocs: liens(&r.blocs),
            equipements: r
                .equipements
                .iter()
                .map(|(_, nom, slug)| LienDto {
                    code: slug.clone(),
                    libelle: nom.clone(),
                })
                .collect(),
            fichiers: r
                .fichiers
                .iter()
                .map(|f| format!("/ressources/{}/fichiers/{}", r.id, f.version))
                .collect(),
            adresse: format!("/ressources/{}", r.id),
            mis_a_jour: r.updated_at.to_rfc3339(),
        }
    }
}

/// The list's filters.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct RessourcesParams {
    /// Words of the title, description, authors or trades.
    q: String,
    /// Kind of resource.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    type_ressource: String,
    /// A public (`collegiens`, `enseignants`…).
    audience: String,
    /// A level, 3 to 7.
    niveau: String,
    /// A ROME code.
    metier: String,
    /// A bloc de compétences code.
    bloc: String,
    /// A licence code.
    licence: String,
}

#[utoipa::path(get, path = "/api/v1/ressources", tag = "ressources",
    description = "Les ressources approuvées que l'appelant peut voir (publiques ; du réseau ou de son organisation une fois connecté), filtrées par les facettes de la bibliothèque.",
    params(RessourcesParams),
    responses((status = 200, body = Vec<RessourceDto>)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Query(p): Query<RessourcesParams>,
) -> AppResult<Json<Vec<RessourceDto>>> {
    let query = ListQuery {
        q: p.q,
        type_ressource: p.type_ressource,
        audience: p.audience,
        niveau: p.niveau,
        metier: p.metier,
        bloc: p.bloc,
        licence: p.licence,
    };
    let mut filtre = query.filtre();
    filtre.etat = Some(EtatRessource::Approuvee);
    let lecteur = lecteur(&state, me.as_ref()).await?;
    let list = state.store.ressources().liste(&filtre, &lecteur).await?;
    Ok(Json(list.iter().map(RessourceDto::of).collect()))
}

#[utoipa::path(get, path = "/api/v1/ressources/{id}", tag = "ressources",
    description = "Une ressource que l'appelant peut voir ; son auteur et l'équipe du campus la voient aussi avant son approbation.",
    params(("id" = i32, Path, description = "Numéro de la ressource")),
    responses(
        (status = 200, body = RessourceDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
) -> AppResult<Json<RessourceDto>> {
    let lecteur = lecteur(&state, me.as_ref()).await?;
    let r = visible(&state, &id, &lecteur).await?;
    Ok(Json(RessourceDto::of(&r)))
}
