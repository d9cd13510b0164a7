//! The ROME 4.0 referential in its CSV flavour (France Travail,
//! `RefRomeCsv`): a folder of `unix_*_v<version>_utf8.csv[.gz]` files.
//!
//! Each reader streams one file into records of `campus_domain::rome`.
//! Small side files that complete a record (domains and RIASEC profile of a
//! fiche, categories of a skill, the core-skill flag of a link) are read
//! first into maps the size of the referential's code lists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use campus_domain::CodeRome;
use campus_domain::rome::{
    Appellation, Classement, ClassementKind, Coeur, Competence, CompetenceKind, Contexte, Fiche,
    FicheClassement, FicheCompetence, FicheContexte, Mobilite, Texte,
};

use crate::records::Records;
use crate::{CsvFile, FormatError, Row};

/// A ROME folder.
#[derive(Debug, Clone)]
pub struct RomeFolder {
    dir: PathBuf,
}

fn code(row: &Row, index: usize) -> Result<CodeRome, String> {
    CodeRome::parse(row.get(index))
        .map_err(|_| format!("code ROME invalide « {} »", row.get(index)))
}

fn ogr(row: &Row, index: usize) -> Result<i64, String> {
    row.get(index)
        .parse::<i64>()
        .map_err(|_| format!("code OGR invalide « {} »", row.get(index)))
}

fn text(row: &Row, index: usize, what: &str) -> Result<String, String> {
    row.opt(index).ok_or_else(|| format!("{what} vide"))
}

/// The ROME flags are `O`/`Oui`/`1` for yes, anything else for no.
fn flag(row: &Row, index: usize) -> bool {
    matches!(row.get(index), "O" | "Oui" | "oui" | "1" | "Y")
}

impl RomeFolder {
    /// Checks that `dir` holds a ROME referential.
    pub fn new(dir: &Path) -> Result<RomeFolder, FormatError> {
        let folder = RomeFolder {
            dir: dir.to_owned(),
        };
        folder.file("referentiel_code_rome")?;
        Ok(folder)
    }

    /// The file `unix_<stem>_v…` (compressed or not).
    fn file(&self, stem: &str) -> Result<PathBuf, FormatError> {
        crate::source::find_csv(&self.dir, &format!("unix_{stem}_v"))
    }

    fn open(&self, stem: &str) -> Result<CsvFile, FormatError> {
        CsvFile::open(&self.file(stem)?, b',')
    }

    /// Reads a small side file into a map, keeping its rejections.
    fn side_map<K: std::hash::Hash + Eq, V>(
        &self,
        stem: &str,
        columns: &[&str],
        mut entry: impl FnMut(&Row, &[usize]) -> Result<Option<(K, V)>, String>,
    ) -> Result<(HashMap<K, V>, Vec<FormatError>), FormatError> {
        let mut file = self.open(stem)?;
        let indexes = columns
            .iter()
            .map(|c| file.column(c))
            .collect::<Result<Vec<_>, _>>()?;
        let mut map = HashMap::new();
        let mut rejected = Vec::new();
        while let Some(row) = file.next_row() {
            let row = row?;
            match entry(&row, &indexes) {
                Ok(Some((k, v))) => {
                    map.insert(k, v);
                }
                Ok(None) => {}
                Err(reason) => rejected.push(file.reject(&row, reason)),
            }
        }
        Ok((map, rejected))
    }

    pub fn fiches(&self) -> Result<Records<Fiche>, FormatError> {
        type Domaines = (String, String, String, String);
        let (domaines, mut earlier) = self.side_map::<CodeRome, Domaines>(
            "cr_gd_dp",
            &[
                "code_rome",
                "code_grand_domaine",
                "libelle_grand_domaine",
                "code_domaine_professionel",
                "libelle_domaine_professionel",
            ],
            |row, c| {
                Ok(Some((
                    code(row, c[0])?,
                    (
                        row.get(c[1]).to_owned(),
                        row.get(c[2]).to_owned(),
                        row.get(c[3]).to_owned(),
                        row.get(c[4]).to_owned(),
                    ),
                )))
            },
        )?;
        let (riasec, rejected) = self.side_map::<CodeRome, (Option<String>, Option<String>)>(
            "referentiel_code_rome_riasec",
            &["code_rome", "riasec_majeur", "riasec_mineur"],
            |row, c| Ok(Some((code(row, c[0])?, (row.opt(c[1]), row.opt(c[2]))))),
        )?;
        earlier.extend(rejected);
        let file = self.open("referentiel_code_rome")?;
        // Absent from exports older than ROME 4.0.
        let parent = file.column("code_rome_parent").ok();
        let c = [
            file.column("code_rome")?,
            file.column("code_ogr")?,
            file.column("libelle_rome")?,
            file.column("transition_eco")?,
            file.column("transition_num")?,
            file.column("transition_demo")?,
            file.column("emploi_reglemente")?,
            file.column("emploi_cadre")?,
        ];
        Ok(Records::new(file, earlier, move |row| {
            let code = code(row, c[0])?;
            let domaine = domaines.get(&code);
            let profile = riasec.get(&code);
            let parent = match parent.and_then(|i| row.opt(i)) {
                Some(value) => Some(
                    CodeRome::parse(&value)
                        .map_err(|_| format!("code ROME parent invalide « {value} »"))?,
                ),
                None => None,
            };
            Ok(Some(Fiche {
                parent,
                libelle: text(row, c[2], "intitulé")?,
                code_ogr: ogr(row, c[1])?,
                grand_domaine_code: domaine.map(|d| d.0.clone()),
                grand_domaine_libelle: domaine.map(|d| d.1.clone()),
                domaine_code: domaine.map(|d| d.2.clone()),
                domaine_libelle: domaine.map(|d| d.3.clone()),
                emploi_reglemente: flag(row, c[6]),
                emploi_cadre: flag(row, c[7]),
                transition_eco: row.opt(c[3]),
                transition_num: row.opt(c[4]),
                transition_demo: row.opt(c[5]),
                riasec_majeur: profile.and_then(|p| p.0.clone()),
                riasec_mineur: profile.and_then(|p| p.1.clone()),
                code,
            }))
        }))
    }

    pub fn appellations(&self) -> Result<Records<Appellation>, FormatError> {
        let file = self.open("referentiel_appellation")?;
        let c = [
            file.column("code_ogr")?,
            file.column("libelle_appellation_long")?,
            file.column("libelle_appellation_court")?,
            file.column("code_rome")?,
            file.column("peu_usite")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let libelle = text(row, c[1], "intitulé")?;
            Ok(Some(Appellation {
                code_ogr: ogr(row, c[0])?,
                code_rome: code(row, c[3])?,
                libelle_court: row.opt(c[2]).unwrap_or_else(|| libelle.clone()),
                libelle,
                peu_usite: flag(row, c[4]),
            }))
        }))
    }

    pub fn skills(&self) -> Result<Records<Competence>, FormatError> {
        let (mut categories, mut earlier) = self
            .side_map::<i64, (Option<String>, Option<String>)>(
                "referentiel_competence",
                &["code_ogr", "cat_comp", "sous_cat_comp"],
                |row, c| Ok(Some((ogr(row, c[0])?, (row.opt(c[1]), row.opt(c[2]))))),
            )?;
        let (savoirs, rejected) = self.side_map::<i64, (Option<String>, Option<String>)>(
            "referentiel_savoir",
            &[
                "code_ogr_savoir",
                "categorie_savoir",
                "sous_categorie_savoir",
            ],
            |row, c| Ok(Some((ogr(row, c[0])?, (row.opt(c[1]), row.opt(c[2]))))),
        )?;
        earlier.extend(rejected);
        categories.extend(savoirs);
        let file = self.open("item")?;
        let c = [
            file.column("code_ogr")?,
            file.column("libelle")?,
            file.column("code_rubrique")?,
        ];
        Ok(Records::new(file, earlier, move |row| {
            // Items without a rubrique are the work contexts, imported
            // from their own, more detailed referential.
            if row.get(c[2]).is_empty() {
                return Ok(None);
            }
            let code_ogr = ogr(row, c[0])?;
            let kind = CompetenceKind::from_rubrique(row.get(c[2]))
                .ok_or_else(|| format!("rubrique inconnue « {} »", row.get(c[2])))?;
            let category = categories.get(&code_ogr);
            Ok(Some(Competence {
                code_ogr,
                kind,
                libelle: text(row, c[1], "libellé")?,
                categorie: category.and_then(|c| c.0.clone()),
                sous_categorie: category.and_then(|c| c.1.clone()),
            }))
        }))
    }

    /// Links of bloc `bloc` of the fiches to items.
    fn links<T: 'static>(
        &self,
        bloc: &'static str,
        mut make: impl FnMut(CodeRome, i64) -> T + Send + 'static,
    ) -> Result<Records<T>, FormatError> {
        let file = self.open("liens_rome_referentiels")?;
        let c = [
            file.column("code_rome")?,
            file.column("code_compo_bloc")?,
            file.column("code_ogr")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            if row.get(c[1]) != bloc {
                return Ok(None);
            }
            Ok(Some(make(code(row, c[0])?, ogr(row, c[2])?)))
        }))
    }

    pub fn fiche_competences(&self) -> Result<Records<FicheCompetence>, FormatError> {
        let (coeurs, earlier) = self.side_map::<(CodeRome, i64), Coeur>(
            "coherence_item",
            &["code_rome", "code_ogr", "coeur_metier"],
            |row, c| match row.get(c[2]) {
                "" => Ok(None),
                value => {
                    let coeur = Coeur::parse(value)
                        .ok_or_else(|| format!("cœur de métier inconnu « {value} »"))?;
                    Ok(Some(((code(row, c[0])?, ogr(row, c[1])?), coeur)))
                }
            },
        )?;
        let mut records = self.links("5", move |code_rome, code_ogr| {
            let coeur = coeurs.get(&(code_rome.clone(), code_ogr)).copied();
            FicheCompetence {
                code_rome,
                code_ogr,
                coeur,
            }
        })?;
        records.earlier = earlier;
        Ok(records)
    }

    pub fn contextes(&self) -> Result<Records<Contexte>, FormatError> {
        let file = self.open("referentiel_contexte_travail")?;
        let c = [
            file.column("code_ogr")?,
            file.column("libelle_cont_travail")?,
            file.column("libelle_type_cont_trav")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(Contexte {
                code_ogr: ogr(row, c[0])?,
                libelle: text(row, c[1], "libellé")?,
                categorie: row.get(c[2]).to_owned(),
            }))
        }))
    }

    pub fn fiche_contextes(&self) -> Result<Records<FicheContexte>, FormatError> {
        self.links("6", |code_rome, code_ogr| FicheContexte {
            code_rome,
            code_ogr,
        })
    }

    pub fn mobilites(&self) -> Result<Records<Mobilite>, FormatError> {
        let file = self.open("rubrique_mobilite")?;
        let c = [
            file.column("code_rome")?,
            file.column("code_rome_cible")?,
            file.column("numero_ordre")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(Mobilite {
                code_rome: code(row, c[0])?,
                cible: code(row, c[1])?,
                ordre: row
                    .get(c[2])
                    .parse()
                    .map_err(|_| format!("numéro d'ordre invalide « {} »", row.get(c[2])))?,
            }))
        }))
    }

    /// The entries of one grouping of trades: its code and label columns,
    /// and the definition and parent columns where the file has them.
    fn classement_file(
        &self,
        stem: &str,
        kind: ClassementKind,
        [code_column, label_column]: [&str; 2],
        [definition_column, parent_column]: [Option<&str>; 2],
    ) -> Result<Records<Classement>, FormatError> {
        let file = self.open(stem)?;
        let code_index = file.column(code_column)?;
        let label_index = file.column(label_column)?;
        let definition_index = definition_column.map(|c| file.column(c)).transpose()?;
        let parent_index = parent_column.map(|c| file.column(c)).transpose()?;
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(Classement {
                kind,
                code: row.opt(code_index).ok_or("code vide")?,
                libelle: text(row, label_index, "libellé")?,
                definition: definition_index.and_then(|i| row.opt(i)),
                parent: parent_index.and_then(|i| row.opt(i)),
            }))
        }))
    }

    /// The centres d'intérêt (« J'ai envie de… »).
    pub fn centres_interet(&self) -> Result<Records<Classement>, FormatError> {
        self.classement_file(
            "centre_interet",
            ClassementKind::CentreInteret,
            ["code_centre_interet", "libelle_centre_interet"],
            [Some("definition_centre_interet"), None],
        )
    }

    pub fn secteurs(&self) -> Result<Records<Classement>, FormatError> {
        self.classement_file(
            "secteur_activite",
            ClassementKind::SecteurActivite,
            ["code_sect_activite", "libelle_sect_activite"],
            [Some("definition_sect_activite"), None],
        )
    }

    pub fn sous_secteurs(&self) -> Result<Records<Classement>, FormatError> {
        self.classement_file(
            "sous_secteur_activite",
            ClassementKind::SousSecteurActivite,
            ["code_ss_sect_activite", "libelle_ss_sect_activite"],
            [
                Some("definition_ss_sect_activite"),
                Some("code_sect_activite"),
            ],
        )
    }

    pub fn secteurs_naf(&self) -> Result<Records<Classement>, FormatError> {
        self.classement_file(
            "secteur_naf",
            ClassementKind::SecteurNaf,
            ["code_secteur_naf", "libelle_secteur_naf"],
            [None, None],
        )
    }

    pub fn themes(&self) -> Result<Records<Classement>, FormatError> {
        self.classement_file(
            "themes",
            ClassementKind::Theme,
            ["code_theme", "libelle_theme"],
            [Some("definition_theme"), None],
        )
    }

    /// The trades of a grouping, from its `arborescence` file.
    fn classement_links(
        &self,
        stem: &str,
        kind: ClassementKind,
        code_column: &str,
        principal_column: Option<&str>,
    ) -> Result<Records<FicheClassement>, FormatError> {
        let file = self.open(stem)?;
        let code_index = file.column(code_column)?;
        let rome_index = file.column("code_rome")?;
        let principal_index = principal_column.map(|c| file.column(c)).transpose()?;
        Ok(Records::new(file, vec![], move |row| {
            Ok(Some(FicheClassement {
                kind,
                code: row.opt(code_index).ok_or("code vide")?,
                code_rome: code(row, rome_index)?,
                principal: principal_index.is_some_and(|i| flag(row, i)),
            }))
        }))
    }

    pub fn fiche_centres_interet(&self) -> Result<Records<FicheClassement>, FormatError> {
        self.classement_links(
            "arborescence_centre_interet",
            ClassementKind::CentreInteret,
            "code_centre_interet",
            Some("principal"),
        )
    }

    /// Trades are placed in a sub-sector (their sector follows) or, where
    /// the sector has none, in the sector itself.
    pub fn fiche_secteurs(&self) -> Result<Records<FicheClassement>, FormatError> {
        let file = self.open("arborescence_secteur_activite")?;
        let c = [
            file.column("code_sect_activite")?,
            file.column("code_ss_sect_activite")?,
            file.column("code_rome")?,
            file.column("principal")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let (kind, entry) = match row.opt(c[1]) {
                Some(sous_secteur) => (ClassementKind::SousSecteurActivite, sous_secteur),
                None => (
                    ClassementKind::SecteurActivite,
                    row.opt(c[0]).ok_or("secteur et sous-secteur vides")?,
                ),
            };
            Ok(Some(FicheClassement {
                kind,
                code: entry,
                code_rome: code(row, c[2])?,
                principal: flag(row, c[3]),
            }))
        }))
    }

    pub fn fiche_secteurs_naf(&self) -> Result<Records<FicheClassement>, FormatError> {
        self.classement_links(
            "arborescence_secteur_naf",
            ClassementKind::SecteurNaf,
            "code_secteur_naf",
            None,
        )
    }

    pub fn fiche_themes(&self) -> Result<Records<FicheClassement>, FormatError> {
        self.classement_links(
            "arborescence_thematique",
            ClassementKind::Theme,
            "code_theme",
            None,
        )
    }

    pub fn textes(&self) -> Result<Records<Texte>, FormatError> {
        let file = self.open("texte")?;
        let c = [
            file.column("code_rome")?,
            file.column("libelle_type_texte")?,
            file.column("position_phrase")?,
            file.column("libelle_texte")?,
        ];
        Ok(Records::new(file, vec![], move |row| {
            let kind = row.get(c[1]);
            if kind != "definition" && kind != "acces_metier" {
                return Err(format!("type de texte inconnu « {kind} »"));
            }
            Ok(Some(Texte {
                code_rome: code(row, c[0])?,
                kind: kind.to_owned(),
                position: row
                    .get(c[2])
                    .parse()
                    .map_err(|_| format!("position invalide « {} »", row.get(c[2])))?,
                // Some sentences carry apostrophes doubled by an SQL
                // export (« l''efficacité »).
                texte: text(row, c[3], "texte")?.replace("''", "'"),
            }))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    fn shared_rome() -> Option<RomeFolder> {
        campus_testkit::national_data("ROME national")
            .map(|d| RomeFolder::new(&d.join("rome_v460")).unwrap())
    }

    fn count<T>(records: Records<T>) -> (usize, usize) {
        let mut valid = 0;
        let mut rejected = 0;
        for record in records {
            match record.unwrap() {
                Record::Valid(..) => valid += 1,
                Record::Rejected(_) => rejected += 1,
            }
        }
        (valid, rejected)
    }

    #[test]
    fn the_real_referential() {
        let Some(rome) = shared_rome() else {
            return;
        };
        assert_eq!(count(rome.fiches().unwrap()), (1584, 0));
        assert_eq!(count(rome.appellations().unwrap()), (13120, 0));
        assert_eq!(count(rome.mobilites().unwrap()), (14912, 0));
        assert_eq!(
            count(rome.fiche_competences().unwrap()),
            (49440 + 5255 + 35861, 0)
        );
        let h3301 = rome
            .fiches()
            .unwrap()
            .filter_map(|r| match r.unwrap() {
                Record::Valid(f, _) if f.code.as_str() == "H3301" => Some(f),
                _ => None,
            })
            .next()
            .unwrap();
        assert_eq!(
            h3301.libelle,
            "Conducteur / Conductrice de ligne de conditionnement"
        );
        assert_eq!(h3301.grand_domaine_code.as_deref(), Some("H"));
    }

    #[test]
    fn bad_rows_are_rejected_with_their_line() {
        let dir = std::env::temp_dir().join(format!("campus-rome-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("unix_rubrique_mobilite_v460_utf8.csv"),
            "\"code_rome\",\"code_rome_cible\",\"numero_ordre\"\n\"H3301\",\"H3302\",\"1\"\n\"Z9999\",\"H3302\",\"2\"\n\"H3301\",\"H3303\",\"x\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("unix_referentiel_code_rome_v460_utf8.csv"),
            "\"code_rome\"\n",
        )
        .unwrap();
        let rome = RomeFolder::new(&dir).unwrap();
        let records: Vec<_> = rome.mobilites().unwrap().map(Result::unwrap).collect();
        assert!(matches!(&records[0], Record::Valid(m, 2) if m.ordre == 1));
        match &records[1] {
            Record::Rejected(e) => assert!(
                e.to_string().ends_with(
                    "unix_rubrique_mobilite_v460_utf8.csv:3: code ROME invalide « Z9999 »"
                ),
                "{e}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&records[2], Record::Rejected(e) if e.line == Some(4)));
        // A missing column is fatal and named.
        let error = rome.fiches().err().unwrap();
        assert!(
            error.to_string().contains("absent") || error.to_string().contains("colonne"),
            "{error}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
