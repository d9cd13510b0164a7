//! Plans: the training units that cover a learner's gap at the lowest
//! duration, cost or distance, under the learner's constraints.
//!
//! The units are the sessions of blocs and of whole certifications, and
//! the campus's on-demand modules, all competing in one exact set cover
//! ([`cover`]): a certification prepared bloc by bloc wins wherever the
//! blocs the learner needs are shorter (or cheaper, or nearer) than the
//! whole programme — « certification partielle par blocs ».
//!
//! A plan must cover every missing core skill; the other missing skills
//! are covered as [`NonCore`] says. Along with the best plan come up to
//! [`MAX_ALTERNATIVES`] distinct ones (without the best plan's main unit,
//! or best for another objective), VAE suggestions ([`vae`]), and, when no
//! plan fits, each constraint whose relaxation alone would make one fit.

mod cover;
mod unit;
mod units;
mod vae;

use std::collections::{BTreeSet, HashMap};

use campus_domain::CodeCertification;
use serde::Serialize;

use crate::error::ParcoursError;
use crate::gap::{Acquired, Gap, Profile, Requirement};
use crate::referentiel::{CompetenceId, Referentiel};

pub use unit::{
    Constraint, Constraints, DEFAULT_LEVEL_STEP, Modalite, NonCore, Objective, Unit, UnitKind,
};
pub use units::Units;
pub use vae::{VAE_MIN_YEARS, VAE_SHARE, VaeSuggestion};

use cover::{Bits, Candidate, MAX_ELEMENTS};

/// Alternatives returned besides the best plan.
pub const MAX_ALTERNATIVES: usize = 3;

/// Everything a plan computation reads.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub profile: &'a Profile,
    /// The profile's skills ([`crate::gap::acquired`]), read by the VAE
    /// suggestions.
    pub acquired: &'a Acquired,
    /// The gap to the target trade ([`crate::gap::gap`]).
    pub gap: &'a Gap,
    /// Candidate units, from the sessions and modules the catalogue holds;
    /// the engine filters them by the constraints.
    pub units: &'a Units,
    pub constraints: &'a Constraints,
    pub objective: Objective,
}

/// Why a plan is offered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "raison")]
pub enum PlanReason {
    /// The best plan for the learner's objective.
    Best,
    /// The best plan without the best plan's main unit.
    WithoutUnit { id: String },
    /// The best plan for another objective.
    Objective { objective: Objective },
    /// No plan covers the whole core under the constraints: the best plan
    /// covering every core skill some allowed unit teaches, the others
    /// left to other routes (an on-demand module, learning on the job,
    /// VAE).
    Closest,
}

/// A unit in a plan, with the gap skills it is the first to cover (in the
/// plan's order: by start date).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedUnit {
    pub unit: Unit,
    pub distance_km: Option<f64>,
    pub covers: Vec<CompetenceId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    pub duree_heures: u64,
    pub cout_euros: u64,
    /// Sum of the distances from home of the units that have a place;
    /// `None` without a home commune: no distance was computed.
    pub distance_km: Option<f64>,
}

/// A set of units covering the gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub reason: PlanReason,
    pub objective: Objective,
    pub units: Vec<PlannedUnit>,
    pub totals: Totals,
    /// Gap skills the plan covers, required ones included.
    pub covered: Vec<CompetenceId>,
    /// Gap skills left: never a core one, except in a closest plan
    /// ([`PlanReason::Closest`]), which leaves [`Closest::remaining`].
    pub uncovered: Vec<CompetenceId>,
    /// Certifications obtained in full: a whole-certification unit, or the
    /// last blocs missing to the learner's validated ones.
    pub certifications: Vec<CodeCertification>,
    /// Blocs validated by the plan.
    pub blocs: Vec<String>,
    /// Whether the search proved the plan best (it always does on the
    /// instance sizes of the catalogue; a search cut by its node budget
    /// says so rather than pretend).
    pub optimal: bool,
}

impl Plan {
    fn unit_ids(&self) -> BTreeSet<&str> {
        self.units.iter().map(|u| u.unit.id.as_str()).collect()
    }
}

/// A constraint whose relaxation alone makes a plan possible, with that
/// plan's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relaxation {
    pub constraint: Constraint,
    pub totals: Totals,
}

/// The plan that comes closest when none covers the whole core.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Closest {
    pub plan: Plan,
    /// The core skills it leaves: no allowed unit teaches them.
    pub remaining: Vec<CompetenceId>,
}

/// Why no plan fits, and what would make one fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Infeasibility {
    /// Core skills no unit allowed by the constraints teaches (empty when
    /// only the total duration stands in the way).
    pub blocking: Vec<CompetenceId>,
    /// Core skills no candidate unit teaches at all: no constraint helps,
    /// the catalogue lacks a training.
    pub unteachable: Vec<CompetenceId>,
    /// Each constraint that, relaxed alone, allows a plan.
    pub relax: Vec<Relaxation>,
    /// Whether relaxing all constraints together allows a plan: true as
    /// soon as one constraint alone does; when none alone does, says
    /// whether relaxing them all would, or whether the catalogue itself
    /// lacks a training.
    pub relax_all: bool,
    /// The closest plan under the constraints, when allowed units teach
    /// part of the core: never a dead end while the catalogue teaches
    /// something of the trade nearby.
    pub closest: Option<Closest>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "resultat")]
pub enum Outcome {
    Plans {
        best: Plan,
        alternatives: Vec<Plan>,
        vae: Vec<VaeSuggestion>,
    },
    Infeasible {
        infeasibility: Infeasibility,
        vae: Vec<VaeSuggestion>,
    },
}

/// Which of `skills` (at most [`MAX_ELEMENTS`]) each unit teaches, read
/// from the index: the work follows the units that teach a gap skill, not
/// the whole catalogue.
fn teaches(skills: &[CompetenceId], units: &Units) -> Vec<Bits> {
    let mut bits = vec![Bits::default(); units.len()];
    for (i, &skill) in skills.iter().enumerate().take(MAX_ELEMENTS) {
        for &u in units.teaching(skill) {
            bits[u as usize].set(i);
        }
    }
    bits
}

/// Which of `skills` (at most [`MAX_ELEMENTS`]) each unit that teaches
/// one of them weakly teaches only weakly.
fn teaches_weakly(skills: &[CompetenceId], units: &Units) -> HashMap<usize, Bits> {
    let mut bits: HashMap<usize, Bits> = HashMap::new();
    for (i, &skill) in skills.iter().enumerate().take(MAX_ELEMENTS) {
        for &u in units.teaching_weakly(skill) {
            bits.entry(u as usize).or_default().set(i);
        }
    }
    bits
}

/// The units teaching at least one of `skills`: the only ones a search
/// can use, and the only ones it reads.
fn relevant(skills: &[CompetenceId], units: &Units, limit: usize) -> Vec<usize> {
    let mut relevant: Vec<usize> = skills
        .iter()
        .flat_map(|&s| units.teaching(s).iter().map(|&u| u as usize))
        .filter(|&u| u < limit)
        .collect();
    relevant.sort_unstable();
    relevant.dedup();
    relevant
}

/// Whether a unit teaching `taught` of the gap's skills, `weak` of them
/// only through a weak alignment link ([`Unit::weak`]), may be proposed: a
/// unit that teaches some of the `core` must teach one of them surely; one
/// that teaches none of the core must teach one of the other missing
/// skills surely. A certification registered for the target trade is
/// always sure of its core.
fn proposable(taught: &Bits, weak: &Bits, core: &Bits) -> bool {
    let sure = taught.minus(weak);
    if taught.intersect_count(core) > 0 {
        sure.intersect_count(core) > 0
    } else {
        !sure.is_empty()
    }
}

/// Computes the best plan, its alternatives and the VAE suggestions. A gap
/// without a missing core skill gives an empty best plan: the learner is
/// ready for the trade.
///
/// The units of the catalogue's sessions come first: the fallback units
/// ([`Units::with_fallback`], certifications without a known session) are
/// searched only when the sessions cannot make a plan under the
/// constraints. A plan the learner can enrol in beats one that starts
/// with asking a certifier where the training is given.
pub fn plan(referentiel: &Referentiel, request: &Request<'_>) -> Result<Outcome, ParcoursError> {
    let vae = vae::suggestions(referentiel, request);
    let sessions = Context::new(request, request.units.primary_len())?;
    if request.units.primary_len() < request.units.len()
        && let Some(best) = sessions.best(
            referentiel,
            request.constraints,
            request.objective,
            &[],
            PlanReason::Best,
        )
    {
        let alternatives = sessions.alternatives(referentiel, request, &best);
        return Ok(Outcome::Plans {
            best,
            alternatives,
            vae,
        });
    }
    let context = Context::new(request, request.units.len())?;
    let Some(best) = context.best(
        referentiel,
        request.constraints,
        request.objective,
        &[],
        PlanReason::Best,
    ) else {
        return Ok(Outcome::Infeasible {
            infeasibility: context.infeasibility(
                referentiel,
                request.constraints,
                request.objective,
            ),
            vae,
        });
    };
    let alternatives = context.alternatives(referentiel, request, &best);
    Ok(Outcome::Plans {
        best,
        alternatives,
        vae,
    })
}

/// Bits of a unit's search cost below its objective: room for the
/// tie-breaks of [`MAX_ELEMENTS`] units at [`TIE_MAX`] each, so that no sum
/// of tie-breaks outweighs one unit of the objective.
const TIE_BITS: u32 = 28;
const TIE_MAX: u64 = (1 << 20) - 1;
/// The tie-break's top bit, set for a unit without a date: the secondary
/// objective fits below it.
const UNDATED: u64 = TIE_MAX.div_ceil(2);
/// Largest objective value told apart: with [`TIE_BITS`], a plan of a few
/// hundred units stays far below `u64::MAX`.
const FIRST_MAX: u64 = (1 << 26) - 1;

/// The request, prepared once for the several searches of a computation.
struct Context<'a> {
    request: &'a Request<'a>,
    /// Distance from home per unit (`None` without a place or a home, and
    /// for a unit not in `relevant`).
    distances: Vec<Option<f64>>,
    /// The units teaching a skill of the gap, in catalogue order: no other
    /// can be part of a plan.
    relevant: Vec<usize>,
    /// Gap skills, required (core) first.
    skills: Vec<CompetenceId>,
    core: usize,
    /// Per unit, which of `skills` it teaches (bit `i` for `skills[i]`),
    /// computed once: every search of the request reads it, and the
    /// national catalogue holds tens of thousands of units.
    teaches: Vec<Bits>,
}

impl<'a> Context<'a> {
    /// The context of the units before `limit` (in catalogue order).
    fn new(request: &'a Request<'a>, limit: usize) -> Result<Context<'a>, ParcoursError> {
        let constraints = request.constraints;
        if let Some(max) = constraints.distance_max_km
            && !(max.is_finite() && max >= 0.0)
        {
            return Err(ParcoursError::DistanceInvalide(max));
        }
        let needs_home =
            constraints.distance_max_km.is_some() || request.objective == Objective::Distance;
        let home = request.profile.domicile;
        if needs_home && home.is_none() && request.units.iter().any(|u| u.lieu.is_some()) {
            return Err(ParcoursError::DomicileInconnu);
        }
        let core: Vec<CompetenceId> = request.gap.required().map(|m| m.skill).collect();
        let other = request
            .gap
            .missing
            .iter()
            .filter(|m| m.requirement != Requirement::Core)
            .map(|m| m.skill);
        let mut skills = core.clone();
        skills.extend(other);
        if core.len() > MAX_ELEMENTS {
            return Err(ParcoursError::EcartTropGrand(core.len(), MAX_ELEMENTS));
        }
        let teaches = teaches(&skills, request.units);
        let weak = teaches_weakly(&skills, request.units);
        let core_bits = Bits::first_n(core.len());
        let mut relevant = relevant(&skills, request.units, limit);
        relevant.retain(|&u| {
            weak.get(&u)
                .is_none_or(|w| proposable(&teaches[u], w, &core_bits))
        });
        let mut distances = vec![None; request.units.len()];
        for &u in &relevant {
            distances[u] = home
                .zip(request.units[u].lieu)
                .map(|(h, p)| h.distance_km(p));
        }
        Ok(Context {
            request,
            distances,
            relevant,
            skills,
            core: core.len(),
            teaches,
        })
    }

    /// What the search minimises for a unit: the objective first, then,
    /// among plans equal on it, the fewest hours (the least cost when the
    /// objective is the duration). Offers often give no price (the
    /// higher-education extracts never do): every plan of them costs 0 €,
    /// and the cheapest would otherwise be any of them, however long.
    /// Both parts are packed in one integer, the objective in the high
    /// bits, so the search stays exact; a value past the caps (67 million
    /// euros, hours or metres for the objective, a million for the
    /// tie-break) counts as the cap.
    fn cost(&self, u: usize, objective: Objective) -> u64 {
        let unit = &self.request.units[u];
        let hours = u64::from(unit.duree_heures);
        let euros = u64::from(unit.cout_euros);
        let (first, then) = match objective {
            Objective::Duree => (hours, euros),
            Objective::Cout => (euros, hours),
            // Metres: integers keep the search exact.
            Objective::Distance => (
                self.distances[u].map_or(0, |d| (d * 1000.0).round() as u64),
                hours,
            ),
        };
        // At equal objective, a dated session before a unit without one
        // (« sans session connue », or on demand): the learner can start it.
        let undated = if unit.debut.is_none() { UNDATED } else { 0 };
        (first.min(FIRST_MAX) << TIE_BITS) | undated | then.min(UNDATED - 1)
    }

    /// Units allowed by `constraints`, minus `excluded` ids.
    fn admitted(&self, constraints: &Constraints, excluded: &[&str]) -> Vec<usize> {
        let niveau = self.request.profile.niveau;
        self.relevant
            .iter()
            .copied()
            .filter(|&u| {
                let unit = &self.request.units[u];
                !excluded.contains(&unit.id.as_str())
                    && constraints.admits(unit, self.distances[u], niveau)
            })
            .collect()
    }

    /// The skills a search must cover: the core ones, and under
    /// [`NonCore::WhereReachable`] the others some admitted unit teaches
    /// (at most [`MAX_ELEMENTS`] in all).
    fn targets(&self, constraints: &Constraints, admitted: &[usize]) -> Vec<CompetenceId> {
        let mut targets: Vec<CompetenceId> = self.skills[..self.core].to_vec();
        if constraints.non_core == NonCore::WhereReachable {
            let taught = self.taught(admitted.iter().copied());
            targets.extend(
                (self.core..self.skills.len())
                    .filter(|&i| {
                        if i < MAX_ELEMENTS {
                            taught.get(i)
                        } else {
                            admitted
                                .iter()
                                .any(|&u| self.request.units[u].skills.contains(&self.skills[i]))
                        }
                    })
                    .map(|i| self.skills[i])
                    .take(MAX_ELEMENTS - self.core),
            );
        }
        targets
    }

    /// Which of the gap's first [`MAX_ELEMENTS`] skills `units` teach.
    fn taught(&self, units: impl Iterator<Item = usize>) -> Bits {
        units.fold(Bits::default(), |all, u| all.union(&self.teaches[u]))
    }

    fn search(
        &self,
        constraints: &Constraints,
        objective: Objective,
        excluded: &[&str],
    ) -> Option<(Vec<usize>, bool)> {
        let admitted = self.admitted(constraints, excluded);
        let targets = self.targets(constraints, &admitted);
        self.cover(constraints, objective, &admitted, &targets)
            .or_else(|| {
                // Non-core skills never make a plan impossible: when the hour
                // budget cannot fit them all, the core alone is covered.
                let core = &targets[..self.core.min(targets.len())];
                (core.len() < targets.len())
                    .then(|| self.cover(constraints, objective, &admitted, core))
                    .flatten()
            })
    }

    fn cover(
        &self,
        constraints: &Constraints,
        objective: Objective,
        admitted: &[usize],
        targets: &[CompetenceId],
    ) -> Option<(Vec<usize>, bool)> {
        // Where each target sits among the gap's skills.
        let positions: Vec<Option<usize>> = targets
            .iter()
            .map(|t| {
                self.skills
                    .iter()
                    .position(|s| s == t)
                    .filter(|&p| p < MAX_ELEMENTS)
            })
            .collect();
        let overflow = positions.iter().any(Option::is_none);
        let candidates: Vec<Candidate> = admitted
            .iter()
            .map(|&u| {
                let unit = &self.request.units[u];
                let taught = &self.teaches[u];
                let mut cover = Bits::default();
                let nothing = taught.is_empty() && !overflow;
                for (i, (p, target)) in positions
                    .iter()
                    .zip(targets)
                    .enumerate()
                    .filter(|_| !nothing)
                {
                    let teaches = match p {
                        Some(p) => taught.get(*p),
                        // Past the precomputed skills (a gap of more than
                        // MAX_ELEMENTS skills): searched directly.
                        None => unit.skills.contains(target),
                    };
                    if teaches {
                        cover.set(i);
                    }
                }
                Candidate {
                    cover,
                    cost: self.cost(u, objective),
                    hours: u64::from(unit.duree_heures),
                }
            })
            .collect();
        let found = cover::solve(
            targets.len(),
            &candidates,
            constraints.duree_max_heures.map(u64::from),
        )?;
        Some((
            found.units.into_iter().map(|i| admitted[i]).collect(),
            found.optimal,
        ))
    }

    fn best(
        &self,
        referentiel: &Referentiel,
        constraints: &Constraints,
        objective: Objective,
        excluded: &[&str],
        reason: PlanReason,
    ) -> Option<Plan> {
        let (units, optimal) = self.search(constraints, objective, excluded)?;
        Some(self.describe(referentiel, units, objective, reason, optimal))
    }

    fn totals(&self, units: &[usize]) -> Totals {
        Totals {
            duree_heures: units
                .iter()
                .map(|&u| u64::from(self.request.units[u].duree_heures))
                .sum(),
            cout_euros: units
                .iter()
                .map(|&u| u64::from(self.request.units[u].cout_euros))
                .sum(),
            // From +0.0: a float sum of nothing is -0.0.
            distance_km: self.request.profile.domicile.map(|_| {
                units
                    .iter()
                    .filter_map(|&u| self.distances[u])
                    .fold(0.0, |a, b| a + b)
            }),
        }
    }

    fn describe(
        &self,
        referentiel: &Referentiel,
        mut units: Vec<usize>,
        objective: Objective,
        reason: PlanReason,
        optimal: bool,
    ) -> Plan {
        let all = self.request.units;
        units.sort_by(|&a, &b| {
            let key = |u: usize| (all[u].debut.is_none(), all[u].debut, all[u].id.as_str());
            key(a).cmp(&key(b))
        });
        let totals = self.totals(&units);
        let mut covered: BTreeSet<CompetenceId> = BTreeSet::new();
        let planned: Vec<PlannedUnit> = units
            .iter()
            .map(|&u| {
                let covers: Vec<CompetenceId> = self
                    .skills
                    .iter()
                    .copied()
                    .filter(|s| all[u].skills.contains(s) && covered.insert(*s))
                    .collect();
                PlannedUnit {
                    unit: all[u].clone(),
                    distance_km: self.distances[u],
                    covers,
                }
            })
            .collect();
        let uncovered = self
            .skills
            .iter()
            .copied()
            .filter(|s| !covered.contains(s))
            .collect();
        let blocs: BTreeSet<String> = planned
            .iter()
            .filter_map(|p| match &p.unit.kind {
                UnitKind::Bloc(code) => Some(code.clone()),
                _ => None,
            })
            .collect();
        let mut certifications: BTreeSet<CodeCertification> = planned
            .iter()
            .filter_map(|p| match &p.unit.kind {
                UnitKind::Certification(code) => Some(code.clone()),
                _ => None,
            })
            .collect();
        let held: BTreeSet<&str> = blocs
            .iter()
            .map(String::as_str)
            .chain(self.request.profile.blocs.iter().map(String::as_str))
            .collect();
        for bloc in &blocs {
            let Some(&b) = referentiel.bloc_index.get(bloc) else {
                continue;
            };
            let c =
                &referentiel.certifications[referentiel.blocs[b as usize].certification as usize];
            if c.blocs
                .iter()
                .all(|&x| held.contains(referentiel.blocs[x as usize].code.as_str()))
            {
                certifications.insert(c.code.clone());
            }
        }
        Plan {
            reason,
            objective,
            units: planned,
            totals,
            covered: covered.into_iter().collect(),
            uncovered,
            certifications: certifications.into_iter().collect(),
            blocs: blocs.into_iter().collect(),
            optimal,
        }
    }

    /// Up to [`MAX_ALTERNATIVES`] plans that differ from the best and from
    /// each other by their units: first without the best plan's main unit
    /// (the one teaching the most gap skills), then the best for each other
    /// objective, then without the best plan's next units.
    fn alternatives(
        &self,
        referentiel: &Referentiel,
        request: &Request<'_>,
        best: &Plan,
    ) -> Vec<Plan> {
        let mut by_weight: Vec<&PlannedUnit> = best.units.iter().collect();
        by_weight.sort_by(|a, b| {
            b.covers
                .len()
                .cmp(&a.covers.len())
                .then(a.unit.id.cmp(&b.unit.id))
        });
        let mut found: Vec<Plan> = Vec::new();
        let mut seen: Vec<BTreeSet<String>> = vec![owned(best.unit_ids())];
        let mut offer = |plan: Option<Plan>, found: &mut Vec<Plan>| {
            if let Some(plan) = plan {
                let ids = owned(plan.unit_ids());
                if !seen.contains(&ids) {
                    seen.push(ids);
                    found.push(plan);
                }
            }
        };
        if let Some(main) = by_weight.first() {
            let id = main.unit.id.as_str();
            offer(
                self.best(
                    referentiel,
                    request.constraints,
                    request.objective,
                    &[id],
                    PlanReason::WithoutUnit { id: id.to_owned() },
                ),
                &mut found,
            );
        }
        for objective in Objective::ALL {
            if objective != request.objective && found.len() < MAX_ALTERNATIVES {
                let home_known = request.profile.domicile.is_some();
                if objective == Objective::Distance && !home_known {
                    continue;
                }
                offer(
                    self.best(
                        referentiel,
                        request.constraints,
                        objective,
                        &[],
                        PlanReason::Objective { objective },
                    ),
                    &mut found,
                );
            }
        }
        for next in by_weight.iter().skip(1) {
            if found.len() >= MAX_ALTERNATIVES {
                break;
            }
            let id = next.unit.id.as_str();
            offer(
                self.best(
                    referentiel,
                    request.constraints,
                    request.objective,
                    &[id],
                    PlanReason::WithoutUnit { id: id.to_owned() },
                ),
                &mut found,
            );
        }
        found.truncate(MAX_ALTERNATIVES);
        found
    }

    fn infeasibility(
        &self,
        referentiel: &Referentiel,
        constraints: &Constraints,
        objective: Objective,
    ) -> Infeasibility {
        // Core skills are the first of the gap, within the precomputed ones.
        let core = &self.skills[..self.core];
        let admitted = self.taught(self.admitted(constraints, &[]).into_iter());
        let any = self.taught(self.relevant.iter().copied());
        let missing_from = |taught: &Bits| -> Vec<CompetenceId> {
            core.iter()
                .enumerate()
                .filter(|&(i, _)| !taught.get(i))
                .map(|(_, &s)| s)
                .collect()
        };
        let blocking = missing_from(&admitted);
        let unteachable = missing_from(&any);
        let relax: Vec<Relaxation> = Constraint::ALL
            .into_iter()
            .filter(|&c| constraints.sets(c))
            .filter_map(|c| {
                let plan = self.best(
                    referentiel,
                    &constraints.without(c),
                    objective,
                    &[],
                    PlanReason::Best,
                )?;
                Some(Relaxation {
                    constraint: c,
                    totals: plan.totals,
                })
            })
            .collect();
        let relax_all = !relax.is_empty() || {
            let free = Constraint::ALL
                .into_iter()
                .fold(constraints.clone(), |c, x| c.without(x));
            self.search(&free, objective, &[]).is_some()
        };
        let closest = self.closest(referentiel, constraints, objective, &blocking);
        Infeasibility {
            blocking,
            unteachable,
            relax,
            relax_all,
            closest,
        }
    }

    /// The best plan covering every core skill that some unit allowed by
    /// `constraints` teaches (all but `blocking`): the most core a plan
    /// can cover. `None` when the allowed units teach none of the core,
    /// or when only the hour budget stands in the way (its relaxation is
    /// the answer then).
    fn closest(
        &self,
        referentiel: &Referentiel,
        constraints: &Constraints,
        objective: Objective,
        blocking: &[CompetenceId],
    ) -> Option<Closest> {
        let core = &self.skills[..self.core];
        if blocking.is_empty() || blocking.len() >= core.len() {
            return None;
        }
        let admitted = self.admitted(constraints, &[]);
        let targets: Vec<CompetenceId> = core
            .iter()
            .copied()
            .filter(|s| !blocking.contains(s))
            .collect();
        let (units, optimal) = self.cover(constraints, objective, &admitted, &targets)?;
        Some(Closest {
            plan: self.describe(referentiel, units, objective, PlanReason::Closest, optimal),
            remaining: blocking.to_vec(),
        })
    }
}

fn owned(ids: BTreeSet<&str>) -> BTreeSet<String> {
    ids.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests;
