//! The higher-education extracts of the ministry's open data (MESR): the
//! simplified Parcoursup list of programmes and the "Trouver mon master"
//! mentions, read as trainings of initial education (and, for masters, the
//! other ways they are open to).
//!
//! Neither file gives an identifier per programme: one is built from the
//! row (establishment and programme, plus the place for Parcoursup, where
//! one programme is taught on several sites), so that a newer file updates
//! the same trainings.

use std::collections::HashMap;
use std::path::Path;

use campus_domain::CodePostal;
use campus_domain::formation::{Action, Formation, Lieu, Modalite, Organisme, Source};

use crate::{CsvFile, FormatError, Records, Row};

/// A short stable fingerprint of a text (64-bit FNV-1a, in hex): the same
/// on every platform and every run, unlike the standard library's hasher.
fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The extract separates the parts of a programme's name by runs of
/// spaces (its author stripped the punctuation): they become " - ".
fn intitule(filiere: &str) -> String {
    filiere
        .split("  ")
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" - ")
}

/// The European exit level of the programmes whose kind settles it.
fn niveau_parcoursup(filiere: &str) -> Option<u8> {
    let kind = filiere.split_whitespace().next().unwrap_or_default();
    match kind {
        "BTS" | "BTSA" => Some(5),
        "BUT" | "Licence" | "DCG" => Some(6),
        _ if filiere.starts_with("DN MADE") => Some(6),
        _ => None,
    }
}

/// "47.8438, 1.9266" as a latitude and longitude.
fn position(value: &str) -> Option<(f64, f64)> {
    let (lat, lon) = value.split_once(',')?;
    let lat: f64 = lat.trim().parse().ok()?;
    let lon: f64 = lon.trim().parse().ok()?;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

/// The programmes of the simplified Parcoursup extract, one training per
/// row, taught in initial education (or apprenticeship when its name says
/// so) at the row's coordinates.
pub fn parcoursup(path: &Path) -> Result<Records<Formation>, FormatError> {
    let file = CsvFile::open(path, b',')?;
    let uai = file.column("Code UAI de l etablissement")?;
    let etablissement = file.column("etablissement")?;
    let filiere = file.column("Filiere de formation")?;
    let gps = file.column("Coordonnées GPS de la formation")?;
    Ok(Records::new(file, vec![], move |row: &Row| {
        let code = row.get(uai);
        if code.is_empty() {
            return Err("code UAI absent".to_owned());
        }
        let name = row.get(filiere);
        if name.is_empty() {
            return Err("filière absente".to_owned());
        }
        let nom = row
            .opt(etablissement)
            .ok_or_else(|| "établissement absent".to_owned())?;
        let place = position(row.get(gps));
        if place.is_none() && !row.get(gps).is_empty() {
            return Err(format!("coordonnées invalides « {} »", row.get(gps)));
        }
        let modalite = if name.to_lowercase().contains("apprentissage") {
            Modalite::Apprentissage
        } else {
            Modalite::Initiale
        };
        Ok(Some(Formation {
            source: Source::EsrParcoursup,
            numero: format!(
                "{code}-{}",
                fingerprint(&format!("{name}|{}", row.get(gps)))
            ),
            intitule: intitule(name),
            objectif: None,
            contenu: None,
            resultats_attendus: None,
            certifiante: None,
            parcours: None,
            objectif_general: None,
            niveau_entree: None,
            niveau_sortie: niveau_parcoursup(name),
            codes: vec![],
            url: None,
            organisme: Organisme {
                nom: nom.clone(),
                uai: Some(code.to_owned()),
                ..Organisme::default()
            },
            contact: None,
            actions: vec![Action {
                numero: "1".to_owned(),
                modalite,
                public_vise: vec![],
                prerequis: None,
                rythme: None,
                alternance: None,
                enseignement: None,
                entrees_sorties: None,
                duree_heures: None,
                prix: None,
                financeurs: vec![],
                lieu: Some(Lieu {
                    nom: Some(nom),
                    latitude: place.map(|p| p.0),
                    longitude: place.map(|p| p.1),
                    ..Lieu::default()
                }),
                formateur_siret: None,
                formateur_nom: None,
                sessions: vec![],
                attractivite: None,
            }],
            lheo: None,
        }))
    }))
}

const TMM_YEAR: &str = "Année de la campagne de recueil des informations";
const TMM_UAI: &str = "Code UAI de l’établissement accrédité";
const TMM_INM: &str = "Identifiant navette de la mention (INM) de master";

/// The ways a master's mention is open to, from the extract's list.
fn modalites_master(value: &str) -> Vec<Modalite> {
    let mut modalites = Vec::new();
    for part in value.split(',').map(str::trim) {
        let modalite = match part {
            "Formation initiale" => Modalite::Initiale,
            "Apprentissage" => Modalite::Apprentissage,
            "Formation continue" => Modalite::Continue,
            _ => continue,
        };
        if !modalites.contains(&modalite) {
            modalites.push(modalite);
        }
    }
    if modalites.is_empty() {
        modalites.push(Modalite::Initiale);
    }
    modalites
}

/// The mentions of "Trouver mon master": one training per establishment
/// and mention, as described by the latest campaign of the file (a first
/// pass finds it), with one action per way it is open to.
pub fn tmm(path: &Path) -> Result<Records<Formation>, FormatError> {
    let mut latest: HashMap<(String, String), String> = HashMap::new();
    let mut first = CsvFile::open(path, b';')?;
    let (year, uai, inm) = (
        first.column(TMM_YEAR)?,
        first.column(TMM_UAI)?,
        first.column(TMM_INM)?,
    );
    while let Some(row) = first.next_row() {
        let row = row?;
        let key = (row.get(uai).to_owned(), row.get(inm).to_owned());
        let campaign = row.get(year).to_owned();
        let entry = latest.entry(key).or_default();
        if campaign > *entry {
            *entry = campaign;
        }
    }
    let file = CsvFile::open(path, b';')?;
    let column = |name: &str| file.column(name);
    let nom = column("Nom officiel (long) de l’établissement accrédité")?;
    let adresse = column("Adresse de l’établissement accrédité")?;
    let complement = column("Complément d’adresse de l’établissement accrédité")?;
    let code_postal = column("Code postal de la ville de l’établissement accrédité")?;
    let ville = column("Ville de l’établissement accrédité")?;
    let mention = column("Intitulé de la mention de master")?;
    let modalites = column("Modalités d’enseignement de la mention")?;
    let url =
        column("URL de la fiche relative à la mention sur le site internet de l’établissement")?;
    Ok(Records::new(file, vec![], move |row: &Row| {
        let (code, navette) = (row.get(uai), row.get(inm));
        if code.is_empty() || navette.is_empty() {
            return Err("code UAI ou identifiant de la mention (INM) absent".to_owned());
        }
        let key = (code.to_owned(), navette.to_owned());
        if latest.get(&key).map(String::as_str) != Some(row.get(year)) {
            // An older campaign of a mention described again later.
            return Ok(None);
        }
        let intitule_mention = row
            .opt(mention)
            .ok_or_else(|| "intitulé de la mention absent".to_owned())?;
        let etablissement = row
            .opt(nom)
            .ok_or_else(|| "établissement absent".to_owned())?;
        let cp = row.opt(code_postal);
        let lignes: Vec<String> = [row.opt(adresse), row.opt(complement)]
            .into_iter()
            .flatten()
            .collect();
        let lieu = Lieu {
            nom: Some(etablissement.clone()),
            adresse: (!lignes.is_empty()).then(|| lignes.join("\n")),
            departement: cp
                .as_deref()
                .and_then(|c| CodePostal::parse(c).ok())
                .and_then(|c| c.departement_probable())
                .map(|d| d.as_str().to_owned()),
            code_postal: cp,
            ville: row.opt(ville),
            ..Lieu::default()
        };
        Ok(Some(Formation {
            source: Source::EsrTmm,
            numero: format!("{code}-{navette}"),
            intitule: format!("Master {intitule_mention}"),
            objectif: None,
            contenu: None,
            resultats_attendus: None,
            certifiante: Some(true),
            parcours: None,
            objectif_general: None,
            niveau_entree: None,
            niveau_sortie: Some(7),
            codes: vec![],
            url: row.opt(url),
            organisme: Organisme {
                nom: etablissement,
                uai: Some(code.to_owned()),
                lieu: Some(lieu.clone()),
                ..Organisme::default()
            },
            contact: None,
            actions: modalites_master(row.get(modalites))
                .into_iter()
                .map(|modalite| Action {
                    numero: modalite.as_str().to_owned(),
                    modalite,
                    public_vise: vec![],
                    prerequis: None,
                    rythme: None,
                    alternance: None,
                    enseignement: None,
                    entrees_sorties: None,
                    duree_heures: None,
                    prix: None,
                    financeurs: vec![],
                    lieu: Some(lieu.clone()),
                    formateur_siret: None,
                    formateur_nom: None,
                    sessions: vec![],
                    attractivite: None,
                })
                .collect(),
            lheo: None,
        }))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;
    use proptest::prelude::*;

    fn esr() -> Option<std::path::PathBuf> {
        campus_testkit::national_data("extraits Parcoursup et masters").map(|d| d.join("esr"))
    }

    fn valid(records: Records<Formation>) -> (Vec<Formation>, usize) {
        let mut valid = Vec::new();
        let mut rejected = 0;
        for record in records {
            match record.unwrap() {
                Record::Valid(f, _) => valid.push(f),
                Record::Rejected(_) => rejected += 1,
            }
        }
        (valid, rejected)
    }

    #[test]
    fn parcoursup_but_chimie_orleans() {
        let Some(esr) = esr() else {
            return;
        };
        let (formations, rejected) =
            valid(parcoursup(&esr.join("fr-esr-parcoursup_simplified.csv.gz")).unwrap());
        assert_eq!(formations.len() + rejected, 14252);
        let but = formations
            .iter()
            .find(|f| {
                f.organisme.uai.as_deref() == Some("0450092F") && f.intitule == "BUT - Chimie"
            })
            .unwrap();
        assert_eq!(but.organisme.nom, "I.U.T d Orleans");
        assert_eq!(but.niveau_sortie, Some(6));
        let lieu = but.actions[0].lieu.as_ref().unwrap();
        assert_eq!(
            (lieu.latitude, lieu.longitude),
            (Some(47.8438), Some(1.9266))
        );
        assert_eq!(but.actions[0].modalite, Modalite::Initiale);
        assert!(but.numero.starts_with("0450092F-"));
    }

    #[test]
    fn masters_latest_campaign() {
        let Some(esr) = esr() else {
            return;
        };
        let (formations, rejected) =
            valid(tmm(&esr.join("fr-esr-tmm-mentions-de-master_centre-val-de-loire.csv")).unwrap());
        assert_eq!(rejected, 0);
        assert!(formations.len() < 276, "{}", formations.len());
        let chimie = formations
            .iter()
            .find(|f| f.intitule.starts_with("Master Chimie moléculaire"))
            .unwrap();
        assert_eq!(chimie.niveau_sortie, Some(7));
        let lieu = chimie.organisme.lieu.as_ref().unwrap();
        assert!(["45", "37"].contains(&lieu.departement.as_deref().unwrap_or_default()));
        let mut keys: Vec<&str> = formations.iter().map(|f| f.numero.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), formations.len(), "une formation par mention");
    }

    #[test]
    fn names_and_positions() {
        assert_eq!(
            intitule("Licence   Portail Chimie   PC (Chimie, Physique)"),
            "Licence - Portail Chimie - PC (Chimie, Physique)"
        );
        assert_eq!(position("47.8438, 1.9266"), Some((47.8438, 1.9266)));
        assert_eq!(position("91, 0"), None);
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(
            modalites_master("Formation initiale,Alternance,Apprentissage"),
            [Modalite::Initiale, Modalite::Apprentissage]
        );
    }

    proptest! {
        #[test]
        fn arbitrary_rows_never_panic(
            rows in proptest::collection::vec("[ -~éè’\"\n]{0,40}", 0..8),
            year in "20[0-9]{2}",
        ) {
            let dir = std::env::temp_dir().join(format!("campus-esr-{}-{}", std::process::id(), fingerprint(&rows.concat())));
            std::fs::create_dir_all(&dir).unwrap();
            let parcoursup_file = dir.join("p.csv");
            let mut text = "Statut,Code UAI de l etablissement,etablissement,Region,Filiere de formation,Coordonnées GPS de la formation\n".to_owned();
            text.push_str(&rows.join("\n"));
            std::fs::write(&parcoursup_file, &text).unwrap();
            // Every row is read, kept or rejected; none panics.
            prop_assert!(parcoursup(&parcoursup_file).unwrap().count() <= text.lines().count());
            let tmm_file = dir.join("t.csv");
            let mut text = format!("{TMM_YEAR};{TMM_UAI};Nom officiel (long) de l’établissement accrédité;Adresse de l’établissement accrédité;Complément d’adresse de l’établissement accrédité;Code postal de la ville de l’établissement accrédité;Ville de l’établissement accrédité;{TMM_INM};Intitulé de la mention de master;Modalités d’enseignement de la mention;URL de la fiche relative à la mention sur le site internet de l’établissement\n");
            for row in &rows {
                text.push_str(&format!("{year};{}\n", row.replace(',', ";")));
            }
            std::fs::write(&tmm_file, &text).unwrap();
            prop_assert!(tmm(&tmm_file).unwrap().count() <= text.lines().count());
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
