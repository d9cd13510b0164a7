//! InserJeunes by région, route and training, as Orion publishes it
//! (`ij_region_data.csv`, `;`, UTF-8 with a byte-order mark): one row per
//! cohort × région × route × training with its counts and rates, blank
//! where the source withheld them.

use std::path::Path;

use campus_domain::evaluation::inserjeunes::{DevenirFormation, Millesime, Voie};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// A count, blank when withheld.
fn count(row: &Row, index: usize, column: &str) -> Result<Option<u32>, String> {
    match row.get(index) {
        "" => Ok(None),
        text => text
            .parse::<u32>()
            .map(Some)
            .map_err(|_| format!("{column} : nombre invalide « {text} »")),
    }
}

/// A rate in percent, blank when withheld.
fn rate(row: &Row, index: usize, column: &str) -> Result<Option<u8>, String> {
    match row.get(index) {
        "" => Ok(None),
        text => text
            .parse::<u8>()
            .ok()
            .filter(|r| *r <= 100)
            .map(Some)
            .ok_or_else(|| format!("{column} : taux invalide « {text} » (0 à 100)")),
    }
}

/// An eight- or eleven-character code of the BCN.
fn code(row: &Row, index: usize, column: &str, len: usize) -> Result<String, String> {
    let text = row.get(index);
    if text.len() == len && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "{column} invalide « {text} » ({len} caractères attendus)"
        ))
    }
}

/// The rows of the file. A school row is known by its `mefstat11`, an
/// apprenticeship row by its `cfd`.
pub fn devenirs(path: &Path) -> Result<Records<DevenirFormation>, FormatError> {
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("millesime")?,
        file.column("code_region")?,
        file.column("voie")?,
        file.column("cfd")?,
        file.column("mefstat11")?,
        file.column("nb_annee_term")?,
        file.column("nb_sortant")?,
        file.column("nb_poursuite_etudes")?,
        file.column("nb_en_emploi_6_mois")?,
        file.column("nb_en_emploi_12_mois")?,
        file.column("nb_en_emploi_18_mois")?,
        file.column("nb_en_emploi_24_mois")?,
        file.column("taux_emploi_6_mois")?,
        file.column("taux_emploi_12_mois")?,
        file.column("taux_emploi_18_mois")?,
        file.column("taux_emploi_24_mois")?,
        file.column("taux_poursuite_etudes")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let millesime = Millesime::parse(row.get(c[0])).map_err(|e| e.to_string())?;
        let region = row.get(c[1]);
        if !(region.len() == 2 && region.bytes().all(|b| b.is_ascii_digit())) {
            return Err(format!("code_region invalide « {region} »"));
        }
        let voie = row.get(c[2]);
        let voie = Voie::parse(voie)
            .map_err(|_| format!("voie inconnue « {voie} » (scolaire ou apprentissage)"))?;
        let code_formation = match voie {
            Voie::Scolaire => code(row, c[4], "mefstat11", 11)?,
            Voie::Apprentissage => code(row, c[3], "cfd", 8)?,
        };
        Ok(Some(DevenirFormation {
            millesime,
            region: region.to_owned(),
            voie,
            code_formation,
            effectif_terminale: count(row, c[5], "nb_annee_term")?,
            sortants: count(row, c[6], "nb_sortant")?,
            poursuites: count(row, c[7], "nb_poursuite_etudes")?,
            en_emploi: [
                count(row, c[8], "nb_en_emploi_6_mois")?,
                count(row, c[9], "nb_en_emploi_12_mois")?,
                count(row, c[10], "nb_en_emploi_18_mois")?,
                count(row, c[11], "nb_en_emploi_24_mois")?,
            ],
            taux_emploi: [
                rate(row, c[12], "taux_emploi_6_mois")?,
                rate(row, c[13], "taux_emploi_12_mois")?,
                rate(row, c[14], "taux_emploi_18_mois")?,
                rate(row, c[15], "taux_emploi_24_mois")?,
            ],
            taux_poursuite: rate(row, c[16], "taux_poursuite_etudes")?,
        }))
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::Record;

    const HEADER: &str = "\u{FEFF}id;millesime;code_region_ij;code_region;voie;cfd;mefstat11;nb_annee_term;nb_en_emploi_12_mois;nb_en_emploi_18_mois;nb_en_emploi_24_mois;nb_en_emploi_6_mois;nb_poursuite_etudes;nb_sortant;taux_emploi_12_mois;taux_emploi_18_mois;taux_emploi_24_mois;taux_emploi_6_mois;taux_poursuite_etudes\n";

    fn read(name: &str, text: &str) -> (Vec<DevenirFormation>, Vec<String>) {
        let dir = std::env::temp_dir().join(format!("campus-ij-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ij_region_data.csv");
        std::fs::write(&path, text).unwrap();
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in devenirs(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(r) => rejected.push(r.to_string()),
            }
        }
        std::fs::remove_dir_all(dir).unwrap();
        (kept, rejected)
    }

    #[test]
    fn reads_school_and_apprenticeship_rows_keeping_blanks_blank() {
        let text = format!(
            "{HEADER}2019_2020_10_scolaire_32221022002;2019_2020;10;11;scolaire;;32221022002;52;12;12;15;9;31;21;57;57;71;43;60\n\
             2021_2022_24_apprentissage_40025214;2021_2022;24;24;apprentissage;40025214;;12;;;;;4;8;;;;;\n"
        );
        let (kept, rejected) = read("ok", &text);
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(kept.len(), 2);
        let a = &kept[0];
        assert_eq!(a.millesime.annee(), 2019);
        assert_eq!(a.region, "11");
        assert_eq!(a.voie, Voie::Scolaire);
        assert_eq!(a.code_formation, "32221022002");
        assert_eq!(a.effectif_terminale, Some(52));
        assert_eq!(a.sortants, Some(21));
        assert_eq!(a.poursuites, Some(31));
        assert_eq!(a.en_emploi, [Some(9), Some(12), Some(12), Some(15)]);
        assert_eq!(a.taux_emploi, [Some(43), Some(57), Some(57), Some(71)]);
        assert_eq!(a.taux_poursuite, Some(60));
        let b = &kept[1];
        assert_eq!(b.voie, Voie::Apprentissage);
        assert_eq!(b.code_formation, "40025214");
        assert_eq!(b.en_emploi, [None; 4]);
        assert_eq!(b.taux_emploi, [None; 4]);
        assert_eq!(b.taux_poursuite, None);
    }

    #[test]
    fn bad_rows_are_refused_with_their_line() {
        let text = format!(
            "{HEADER}x;2017_2019;10;11;scolaire;;32221022002;52;;;;;;;;;;;\n\
             x;2021_2022;10;11;alternance;;32221022002;52;;;;;;;;;;;\n\
             x;2021_2022;10;11;scolaire;;3222;52;;;;;;;;;;;\n\
             x;2021_2022;10;11;scolaire;;32221022002;52;;;;;;;;;;;140\n\
             x;2021_2022;10;11;scolaire;;32221022002;cinq;;;;;;;;;;;\n"
        );
        let (kept, rejected) = read("bad", &text);
        assert!(kept.is_empty());
        assert_eq!(rejected.len(), 5, "{rejected:?}");
        assert!(
            rejected[0].contains("millésime inconnu « 2017_2019 »"),
            "{rejected:?}"
        );
        assert!(rejected[0].contains(":2"), "{rejected:?}");
        assert!(
            rejected[1].contains("voie inconnue « alternance »"),
            "{rejected:?}"
        );
        assert!(rejected[2].contains("mefstat11 invalide"), "{rejected:?}");
        assert!(
            rejected[3].contains("taux invalide « 140 »"),
            "{rejected:?}"
        );
        assert!(rejected[4].contains("« cinq »"), "{rejected:?}");
        assert!(rejected[4].contains(":6"), "{rejected:?}");
    }

    #[test]
    fn a_file_without_its_columns_is_refused() {
        let dir = std::env::temp_dir().join(format!("campus-ij-cols-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("ij_region_data.csv");
        std::fs::write(&path, "id;millesime;code_region;voie\n").unwrap();
        let error = devenirs(&path).err().unwrap().to_string();
        assert!(error.contains("colonne « cfd » absente"), "{error}");
        assert!(error.contains(":1"), "{error}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
