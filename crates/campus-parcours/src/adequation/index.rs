//! For each skill, its label and the shortest training units that teach
//! it: what the fit of an offer names beside a missing skill.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use serde::Serialize;

use crate::plan::{Modalite, Unit, UnitKind, Units};
use crate::referentiel::{CompetenceId, Referentiel};

/// Units named beside a missing skill: enough to choose from, few enough
/// to read in a list of offers.
pub const UNITES_PAR_COMPETENCE: usize = 3;

/// A training unit as an offer's fit names it: what the web layer needs to
/// show it and link to it, without the whole [`Unit`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UniteCourte {
    /// The caller's identifier of the unit (a session, a module), as in
    /// [`Unit::id`].
    pub id: String,
    pub libelle: String,
    /// The bloc or certification it prepares, or a module: what the link
    /// leads to.
    pub kind: UnitKind,
    pub duree_heures: u32,
    pub modalite: Modalite,
}

impl UniteCourte {
    fn of(unit: &Unit) -> UniteCourte {
        UniteCourte {
            id: unit.id.clone(),
            libelle: unit.libelle.clone(),
            kind: unit.kind.clone(),
            duree_heures: unit.duree_heures,
            modalite: unit.modalite,
        }
    }
}

/// What an offer's fit reads about each skill: its label and the shortest
/// units teaching it. Built once per referential and catalogue of units
/// (the web keeps it beside its [`Units`], and builds it again with them
/// after an import) and read by every fit: a list of 10 000 open offers
/// looks up the tens of thousands of skills the person lacks, and each
/// must cost one probe of one table, not a walk through the catalogue nor
/// three scattered reads (the referential's index, its skill, the units'
/// index), which made the cost of a page (see `benches/adequation.rs`).
///
/// For each skill it keeps at most [`UNITES_PAR_COMPETENCE`] units:
///
/// - only units that teach the skill through a sure link: a link the
///   alignment found weak ([`Unit::weak`]) is wrong more often than not,
///   and an offer's explanation must not send a person to a training that
///   does not teach what the offer asks;
/// - sessions before the fallback units ([`Units::with_fallback`]:
///   certifications without a known session), which one cannot enrol in
///   yet;
/// - shortest first (then by identifier, so that the list is the same on
///   every node);
/// - one unit per bloc or certification: three sessions of the same bloc
///   would hide the other trainings, and the bloc's page lists its
///   sessions. Each on-demand module counts on its own.
#[derive(Debug, Clone, Default)]
pub struct IndexAdequation {
    fiches: HashMap<CompetenceId, Fiche, BuildIdHasher>,
}

/// One skill, as a fit names it.
#[derive(Debug, Clone, Default)]
pub(super) struct Fiche {
    /// The referential's label; empty for a skill only units name.
    pub(super) libelle: Box<str>,
    pub(super) unites: Box<[UniteCourte]>,
}

impl IndexAdequation {
    pub fn new(referentiel: &Referentiel, units: &Units) -> IndexAdequation {
        let mut fiches: HashMap<CompetenceId, Fiche, BuildIdHasher> = referentiel
            .skills()
            .map(|entry| {
                let fiche = Fiche {
                    libelle: entry.libelle.as_str().into(),
                    unites: Box::default(),
                };
                (entry.id, fiche)
            })
            .collect();
        for (skill, unites) in shortest_units(units) {
            fiches.entry(skill).or_default().unites = unites.into();
        }
        IndexAdequation { fiches }
    }

    pub(super) fn fiche(&self, skill: CompetenceId) -> Option<&Fiche> {
        self.fiches.get(&skill)
    }

    /// The shortest units teaching `skill`; empty when no unit of the
    /// catalogue teaches it.
    pub fn unites(&self, skill: CompetenceId) -> &[UniteCourte] {
        self.fiche(skill).map_or(&[], |f| &f.unites)
    }

    /// The referential's label of `skill`; empty for an unknown one.
    pub fn libelle(&self, skill: CompetenceId) -> &str {
        self.fiche(skill).map_or("", |f| &f.libelle)
    }

    /// How many skills some unit teaches.
    pub fn enseignees(&self) -> usize {
        self.fiches
            .values()
            .filter(|f| !f.unites.is_empty())
            .count()
    }
}

/// For each skill some unit teaches surely, the units to name (the rules of
/// [`IndexAdequation`]).
fn shortest_units(units: &Units) -> impl Iterator<Item = (CompetenceId, Vec<UniteCourte>)> {
    let mut candidates: HashMap<CompetenceId, Vec<u32>> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        let Ok(i) = u32::try_from(i) else { break };
        for &skill in &unit.skills {
            if unit.weak.contains(&skill) {
                continue;
            }
            let list = candidates.entry(skill).or_default();
            // A skill listed twice by a unit is indexed once.
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let primary = index(units.primary_len());
    candidates.into_iter().map(move |(skill, mut list)| {
        list.sort_by_key(|&i| {
            let unit = &units[i as usize];
            let fallback = i >= primary;
            (fallback, unit.duree_heures, unit.id.as_str())
        });
        let mut kept: Vec<&Unit> = Vec::with_capacity(UNITES_PAR_COMPETENCE);
        for &i in &list {
            let unit = &units[i as usize];
            let same_training =
                |other: &&Unit| unit.kind != UnitKind::Module && other.kind == unit.kind;
            if !kept.iter().any(same_training) {
                kept.push(unit);
            }
            if kept.len() == UNITES_PAR_COMPETENCE {
                break;
            }
        }
        (skill, kept.into_iter().map(UniteCourte::of).collect())
    })
}

/// Hashes a skill id with one multiplication. The ids are the ROME's
/// `code_ogr`, small integers chosen by France Travail, not by a user: the
/// flooding SipHash guards against cannot happen, and SipHash was a third
/// of the cost of a fit.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct BuildIdHasher;

impl BuildHasher for BuildIdHasher {
    type Hasher = IdHasher;

    fn build_hasher(&self) -> IdHasher {
        IdHasher(0)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct IdHasher(u64);

/// An odd constant close to 2^64 / φ (Fibonacci hashing): spreads
/// consecutive ids over the high bits, which the table's control bytes
/// read.
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SPREAD);
    }

    fn write_i64(&mut self, n: i64) {
        // The bits, not the value: ids are never negative anyway.
        self.write_u64(n as u64);
    }
}

/// Unit positions fit in `u32` (see [`Units`]); a larger count saturates,
/// which only makes every unit a session.
fn index(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}
