//! A learner's profile, the skills it gives, and the gap to a target trade.
//!
//! Acquired skills come from four sources, each kept as the reason shown to
//! the learner:
//!
//! - **experience in a trade.** ROME says which skills a trade needs, not
//!   which ones a person in it has practised. The rule: after
//!   [`YEARS_FOR_CORE`] year of practice a person holds the trade's core
//!   skills (« cœur de métier », used every day, so a full yearly cycle of
//!   them has been met); after [`YEARS_FOR_ALL`] years, also its other
//!   skills, met less often. Emerging skills (« émergente ») are new in the
//!   trade and never assumed from experience. Shorter experience gives
//!   nothing: the learner can still declare skills one by one;
//! - **a certification held in full**: every skill linked to one of its
//!   blocs;
//! - **a validated bloc**: the skills linked to it;
//! - **declared skills**, chosen by the learner from the ROME skills.
//!
//! The target trade weighs its skills: core ones [`WEIGHT_CORE`], emerging
//! ones [`WEIGHT_EMERGENT`], the others 1. Only core skills are required
//! of a plan; a fiche that flags none (one in ROME 4.60) has all its skills
//! treated as core, or it could never be reached.

use std::collections::BTreeMap;

use campus_domain::rome::Coeur;
use campus_domain::{CodeCertification, CodeRome, Niveau};
use serde::{Deserialize, Serialize};

use crate::GeoPoint;
use crate::error::ParcoursError;
use crate::referentiel::{CompetenceId, MetierEntry, Referentiel};

/// Years of practice after which a trade's core skills count as acquired.
pub const YEARS_FOR_CORE: f32 = 1.0;
/// Years of practice after which all of a trade's established skills count.
pub const YEARS_FOR_ALL: f32 = 3.0;
/// Weight of a core skill of the target trade.
pub const WEIGHT_CORE: f32 = 3.0;
/// Weight of an emerging skill of the target trade.
pub const WEIGHT_EMERGENT: f32 = 2.0;

/// A trade the learner holds or held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Experience {
    pub metier: CodeRome,
    pub annees: f32,
}

/// Where the learner stands. Built by the caller from its own forms or API
/// documents, hence no serde here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub experiences: Vec<Experience>,
    /// Certifications held in full.
    pub certifications: Vec<CodeCertification>,
    /// Blocs de compétences validated on their own.
    pub blocs: Vec<String>,
    pub declared: Vec<CompetenceId>,
    /// Highest certification level held; `None` for none (below level 3).
    pub niveau: Option<Niveau>,
    pub domicile: Option<GeoPoint>,
}

/// Why a skill counts as acquired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "source")]
pub enum AcquiredFrom {
    Experience { metier: CodeRome, annees: f32 },
    Certification { code: CodeCertification },
    Bloc { code: String },
    Declared,
}

/// The learner's acquired skills, each with its reasons.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Acquired {
    pub skills: BTreeMap<CompetenceId, Vec<AcquiredFrom>>,
}

impl Acquired {
    pub fn contains(&self, skill: CompetenceId) -> bool {
        self.skills.contains_key(&skill)
    }

    fn add(&mut self, skill: CompetenceId, from: AcquiredFrom) {
        self.skills.entry(skill).or_default().push(from);
    }
}

/// The skills a profile gives. Every code must be known to the catalogue:
/// a profile naming an unknown trade or certification is refused, never
/// silently shrunk.
pub fn acquired(referentiel: &Referentiel, profile: &Profile) -> Result<Acquired, ParcoursError> {
    let mut acquired = Acquired::default();
    for experience in &profile.experiences {
        let metier = referentiel
            .metier(&experience.metier)
            .ok_or_else(|| ParcoursError::MetierInconnu(experience.metier.clone()))?;
        if !experience.annees.is_finite() || !(0.0..=80.0).contains(&experience.annees) {
            return Err(ParcoursError::ExperienceInvalide(
                experience.metier.clone(),
                experience.annees,
            ));
        }
        for (skill, held) in held_from_experience(referentiel, metier, experience.annees) {
            if held {
                acquired.add(
                    skill,
                    AcquiredFrom::Experience {
                        metier: experience.metier.clone(),
                        annees: experience.annees,
                    },
                );
            }
        }
    }
    for code in &profile.certifications {
        if referentiel.certification(code).is_none() {
            return Err(ParcoursError::CertificationInconnue(code.clone()));
        }
        for skill in referentiel.certification_competences(code) {
            acquired.add(skill, AcquiredFrom::Certification { code: code.clone() });
        }
    }
    for code in &profile.blocs {
        if !referentiel.bloc_index.contains_key(code) {
            return Err(ParcoursError::BlocInconnu(code.clone()));
        }
        for skill in referentiel.bloc_competences(code) {
            acquired.add(skill, AcquiredFrom::Bloc { code: code.clone() });
        }
    }
    for &skill in &profile.declared {
        if referentiel.skill(skill).is_none() {
            return Err(ParcoursError::CompetenceInconnue(skill));
        }
        acquired.add(skill, AcquiredFrom::Declared);
    }
    Ok(acquired)
}

/// Each skill of a trade and whether `years` of practice give it (the rule
/// of the module documentation).
pub(crate) fn held_from_experience<'a>(
    referentiel: &'a Referentiel,
    metier: &'a MetierEntry,
    years: f32,
) -> impl Iterator<Item = (CompetenceId, bool)> + 'a {
    let no_core = !metier.has_core();
    metier.skills.iter().map(move |s| {
        let core = s.coeur == Some(Coeur::Principale) || no_core;
        let held = match s.coeur {
            _ if core => years >= YEARS_FOR_CORE,
            Some(Coeur::Emergente) => false,
            _ => years >= YEARS_FOR_ALL,
        };
        (referentiel.skills[s.skill as usize].id, held)
    })
}

/// Why the target trade requires a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Core skill (« cœur de métier »): the plan must cover it.
    Core,
    /// Emerging skill of the trade (« émergente »).
    Emergent,
    /// Other skill of the trade.
    Other,
}

impl Requirement {
    pub fn weight(self) -> f32 {
        match self {
            Requirement::Core => WEIGHT_CORE,
            Requirement::Emergent => WEIGHT_EMERGENT,
            Requirement::Other => 1.0,
        }
    }
}

/// A skill of the target trade the learner lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingCompetence {
    pub skill: CompetenceId,
    pub libelle: String,
    pub kind: &'static str,
    pub requirement: Requirement,
    pub weight: f32,
}

/// What stands between the learner and the target trade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub metier: CodeRome,
    pub metier_libelle: String,
    /// Core skills first, then emerging, then the others; by code within.
    pub missing: Vec<MissingCompetence>,
    /// Weight of the target's skills the learner holds, and of all of them.
    pub acquired_weight: f32,
    pub total_weight: f32,
}

impl Gap {
    /// Missing skills a plan must cover.
    pub fn required(&self) -> impl Iterator<Item = &MissingCompetence> {
        self.missing
            .iter()
            .filter(|m| m.requirement == Requirement::Core)
    }

    /// Share of the target trade's weight already held, in [0, 1].
    pub fn readiness(&self) -> f32 {
        if self.total_weight > 0.0 {
            self.acquired_weight / self.total_weight
        } else {
            1.0
        }
    }
}

/// The gap from what the learner holds to `target`.
pub fn gap(
    referentiel: &Referentiel,
    acquired: &Acquired,
    target: &CodeRome,
) -> Result<Gap, ParcoursError> {
    let metier = referentiel
        .metier(target)
        .ok_or_else(|| ParcoursError::MetierInconnu(target.clone()))?;
    let no_core = !metier.has_core();
    let mut missing = Vec::new();
    let (mut acquired_weight, mut total_weight) = (0.0, 0.0);
    for s in &metier.skills {
        let requirement = match s.coeur {
            _ if no_core => Requirement::Core,
            Some(Coeur::Principale) => Requirement::Core,
            Some(Coeur::Emergente) => Requirement::Emergent,
            None => Requirement::Other,
        };
        let entry = &referentiel.skills[s.skill as usize];
        let weight = requirement.weight();
        total_weight += weight;
        if acquired.contains(entry.id) {
            acquired_weight += weight;
        } else {
            missing.push(MissingCompetence {
                skill: entry.id,
                libelle: entry.libelle.clone(),
                kind: entry.kind.as_str(),
                requirement,
                weight,
            });
        }
    }
    missing.sort_by_key(|m| (m.requirement, m.skill));
    Ok(Gap {
        metier: metier.code.clone(),
        metier_libelle: metier.libelle.clone(),
        missing,
        acquired_weight,
        total_weight,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::referentiel::tests::{cert, rome, skill};
    use crate::referentiel::{Certification, ReferentielBuilder};
    use campus_domain::rome::FicheCompetence;

    /// Two trades sharing skill 2; trade A: 1 core, 2 core, 3 other, 4
    /// emerging; trade B: 2 core, 5 core, 6 other. Certification C (bloc
    /// C-1 → 5, bloc C-2 → 6).
    pub(crate) fn small() -> Referentiel {
        let mut b = ReferentielBuilder::new();
        for code in 1..=6 {
            b.skill(&skill(code));
        }
        b.metier(rome("H3301"), "A").metier(rome("I1304"), "B");
        for (m, s, c) in [
            ("H3301", 1, Some(Coeur::Principale)),
            ("H3301", 2, Some(Coeur::Principale)),
            ("H3301", 3, None),
            ("H3301", 4, Some(Coeur::Emergente)),
            ("I1304", 2, Some(Coeur::Principale)),
            ("I1304", 5, Some(Coeur::Principale)),
            ("I1304", 6, None),
        ] {
            b.fiche_competence(&FicheCompetence {
                code_rome: rome(m),
                code_ogr: s,
                coeur: c,
            });
        }
        b.certification(Certification {
            code: cert("RNCP7"),
            libelle: "C".into(),
            niveau: Niveau::new(4),
            romes: vec![rome("I1304")],
            vae: true,
        });
        for (bloc, skill) in [("RNCP7BC01", 5), ("RNCP7BC02", 6)] {
            b.bloc(&campus_domain::certification::Bloc {
                code: bloc.into(),
                certification: cert("RNCP7"),
                libelle: bloc.into(),
            })
            .bloc_competence(bloc, CompetenceId(skill));
        }
        b.build().0
    }

    fn experience(code: &str, annees: f32) -> Profile {
        Profile {
            experiences: vec![Experience {
                metier: rome(code),
                annees,
            }],
            ..Profile::default()
        }
    }

    #[test]
    fn experience_rule() {
        let r = small();
        let ids = |p: &Profile| -> Vec<i64> {
            acquired(&r, p)
                .unwrap()
                .skills
                .keys()
                .map(|s| s.0)
                .collect()
        };
        assert_eq!(ids(&experience("H3301", 0.5)), Vec::<i64>::new());
        assert_eq!(ids(&experience("H3301", 1.0)), vec![1, 2]);
        assert_eq!(ids(&experience("H3301", 5.0)), vec![1, 2, 3]);
    }

    #[test]
    fn gap_explains_each_missing_competence() {
        let r = small();
        let have = acquired(&r, &experience("H3301", 5.0)).unwrap();
        let g = gap(&r, &have, &rome("I1304")).unwrap();
        let missing: Vec<_> = g
            .missing
            .iter()
            .map(|m| (m.skill.0, m.requirement))
            .collect();
        assert_eq!(
            missing,
            vec![(5, Requirement::Core), (6, Requirement::Other)]
        );
        assert_eq!(g.required().count(), 1);
        assert!((g.readiness() - 3.0 / 7.0).abs() < 1e-6);
        let with_cert = acquired(
            &r,
            &Profile {
                certifications: vec![cert("RNCP7")],
                ..experience("H3301", 5.0)
            },
        )
        .unwrap();
        assert!(
            gap(&r, &with_cert, &rome("I1304"))
                .unwrap()
                .missing
                .is_empty()
        );
    }

    #[test]
    fn unknown_inputs_are_refused() {
        let r = small();
        assert_eq!(
            acquired(&r, &experience("A1101", 2.0)),
            Err(ParcoursError::MetierInconnu(rome("A1101")))
        );
        assert!(matches!(
            acquired(&r, &experience("H3301", f32::NAN)),
            Err(ParcoursError::ExperienceInvalide(..))
        ));
        let p = Profile {
            declared: vec![CompetenceId(42)],
            ..Profile::default()
        };
        assert_eq!(
            acquired(&r, &p),
            Err(ParcoursError::CompetenceInconnue(CompetenceId(42)))
        );
        assert!(gap(&r, &Acquired::default(), &rome("A1101")).is_err());
    }
}
