//! The indicators' API: the registry in force, and one indicator's
//! published figures for a year, its series and a breakdown. Figures go
//! through the suppression of small counts, as on the public page: the
//! API is how partners read them.

use axum::Json;
use axum::extract::{Path, Query, State};
use campus_domain::evaluation::indicateur::Indicateur;
use campus_domain::evaluation::registre::Sens;
use serde::Serialize;
use utoipa::ToSchema;

use super::{IndicateurDemande, Periode, indicateur_demande};
use crate::error::{AppResult, Problem};
use crate::evaluation::Lecture;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;

/// An indicator of the action plan, as defined now.
#[derive(Serialize, ToSchema)]
pub(crate) struct IndicateurDto {
    code: String,
    /// `1` to `8`.
    levier: String,
    /// `1` to `4`.
    axe: String,
    nom: String,
    definition: String,
    /// The formula over the platform's records.
    formule: String,
    unite: String,
    denominateur: Option<String>,
    /// `hausse` (higher is better) or `baisse`.
    sens: String,
    /// The definition's version: one more at each edit.
    version: u32,
    /// Breakdowns offered: `annee`, `departement`, `public`, `niveau`,
    /// `metier`, `organisation`.
    ventilations: Vec<String>,
    adresse: String,
}

impl IndicateurDto {
    fn of(i: &Indicateur) -> IndicateurDto {
        IndicateurDto {
            code: i.code.as_str().to_owned(),
            levier: i.levier.as_str().to_owned(),
            axe: i.levier.axe().as_str().to_owned(),
            nom: i.fiche.nom.clone(),
            definition: i.fiche.definition.clone(),
            formule: i.fiche.formule.to_string(),
            unite: i.fiche.unite.clone(),
            denominateur: i.fiche.denominateur.clone(),
            sens: match i.fiche.sens {
                Sens::Hausse => "hausse",
                Sens::Baisse => "baisse",
            }
            .to_owned(),
            version: i.version,
            ventilations: i
                .fiche
                .ventilations
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect(),
            adresse: format!("/api/v1/indicateurs/{}", i.code),
        }
    }
}

/// A published figure: a value, or why none is shown.
#[derive(Serialize, ToSchema)]
pub(crate) struct MesureDto {
    /// The figure; absent when suppressed or not available.
    valeur: Option<f64>,
    /// As printed: `86,7 %`, `s` (secret statistique: a small count or
    /// one that would give a small count back) or `nd` (non diffusable:
    /// a rate over fewer than 20).
    affichage: String,
}

impl MesureDto {
    fn of(valeur: Option<f64>, affichage: String) -> MesureDto {
        MesureDto { valeur, affichage }
    }
}

/// One year of the series.
#[derive(Serialize, ToSchema)]
pub(crate) struct PointDto {
    annee: i32,
    #[serde(flatten)]
    mesure: MesureDto,
}

/// The year's figure broken down.
#[derive(Serialize, ToSchema)]
pub(crate) struct VentilationDto {
    par: String,
    lignes: Vec<LigneDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct LigneDto {
    libelle: String,
    #[serde(flatten)]
    mesure: MesureDto,
}

/// An indicator's figures for one year.
#[derive(Serialize, ToSchema)]
pub(crate) struct FiguresDto {
    indicateur: IndicateurDto,
    annee: i32,
    #[serde(flatten)]
    mesure: MesureDto,
    cible: Option<f64>,
    /// Earlier years then `annee`.
    serie: Vec<PointDto>,
    ventilation: Option<VentilationDto>,
}

#[utoipa::path(get, path = "/api/v1/indicateurs", tag = "evaluation",
    description = "Les indicateurs en vigueur du plan d'action, par axe et levier, avec leur définition et leur formule.",
    responses((status = 200, body = Vec<IndicateurDto>)))]
pub(crate) async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<IndicateurDto>>> {
    Ok(Json(
        crate::evaluation::actifs(&state.store)
            .await?
            .iter()
            .map(IndicateurDto::of)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/indicateurs/{code}", tag = "evaluation",
    description = "Les chiffres publiés d'un indicateur pour une année, sa série et une ventilation, avec le secret statistique appliqué (effectifs de 1 à 4 masqués, taux sur moins de 20 « nd », masquage secondaire).",
    params(("code" = String, Path, description = "Code de l'indicateur, ex. L1-ATELIERS"), Periode),
    responses(
        (status = 200, body = FiguresDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(crate) async fn get(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<Periode>,
) -> AppResult<Json<FiguresDto>> {
    let tr = Tr::new(Lang::Fr);
    let IndicateurDemande {
        indicateur: i,
        annee,
        fiche: f,
        ..
    } = indicateur_demande(&state, &tr, &code, &q, Lecture::Publiee).await?;
    let agregat = i.fiche.formule.agregat;
    let mesure = |v: Option<f64>| {
        MesureDto::of(
            v,
            crate::evaluation::afficher(v, &f.unite, agregat, Lecture::Publiee),
        )
    };
    Ok(Json(FiguresDto {
        annee,
        mesure: mesure(f.valeur),
        cible: f.cible,
        serie: f
            .serie
            .iter()
            .map(|p| PointDto {
                annee: p.annee,
                mesure: mesure(p.valeur),
            })
            .collect(),
        ventilation: f.ventilation.as_ref().map(|v| VentilationDto {
            par: v.par.clone(),
            lignes: v
                .lignes
                .iter()
                .map(|l| LigneDto {
                    libelle: l.libelle.clone(),
                    mesure: MesureDto::of(l.valeur, l.affichage.clone()),
                })
                .collect(),
        }),
        indicateur: IndicateurDto::of(&i),
    }))
}
