//! Trainings (formations) of the catalogue: what a training body offers
//! (the formation), how and where it is delivered (actions) and when
//! (sessions), as the LHÉO language of the Carif-Oref network describes
//! them, and as the higher-education extracts give them in part.

use serde::{Deserialize, Serialize};

/// Where a training comes from; with its external id, it identifies the
/// training across imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// An LHÉO offer file (Carif-Oref, ONISEP…).
    Lheo,
    /// The Parcoursup extract of the higher-education ministry.
    EsrParcoursup,
    /// "Trouver mon master": the master's degree mentions.
    EsrTmm,
    /// Written on the platform by the campus team.
    Campus,
    /// The lycées' vocational programmes of the Affelnet assignment
    /// (school × MEF), with their capacity and first wishes.
    Affelnet,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Lheo => "lheo",
            Source::EsrParcoursup => "esr-parcoursup",
            Source::EsrTmm => "esr-tmm",
            Source::Campus => "campus",
            Source::Affelnet => "affelnet",
        }
    }

    pub fn parse(value: &str) -> Option<Source> {
        [
            Source::Lheo,
            Source::EsrParcoursup,
            Source::EsrTmm,
            Source::Campus,
            Source::Affelnet,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }
}

/// How a learner follows an action: the four ways French training law
/// distinguishes, which decide who may enrol and who pays. Also the
/// modality facet of the search.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Modalite {
    /// School or university, before a first job.
    Initiale,
    /// Work-study under an apprenticeship contract.
    Apprentissage,
    /// Adults: employees, job seekers.
    Continue,
    /// Validation of prior experience.
    Vae,
}

impl Modalite {
    pub const ALL: [Modalite; 4] = [
        Modalite::Initiale,
        Modalite::Apprentissage,
        Modalite::Continue,
        Modalite::Vae,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Modalite::Initiale => "initiale",
            Modalite::Apprentissage => "apprentissage",
            Modalite::Continue => "continue",
            Modalite::Vae => "vae",
        }
    }

    pub fn parse(value: &str) -> Option<Modalite> {
        Modalite::ALL.into_iter().find(|m| m.as_str() == value)
    }
}

/// The kinds of codes that classify a training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeKind {
    Formacode,
    Nsf,
    Rome,
    /// A certification of the national register: `RNCP320`.
    Rncp,
    /// A certification of the specific register: `RS5000`.
    Rs,
    /// The Certif Info number of the diploma.
    CertifInfo,
    /// The Éducation nationale diploma code (code formation diplôme).
    Cfd,
}

impl CodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CodeKind::Formacode => "formacode",
            CodeKind::Nsf => "nsf",
            CodeKind::Rome => "rome",
            CodeKind::Rncp => "rncp",
            CodeKind::Rs => "rs",
            CodeKind::CertifInfo => "certifinfo",
            CodeKind::Cfd => "cfd",
        }
    }

    pub fn parse(value: &str) -> Option<CodeKind> {
        [
            CodeKind::Formacode,
            CodeKind::Nsf,
            CodeKind::Rome,
            CodeKind::Rncp,
            CodeKind::Rs,
            CodeKind::CertifInfo,
            CodeKind::Cfd,
        ]
        .into_iter()
        .find(|k| k.as_str() == value)
    }
}

/// A place: an address with what locates it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lieu {
    pub nom: Option<String>,
    /// Address lines, one per line.
    pub adresse: Option<String>,
    pub code_postal: Option<String>,
    pub ville: Option<String>,
    pub commune_insee: Option<String>,
    pub departement: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// Someone to ask about a training.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub nom: Option<String>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub web: Option<String>,
}

/// The body responsible for a training.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organisme {
    pub nom: String,
    pub raison_sociale: Option<String>,
    pub siret: Option<String>,
    pub uai: Option<String>,
    /// The declaration number of a training body (numéro d'activité).
    pub numero_activite: Option<String>,
    pub lieu: Option<Lieu>,
}

/// A funder of an action: its LHÉO code and the label of `dict-financeurs`
/// (none for a code the list does not define).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Financeur {
    pub code: String,
    pub libelle: Option<String>,
}

/// A training as offered by a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Formation {
    pub source: Source,
    /// The identifier the source gives (LHÉO `numero`), or one built from
    /// the row for sources that have none.
    pub numero: String,
    pub intitule: String,
    pub objectif: Option<String>,
    pub contenu: Option<String>,
    pub resultats_attendus: Option<String>,
    pub certifiante: Option<bool>,
    /// `dict-type-parcours` code.
    pub parcours: Option<String>,
    /// `dict-AIS` code (objectif général).
    pub objectif_general: Option<String>,
    /// `dict-niveaux` code of the level required at entry.
    pub niveau_entree: Option<String>,
    /// European exit level, 3 to 8, when known.
    pub niveau_sortie: Option<u8>,
    /// Classification and certification codes, sorted, without repeats.
    pub codes: Vec<(CodeKind, String)>,
    pub url: Option<String>,
    pub organisme: Organisme,
    pub contact: Option<Contact>,
    pub actions: Vec<Action>,
    /// The LHÉO `<formation>` element as read, written back by the export.
    pub lheo: Option<String>,
}

/// A delivery of a training: where, how, for whom, at what cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub numero: String,
    pub modalite: Modalite,
    /// Formacode codes of the publics the action is meant for.
    pub public_vise: Vec<String>,
    /// Entry requirements (conditions spécifiques, prérequis).
    pub prerequis: Option<String>,
    pub rythme: Option<String>,
    pub alternance: Option<String>,
    /// `dict-modalites-enseignement` code.
    pub enseignement: Option<String>,
    /// `dict-modalites-es` code.
    pub entrees_sorties: Option<String>,
    pub duree_heures: Option<f64>,
    /// Total price including VAT, in euros.
    pub prix: Option<f64>,
    pub financeurs: Vec<Financeur>,
    pub lieu: Option<Lieu>,
    pub formateur_siret: Option<String>,
    pub formateur_nom: Option<String>,
    pub sessions: Vec<Session>,
    /// How sought-after its places were, when the source says it.
    pub attractivite: Option<Attractivite>,
}

/// One vocational programme of a school in the Affelnet assignment: the
/// school (UAI), the programme (MEF_STAT_11, and the one of its final year
/// when it is a first year), its trade family for a common first year,
/// and how sought-after it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffreAffelnet {
    pub uai: crate::Uai,
    pub mef_stat_11: String,
    pub mef_stat_terminale: Option<String>,
    /// The « famille de métiers » of a common first year of bac pro.
    pub famille: Option<String>,
    pub attractivite: Attractivite,
}

/// A school programme's places and the pupils who wanted them most, as
/// one Affelnet campaign counted them: it tells a pupil how hard a place
/// is to get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attractivite {
    /// The year of the campaign.
    pub campagne: u16,
    /// Places offered (capacité carte scolaire).
    pub capacite: u32,
    /// Pupils who put it as their first wish.
    pub premiers_voeux: u32,
}

impl Attractivite {
    /// First wishes per place, the ratio Orion calls « taux de pression »;
    /// none for a programme without places.
    pub fn pression(self) -> Option<f64> {
        (self.capacite > 0).then(|| f64::from(self.premiers_voeux) / f64::from(self.capacite))
    }
}

/// A dated occurrence of an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub numero: String,
    /// ISO dates `YYYY-MM-DD`.
    pub debut: Option<String>,
    pub fin: Option<String>,
    /// `dict-etat-recrutement` code.
    pub etat_recrutement: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in [
            Source::Lheo,
            Source::EsrParcoursup,
            Source::EsrTmm,
            Source::Campus,
            Source::Affelnet,
        ] {
            assert_eq!(Source::parse(s.as_str()), Some(s));
        }
        for m in [
            Modalite::Initiale,
            Modalite::Apprentissage,
            Modalite::Continue,
            Modalite::Vae,
        ] {
            assert_eq!(Modalite::parse(m.as_str()), Some(m));
        }
        assert_eq!(CodeKind::parse("rncp"), Some(CodeKind::Rncp));
        assert_eq!(CodeKind::parse("RNCP"), None);
        assert_eq!(Source::parse("autre"), None);
    }
}
