//! An offer of the network: what it is, where, when, for how many, and
//! until when it is shown.
//!
//! An offer is open from its publication until its expiry date or until
//! its last position is filled, whichever comes first; the data layer
//! reads both conditions in every query that lists open offers, so that an
//! expired or filled offer leaves the search at once, without waiting for
//! a job. The expiry defaults to [`EXPIRY_MONTHS`] after publication: an
//! offer nobody maintains must not stay online for ever (the first
//! complaint of the national services' users).

use chrono::{Months, NaiveDate};

use crate::geo::GeoPoint;
use crate::role::closed_list;

/// Months an offer stays online when its author gives no expiry date.
pub const EXPIRY_MONTHS: u32 = 2;
/// Longest time an offer may stay online.
pub const MAX_EXPIRY_MONTHS: u32 = 12;
/// Most positions one offer may have.
pub const MAX_POSTES: u32 = 100;
/// Longest contract or period an offer may describe, in months (an
/// apprenticeship lasts at most three years, four for a disabled
/// apprentice).
pub const MAX_DUREE_MOIS: u32 = 48;

closed_list!(
    /// What the offer is. The kinds follow the contracts and periods of
    /// French law, each with its own rules.
    TypeOffre, "offre-type-", {
        Apprentissage => "apprentissage",
        Professionnalisation => "professionnalisation",
        /// An internship under a school's or university's agreement.
        Stage => "stage",
        Cdi => "cdi",
        Cdd => "cdd",
        Interim => "interim",
        /// Observation period of pupils in 3e or seconde: the pupil is a
        /// minor, whose contact data the company only sees once the school
        /// agreed.
        StageObservation => "stage_observation",
        /// Immersion of a job seeker (PMSMP).
        Immersion => "immersion",
    }
);

impl TypeOffre {
    /// Work-study contracts: a training goes with them, and the law fixes
    /// the apprentice's minimum pay.
    pub fn is_alternance(self) -> bool {
        matches!(
            self,
            TypeOffre::Apprentissage | TypeOffre::Professionnalisation
        )
    }

    /// Periods whose candidates are pupils, usually minors.
    pub fn is_for_minors(self) -> bool {
        self == TypeOffre::StageObservation
    }
}

closed_list!(
    /// Whether an offer takes applications. An offer whose expiry date has
    /// passed is closed whatever its stored state says.
    EtatOffre, "offre-etat-", {
        Ouverte => "ouverte",
        /// Every position was filled by a retained application.
        Pourvue => "pourvue",
        /// Closed by its author or the campus team.
        Fermee => "fermee",
    }
);

/// Why a value of an offer was refused. Each has a message key in the
/// translation files (`offre-…`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OffreError {
    #[error("type d'offre inconnu")]
    TypeInconnu,
    #[error("métier manquant")]
    MetierManquant,
    #[error("lieu manquant")]
    LieuManquant,
    #[error("date invalide")]
    DateInvalide,
    #[error("début dans le passé")]
    DebutPasse,
    #[error("expiration avant le début")]
    ExpirationAvantDebut,
    #[error("expiration passée")]
    ExpirationPassee,
    #[error("expiration trop lointaine")]
    ExpirationTropLointaine,
    #[error("nombre de postes invalide")]
    PostesInvalide,
    #[error("durée invalide")]
    DureeInvalide,
    #[error("niveau invalide")]
    NiveauInvalide,
    #[error("aucune compétence")]
    CompetencesManquantes,
    #[error("code de compétence invalide")]
    CompetenceInvalide,
}

impl OffreError {
    pub fn message_key(&self) -> &'static str {
        match self {
            OffreError::TypeInconnu => "offre-type-inconnu",
            OffreError::MetierManquant => "offre-metier-manquant",
            OffreError::LieuManquant => "offre-lieu-manquant",
            OffreError::DateInvalide => "offre-date-invalide",
            OffreError::DebutPasse => "offre-debut-passe",
            OffreError::ExpirationAvantDebut => "offre-expiration-avant-debut",
            OffreError::ExpirationPassee => "offre-expiration-passee",
            OffreError::ExpirationTropLointaine => "offre-expiration-trop-lointaine",
            OffreError::PostesInvalide => "offre-postes-invalide",
            OffreError::DureeInvalide => "offre-duree-invalide",
            OffreError::NiveauInvalide => "offre-niveau-invalide",
            OffreError::CompetencesManquantes => "offre-competences-manquantes",
            OffreError::CompetenceInvalide => "offre-competence-invalide",
        }
    }
}

/// Where the offer's work takes place: a commune of the official code,
/// placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct LieuOffre {
    pub commune_insee: String,
    pub commune_nom: String,
    pub departement: Option<String>,
    pub position: GeoPoint,
}

/// An offer's fields as typed, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieOffre {
    pub type_offre: String,
    pub date_debut: String,
    pub duree_mois: String,
    pub postes: String,
    pub niveau: String,
    /// Empty for the default ([`EXPIRY_MONTHS`] after today).
    pub expire_le: String,
}

/// The checked fields of an offer that depend on nothing but themselves
/// and today; the caller resolves the trade, the place, the skills and
/// the training against the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleOffre {
    pub type_offre: TypeOffre,
    pub date_debut: NaiveDate,
    pub duree_mois: Option<u32>,
    pub postes: u32,
    pub niveau: Option<crate::Niveau>,
    pub expire_le: NaiveDate,
}

/// One refused field: its name in the form and the API, and why.
pub type ChampRefuse = (&'static str, OffreError);

impl NouvelleOffre {
    /// Checks every field, then the dates together. Every refused field
    /// is reported, so that a form shows all its errors at once.
    pub fn parse(s: &SaisieOffre, today: NaiveDate) -> Result<NouvelleOffre, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let type_offre = TypeOffre::parse(&s.type_offre)
            .map_err(|_| refused.push(("type_offre", OffreError::TypeInconnu)))
            .ok();
        let date_debut = parse_date(&s.date_debut)
            .map_err(|e| refused.push(("date_debut", e)))
            .ok();
        let duree_mois = parse_duree(&s.duree_mois)
            .map_err(|e| refused.push(("duree_mois", e)))
            .ok();
        let postes = parse_postes(&s.postes)
            .map_err(|e| refused.push(("postes", e)))
            .ok();
        let niveau = parse_niveau(&s.niveau)
            .map_err(|e| refused.push(("niveau", e)))
            .ok();
        let typed = !s.expire_le.trim().is_empty();
        let expire_le = if !typed {
            Some(default_expiry(today))
        } else {
            parse_date(&s.expire_le)
                .map_err(|e| refused.push(("expire_le", e)))
                .ok()
        };
        if let (Some(debut), Some(expire)) = (date_debut, expire_le)
            && let Err((champ, e)) = check_dates(debut, expire, today, typed)
        {
            refused.push((champ, e));
        }
        match (
            type_offre, date_debut, duree_mois, postes, niveau, expire_le,
        ) {
            (
                Some(type_offre),
                Some(date_debut),
                Some(duree_mois),
                Some(postes),
                Some(niveau),
                Some(expire_le),
            ) if refused.is_empty() => Ok(NouvelleOffre {
                type_offre,
                date_debut,
                duree_mois,
                postes,
                niveau,
                expire_le,
            }),
            _ => Err(refused),
        }
    }
}

/// The expiry of an offer published `today` without one.
pub fn default_expiry(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(Months::new(EXPIRY_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// A date as forms and the API write it (`AAAA-MM-JJ`).
pub fn parse_date(input: &str) -> Result<NaiveDate, OffreError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| OffreError::DateInvalide)
}

/// The start must not be past, nor the expiry; an expiry the author
/// typed must not come before the start (the offer would leave the search
/// while the position is still to fill) and stays within
/// [`MAX_EXPIRY_MONTHS`]. The default expiry is not checked against the
/// start: it is a reminder to keep the offer alive, which its author
/// extends. Names the field at fault.
pub fn check_dates(
    debut: NaiveDate,
    expire_le: NaiveDate,
    today: NaiveDate,
    typed: bool,
) -> Result<(), (&'static str, OffreError)> {
    if debut < today {
        return Err(("date_debut", OffreError::DebutPasse));
    }
    if expire_le < today {
        return Err(("expire_le", OffreError::ExpirationPassee));
    }
    if typed && expire_le < debut {
        return Err(("expire_le", OffreError::ExpirationAvantDebut));
    }
    let limit = today
        .checked_add_months(Months::new(MAX_EXPIRY_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    if expire_le > limit {
        return Err(("expire_le", OffreError::ExpirationTropLointaine));
    }
    Ok(())
}

/// Number of positions, 1 to [`MAX_POSTES`].
pub fn parse_postes(input: &str) -> Result<u32, OffreError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(1);
    }
    match input.parse::<u32>() {
        Ok(n) if (1..=MAX_POSTES).contains(&n) => Ok(n),
        _ => Err(OffreError::PostesInvalide),
    }
}

/// Duration in months, optional (a CDI has none).
pub fn parse_duree(input: &str) -> Result<Option<u32>, OffreError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<u32>() {
        Ok(n) if (1..=MAX_DUREE_MOIS).contains(&n) => Ok(Some(n)),
        _ => Err(OffreError::DureeInvalide),
    }
}

/// Level required (3 to 8), optional.
pub fn parse_niveau(input: &str) -> Result<Option<crate::Niveau>, OffreError> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .parse::<u8>()
        .ok()
        .and_then(crate::Niveau::new)
        .map(Some)
        .ok_or(OffreError::NiveauInvalide)
}

/// ROME skills by OGR code, separated by commas, spaces or new lines; at
/// least one, at most 60, each once.
pub fn parse_competences(input: &str) -> Result<Vec<i64>, OffreError> {
    let mut codes = Vec::new();
    for part in input.split(|c: char| c == ',' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        let code = part
            .parse::<i64>()
            .ok()
            .filter(|c| (1..=9_999_999).contains(c))
            .ok_or(OffreError::CompetenceInvalide)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.is_empty() {
        return Err(OffreError::CompetencesManquantes);
    }
    if codes.len() > 60 {
        return Err(OffreError::CompetenceInvalide);
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn saisie() -> SaisieOffre {
        SaisieOffre {
            type_offre: "apprentissage".into(),
            date_debut: "2027-09-01".into(),
            duree_mois: "24".into(),
            postes: "2".into(),
            niveau: "5".into(),
            expire_le: String::new(),
        }
    }

    #[test]
    fn a_valid_offer_expires_two_months_after_publication_by_default() {
        let o = NouvelleOffre::parse(&saisie(), day("2027-05-10")).unwrap();
        assert_eq!(o.type_offre, TypeOffre::Apprentissage);
        assert_eq!(o.expire_le, day("2027-07-10"));
        assert_eq!(o.postes, 2);
        assert_eq!(o.duree_mois, Some(24));
        assert_eq!(o.niveau.map(|n| n.value()), Some(5));
        // End of month: 31 December + 2 months is the last day of February.
        assert_eq!(default_expiry(day("2026-12-31")), day("2027-02-28"));
    }

    #[test]
    fn every_refused_field_is_reported() {
        let s = SaisieOffre {
            type_offre: "benevolat".into(),
            date_debut: "demain".into(),
            duree_mois: "0".into(),
            postes: "1000".into(),
            niveau: "9".into(),
            expire_le: "2027-13-01".into(),
        };
        let refused = NouvelleOffre::parse(&s, day("2027-01-01")).unwrap_err();
        let fields: Vec<_> = refused.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "type_offre",
                "date_debut",
                "duree_mois",
                "postes",
                "niveau",
                "expire_le"
            ]
        );
    }

    #[test]
    fn dates_are_checked_together() {
        let today = day("2027-03-01");
        assert_eq!(
            check_dates(day("2027-02-28"), day("2027-04-01"), today, true),
            Err(("date_debut", OffreError::DebutPasse))
        );
        assert_eq!(
            check_dates(day("2027-09-01"), day("2027-02-01"), today, true),
            Err(("expire_le", OffreError::ExpirationPassee))
        );
        assert_eq!(
            check_dates(day("2027-09-01"), day("2027-08-31"), today, true),
            Err(("expire_le", OffreError::ExpirationAvantDebut))
        );
        // The default expiry may come first: the author extends it.
        assert!(check_dates(day("2027-09-01"), day("2027-05-01"), today, false).is_ok());
        assert!(check_dates(day("2027-09-01"), day("2027-09-01"), today, true).is_ok());
        // Looking on after the start is fine, within a year of today.
        assert!(check_dates(day("2027-03-15"), day("2027-05-01"), today, true).is_ok());
        assert_eq!(
            check_dates(day("2027-03-15"), day("2028-03-02"), today, true),
            Err(("expire_le", OffreError::ExpirationTropLointaine))
        );
    }

    #[test]
    fn skills_are_codes_each_once() {
        assert_eq!(
            parse_competences("100123, 100124\n100123").unwrap(),
            [100123, 100124]
        );
        assert_eq!(
            parse_competences(" "),
            Err(OffreError::CompetencesManquantes)
        );
        assert_eq!(
            parse_competences("12a"),
            Err(OffreError::CompetenceInvalide)
        );
        assert_eq!(parse_competences("-4"), Err(OffreError::CompetenceInvalide));
    }

    #[test]
    fn kinds_round_trip_and_say_their_rules() {
        for t in TypeOffre::all() {
            assert_eq!(TypeOffre::parse(t.as_str()), Ok(t));
        }
        assert!(TypeOffre::Apprentissage.is_alternance());
        assert!(!TypeOffre::Cdi.is_alternance());
        assert!(TypeOffre::StageObservation.is_for_minors());
        assert_eq!(TypeOffre::Interim.label_key(), "offre-type-interim");
        assert_eq!(EtatOffre::parse("pourvue"), Ok(EtatOffre::Pourvue));
    }

    proptest! {
        #[test]
        fn parsing_never_panics(
            t in "\\PC{0,20}", d in "\\PC{0,12}", m in "\\PC{0,6}",
            p in "\\PC{0,6}", n in "\\PC{0,3}", e in "\\PC{0,12}", c in "\\PC{0,40}",
        ) {
            let s = SaisieOffre { type_offre: t, date_debut: d, duree_mois: m, postes: p, niveau: n, expire_le: e };
            let _ = NouvelleOffre::parse(&s, day("2027-01-01"));
            let _ = parse_competences(&c);
        }
    }
}
