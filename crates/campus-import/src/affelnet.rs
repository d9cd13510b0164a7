//! `campus import affelnet FILE --mef NMEF`: the lycées' vocational
//! programmes of the Affelnet assignment as initial-education trainings.
//!
//! Each row is a school (UAI) × a programme year (MEF_STAT_11). The BCN's
//! `N_MEF` gives the diploma (CFD) of the year; the catalogue's BCN tables
//! and Kit apprentissage give the diploma's title and RNCP fiches, so the
//! training paths can use it like any offer. A common first year of bac
//! pro (« seconde famille de métiers ») prepares the bac pros of its
//! family that the same school teaches after it, else every bac pro of the
//! family. The school is placed where the catalogue already knows it: a
//! Parcoursup programme it teaches, else its entry in the directory (the
//! apprenticeship organisations' catalogue); the report names the schools
//! it could not place, whose programmes stay off the map and out of the
//! plans' distances.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Instant;

use campus_domain::bcn::MefBcn;
use campus_domain::formation::{
    Action, CodeKind, Formation, Lieu, Modalite, OffreAffelnet, Organisme, Source,
};
use campus_domain::{CodeCertification, fold_accents};
use campus_formats::affelnet::offres_affelnet;
use campus_formats::bcn::n_mef;
use campus_formats::{FormatError, Record};
use campus_parcours::rattachement::HOURS_PER_YEAR;
use campus_store::Store;
use campus_store::affelnet::{DiplomeConnu, EtablissementConnu};

use crate::ImportReport;
use crate::esr::locate;
use crate::feed::{ImportError, progress};

/// The département a UAI belongs to: its first three characters are the
/// département's code, `0`-padded (`045…` Loiret, `620…` Corse-du-Sud,
/// `972…` Martinique).
fn departement_of(uai: &str) -> Option<String> {
    let head = uai.get(..3)?;
    match head {
        "620" => Some("2A".to_owned()),
        "720" => Some("2B".to_owned()),
        _ if head.starts_with("97") => Some(head.to_owned()),
        _ => head.strip_prefix('0').map(str::to_owned),
    }
}

/// The words of a family's name that tell it apart.
fn words(text: &str) -> BTreeSet<String> {
    fold_accents(text)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 3 && *w != "metiers")
        .map(str::to_owned)
        .collect()
}

/// The BCN family an Affelnet family name designates (Affelnet writes
/// `RELATION CLIENT`, the BCN `Métiers de la relation client`): the one
/// sharing the most words, at least half of Affelnet's.
fn famille_bcn<'a>(affelnet: &str, familles: &'a BTreeSet<String>) -> Option<&'a String> {
    let wanted = words(affelnet);
    familles
        .iter()
        .map(|f| (words(f).intersection(&wanted).count(), f))
        .filter(|(shared, _)| *shared * 2 >= wanted.len().max(1))
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, f)| f)
}

/// An upper-case family name as a sentence: `RELATION CLIENT` →
/// `Relation client`.
fn sentence(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the catalogue knows of the diplomas, and of their families.
struct Diplomas {
    by_cfd: HashMap<String, DiplomeConnu>,
    /// Every bac pro fiche of each BCN family.
    by_famille: BTreeMap<String, Vec<CodeCertification>>,
}

impl Diplomas {
    fn new(by_cfd: HashMap<String, DiplomeConnu>) -> Diplomas {
        let mut by_famille: BTreeMap<String, Vec<CodeCertification>> = BTreeMap::new();
        for d in by_cfd.values() {
            if let Some(f) = &d.famille {
                by_famille
                    .entry(f.clone())
                    .or_default()
                    .extend(d.certifications.iter().cloned());
            }
        }
        for codes in by_famille.values_mut() {
            codes.sort();
            codes.dedup();
        }
        Diplomas { by_cfd, by_famille }
    }
}

/// One row resolved: its year, the diploma, and where it stands.
struct Row {
    line: u64,
    offre: OffreAffelnet,
    mef: MefBcn,
    diplome: Option<DiplomeConnu>,
}

/// The programme's title: the diploma's, with the year it is entered in
/// when that is not the first; a common first year says its family.
fn intitule(row: &Row, famille: Option<&str>) -> String {
    let base = match (&row.diplome, famille) {
        (
            Some(DiplomeConnu {
                intitule: Some(t), ..
            }),
            None,
        ) => t.clone(),
        (_, Some(f)) => format!("Seconde professionnelle — {}", f),
        _ => sentence(&row.mef.libelle),
    };
    match (row.mef.annee, row.mef.duree) {
        (Some(annee), Some(duree)) if annee > 1 => {
            format!("{base} (entrée en {annee}e année sur {duree})")
        }
        _ => base,
    }
}

/// The school years left from the year pupils enter by to the diploma:
/// all of a CAP entered in its first year, two of a bac pro entered in
/// première.
fn remaining_years(mef: &MefBcn) -> Option<u32> {
    let (duree, annee) = (u32::from(mef.duree?), u32::from(mef.annee.unwrap_or(1)));
    (duree >= annee).then(|| duree - annee + 1)
}

/// Imports the programmes of `file` in one transaction, reading the years
/// of `mef` (the BCN's `N_MEF`).
pub async fn import_affelnet(
    store: &Store,
    file: &Path,
    mef: &Path,
) -> Result<ImportReport, ImportError> {
    let start = Instant::now();
    let mut report = ImportReport::default();
    let mut years: HashMap<String, MefBcn> = HashMap::new();
    for record in n_mef(mef)? {
        match record? {
            Record::Valid(m, _) => {
                years.entry(m.mef_stat_11.clone()).or_insert(m);
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    let diplomas = Diplomas::new(store.diplomes_par_cfd().await?);
    let places = store.etablissements_par_uai().await?;
    let records = offres_affelnet(file)?;
    let name = records.file_name().to_owned();
    let mut rows = Vec::new();
    for record in records {
        match record? {
            Record::Valid(offre, line) => {
                let year = offre
                    .mef_stat_terminale
                    .as_ref()
                    .and_then(|m| years.get(m))
                    .or_else(|| years.get(&offre.mef_stat_11));
                let Some(year) = year.cloned() else {
                    report.rejected.push(FormatError::new(
                        &name,
                        Some(line),
                        format!(
                            "MEF STAT 11 « {} » absent du N_MEF de la BCN",
                            offre.mef_stat_11
                        ),
                    ));
                    continue;
                };
                // The year pupils enter by (its rank), the diploma of the
                // final year (its fiches).
                let mef = years
                    .get(&offre.mef_stat_11)
                    .cloned()
                    .unwrap_or(year.clone());
                rows.push(Row {
                    line,
                    diplome: diplomas.by_cfd.get(&year.cfd).cloned(),
                    mef: MefBcn {
                        cfd: year.cfd,
                        ..mef
                    },
                    offre,
                });
            }
            Record::Rejected(rejection) => report.rejected.push(rejection),
        }
    }
    // What each school teaches in each family after the common year.
    let mut taught: HashMap<(String, String), Vec<CodeCertification>> = HashMap::new();
    for row in &rows {
        if let (Some(f), Some(d)) = (&row.offre.famille, &row.diplome) {
            taught
                .entry((row.offre.uai.as_str().to_owned(), f.clone()))
                .or_default()
                .extend(d.certifications.iter().cloned());
        }
    }
    let familles: BTreeSet<String> = diplomas.by_famille.keys().cloned().collect();
    let mut unplaced: BTreeMap<String, usize> = BTreeMap::new();
    let mut import = store.begin_formation_import().await?;
    let bar = progress(&name);
    for row in rows {
        let uai = row.offre.uai.as_str().to_owned();
        let common_year = row
            .diplome
            .as_ref()
            .is_none_or(|d| d.certifications.is_empty());
        let (famille, mut certifications) = match (&row.offre.famille, common_year) {
            (Some(f), true) => {
                let bcn = famille_bcn(f, &familles);
                let here = taught
                    .get(&(uai.clone(), f.clone()))
                    .cloned()
                    .unwrap_or_default();
                let codes = if here.is_empty() {
                    bcn.and_then(|b| diplomas.by_famille.get(b))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    here
                };
                let title = bcn.map_or_else(
                    || format!("famille des métiers : {}", sentence(f)),
                    |b| b.clone(),
                );
                (Some(title), codes)
            }
            _ => (
                None,
                row.diplome
                    .as_ref()
                    .map(|d| d.certifications.clone())
                    .unwrap_or_default(),
            ),
        };
        certifications.sort();
        certifications.dedup();
        let place: Option<&EtablissementConnu> = places.get(&uai);
        if place.is_none() {
            *unplaced.entry(uai.clone()).or_default() += 1;
        }
        let nom = place.map_or_else(|| format!("Établissement {uai}"), |p| p.nom.clone());
        let mut codes: Vec<(CodeKind, String)> = vec![(CodeKind::Cfd, row.mef.cfd.clone())];
        codes.extend(
            certifications
                .iter()
                .map(|c| (CodeKind::Rncp, c.as_str().to_owned())),
        );
        let mut formation = Formation {
            source: Source::Affelnet,
            numero: format!("{uai}-{}", row.offre.mef_stat_11),
            intitule: intitule(&row, famille.as_deref()),
            objectif: None,
            contenu: None,
            resultats_attendus: None,
            certifiante: Some(!certifications.is_empty()),
            parcours: None,
            objectif_general: None,
            niveau_entree: None,
            niveau_sortie: row.diplome.as_ref().and_then(|d| d.niveau),
            codes,
            url: None,
            organisme: Organisme {
                nom: nom.clone(),
                uai: Some(uai.clone()),
                ..Organisme::default()
            },
            contact: None,
            actions: vec![Action {
                numero: "1".to_owned(),
                modalite: Modalite::Initiale,
                public_vise: vec![],
                prerequis: None,
                rythme: None,
                alternance: None,
                enseignement: None,
                entrees_sorties: None,
                duree_heures: remaining_years(&row.mef)
                    .map(|years| f64::from(years * HOURS_PER_YEAR)),
                prix: None,
                financeurs: vec![],
                lieu: Some(Lieu {
                    nom: Some(nom),
                    adresse: place.and_then(|p| p.adresse.clone()),
                    code_postal: place.and_then(|p| p.code_postal.clone()),
                    ville: place.and_then(|p| p.ville.clone()),
                    commune_insee: None,
                    departement: place
                        .and_then(|p| p.departement.clone())
                        .or_else(|| departement_of(&uai)),
                    latitude: place.map(|p| p.position.lat()),
                    longitude: place.map(|p| p.position.lon()),
                }),
                formateur_siret: None,
                formateur_nom: None,
                sessions: vec![],
                attractivite: Some(row.offre.attractivite),
            }],
            lheo: None,
        };
        locate(&mut import, &mut formation).await?;
        if !import.formation(formation).await? {
            report.rejected.push(FormatError::new(
                &name,
                Some(row.line),
                "programme en double (même établissement, même MEF) : la première ligne est conservée",
            ));
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    for (uai, programmes) in unplaced {
        report.unresolved.push(FormatError::new(
            &name,
            None,
            format!(
                "établissement {uai} sans position connue (ni programme Parcoursup ni organisme de l'annuaire à cet UAI) : ses {programmes} formation(s) ne sont pas placées sur la carte"
            ),
        ));
    }
    report.tables = import.commit().await?;
    report.elapsed = start.elapsed();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uai_tells_its_departement() {
        assert_eq!(departement_of("0180008L").as_deref(), Some("18"));
        assert_eq!(departement_of("0451792D").as_deref(), Some("45"));
        assert_eq!(departement_of("6200001G").as_deref(), Some("2A"));
        assert_eq!(departement_of("9720001X").as_deref(), Some("972"));
        assert_eq!(departement_of("12"), None);
    }

    #[test]
    fn affelnet_families_find_the_bcn_ones() {
        let familles: BTreeSet<String> = [
            "Métiers de la relation client",
            "Métiers des transitions numérique et énergétique",
            "Métiers du pilotage et de la maintenance d'installations automatisées",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        let found = |f: &str| famille_bcn(f, &familles).cloned();
        assert_eq!(
            found("RELATION CLIENT").as_deref(),
            Some("Métiers de la relation client")
        );
        assert_eq!(
            found("TRANSITION NUMERIQUE ET ENERGETIQUE").as_deref(),
            Some("Métiers des transitions numérique et énergétique")
        );
        assert_eq!(
            found("PILOTAGE ET MAINTENANCE D'INSTALLATIONS AUTOMATISEES").as_deref(),
            Some("Métiers du pilotage et de la maintenance d'installations automatisées")
        );
        assert_eq!(found("MÉTIERS DES PRODUCTIONS "), None);
        assert_eq!(sentence("RELATION CLIENT"), "Relation client");
    }
}
