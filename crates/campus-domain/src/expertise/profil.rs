//! An expert's profile: what a person of a partner organisation can be
//! asked about, what they offer to do, in which languages, and when.
//!
//! The profile is published by the person themself, not by their
//! organisation: an expert commits their own time, and only they can say
//! yes. Whether it takes requests is its [`EtatProfil`], stored beside it:
//! an expert pauses for a busy season without losing their profile.

use std::collections::HashSet;

use super::langue::Langue;
use super::sujet::{SujetError, SujetExpert};
use crate::TextError;
use crate::role::closed_list;

/// Shortest title, in characters.
pub const TITRE_MIN: usize = 3;
/// Longest title (« Ingénieure formulation, Servier » is 31).
pub const TITRE_MAX: usize = 120;
/// Longest presentation.
pub const PRESENTATION_MAX: usize = 2000;
/// Longest note on availability (« le mardi après-midi, hors juillet »).
pub const DISPONIBILITE_MAX: usize = 300;
/// Most subjects: beyond, a profile claims everything and proposals lose
/// their meaning.
pub const MAX_SUJETS: usize = 20;
/// Most languages.
pub const MAX_LANGUES: usize = 8;

closed_list!(
    /// What an expert offers to do for the network's schools, companies
    /// and campus team.
    OffreExpert, "expert-offre-", {
        /// Talking to a class about the trade, on site or remotely.
        InterventionClasse => "intervention_classe",
        /// Sitting on an examination or project jury.
        Jury => "jury",
        /// Following a group of learners through a project.
        TutoratProjet => "tutorat_projet",
        /// Hosting a group's visit of a site: a laboratory, a production
        /// line.
        AccueilVisite => "accueil_visite",
        /// Advising a young company or a students' project of company.
        ConseilStartup => "conseil_startup",
    }
);

closed_list!(
    /// Whether a profile takes requests.
    EtatProfil, "expert-etat-", {
        Actif => "actif",
        /// Hidden from proposals for a while (a busy season, a leave), and
        /// found again unchanged.
        EnPause => "en_pause",
        /// The person left the network; kept for the history of the
        /// requests they answered.
        Retire => "retire",
    }
);

impl EtatProfil {
    /// Only an active profile is proposed and may receive a request.
    pub fn accepte_demandes(self) -> bool {
        self == EtatProfil::Actif
    }
}

/// Why a field of a profile was refused. Each has a message key in the
/// translation files (`expert-error-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProfilError {
    #[error("le titre compte de 3 à 120 caractères")]
    TitreLongueur,
    #[error("présentation trop longue (2 000 caractères au plus)")]
    PresentationTropLongue,
    #[error("disponibilités trop longues (300 caractères au plus)")]
    DisponibiliteTropLongue,
    #[error("caractères de contrôle interdits")]
    CaracteresInterdits,
    /// A subject of the list, by its rank in the form (from 0), so that
    /// the page marks the row.
    #[error("sujet n° {} : {}", .rang + 1, .erreur)]
    Sujet { rang: usize, erreur: SujetError },
    #[error("aucun sujet")]
    SujetsManquants,
    #[error("plus de 20 sujets")]
    SujetsTropNombreux,
    #[error("type d'intervention inconnu")]
    OffreInconnue,
    #[error("aucun type d'intervention")]
    OffresManquantes,
    #[error("code de langue inconnu")]
    LangueInconnue,
    #[error("aucune langue")]
    LanguesManquantes,
    #[error("plus de 8 langues")]
    LanguesTropNombreuses,
}

impl ProfilError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ProfilError::TitreLongueur => "expert-error-titre-longueur",
            ProfilError::PresentationTropLongue => "expert-error-presentation-trop-longue",
            ProfilError::DisponibiliteTropLongue => "expert-error-disponibilite-trop-longue",
            ProfilError::CaracteresInterdits => "expert-error-caracteres-interdits",
            ProfilError::Sujet { erreur, .. } => erreur.message_key(),
            ProfilError::SujetsManquants => "expert-error-sujets-manquants",
            ProfilError::SujetsTropNombreux => "expert-error-sujets-trop-nombreux",
            ProfilError::OffreInconnue => "expert-error-offre-inconnue",
            ProfilError::OffresManquantes => "expert-error-offres-manquantes",
            ProfilError::LangueInconnue => "expert-error-langue-inconnue",
            ProfilError::LanguesManquantes => "expert-error-langues-manquantes",
            ProfilError::LanguesTropNombreuses => "expert-error-langues-trop-nombreuses",
        }
    }
}

/// A profile's fields as typed, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieProfil {
    /// What the person is for the network: « Ingénieure formulation,
    /// Servier ».
    pub titre: String,
    pub presentation: String,
    /// Rows of (kind, value), a kind of [`SujetExpert::KINDS`]; a row
    /// whose value is blank is an unused row of the form, skipped.
    pub sujets: Vec<(String, String)>,
    /// Values of [`OffreExpert`].
    pub offres: Vec<String>,
    /// ISO 639-1 codes, in either case.
    pub langues: Vec<String>,
    pub disponibilite: String,
}

/// A checked profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilExpert {
    pub titre: String,
    pub presentation: Option<String>,
    /// Distinct (by [`SujetExpert::cle`]), in the order typed.
    pub sujets: Vec<SujetExpert>,
    /// Distinct, in the order typed.
    pub offres: Vec<OffreExpert>,
    /// Distinct, in the order typed.
    pub langues: Vec<Langue>,
    pub disponibilite: Option<String>,
}

/// One refused field: its name in the form and the API, and why.
pub type ChampRefuse = (&'static str, ProfilError);

impl ProfilExpert {
    /// Checks every field. Every refused field is reported, and every
    /// refused subject row, so that a form shows all its errors at once.
    /// Repeated subjects, offers and languages count once: a list typed
    /// twice says nothing wrong.
    pub fn parse(s: &SaisieProfil) -> Result<ProfilExpert, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let titre = parse_titre(&s.titre)
            .map_err(|e| refused.push(("titre", e)))
            .ok();
        let presentation = optional(
            &s.presentation,
            PRESENTATION_MAX,
            ProfilError::PresentationTropLongue,
        )
        .map_err(|e| refused.push(("presentation", e)))
        .ok();
        let sujets = match parse_sujets(&s.sujets) {
            Ok(sujets) => Some(sujets),
            Err(errors) => {
                refused.extend(errors.into_iter().map(|e| ("sujets", e)));
                None
            }
        };
        let offres = parse_offres(&s.offres)
            .map_err(|e| refused.push(("offres", e)))
            .ok();
        let langues = parse_langues(&s.langues)
            .map_err(|e| refused.push(("langues", e)))
            .ok();
        let disponibilite = optional(
            &s.disponibilite,
            DISPONIBILITE_MAX,
            ProfilError::DisponibiliteTropLongue,
        )
        .map_err(|e| refused.push(("disponibilite", e)))
        .ok();
        match (titre, presentation, sujets, offres, langues, disponibilite) {
            (
                Some(titre),
                Some(presentation),
                Some(sujets),
                Some(offres),
                Some(langues),
                Some(disponibilite),
            ) if refused.is_empty() => Ok(ProfilExpert {
                titre,
                presentation,
                sujets,
                offres,
                langues,
                disponibilite,
            }),
            _ => Err(refused),
        }
    }
}

/// [`TITRE_MIN`] to [`TITRE_MAX`] characters, trimmed.
fn parse_titre(input: &str) -> Result<String, ProfilError> {
    match crate::required_text(input, TITRE_MAX) {
        Ok(titre) if titre.chars().count() >= TITRE_MIN => Ok(titre),
        Err(TextError::ControlChars) => Err(ProfilError::CaracteresInterdits),
        _ => Err(ProfilError::TitreLongueur),
    }
}

/// An optional text of at most `max` characters; `trop_long` names the
/// field's error when it is longer.
fn optional(
    input: &str,
    max: usize,
    trop_long: ProfilError,
) -> Result<Option<String>, ProfilError> {
    crate::optional_text(input, max).map_err(|e| match e {
        TextError::ControlChars => ProfilError::CaracteresInterdits,
        TextError::Empty | TextError::TooLong { .. } => trop_long,
    })
}

/// The distinct subjects of the filled rows, 1 to [`MAX_SUJETS`]; every
/// refused row otherwise, and only then the count (a list of invalid rows
/// is not « no subject »).
fn parse_sujets(rows: &[(String, String)]) -> Result<Vec<SujetExpert>, Vec<ProfilError>> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut sujets = Vec::new();
    for (rang, (kind, value)) in rows.iter().enumerate() {
        if value.trim().is_empty() {
            continue;
        }
        match SujetExpert::parse(kind, value) {
            Ok(sujet) => {
                if seen.insert(sujet.cle()) {
                    sujets.push(sujet);
                }
            }
            Err(erreur) => errors.push(ProfilError::Sujet { rang, erreur }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if sujets.is_empty() {
        return Err(vec![ProfilError::SujetsManquants]);
    }
    if sujets.len() > MAX_SUJETS {
        return Err(vec![ProfilError::SujetsTropNombreux]);
    }
    Ok(sujets)
}

/// At least one offer, each known, each once; blank values are skipped.
fn parse_offres(values: &[String]) -> Result<Vec<OffreExpert>, ProfilError> {
    let mut offres = Vec::new();
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        let offre = OffreExpert::parse(value).map_err(|_| ProfilError::OffreInconnue)?;
        if !offres.contains(&offre) {
            offres.push(offre);
        }
    }
    if offres.is_empty() {
        return Err(ProfilError::OffresManquantes);
    }
    Ok(offres)
}

/// 1 to [`MAX_LANGUES`] distinct languages; blank values are skipped.
fn parse_langues(values: &[String]) -> Result<Vec<Langue>, ProfilError> {
    let mut langues = Vec::new();
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        let langue = Langue::parse(value).map_err(|_| ProfilError::LangueInconnue)?;
        if !langues.contains(&langue) {
            langues.push(langue);
        }
    }
    if langues.is_empty() {
        return Err(ProfilError::LanguesManquantes);
    }
    if langues.len() > MAX_LANGUES {
        return Err(ProfilError::LanguesTropNombreuses);
    }
    Ok(langues)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn row(kind: &str, value: &str) -> (String, String) {
        (kind.to_owned(), value.to_owned())
    }

    fn saisie() -> SaisieProfil {
        SaisieProfil {
            titre: " Ingénieure formulation, Servier ".into(),
            presentation: "Quinze ans de formulation de formes sèches.".into(),
            sujets: vec![
                row("domaine", "h33"),
                row("mot_cle", "Galénique"),
                row("mot_cle", ""),
                row("mot_cle", "galenique"),
                row("equipement", "granulateur-humide"),
            ],
            offres: vec!["jury".into(), "intervention_classe".into(), "jury".into()],
            langues: vec!["FR".into(), "en".into(), "fr".into()],
            disponibilite: String::new(),
        }
    }

    #[test]
    fn a_valid_profile_counts_each_value_once() {
        let p = ProfilExpert::parse(&saisie()).unwrap();
        assert_eq!(p.titre, "Ingénieure formulation, Servier");
        assert_eq!(
            p.sujets,
            [
                SujetExpert::Domaine("H33".into()),
                SujetExpert::MotCle("Galénique".into()),
                SujetExpert::Equipement("granulateur-humide".into()),
            ]
        );
        assert_eq!(
            p.offres,
            [OffreExpert::Jury, OffreExpert::InterventionClasse]
        );
        assert_eq!(
            p.langues.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            ["fr", "en"]
        );
        assert_eq!(p.disponibilite, None);
        assert!(p.presentation.is_some());
    }

    #[test]
    fn every_refused_field_and_subject_row_is_reported() {
        let s = SaisieProfil {
            titre: "RH".into(),
            presentation: "é".repeat(2001),
            sujets: vec![
                row("domaine", "Z99"),
                row("domaine", "A11"),
                row("couleur", "bleu"),
            ],
            offres: vec!["cafe".into()],
            langues: vec!["fr".into(), "klingon".into()],
            disponibilite: "lundi\u{7}".into(),
        };
        let refused = ProfilExpert::parse(&s).unwrap_err();
        assert_eq!(
            refused,
            [
                ("titre", ProfilError::TitreLongueur),
                ("presentation", ProfilError::PresentationTropLongue),
                (
                    "sujets",
                    ProfilError::Sujet {
                        rang: 0,
                        erreur: SujetError::Domaine
                    }
                ),
                (
                    "sujets",
                    ProfilError::Sujet {
                        rang: 2,
                        erreur: SujetError::TypeInconnu
                    }
                ),
                ("offres", ProfilError::OffreInconnue),
                ("langues", ProfilError::LangueInconnue),
                ("disponibilite", ProfilError::CaracteresInterdits),
            ]
        );
        assert_eq!(refused[2].1.message_key(), "expert-error-sujet-domaine");
        assert_eq!(
            refused[2].1.to_string(),
            "sujet n° 1 : un domaine professionnel est une lettre de A à N suivie de deux chiffres"
        );
    }

    #[test]
    fn lists_have_bounds() {
        let refused = |s: SaisieProfil| ProfilExpert::parse(&s).unwrap_err();
        let empty = SaisieProfil {
            titre: "Formatrice".into(),
            sujets: vec![row("mot_cle", " ")],
            ..SaisieProfil::default()
        };
        assert_eq!(
            refused(empty),
            [
                ("sujets", ProfilError::SujetsManquants),
                ("offres", ProfilError::OffresManquantes),
                ("langues", ProfilError::LanguesManquantes),
            ]
        );
        let many = SaisieProfil {
            sujets: (0..21).map(|i| row("competence", &i.to_string())).collect(),
            langues: ["fr", "en", "de", "es", "it", "pt", "nl", "pl", "ar"]
                .map(String::from)
                .to_vec(),
            ..saisie()
        };
        assert_eq!(
            refused(many),
            [
                ("sujets", ProfilError::SujetsTropNombreux),
                ("langues", ProfilError::LanguesTropNombreuses),
            ]
        );
        let twenty = SaisieProfil {
            sujets: (0..20).map(|i| row("competence", &i.to_string())).collect(),
            ..saisie()
        };
        assert_eq!(ProfilExpert::parse(&twenty).unwrap().sujets.len(), 20);
        let control = SaisieProfil {
            titre: "Tit\u{0}re".into(),
            ..saisie()
        };
        assert_eq!(
            refused(control),
            [("titre", ProfilError::CaracteresInterdits)]
        );
    }

    #[test]
    fn lists_round_trip() {
        for o in OffreExpert::all() {
            assert_eq!(OffreExpert::parse(o.as_str()), Ok(o));
        }
        assert_eq!(
            OffreExpert::AccueilVisite.label_key(),
            "expert-offre-accueil_visite"
        );
        assert!(EtatProfil::Actif.accepte_demandes());
        assert!(!EtatProfil::EnPause.accepte_demandes());
        assert!(!EtatProfil::Retire.accepte_demandes());
        assert_eq!(EtatProfil::parse("en_pause"), Ok(EtatProfil::EnPause));
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_keeps_the_bounds(
            titre in "\\PC{0,130}",
            presentation in "\\PC{0,40}",
            sujets in prop::collection::vec(
                (prop::sample::select(vec!["domaine", "competence", "equipement", "mot_cle", "x"]), "\\PC{0,12}"),
                0..25,
            ),
            offres in prop::collection::vec(
                prop::sample::select(vec!["jury", "tutorat_projet", "conseil_startup", "", "visite"]),
                0..4,
            ),
            langues in prop::collection::vec("[a-zA-Z]{0,3}", 0..10),
            disponibilite in "\\PC{0,20}",
        ) {
            let s = SaisieProfil {
                titre,
                presentation,
                sujets: sujets.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                offres: offres.into_iter().map(String::from).collect(),
                langues,
                disponibilite,
            };
            match ProfilExpert::parse(&s) {
                Ok(p) => {
                    prop_assert!((TITRE_MIN..=TITRE_MAX).contains(&p.titre.chars().count()));
                    prop_assert!((1..=MAX_SUJETS).contains(&p.sujets.len()));
                    prop_assert!(!p.offres.is_empty());
                    prop_assert!((1..=MAX_LANGUES).contains(&p.langues.len()));
                    let cles: HashSet<_> = p.sujets.iter().map(SujetExpert::cle).collect();
                    prop_assert_eq!(cles.len(), p.sujets.len());
                }
                Err(refused) => prop_assert!(!refused.is_empty()),
            }
        }
    }
}
