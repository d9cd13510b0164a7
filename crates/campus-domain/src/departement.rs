//! French départements (official INSEE codes) and their regions.
//!
//! The table is the official geographic code (COG), written out here because
//! it changes about once a generation; a test checks it against the COG
//! file of the shared open data.

use crate::string_type;

/// `(code, name, region code)` of every département.
const DEPARTEMENTS: &[(&str, &str, &str)] = &[
    ("01", "Ain", "84"),
    ("02", "Aisne", "32"),
    ("03", "Allier", "84"),
    ("04", "Alpes-de-Haute-Provence", "93"),
    ("05", "Hautes-Alpes", "93"),
    ("06", "Alpes-Maritimes", "93"),
    ("07", "Ardèche", "84"),
    ("08", "Ardennes", "44"),
    ("09", "Ariège", "76"),
    ("10", "Aube", "44"),
    ("11", "Aude", "76"),
    ("12", "Aveyron", "76"),
    ("13", "Bouches-du-Rhône", "93"),
    ("14", "Calvados", "28"),
    ("15", "Cantal", "84"),
    ("16", "Charente", "75"),
    ("17", "Charente-Maritime", "75"),
    ("18", "Cher", "24"),
    ("19", "Corrèze", "75"),
    ("21", "Côte-d'Or", "27"),
    ("22", "Côtes-d'Armor", "53"),
    ("23", "Creuse", "75"),
    ("24", "Dordogne", "75"),
    ("25", "Doubs", "27"),
    ("26", "Drôme", "84"),
    ("27", "Eure", "28"),
    ("28", "Eure-et-Loir", "24"),
    ("29", "Finistère", "53"),
    ("2A", "Corse-du-Sud", "94"),
    ("2B", "Haute-Corse", "94"),
    ("30", "Gard", "76"),
    ("31", "Haute-Garonne", "76"),
    ("32", "Gers", "76"),
    ("33", "Gironde", "75"),
    ("34", "Hérault", "76"),
    ("35", "Ille-et-Vilaine", "53"),
    ("36", "Indre", "24"),
    ("37", "Indre-et-Loire", "24"),
    ("38", "Isère", "84"),
    ("39", "Jura", "27"),
    ("40", "Landes", "75"),
    ("41", "Loir-et-Cher", "24"),
    ("42", "Loire", "84"),
    ("43", "Haute-Loire", "84"),
    ("44", "Loire-Atlantique", "52"),
    ("45", "Loiret", "24"),
    ("46", "Lot", "76"),
    ("47", "Lot-et-Garonne", "75"),
    ("48", "Lozère", "76"),
    ("49", "Maine-et-Loire", "52"),
    ("50", "Manche", "28"),
    ("51", "Marne", "44"),
    ("52", "Haute-Marne", "44"),
    ("53", "Mayenne", "52"),
    ("54", "Meurthe-et-Moselle", "44"),
    ("55", "Meuse", "44"),
    ("56", "Morbihan", "53"),
    ("57", "Moselle", "44"),
    ("58", "Nièvre", "27"),
    ("59", "Nord", "32"),
    ("60", "Oise", "32"),
    ("61", "Orne", "28"),
    ("62", "Pas-de-Calais", "32"),
    ("63", "Puy-de-Dôme", "84"),
    ("64", "Pyrénées-Atlantiques", "75"),
    ("65", "Hautes-Pyrénées", "76"),
    ("66", "Pyrénées-Orientales", "76"),
    ("67", "Bas-Rhin", "44"),
    ("68", "Haut-Rhin", "44"),
    ("69", "Rhône", "84"),
    ("70", "Haute-Saône", "27"),
    ("71", "Saône-et-Loire", "27"),
    ("72", "Sarthe", "52"),
    ("73", "Savoie", "84"),
    ("74", "Haute-Savoie", "84"),
    ("75", "Paris", "11"),
    ("76", "Seine-Maritime", "28"),
    ("77", "Seine-et-Marne", "11"),
    ("78", "Yvelines", "11"),
    ("79", "Deux-Sèvres", "75"),
    ("80", "Somme", "32"),
    ("81", "Tarn", "76"),
    ("82", "Tarn-et-Garonne", "76"),
    ("83", "Var", "93"),
    ("84", "Vaucluse", "93"),
    ("85", "Vendée", "52"),
    ("86", "Vienne", "75"),
    ("87", "Haute-Vienne", "75"),
    ("88", "Vosges", "44"),
    ("89", "Yonne", "27"),
    ("90", "Territoire de Belfort", "27"),
    ("91", "Essonne", "11"),
    ("92", "Hauts-de-Seine", "11"),
    ("93", "Seine-Saint-Denis", "11"),
    ("94", "Val-de-Marne", "11"),
    ("95", "Val-d'Oise", "11"),
    ("971", "Guadeloupe", "01"),
    ("972", "Martinique", "02"),
    ("973", "Guyane", "03"),
    ("974", "La Réunion", "04"),
    ("976", "Mayotte", "06"),
];

/// `(code, name)` of every region.
const REGIONS: &[(&str, &str)] = &[
    ("01", "Guadeloupe"),
    ("02", "Martinique"),
    ("03", "Guyane"),
    ("04", "La Réunion"),
    ("06", "Mayotte"),
    ("11", "Île-de-France"),
    ("24", "Centre-Val de Loire"),
    ("27", "Bourgogne-Franche-Comté"),
    ("28", "Normandie"),
    ("32", "Hauts-de-France"),
    ("44", "Grand Est"),
    ("52", "Pays de la Loire"),
    ("53", "Bretagne"),
    ("75", "Nouvelle-Aquitaine"),
    ("76", "Occitanie"),
    ("84", "Auvergne-Rhône-Alpes"),
    ("93", "Provence-Alpes-Côte d'Azur"),
    ("94", "Corse"),
];

/// Why a département code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("code de département inconnu")]
pub struct DepartementError;

impl DepartementError {
    pub fn message_key(&self) -> &'static str {
        "departement-unknown"
    }
}

/// A département, by its official code (`45`, `2A`, `971`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Departement(usize);

impl Departement {
    /// Accepts the code with or without a leading zero (`1` = `01`) and in
    /// any case (`2a`).
    pub fn parse(input: &str) -> Result<Departement, DepartementError> {
        let code = crate::compact(input).to_ascii_uppercase();
        let code = if code.len() == 1 && code.bytes().all(|b| b.is_ascii_digit()) {
            format!("0{code}")
        } else {
            code
        };
        DEPARTEMENTS
            .iter()
            .position(|(c, _, _)| *c == code)
            .map(Departement)
            .ok_or(DepartementError)
    }

    pub fn as_str(&self) -> &'static str {
        DEPARTEMENTS[self.0].0
    }

    /// The official name, e.g. « Indre-et-Loire ».
    pub fn nom(&self) -> &'static str {
        DEPARTEMENTS[self.0].1
    }

    pub fn region_code(&self) -> &'static str {
        DEPARTEMENTS[self.0].2
    }

    pub fn region_nom(&self) -> &'static str {
        let code = self.region_code();
        REGIONS
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n)
            .unwrap_or_default()
    }

    /// Every département, in code order, for selection lists.
    pub fn all() -> impl Iterator<Item = Departement> {
        (0..DEPARTEMENTS.len()).map(Departement)
    }
}

string_type!(Departement, DepartementError);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn campus_region() {
        let centre: Vec<_> = Departement::all()
            .filter(|d| d.region_code() == "24")
            .map(|d| d.as_str())
            .collect();
        assert_eq!(centre, ["18", "28", "36", "37", "41", "45"]);
        assert_eq!(Departement::parse("37").unwrap().nom(), "Indre-et-Loire");
        assert_eq!(
            Departement::parse("45").unwrap().region_nom(),
            "Centre-Val de Loire"
        );
        assert_eq!(Departement::parse("2a").unwrap().as_str(), "2A");
        assert_eq!(Departement::parse("1").unwrap().as_str(), "01");
        assert!(Departement::parse("20").is_err());
        assert!(Departement::parse("975").is_err());
        assert_eq!(Departement::all().count(), 101);
    }

    /// The table matches the official geographic code of the shared data.
    #[test]
    fn matches_the_official_geographic_code() {
        let Some(data) = campus_testkit::national_data("code géographique officiel") else {
            return;
        };
        let path = data.join("geo/decoupage-administratif-6.0.0/departements.json");
        let text = std::fs::read_to_string(path).unwrap();
        let official: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        for d in &official {
            let code = d["code"].as_str().unwrap();
            match Departement::parse(code) {
                Ok(dep) => {
                    assert_eq!(dep.nom(), d["nom"].as_str().unwrap());
                    assert_eq!(dep.region_code(), d["region"].as_str().unwrap());
                }
                // Overseas collectivities are not départements.
                Err(_) => assert!(code.starts_with("97") || code.starts_with("98"), "{code}"),
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,8}") {
            let _ = Departement::parse(&s);
        }
    }
}
