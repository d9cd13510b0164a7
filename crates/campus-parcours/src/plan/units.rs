//! The units a plan chooses from, indexed by the skills they teach.

use std::collections::HashMap;
use std::ops::Deref;

use super::unit::Unit;
use crate::referentiel::CompetenceId;

/// The catalogue's training units with, for each skill, the units that
/// teach it. Built once per catalogue (the web keeps it with the engine):
/// a request then reads only the units teaching a skill of its gap — a few
/// hundred — instead of the tens of thousands of the national catalogue.
#[derive(Debug, Clone, Default)]
pub struct Units {
    units: Vec<Unit>,
    by_competence: HashMap<CompetenceId, Vec<u32>>,
    /// For each skill, the units that teach it only weakly ([`Unit::weak`]).
    weakly_by_competence: HashMap<CompetenceId, Vec<u32>>,
    /// The units before this index are the catalogue's sessions; those
    /// after it are searched only when the sessions make no plan.
    primary: usize,
}

impl Units {
    /// Units that all compete together.
    pub fn new(units: Vec<Unit>) -> Units {
        let primary = units.len();
        Units::indexed(units, primary)
    }

    /// `units`, then `fallback`: units a plan takes only when `units`
    /// cannot make one (certifications without a known session).
    pub fn with_fallback(mut units: Vec<Unit>, fallback: Vec<Unit>) -> Units {
        let primary = units.len();
        units.extend(fallback);
        Units::indexed(units, primary)
    }

    /// How many units come before the fallback ones.
    pub fn primary_len(&self) -> usize {
        self.primary
    }

    fn indexed(units: Vec<Unit>, primary: usize) -> Units {
        let mut by_competence: HashMap<CompetenceId, Vec<u32>> = HashMap::new();
        let mut weakly_by_competence: HashMap<CompetenceId, Vec<u32>> = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            for (skills, index) in [
                (&unit.skills, &mut by_competence),
                (&unit.weak, &mut weakly_by_competence),
            ] {
                for &skill in skills {
                    let list = index.entry(skill).or_default();
                    // A skill listed twice by a unit is indexed once.
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Units {
            units,
            by_competence,
            weakly_by_competence,
            primary,
        }
    }

    /// The units (fallback ones last), to extend them and index them
    /// again.
    pub fn into_units(self) -> Vec<Unit> {
        self.units
    }

    /// The units teaching `skill`, in catalogue order.
    pub(crate) fn teaching(&self, skill: CompetenceId) -> &[u32] {
        self.by_competence.get(&skill).map_or(&[], Vec::as_slice)
    }

    /// The units teaching `skill` only through a weak link.
    pub(crate) fn teaching_weakly(&self, skill: CompetenceId) -> &[u32] {
        self.weakly_by_competence
            .get(&skill)
            .map_or(&[], Vec::as_slice)
    }

    /// Bytes held, for the engine's memory budget: the units' own data and
    /// the index.
    pub fn heap_bytes(&self) -> usize {
        let units: usize = self
            .units
            .iter()
            .map(|u| {
                size_of::<Unit>()
                    + u.id.capacity()
                    + u.libelle.capacity()
                    + (u.skills.capacity() + u.weak.capacity()) * size_of::<CompetenceId>()
            })
            .sum();
        let index = |index: &HashMap<CompetenceId, Vec<u32>>| {
            index
                .values()
                .map(|v| v.capacity() * size_of::<u32>())
                .sum::<usize>()
                + index.capacity() * (size_of::<(CompetenceId, Vec<u32>)>() + 1)
        };
        units + index(&self.by_competence) + index(&self.weakly_by_competence)
    }
}

impl Deref for Units {
    type Target = [Unit];

    fn deref(&self) -> &[Unit] {
        &self.units
    }
}

impl From<Vec<Unit>> for Units {
    fn from(units: Vec<Unit>) -> Units {
        Units::new(units)
    }
}
