//! The annual report as an XLSX workbook, for partners who rework the
//! figures: one sheet per axis (each lever's indicators with the year's
//! value, target, whether it is reached and the previous years, then the
//! breakdowns), the definitions in force, and the sources with their
//! SHA-256.
//!
//! Figures are written as numbers, so that a spreadsheet computes with
//! them; a figure not available is written « nd », a masked breakdown
//! line as it is printed (« < 5 »). The bytes depend on the report only:
//! the document's creation date is the report's date and the archive's
//! entries all carry the same fixed time.

use std::collections::{BTreeSet, HashSet};

use campus_domain::evaluation::rapport::{FicheIndicateur, Rapport, SectionAxe};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("classeur XLSX : {0}")]
pub struct ClasseurError(#[from] XlsxError);

/// Longest text a cell holds.
const TEXTE_MAX: usize = 32_767;
/// Longest sheet name, in UTF-16 code units (Excel's measure).
const NOM_FEUILLE_MAX: usize = 31;

/// The workbook of `rapport`.
pub fn classeur(rapport: &Rapport) -> Result<Vec<u8>, ClasseurError> {
    let mut workbook = Workbook::new();
    let date = ExcelDateTime::parse_from_str(&rapport.produit_le).or_else(|_| {
        ExcelDateTime::from_ymd(
            u16::try_from(rapport.annee.clamp(1900, 9999)).unwrap_or(1900),
            1,
            1,
        )
    })?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(texte(&rapport.titre))
            .set_company(texte(&rapport.campus))
            .set_creation_datetime(&date),
    );
    let styles = Styles::new();
    let mut noms = HashSet::new();
    for axe in &rapport.axes {
        let feuille = workbook.add_worksheet();
        feuille.set_name(nom_unique(
            &format!("Axe {} {}", axe.code, axe.libelle),
            &mut noms,
        ))?;
        feuille_axe(feuille, rapport.annee, axe, &styles)?;
    }
    let feuille = workbook.add_worksheet();
    feuille.set_name(nom_unique("Définitions", &mut noms))?;
    definitions(feuille, rapport, &styles)?;
    let feuille = workbook.add_worksheet();
    feuille.set_name(nom_unique("Sources", &mut noms))?;
    sources(feuille, rapport, &styles)?;
    Ok(workbook.save_to_buffer()?)
}

struct Styles {
    titre: Format,
    entete: Format,
    entier: Format,
    decimal: Format,
    texte: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            titre: Format::new().set_bold().set_font_size(14),
            entete: Format::new().set_bold().set_text_wrap(),
            entier: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.0"),
            texte: Format::new().set_text_wrap(),
        }
    }
}

/// An axis: its indicators, lever by lever, then their breakdowns.
fn feuille_axe(
    feuille: &mut Worksheet,
    annee: i32,
    axe: &SectionAxe,
    styles: &Styles,
) -> Result<(), XlsxError> {
    feuille.write_string_with_format(
        0,
        0,
        texte(&format!("Axe {} — {}", axe.code, axe.libelle)),
        &styles.titre,
    )?;
    let fiches = || {
        axe.leviers
            .iter()
            .flat_map(|l| l.indicateurs.iter().map(move |f| (l, f)))
    };
    let precedentes: BTreeSet<i32> = fiches()
        .flat_map(|(_, f)| f.serie.iter().map(|p| p.annee))
        .filter(|a| *a < annee)
        .collect();
    let mut entetes: Vec<String> = [
        "Levier",
        "Code",
        "Indicateur",
        "Unité",
        &format!("Valeur {annee}"),
        &format!("Cible {annee}"),
        "Cible atteinte",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    entetes.extend(precedentes.iter().map(|a| a.to_string()));
    for (col, e) in entetes.iter().enumerate() {
        feuille.write_string_with_format(2, col as u16, e, &styles.entete)?;
    }
    let mut ligne = 3;
    for (levier, f) in fiches() {
        feuille.write_string(
            ligne,
            0,
            texte(&format!("{} — {}", levier.code, levier.libelle)),
        )?;
        feuille.write_string(ligne, 1, texte(&f.code))?;
        feuille.write_string_with_format(ligne, 2, texte(&f.nom), &styles.texte)?;
        feuille.write_string(ligne, 3, texte(&f.unite))?;
        nombre(feuille, ligne, 4, f.valeur, "nd", styles)?;
        nombre(feuille, ligne, 5, f.cible, "", styles)?;
        let atteinte = match f.atteinte() {
            Some(true) => "oui",
            Some(false) => "non",
            None => "",
        };
        feuille.write_string(ligne, 6, atteinte)?;
        for (i, a) in precedentes.iter().enumerate() {
            let point = f.serie.iter().find(|p| p.annee == *a);
            let vide = if point.is_some() { "nd" } else { "" };
            nombre(
                feuille,
                ligne,
                7 + i as u16,
                point.and_then(|p| p.valeur),
                vide,
                styles,
            )?;
        }
        ligne += 1;
    }
    for (_, f) in fiches() {
        ligne = ventilation(feuille, ligne + 1, f, styles)?;
    }
    feuille.set_column_width(0, 28)?;
    feuille.set_column_width(1, 18)?;
    feuille.set_column_width(2, 44)?;
    feuille.set_column_width(3, 12)?;
    for col in 4..7 + precedentes.len() as u16 {
        feuille.set_column_width(col, 12)?;
    }
    feuille.set_freeze_panes(3, 0)?;
    Ok(())
}

/// The breakdown of `f`, if any, from row `ligne`; the next free row.
fn ventilation(
    feuille: &mut Worksheet,
    mut ligne: u32,
    f: &FicheIndicateur,
    styles: &Styles,
) -> Result<u32, XlsxError> {
    let Some(v) = &f.ventilation else {
        return Ok(ligne);
    };
    feuille.write_string_with_format(
        ligne,
        0,
        texte(&format!(
            "{} — {} : répartition par {}",
            f.code,
            f.nom,
            v.par.to_lowercase()
        )),
        &styles.entete,
    )?;
    ligne += 1;
    for (col, e) in [v.par.as_str(), "Valeur", "Publié"].iter().enumerate() {
        feuille.write_string_with_format(ligne, col as u16, texte(e), &styles.entete)?;
    }
    ligne += 1;
    for l in &v.lignes {
        feuille.write_string(ligne, 0, texte(&l.libelle))?;
        nombre(feuille, ligne, 1, l.valeur, "", styles)?;
        feuille.write_string(ligne, 2, texte(&l.affichage))?;
        ligne += 1;
    }
    Ok(ligne + 1)
}

/// Every indicator's definition in force.
fn definitions(
    feuille: &mut Worksheet,
    rapport: &Rapport,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let entetes = [
        "Code",
        "Indicateur",
        "Définition",
        "Formule",
        "Version",
        "Sens",
        "Unité",
        "Axe",
        "Levier",
    ];
    for (col, e) in entetes.iter().enumerate() {
        feuille.write_string_with_format(0, col as u16, *e, &styles.entete)?;
    }
    let mut ligne = 1;
    for axe in &rapport.axes {
        for levier in &axe.leviers {
            for f in &levier.indicateurs {
                feuille.write_string(ligne, 0, texte(&f.code))?;
                feuille.write_string_with_format(ligne, 1, texte(&f.nom), &styles.texte)?;
                feuille.write_string_with_format(ligne, 2, texte(&f.definition), &styles.texte)?;
                feuille.write_string_with_format(ligne, 3, texte(&f.formule), &styles.texte)?;
                feuille.write_number(ligne, 4, f.version)?;
                let sens = if f.hausse() {
                    "hausse souhaitée"
                } else {
                    "baisse souhaitée"
                };
                feuille.write_string(ligne, 5, sens)?;
                feuille.write_string(ligne, 6, texte(&f.unite))?;
                feuille.write_string(
                    ligne,
                    7,
                    texte(&format!("{} — {}", axe.code, axe.libelle)),
                )?;
                feuille.write_string(
                    ligne,
                    8,
                    texte(&format!("{} — {}", levier.code, levier.libelle)),
                )?;
                ligne += 1;
            }
        }
    }
    for (col, largeur) in [18, 40, 60, 50, 9, 16, 12, 30, 30].iter().enumerate() {
        feuille.set_column_width(col as u16, *largeur)?;
    }
    feuille.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The imported files the figures rest on.
fn sources(feuille: &mut Worksheet, rapport: &Rapport, styles: &Styles) -> Result<(), XlsxError> {
    for (col, e) in ["Source", "Fichier", "SHA-256", "Importé le", "Lignes"]
        .iter()
        .enumerate()
    {
        feuille.write_string_with_format(0, col as u16, *e, &styles.entete)?;
    }
    for (i, s) in rapport.sources.iter().enumerate() {
        let ligne = 1 + i as u32;
        feuille.write_string(ligne, 0, texte(&s.nom))?;
        feuille.write_string(ligne, 1, texte(&s.fichier))?;
        feuille.write_string(ligne, 2, texte(&s.sha256))?;
        feuille.write_string(ligne, 3, texte(&s.importe_le))?;
        if let Some(n) = s.lignes {
            feuille.write_number_with_format(ligne, 4, n as f64, &styles.entier)?;
        }
    }
    for (col, largeur) in [30, 36, 68, 14, 12].iter().enumerate() {
        feuille.set_column_width(col as u16, *largeur)?;
    }
    Ok(())
}

/// `valeur` as a number (no decimal when whole), or `sinon` as text.
fn nombre(
    feuille: &mut Worksheet,
    ligne: u32,
    col: u16,
    valeur: Option<f64>,
    sinon: &str,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match valeur.filter(|v| v.is_finite()) {
        Some(v) => {
            let format = if v.fract() == 0.0 {
                &styles.entier
            } else {
                &styles.decimal
            };
            feuille.write_number_with_format(ligne, col, v, format)?;
        }
        None if !sinon.is_empty() => {
            feuille.write_string(ligne, col, sinon)?;
        }
        None => {}
    }
    Ok(())
}

/// `s` within a cell's limit.
fn texte(s: &str) -> String {
    if s.chars().count() <= TEXTE_MAX {
        s.to_owned()
    } else {
        s.chars().take(TEXTE_MAX).collect()
    }
}

/// A sheet name Excel accepts (no `[]:*?/\`, no leading or trailing
/// apostrophe, at most 31 characters), not yet in `pris`.
fn nom_unique(souhaite: &str, pris: &mut HashSet<String>) -> String {
    let propre: String = souhaite
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let propre = propre.trim().trim_matches('\'').trim();
    let base = tete_utf16(propre, NOM_FEUILLE_MAX);
    let base = if base.trim().is_empty() {
        "Feuille".to_owned()
    } else {
        base.trim_end().trim_end_matches('\'').to_owned()
    };
    let mut nom = base.clone();
    let mut n = 2;
    while pris.contains(&nom.to_lowercase()) {
        let suffixe = format!(" ({n})");
        let tete = tete_utf16(&base, NOM_FEUILLE_MAX - suffixe.len());
        nom = format!("{}{suffixe}", tete.trim_end());
        n += 1;
    }
    pris.insert(nom.to_lowercase());
    nom
}

/// The head of `s` at most `max` UTF-16 code units long.
fn tete_utf16(s: &str, max: usize) -> String {
    let mut n = 0;
    s.chars()
        .take_while(|c| {
            n += c.len_utf16();
            n <= max
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use campus_domain::evaluation::rapport::exemple;
    use proptest::prelude::*;
    use std::io::{Cursor, Read};

    /// The workbook's parts, by name, with the modification time of each.
    fn parties(bytes: &[u8]) -> Vec<(String, String, String)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut contenu = String::new();
                part.read_to_string(&mut contenu).unwrap();
                let quand = part
                    .last_modified()
                    .map(|d| format!("{d:?}"))
                    .unwrap_or_default();
                (part.name().unwrap().into_owned(), quand, contenu)
            })
            .collect()
    }

    fn partie<'a>(parts: &'a [(String, String, String)], nom: &str) -> &'a str {
        &parts.iter().find(|p| p.0 == nom).unwrap().2
    }

    #[test]
    fn sheets_figures_definitions_and_sources() {
        let r = exemple();
        let bytes = classeur(&r).unwrap();
        let parts = parties(&bytes);
        let workbook = partie(&parts, "xl/workbook.xml");
        for nom in [
            "Axe 1 Attractivité et insertion",
            "Axe 4 Animation et évaluation",
            "Définitions",
            "Sources",
        ] {
            assert!(
                workbook.contains(&format!("name=\"{nom}\"")),
                "{nom}: {workbook}"
            );
        }
        let chaines = partie(&parts, "xl/sharedStrings.xml");
        for attendu in [
            "L1-PARTICIPANTS",
            "Valeur 2026",
            "Indre (36)",
            "&lt; 5",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "baisse souhaitée",
        ] {
            assert!(chaines.contains(attendu), "{attendu}");
        }
        // 1 318 participants in 2026, 1 105 in 2024 (a previous-year column).
        let axe1 = partie(&parts, "xl/worksheets/sheet1.xml");
        assert!(axe1.contains("<v>1318</v>") && axe1.contains("<v>1105</v>"));
        let core = partie(&parts, "docProps/core.xml");
        assert!(core.contains("2026-12-07T00:00:00Z"), "{core}");
    }

    #[test]
    fn same_report_same_bytes_at_a_fixed_time() {
        let r = exemple();
        let bytes = classeur(&r).unwrap();
        assert_eq!(bytes, classeur(&r).unwrap());
        let parts = parties(&bytes);
        let quand: HashSet<&str> = parts.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(quand.len(), 1, "{quand:?}");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut pris = HashSet::new();
        assert_eq!(
            nom_unique("Axe 1 Attractivité [et] insertion : longue", &mut pris),
            "Axe 1 Attractivité  et  inserti"
        );
        assert_eq!(nom_unique("Sources", &mut pris), "Sources");
        assert_eq!(nom_unique("sources", &mut pris), "sources (2)");
        assert_eq!(nom_unique("''", &mut pris), "Feuille");
        assert_eq!(nom_unique(&"😀".repeat(20), &mut pris), "😀".repeat(15));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_labels_and_values_give_a_workbook(
            libelle in "\\PC{0,60}",
            code in "\\PC{0,10}",
            valeur in proptest::option::of(proptest::num::f64::ANY),
        ) {
            let mut r = exemple();
            r.axes[0].libelle = libelle.clone();
            r.axes[1].code = code.clone();
            r.axes[1].libelle = libelle.clone();
            r.axes[0].leviers[0].indicateurs[0].valeur = valeur;
            r.axes[0].leviers[0].indicateurs[0].nom = libelle;
            r.produit_le = code;
            let resultat = classeur(&r);
            prop_assert!(resultat.is_ok(), "{:?}", resultat.err());
        }
    }
}
