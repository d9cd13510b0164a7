//! Training units and the learner's constraints on them.

use campus_domain::{CodeCertification, Niveau};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::GeoPoint;
use crate::referentiel::CompetenceId;

/// How a training is followed (LHÉO and Certif Info distinguish these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modalite {
    /// Formation initiale (pupils and students).
    Initiale,
    Apprentissage,
    FormationContinue,
    /// Validation des acquis de l'expérience: a jury, not a course.
    Vae,
}

/// What a unit validates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "code")]
pub enum UnitKind {
    /// One bloc de compétences, through a session that prepares it.
    Bloc(String),
    /// A whole certification, through a session that prepares it.
    Certification(CodeCertification),
    /// An on-demand module of the campus: skills, no certification.
    Module,
}

/// A training unit the learner could follow, with the skills it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// The caller's identifier (a session, a module), returned untouched.
    pub id: String,
    pub libelle: String,
    pub kind: UnitKind,
    /// Skills taught: the bloc's or the certification's linked skills, or
    /// the module's own.
    pub skills: Vec<CompetenceId>,
    /// Those of `skills` given only by a weak alignment link
    /// ([`crate::align::STRONG_LINK`]): they count towards a plan's cover,
    /// but a unit none of whose gap skills is sure is not proposed. Weak
    /// links alone once proposed a mechatronics licence to become a
    /// pharmaceutical formulation technician.
    #[serde(skip)]
    pub weak: Vec<CompetenceId>,
    pub duree_heures: u32,
    pub cout_euros: u32,
    /// Where it takes place; `None` for distance learning, which is at no
    /// distance from home.
    pub lieu: Option<GeoPoint>,
    pub modalite: Modalite,
    /// First day; `None` for a unit that starts on demand.
    pub debut: Option<NaiveDate>,
    pub fin: Option<NaiveDate>,
    #[serde(serialize_with = "niveau_value")]
    pub niveau: Option<Niveau>,
}

/// The level as its number (3 to 8): the domain type has no serde form.
fn niveau_value<S: serde::Serializer>(niveau: &Option<Niveau>, s: S) -> Result<S::Ok, S::Error> {
    niveau.map(Niveau::value).serialize(s)
}

/// What the learner wants to minimise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Total hours of training.
    Duree,
    /// Total cost in euros.
    Cout,
    /// Sum of the distances from home to each unit's place: each unit is a
    /// separate stretch of travel.
    Distance,
}

impl Objective {
    pub const ALL: [Objective; 3] = [Objective::Duree, Objective::Cout, Objective::Distance];
}

/// Levels a learner may climb through one plan, by default: a holder of a
/// CAP (level 3) may aim at a BTS (level 5) in continuing education or
/// apprenticeship, as many do after a few years of work; three levels at
/// once (CAP to licence) presumes prerequisites the plan does not teach.
pub const DEFAULT_LEVEL_STEP: u8 = 2;

/// The learner's constraints. `Default` allows every modality and place,
/// initial education included, and the default level step.
#[derive(Debug, Clone, PartialEq)]
pub struct Constraints {
    /// Allowed modalities; empty allows all.
    pub modalites: Vec<Modalite>,
    pub distance_max_km: Option<f64>,
    /// Every unit must start on or before this day.
    pub debut_avant: Option<NaiveDate>,
    /// Total hours of the plan.
    pub duree_max_heures: Option<u32>,
    /// Highest level above the learner's a unit may have; `None` for no
    /// limit. A learner without a certification counts as level 2.
    pub ecart_niveau_max: Option<u8>,
    pub non_core: NonCore,
    /// Whether initial-education programmes (a lycée's or a university's
    /// full-time programme) are open to the learner: true for pupils and
    /// students, false for a worker, an apprentice or a job seeker, whose
    /// routes are continuing education, apprenticeship and VAE. The
    /// learner's situation, not a wish: never suggested for relaxing.
    pub formation_initiale: bool,
}

impl Default for Constraints {
    fn default() -> Self {
        Constraints {
            modalites: Vec::new(),
            distance_max_km: None,
            debut_avant: None,
            duree_max_heures: None,
            ecart_niveau_max: Some(DEFAULT_LEVEL_STEP),
            non_core: NonCore::Incidental,
            formation_initiale: true,
        }
    }
}

/// What a plan owes the target trade's other (non-core) missing skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonCore {
    /// Not required: the plan covers the core skills at least cost and
    /// reports which other skills its units give along the way. A learner
    /// who can do the core of a trade is employable in it; the rest is
    /// learnt on the job.
    #[default]
    Incidental,
    /// Required wherever some allowed unit teaches them: the plan covers
    /// every non-core skill that can be covered under the constraints, and
    /// reports the ones no allowed unit teaches. If the hour budget cannot
    /// fit them all, the plan covers the core alone rather than none.
    WhereReachable,
}

/// A constraint the learner set, as named when suggesting to relax it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    Modalites,
    DistanceMax,
    DebutAvant,
    DureeMax,
    Niveau,
}

impl Constraint {
    pub const ALL: [Constraint; 5] = [
        Constraint::Modalites,
        Constraint::DistanceMax,
        Constraint::DebutAvant,
        Constraint::DureeMax,
        Constraint::Niveau,
    ];
}

impl Constraints {
    /// The same constraints without `c`.
    pub fn without(&self, c: Constraint) -> Constraints {
        let mut relaxed = self.clone();
        match c {
            Constraint::Modalites => relaxed.modalites.clear(),
            Constraint::DistanceMax => relaxed.distance_max_km = None,
            Constraint::DebutAvant => relaxed.debut_avant = None,
            Constraint::DureeMax => relaxed.duree_max_heures = None,
            Constraint::Niveau => relaxed.ecart_niveau_max = None,
        }
        relaxed
    }

    /// Whether `c` is set at all (relaxing an unset constraint helps
    /// nobody).
    pub fn sets(&self, c: Constraint) -> bool {
        match c {
            Constraint::Modalites => !self.modalites.is_empty(),
            Constraint::DistanceMax => self.distance_max_km.is_some(),
            Constraint::DebutAvant => self.debut_avant.is_some(),
            Constraint::DureeMax => self.duree_max_heures.is_some(),
            Constraint::Niveau => self.ecart_niveau_max.is_some(),
        }
    }

    /// Whether a unit may be part of a plan, `distance_km` being its
    /// distance from home (`None` when it has no place). The total
    /// duration is checked on the whole plan, not here.
    pub(crate) fn admits(
        &self,
        unit: &Unit,
        distance_km: Option<f64>,
        niveau: Option<Niveau>,
    ) -> bool {
        let modalite = (self.modalites.is_empty() || self.modalites.contains(&unit.modalite))
            && (self.formation_initiale || unit.modalite != Modalite::Initiale);
        let distance = match (self.distance_max_km, distance_km) {
            (Some(max), Some(d)) => d <= max,
            _ => true,
        };
        let debut = match (self.debut_avant, unit.debut) {
            (Some(limit), Some(debut)) => debut <= limit,
            _ => true,
        };
        let duree = self
            .duree_max_heures
            .is_none_or(|max| unit.duree_heures <= max);
        let current = niveau.map_or(2, Niveau::value);
        let niveau = match (self.ecart_niveau_max, unit.niveau) {
            (Some(step), Some(level)) => level.value() <= current.saturating_add(step),
            _ => true,
        };
        modalite && distance && debut && duree && niveau
    }
}
