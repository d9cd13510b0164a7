//! The Europass Mobility document of a mobility, as PDF: the learner, the
//! sending and host organisations, the dates and country, the skills
//! acquired with their codes, the mentor.
//!
//! Written with the PDF standard font Helvetica in the WinAnsi encoding:
//! every PDF reader has it, so no font file is embedded, and WinAnsi holds
//! every letter of French (é, è, ê, à, ç, œ, « »). A character outside it
//! is written `?`. The output depends on the record only — its creation
//! date and file identifier come from the record — so the same record
//! gives the same bytes.

use lopdf::content::Operation;
use lopdf::{Object, StringFormat};

use crate::pdf::document::{HAUTEUR, LARGEUR};
use crate::pdf::{Metadonnees, Police, assembler, couper, winansi};

/// What the document says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EuropassMobilite {
    /// The record's number (the application's), part of the file id.
    pub numero: i32,
    pub titulaire: String,
    pub date_naissance: Option<String>,
    pub organisation_envoi: String,
    pub organisation_accueil: String,
    pub ville_accueil: String,
    pub pays: String,
    /// `AAAA-MM-JJ`.
    pub debut: String,
    pub fin: String,
    pub duree_jours: i64,
    pub objectif: String,
    pub certification: Option<String>,
    pub financement: String,
    /// Code and label of each skill acquired.
    pub competences: Vec<(String, String)>,
    pub tuteur: Option<String>,
    /// When the school recorded it, `AAAA-MM-JJ`: the document's date.
    pub etabli_le: String,
}

/// Why the document could not be written.
#[derive(Debug, thiserror::Error)]
#[error("document Europass : {0}")]
pub struct EuropassError(String);

const MARGE: f32 = 56.0;
const CORPS: f32 = 10.5;

/// The pages' text, as lines with their font and size.
struct Mise {
    pages: Vec<Vec<Operation>>,
    y: f32,
}

impl Mise {
    fn new() -> Mise {
        Mise {
            pages: vec![Vec::new()],
            y: HAUTEUR - MARGE,
        }
    }

    fn line(&mut self, police: Police, size: f32, text: &str) {
        if self.y < MARGE + size {
            self.pages.push(Vec::new());
            self.y = HAUTEUR - MARGE;
        }
        self.y -= size * 1.4;
        let ops = self.pages.last_mut();
        if let Some(ops) = ops {
            ops.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec![police.ressource().into(), size.into()]),
                Operation::new("Td", vec![MARGE.into(), self.y.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::String(winansi(text), StringFormat::Literal)],
                ),
                Operation::new("ET", vec![]),
            ]);
        }
    }

    fn paragraph(&mut self, text: &str) {
        for l in couper(text, Police::Normale, CORPS, LARGEUR - 2.0 * MARGE) {
            self.line(Police::Normale, CORPS, &l);
        }
    }

    fn heading(&mut self, text: &str) {
        self.y -= 6.0;
        self.line(Police::Grasse, 13.0, text);
    }

    fn fact(&mut self, label: &str, value: &str) {
        self.paragraph(&format!("{label} : {value}"));
    }
}

/// The PDF of `e`.
pub fn pdf(e: &EuropassMobilite) -> Result<Vec<u8>, EuropassError> {
    let mut mise = Mise::new();
    mise.line(Police::Grasse, 18.0, "Europass Mobilité");
    mise.paragraph(
        "Document qui atteste d'une période de formation ou de travail effectuée dans un autre pays européen, et des compétences acquises.",
    );
    mise.heading("1. Titulaire");
    mise.fact("Nom", &e.titulaire);
    if let Some(d) = &e.date_naissance {
        mise.fact("Date de naissance", d);
    }
    mise.heading("2. Organisation d'envoi");
    mise.paragraph(&e.organisation_envoi);
    mise.heading("3. Organisation d'accueil");
    mise.paragraph(&format!(
        "{}, {} ({})",
        e.organisation_accueil, e.ville_accueil, e.pays
    ));
    mise.heading("4. Parcours de mobilité");
    mise.fact("Objectif", &e.objectif);
    mise.fact(
        "Dates",
        &format!("du {} au {} ({} jours)", e.debut, e.fin, e.duree_jours),
    );
    mise.fact("Pays", &e.pays);
    if let Some(c) = &e.certification {
        mise.fact("Certification préparée", c);
    }
    mise.fact("Programme", &e.financement);
    if let Some(t) = &e.tuteur {
        mise.fact("Tuteur ou tutrice", t);
    }
    mise.heading("5. Compétences acquises");
    if e.competences.is_empty() {
        mise.paragraph("Aucune compétence enregistrée.");
    }
    for (code, libelle) in &e.competences {
        mise.paragraph(&format!("- {libelle} ({code})"));
    }
    mise.heading("6. Établissement du document");
    mise.fact("Établi le", &e.etabli_le);
    mise.fact("Numéro", &e.numero.to_string());
    build(&mise.pages, e)
}

fn build(pages: &[Vec<Operation>], e: &EuropassMobilite) -> Result<Vec<u8>, EuropassError> {
    let meta = Metadonnees {
        titre: format!("Europass Mobilité – {}", e.titulaire),
        date: e.etabli_le.clone(),
        identifiant: format!("europass-mobilite-{:010}", e.numero).into_bytes(),
    };
    assembler(pages, &meta).map_err(|err| EuropassError(err.to_string()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use lopdf::Document;

    fn record() -> EuropassMobilite {
        EuropassMobilite {
            numero: 7,
            titulaire: "Léa Moreau".into(),
            date_naissance: Some("2010-05-04".into()),
            organisation_envoi: "Lycée des métiers de la cosmétique".into(),
            organisation_accueil: "Pharmawerk Leipzig".into(),
            ville_accueil: "Leipzig".into(),
            pays: "Allemagne".into(),
            debut: "2027-03-01".into(),
            fin: "2027-03-22".into(),
            duree_jours: 21,
            objectif: "Stage en entreprise".into(),
            certification: Some("RNCP36085".into()),
            financement: "Erasmus+".into(),
            competences: vec![
                (
                    "106395".into(),
                    "Surveiller le fonctionnement de la ligne de conditionnement".into(),
                ),
                (
                    "RNCP36085BC01/1".into(),
                    "Préparer les matières premières".into(),
                ),
            ],
            tuteur: Some("Frau Weber".into()),
            etabli_le: "2027-03-25".into(),
        }
    }

    #[test]
    fn lists_the_skills_with_accents() {
        let bytes = pdf(&record()).unwrap();
        assert!(bytes.starts_with(b"%PDF-1.7"));
        let doc = Document::load_mem(&bytes).unwrap();
        let text = doc.extract_text(&[1]).unwrap();
        assert!(text.contains("Europass Mobilité"), "{text}");
        assert!(text.contains("Préparer les matières premières"), "{text}");
        assert!(text.contains("106395"), "{text}");
        assert!(text.contains("Léa Moreau"), "{text}");
    }

    #[test]
    fn same_record_same_bytes() {
        assert_eq!(pdf(&record()).unwrap(), pdf(&record()).unwrap());
        let mut other = record();
        other.numero = 8;
        assert_ne!(pdf(&record()).unwrap(), pdf(&other).unwrap());
    }

    #[test]
    fn long_lists_flow_onto_more_pages() {
        let mut r = record();
        r.competences = (0..120)
            .map(|i| {
                (
                    i.to_string(),
                    format!("Compétence numéro {i} — œuvre « test »"),
                )
            })
            .collect();
        let doc = Document::load_mem(&pdf(&r).unwrap()).unwrap();
        assert!(doc.get_pages().len() > 1);
    }
}
