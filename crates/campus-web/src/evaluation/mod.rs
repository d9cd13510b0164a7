//! The action plan's evaluation as every reader gets it — the campus
//! team's dashboards, the public key figures, the API, the annual report
//! and the command line — assembled in one place from the indicator
//! registry (`store.indicateurs()`), the computation over the records
//! (`store.evaluation()`) and the report's model.
//!
//! One rule decides what a reader outside the campus team sees: a figure
//! read with [`Lecture::Publiee`] goes through the suppression of small
//! counts (`Resultat::publier`), the series year by year and the
//! breakdown as one table, so that no hidden cell comes back by
//! subtraction. The campus team's dashboards read [`Lecture::Interne`].

pub mod rapport;

use campus_domain::Sector;
use campus_domain::evaluation::calcul::{Cellule, Mesure, Resultat};
use campus_domain::evaluation::formule::Agregat;
use campus_domain::evaluation::indicateur::Indicateur;
use campus_domain::evaluation::rapport::{
    FicheIndicateur, LigneRapport, PointSerie, VentilationRapport, format_valeur,
};
use campus_domain::evaluation::registre::{Levier, REGISTRE, Sens, Ventilation};
use campus_store::{Store, StoreError};

use crate::i18n::Tr;

/// Who reads a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lecture {
    /// The campus team: every figure as computed.
    Interne,
    /// Anyone else (public page, API, report sent out): small counts
    /// suppressed.
    Publiee,
}

/// The indicators in force (not retired), by code.
pub async fn actifs(store: &Store) -> Result<Vec<Indicateur>, StoreError> {
    Ok(store
        .indicateurs()
        .list()
        .await?
        .into_iter()
        .filter(|i| i.retire_le.is_none())
        .map(|i| i.indicateur)
        .collect())
}

/// The campus team's target of `i` for `annee`.
pub async fn cible(store: &Store, i: &Indicateur, annee: i32) -> Result<Option<f64>, StoreError> {
    Ok(store
        .indicateurs()
        .cibles(&i.code)
        .await?
        .into_iter()
        .find(|(a, _)| *a == annee)
        .map(|(_, c)| c.valeur()))
}

/// The campus team's commentary of `levier` for `annee`.
pub async fn commentaire(
    store: &Store,
    annee: i32,
    levier: Levier,
) -> Result<Option<String>, StoreError> {
    Ok(store
        .indicateurs()
        .commentaires(annee)
        .await?
        .into_iter()
        .find(|c| c.levier == levier)
        .map(|c| c.texte))
}

/// Whether the indicator's records carry a year: stocks (the catalogue's
/// trainings, the network's organisations) are counted as they stand.
pub fn a_une_annee(i: &Indicateur) -> bool {
    REGISTRE
        .iter()
        .find(|g| g.nom == i.fiche.formule.selection.genre)
        .is_some_and(|g| g.ventilations.contains(&Ventilation::Annee))
}

/// What is asked of an indicator: the year, a breakdown, for whom.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Demande {
    pub annee: i32,
    pub par: Option<Ventilation>,
    pub lecture: Lecture,
}

/// One indicator computed for `annee`, with its history up to that year
/// and, when asked, its breakdown by `par`.
pub(crate) async fn fiche(
    store: &Store,
    secteur: &Sector,
    tr: &Tr,
    i: &Indicateur,
    cible: Option<f64>,
    demande: Demande,
) -> Result<FicheIndicateur, StoreError> {
    let Demande {
        annee,
        par,
        lecture,
    } = demande;
    let formule = &i.fiche.formule;
    let agregat = formule.agregat;
    let datee = a_une_annee(i);
    let an = datee.then_some(annee);
    let detail = store
        .evaluation()
        .calculer(
            formule,
            an,
            par.filter(|p| *p != Ventilation::Annee),
            secteur,
        )
        .await?;
    let serie = if datee {
        let par_annee = store
            .evaluation()
            .calculer(formule, None, Some(Ventilation::Annee), secteur)
            .await?;
        par_annee
            .lignes
            .iter()
            .filter_map(|l| l.cle.parse::<i32>().ok().map(|a| (a, &l.mesure)))
            .filter(|(a, _)| *a <= annee)
            .map(|(a, m)| PointSerie {
                annee: a,
                valeur: lire(m, agregat, lecture),
            })
            .chain(
                // The report's year is always the last point, even empty.
                std::iter::once(PointSerie {
                    annee,
                    valeur: lire(&detail.total, agregat, lecture),
                }),
            )
            .fold(Vec::<PointSerie>::new(), |mut v, p| {
                v.retain(|q| q.annee != p.annee);
                v.push(p);
                v
            })
    } else {
        vec![PointSerie {
            annee,
            valeur: lire(&detail.total, agregat, lecture),
        }]
    };
    let ventilation = par
        .filter(|p| *p != Ventilation::Annee)
        .map(|p| ventiler(tr, &detail, p, agregat, &i.fiche.unite, lecture));
    Ok(FicheIndicateur {
        code: i.code.as_str().to_owned(),
        nom: i.fiche.nom.clone(),
        definition: i.fiche.definition.clone(),
        formule: formule.to_string(),
        unite: i.fiche.unite.clone(),
        sens: match i.fiche.sens {
            Sens::Hausse => "hausse",
            Sens::Baisse => "baisse",
        }
        .to_owned(),
        version: i32::try_from(i.version).unwrap_or(i32::MAX),
        cible,
        valeur: lire(&detail.total, agregat, lecture),
        serie,
        ventilation,
    })
}

/// One figure as `lecture` may see it.
fn lire(m: &Mesure, agregat: Agregat, lecture: Lecture) -> Option<f64> {
    match lecture {
        Lecture::Interne => m.valeur,
        Lecture::Publiee => Resultat {
            total: *m,
            lignes: Vec::new(),
        }
        .publier(agregat)
        .total
        .valeur(),
    }
}

fn ventiler(
    tr: &Tr,
    r: &Resultat,
    par: Ventilation,
    agregat: Agregat,
    unite: &str,
    lecture: Lecture,
) -> VentilationRapport {
    let lignes = match lecture {
        Lecture::Interne => r
            .lignes
            .iter()
            .map(|l| LigneRapport {
                libelle: l.libelle.clone(),
                valeur: l.mesure.valeur,
                affichage: affichage(
                    l.mesure
                        .valeur
                        .map_or(Cellule::NonDiffusable, Cellule::Valeur),
                    unite,
                ),
            })
            .collect(),
        Lecture::Publiee => r
            .publier(agregat)
            .lignes
            .into_iter()
            .map(|l| LigneRapport {
                libelle: l.libelle,
                valeur: l.valeur.valeur(),
                affichage: affichage(l.valeur, unite),
            })
            .collect(),
    };
    VentilationRapport {
        par: tr.t(par.label_key()),
        lignes,
    }
}

/// What a cell prints: the figure with its unit, « s » (secret
/// statistique) or « nd » (non diffusable), as official statistics write
/// them.
pub fn affichage(c: Cellule, unite: &str) -> String {
    match c {
        Cellule::Valeur(v) => format_valeur(v, unite),
        other => other.to_string(),
    }
}
