//! Records of the ROME 4.0 referential (France Travail), as the catalogue
//! stores them. Parsed by `campus-formats`, stored by `campus-store`.

use crate::CodeRome;

/// A ROME fiche (a trade).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fiche {
    pub code: CodeRome,
    pub libelle: String,
    pub code_ogr: i64,
    pub grand_domaine_code: Option<String>,
    pub grand_domaine_libelle: Option<String>,
    pub domaine_code: Option<String>,
    pub domaine_libelle: Option<String>,
    pub emploi_reglemente: bool,
    pub emploi_cadre: bool,
    pub transition_eco: Option<String>,
    pub transition_num: Option<String>,
    pub transition_demo: Option<String>,
    pub riasec_majeur: Option<String>,
    pub riasec_mineur: Option<String>,
    /// The ROME v3 fiche this one was split from (`code_rome_parent`); the
    /// fiche's own code when it was not split. Certif Info still cites v3
    /// codes.
    pub parent: Option<CodeRome>,
}

/// A job title (appellation) under a fiche.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appellation {
    pub code_ogr: i64,
    pub code_rome: CodeRome,
    pub libelle: String,
    pub libelle_court: String,
    pub peu_usite: bool,
}

/// The three kinds of ROME skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetenceKind {
    SavoirFaire,
    SavoirEtre,
    Savoir,
}

impl CompetenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CompetenceKind::SavoirFaire => "savoir_faire",
            CompetenceKind::SavoirEtre => "savoir_etre",
            CompetenceKind::Savoir => "savoir",
        }
    }

    pub fn parse(value: &str) -> Option<CompetenceKind> {
        match value {
            "savoir_faire" => Some(CompetenceKind::SavoirFaire),
            "savoir_etre" => Some(CompetenceKind::SavoirEtre),
            "savoir" => Some(CompetenceKind::Savoir),
            _ => None,
        }
    }

    /// The kind of the ROME `code_rubrique` (1, 2, 3).
    pub fn from_rubrique(rubrique: &str) -> Option<CompetenceKind> {
        match rubrique {
            "1" => Some(CompetenceKind::SavoirFaire),
            "2" => Some(CompetenceKind::SavoirEtre),
            "3" => Some(CompetenceKind::Savoir),
            _ => None,
        }
    }
}

/// A skill (savoir-faire, savoir-être or savoir).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competence {
    pub code_ogr: i64,
    pub kind: CompetenceKind,
    pub libelle: String,
    pub categorie: Option<String>,
    pub sous_categorie: Option<String>,
}

/// How central a skill is to a trade (`coeur_metier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coeur {
    Principale,
    Emergente,
}

impl Coeur {
    pub fn as_str(self) -> &'static str {
        match self {
            Coeur::Principale => "principale",
            Coeur::Emergente => "emergente",
        }
    }

    pub fn parse(value: &str) -> Option<Coeur> {
        match value {
            "principale" | "Principale" => Some(Coeur::Principale),
            "emergente" | "Émergente" | "Emergente" => Some(Coeur::Emergente),
            _ => None,
        }
    }
}

/// A skill required by a trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheCompetence {
    pub code_rome: CodeRome,
    pub code_ogr: i64,
    pub coeur: Option<Coeur>,
}

/// A work context (hours, places, conditions) of a trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contexte {
    pub code_ogr: i64,
    pub libelle: String,
    pub categorie: String,
}

/// A work context linked to a trade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheContexte {
    pub code_rome: CodeRome,
    pub code_ogr: i64,
}

/// An official bridge from one trade to another (`mobilité`), in order of
/// proximity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobilite {
    pub code_rome: CodeRome,
    pub cible: CodeRome,
    pub ordre: i32,
}

/// A sentence of a fiche's definition or of its access conditions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texte {
    pub code_rome: CodeRome,
    /// `definition` or `acces_metier`.
    pub kind: String,
    pub position: i32,
    pub texte: String,
}

/// The groupings of trades that the referential offers for discovery,
/// each a code list of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClassementKind {
    /// « J'ai envie de… »: what a person likes to do.
    CentreInteret,
    SecteurActivite,
    /// A sub-sector, under a [`ClassementKind::SecteurActivite`].
    SousSecteurActivite,
    /// A division of the French activity nomenclature (NAF).
    SecteurNaf,
    Theme,
}

impl ClassementKind {
    pub const ALL: [ClassementKind; 5] = [
        ClassementKind::CentreInteret,
        ClassementKind::SecteurActivite,
        ClassementKind::SousSecteurActivite,
        ClassementKind::SecteurNaf,
        ClassementKind::Theme,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClassementKind::CentreInteret => "centre_interet",
            ClassementKind::SecteurActivite => "secteur",
            ClassementKind::SousSecteurActivite => "sous_secteur",
            ClassementKind::SecteurNaf => "naf",
            ClassementKind::Theme => "theme",
        }
    }

    pub fn parse(value: &str) -> Option<ClassementKind> {
        ClassementKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
    }
}

/// One entry of a grouping (a centre d'intérêt, a sector, a theme…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classement {
    pub kind: ClassementKind,
    pub code: String,
    pub libelle: String,
    pub definition: Option<String>,
    /// The sector of a sub-sector.
    pub parent: Option<String>,
}

/// A trade placed in a grouping; `principal` marks the grouping the
/// referential shows the trade under first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheClassement {
    pub kind: ClassementKind,
    pub code: String,
    pub code_rome: CodeRome,
    pub principal: bool,
}
