//! Passerelles: every trade ranked by its proximity to a current one.
//!
//! Three signals, each in [0, 1], and their weighted sum:
//!
//! - **official mobilité** ([`WEIGHT_MOBILITE`]): France Travail lists, for
//!   each fiche, the trades people move to, in order of proximity. The
//!   first listed scores 1, the last `1/n`, an unlisted trade 0. It carries
//!   knowledge that skills miss (same employers, same working conditions);
//! - **core overlap** ([`WEIGHT_OVERLAP`]): the share of the target's core
//!   skills the current trade already practises, a core skill of the
//!   current trade counting fully and one of its other skills half (met
//!   less often, held less surely);
//! - **gap** ([`WEIGHT_GAP`]): one minus the share of the target's weighted
//!   skills (core ones weigh [`crate::gap::WEIGHT_CORE`]) missing from the
//!   current trade: a small gap is a short plan.
//!
//! Mobilités and skills weigh the same, since the official list is short
//! (about ten trades per fiche) and skills rank the other 1 500; the gap
//! breaks ties between trades with similar cores.

use campus_domain::CodeRome;
use campus_domain::rome::Coeur;
use serde::Serialize;

use crate::error::ParcoursError;
use crate::gap::{Experience, Profile, Requirement, YEARS_FOR_ALL, acquired, gap};
use crate::plan::{Constraints, Objective, Outcome, Plan, Request, Units, plan};
use crate::referentiel::Referentiel;

pub const WEIGHT_MOBILITE: f32 = 0.4;
pub const WEIGHT_OVERLAP: f32 = 0.4;
pub const WEIGHT_GAP: f32 = 0.2;

/// How much a skill of the current trade counts towards a target's core.
const HELD_CORE: f32 = 1.0;
const HELD_OTHER: f32 = 0.5;

/// The parts of a proximity score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parts {
    /// Rank in the official mobilités (1 is the closest), if listed.
    pub mobilite_rang: Option<usize>,
    pub mobilite: f32,
    pub overlap: f32,
    /// Core skills of the target the current trade lacks.
    pub core_missing: usize,
    /// Weighted share of the target's skills the current trade lacks.
    pub gap_share: f32,
}

/// A trade and its proximity to the current one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passerelle {
    pub cible: CodeRome,
    pub libelle: String,
    /// Weighted sum of the parts, in [0, 1].
    pub score: f32,
    pub parts: Parts,
}

/// Every other trade, closest first (ties by code).
pub fn passerelles(
    referentiel: &Referentiel,
    from: &CodeRome,
) -> Result<Vec<Passerelle>, ParcoursError> {
    let &source = referentiel
        .metier_index
        .get(from)
        .ok_or_else(|| ParcoursError::MetierInconnu(from.clone()))?;
    let current = &referentiel.metiers[source as usize];
    let mut held = vec![0.0f32; referentiel.skills.len()];
    let no_core = !current.has_core();
    for s in &current.skills {
        held[s.skill as usize] = if s.coeur == Some(Coeur::Principale) || no_core {
            HELD_CORE
        } else {
            HELD_OTHER
        };
    }
    let mut rank = vec![None; referentiel.metiers.len()];
    for (i, &(target, _)) in current.mobilites.iter().enumerate() {
        rank[target as usize].get_or_insert(i + 1);
    }
    let listed = current.mobilites.len().max(1) as f32;
    let mut found: Vec<Passerelle> = referentiel
        .metiers
        .iter()
        .enumerate()
        .filter(|&(m, _)| m != source as usize)
        .map(|(m, target)| {
            let target_no_core = !target.has_core();
            let (mut core, mut core_held, mut core_missing) = (0usize, 0.0f32, 0usize);
            let (mut total, mut missing) = (0.0f32, 0.0f32);
            for s in &target.skills {
                let requirement = match s.coeur {
                    _ if target_no_core => Requirement::Core,
                    Some(Coeur::Principale) => Requirement::Core,
                    Some(Coeur::Emergente) => Requirement::Emergent,
                    None => Requirement::Other,
                };
                let h = held[s.skill as usize];
                total += requirement.weight();
                if h == 0.0 {
                    missing += requirement.weight();
                }
                if requirement == Requirement::Core {
                    core += 1;
                    core_held += h;
                    if h == 0.0 {
                        core_missing += 1;
                    }
                }
            }
            let overlap = if core > 0 {
                core_held / core as f32
            } else {
                0.0
            };
            let gap_share = if total > 0.0 { missing / total } else { 1.0 };
            let mobilite_rang = rank[m];
            let mobilite = mobilite_rang.map_or(0.0, |r| (listed + 1.0 - r as f32) / listed);
            let score = WEIGHT_MOBILITE * mobilite
                + WEIGHT_OVERLAP * overlap
                + WEIGHT_GAP * (1.0 - gap_share);
            Passerelle {
                cible: target.code.clone(),
                libelle: target.libelle.clone(),
                score,
                parts: Parts {
                    mobilite_rang,
                    mobilite,
                    overlap,
                    core_missing,
                    gap_share,
                },
            }
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.cible.cmp(&b.cible)));
    Ok(found)
}

/// What a list of `limit` passerelles shows: every official mobilité of
/// the current trade (France Travail names them; an advisor would not drop
/// one for an unofficial neighbour), then the closest other trades until
/// `limit` is reached, in the ranking's order.
pub fn with_every_mobilite(ranked: Vec<Passerelle>, limit: usize) -> Vec<Passerelle> {
    let official = ranked
        .iter()
        .filter(|p| p.parts.mobilite_rang.is_some())
        .count();
    let mut others = limit.saturating_sub(official);
    ranked
        .into_iter()
        .filter(|p| {
            if p.parts.mobilite_rang.is_some() {
                return true;
            }
            let keep = others > 0;
            others = others.saturating_sub(1);
            keep
        })
        .collect()
}

/// The plan of a passerelle as its list shows it: the shortest one for
/// someone with [`YEARS_FOR_ALL`] years in `from` (the skills a worker of
/// that trade holds), for an adult (a worker changing trades goes back to
/// training, not to school: no initial-education programme), at most one
/// level above the target's entry level ([`Referentiel::entry_level`]:
/// nobody's own level is known, and a move between operators' trades is
/// not made through a master). `None` when the catalogue allows none.
pub fn summary_plan(
    referentiel: &Referentiel,
    units: &Units,
    from: &CodeRome,
    to: &CodeRome,
) -> Option<Plan> {
    let profile = Profile {
        experiences: vec![Experience {
            metier: from.clone(),
            annees: YEARS_FOR_ALL,
        }],
        ..Profile::default()
    };
    let have = acquired(referentiel, &profile).ok()?;
    let g = gap(referentiel, &have, to).ok()?;
    // Levels above the unknown learner's, who counts as level 2.
    let ecart_niveau_max = referentiel
        .entry_level(to)
        .map(|n| (n.value() + 1).saturating_sub(2));
    let constraints = Constraints {
        ecart_niveau_max,
        formation_initiale: false,
        ..Constraints::default()
    };
    match plan(
        referentiel,
        &Request {
            profile: &profile,
            acquired: &have,
            gap: &g,
            units,
            constraints: &constraints,
            objective: Objective::Duree,
        },
    )
    .ok()?
    {
        Outcome::Plans { best, .. } => Some(best),
        Outcome::Infeasible { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::gap::tests::small;
    use crate::referentiel::ReferentielBuilder;
    use crate::referentiel::tests::rome;
    use campus_domain::rome::{Competence, CompetenceKind, FicheCompetence, Mobilite};
    use proptest::prelude::*;

    const CODES: [&str; 6] = ["A1101", "H2301", "H3301", "I1304", "J1307", "N1103"];

    proptest! {
        #[test]
        fn every_other_trade_ranked_with_bounded_parts(
            skills in proptest::collection::vec(proptest::collection::vec((1i64..15, 0u8..3), 0..8), 6),
            mobilites in proptest::collection::vec((0usize..6, 0usize..6, 1i32..12), 0..15),
            from in 0usize..6,
        ) {
            let mut b = ReferentielBuilder::new();
            for code in 1..15 {
                b.skill(&Competence {
                    code_ogr: code,
                    kind: CompetenceKind::Savoir,
                    libelle: String::new(),
                    categorie: None,
                    sous_categorie: None,
                });
            }
            for (m, list) in skills.iter().enumerate() {
                b.metier(rome(CODES[m]), CODES[m]);
                for &(s, c) in list {
                    b.fiche_competence(&FicheCompetence {
                        code_rome: rome(CODES[m]),
                        code_ogr: s,
                        coeur: [None, Some(Coeur::Principale), Some(Coeur::Emergente)][c as usize],
                    });
                }
            }
            for (a, c, ordre) in mobilites {
                b.mobilite(&Mobilite { code_rome: rome(CODES[a]), cible: rome(CODES[c]), ordre });
            }
            let r = b.build().0;
            let list = passerelles(&r, &rome(CODES[from])).unwrap();
            prop_assert_eq!(list.len(), 5);
            prop_assert!(list.iter().all(|p| p.cible != rome(CODES[from])));
            for p in &list {
                for part in [p.score, p.parts.mobilite, p.parts.overlap, p.parts.gap_share] {
                    prop_assert!((0.0..=1.0 + 1e-6).contains(&part), "{:?}", p);
                }
            }
            prop_assert!(list.windows(2).all(|w| w[0].score >= w[1].score));
            // A short list keeps every official mobilité, and the ranking.
            let official = list.iter().filter(|p| p.parts.mobilite_rang.is_some()).count();
            for limit in 0..7 {
                let shown = with_every_mobilite(list.clone(), limit);
                let shown_official = shown.iter().filter(|p| p.parts.mobilite_rang.is_some()).count();
                prop_assert_eq!(shown_official, official);
                prop_assert_eq!(shown.len(), official.max(limit.min(list.len())));
                prop_assert!(shown.windows(2).all(|w| w[0].score >= w[1].score));
            }
        }
    }

    #[test]
    fn ranks_with_parts() {
        let r = small();
        let list = passerelles(&r, &rome("H3301")).unwrap();
        assert_eq!(list.len(), 1);
        let p = &list[0];
        assert_eq!(p.cible, rome("I1304"));
        // I1304's core: 2 (a core skill of H3301) and 5 (absent).
        assert!((p.parts.overlap - 0.5).abs() < 1e-6);
        assert_eq!(p.parts.core_missing, 1);
        // Weights: 2 → 3, 5 → 3, 6 → 1; missing 5 and 6.
        assert!((p.parts.gap_share - 4.0 / 7.0).abs() < 1e-6);
        assert_eq!(p.parts.mobilite_rang, None);
        assert!((p.score - (0.4 * 0.5 + 0.2 * 3.0 / 7.0)).abs() < 1e-6);
        assert!(passerelles(&r, &rome("A1101")).is_err());
    }
}
