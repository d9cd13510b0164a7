//! The Orion files of attractiveness and enrolment (`;`, UTF-8, some with
//! a byte-order mark): Parcoursup's BTS programmes
//! (`BTS_attractivite_capacite_AAAA.csv`) and the constat de rentrée
//! (`constat_AAAA.csv`). Affelnet's file is read by
//! [`crate::affelnet::offres_affelnet`].

use std::path::Path;

use campus_domain::Uai;
use campus_domain::evaluation::orion::{LigneOrion, SourceOrion, StatutOrion};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// The year a file name ends with (`…_2024.csv.gz`).
pub fn annee_du_fichier(path: &Path) -> Option<u16> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    stem.rsplit('_')
        .next()?
        .parse::<u16>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}

fn uai(row: &Row, index: usize) -> Result<Uai, String> {
    let code = row.get(index);
    Uai::parse(code).map_err(|_| format!("UAI invalide « {code} »"))
}

/// `C` and seven characters: Parcoursup's own code of an establishment
/// without a UAI.
fn is_parcoursup_code(code: &str) -> bool {
    code.len() == 8 && code.starts_with('C') && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn mef(row: &Row, index: usize, column: &str) -> Result<String, String> {
    let code = row.get(index);
    if code.len() == 11 && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(code.to_owned())
    } else {
        Err(format!("{column} invalide « {code} »"))
    }
}

fn count(row: &Row, index: usize, column: &str) -> Result<u32, String> {
    let text = row.get(index);
    text.parse::<u32>()
        .map_err(|_| format!("{column} : nombre invalide « {text} »"))
}

/// Parcoursup's BTS programmes: places and confirmed wishes per school ×
/// programme × status; the year is the one the file name ends with.
/// Parcoursup names the establishments that have no UAI by a code of its
/// own (`C752887F`): they cannot be placed in a département or joined to
/// the schools of the catalogue, and are not read.
pub fn bts_parcoursup(path: &Path) -> Result<Records<LigneOrion>, FormatError> {
    let annee = annee_du_fichier(path).ok_or_else(|| {
        FormatError::new(
            &path.display().to_string(),
            None,
            "année de la campagne absente du nom du fichier (attendu : …_AAAA.csv)",
        )
    })?;
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("UAI")?,
        file.column("LIBELLÉFORMATION")?,
        file.column("MEFSTAT11")?,
        file.column("NB_VOEUX_CONFIRMES")?,
        file.column("STATUT")?,
        file.column("CAPACITEPSUP")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let statut = match row.get(c[4]) {
            "Scolaire" => StatutOrion::Scolaire,
            "Apprentissage" => StatutOrion::Apprentissage,
            other => {
                return Err(format!(
                    "statut inconnu « {other} » (Scolaire ou Apprentissage)"
                ));
            }
        };
        if is_parcoursup_code(row.get(c[0])) {
            return Ok(None);
        }
        Ok(Some(LigneOrion {
            source: SourceOrion::ParcoursupBts,
            annee,
            uai: uai(row, c[0])?,
            mef_stat_11: mef(row, c[2], "MEFSTAT11")?,
            statut,
            libelle: row.opt(c[1]),
            capacite: Some(count(row, c[5], "CAPACITEPSUP")?),
            voeux: Some(count(row, c[3], "NB_VOEUX_CONFIRMES")?),
            effectif: None,
        }))
    }))
}

/// The constat de rentrée: pupils per school × programme, each row with
/// its school year.
pub fn constat(path: &Path) -> Result<Records<LigneOrion>, FormatError> {
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("Rentrée scolaire")?,
        file.column("UAI")?,
        file.column("Mef Bcp 11")?,
        file.column("Nombre d'élèves : Total")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let text = row.get(c[0]);
        let annee = text
            .parse::<u16>()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(|| format!("rentrée scolaire invalide « {text} »"))?;
        Ok(Some(LigneOrion {
            source: SourceOrion::Constat,
            annee,
            uai: uai(row, c[1])?,
            mef_stat_11: mef(row, c[2], "Mef Bcp 11")?,
            statut: StatutOrion::Scolaire,
            libelle: None,
            capacite: None,
            voeux: None,
            effectif: Some(count(row, c[3], "nombre d'élèves")?),
        }))
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::Record;

    fn read(
        name: &str,
        text: &str,
        reader: fn(&Path) -> Result<Records<LigneOrion>, FormatError>,
    ) -> (Vec<LigneOrion>, Vec<String>) {
        let dir = std::env::temp_dir().join(format!("campus-orion-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in reader(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(r) => rejected.push(r.to_string()),
            }
        }
        std::fs::remove_dir_all(dir).unwrap();
        (kept, rejected)
    }

    #[test]
    fn reads_bts_programmes_with_their_campaign() {
        let (kept, rejected) = read(
            "BTS_attractivite_capacite_2024.csv",
            "\u{FEFF}UAI;LIBELLÉFORMATION;MEFSTAT11;NB_VOEUX_CONFIRMES;STATUT;CAPACITEPSUP\n\
             0450062Y;BTS - Production - Pilotage de procédés;32022502211;41;Scolaire;24\n\
             0450062Y;BTS;32022502211;41;Alternance;24\n\
             0450062Y;BTS;32022502211;beaucoup;Scolaire;24\n\
             C752887F;BTS;32022502211;12;Scolaire;24\n",
            bts_parcoursup,
        );
        assert_eq!(kept.len(), 1);
        let l = &kept[0];
        assert_eq!((l.annee, l.uai.as_str()), (2024, "0450062Y"));
        assert_eq!(
            (l.capacite, l.voeux, l.effectif),
            (Some(24), Some(41), None)
        );
        assert_eq!(l.statut, StatutOrion::Scolaire);
        assert_eq!(rejected.len(), 2, "{rejected:?}");
        assert!(
            rejected[0].contains("statut inconnu « Alternance »"),
            "{rejected:?}"
        );
        assert!(rejected[1].contains(":4"), "{rejected:?}");
    }

    #[test]
    fn reads_enrolment_with_its_school_year() {
        let (kept, rejected) = read(
            "constat_2020.csv",
            "\u{FEFF}Rentrée scolaire;UAI;Mef Bcp 11;Nombre d'élèves : Total\n\
             2020;0370053G;23210020101;14\n\
             20;0370053G;23210020101;14\n",
            constat,
        );
        assert_eq!(kept.len(), 1);
        assert_eq!((kept[0].annee, kept[0].effectif), (2020, Some(14)));
        assert_eq!(kept[0].source, SourceOrion::Constat);
        assert!(
            rejected[0].contains("rentrée scolaire invalide « 20 »"),
            "{rejected:?}"
        );
    }
}
