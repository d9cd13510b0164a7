//! What a project and a milestone must be before they are stored.

use chrono::{Days, Months, NaiveDate};

use super::etape::TypeProjet;

/// Longest a project may last: a label of a campus lasts five years.
pub const MAX_DUREE_MOIS: u32 = 60;
/// Days before a milestone its lead is reminded of it.
pub const RAPPEL_JALON_JOURS: u64 = 7;

/// Why a value of a project or a milestone was refused. Each has a message
/// key in the translation files (`projet-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProjetError {
    #[error("type de projet inconnu")]
    TypeInconnu,
    #[error("titre trop court ou trop long")]
    Titre,
    #[error("résumé trop court ou trop long")]
    Resume,
    #[error("texte trop long")]
    TropLong,
    #[error("date invalide")]
    DateInvalide,
    #[error("fin avant le début")]
    FinAvantDebut,
    #[error("durée trop longue")]
    DureeTropLongue,
    #[error("échéance passée")]
    EcheancePassee,
}

impl ProjetError {
    pub fn message_key(&self) -> &'static str {
        match self {
            ProjetError::TypeInconnu => "projet-type-inconnu",
            ProjetError::Titre => "projet-titre-invalide",
            ProjetError::Resume => "projet-resume-invalide",
            ProjetError::TropLong => "projet-texte-trop-long",
            ProjetError::DateInvalide => "projet-date-invalide",
            ProjetError::FinAvantDebut => "projet-fin-avant-debut",
            ProjetError::DureeTropLongue => "projet-duree-trop-longue",
            ProjetError::EcheancePassee => "projet-echeance-passee",
        }
    }
}

/// One refused field: its name in the form and the API, and why.
pub type ChampRefuse = (&'static str, ProjetError);

/// A project's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieProjet {
    pub type_projet: String,
    pub titre: String,
    pub resume: String,
    /// What the project produced, for the public page; may be empty.
    pub resultats: String,
    pub debut: String,
    pub fin: String,
}

/// The checked fields of a project; the caller resolves organisations,
/// trades, certifications and equipment against the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauProjet {
    pub type_projet: TypeProjet,
    pub titre: String,
    pub resume: String,
    pub resultats: Option<String>,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
}

impl NouveauProjet {
    /// Checks every field, then the dates together; every refused field
    /// is reported at once. A project may have started before it is
    /// entered on the platform: the start is not checked against today.
    pub fn parse(s: &SaisieProjet) -> Result<NouveauProjet, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let type_projet = TypeProjet::parse(&s.type_projet)
            .map_err(|_| refused.push(("type_projet", ProjetError::TypeInconnu)))
            .ok();
        let titre = texte(&s.titre, 5, 150).or_else(|| {
            refused.push(("titre", ProjetError::Titre));
            None
        });
        let resume = texte(&s.resume, 20, 3000).or_else(|| {
            refused.push(("resume", ProjetError::Resume));
            None
        });
        let resultats = match s.resultats.trim() {
            "" => Some(None),
            r if r.chars().count() <= 3000 => Some(Some(r.to_owned())),
            _ => {
                refused.push(("resultats", ProjetError::TropLong));
                None
            }
        };
        let debut = parse_date(&s.debut)
            .map_err(|e| refused.push(("debut", e)))
            .ok();
        let fin = parse_date(&s.fin)
            .map_err(|e| refused.push(("fin", e)))
            .ok();
        if let (Some(debut), Some(fin)) = (debut, fin) {
            let limit = debut
                .checked_add_months(Months::new(MAX_DUREE_MOIS))
                .unwrap_or(NaiveDate::MAX);
            if fin < debut {
                refused.push(("fin", ProjetError::FinAvantDebut));
            } else if fin > limit {
                refused.push(("fin", ProjetError::DureeTropLongue));
            }
        }
        match (type_projet, titre, resume, resultats, debut, fin) {
            (
                Some(type_projet),
                Some(titre),
                Some(resume),
                Some(resultats),
                Some(debut),
                Some(fin),
            ) if refused.is_empty() => Ok(NouveauProjet {
                type_projet,
                titre,
                resume,
                resultats,
                debut,
                fin,
            }),
            _ => Err(refused),
        }
    }
}

/// A milestone as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaisieJalon {
    pub titre: String,
    pub echeance: String,
}

/// A dated milestone of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauJalon {
    pub titre: String,
    pub echeance: NaiveDate,
}

impl NouveauJalon {
    /// A milestone is set for the future: a past one is history, and
    /// belongs to the timeline.
    pub fn parse(s: &SaisieJalon, today: NaiveDate) -> Result<NouveauJalon, Vec<ChampRefuse>> {
        let mut refused = Vec::new();
        let titre = texte(&s.titre, 3, 150).or_else(|| {
            refused.push(("titre", ProjetError::Titre));
            None
        });
        let echeance = match parse_date(&s.echeance) {
            Ok(d) if d < today => {
                refused.push(("echeance", ProjetError::EcheancePassee));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                refused.push(("echeance", e));
                None
            }
        };
        match (titre, echeance) {
            (Some(titre), Some(echeance)) if refused.is_empty() => {
                Ok(NouveauJalon { titre, echeance })
            }
            _ => Err(refused),
        }
    }
}

/// Whether a milestone due on `echeance`, not yet reached, must be
/// reminded to the project's lead `today`: from [`RAPPEL_JALON_JOURS`]
/// days before, once.
pub fn rappel_jalon_du(echeance: NaiveDate, today: NaiveDate, deja_rappele: bool) -> bool {
    let from = echeance
        .checked_sub_days(Days::new(RAPPEL_JALON_JOURS))
        .unwrap_or(NaiveDate::MIN);
    !deja_rappele && today >= from
}

fn texte(input: &str, min: usize, max: usize) -> Option<String> {
    let collapsed = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = collapsed.chars().count();
    if (min..=max).contains(&n) {
        // Keep the paragraphs of long texts; only the length is checked
        // on the collapsed form.
        Some(if max > 200 {
            input.trim().to_owned()
        } else {
            collapsed
        })
    } else {
        None
    }
}

fn parse_date(input: &str) -> Result<NaiveDate, ProjetError> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").map_err(|_| ProjetError::DateInvalide)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn saisie() -> SaisieProjet {
        SaisieProjet {
            type_projet: "we_lab".into(),
            titre: "Conservateur naturel pour émulsions".into(),
            resume: "Un conservateur issu de la fermentation pour les crèmes.".into(),
            resultats: String::new(),
            debut: "2026-09-01".into(),
            fin: "2027-08-31".into(),
        }
    }

    #[test]
    fn accepts_a_project() {
        let p = NouveauProjet::parse(&saisie()).unwrap();
        assert_eq!(p.type_projet, TypeProjet::WeLab);
        assert_eq!(p.resultats, None);
    }

    #[test]
    fn reports_every_field() {
        let s = SaisieProjet {
            type_projet: "autre".into(),
            titre: "x".into(),
            resume: "court".into(),
            resultats: "r".repeat(3001),
            debut: "2026-09-01".into(),
            fin: "2026-08-01".into(),
        };
        let fields: Vec<_> = NouveauProjet::parse(&s)
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            ["type_projet", "titre", "resume", "resultats", "fin"]
        );
        let long = SaisieProjet {
            fin: "2032-01-01".into(),
            ..saisie()
        };
        assert_eq!(
            NouveauProjet::parse(&long).unwrap_err(),
            vec![("fin", ProjetError::DureeTropLongue)]
        );
    }

    #[test]
    fn milestones_are_in_the_future() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let ok = SaisieJalon {
            titre: "Comité de sélection".into(),
            echeance: "2027-01-15".into(),
        };
        assert!(NouveauJalon::parse(&ok, today).is_ok());
        let past = SaisieJalon {
            echeance: "2026-12-01".into(),
            ..ok
        };
        assert_eq!(
            NouveauJalon::parse(&past, today).unwrap_err(),
            vec![("echeance", ProjetError::EcheancePassee)]
        );
    }

    #[test]
    fn milestone_reminder_once_a_week_before() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(!rappel_jalon_du(d("2027-01-15"), d("2027-01-07"), false));
        assert!(rappel_jalon_du(d("2027-01-15"), d("2027-01-08"), false));
        assert!(!rappel_jalon_du(d("2027-01-15"), d("2027-01-08"), true));
    }

    proptest! {
        #[test]
        fn never_panics(t in "\\PC{0,40}", d in "\\PC{0,12}", f in "\\PC{0,12}") {
            let s = SaisieProjet { type_projet: t.clone(), titre: t.clone(), resume: t.clone(), resultats: t, debut: d.clone(), fin: f };
            let _ = NouveauProjet::parse(&s);
            let _ = NouveauJalon::parse(&SaisieJalon { titre: d.clone(), echeance: d }, NaiveDate::MIN);
        }
    }
}
