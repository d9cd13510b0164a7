//! The Éducation nationale's BCN nomenclatures, as the folder of CSV
//! extracts (`;`) the ministry publishes: `N_FORMATION_DIPLOME` in
//! Windows-1252, `V_FORMATION_DIPLOME` in UTF-8 with a byte-order mark,
//! the others in UTF-8 with or without one. [`crate::open`] finds each
//! file's encoding, so the readers below only know columns.

use std::path::{Path, PathBuf};

use campus_domain::CodeCertification;
use campus_domain::bcn::{
    DepartementAcademie, DiplomeBcn, DiplomeProfessionnel, MefBcn, NiveauBcn, Nsf, NsfTier,
};

use crate::dates::french_date;
use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// The folder of the BCN files.
#[derive(Debug, Clone)]
pub struct BcnFolder {
    dir: PathBuf,
}

/// A `JJ/MM/AAAA` field, or a rejection naming the column.
fn date(row: &Row, index: usize, column: &str) -> Result<Option<String>, String> {
    match row.get(index) {
        "" => Ok(None),
        value => french_date(value)
            .map(Some)
            .ok_or_else(|| format!("{column} : date invalide « {value} »")),
    }
}

/// The national-framework level of `NIVEAU_QUALIFICATION_RNCP` (`04`):
/// none for `00` (no level), `99` or `XX` (not stated).
fn niveau(row: &Row, index: usize) -> Option<u8> {
    row.get(index)
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=8).contains(n))
}

fn required(row: &Row, index: usize, column: &str) -> Result<String, String> {
    row.opt(index).ok_or_else(|| format!("{column} vide"))
}

/// `N_MEF`: each year of a programme with its MEF_STAT_11 and the
/// diploma it leads to (`nMef.csv`). Only the Affelnet import reads it,
/// so it is not one of the folder's required files.
pub fn n_mef(path: &Path) -> Result<Records<MefBcn>, FormatError> {
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("MEF_STAT_11")?,
        file.column("FORMATION_DIPLOME")?,
        file.column("LIBELLE_LONG")?,
        file.column("DUREE_DISPOSITIF")?,
        file.column("ANNEE_DISPOSITIF")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let mef = row.get(c[0]);
        if mef.len() != 11 || !mef.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!("MEF_STAT_11 invalide « {mef} »"));
        }
        let cfd = row.get(c[1]);
        if cfd.len() != 8 || !cfd.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!("FORMATION_DIPLOME invalide « {cfd} »"));
        }
        let small = |i: usize| {
            row.get(i)
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=9).contains(n))
        };
        Ok(Some(MefBcn {
            mef_stat_11: mef.to_owned(),
            cfd: cfd.to_owned(),
            libelle: required(row, c[2], "LIBELLE_LONG")?,
            duree: small(c[3]),
            annee: small(c[4]),
        }))
    }))
}

impl BcnFolder {
    /// The folder, if it holds the diplomas file.
    pub fn new(dir: &Path) -> Result<BcnFolder, FormatError> {
        let folder = BcnFolder {
            dir: dir.to_owned(),
        };
        folder.file("nFormationDiplome")?;
        Ok(folder)
    }

    fn file(&self, prefix: &str) -> Result<PathBuf, FormatError> {
        crate::source::find_csv(&self.dir, prefix)
    }

    fn open(&self, prefix: &str) -> Result<CsvFile, FormatError> {
        CsvFile::open(&self.file(prefix)?, b';')
    }

    /// `N_FORMATION_DIPLOME` (the ministry's own diplomas).
    pub fn n_formation_diplome(&self) -> Result<Records<DiplomeBcn>, FormatError> {
        diplomes(self.open("nFormationDiplome")?)
    }

    /// `V_FORMATION_DIPLOME`: every ministry's diplomas, N's included.
    pub fn v_formation_diplome(&self) -> Result<Records<DiplomeBcn>, FormatError> {
        diplomes(self.open("vFormationDiplome")?)
    }

    pub fn niveaux(&self) -> Result<Records<NiveauBcn>, FormatError> {
        let file = self.open("nNiveauFormationDiplome")?;
        let c = [
            file.column("NIVEAU_FORMATION_DIPLOME")?,
            file.column("NIVEAU_INTERMINISTERIEL")?,
            file.column("LIBELLE_COURT")?,
            file.column("LIBELLE_100")?,
            file.column("NIVEAU_QUALIFICATION_RNCP")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(NiveauBcn {
                code: required(row, c[0], "NIVEAU_FORMATION_DIPLOME")?,
                niveau_interministeriel: row.opt(c[1]),
                libelle_court: row.opt(c[2]),
                libelle: required(row, c[3], "LIBELLE_100")?,
                niveau: niveau(row, c[4]),
            }))
        }))
    }

    /// NSF categories, domains and groups, one file each, in that order.
    pub fn nsf(&self) -> Result<Vec<Records<Nsf>>, FormatError> {
        let tiers = [
            (
                "n_categorie_specialite",
                NsfTier::Categorie,
                "CATEGORIE_SPECIALITE",
                None,
            ),
            (
                "n_domaine_specialite",
                NsfTier::Domaine,
                "DOMAINE_SPECIALITE",
                Some("CATEGORIE_SPECIALITE"),
            ),
            (
                "n_groupe_specialite",
                NsfTier::Groupe,
                "GROUPE_SPECIALITE",
                Some("DOMAINE_SPECIALITE"),
            ),
        ];
        tiers
            .into_iter()
            .map(|(prefix, tier, code_column, parent_column)| {
                let file = self.open(prefix)?;
                let code = file.column(code_column)?;
                let parent = parent_column.map(|p| file.column(p)).transpose()?;
                let long = file.column("LIBELLE_LONG")?;
                // The groups also have a label in sentence case.
                let edition = file.column("LIBELLE_EDITION").ok();
                Ok(Records::new(file, vec![], move |row| {
                    let libelle = edition
                        .and_then(|i| row.opt(i))
                        .or_else(|| row.opt(long))
                        .ok_or("LIBELLE_LONG vide")?;
                    Ok(Some(Nsf {
                        code: required(row, code, code_column)?,
                        tier,
                        parent: parent.and_then(|i| row.opt(i)),
                        libelle,
                    }))
                }))
            })
            .collect()
    }

    pub fn diplomes_professionnels(&self) -> Result<Records<DiplomeProfessionnel>, FormatError> {
        let file = self.open("diplomesProfessionnels")?;
        let c = [
            file.column("Commission professionnelle consultative")?,
            file.column("Secteur")?,
            file.column("Niveau")?,
            file.column("Code diplôme")?,
            file.column("Diplôme")?,
            file.column("Intitulé de la spécialité (et options)")?,
            file.column("Code RNCP")?,
            file.column("Date de l'arrêté de création")?,
            file.column("Première session")?,
            file.column("Dernière session")?,
            file.column("Famille de métiers")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            // Written `400-22005 U`, `320-33609T` or `50025224R`: the
            // eight digits are the CFD, the letter is the old suffix.
            let written = row.get(c[3]);
            let cfd: String = written.chars().filter(char::is_ascii_digit).collect();
            if cfd.len() != 8 {
                return Err(format!("code diplôme invalide « {written} »"));
            }
            let rncp = match row.get(c[6]) {
                "" | "en cours" => None,
                n => Some(
                    CodeCertification::from_number("RNCP", n)
                        .map_err(|_| format!("code RNCP invalide « {n} »"))?,
                ),
            };
            let niveau = match row.get(c[2]) {
                "" => None,
                text => Some(
                    text.strip_prefix("Niveau ")
                        .and_then(|n| n.trim().parse::<u8>().ok())
                        .ok_or_else(|| format!("niveau invalide « {text} »"))?,
                ),
            };
            let secteur = row.opt(c[1]).filter(|s| s != "Secteur");
            Ok(Some(DiplomeProfessionnel {
                cfd,
                rncp,
                cpc: required(row, c[0], "Commission professionnelle consultative")?,
                secteur,
                niveau,
                diplome: required(row, c[4], "Diplôme")?,
                intitule: required(row, c[5], "Intitulé de la spécialité")?,
                date_creation: row.opt(c[7]),
                premiere_session: row.opt(c[8]),
                derniere_session: row.opt(c[9]),
                famille_metiers: row.opt(c[10]),
            }))
        }))
    }

    /// Départements with their académie and région. The rows of an
    /// académie without a département (`Sans objet`) are skipped.
    pub fn departements(&self) -> Result<Records<DepartementAcademie>, FormatError> {
        let file = self.open("departements_academies_regions")?;
        let c = [
            file.column("codeDepartement")?,
            file.column("libelleDepartement")?,
            file.column("codeAcademie")?,
            file.column("libelleAcademie")?,
            file.column("codeRegion")?,
            file.column("libelleRegion")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let Some(code) = row.opt(c[0]) else {
                return Ok(None);
            };
            // The BCN pads to three characters: `045`, `02A`, `971`.
            let departement = match code.strip_prefix('0') {
                Some(rest) if rest.len() == 2 => rest.to_owned(),
                _ => code.clone(),
            };
            if !(2..=3).contains(&departement.len())
                || !departement.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return Err(format!("code département invalide « {code} »"));
            }
            Ok(Some(DepartementAcademie {
                departement,
                libelle: required(row, c[1], "libelleDepartement")?,
                academie: required(row, c[2], "codeAcademie")?,
                academie_libelle: required(row, c[3], "libelleAcademie")?,
                region: required(row, c[4], "codeRegion")?,
                region_libelle: required(row, c[5], "libelleRegion")?,
            }))
        }))
    }
}

/// `N_` and `V_FORMATION_DIPLOME` share the columns read here.
fn diplomes(file: CsvFile) -> Result<Records<DiplomeBcn>, FormatError> {
    let c = [
        file.column("FORMATION_DIPLOME")?,
        file.column("NIVEAU_FORMATION_DIPLOME")?,
        file.column("GROUPE_SPECIALITE")?,
        file.column("LETTRE_SPECIALITE")?,
        file.column("LIBELLE_COURT")?,
        file.column("LIBELLE_LONG_200")?,
        file.column("DATE_OUVERTURE")?,
        file.column("DATE_FERMETURE")?,
        file.column("NIVEAU_QUALIFICATION_RNCP")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let cfd = row.get(c[0]);
        if cfd.len() != 8 || !cfd.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!("code formation diplôme invalide « {cfd} »"));
        }
        Ok(Some(DiplomeBcn {
            cfd: cfd.to_owned(),
            niveau_formation: required(row, c[1], "NIVEAU_FORMATION_DIPLOME")?,
            groupe_specialite: row.opt(c[2]),
            lettre_specialite: row.opt(c[3]),
            libelle_court: row.opt(c[4]),
            libelle: required(row, c[5], "LIBELLE_LONG_200")?,
            date_ouverture: date(row, c[6], "DATE_OUVERTURE")?,
            date_fermeture: date(row, c[7], "DATE_FERMETURE")?,
            niveau: niveau(row, c[8]),
        }))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Encoding, Record};

    fn folder() -> Option<BcnFolder> {
        campus_testkit::national_data("nomenclatures BCN")
            .map(|data| BcnFolder::new(&data.join("bcn")).unwrap())
    }

    fn valid<T>(records: Records<T>) -> (Vec<T>, Vec<FormatError>) {
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in records {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(e) => rejected.push(e),
            }
        }
        (kept, rejected)
    }

    #[test]
    fn real_files() {
        let Some(folder) = folder() else {
            return;
        };
        let n = folder.n_formation_diplome().unwrap();
        let (n, rejected) = valid(n);
        assert_eq!((n.len(), rejected.len()), (4023, 0), "{rejected:?}");
        // Windows-1252 decoded: accents are intact.
        assert!(
            n.iter()
                .any(|d| d.libelle.contains('É') || d.libelle.contains('é'))
        );
        let cap = n.iter().find(|d| d.cfd == "50033104").unwrap();
        assert_eq!(cap.libelle, "EMPLOYE EN PHARMACIE (CAP)");
        assert_eq!(
            (cap.niveau, cap.date_fermeture.as_deref()),
            (Some(3), Some("2003-08-31"))
        );
        let (v, rejected) = valid(folder.v_formation_diplome().unwrap());
        assert_eq!((v.len(), rejected.len()), (11261, 0), "{rejected:?}");
        let (niveaux, _) = valid(folder.niveaux().unwrap());
        assert_eq!(niveaux.len(), 212);
        let nsf: Vec<_> = folder
            .nsf()
            .unwrap()
            .into_iter()
            .map(|r| valid(r).0)
            .collect();
        assert_eq!(nsf.iter().map(Vec::len).collect::<Vec<_>>(), [5, 22, 115]);
        let chimie = nsf[2].iter().find(|g| g.code == "222").unwrap();
        assert_eq!(chimie.libelle, "Transformations chimiques et apparentées");
        assert_eq!(chimie.parent.as_deref(), Some("22"));
        let (pro, rejected) = valid(folder.diplomes_professionnels().unwrap());
        assert_eq!((pro.len(), rejected.len()), (577, 0), "{rejected:?}");
        let bac_pro = pro.iter().find(|d| d.cfd == "40022005").unwrap();
        assert_eq!(bac_pro.rncp.as_ref().map(|r| r.as_str()), Some("RNCP37699"));
        assert_eq!(bac_pro.niveau, Some(4));
        let (departements, rejected) = valid(folder.departements().unwrap());
        assert!(rejected.is_empty(), "{rejected:?}");
        let loiret = departements.iter().find(|d| d.departement == "45").unwrap();
        assert_eq!(loiret.academie_libelle, "Orléans-Tours");
        assert_eq!(loiret.region, "24");
        assert!(departements.iter().any(|d| d.departement == "2A"));
    }

    #[test]
    fn encodings_as_found() {
        let Some(folder) = folder() else {
            return;
        };
        let encoding = |prefix: &str| {
            CsvFile::open(&folder.file(prefix).unwrap(), b';')
                .unwrap()
                .encoding
        };
        assert_eq!(encoding("nFormationDiplome"), Encoding::Windows1252);
        assert_eq!(encoding("vFormationDiplome"), Encoding::Utf8WithBom);
    }
}
