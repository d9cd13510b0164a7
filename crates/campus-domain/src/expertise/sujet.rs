//! What an expert can be asked about, and what a request is about: the
//! same type on both sides, so that a request meets the experts whose
//! subjects it names.
//!
//! Three kinds are codes of the platform's referentials — a ROME
//! professional domain, a ROME skill, a pooled equipment — because codes
//! match whatever words people use; the fourth, a free keyword, covers
//! what no referential names yet (« tensioactifs biosourcés »), and is
//! compared without case or accents.

use crate::{compact, fold_accents};

/// Longest keyword, in characters.
pub const MOT_CLE_MAX: usize = 60;
/// Shortest keyword: one letter matches far too much.
pub const MOT_CLE_MIN: usize = 2;
/// Longest equipment identifier (the platform's slugs stop at 80).
pub const EQUIPEMENT_MAX: usize = 80;
/// Longest ROME skill code.
pub const COMPETENCE_MAX: usize = 10;

/// Why a subject was refused. Each has a message key
/// (`expert-error-sujet-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SujetError {
    #[error("type de sujet inconnu")]
    TypeInconnu,
    #[error("un domaine professionnel est une lettre de A à N suivie de deux chiffres")]
    Domaine,
    #[error("un code de compétence ROME compte de 1 à 10 chiffres")]
    Competence,
    #[error("identifiant d'équipement invalide")]
    Equipement,
    #[error("un mot-clé compte de 2 à 60 caractères")]
    MotCle,
}

impl SujetError {
    pub fn message_key(&self) -> &'static str {
        match self {
            SujetError::TypeInconnu => "expert-error-sujet-type-inconnu",
            SujetError::Domaine => "expert-error-sujet-domaine",
            SujetError::Competence => "expert-error-sujet-competence",
            SujetError::Equipement => "expert-error-sujet-equipement",
            SujetError::MotCle => "expert-error-sujet-mot-cle",
        }
    }
}

/// A subject, valid by construction when built by [`SujetExpert::parse`].
///
/// Equality is that of the stored values; two keywords that differ only
/// by case or accents are the same subject for [`SujetExpert::cle`],
/// which lists and matches use.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SujetExpert {
    /// A ROME 4.0 professional domain: the letter of the field (A to N)
    /// and two digits, such as `H33`.
    Domaine(String),
    /// A ROME skill, by its code (digits).
    Competence(String),
    /// A pooled equipment of the technology platform, by its slug.
    Equipement(String),
    /// A free keyword, trimmed, its inner spaces collapsed, as typed.
    MotCle(String),
}

impl SujetExpert {
    /// The kinds, as forms and the store name them.
    pub const KINDS: [&'static str; 4] = ["domaine", "competence", "equipement", "mot_cle"];

    /// A subject from its kind and its value as typed.
    pub fn parse(kind: &str, value: &str) -> Result<SujetExpert, SujetError> {
        match kind.trim() {
            "domaine" => parse_domaine(value).map(SujetExpert::Domaine),
            "competence" => parse_competence(value).map(SujetExpert::Competence),
            "equipement" => parse_equipement(value).map(SujetExpert::Equipement),
            "mot_cle" => parse_mot_cle(value).map(SujetExpert::MotCle),
            _ => Err(SujetError::TypeInconnu),
        }
    }

    /// The kind, one of [`SujetExpert::KINDS`].
    pub fn kind(&self) -> &'static str {
        match self {
            SujetExpert::Domaine(_) => "domaine",
            SujetExpert::Competence(_) => "competence",
            SujetExpert::Equipement(_) => "equipement",
            SujetExpert::MotCle(_) => "mot_cle",
        }
    }

    /// The value: the code, or the keyword as typed.
    pub fn code(&self) -> &str {
        match self {
            SujetExpert::Domaine(c)
            | SujetExpert::Competence(c)
            | SujetExpert::Equipement(c)
            | SujetExpert::MotCle(c) => c,
        }
    }

    /// Key of the kind's label in the translation files.
    pub fn label_key(&self) -> &'static str {
        match self {
            SujetExpert::Domaine(_) => "expert-sujet-domaine",
            SujetExpert::Competence(_) => "expert-sujet-competence",
            SujetExpert::Equipement(_) => "expert-sujet-equipement",
            SujetExpert::MotCle(_) => "expert-sujet-mot_cle",
        }
    }

    /// What two subjects are compared by: the kind and the code, a
    /// keyword folded to lower-case ASCII (« Émulsion » is « emulsion »).
    pub fn cle(&self) -> (&'static str, String) {
        let code = match self {
            SujetExpert::MotCle(mot) => fold_accents(mot),
            other => other.code().to_owned(),
        };
        (self.kind(), code)
    }
}

/// A letter from A to N and two digits; lower case and spaces accepted.
fn parse_domaine(value: &str) -> Result<String, SujetError> {
    let code = compact(value).to_ascii_uppercase();
    let bytes = code.as_bytes();
    let valid = bytes.len() == 3
        && (b'A'..=b'N').contains(&bytes[0])
        && bytes[1..].iter().all(u8::is_ascii_digit);
    if valid {
        Ok(code)
    } else {
        Err(SujetError::Domaine)
    }
}

/// One to [`COMPETENCE_MAX`] digits.
fn parse_competence(value: &str) -> Result<String, SujetError> {
    let code = compact(value);
    if (1..=COMPETENCE_MAX).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(SujetError::Competence)
    }
}

/// Lower-case ASCII letters, digits and dashes, at most
/// [`EQUIPEMENT_MAX`]; upper case is lowered.
fn parse_equipement(value: &str) -> Result<String, SujetError> {
    let slug = value.trim().to_ascii_lowercase();
    let valid = (1..=EQUIPEMENT_MAX).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(slug)
    } else {
        Err(SujetError::Equipement)
    }
}

/// Words separated by single spaces, [`MOT_CLE_MIN`] to [`MOT_CLE_MAX`]
/// characters, no control character.
fn parse_mot_cle(value: &str) -> Result<String, SujetError> {
    let mot = value.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = mot.chars().count();
    if (MOT_CLE_MIN..=MOT_CLE_MAX).contains(&len) && !mot.chars().any(char::is_control) {
        Ok(mot)
    } else {
        Err(SujetError::MotCle)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_kind_has_its_format() {
        let p = SujetExpert::parse;
        assert_eq!(
            p("domaine", " h33 "),
            Ok(SujetExpert::Domaine("H33".into()))
        );
        assert_eq!(p("domaine", "O12"), Err(SujetError::Domaine));
        assert_eq!(p("domaine", "H3301"), Err(SujetError::Domaine));
        assert_eq!(p("domaine", "H3"), Err(SujetError::Domaine));
        assert_eq!(
            p("competence", "100 123"),
            Ok(SujetExpert::Competence("100123".into()))
        );
        assert_eq!(p("competence", "12345678901"), Err(SujetError::Competence));
        assert_eq!(p("competence", "12a"), Err(SujetError::Competence));
        assert_eq!(p("competence", ""), Err(SujetError::Competence));
        assert_eq!(
            p("equipement", "Rheometre-Plan-2"),
            Ok(SujetExpert::Equipement("rheometre-plan-2".into()))
        );
        assert_eq!(p("equipement", "rhéomètre"), Err(SujetError::Equipement));
        assert_eq!(
            p("equipement", &"a".repeat(81)),
            Err(SujetError::Equipement)
        );
        assert_eq!(
            p("mot_cle", "  Émulsions   de\tPickering "),
            Ok(SujetExpert::MotCle("Émulsions de Pickering".into()))
        );
        assert_eq!(p("mot_cle", "x"), Err(SujetError::MotCle));
        assert_eq!(p("mot_cle", &"é".repeat(61)), Err(SujetError::MotCle));
        assert_eq!(p("mot_cle", "a\u{0}b"), Err(SujetError::MotCle));
        assert_eq!(p("metier", "H3301"), Err(SujetError::TypeInconnu));
    }

    #[test]
    fn kinds_and_keys() {
        for kind in SujetExpert::KINDS {
            let value = match kind {
                "domaine" => "A11",
                "competence" => "1",
                "equipement" => "hplc",
                _ => "galénique",
            };
            let sujet = SujetExpert::parse(kind, value).unwrap();
            assert_eq!(sujet.kind(), kind);
            assert_eq!(sujet.code(), value);
            assert_eq!(sujet.label_key(), format!("expert-sujet-{kind}"));
        }
        let a = SujetExpert::parse("mot_cle", "Contrôle QUALITÉ").unwrap();
        let b = SujetExpert::parse("mot_cle", "controle qualite").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.cle(), b.cle());
        assert_eq!(a.code(), "Contrôle QUALITÉ");
    }

    proptest! {
        #[test]
        fn never_panics_and_gives_a_valid_subject(
            kind in prop::sample::select(vec!["domaine", "competence", "equipement", "mot_cle", "autre"]),
            value in "\\PC{0,90}",
        ) {
            if let Ok(sujet) = SujetExpert::parse(kind, &value) {
                // Parsing is idempotent: a stored subject reads back.
                prop_assert_eq!(SujetExpert::parse(sujet.kind(), sujet.code()), Ok(sujet.clone()));
                prop_assert!(!sujet.code().is_empty());
            }
        }

        #[test]
        fn valid_codes_are_accepted(letter in "[A-N]", digits in "[0-9]{2}", skill in "[0-9]{1,10}", slug in "[a-z0-9-]{1,80}") {
            let domaine = format!("{letter}{digits}");
            prop_assert_eq!(SujetExpert::parse("domaine", &domaine), Ok(SujetExpert::Domaine(domaine.clone())));
            prop_assert_eq!(SujetExpert::parse("competence", &skill), Ok(SujetExpert::Competence(skill.clone())));
            prop_assert_eq!(SujetExpert::parse("equipement", &slug), Ok(SujetExpert::Equipement(slug.clone())));
        }
    }
}
