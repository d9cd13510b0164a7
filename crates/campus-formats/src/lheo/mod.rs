//! LHÉO, the language the Carif-Oref network, ONISEP and training bodies
//! publish training offers in (versions 2.2 and 2.3): reading offers one
//! `<formation>` at a time, and writing the catalogue back as LHÉO 2.3.

mod compose;
mod element;
mod offre;
mod reader;
mod writer;

use std::path::{Path, PathBuf};

use campus_domain::formation::Formation;

pub use compose::{Adresse, OffreSurMesure, offre_sur_mesure};
pub use element::Element;
pub use offre::{OffreError, formation};
pub use reader::{LheoReader, NAMESPACES};
pub use writer::LheoWriter;

use crate::{FormatError, Record};

/// The offers of one LHÉO file: each `<formation>` becomes a training or is
/// rejected with its line and column; an `Err` is fatal.
pub struct Offres {
    reader: LheoReader,
}

impl Offres {
    pub fn open(path: &Path) -> Result<Offres, FormatError> {
        Ok(Offres {
            reader: LheoReader::open(path)?,
        })
    }

    pub fn file_name(&self) -> &str {
        self.reader.file_name()
    }
}

impl Iterator for Offres {
    type Item = Result<Record<Formation>, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        let element = match self.reader.next()? {
            Ok(element) => element,
            Err(e) => return Some(Err(e)),
        };
        Some(Ok(match formation(&element) {
            Ok(f) => Record::Valid(f, element.line),
            Err(e) => Record::Rejected(FormatError::at(
                self.reader.file_name(),
                e.line,
                e.column,
                e.message,
            )),
        }))
    }
}

/// The LHÉO files to import at `path`: the file itself, or the `.xml`
/// (and `.xml.gz`) files of a folder in name order.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, FormatError> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let name = path.display().to_string();
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| FormatError::new(&name, None, format!("dossier illisible : {e}")))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".xml") || n.ends_with(".xml.gz"))
        })
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(FormatError::new(
            &name,
            None,
            "aucun fichier .xml dans ce dossier",
        ));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use campus_domain::formation::{CodeKind, Modalite};
    use proptest::prelude::*;

    fn samples() -> Option<PathBuf> {
        campus_testkit::national_data("échantillons LHÉO").map(|d| d.join("lheo/samples"))
    }

    fn read(text: &str) -> Vec<Result<Record<Formation>, FormatError>> {
        let stream: Box<dyn std::io::Read + Send> =
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let reader = LheoReader::new("test.xml", stream);
        Offres { reader }.collect()
    }

    fn valid(path: &Path) -> Vec<Formation> {
        Offres::open(path)
            .unwrap()
            .map(|r| match r.unwrap() {
                Record::Valid(f, _) => f,
                Record::Rejected(e) => panic!("{e}"),
            })
            .collect()
    }

    #[test]
    fn etoile_sample_afpa_veigne() {
        let Some(samples) = samples() else {
            return;
        };
        let formations = valid(&samples.join("etoile-centre_07_10_titre-pro-plaquiste_lheo22.xml"));
        assert_eq!(formations.len(), 1);
        let f = &formations[0];
        assert_eq!(f.numero, "07_10");
        assert_eq!(f.intitule, "Titre professionnel plaquiste");
        assert_eq!(f.resultats_attendus, None, "« - » est une valeur absente");
        assert_eq!(f.niveau_sortie, Some(3), "code 4 (niveau V) → niveau 3");
        assert!(f.codes.contains(&(CodeKind::Rncp, "RNCP320".to_owned())));
        assert!(f.codes.contains(&(CodeKind::Rome, "F1604".to_owned())));
        assert!(f.codes.contains(&(CodeKind::Formacode, "22403".to_owned())));
        assert_eq!(f.organisme.siret.as_deref(), Some("82422814200660"));
        assert_eq!(f.organisme.nom, "DRAFPA d'Olivet");
        assert_eq!(f.actions.len(), 2);
        assert_eq!(f.actions.iter().map(|a| a.sessions.len()).sum::<usize>(), 2);
        let first = &f.actions[0];
        assert_eq!(first.numero, "07_114782");
        assert_eq!(first.modalite, Modalite::Continue);
        assert_eq!(first.formateur_nom.as_deref(), Some("AFPA de Veigné"));
        let lieu = first.lieu.as_ref().unwrap();
        assert_eq!(lieu.ville.as_deref(), Some("Veigné"));
        assert_eq!(lieu.commune_insee.as_deref(), Some("37266"));
        assert_eq!(lieu.latitude, Some(47.286057));
        assert_eq!(
            first
                .financeurs
                .iter()
                .map(|f| f.libelle.as_deref())
                .collect::<Vec<_>>(),
            [Some("Bénéficiaire de l'action"), Some("Entreprise")]
        );
        let session = &first.sessions[0];
        assert_eq!(
            (session.debut.as_deref(), session.fin.as_deref()),
            (Some("2017-12-04"), Some("2018-06-01"))
        );
        assert_eq!(session.etat_recrutement.as_deref(), Some("1"));
        assert_eq!(f.actions[1].duree_heures, Some(697.0));
    }

    #[test]
    fn every_sample_reads() {
        let Some(samples) = samples() else {
            return;
        };
        let mut count = 0;
        for file in files(&samples).unwrap() {
            count += valid(&file).len();
        }
        assert_eq!(count, 4);
        let daeu = valid(&samples.join("intercarif_15_464888_daeu-toulouse_lheo22.xml"));
        assert_eq!(daeu[0].niveau_sortie, Some(4));
        assert_eq!(daeu[0].actions[0].duree_heures, Some(250.0));
    }

    #[test]
    fn the_stored_element_reads_back_the_same() {
        let Some(samples) = samples() else {
            return;
        };
        for file in files(&samples).unwrap() {
            for f in valid(&file) {
                let xml = f.lheo.clone().unwrap();
                let document = format!(
                    "<lheo xmlns=\"{}\"><offres>{xml}</offres></lheo>",
                    NAMESPACES[1]
                );
                let again = read(&document);
                match &again[..] {
                    [Ok(Record::Valid(g, _))] => assert_eq!(*g, f),
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[test]
    fn errors_are_located() {
        let wrong_namespace = read("<?xml version=\"1.0\"?>\n<lheo xmlns=\"urn:autre\"/>");
        let e = wrong_namespace[0].as_ref().unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(1)), "{e}");
        assert!(
            e.to_string().starts_with("test.xml:2:1: espace de noms"),
            "{e}"
        );

        let broken = read(&format!(
            "<lheo xmlns=\"{}\">\n<offres>\n  <formation numero=\"1\">\n    <intitule-formation>x</intitule>\n",
            NAMESPACES[0]
        ));
        let e = broken[0].as_ref().unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");

        let no_title = read(&format!(
            "<lheo xmlns=\"{}\"><offres>\n <formation numero=\"A1\"><organisme-formation-responsable/></formation>\n</offres></lheo>",
            NAMESPACES[1]
        ));
        match &no_title[..] {
            [Ok(Record::Rejected(e))] => {
                assert_eq!((e.line, e.column), (Some(2), Some(2)));
                assert!(e.message.contains("sans intitulé"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        assert!(read("").first().is_some_and(|r| r.is_err()));
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let _ = read(&text);
        }

        #[test]
        fn arbitrary_lheo_like_xml_never_panics(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("<formation numero=\"1\">".to_owned()),
                    Just("</formation>".to_owned()),
                    Just("<action>".to_owned()),
                    Just("</action>".to_owned()),
                    Just("<intitule-formation>".to_owned()),
                    Just("</intitule-formation>".to_owned()),
                    Just("<organisme-formation-responsable><nom-organisme>O</nom-organisme>".to_owned()),
                    Just("</organisme-formation-responsable>".to_owned()),
                    Just("<session numero=\"s\"><periode><debut>20189931</debut></periode></session>".to_owned()),
                    Just("&amp;&#1;&#x1F600;&bogus;".to_owned()),
                    Just("<![CDATA[<x>]]>".to_owned()),
                    "[ -~éà\n]{0,12}",
                ],
                0..40,
            )
        ) {
            let body = parts.concat();
            let document = format!("<lheo xmlns=\"{}\"><offres>{body}</offres></lheo>", NAMESPACES[1]);
            for record in read(&document).into_iter().flatten() {
                if let Record::Valid(f, _) = record {
                    // Whatever was accepted writes back and reads the same.
                    let again = read(&format!(
                        "<lheo xmlns=\"{}\"><offres>{}</offres></lheo>",
                        NAMESPACES[1],
                        f.lheo.clone().unwrap_or_default()
                    ));
                    let same = matches!(&again[..], [Ok(Record::Valid(g, _))] if *g == f);
                    prop_assert!(same);
                }
            }
        }
    }
}
