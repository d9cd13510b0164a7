//! Trainings: a training's page and API (its actions, sessions, places),
//! and the catalogue's offers as an LHÉO 2.3 document.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::Niveau;
use campus_domain::formation::{Attractivite, Modalite};
use campus_domain::lheo::{
    ENTREES_SORTIES, ETAT_RECRUTEMENT, MODALITES_ENSEIGNEMENT, OBJECTIF_GENERAL, TYPE_PARCOURS,
};
use campus_formats::lheo::LheoWriter;
use campus_store::entity::formation_action;
use campus_store::formations::FormationPage;
use serde::Serialize;
use utoipa::ToSchema;

use crate::authz::{Access, RouteDef};
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::templates::{ActionView, FormationPageView, render};

pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::get("/formations/{id}", Access::Public, show),
        RouteDef::get("/api/v1/formations/{id}", Access::Public, api_formation),
        RouteDef::get("/api/v1/export/lheo", Access::Public, export_lheo),
    ]
}

/// The translation key of a way of following an action.
pub(crate) fn modalite_key(modalite: &str) -> &'static str {
    match Modalite::parse(modalite) {
        Some(Modalite::Initiale) => "modalite-initiale",
        Some(Modalite::Apprentissage) => "modalite-apprentissage",
        Some(Modalite::Vae) => "modalite-vae",
        Some(Modalite::Continue) | None => "modalite-continue",
    }
}

/// Paragraphs of plain text from a source's text, which may hold HTML
/// (ONISEP, Carif-Oref): line breaks and ends of paragraphs or items become
/// paragraphs, other tags go.
fn paragraphs(text: Option<&str>) -> Vec<String> {
    let Some(text) = text else {
        return vec![];
    };
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        plain.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            plain.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = rest[start + 1..start + end].trim().to_ascii_lowercase();
        if tag.starts_with("br") || tag == "/p" || tag == "/li" || tag == "/ul" {
            plain.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    plain.push_str(rest);
    plain
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// « 24 places ; 57 élèves l'ont demandée en premier vœu (Affelnet 2022),
/// soit 2,4 demandes par place »: how hard a place is to get.
fn attractivite(tr: &Tr, action: &formation_action::Model) -> Option<String> {
    let (capacite, voeux, campagne) = (action.capacite?, action.premiers_voeux?, action.campagne?);
    let a = Attractivite {
        campagne: u16::try_from(campagne).ok()?,
        capacite: u32::try_from(capacite).ok()?,
        premiers_voeux: u32::try_from(voeux).ok()?,
    };
    let values = [
        ("places", a.capacite.to_string()),
        ("voeux", a.premiers_voeux.to_string()),
        ("campagne", a.campagne.to_string()),
    ];
    Some(match a.pression() {
        Some(pression) => {
            let pression = format!("{pression:.1}").replace('.', ",");
            let mut values: Vec<(&'static str, &str)> =
                values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            values.push(("pression", &pression));
            tr.tv("formation-attractivite-detail", &values)
        }
        None => {
            let values: Vec<(&'static str, &str)> =
                values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            tr.tv("formation-attractivite-sans-place", &values)
        }
    })
}

async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let mut f = state.store.formation(&id).await?;
    let actions = std::mem::take(&mut f.actions)
        .into_iter()
        .map(|a| ActionView {
            attractivite: attractivite(&chrome.tr(), &a.action),
            modalite_key: modalite_key(&a.action.modalite),
            enseignement: enseignement(a.action.enseignement.as_deref()),
            entrees_sorties: entrees_sorties(a.action.entrees_sorties.as_deref()),
            financeurs: a
                .financeurs
                .iter()
                .map(|x| x.libelle.clone().unwrap_or_else(|| x.code.clone()))
                .collect(),
            sessions: a
                .sessions
                .iter()
                .map(|s| (s.clone(), etat_recrutement(s.etat_recrutement.as_deref())))
                .collect(),
            a,
        })
        .collect();
    let page = FormationPageView {
        niveau: f
            .formation
            .niveau_sortie
            .and_then(|n| u8::try_from(n).ok())
            .and_then(Niveau::new),
        parcours: f
            .formation
            .parcours
            .as_deref()
            .and_then(|c| TYPE_PARCOURS.label(c)),
        objectif_general: f
            .formation
            .objectif_general
            .as_deref()
            .and_then(|c| OBJECTIF_GENERAL.label(c)),
        objectif: paragraphs(f.formation.objectif.as_deref()),
        contenu: paragraphs(f.formation.contenu.as_deref()),
        resultats: paragraphs(f.formation.resultats_attendus.as_deref()),
        actions,
        f,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// The labels of an action's LHÉO codes, for the page.
fn enseignement(code: Option<&str>) -> Option<&'static str> {
    code.and_then(|c| MODALITES_ENSEIGNEMENT.label(c))
}

fn entrees_sorties(code: Option<&str>) -> Option<&'static str> {
    code.and_then(|c| ENTREES_SORTIES.label(c))
}

fn etat_recrutement(code: Option<&str>) -> Option<&'static str> {
    code.and_then(|c| ETAT_RECRUTEMENT.label(c))
}

/// A place where an action is taught.
#[derive(Serialize, ToSchema)]
pub(crate) struct LieuDto {
    nom: Option<String>,
    adresse: Option<String>,
    code_postal: Option<String>,
    ville: Option<String>,
    /// INSEE code of the commune.
    commune: Option<String>,
    departement: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
}

/// A dated session of an action.
#[derive(Serialize, ToSchema)]
pub(crate) struct SessionDto {
    numero: String,
    /// ISO date.
    debut: Option<String>,
    fin: Option<String>,
    /// Label of the LHÉO list `dict-etat-recrutement` (ouvert, fermé, suspendu).
    etat_recrutement: Option<String>,
}

/// A funder of an action.
#[derive(Serialize, ToSchema)]
pub(crate) struct FinanceurDto {
    /// LHÉO `dict-financeurs` code.
    code: String,
    libelle: Option<String>,
}

/// How, where and for whom a training is delivered.
#[derive(Serialize, ToSchema)]
pub(crate) struct ActionDto {
    numero: String,
    /// `initiale`, `apprentissage`, `continue` or `vae`.
    modalite: String,
    /// Formacode codes of the publics it is meant for.
    public_vise: Vec<String>,
    prerequis: Option<String>,
    rythme: Option<String>,
    /// Label of `dict-modalites-enseignement` (présentiel, mixte, à distance).
    enseignement: Option<String>,
    /// Label of `dict-modalites-es` (dates fixes or permanent entries).
    entrees_sorties: Option<String>,
    duree_heures: Option<f64>,
    /// Total price including VAT, in euros.
    prix: Option<f64>,
    financeurs: Vec<FinanceurDto>,
    lieu: LieuDto,
    sessions: Vec<SessionDto>,
}

/// A code classifying a training.
#[derive(Serialize, ToSchema)]
pub(crate) struct CodeDto {
    /// `formacode`, `nsf`, `rome`, `rncp`, `rs`, `certifinfo` or `cfd`.
    kind: String,
    code: String,
}

/// A training of the catalogue.
#[derive(Serialize, ToSchema)]
pub(crate) struct FormationDto {
    /// `source:identifier`, as in `/formations/{id}`.
    id: String,
    /// `lheo`, `esr-parcoursup`, `esr-tmm` or `campus`.
    source: String,
    intitule: String,
    objectif: Option<String>,
    contenu: Option<String>,
    resultats_attendus: Option<String>,
    certifiante: Option<bool>,
    /// European exit level, 3 to 8.
    niveau_sortie: Option<i16>,
    codes: Vec<CodeDto>,
    url: Option<String>,
    organisme: String,
    organisme_siret: Option<String>,
    organisme_uai: Option<String>,
    /// Slug of the organisation of the directory, when linked.
    organisation: Option<String>,
    actions: Vec<ActionDto>,
}

fn dto(f: FormationPage) -> FormationDto {
    FormationDto {
        id: f.formation.id,
        source: f.formation.source,
        intitule: f.formation.intitule,
        objectif: f.formation.objectif,
        contenu: f.formation.contenu,
        resultats_attendus: f.formation.resultats_attendus,
        certifiante: f.formation.certifiante,
        niveau_sortie: f.formation.niveau_sortie,
        codes: f
            .codes
            .into_iter()
            .map(|c| CodeDto {
                kind: c.kind,
                code: c.code,
            })
            .collect(),
        url: f.formation.url,
        organisme: f.formation.organisme_nom,
        organisme_siret: f.formation.organisme_siret,
        organisme_uai: f.formation.organisme_uai,
        organisation: f.organisation.map(|o| o.slug),
        actions: f
            .actions
            .into_iter()
            .map(|a| ActionDto {
                enseignement: enseignement(a.action.enseignement.as_deref()).map(str::to_owned),
                entrees_sorties: entrees_sorties(a.action.entrees_sorties.as_deref())
                    .map(str::to_owned),
                numero: a.action.numero,
                modalite: a.action.modalite,
                public_vise: a.public_vise,
                prerequis: a.action.prerequis,
                rythme: a.action.rythme,
                duree_heures: a.action.duree_heures,
                prix: a.action.prix,
                financeurs: a
                    .financeurs
                    .into_iter()
                    .map(|x| FinanceurDto {
                        code: x.code,
                        libelle: x.libelle,
                    })
                    .collect(),
                lieu: LieuDto {
                    nom: a.action.lieu_nom,
                    adresse: a.action.lieu_adresse,
                    code_postal: a.action.lieu_code_postal,
                    ville: a.action.lieu_ville,
                    commune: a.action.lieu_commune_insee,
                    departement: a.action.lieu_departement,
                    latitude: a.action.latitude,
                    longitude: a.action.longitude,
                },
                sessions: a
                    .sessions
                    .into_iter()
                    .map(|s| SessionDto {
                        etat_recrutement: etat_recrutement(s.etat_recrutement.as_deref())
                            .map(str::to_owned),
                        numero: s.numero,
                        debut: s.debut,
                        fin: s.fin,
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/formations/{id}", tag = "catalogue",
    params(("id" = String, Path, description = "Identifiant source:numéro, par exemple lheo:07_10")),
    responses((status = 200, body = FormationDto), (status = 404, body = crate::error::Problem, content_type = "application/problem+json")))]
pub(crate) async fn api_formation(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<FormationDto>> {
    Ok(Json(dto(state.store.formation(&id).await?)))
}

/// Trainings read per query while the export streams.
const PAGE: u64 = 200;

#[utoipa::path(get, path = "/api/v1/export/lheo", tag = "catalogue",
    description = "Les offres du catalogue lues d'un fichier LHÉO, en un document LHÉO 2.3 (http://lheo.gouv.fr/2.3) envoyé au fil de l'eau.",
    responses((status = 200, content_type = "application/xml", body = String)))]
pub(crate) async fn export_lheo(State(state): State<AppState>) -> Response {
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        let failure = |e: &dyn std::fmt::Display| std::io::Error::other(e.to_string());
        let mut writer = match LheoWriter::start(Vec::new()) {
            Ok(writer) => writer,
            Err(e) => {
                let _ = sender.send(Err(e)).await;
                return;
            }
        };
        let mut after: Option<String> = None;
        loop {
            let page = match state.store.lheo_elements(after.as_deref(), PAGE).await {
                Ok(page) => page,
                Err(e) => {
                    tracing::error!(erreur = %e, "export LHÉO interrompu");
                    let _ = sender.send(Err(failure(&e))).await;
                    return;
                }
            };
            let Some(last) = page.last() else {
                break;
            };
            after = Some(last.formation_id.clone());
            for element in &page {
                if let Err(e) = writer.formation(&element.xml) {
                    let _ = sender.send(Err(e)).await;
                    return;
                }
            }
            let chunk = std::mem::take(writer.output_mut());
            if sender.send(Ok(Bytes::from(chunk))).await.is_err() {
                // The client went away.
                return;
            }
        }
        let end = writer.finish().map(Bytes::from);
        let _ = sender.send(end).await;
    });
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|chunk| (chunk, receiver))
    });
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        Body::from_stream(stream),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_of_the_sources_becomes_paragraphs() {
        assert_eq!(
            paragraphs(Some(
                "<p>A la fois <b>vendeur</b></p><ul><li>un</li><li>deux</li></ul>fin"
            )),
            ["A la fois vendeur", "un", "deux", "fin"]
        );
        assert_eq!(paragraphs(Some("a<br />b")), ["a", "b"]);
        assert_eq!(paragraphs(Some("3 < 4")), ["3 < 4"]);
        assert!(paragraphs(None).is_empty());
    }
}
