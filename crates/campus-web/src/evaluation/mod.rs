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

use std::collections::{BTreeMap, HashMap};

use campus_domain::Sector;
use campus_domain::evaluation::calcul::{Cellule, Mesure, Resultat};
use campus_domain::evaluation::formule::{Agregat, Formule};
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

/// One indicator asked of [`fiches`]: its target for the year and the
/// breakdown wanted, if any.
#[derive(Clone, Copy)]
pub(crate) struct Demandee<'a> {
    pub indicateur: &'a Indicateur,
    pub cible: Option<f64>,
    pub par: Option<Ventilation>,
}

/// `indicateurs` as asked for `annee`: each with its target of the year
/// (read in one query) and the breakdown `par` gives it.
pub(crate) async fn demandes<'a>(
    store: &Store,
    indicateurs: &'a [Indicateur],
    annee: i32,
    par: impl Fn(&Indicateur) -> Option<Ventilation>,
) -> Result<Vec<Demandee<'a>>, StoreError> {
    let cibles = store.indicateurs().cibles_annee(annee).await?;
    Ok(indicateurs
        .iter()
        .map(|i| Demandee {
            indicateur: i,
            cible: cibles.get(i.code.as_str()).map(|c| c.valeur()),
            par: par(i),
        })
        .collect())
}

/// Indicators computed for `annee`, each with its history up to that
/// year and, when asked, its breakdown of the year, in the order asked,
/// as `lecture` may see them. As few passes over the records as can be:
/// one lot per breakdown asked, in which a dated indicator's series and
/// its breakdown of the year come from one pass over its record kind.
pub(crate) async fn fiches(
    store: &Store,
    secteur: &Sector,
    tr: &Tr,
    demandes: &[Demandee<'_>],
    annee: i32,
    lecture: Lecture,
) -> Result<Vec<FicheIndicateur>, StoreError> {
    let evaluation = store.evaluation();
    let par_de = |d: &Demandee| d.par.filter(|p| *p != Ventilation::Annee);
    let formules = |ks: &[usize]| -> Vec<&Formule> {
        ks.iter()
            .map(|k| &demandes[*k].indicateur.fiche.formule)
            .collect()
    };
    // One lot per breakdown asked (none included), dated or not.
    let mut lots: Vec<(bool, Option<Ventilation>, Vec<usize>)> = Vec::new();
    for (k, d) in demandes.iter().enumerate() {
        let cle = (a_une_annee(d.indicateur), par_de(d));
        match lots
            .iter_mut()
            .find(|(datee, par, _)| (*datee, *par) == cle)
        {
            Some((_, _, ks)) => ks.push(k),
            None => lots.push((cle.0, cle.1, vec![k])),
        }
    }
    let mut series: HashMap<usize, BTreeMap<i32, Resultat>> = HashMap::new();
    let mut stocks: HashMap<usize, Resultat> = HashMap::new();
    for (datee, par, ks) in lots {
        if datee {
            // The series and the year's breakdown in one pass.
            let calcules = evaluation
                .calculer_par_annee(&formules(&ks), par, secteur)
                .await?;
            series.extend(ks.into_iter().zip(calcules));
        } else {
            let calcules = evaluation
                .calculer_lot(&formules(&ks), None, par, secteur)
                .await?;
            stocks.extend(ks.into_iter().zip(calcules));
        }
    }
    Ok(demandes
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let i = d.indicateur;
            let agregat = i.fiche.formule.agregat;
            let serie = series.get(&k);
            let vide = Resultat {
                total: Mesure::vide(agregat),
                lignes: Vec::new(),
            };
            let detail = serie
                .and_then(|s| s.get(&annee))
                .or_else(|| stocks.get(&k))
                .unwrap_or(&vide);
            let point = PointSerie {
                annee,
                valeur: lire(&detail.total, agregat, lecture),
            };
            let points = match serie {
                Some(s) => s
                    .range(..annee)
                    .map(|(a, r)| PointSerie {
                        annee: *a,
                        valeur: lire(&r.total, agregat, lecture),
                    })
                    // The asked year is always the last point, even empty.
                    .chain(std::iter::once(point))
                    .collect(),
                None => vec![point],
            };
            FicheIndicateur {
                code: i.code.as_str().to_owned(),
                nom: i.fiche.nom.clone(),
                definition: i.fiche.definition.clone(),
                formule: i.fiche.formule.to_string(),
                unite: i.fiche.unite.clone(),
                sens: match i.fiche.sens {
                    Sens::Hausse => "hausse",
                    Sens::Baisse => "baisse",
                }
                .to_owned(),
                version: i32::try_from(i.version).unwrap_or(i32::MAX),
                cible: d.cible,
                valeur: lire(&detail.total, agregat, lecture),
                serie: points,
                ventilation: par_de(d)
                    .map(|p| ventiler(tr, detail, p, agregat, &i.fiche.unite, lecture)),
            }
        })
        .collect())
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

/// What stands for a figure `lecture` reads without a value: published,
/// a rate is one over too few (« nd ») and any other figure a small count
/// or one that would give a small count back (« s »); for the campus
/// team, a figure without a value is undefined (« nd »: a mean or a rate
/// of nothing).
pub fn absente(agregat: Agregat, lecture: Lecture) -> Cellule {
    match (lecture, agregat) {
        (Lecture::Publiee, a) if a != Agregat::Taux => Cellule::Masquee,
        _ => Cellule::NonDiffusable,
    }
}

/// What a figure prints, its absence told as `lecture` reads it.
pub fn afficher(v: Option<f64>, unite: &str, agregat: Agregat, lecture: Lecture) -> String {
    affichage(v.map_or(absente(agregat, lecture), Cellule::Valeur), unite)
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
