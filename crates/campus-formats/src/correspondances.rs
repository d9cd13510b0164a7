//! France compétences' RNCP correspondence tables of 2021
//! (`rncp_tables_2021/`): the trades each certification leads to
//! (`rncp_rome`, ROME v3 codes) and the blocs de compétences of the fiches
//! as they stood then (`rncp_blocs_competences`). Both are `;`-separated
//! and in Windows-1252 ([`crate::open`] finds it); the trades' titles
//! double their apostrophes (`d''engins`), as an SQL dump writes them.

use std::path::{Path, PathBuf};

use campus_domain::CodeRome;
use campus_domain::certification::{Bloc, CodeCertification, CorrespondanceRome};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// The folder of the 2021 tables.
#[derive(Debug, Clone)]
pub struct CorrespondancesFolder {
    dir: PathBuf,
}

fn certification(row: &Row, index: usize) -> Result<CodeCertification, String> {
    CodeCertification::parse(row.get(index))
        .map_err(|_| format!("code RNCP invalide « {} »", row.get(index)))
}

impl CorrespondancesFolder {
    /// The folder, if it holds the RNCP → ROME table.
    pub fn new(dir: &Path) -> Result<CorrespondancesFolder, FormatError> {
        let folder = CorrespondancesFolder {
            dir: dir.to_owned(),
        };
        folder.file("rncp_rome")?;
        Ok(folder)
    }

    fn file(&self, stem: &str) -> Result<PathBuf, FormatError> {
        crate::source::find_csv(&self.dir, stem)
    }

    /// The RNCP → ROME table: one row per certification and trade.
    pub fn romes(&self) -> Result<Records<CorrespondanceRome>, FormatError> {
        let file = CsvFile::open(&self.file("rncp_rome")?, b';')?;
        let c = [
            file.column("CodeRNCP")?,
            file.column("Rome")?,
            file.column("libelle")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let code = row.get(c[1]);
            let code_rome = CodeRome::parse(code).map_err(|_| {
                // A few rows name a whole professional domain (`H12`) or
                // family (`H`): no trade to link to.
                if (1..5).contains(&code.len())
                    && code.starts_with(|c: char| c.is_ascii_uppercase())
                    && code[1..].bytes().all(|b| b.is_ascii_digit())
                {
                    format!("« {code} » est un domaine professionnel du ROME, pas une fiche métier")
                } else {
                    format!("code ROME invalide « {code} »")
                }
            })?;
            Ok(Some(CorrespondanceRome {
                certification: certification(row, c[0])?,
                code_rome,
                libelle: row.get(c[2]).replace("''", "'").trim().to_owned(),
            }))
        }))
    }

    /// The blocs de compétences as of 2021, if the folder holds them.
    pub fn blocs(&self) -> Result<Option<Records<Bloc>>, FormatError> {
        let Ok(path) = self.file("rncp_blocs_competences") else {
            return Ok(None);
        };
        let file = CsvFile::open(&path, b';')?;
        let c = [
            file.column("CodeRNCP")?,
            file.column("numero_bloc")?,
            file.column("intitule")?,
        ];
        Ok(Some(Records::new(file, vec![], move |row| {
            let certification = certification(row, c[0])?;
            let code = row.opt(c[1]).ok_or("code de bloc vide")?;
            if !code.starts_with(certification.as_str()) {
                return Err(format!(
                    "bloc « {code} » hors de la certification {certification}"
                ));
            }
            Ok(Some(Bloc {
                code,
                certification,
                libelle: row.opt(c[2]).ok_or("intitulé vide")?,
            }))
        })))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::Record;

    fn valid<T>(records: Records<T>) -> (Vec<T>, Vec<String>) {
        let mut kept = Vec::new();
        let mut rejected = Vec::new();
        for record in records {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(r) => rejected.push(r.to_string()),
            }
        }
        (kept, rejected)
    }

    fn folder(romes: &str, blocs: Option<&[u8]>) -> (PathBuf, CorrespondancesFolder) {
        let dir = std::env::temp_dir().join(format!(
            "campus-correspondances-{}-{}",
            std::process::id(),
            romes.len() + blocs.map_or(0, <[u8]>::len)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("rncp_rome.v1.4.csv"), romes).unwrap();
        if let Some(blocs) = blocs {
            std::fs::write(dir.join("rncp_blocs_competences.v1.4.csv"), blocs).unwrap();
        }
        let folder = CorrespondancesFolder::new(&dir).unwrap();
        (dir, folder)
    }

    #[test]
    fn reads_both_tables_with_their_quirks() {
        let romes = "CodeRNCP;EtatFiche;Rome;libelle;;\n\
                     RNCP34001;;A1101;Conduite d''engins agricoles et forestiers;;\n\
                     RNCP34001;;ZZ;Inconnu;;\n\
                     RNCP34001;;H12;Conception, recherche, études;;\n";
        // Windows-1252: « é » is one byte, 0xE9.
        let mut blocs = b"CodeRNCP;numero_bloc;intitule;;\n".to_vec();
        blocs.extend_from_slice(
            b"RNCP10013;RNCP10013BC01;\"Assurer l'administration; \xE9tendue\";;\n",
        );
        blocs.extend_from_slice(b"RNCP10013;RNCP99BC01;Ailleurs;;\n");
        let (dir, folder) = folder(romes, Some(&blocs));
        let (rows, rejected) = valid(folder.romes().unwrap());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].code_rome.as_str(), "A1101");
        assert_eq!(rows[0].libelle, "Conduite d'engins agricoles et forestiers");
        assert_eq!(rejected.len(), 2);
        assert!(
            rejected[0].contains("code ROME invalide « ZZ »"),
            "{rejected:?}"
        );
        assert!(
            rejected[1].contains("« H12 » est un domaine"),
            "{rejected:?}"
        );
        let (rows, rejected) = valid(folder.blocs().unwrap().unwrap());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].libelle, "Assurer l'administration; étendue");
        assert!(
            rejected[0].contains("hors de la certification"),
            "{rejected:?}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_blocs_file_is_optional() {
        let (dir, folder) = folder("CodeRNCP;EtatFiche;Rome;libelle\n", None);
        assert!(folder.blocs().unwrap().is_none());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn real_files() {
        let Some(data) = campus_testkit::national_data("tables RNCP 2021") else {
            return;
        };
        let folder = CorrespondancesFolder::new(&data.join("rncp_tables_2021")).unwrap();
        let (romes, rejected) = valid(folder.romes().unwrap());
        assert_eq!(romes.len() + rejected.len(), 45165);
        // 174 rows name a professional domain rather than a trade.
        assert_eq!(rejected.len(), 174);
        assert!(rejected.iter().all(|r| r.contains("domaine professionnel")));
        let (blocs, rejected) = valid(folder.blocs().unwrap().unwrap());
        assert_eq!(blocs.len() + rejected.len(), 16455);
        assert!(rejected.len() < 20, "{rejected:?}");
    }
}
