//! Certifications: the national registers (RNCP, Répertoire spécifique) as
//! published by France compétences, and the Certif Info base of the
//! Carif-Oref network.

use crate::CodeRome;

/// A certification code of a register: `RNCP36085`, `RS5000`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodeCertification(String);

/// Why a certification code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("un code de certification est RNCP ou RS suivi de chiffres")]
pub struct CodeCertificationError;

impl CodeCertificationError {
    pub fn message_key(&self) -> &'static str {
        "code-certification-format"
    }
}

impl CodeCertification {
    /// Accepts `RNCP36085`, `rncp 36085`, `RS5000`.
    pub fn parse(input: &str) -> Result<CodeCertification, CodeCertificationError> {
        let code = crate::compact(input).to_ascii_uppercase();
        let digits = code
            .strip_prefix("RNCP")
            .or_else(|| code.strip_prefix("RS"))
            .ok_or(CodeCertificationError)?;
        if digits.is_empty()
            || digits.len() > 7
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(CodeCertificationError);
        }
        Ok(CodeCertification(code))
    }

    /// A code from a register and the bare number Certif Info gives.
    pub fn from_number(
        register: &str,
        number: &str,
    ) -> Result<CodeCertification, CodeCertificationError> {
        CodeCertification::parse(&format!("{register}{}", number.trim()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_rncp(&self) -> bool {
        self.0.starts_with("RNCP")
    }
}

crate::string_type!(CodeCertification, CodeCertificationError);

/// The level of a certification in the national framework (3 to 8), and
/// what it means to a pupil: CAP is « Bac-3 »… a master « Bac+5 ».
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Niveau(u8);

impl Niveau {
    pub fn new(level: u8) -> Option<Niveau> {
        (3..=8).contains(&level).then_some(Niveau(level))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Key of the level's meaning in the translation files.
    pub fn label_key(self) -> &'static str {
        match self.0 {
            3 => "niveau-3",
            4 => "niveau-4",
            5 => "niveau-5",
            6 => "niveau-6",
            7 => "niveau-7",
            _ => "niveau-8",
        }
    }
}

/// A certification of the Certif Info base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertifInfo {
    pub code_diplome: i64,
    pub libelle: String,
    pub type_libelle: Option<String>,
    pub niveau: Option<Niveau>,
    pub date_maj: Option<String>,
    pub formacode: Option<String>,
    pub formacode_libelle: Option<String>,
    pub romes: Vec<CodeRome>,
    pub nsf: Option<String>,
    pub rncp: Option<CodeCertification>,
    pub rs: Option<CodeCertification>,
    /// The Éducation nationale code (CFD, « code scolarité »).
    pub cfd: Option<String>,
    pub valideur: Option<String>,
    pub certificateur: Option<String>,
    pub etat: Option<String>,
    pub etat_libelle: Option<String>,
    /// The RNCP certification this one renews (`Code_Ancien_RNCP`): the
    /// older one is then no longer what people look for.
    pub ancien_rncp: Option<CodeCertification>,
    /// Certif Info's accessibility flags, as published: initial training,
    /// apprenticeship, continuing education, professionalisation contract,
    /// VAE, individual candidates.
    pub accessibilite: String,
}

/// A bloc de compétences of an RNCP certification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bloc {
    /// `RNCP36085BC01`.
    pub code: String,
    pub certification: CodeCertification,
    pub libelle: String,
}

/// A trade a certification leads to, as France compétences' RNCP → ROME
/// correspondence table of 2021 lists it: a ROME v3 code, which the 4.0
/// fiches split from it reach through their `code_rome_parent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrespondanceRome {
    pub certification: CodeCertification,
    pub code_rome: CodeRome,
    pub libelle: String,
}

/// A row of the « Kit apprentissage » (mission apprentissage): a diploma
/// (CFD) with its RNCP fiche, and whether that fiche is open to
/// apprenticeship and until when it is registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitApprentissage {
    /// The Éducation nationale diploma code (8 characters).
    pub cfd: String,
    /// `None` where the kit writes `NR` (not stated).
    pub rncp: Option<CodeCertification>,
    pub intitule: String,
    pub niveau: Option<u8>,
    /// `BTS`, `Licence Professionnelle`…
    pub abrege: Option<String>,
    /// `oui` / `non`; `None` for `NR`.
    pub apprentissage: Option<bool>,
    /// The fiche's registration end, `AAAA-MM-JJ`.
    pub echeance: Option<String>,
    pub active: bool,
}

/// A body that awards a certification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificateur {
    pub certification: CodeCertification,
    pub siret: Option<String>,
    pub nom: String,
}

/// A link between an old and a new version of a certification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lignee {
    pub certification: CodeCertification,
    pub ancienne: Option<CodeCertification>,
    pub nouvelle: Option<CodeCertification>,
}

/// A collective agreement (convention collective) of a certification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ccn {
    pub certification: CodeCertification,
    pub numero: String,
    pub libelle: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes() {
        assert_eq!(
            CodeCertification::parse("rncp 36085").map(|c| c.to_string()),
            Ok("RNCP36085".to_owned())
        );
        assert_eq!(
            CodeCertification::from_number("RS", "5000").map(|c| c.is_rncp()),
            Ok(false)
        );
        assert!(CodeCertification::parse("RNCP").is_err());
        assert!(CodeCertification::parse("RNCP0123").is_err());
        assert!(CodeCertification::parse("XX123").is_err());
        assert_eq!(Niveau::new(4).map(Niveau::label_key), Some("niveau-4"));
        assert!(Niveau::new(2).is_none() && Niveau::new(9).is_none());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,16}") {
            let _ = CodeCertification::parse(&s);
        }
    }
}
