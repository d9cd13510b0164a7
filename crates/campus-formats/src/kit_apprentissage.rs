//! The « Kit apprentissage » of the mission apprentissage
//! (`Kit_apprentissage_AAAAMMJJ.csv`, `;`, UTF-8 with a byte-order mark,
//! CRLF): each diploma (CFD) with its RNCP fiche, the fiche's level, its
//! access to apprenticeship, its registration end and whether it is active.

use std::path::Path;

use campus_domain::certification::{CodeCertification, KitApprentissage};

use crate::dates::french_date;
use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// `oui` / `non`, `NR` (or empty) for not stated.
fn yes_no(row: &Row, index: usize) -> Result<Option<bool>, String> {
    match row.get(index).to_ascii_lowercase().as_str() {
        "oui" => Ok(Some(true)),
        "non" => Ok(Some(false)),
        "nr" | "" => Ok(None),
        other => Err(format!(
            "accès à l'apprentissage « {other} » (oui, non ou NR)"
        )),
    }
}

/// The kit's rows.
pub fn kit_apprentissage(path: &Path) -> Result<Records<KitApprentissage>, FormatError> {
    let file = CsvFile::open(path, b';')?;
    let c = [
        file.column("Code_Diplome")?,
        file.column("Intitulé diplôme (DEPP)")?,
        file.column("Code_RNCP")?,
        file.column("Niveau fiche RNCP")?,
        file.column("Abrégé de diplôme (RNCP)")?,
        file.column("Accès à l'apprentissage de la fiche RNCP (oui/non)")?,
        file.column("Date d'échéance de la fiche RNCP")?,
        file.column("Fiche ACTIVE/INACTIVE")?,
    ];
    Ok(Records::new(file, vec![], move |row| {
        let cfd = row.get(c[0]);
        if cfd.len() != 8 || !cfd.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!("code diplôme invalide « {cfd} »"));
        }
        let rncp = match row.get(c[2]) {
            "" | "NR" => None,
            code => Some(
                CodeCertification::parse(code)
                    .map_err(|_| format!("code RNCP invalide « {code} »"))?,
            ),
        };
        let niveau = match row.get(c[3]) {
            "" | "NR" => None,
            text => Some(
                text.strip_prefix("Niveau ")
                    .and_then(|n| n.trim().parse::<u8>().ok())
                    .filter(|n| (1..=8).contains(n))
                    .ok_or_else(|| format!("niveau invalide « {text} »"))?,
            ),
        };
        let echeance = match row.get(c[6]) {
            "" | "NR" => None,
            text => Some(
                french_date(text).ok_or_else(|| format!("date d'échéance invalide « {text} »"))?,
            ),
        };
        let active = match row.get(c[7]) {
            "ACTIVE" => true,
            "INACTIVE" => false,
            other => return Err(format!("état de la fiche « {other} » (ACTIVE ou INACTIVE)")),
        };
        Ok(Some(KitApprentissage {
            cfd: cfd.to_owned(),
            rncp,
            intitule: row.get(c[1]).trim().to_owned(),
            niveau,
            abrege: row.opt(c[4]).filter(|a| a != "NR"),
            apprentissage: yes_no(row, c[5])?,
            echeance,
            active,
        }))
    }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::Record;

    #[test]
    fn reads_the_kit_with_its_byte_order_mark_and_crlf() {
        let dir = std::env::temp_dir().join(format!("campus-kit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("Kit_apprentissage_20231218.csv");
        let text = "\u{FEFF}Code_Diplome;Intitulé diplôme (DEPP);Code_RNCP;Niveau fiche RNCP;Abrégé de diplôme (RNCP);Dernière MaJ;Accès à l'apprentissage de la fiche RNCP (oui/non);Date d'échéance de la fiche RNCP;Fiche ACTIVE/INACTIVE\r\n\
            32031313;BANQUE (BTS) ;RNCP38381;Niveau 5;BTS;CI-18122023;oui;31/12/2028;ACTIVE\r\n\
            40030001;X;NR;NR;NR;v1.0;NR;;INACTIVE\r\n\
            40030002;X;RNCP1;Niveau 5;BTS;v1.0;peut-être;;ACTIVE\r\n";
        std::fs::write(&path, text).unwrap();
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in kit_apprentissage(&path).unwrap() {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(r) => rejected.push(r.to_string()),
            }
        }
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].rncp.as_ref().map(|c| c.as_str()), Some("RNCP38381"));
        assert_eq!(kept[0].intitule, "BANQUE (BTS)");
        assert_eq!(kept[0].niveau, Some(5));
        assert_eq!(kept[0].apprentissage, Some(true));
        assert_eq!(kept[0].echeance.as_deref(), Some("2028-12-31"));
        assert!(kept[0].active && !kept[1].active);
        assert_eq!((kept[1].rncp.clone(), kept[1].apprentissage), (None, None));
        assert!(rejected[0].contains("« peut-être »"), "{rejected:?}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn real_file() {
        let Some(data) = campus_testkit::national_data("Kit apprentissage") else {
            return;
        };
        let records =
            kit_apprentissage(&data.join("apprentissage/Kit_apprentissage_20231218.csv.gz"))
                .unwrap();
        let mut kept = 0;
        for record in records {
            match record.unwrap() {
                Record::Valid(..) => kept += 1,
                Record::Rejected(r) => panic!("{r}"),
            }
        }
        assert_eq!(kept, 5707);
    }
}
