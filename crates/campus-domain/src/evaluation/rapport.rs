//! The campus's annual evaluation report, as plain data.
//!
//! A report sent to the Région must be reproducible byte for byte years
//! later, after the records, the registry and even the labels have
//! changed: it is stored frozen, as JSON, and rendered again from that
//! JSON alone. So a [`Rapport`] carries every string it prints — the
//! labels of axes, levers and breakdowns, what a masked cell shows — and
//! nothing its renderers would have to look up or compute from the clock.
//! What the renderers derive from it ([`format_valeur`],
//! [`FicheIndicateur::resume`]) depends on these fields only.
//!
//! French number typography: thousands are grouped with a narrow no-break
//! space ([`ESPACE_FINE`], U+202F, as CLDR's French locale does), which
//! also comes before `%`; a word unit or a scale such as `/ 5` follows a
//! no-break space ([`ESPACE_INSECABLE`]), so that a figure and its unit
//! never part at the end of a line.

use serde::{Deserialize, Serialize};

/// Groups the thousands of a figure and comes before `%`.
pub const ESPACE_FINE: char = '\u{202F}';
/// Between a figure and a word unit or a scale (`/ 5`).
pub const ESPACE_INSECABLE: char = '\u{00A0}';

/// The annual report, as produced and frozen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rapport {
    pub annee: i32,
    pub titre: String,
    pub campus: String,
    /// `AAAA-MM-JJ`: the document's date (also its metadata's).
    pub produit_le: String,
    /// The campus team's summary of the year.
    pub synthese: String,
    pub axes: Vec<SectionAxe>,
    pub methodologie: String,
    pub sources: Vec<SourceRapport>,
}

/// One axis of the action plan and its levers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionAxe {
    /// `"1"` to `"4"`.
    pub code: String,
    pub libelle: String,
    pub leviers: Vec<SectionLevier>,
}

/// One lever, the campus team's commentary on it, and its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionLevier {
    pub code: String,
    pub libelle: String,
    pub commentaire: String,
    pub indicateurs: Vec<FicheIndicateur>,
}

/// One indicator as the report shows it: its definition in force when the
/// report was produced, the year's figure, its target and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FicheIndicateur {
    pub code: String,
    pub nom: String,
    pub definition: String,
    pub formule: String,
    pub unite: String,
    /// `"hausse"` (higher is better) or `"baisse"`.
    pub sens: String,
    /// Version of the definition used.
    pub version: i32,
    pub cible: Option<f64>,
    /// The report year's figure; `None` when not available or suppressed.
    pub valeur: Option<f64>,
    /// Past years then the report's year, oldest first: the last point is
    /// the year [`FicheIndicateur::valeur`] belongs to.
    pub serie: Vec<PointSerie>,
    pub ventilation: Option<VentilationRapport>,
}

/// One year of an indicator's history.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PointSerie {
    pub annee: i32,
    pub valeur: Option<f64>,
}

/// The report year's figure broken down by one dimension, suppression
/// already applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VentilationRapport {
    /// The dimension's French label, e.g. « Département ».
    pub par: String,
    pub lignes: Vec<LigneRapport>,
}

/// One line of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LigneRapport {
    pub libelle: String,
    /// `None` when masked or not available.
    pub valeur: Option<f64>,
    /// What is printed: `"12"`, `"< 5"`, `"nd"`.
    pub affichage: String,
}

/// One imported source file the figures rest on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRapport {
    pub nom: String,
    pub fichier: String,
    /// Hexadecimal SHA-256 of the file as imported.
    pub sha256: String,
    pub importe_le: String,
    pub lignes: Option<u64>,
}

/// `valeur` in French: one decimal at most (none when it is zero),
/// thousands grouped, then the unit — `"1 234"`, `"86,7 %"`,
/// `"4,2 / 5"`, `"12 jours"`. A value that is not a number reads « nd ».
pub fn format_valeur(valeur: f64, unite: &str) -> String {
    let nombre = format_nombre(valeur);
    let unite = unite.trim();
    if unite.is_empty() || nombre == "nd" {
        nombre
    } else if unite == "%" {
        format!("{nombre}{ESPACE_FINE}%")
    } else {
        format!("{nombre}{ESPACE_INSECABLE}{unite}")
    }
}

/// `valeur` alone, in French (see [`format_valeur`]).
pub fn format_nombre(valeur: f64) -> String {
    if !valeur.is_finite() {
        return "nd".to_owned();
    }
    // Rounding through the formatter, not `(v * 10).round()`, which
    // overflows to infinity near `f64::MAX`.
    let texte = format!("{:.1}", valeur.abs());
    let (entiere, decimale) = texte.split_once('.').unwrap_or((texte.as_str(), "0"));
    let mut groupes = String::with_capacity(entiere.len() * 2);
    for (i, chiffre) in entiere.chars().enumerate() {
        if i > 0 && (entiere.len() - i) % 3 == 0 {
            groupes.push(ESPACE_FINE);
        }
        groupes.push(chiffre);
    }
    let nul = entiere.bytes().all(|b| b == b'0') && decimale == "0";
    let signe = if valeur < 0.0 && !nul { "-" } else { "" };
    if decimale == "0" {
        format!("{signe}{groupes}")
    } else {
        format!("{signe}{groupes},{decimale}")
    }
}

impl FicheIndicateur {
    /// Whether a higher figure is better (`sens` other than « baisse »).
    pub fn hausse(&self) -> bool {
        self.sens.trim() != "baisse"
    }

    /// Whether the year's figure meets its target given the direction;
    /// `None` without a figure or a target.
    pub fn atteinte(&self) -> Option<bool> {
        let (valeur, cible) = (self.valeur?, self.cible?);
        if !valeur.is_finite() || !cible.is_finite() {
            return None;
        }
        Some(if self.hausse() {
            valeur >= cible
        } else {
            valeur <= cible
        })
    }

    /// The report's year: that of the last point of the series.
    pub fn annee(&self) -> Option<i32> {
        self.serie.last().map(|p| p.annee)
    }

    /// The latest earlier year with a figure, and that figure.
    pub fn precedent(&self) -> Option<(i32, f64)> {
        let annee = self.annee()?;
        self.serie
            .iter()
            .rev()
            .filter(|p| p.annee < annee)
            .find_map(|p| p.valeur.filter(|v| v.is_finite()).map(|v| (p.annee, v)))
    }

    /// The figure in one French sentence: value and year, target and
    /// whether it is reached, change since the previous year —
    /// « 86,7 % en 2026, cible 80 % atteinte ; +3,2 points par rapport à
    /// 2025. »
    pub fn resume(&self) -> String {
        let en = self.annee().map(|a| format!(" en {a}")).unwrap_or_default();
        let cible = self.cible.filter(|c| c.is_finite());
        let Some(valeur) = self.valeur.filter(|v| v.is_finite()) else {
            return match cible {
                Some(c) => format!(
                    "Valeur non disponible{en} (cible {}).",
                    format_valeur(c, &self.unite)
                ),
                None => format!("Valeur non disponible{en}."),
            };
        };
        let mut phrase = format_valeur(valeur, &self.unite);
        phrase.push_str(&en);
        match (cible, self.atteinte()) {
            (Some(c), Some(atteinte)) => {
                phrase.push_str(", cible ");
                phrase.push_str(&format_valeur(c, &self.unite));
                phrase.push_str(if atteinte {
                    " atteinte"
                } else {
                    " non atteinte"
                });
            }
            _ => phrase.push_str(", sans cible"),
        }
        if let Some((annee, avant)) = self.precedent() {
            phrase.push_str(" ; ");
            phrase.push_str(&self.evolution(valeur - avant));
            phrase.push_str(&format!(" par rapport à {annee}"));
        }
        phrase.push('.');
        phrase
    }

    /// A change, signed, in points for a rate and in the unit otherwise.
    fn evolution(&self, ecart: f64) -> String {
        let nombre = format_nombre(ecart);
        if nombre == "0" {
            return "stable".to_owned();
        }
        let signe = if ecart > 0.0 { "+" } else { "" };
        if self.unite.trim() == "%" {
            let points = if ecart.abs() < 2.0 { "point" } else { "points" };
            format!("{signe}{nombre}{ESPACE_INSECABLE}{points}")
        } else {
            format!("{signe}{}", format_valeur(ecart, &self.unite))
        }
    }
}

/// A complete report for tests and demonstrations of the renderers: every
/// kind of line (masked, « nd », no target, no figure, falling indicator).
#[cfg(any(test, feature = "exemple"))]
pub fn exemple() -> Rapport {
    let fiche = |code: &str,
                 nom: &str,
                 unite: &str,
                 sens: &str,
                 cible: Option<f64>,
                 serie: &[Option<f64>]| {
        let serie: Vec<PointSerie> = serie
            .iter()
            .enumerate()
            .map(|(i, v)| PointSerie {
                annee: 2022 + i as i32,
                valeur: *v,
            })
            .collect();
        FicheIndicateur {
            code: code.to_owned(),
            nom: nom.to_owned(),
            definition: format!("{nom}, sur l'année civile, tous publics confondus."),
            formule: format!("compte({})", code.to_lowercase()),
            unite: unite.to_owned(),
            sens: sens.to_owned(),
            version: 1,
            cible,
            valeur: serie.last().and_then(|p| p.valeur),
            serie,
            ventilation: None,
        }
    };
    let ligne = |libelle: &str, valeur: Option<f64>, affichage: &str| LigneRapport {
        libelle: libelle.to_owned(),
        valeur,
        affichage: affichage.to_owned(),
    };
    let mut participants = fiche(
        "L1-PARTICIPANTS",
        "Participants aux événements de découverte",
        "personnes",
        "hausse",
        Some(1200.0),
        &[
            Some(640.0),
            Some(910.0),
            Some(1105.0),
            Some(1234.0),
            Some(1318.0),
        ],
    );
    participants.ventilation = Some(VentilationRapport {
        par: "Département".to_owned(),
        lignes: vec![
            ligne("Loiret (45)", Some(612.0), "612"),
            ligne("Eure-et-Loir (28)", Some(388.0), "388"),
            ligne("Indre-et-Loire (37)", Some(315.0), "315"),
            ligne("Indre (36)", None, "< 5"),
        ],
    });
    let mut reponses = fiche(
        "L2-REPONSES",
        "Candidatures ayant reçu une réponse",
        "%",
        "hausse",
        Some(80.0),
        &[None, Some(71.0), Some(79.4), Some(83.5), Some(86.7)],
    );
    reponses.ventilation = Some(VentilationRapport {
        par: "Public".to_owned(),
        lignes: vec![
            ligne("Lycéens", Some(88.2), "88,2 %"),
            ligne("Apprentis", Some(84.9), "84,9 %"),
            ligne("Demandeurs d'emploi", None, "nd"),
        ],
    });
    let delai = fiche(
        "L2-DELAI",
        "Délai médian de réponse aux candidatures",
        "jours",
        "baisse",
        Some(10.0),
        &[Some(21.0), Some(16.5), Some(12.0)],
    );
    let satisfaction = fiche(
        "L8-SATISFACTION",
        "Satisfaction des participants aux événements",
        "/ 5",
        "hausse",
        None,
        &[Some(3.9), Some(4.1), Some(4.2)],
    );
    let mobilite = fiche(
        "L7-MOBILITE",
        "Part des apprenants partis à l'étranger",
        "%",
        "hausse",
        Some(8.0),
        &[Some(2.1), Some(3.4), None],
    );
    let levier =
        |code: &str, libelle: &str, commentaire: &str, indicateurs: Vec<FicheIndicateur>| {
            SectionLevier {
                code: code.to_owned(),
                libelle: libelle.to_owned(),
                commentaire: commentaire.to_owned(),
                indicateurs,
            }
        };
    Rapport {
        annee: 2026,
        titre: "Rapport annuel d'évaluation 2026".to_owned(),
        campus: "Campus CosmetoPharma Centre-Val de Loire".to_owned(),
        produit_le: "2026-12-07".to_owned(),
        synthese: "L'année 2026 confirme la dynamique du réseau : plus de participants aux \
                   événements de découverte, des candidatures mieux suivies. La mobilité \
                   européenne reste en deçà de l'objectif de 8 %."
            .to_owned(),
        axes: vec![
            SectionAxe {
                code: "1".to_owned(),
                libelle: "Attractivité et insertion".to_owned(),
                leviers: vec![
                    levier(
                        "L1",
                        "Attractivité des métiers",
                        "Les ateliers de découverte ont été ouverts aux collégiens du Loiret \
                         et de l'Indre-et-Loire ; l'Indre reste à conquérir.",
                        vec![participants],
                    ),
                    levier(
                        "L2",
                        "Insertion professionnelle",
                        "Les entreprises du réseau répondent plus vite aux candidatures.",
                        vec![reponses, delai],
                    ),
                ],
            },
            SectionAxe {
                code: "4".to_owned(),
                libelle: "Animation et évaluation".to_owned(),
                leviers: vec![
                    levier(
                        "L7",
                        "Mobilité européenne",
                        "Les départs de 2026 ne sont pas encore tous enregistrés.",
                        vec![mobilite],
                    ),
                    levier(
                        "L8",
                        "Évaluation des actions",
                        "Enquêtes de satisfaction menées après chaque événement.",
                        vec![satisfaction],
                    ),
                ],
            },
        ],
        methodologie: "Chaque indicateur est recalculé à partir des enregistrements de la \
                       plateforme selon la définition en vigueur. Les effectifs inférieurs à 5 \
                       sont masqués et les taux dont le dénominateur est inférieur à 20 sont \
                       notés « nd »."
            .to_owned(),
        sources: vec![SourceRapport {
            nom: "InserJeunes".to_owned(),
            fichier: "ij_region_data.csv.gz".to_owned(),
            sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".to_owned(),
            importe_le: "2026-11-30".to_owned(),
            lignes: Some(48_213),
        }],
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn fiche(
        unite: &str,
        sens: &str,
        cible: Option<f64>,
        serie: &[(i32, Option<f64>)],
    ) -> FicheIndicateur {
        FicheIndicateur {
            code: "X".into(),
            nom: "X".into(),
            definition: String::new(),
            formule: String::new(),
            unite: unite.into(),
            sens: sens.into(),
            version: 1,
            cible,
            valeur: serie.last().and_then(|p| p.1),
            serie: serie
                .iter()
                .map(|&(annee, valeur)| PointSerie { annee, valeur })
                .collect(),
            ventilation: None,
        }
    }

    #[test]
    fn numbers_in_french() {
        assert_eq!(format_valeur(1234.0, ""), "1\u{202F}234");
        assert_eq!(format_valeur(86.7, "%"), "86,7\u{202F}%");
        assert_eq!(format_valeur(80.0, "%"), "80\u{202F}%");
        assert_eq!(format_valeur(4.2, "/ 5"), "4,2\u{A0}/ 5");
        assert_eq!(
            format_valeur(1_234_567.04, "personnes"),
            "1\u{202F}234\u{202F}567\u{A0}personnes"
        );
        assert_eq!(format_valeur(-1234.56, ""), "-1\u{202F}234,6");
        assert_eq!(format_valeur(-0.01, ""), "0");
        assert_eq!(format_valeur(999.96, ""), "1\u{202F}000");
        assert_eq!(format_valeur(f64::NAN, "%"), "nd");
        assert_eq!(format_valeur(f64::INFINITY, "%"), "nd");
    }

    #[test]
    fn summary_of_a_rate() {
        let f = fiche(
            "%",
            "hausse",
            Some(80.0),
            &[(2025, Some(83.5)), (2026, Some(86.7))],
        );
        assert_eq!(
            f.resume(),
            "86,7\u{202F}% en 2026, cible 80\u{202F}% atteinte ; +3,2\u{A0}points par rapport à 2025."
        );
    }

    #[test]
    fn summary_of_a_falling_indicator_and_gaps() {
        let f = fiche(
            "jours",
            "baisse",
            Some(10.0),
            &[(2024, Some(16.5)), (2025, None), (2026, Some(12.0))],
        );
        assert_eq!(f.atteinte(), Some(false));
        assert_eq!(
            f.resume(),
            "12\u{A0}jours en 2026, cible 10\u{A0}jours non atteinte ; -4,5\u{A0}jours par rapport à 2024."
        );
        let f = fiche("%", "hausse", None, &[(2026, Some(3.0))]);
        assert_eq!(f.resume(), "3\u{202F}% en 2026, sans cible.");
        let f = fiche("%", "hausse", Some(8.0), &[(2025, Some(3.0)), (2026, None)]);
        assert_eq!(
            f.resume(),
            "Valeur non disponible en 2026 (cible 8\u{202F}%)."
        );
        let f = fiche(
            "%",
            "hausse",
            Some(1.0),
            &[(2025, Some(3.0)), (2026, Some(3.01))],
        );
        assert!(
            f.resume()
                .ends_with("atteinte ; stable par rapport à 2025."),
            "{}",
            f.resume()
        );
        let f = fiche("%", "hausse", None, &[(2025, Some(3.0)), (2026, Some(4.5))]);
        assert!(f.resume().contains("+1,5\u{A0}point par"), "{}", f.resume());
    }

    #[test]
    fn the_example_round_trips_through_json() {
        let r = exemple();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Rapport>(&json).unwrap(), r);
    }

    proptest! {
        #[test]
        fn any_value_formats_without_panic(v in proptest::num::f64::ANY, unite in ".{0,6}") {
            let texte = format_valeur(v, &unite);
            prop_assert!(!texte.is_empty());
            let f = fiche(&unite, "baisse", Some(v), &[(2025, Some(-v)), (2026, Some(v))]);
            prop_assert!(f.resume().ends_with('.'));
        }
    }
}
