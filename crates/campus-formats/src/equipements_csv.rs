//! The list of equipment the campus team imports into the technology
//! platform's catalogue: a CSV file as a spreadsheet saves it, `;`
//! between columns, UTF-8 with or without a byte-order mark (Windows-1252
//! is read too, as everywhere in the platform), one equipment per line
//! after a header naming the columns:
//!
//! `nom;categorie;organisation;site;description;capacites;regles_securite;`
//! `habilitation_requise;tarif_academique;tarif_industriel;jours;ouverture;`
//! `fermeture;approbation_requise`
//!
//! Columns may come in any order, others are ignored. `organisation` is a
//! name or a SIRET of the directory (resolved by the import), the rates
//! are euros per hour (`45` or `45,50`), `jours` is `lun-ven` or
//! `lun,mer,ven`, the hours `HH:MM`, the yes/no columns `oui` or `non`.
//! Each line is checked with the rules of the form
//! ([`FicheEquipement::parse`]).
//!
//! The import is all or nothing, so this reader does not skip bad lines:
//! it returns every line, or every problem found, each with its file and
//! line.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use campus_domain::equipement::saisie::{FicheEquipement, SaisieEquipement};

use crate::FormatError;

/// The columns a list must have.
pub const COLONNES: [&str; 14] = [
    "nom",
    "categorie",
    "organisation",
    "site",
    "description",
    "capacites",
    "regles_securite",
    "habilitation_requise",
    "tarif_academique",
    "tarif_industriel",
    "jours",
    "ouverture",
    "fermeture",
    "approbation_requise",
];
/// Most lines a list may have: the platform's catalogue is a few hundred
/// pieces at most.
pub const MAX_LIGNES: usize = 2000;
/// Problems reported before reading stops: beyond, the file is not a list
/// of equipment.
pub const MAX_ERREURS: usize = 200;

/// One line of the list, checked; its owner is still a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LigneEquipement {
    pub ligne: u64,
    /// A name or a SIRET of the directory, as written.
    pub organisation: String,
    pub fiche: FicheEquipement,
}

/// Reads the list in the file `path` (any of the platform's encodings,
/// gzip-compressed or not).
pub fn equipements_csv(path: &Path) -> Result<Vec<LigneEquipement>, Vec<FormatError>> {
    let name = path.display().to_string();
    let (mut stream, _) = crate::open(path).map_err(|e| vec![e])?;
    let mut text = String::new();
    stream.read_to_string(&mut text).map_err(|e| {
        vec![FormatError::new(
            &name,
            None,
            format!("lecture impossible : {e}"),
        )]
    })?;
    lire(&name, &text)
}

/// Reads a list sent as `bytes` under the file name `name` (an upload).
pub fn equipements_csv_octets(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<LigneEquipement>, Vec<FormatError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => lire(name, text),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            lire(name, &text)
        }
    }
}

/// `oui` / `non`, any case.
fn oui_non(value: &str) -> Result<bool, String> {
    match value.trim().to_lowercase().as_str() {
        "oui" | "o" => Ok(true),
        "non" | "n" => Ok(false),
        "" => Err("indiquez oui ou non".to_owned()),
        other => Err(format!("« {other} » : indiquez oui ou non")),
    }
}

/// The value of a refused field, quoted when short enough to help.
fn cite(value: &str) -> String {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 40 {
        String::new()
    } else {
        format!(" « {value} »")
    }
}

/// Reads the list in `text`. Line ends are made `\n` first: after a
/// `\r\n`, the `csv` crate reports each record one line too early, and
/// spreadsheets on Windows end their lines so.
fn lire(name: &str, text: &str) -> Result<Vec<LigneEquipement>, Vec<FormatError>> {
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            vec![FormatError::new(
                name,
                Some(1),
                format!("en-tête illisible : {e}"),
            )]
        })?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let missing: Vec<&str> = COLONNES
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let hint = if headers.len() == 1 {
            " ; les colonnes sont-elles bien séparées par des points-virgules ?"
        } else {
            ""
        };
        return Err(vec![FormatError::new(
            name,
            Some(1),
            format!(
                "colonne(s) absente(s) : {} (colonnes trouvées : {}){hint}",
                missing.join(", "),
                headers.join(", ")
            ),
        )]);
    }
    let col: HashMap<&str, usize> = COLONNES
        .iter()
        .filter_map(|c| headers.iter().position(|h| h == c).map(|i| (*c, i)))
        .collect();
    let mut lignes = Vec::new();
    let mut errors = Vec::new();
    // The line of each name already read, by slug.
    let mut noms: HashMap<String, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        if errors.len() >= MAX_ERREURS {
            // One line may add several: the report stays bounded.
            errors.truncate(MAX_ERREURS);
            errors.push(FormatError::new(
                name,
                None,
                format!("plus de {MAX_ERREURS} erreurs : lecture arrêtée"),
            ));
            break;
        }
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line());
                errors.push(FormatError::new(
                    name,
                    line,
                    format!("ligne illisible (guillemets mal fermés ?) : {e}"),
                ));
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if lignes.len() + errors.len() >= MAX_LIGNES {
            errors.push(FormatError::new(
                name,
                Some(line),
                format!("liste trop longue : {MAX_LIGNES} équipements au plus par fichier"),
            ));
            break;
        }
        let get = |c: &str| {
            col.get(c)
                .and_then(|i| record.get(*i))
                .unwrap_or_default()
                .to_owned()
        };
        let mut refuse = |message: String| errors.push(FormatError::new(name, Some(line), message));
        let habilitation = oui_non(&get("habilitation_requise"))
            .map_err(|e| refuse(format!("habilitation_requise : {e}")))
            .ok();
        let approbation = oui_non(&get("approbation_requise"))
            .map_err(|e| refuse(format!("approbation_requise : {e}")))
            .ok();
        let saisie = SaisieEquipement {
            nom: get("nom"),
            categorie: get("categorie"),
            site: get("site"),
            description: get("description"),
            capacites: get("capacites"),
            regles_securite: get("regles_securite"),
            habilitation_requise: habilitation.unwrap_or_default(),
            tarif_academique: get("tarif_academique"),
            tarif_industriel: get("tarif_industriel"),
            jours: get("jours"),
            ouverture: get("ouverture"),
            fermeture: get("fermeture"),
            approbation_requise: approbation.unwrap_or_default(),
            statut: String::new(),
        };
        let fiche = match FicheEquipement::parse(&saisie) {
            Ok(fiche) => Some(fiche),
            Err(refused) => {
                for (field, why) in refused {
                    let value = if matches!(field, "description" | "capacites" | "regles_securite")
                    {
                        String::new()
                    } else {
                        cite(&get(field))
                    };
                    refuse(format!("{field}{value} : {why}"));
                }
                None
            }
        };
        let (Some(fiche), Some(_), Some(_)) = (fiche, habilitation, approbation) else {
            continue;
        };
        let slug = campus_domain::slugify(&fiche.nom);
        if let Some(first) = noms.get(&slug) {
            refuse(format!(
                "nom « {} » : déjà décrit ligne {first} (un équipement par ligne)",
                fiche.nom
            ));
            continue;
        }
        noms.insert(slug, line);
        lignes.push(LigneEquipement {
            ligne: line,
            organisation: get("organisation").trim().to_owned(),
            fiche,
        });
    }
    if errors.is_empty() {
        Ok(lignes)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use proptest::prelude::*;

    const HEADER: &str = "nom;categorie;organisation;site;description;capacites;regles_securite;habilitation_requise;tarif_academique;tarif_industriel;jours;ouverture;fermeture;approbation_requise";

    #[test]
    fn reads_a_list_with_its_byte_order_mark_and_crlf() {
        let text = format!(
            "\u{FEFF}{HEADER}\r\n\
             Granulomètre laser;caracterisation;Université d'Orléans;Plateau analytique, Orléans;\"Taille des particules\r\nde 0,01 à 3 500 µm.\";Voie sèche et voie humide;Blouse;oui;40;110,50;lun-ven;08:00;18:00;non\r\n\
             ;;;;;;;;;;;;;\r\n\
             Autoclave de paillasse;microbiologie;19370800500478;Tours;Stérilisation.;;;NON;0;25;lun,mer;9h;12h30;Oui\r\n"
        );
        let lignes = equipements_csv_octets("liste.csv", text.as_bytes()).unwrap();
        assert_eq!(lignes.len(), 2, "{lignes:#?}");
        assert_eq!(lignes[0].ligne, 2);
        assert_eq!(lignes[0].organisation, "Université d'Orléans");
        assert_eq!(lignes[0].fiche.tarif_industriel.centimes(), 11_050);
        assert!(lignes[0].fiche.description.contains('\n'));
        // The quoted description spans two lines, the empty line 4 is
        // skipped: the next record is on line 5.
        assert_eq!(lignes[1].ligne, 5);
        assert_eq!(lignes[1].organisation, "19370800500478");
        assert!(!lignes[1].fiche.habilitation_requise && lignes[1].fiche.approbation_requise);
        assert_eq!(lignes[1].fiche.horaires.fermeture(), 750);
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = format!(
            "{HEADER}\n\
             Rhéomètre;rheologie;Université de Tours;Tours;Viscosité.;;;oui;35;90;lun-ven;08:00;18:00;non\n\
             Four;cuisine;Université de Tours;Tours;Cuisson.;;;peut-être;3,5 €/h;90;lun-ven;08:15;18:00;non\n\
             rhéomètre;rheologie;Université de Tours;Tours;Viscosité.;;;oui;35;90;lun-ven;08:00;18:00;non\n"
        );
        let errors: Vec<String> = equipements_csv_octets("liste.csv", text.as_bytes())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            [
                "liste.csv:3: habilitation_requise : « peut-être » : indiquez oui ou non",
                "liste.csv:3: categorie « cuisine » : catégorie inconnue (chromatographie, rheologie, formulation, salle_propre, conditionnement, microbiologie ou caracterisation)",
                "liste.csv:3: tarif_academique « 3,5 €/h » : montant illisible : écrivez des euros, par exemple 45 ou 45,50",
                "liste.csv:3: ouverture « 08:15 » : les horaires tombent à l'heure ou à la demie (08:00, 08:30…)",
                "liste.csv:4: nom « rhéomètre » : déjà décrit ligne 2 (un équipement par ligne)",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_the_list_says_why() {
        let errors = equipements_csv_octets("liste.csv", b"nom,categorie\nHPLC,chromatographie\n")
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        let message = errors[0].to_string();
        assert!(message.starts_with("liste.csv:1: colonne(s) absente(s) : nom, categorie"));
        assert!(message.contains("points-virgules"), "{message}");
        // Windows-1252, as older spreadsheets save it.
        let latin = b"nom;categorie;organisation;site;description;capacites;regles_securite;habilitation_requise;tarif_academique;tarif_industriel;jours;ouverture;fermeture;approbation_requise\nPilulier;formulation;IMT;Tours;Gel\xE9lules.;;;non;10;20;lun;08:00;12:00;non\n";
        let lignes = equipements_csv_octets("liste.csv", latin).unwrap();
        assert_eq!(lignes[0].fiche.description, "Gelélules.");
    }

    #[test]
    fn reads_a_file_by_its_path() {
        let path =
            std::env::temp_dir().join(format!("campus-equipements-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            format!("{HEADER}\nHPLC;chromatographie;Servier;Gidy;Dosage.;;;oui;45;120;lun-ven;08:00;18:00;non\n"),
        )
        .unwrap();
        let lignes = equipements_csv(&path).unwrap();
        assert_eq!(lignes[0].organisation, "Servier");
        std::fs::remove_file(&path).unwrap();
        let missing = equipements_csv(&path).unwrap_err();
        assert!(missing[0].to_string().contains("lecture impossible"));
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = equipements_csv_octets("x.csv", &bytes);
        }

        #[test]
        fn any_bytes_under_the_header_are_read_or_refused_without_panic(tail in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut bytes = format!("{HEADER}\n").into_bytes();
            bytes.extend_from_slice(&tail);
            if let Err(errors) = equipements_csv_octets("x.csv", &bytes) {
                prop_assert!(!errors.is_empty() && errors.len() <= MAX_ERREURS + 1);
            }
        }

        #[test]
        fn any_line_under_the_header_is_read_or_refused_with_its_line(
            fields in proptest::collection::vec("[^;\"\n]{0,12}|\"[^\"]{0,12}\"", 0..16),
            lines in 1usize..4,
        ) {
            let row = fields.join(";");
            let text = format!("{HEADER}\n{}", vec![row; lines].join("\n"));
            match equipements_csv_octets("x.csv", text.as_bytes()) {
                Ok(lignes) => prop_assert!(lignes.iter().all(|l| l.ligne >= 2)),
                Err(errors) => prop_assert!(errors.iter().all(|e| e.file == "x.csv")),
            }
        }
    }
}
