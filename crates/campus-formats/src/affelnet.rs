//! The Affelnet assignment's vocational programmes by school, as Orion
//! publishes them (`attractivite_capacite_AAAA.csv`, `;`, UTF-8): each
//! school (UAI) × programme (MEF_STAT_11) with its capacity and the pupils
//! who put it first. The campaign's year is the one the file name ends
//! with.

use std::path::Path;

use campus_domain::Uai;
use campus_domain::formation::{Attractivite, OffreAffelnet};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// The campaign year a file name ends with (`…_2022.csv.gz`).
fn campagne(path: &Path) -> Option<u16> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    let year = stem.rsplit('_').next()?;
    year.parse::<u16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}

/// A MEF_STAT_11 field: eleven digits, or none when empty.
fn mef(row: &Row, index: usize, column: &str) -> Result<Option<String>, String> {
    match row.get(index) {
        "" => Ok(None),
        code if code.len() == 11 && code.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Ok(Some(code.to_owned()))
        }
        code => Err(format!("{column} invalide « {code} »")),
    }
}

fn count(row: &Row, index: usize, column: &str) -> Result<u32, String> {
    let text = row.get(index);
    text.parse::<u32>()
        .map_err(|_| format!("{column} : nombre invalide « {text} »"))
}

/// The programmes of the file. A row counted under another status than
/// `ST` (the school status Affelnet assigns to) is skipped: it offers no
/// place of the assignment.
pub fn offres_affelnet(path: &Path) -> Result<Records<OffreAffelnet>, FormatError> {
    let campagne = campagne(path).ok_or_else(|| {
        FormatError::new(
            &path.display().to_string(),
            None,
            "année de la campagne absente du nom du fichier (attendu : …_AAAA.csv)",
        )
    })?;
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("Etablissement d'accueil")?,
        file.column("MEF STAT 11")?,
        file.column("Statut Offre de formation")?,
        file.column("Capacité carte scolaire")?,
        file.column("Demandes vœux 1")?,
        file.column("Famille de métiers")?,
        file.column("mef_stat_terminale")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        if row.get(c[2]) != "ST" {
            return Ok(None);
        }
        let code = row.get(c[0]);
        let uai = Uai::parse(code).map_err(|_| format!("UAI invalide « {code} »"))?;
        let mef_stat_11 = mef(row, c[1], "MEF STAT 11")?.ok_or("MEF STAT 11 vide")?;
        Ok(Some(OffreAffelnet {
            uai,
            mef_stat_11,
            mef_stat_terminale: mef(row, c[6], "mef_stat_terminale")?,
            famille: row.opt(c[5]),
            attractivite: Attractivite {
                campagne,
                capacite: count(row, c[3], "capacité")?,
                premiers_voeux: count(row, c[4], "demandes vœux 1")?,
            },
        }))
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::Record;

    #[test]
    fn reads_programmes_with_their_campaign() {
        let dir = std::env::temp_dir().join(format!("campus-affelnet-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("attractivite_capacite_2022.csv");
        let text = "Etablissement d'accueil;MEF STAT 11;Voeu de recensement O/N;Statut Offre de formation;Capacité carte scolaire;Demandes vœux 1;Famille de métiers;nb_apparitions_uai_mefstat;mef_stat_terminale\n\
            0180008L;23820025510;N;ST;48;39;TRANSITION NUMERIQUE ET ENERGETIQUE;1;23830025510\n\
            0180008L;23210025524;N;ST;12;17;;1;\n\
            0180008L;23210025524;N;AP;12;17;;1;\n\
            XYZ;23210025524;N;ST;12;17;;1;\n\
            0180008L;2321;N;ST;12;17;;1;\n\
            0180008L;23210025524;N;ST;douze;17;;1;\n";
        std::fs::write(&path, text).unwrap();
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in offres_affelnet(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(r) => rejected.push(r.to_string()),
            }
        }
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].uai.as_str(), "0180008L");
        assert_eq!(kept[0].mef_stat_terminale.as_deref(), Some("23830025510"));
        assert_eq!(
            kept[0].famille.as_deref(),
            Some("TRANSITION NUMERIQUE ET ENERGETIQUE")
        );
        assert_eq!(
            kept[0].attractivite,
            Attractivite {
                campagne: 2022,
                capacite: 48,
                premiers_voeux: 39
            }
        );
        assert_eq!(kept[1].mef_stat_terminale, None);
        assert_eq!(rejected.len(), 3, "{rejected:?}");
        assert!(rejected[0].contains("UAI invalide « XYZ »"), "{rejected:?}");
        assert!(rejected[0].contains(":5"), "{rejected:?}");
        assert!(rejected[1].contains("MEF STAT 11 invalide"), "{rejected:?}");
        assert!(rejected[2].contains("« douze »"), "{rejected:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_file_without_its_year_is_refused() {
        let dir = std::env::temp_dir().join(format!("campus-affelnet-an-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("attractivite_capacite.csv");
        std::fs::write(&path, "Etablissement d'accueil\n").unwrap();
        let error = offres_affelnet(&path).err().unwrap().to_string();
        assert!(error.contains("année de la campagne"), "{error}");
        assert_eq!(
            campagne(Path::new("attractivite_capacite_2022.csv.gz")),
            Some(2022)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
