//! An indicator as the campus team keeps it: its code and lever, which
//! never change, and its *fiche* — name, definition, formula, unit,
//! denominator, breakdowns, direction — of which every edit is a new
//! version, so that a figure computed last year is read with the
//! definition then in force. Also the team's target for a year.
//!
//! Everything typed in a form is checked here: a formula over a record
//! kind or field that does not exist, a breakdown its kind does not carry,
//! a target that is not a number are refused with a message that names
//! the culprit, before anything is stored.

use std::fmt;

use super::formule::{Formule, FormuleError};
use super::registre::{self, Levier, REGISTRE, Sens, Ventilation};
use crate::text::{TextError, optional_text, required_text};

/// Longest name, definition, unit and denominator text.
pub const NOM_MAX: usize = 200;
pub const DEFINITION_MAX: usize = 2_000;
pub const UNITE_MAX: usize = 30;
pub const DENOMINATEUR_MAX: usize = 500;

/// An indicator's code: `L`, its lever's digit, `-`, then 2 to 30 capital
/// letters, digits or dashes (`L1-ATELIERS`). The digit makes the lever
/// readable in every export, so it must be the indicator's own lever.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeIndicateur(String);

impl CodeIndicateur {
    /// Reads a code of the shape above, whatever its lever.
    pub fn parse(text: &str) -> Result<CodeIndicateur, IndicateurError> {
        let text = text.trim();
        let invalide = || IndicateurError::CodeInvalide(text.chars().take(40).collect());
        let rest = text.strip_prefix('L').ok_or_else(invalide)?;
        let mut chars = rest.chars();
        let digit = chars.next().ok_or_else(invalide)?;
        if !('1'..='8').contains(&digit) || chars.next() != Some('-') {
            return Err(invalide());
        }
        let suffix = chars.as_str();
        let len = suffix.chars().count();
        if !(2..=30).contains(&len)
            || !suffix
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(invalide());
        }
        Ok(CodeIndicateur(text.to_owned()))
    }

    /// Reads a code that must belong to `levier`.
    pub fn of_levier(text: &str, levier: Levier) -> Result<CodeIndicateur, IndicateurError> {
        let code = CodeIndicateur::parse(text)?;
        if code.levier() != Some(levier) {
            return Err(IndicateurError::CodeAutreLevier {
                code: code.0,
                levier: levier.as_str(),
            });
        }
        Ok(code)
    }

    /// The lever its digit names.
    pub fn levier(&self) -> Option<Levier> {
        self.0.get(1..2).and_then(|d| Levier::parse(d).ok())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CodeIndicateur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The versioned part of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Fiche {
    pub nom: String,
    pub definition: String,
    pub formule: Formule,
    pub unite: String,
    /// What a rate is taken over, in words.
    pub denominateur: Option<String>,
    /// Offered breakdowns, in the registry's order, each carried by the
    /// formula's record kind.
    pub ventilations: Vec<Ventilation>,
    pub sens: Sens,
}

/// An indicator and the version of its fiche.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicateur {
    pub code: CodeIndicateur,
    pub levier: Levier,
    /// 1 for the first fiche, one more at each edit.
    pub version: u32,
    pub fiche: Fiche,
}

/// The fields of the indicator form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieFiche {
    pub nom: String,
    pub definition: String,
    pub formule: String,
    pub unite: String,
    pub denominateur: String,
    pub ventilations: Vec<String>,
    pub sens: String,
}

/// The form field an error is about (its `name` in the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChampFiche {
    Levier,
    Code,
    Nom,
    Definition,
    Formule,
    Unite,
    Denominateur,
    Ventilations,
    Sens,
}

impl ChampFiche {
    pub fn as_str(self) -> &'static str {
        match self {
            ChampFiche::Levier => "levier",
            ChampFiche::Code => "code",
            ChampFiche::Nom => "nom",
            ChampFiche::Definition => "definition",
            ChampFiche::Formule => "formule",
            ChampFiche::Unite => "unite",
            ChampFiche::Denominateur => "denominateur",
            ChampFiche::Ventilations => "ventilations",
            ChampFiche::Sens => "sens",
        }
    }
}

/// Why a part of an indicator was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndicateurError {
    #[error("choisissez un levier du plan d'action")]
    LevierInconnu,
    #[error(
        "le code « {0} » doit s'écrire L, le chiffre du levier, un tiret, puis 2 à 30 majuscules, chiffres ou tirets (par exemple L1-ATELIERS)"
    )]
    CodeInvalide(String),
    #[error("le code « {code} » doit commencer par L{levier}- : c'est le levier choisi")]
    CodeAutreLevier { code: String, levier: &'static str },
    #[error("{champ} : {erreur}")]
    Texte {
        champ: &'static str,
        erreur: TextError,
    },
    #[error("formule refusée : {0}")]
    Formule(FormuleError),
    #[error("ventilation inconnue « {0} »")]
    VentilationInconnue(String),
    #[error("les enregistrements « {genre} » ne se ventilent pas par {ventilation}")]
    VentilationImpossible {
        genre: &'static str,
        ventilation: &'static str,
    },
    #[error("choisissez le sens : hausse ou baisse")]
    SensInconnu,
}

/// Every refusal of one form, field by field.
pub type Erreurs = Vec<(ChampFiche, IndicateurError)>;

fn texte(
    erreurs: &mut Erreurs,
    champ: ChampFiche,
    libelle: &'static str,
    result: Result<Option<String>, TextError>,
) -> Option<String> {
    match result {
        Ok(t) => Some(t.unwrap_or_default()),
        Err(erreur) => {
            erreurs.push((
                champ,
                IndicateurError::Texte {
                    champ: libelle,
                    erreur,
                },
            ));
            None
        }
    }
}

impl Fiche {
    /// Checks every field of the form; all refusals are returned at once.
    pub fn parse(s: &SaisieFiche) -> Result<Fiche, Erreurs> {
        let mut erreurs = Erreurs::new();
        let nom = texte(
            &mut erreurs,
            ChampFiche::Nom,
            "nom",
            required_text(&s.nom, NOM_MAX).map(Some),
        );
        let definition = texte(
            &mut erreurs,
            ChampFiche::Definition,
            "définition",
            optional_text(&s.definition, DEFINITION_MAX),
        );
        let unite = texte(
            &mut erreurs,
            ChampFiche::Unite,
            "unité",
            optional_text(&s.unite, UNITE_MAX),
        );
        let denominateur = texte(
            &mut erreurs,
            ChampFiche::Denominateur,
            "dénominateur",
            optional_text(&s.denominateur, DENOMINATEUR_MAX),
        );
        let formule = Formule::parse(&s.formule)
            .and_then(|f| f.verifier(REGISTRE).map(|()| f))
            .map_err(|e| erreurs.push((ChampFiche::Formule, IndicateurError::Formule(e))))
            .ok();
        let sens = Sens::parse(&s.sens)
            .map_err(|_| erreurs.push((ChampFiche::Sens, IndicateurError::SensInconnu)))
            .ok();
        let ventilations = match ventilations(&s.ventilations, formule.as_ref()) {
            Ok(v) => Some(v),
            Err(e) => {
                erreurs.push((ChampFiche::Ventilations, e));
                None
            }
        };
        match (
            nom,
            definition,
            formule,
            unite,
            denominateur,
            ventilations,
            sens,
        ) {
            (
                Some(nom),
                Some(definition),
                Some(formule),
                Some(unite),
                Some(denominateur),
                Some(ventilations),
                Some(sens),
            ) if erreurs.is_empty() => Ok(Fiche {
                nom,
                definition,
                formule,
                unite,
                denominateur: Some(denominateur).filter(|d| !d.is_empty()),
                ventilations,
                sens,
            }),
            _ => Err(erreurs),
        }
    }

    /// The fiche as the form shows it.
    pub fn saisie(&self) -> SaisieFiche {
        SaisieFiche {
            nom: self.nom.clone(),
            definition: self.definition.clone(),
            formule: self.formule.to_string(),
            unite: self.unite.clone(),
            denominateur: self.denominateur.clone().unwrap_or_default(),
            ventilations: self
                .ventilations
                .iter()
                .map(|v| v.as_str().to_owned())
                .collect(),
            sens: self.sens.as_str().to_owned(),
        }
    }
}

/// The breakdowns asked for, each one the formula's kind carries. Without
/// a valid formula only the names are checked.
fn ventilations(
    noms: &[String],
    formule: Option<&Formule>,
) -> Result<Vec<Ventilation>, IndicateurError> {
    let genre = formule.and_then(|f| registre::genre(&f.selection.genre));
    let mut choisies = Vec::new();
    for nom in noms.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let v = Ventilation::parse(nom)
            .map_err(|_| IndicateurError::VentilationInconnue(nom.chars().take(40).collect()))?;
        if let Some(g) = genre
            && !g.ventilations.contains(&v)
        {
            return Err(IndicateurError::VentilationImpossible {
                genre: g.nom,
                ventilation: v.libelle(),
            });
        }
        choisies.push(v);
    }
    Ok(Ventilation::all()
        .filter(|v| choisies.contains(v))
        .collect())
}

/// Parses the stored comma list of breakdowns.
pub fn ventilations_stockees(text: &str) -> Result<Vec<Ventilation>, IndicateurError> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            Ventilation::parse(t)
                .map_err(|_| IndicateurError::VentilationInconnue(t.chars().take(40).collect()))
        })
        .collect()
}

/// The comma list stored for `ventilations`.
pub fn ventilations_en_texte(ventilations: &[Ventilation]) -> String {
    ventilations
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

impl Indicateur {
    /// A default indicator of the registry, as version 1.
    pub fn par_defaut(d: &registre::IndicateurParDefaut) -> Result<Indicateur, IndicateurError> {
        let formule = Formule::parse(d.formule)
            .and_then(|f| f.verifier(REGISTRE).map(|()| f))
            .map_err(IndicateurError::Formule)?;
        Ok(Indicateur {
            code: CodeIndicateur::of_levier(d.code, d.levier)?,
            levier: d.levier,
            version: 1,
            fiche: Fiche {
                nom: d.nom.to_owned(),
                definition: d.definition.to_owned(),
                formule,
                unite: d.unite.to_owned(),
                denominateur: d.denominateur.map(str::to_owned),
                ventilations: d.ventilations.to_vec(),
                sens: d.sens,
            },
        })
    }
}

/// The campus team's target for one year: a finite, non-negative number.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Cible(f64);

/// Largest target accepted: beyond it the figure is a typing slip.
pub const CIBLE_MAX: f64 = 1e12;

/// Why a target was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CibleError {
    #[error("indiquez la cible, un nombre")]
    Vide,
    #[error("la cible « {0} » n'est pas un nombre")]
    PasUnNombre(String),
    #[error("la cible ne peut pas être négative")]
    Negative,
    #[error("la cible dépasse mille milliards")]
    TropGrande,
    #[error("l'année « {0} » n'est pas une année entre 2000 et 2100")]
    Annee(String),
}

impl Cible {
    /// Reads a number as the French write it: `12,5`, `1 200`, `12.5`.
    pub fn parse(text: &str) -> Result<Cible, CibleError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CibleError::Vide);
        }
        let pas_un_nombre = || CibleError::PasUnNombre(text.chars().take(40).collect());
        let compact: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        let (negatif, chiffres) = match compact.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, compact.as_str()),
        };
        let bien_forme = chiffres.chars().any(|c| c.is_ascii_digit())
            && chiffres.chars().all(|c| c.is_ascii_digit() || c == '.')
            && chiffres.matches('.').count() <= 1;
        if !bien_forme {
            return Err(pas_un_nombre());
        }
        let valeur: f64 = chiffres.parse().map_err(|_| pas_un_nombre())?;
        if negatif && valeur != 0.0 {
            return Err(CibleError::Negative);
        }
        Cible::new(valeur)
    }

    /// A stored value, checked as a typed one.
    pub fn new(valeur: f64) -> Result<Cible, CibleError> {
        if !valeur.is_finite() {
            return Err(CibleError::PasUnNombre(valeur.to_string()));
        }
        if valeur < 0.0 {
            return Err(CibleError::Negative);
        }
        if valeur > CIBLE_MAX {
            return Err(CibleError::TropGrande);
        }
        // No negative zero: it would print as "-0".
        Ok(Cible(valeur.abs()))
    }

    pub fn valeur(self) -> f64 {
        self.0
    }
}

/// The year of a target, between 2000 and 2100.
pub fn annee_cible(text: &str) -> Result<i32, CibleError> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|a| (2000..=2100).contains(a))
        .ok_or_else(|| CibleError::Annee(text.trim().chars().take(20).collect()))
}

/// French writing: decimal comma, no thousands separator (so that the
/// text reads back as the same number).
impl fmt::Display for Cible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_string().replace('.', ","))
    }
}

/// Longest commentary of a lever for a year.
pub const COMMENTAIRE_MAX: usize = 20_000;

/// The campus team's commentary on a lever for a year, printed in the
/// annual report; empty text clears it.
pub fn commentaire(text: &str) -> Result<Option<String>, TextError> {
    optional_text(text, COMMENTAIRE_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn saisie() -> SaisieFiche {
        SaisieFiche {
            nom: "Ateliers".into(),
            definition: "Nombre d'ateliers.".into(),
            formule: "compte( evenements )".into(),
            unite: "ateliers".into(),
            denominateur: String::new(),
            ventilations: vec!["departement".into(), "annee".into()],
            sens: "hausse".into(),
        }
    }

    #[test]
    fn codes_name_their_lever() {
        assert!(CodeIndicateur::parse("L1-ATELIERS").is_ok());
        assert!(CodeIndicateur::parse("L8-A2-B").is_ok());
        for bad in [
            "",
            "L9-AB",
            "L1-A",
            "L1ATELIERS",
            "l1-ab",
            "L1-ab",
            "M1-AB",
            "L1-",
        ] {
            assert!(CodeIndicateur::parse(bad).is_err(), "{bad}");
        }
        assert!(CodeIndicateur::parse(&format!("L1-{}", "A".repeat(31))).is_err());
        assert_eq!(
            CodeIndicateur::parse("L7-PART").unwrap().levier(),
            Some(Levier::PartenariatsEuropeens)
        );
        let err = CodeIndicateur::of_levier("L2-X1", Levier::Attractivite).unwrap_err();
        assert!(err.to_string().contains("L1-"), "{err}");
    }

    #[test]
    fn a_fiche_is_checked_field_by_field() {
        let f = Fiche::parse(&saisie()).unwrap();
        assert_eq!(f.formule.to_string(), "compte(evenements)");
        assert_eq!(
            f.ventilations,
            vec![Ventilation::Annee, Ventilation::Departement]
        );
        assert_eq!(f.denominateur, None);
        assert_eq!(Fiche::parse(&f.saisie()).unwrap(), f);

        let erreurs = Fiche::parse(&SaisieFiche {
            nom: " ".into(),
            formule: "compte(licornes)".into(),
            sens: "vers le haut".into(),
            ..saisie()
        })
        .unwrap_err();
        let champs: Vec<_> = erreurs.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            champs,
            vec![ChampFiche::Nom, ChampFiche::Formule, ChampFiche::Sens]
        );
        assert!(erreurs[1].1.to_string().contains("« licornes »"));
    }

    #[test]
    fn breakdowns_must_be_carried_by_the_kind() {
        let err = Fiche::parse(&SaisieFiche {
            ventilations: vec!["public".into()],
            ..saisie()
        })
        .unwrap_err();
        assert_eq!(err[0].0, ChampFiche::Ventilations);
        assert_eq!(
            err[0].1.to_string(),
            "les enregistrements « evenements » ne se ventilent pas par public"
        );
        let err = Fiche::parse(&SaisieFiche {
            ventilations: vec!["couleur".into()],
            ..saisie()
        })
        .unwrap_err();
        assert!(err[0].1.to_string().contains("« couleur »"));
    }

    #[test]
    fn every_default_is_a_valid_indicator() {
        for d in registre::INDICATEURS_PAR_DEFAUT {
            let i = Indicateur::par_defaut(d).unwrap();
            assert_eq!(Fiche::parse(&i.fiche.saisie()).unwrap(), i.fiche);
            assert_eq!(
                ventilations_stockees(&ventilations_en_texte(&i.fiche.ventilations)).unwrap(),
                i.fiche.ventilations
            );
        }
    }

    #[test]
    fn targets_read_french_numbers() {
        assert_eq!(Cible::parse("12,5").unwrap().valeur(), 12.5);
        assert_eq!(Cible::parse("1 200").unwrap().valeur(), 1200.0);
        assert_eq!(Cible::parse("1\u{202f}200,25").unwrap().valeur(), 1200.25);
        assert_eq!(Cible::parse("8").unwrap().to_string(), "8");
        assert_eq!(Cible::parse("0,08").unwrap().to_string(), "0,08");
        assert_eq!(
            Cible::parse("abc").unwrap_err().to_string(),
            "la cible « abc » n'est pas un nombre"
        );
        for bad in ["NaN", "inf", "1e3", "1,2,3", ",", "12 %", "--1"] {
            assert!(
                matches!(Cible::parse(bad), Err(CibleError::PasUnNombre(_))),
                "{bad}"
            );
        }
        assert_eq!(Cible::parse("-3"), Err(CibleError::Negative));
        assert_eq!(Cible::parse(""), Err(CibleError::Vide));
        assert_eq!(Cible::new(f64::NAN).ok(), None);
        assert_eq!(Cible::new(f64::INFINITY).ok(), None);
        assert_eq!(annee_cible("2026"), Ok(2026));
        assert!(annee_cible("deux mille").is_err());
    }

    proptest! {
        #[test]
        fn any_text_is_a_target_or_refused(text in "\\PC{0,40}") {
            if let Ok(c) = Cible::parse(&text) {
                prop_assert!(c.valeur().is_finite() && c.valeur() >= 0.0);
                prop_assert_eq!(Cible::parse(&c.to_string()), Ok(c));
            }
        }

        #[test]
        fn targets_read_back(v in 0.0f64..1e12) {
            let c = Cible::new(v).unwrap();
            prop_assert_eq!(Cible::parse(&c.to_string()), Ok(c));
        }

        #[test]
        fn number_like_text_reads_back(text in "-?[0-9 ]{0,8}[,.]?[0-9]{0,6}") {
            if let Ok(c) = Cible::parse(&text) {
                prop_assert_eq!(Cible::parse(&c.to_string()), Ok(c));
            }
        }

        #[test]
        fn any_code_is_read_or_refused(text in "\\PC{0,40}") {
            if let Ok(c) = CodeIndicateur::parse(&text) {
                prop_assert!(c.levier().is_some());
                prop_assert_eq!(CodeIndicateur::parse(c.as_str()), Ok(c));
            }
        }
    }
}
