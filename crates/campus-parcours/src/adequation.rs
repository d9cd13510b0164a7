//! Adéquation: how well a person fits a job or apprenticeship offer, and
//! what stands in the way.
//!
//! The fit of one offer for one profile says:
//!
//! - the **share** of the skills the offer asks that the person holds
//!   ([`crate::gap::acquired`]: experience, certifications, blocs,
//!   declared skills). Every skill the offer lists counts the same: the
//!   offer's author chose them among the trade's, which is already the
//!   core of the post;
//! - each **missing** skill with the shortest units that teach it
//!   ([`IndexAdequation`]): what it would take to fit;
//! - the **distance** from home and its class of travel time
//!   ([`ClasseTrajet`]);
//! - whether the person holds the **level** the offer asks.
//!
//! The engine returns data; the web layer words it in French. The same fit
//! ranks a person's offers ([`trier_par_adequation`],
//! [`trier_par_distance`]) and, for a recruiter, the applicants of one
//! offer: each applicant's profile against that offer, sorted the same way.
//!
//! Conventions, chosen so that the share is never flattering without
//! reason:
//!
//! - a skill listed twice by the offer counts once;
//! - a skill the referential does not know (a newer ROME than the
//!   catalogue's) still counts: the offer asks it, and leaving it out would
//!   raise the share. It is missing unless the person declared it, with an
//!   empty label: the web layer shows the offer's own label for it;
//! - an offer that lists no skill has a share of 1 (it asks nothing the
//!   person lacks, as [`crate::gap::Gap::readiness`] says of an empty
//!   trade), but ranks after the offers of equal share that list skills:
//!   a fit shown is worth more than a fit assumed.
//!
//! Cost: one fit reads each skill of the offer once in the person's
//! skills, and looks each missing one up once in the [`IndexAdequation`];
//! the result borrows its labels and units from the index, so that fitting
//! a person against 10 000 open offers allocates one vector per offer (see
//! `benches/adequation.rs`).

mod index;

use std::cmp::Ordering;

use campus_domain::insertion::ClasseTrajet;
use campus_domain::{GeoPoint, Niveau};
use serde::Serialize;

use crate::gap::{Acquired, Profile};
use crate::referentiel::CompetenceId;

pub use index::{IndexAdequation, UNITES_PAR_COMPETENCE, UniteCourte};

/// Level counted for a person without a certification (below level 3), as
/// the plans' level constraint counts it.
const NIVEAU_SANS_CERTIFICATION: u8 = 2;

/// What an offer asks, as the engine sees it. Built by the caller from the
/// stored offer (its skills, its level, its workplace).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OffreCible {
    /// The ROME skills the offer asks, in the order the offer lists them.
    pub competences: Vec<CompetenceId>,
    /// The certification level the offer asks, if any.
    pub niveau: Option<Niveau>,
    /// The workplace; `None` when the offer gives none (remote work, or a
    /// commune without coordinates).
    pub position: Option<GeoPoint>,
}

/// A skill the offer asks that the person lacks, with the shortest units
/// teaching it: at most [`UNITES_PAR_COMPETENCE`], shortest first, empty
/// when no unit of the catalogue teaches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manquante<'a> {
    pub skill: CompetenceId,
    /// The referential's label; empty for a skill it does not know.
    pub libelle: &'a str,
    pub unites: &'a [UniteCourte],
}

/// The offer's level against the person's highest certification. There is
/// no « unknown » case: a profile without a level holds no certification
/// ([`Profile::niveau`]), which is an answer, not a missing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "statut")]
pub enum NiveauAdequation {
    /// The offer asks no level.
    SansExigence,
    /// The person holds the level asked, or a higher one.
    Atteint,
    /// The person's level is `ecart` below the one asked; a person without
    /// a certification counts as level 2, as for the plans (a CAP asked of
    /// a person without one is a gap of 1).
    Manque { ecart: u8 },
}

impl NiveauAdequation {
    fn of(offre: Option<Niveau>, profile: Option<Niveau>) -> NiveauAdequation {
        let Some(asked) = offre else {
            return NiveauAdequation::SansExigence;
        };
        let held = profile.map_or(NIVEAU_SANS_CERTIFICATION, Niveau::value);
        match asked.value().checked_sub(held) {
            Some(ecart) if ecart > 0 => NiveauAdequation::Manque { ecart },
            _ => NiveauAdequation::Atteint,
        }
    }

    /// How far below the asked level the person is: 0 when nothing is
    /// lacking.
    pub fn ecart(self) -> u8 {
        match self {
            NiveauAdequation::Manque { ecart } => ecart,
            NiveauAdequation::SansExigence | NiveauAdequation::Atteint => 0,
        }
    }
}

/// The fit of one offer for one person. Borrows its labels and units from
/// the [`IndexAdequation`] it was computed with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adequation<'a> {
    /// `detenues / total`, in [0, 1]; 1 for an offer that lists no skill
    /// (see the module documentation).
    pub part: f32,
    /// Distinct skills of the offer the person holds.
    pub detenues: usize,
    /// Distinct skills the offer lists.
    pub total: usize,
    /// The others, in the offer's order.
    pub manquantes: Vec<Manquante<'a>>,
    /// Straight-line distance from home to the workplace; `None` when
    /// either is unknown.
    pub distance_km: Option<f64>,
    pub trajet: Option<ClasseTrajet>,
    pub niveau: NiveauAdequation,
}

/// The fit of `offre` for the person whose profile is `profile` and whose
/// skills are `acquired` (computed once from the profile, then shared by
/// every offer). Labels come from the referential `index` was built from.
pub fn adequation<'a>(
    index: &'a IndexAdequation,
    acquired: &Acquired,
    profile: &Profile,
    offre: &OffreCible,
) -> Adequation<'a> {
    let mut detenues = 0;
    let mut total = 0;
    // Most skills of most offers are missing: one allocation, never grown.
    let mut manquantes = Vec::with_capacity(offre.competences.len());
    for (i, &skill) in offre.competences.iter().enumerate() {
        // Offers list a dozen skills: a scan beats a set.
        if offre.competences[..i].contains(&skill) {
            continue;
        }
        total += 1;
        if acquired.contains(skill) {
            detenues += 1;
        } else {
            let (libelle, unites) = index
                .fiche(skill)
                .map_or(("", &[][..]), |f| (&*f.libelle, &*f.unites));
            manquantes.push(Manquante {
                skill,
                libelle,
                unites,
            });
        }
    }
    let part = if total == 0 {
        1.0
    } else {
        detenues as f32 / total as f32
    };
    let distance_km = match (profile.domicile, offre.position) {
        (Some(home), Some(work)) => Some(home.distance_km(work)),
        _ => None,
    };
    Adequation {
        part,
        detenues,
        total,
        manquantes,
        distance_km,
        trajet: distance_km.map(ClasseTrajet::of),
        niveau: NiveauAdequation::of(offre.niveau, profile.niveau),
    }
}

/// The order of fit: highest share first; at equal share, an offer that
/// lists skills before one that lists none; then the nearest (unknown
/// distances last); then the smallest level gap.
pub fn ordre_adequation(a: &Adequation<'_>, b: &Adequation<'_>) -> Ordering {
    b.part
        .total_cmp(&a.part)
        .then_with(|| (a.total == 0).cmp(&(b.total == 0)))
        .then_with(|| ordre_km(a.distance_km, b.distance_km))
        .then_with(|| a.niveau.ecart().cmp(&b.niveau.ecart()))
}

/// The order of distance: nearest first (unknown distances last), then by
/// fit.
pub fn ordre_distance(a: &Adequation<'_>, b: &Adequation<'_>) -> Ordering {
    ordre_km(a.distance_km, b.distance_km).then_with(|| ordre_adequation(a, b))
}

fn ordre_km(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts offers (or a recruiter's applicants) by [`ordre_adequation`],
/// `adequation` giving each item's fit. Stable: items of equal fit keep
/// the caller's order (say, the most recent first).
pub fn trier_par_adequation<T>(items: &mut [T], adequation: impl Fn(&T) -> &Adequation<'_>) {
    items.sort_by(|a, b| ordre_adequation(adequation(a), adequation(b)));
}

/// Sorts offers by [`ordre_distance`]; stable, as
/// [`trier_par_adequation`].
pub fn trier_par_distance<T>(items: &mut [T], adequation: impl Fn(&T) -> &Adequation<'_>) {
    items.sort_by(|a, b| ordre_distance(adequation(a), adequation(b)));
}

#[cfg(test)]
mod tests;
