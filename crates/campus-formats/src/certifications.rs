//! Certifications: the Certif Info extract (`certif_info.csv`, `;`, not
//! quoted) and the France compétences RNCP/RS CSV export (`;`, quoted,
//! multi-line fields, SIRET values with a leading TAB).

use std::path::{Path, PathBuf};

use campus_domain::CodeRome;
use campus_domain::certification::{
    Bloc, Ccn, CertifInfo, Certificateur, CodeCertification, Lignee, Niveau,
};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

fn certification(row: &Row, index: usize) -> Result<CodeCertification, String> {
    CodeCertification::parse(row.get(index))
        .map_err(|_| format!("code de certification invalide « {} »", row.get(index)))
}

fn optional_certification(row: &Row, index: usize) -> Result<Option<CodeCertification>, String> {
    match row.get(index) {
        "" => Ok(None),
        _ => certification(row, index).map(Some),
    }
}

/// The Certif Info file.
pub fn certif_info(path: &Path) -> Result<Records<CertifInfo>, FormatError> {
    let file = CsvFile::open_with(path, b';', false)?;
    let col = |name: &str| file.column(name);
    let c = [
        col("Code_Diplome")?,
        col("Libelle_Diplome")?,
        col("Libelle_Type_Diplome")?,
        col("Code_Niveau_Europeen")?,
        col("Date_MaJ")?,
        col("Code_FormaCode")?,
        col("Libelle_FormaCode")?,
        col("Code_Nsf")?,
        col("Code_RNCP")?,
        col("Code_RS")?,
        col("Code_Scolarité")?,
        col("valideur")?,
        col("certificateur")?,
        col("Etat")?,
        col("Etat_Libelle")?,
        col("Code_Ancien_RNCP")?,
    ];
    let romes = [
        "Code_Rome_1",
        "Code_Rome_2",
        "Code_Rome_3",
        "Code_Rome_4",
        "Code_Rome_5",
    ]
    .iter()
    .map(|n| col(n))
    .collect::<Result<Vec<_>, _>>()?;
    let access = [
        "accessibilite_fi",
        "accessibilite_ca",
        "accessibilite_fc",
        "accessibilite_cp",
        "accessibilite_vae",
        "accessibilite_ind",
    ]
    .iter()
    .map(|n| col(n).map(|i| (n.trim_start_matches("accessibilite_"), i)))
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Records::new(file, vec![], move |row| {
        let code_diplome = row
            .get(c[0])
            .parse::<i64>()
            .map_err(|_| format!("code diplôme invalide « {} »", row.get(c[0])))?;
        let niveau = match row.get(c[3]) {
            "" => None,
            value => Some(
                value
                    .parse::<u8>()
                    .ok()
                    .and_then(Niveau::new)
                    .ok_or_else(|| format!("niveau européen invalide « {value} »"))?,
            ),
        };
        let romes = romes
            .iter()
            .filter(|i| !row.get(**i).is_empty())
            .map(|i| {
                CodeRome::parse(row.get(*i))
                    .map_err(|_| format!("code ROME invalide « {} »", row.get(*i)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rncp = match row.get(c[8]) {
            "" => None,
            n => Some(
                CodeCertification::from_number("RNCP", n)
                    .map_err(|_| format!("code RNCP invalide « {n} »"))?,
            ),
        };
        let rs = match row.get(c[9]) {
            "" => None,
            n => Some(
                CodeCertification::from_number("RS", n)
                    .map_err(|_| format!("code RS invalide « {n} »"))?,
            ),
        };
        Ok(Some(CertifInfo {
            code_diplome,
            libelle: row.opt(c[1]).ok_or("intitulé vide")?,
            type_libelle: row.opt(c[2]),
            niveau,
            date_maj: row.opt(c[4]),
            formacode: row.opt(c[5]),
            formacode_libelle: row.opt(c[6]),
            romes,
            nsf: row.opt(c[7]),
            rncp,
            rs,
            cfd: row.opt(c[10]),
            valideur: row.opt(c[11]),
            certificateur: row.opt(c[12]),
            etat: row.opt(c[13]),
            etat_libelle: row.opt(c[14]),
            ancien_rncp: match row.get(c[15]) {
                "" => None,
                n => Some(
                    CodeCertification::from_number("RNCP", n)
                        .map_err(|_| format!("ancien code RNCP invalide « {n} »"))?,
                ),
            },
            accessibilite: access
                .iter()
                .map(|(name, i)| format!("{name}={}", row.get(*i)))
                .collect::<Vec<_>>()
                .join(";"),
        }))
    }))
}

/// The folder of the RNCP/RS CSV export.
#[derive(Debug, Clone)]
pub struct RncpFolder {
    dir: PathBuf,
}

impl RncpFolder {
    pub fn new(dir: &Path) -> Result<RncpFolder, FormatError> {
        let folder = RncpFolder {
            dir: dir.to_owned(),
        };
        folder.file("Blocs_De_Compétences")?;
        Ok(folder)
    }

    /// The file `export_fiches_CSV_<part>_<date>.csv[.gz]`.
    fn file(&self, part: &str) -> Result<PathBuf, FormatError> {
        crate::source::find_csv(&self.dir, &format!("export_fiches_CSV_{part}_"))
    }

    fn open(&self, part: &str) -> Result<CsvFile, FormatError> {
        CsvFile::open(&self.file(part)?, b';')
    }

    pub fn blocs(&self) -> Result<Records<Bloc>, FormatError> {
        let file = self.open("Blocs_De_Compétences")?;
        let c = [
            file.column("Numero_Fiche")?,
            file.column("Bloc_Competences_Code")?,
            file.column("Bloc_Competences_Libelle")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let code = row.opt(c[1]).ok_or("code de bloc vide")?;
            Ok(Some(Bloc {
                code,
                certification: certification(row, c[0])?,
                libelle: row.opt(c[2]).ok_or("intitulé vide")?,
            }))
        }))
    }

    pub fn certificateurs(&self) -> Result<Records<Certificateur>, FormatError> {
        let file = self.open("Certificateurs")?;
        let c = [
            file.column("Numero_Fiche")?,
            file.column("Siret_Certificateur")?,
            file.column("Nom_Certificateur")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            // The export prefixes SIRET numbers with a TAB (to keep
            // spreadsheets from reading them as numbers); `get` trims it.
            let siret = row.opt(c[1]);
            if let Some(s) = &siret
                && (s.len() != 14 || !s.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(format!("SIRET invalide « {s} »"));
            }
            Ok(Some(Certificateur {
                certification: certification(row, c[0])?,
                siret,
                nom: row.opt(c[2]).ok_or("nom vide")?,
            }))
        }))
    }

    pub fn lignees(&self) -> Result<Records<Lignee>, FormatError> {
        let file = self.open("Ancienne_Nouvelle_Certification")?;
        let c = [
            file.column("Numero_Fiche")?,
            file.column("Ancienne_Certification")?,
            file.column("Nouvelle_Certification")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(Lignee {
                certification: certification(row, c[0])?,
                ancienne: optional_certification(row, c[1])?,
                nouvelle: optional_certification(row, c[2])?,
            }))
        }))
    }

    /// Each row lists up to three agreements; one record per agreement.
    pub fn ccn(&self) -> Result<Records<Vec<Ccn>>, FormatError> {
        let file = self.open("CCN")?;
        let fiche = file.column("Numero_Fiche")?;
        let pairs = (1..=3)
            .map(|n| {
                Ok((
                    file.column(&format!("Ccn_{n}_Numero"))?,
                    file.column(&format!("Ccn_{n}_Libelle"))?,
                ))
            })
            .collect::<Result<Vec<_>, FormatError>>()?;
        Ok(Records::new(file, vec![], move |row| {
            let certification = certification(row, fiche)?;
            Ok(Some(
                pairs
                    .iter()
                    .filter_map(|(n, l)| {
                        row.opt(*n).map(|numero| Ccn {
                            certification: certification.clone(),
                            numero,
                            libelle: row.get(*l).to_owned(),
                        })
                    })
                    .collect(),
            ))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    fn data() -> Option<PathBuf> {
        campus_testkit::national_data("Certif Info et export RNCP nationaux")
    }

    fn valid<T>(records: Records<T>) -> (Vec<T>, usize) {
        let mut kept = Vec::new();
        let mut rejected = 0;
        for record in records {
            match record.unwrap() {
                Record::Valid(r, _) => kept.push(r),
                Record::Rejected(_) => rejected += 1,
            }
        }
        (kept, rejected)
    }

    #[test]
    fn certif_info_real_file() {
        let Some(data) = data() else {
            return;
        };
        let (rows, rejected) =
            valid(certif_info(&data.join("certifinfo/certif_info.csv.gz")).unwrap());
        assert_eq!(rows.len() + rejected, 9115);
        assert_eq!(rejected, 0);
        let tech = rows
            .iter()
            .find(|c| c.rncp.as_ref().is_some_and(|r| r.as_str() == "RNCP36085"))
            .unwrap();
        assert_eq!(
            tech.libelle,
            "Technicien en pharmacie et cosmétique industrielles"
        );
        assert_eq!(tech.niveau.map(Niveau::value), Some(4));
        assert_eq!(
            tech.romes.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            ["H2301"]
        );
    }

    #[test]
    fn rncp_export_real_files() {
        let Some(data) = data() else {
            return;
        };
        let folder = RncpFolder::new(&data.join("rncp_rs_2024-01-17")).unwrap();
        let (blocs, rejected) = valid(folder.blocs().unwrap());
        // One bloc of the export (RNCP36769BC01) has an empty title.
        assert_eq!((blocs.len(), rejected), (30735, 1));
        let (certificateurs, rejected) = valid(folder.certificateurs().unwrap());
        assert_eq!(certificateurs.len() + rejected, 24070);
        assert!(
            certificateurs
                .iter()
                .any(|c| c.siret.as_deref() == Some("19450855200016"))
        );
        let (lignees, rejected) = valid(folder.lignees().unwrap());
        assert_eq!((lignees.len(), rejected), (10444, 0));
        let (ccn, rejected) = valid(folder.ccn().unwrap());
        assert_eq!((ccn.len(), rejected), (859, 0));
    }
}
