//! Exact weighted set cover by branch and bound.
//!
//! After filtering, a learner faces tens to a few hundred training units
//! and a gap of at most a few dozen required skills (the largest ROME fiche
//! lists 135 items). Exact search is affordable there, and the learner is
//! owed the best plan, not a greedy one that may cost a season more.
//!
//! - **Reduction**: each unit keeps only the required skills it covers; a
//!   unit covering nothing is dropped, and so is a unit *dominated* by
//!   another (a superset of its skills at no more cost and no more hours).
//! - **Branching** on the uncovered skill with the fewest units able to
//!   cover it: every cover contains one of them, so branching on each is
//!   complete; after a unit's branch it is forbidden in its siblings, so no
//!   set is visited twice.
//! - **Bounds**: each uncovered skill gets a price such that no unit's
//!   skills cost more than the unit (a feasible solution of the dual of
//!   the covering LP, by dual ascent from each skill's cheapest share of a
//!   unit); any cover pays at least the sum of the prices. The cheapest
//!   shares alone bound the hours, to prune branches that would break the
//!   duration budget.
//! - A greedy cover seeds the incumbent so pruning starts at once, and a
//!   node budget keeps the worst case bounded: a plan found past it is
//!   returned marked not proven optimal.

use std::collections::HashMap;

/// Skills a plan can be asked to cover: four words of bits. Larger than any
/// ROME fiche (135 items).
pub(crate) const MAX_ELEMENTS: usize = 256;
const WORDS: usize = MAX_ELEMENTS / 64;

/// Search nodes explored before the best plan found so far is returned.
/// Catalogue-shaped instances (units teaching one to three gap skills)
/// are proved optimal in a few hundred nodes, and dense random ones (60
/// skills, 300 units of 2 to 6 skills each) in some 17 000; past the
/// budget (about 15 µs a node, under a second) the best plan found is
/// returned, marked unproven.
const NODE_BUDGET: u64 = 50_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Bits([u64; WORDS]);

impl Bits {
    pub(crate) fn set(&mut self, i: usize) {
        if i < MAX_ELEMENTS {
            self.0[i / 64] |= 1 << (i % 64);
        }
    }

    pub(crate) fn get(&self, i: usize) -> bool {
        i < MAX_ELEMENTS && self.0[i / 64] & (1 << (i % 64)) != 0
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    pub(crate) fn first_n(n: usize) -> Bits {
        let mut b = Bits::default();
        for i in 0..n.min(MAX_ELEMENTS) {
            b.set(i);
        }
        b
    }

    pub(crate) fn union(&self, o: &Bits) -> Bits {
        let mut r = *self;
        for (a, b) in r.0.iter_mut().zip(o.0) {
            *a |= b;
        }
        r
    }

    pub(crate) fn minus(&self, o: &Bits) -> Bits {
        let mut r = *self;
        for (a, b) in r.0.iter_mut().zip(o.0) {
            *a &= !b;
        }
        r
    }

    pub(crate) fn intersect_count(&self, o: &Bits) -> u32 {
        self.0
            .iter()
            .zip(o.0)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    fn is_subset(&self, o: &Bits) -> bool {
        self.0.iter().zip(o.0).all(|(a, b)| a & !b == 0)
    }

    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// A candidate unit, reduced to what the search needs.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) cover: Bits,
    /// The objective's value (hours, euros or metres).
    pub(crate) cost: u64,
    pub(crate) hours: u64,
}

/// The cheapest cover found: indices into the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cover {
    pub(crate) units: Vec<usize>,
    pub(crate) cost: u64,
    pub(crate) optimal: bool,
}

/// Covers elements `0..elements` with the candidates at least total cost,
/// within `max_hours` if given. `None` when no cover exists.
pub(crate) fn solve(
    elements: usize,
    candidates: &[Candidate],
    max_hours: Option<u64>,
) -> Option<Cover> {
    let all = Bits::first_n(elements);
    // Reduction.
    let mut kept: Vec<usize> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let useful = c.cover.intersect_count(&all) > 0 && max_hours.is_none_or(|m| c.hours <= m);
        if useful {
            kept.push(i);
        }
    }
    let restricted: Vec<Bits> = kept
        .iter()
        .map(|&i| {
            let mut c = candidates[i].cover;
            for (a, b) in c.0.iter_mut().zip(all.0) {
                *a &= b;
            }
            c
        })
        .collect();
    // Dominance, first among units of the same cover (the national
    // catalogue has thousands of sessions of one diploma, all alike), then
    // among the survivors of different covers: a unit dominated by an
    // eliminated one is dominated by what eliminated it, so the result is
    // that of comparing every pair, at a fraction of the cost.
    let mut groups: HashMap<Bits, Vec<usize>> = HashMap::new();
    for (k, cover) in restricted.iter().enumerate() {
        groups.entry(*cover).or_default().push(k);
    }
    let mut survivors: Vec<usize> = Vec::new();
    for members in groups.values_mut() {
        // By cost, then hours, then order: a unit is beaten by an earlier
        // one as soon as one of those took no more hours (identical units:
        // the first is kept).
        members.sort_by_key(|&k| (candidates[kept[k]].cost, candidates[kept[k]].hours, k));
        let mut fewest_hours = u64::MAX;
        for &k in members.iter() {
            let hours = candidates[kept[k]].hours;
            if hours < fewest_hours {
                survivors.push(k);
                fewest_hours = hours;
            }
        }
    }
    survivors.sort_unstable();
    let dominated = |k: usize| {
        survivors.iter().any(|&l| {
            l != k
                && restricted[k] != restricted[l]
                && restricted[k].is_subset(&restricted[l])
                && candidates[kept[l]].cost <= candidates[kept[k]].cost
                && candidates[kept[l]].hours <= candidates[kept[k]].hours
        })
    };
    let units: Vec<(usize, Candidate)> = survivors
        .iter()
        .copied()
        .filter(|&k| !dominated(k))
        .map(|k| {
            (
                kept[k],
                Candidate {
                    cover: restricted[k],
                    cost: candidates[kept[k]].cost,
                    hours: candidates[kept[k]].hours,
                },
            )
        })
        .collect();
    let mut by_element: Vec<Vec<usize>> = vec![Vec::new(); elements.min(MAX_ELEMENTS)];
    for (u, (_, c)) in units.iter().enumerate() {
        for e in c.cover.ones() {
            by_element[e].push(u);
        }
    }
    if by_element.iter().any(Vec::is_empty) {
        return None;
    }
    for list in &mut by_element {
        list.sort_by_key(|&u| (units[u].1.cost, units[u].1.hours, u));
    }
    let mut search = Search {
        units: &units,
        by_element: &by_element,
        all,
        max_hours,
        forbidden: vec![false; units.len()],
        chosen: Vec::new(),
        best: None,
        best_cost: u64::MAX,
        nodes: 0,
        slack: vec![0.0; units.len()],
    };
    if let Some((chosen, cost)) = search.greedy() {
        search.best_cost = cost;
        search.best = Some(chosen);
    }
    search.branch(Bits::default(), 0, 0);
    let optimal = search.nodes < NODE_BUDGET;
    let best = search.best?;
    let mut chosen: Vec<usize> = best.into_iter().map(|u| units[u].0).collect();
    chosen.sort_unstable();
    Some(Cover {
        units: chosen,
        cost: search.best_cost,
        optimal,
    })
}

struct Search<'a> {
    units: &'a [(usize, Candidate)],
    by_element: &'a [Vec<usize>],
    all: Bits,
    max_hours: Option<u64>,
    forbidden: Vec<bool>,
    chosen: Vec<usize>,
    best: Option<Vec<usize>>,
    best_cost: u64,
    nodes: u64,
    /// Per unit, the cost not yet charged to skills by the dual bound.
    slack: Vec<f64>,
}

impl Search<'_> {
    /// Cheapest cost per newly covered skill first; respects the hour
    /// budget or gives up (the exact search may still find a cover).
    fn greedy(&self) -> Option<(Vec<usize>, u64)> {
        let (mut covered, mut cost, mut hours, mut chosen) =
            (Bits::default(), 0u64, 0u64, Vec::new());
        while covered != self.all {
            let uncovered = self.all.minus(&covered);
            let (u, _) = self
                .units
                .iter()
                .enumerate()
                .filter(|(_, (_, c))| self.max_hours.is_none_or(|m| hours + c.hours <= m))
                .filter_map(|(u, (_, c))| {
                    let new = c.cover.intersect_count(&uncovered);
                    (new > 0).then_some((u, c.cost as f64 / f64::from(new)))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
            let c = &self.units[u].1;
            covered = covered.union(&c.cover);
            cost = cost.saturating_add(c.cost);
            hours = hours.saturating_add(c.hours);
            chosen.push(u);
        }
        Some((chosen, cost))
    }

    /// Lower bounds on the cost and the hours still to spend to cover
    /// `uncovered` with the units not forbidden. `None` when some skill
    /// can no longer be covered.
    ///
    /// The cost bound is a feasible solution of the dual of the covering
    /// LP: each uncovered skill gets a price, and no unit's skills are
    /// priced above its cost. Prices start at the cheapest share a unit can
    /// charge a skill (its cost over the uncovered skills it covers), then
    /// each skill, most constrained first, takes what its units have left.
    /// Any cover pays at least the sum of the prices. The hour bound keeps
    /// the shares alone (it only prunes the budget).
    fn bounds(&mut self, uncovered: &Bits) -> Option<(u64, u64)> {
        let mut elements: Vec<(usize, usize)> = Vec::new();
        for e in uncovered.ones() {
            let mut options = 0;
            for &u in &self.by_element[e] {
                if !self.forbidden[u] {
                    self.slack[u] = self.units[u].1.cost as f64;
                    options += 1;
                }
            }
            if options == 0 {
                return None;
            }
            elements.push((options, e));
        }
        let mut shares_hours = 0.0f64;
        let (mut max_cost, mut max_hours) = (0u64, 0u64);
        let mut price = vec![0.0f64; elements.len()];
        for (k, &(_, e)) in elements.iter().enumerate() {
            let (mut share_cost, mut share_hours) = (f64::INFINITY, f64::INFINITY);
            let (mut min_cost, mut min_hours) = (u64::MAX, u64::MAX);
            for &u in &self.by_element[e] {
                if self.forbidden[u] {
                    continue;
                }
                let c = &self.units[u].1;
                let n = f64::from(c.cover.intersect_count(uncovered).max(1));
                share_cost = share_cost.min(c.cost as f64 / n);
                share_hours = share_hours.min(c.hours as f64 / n);
                min_cost = min_cost.min(c.cost);
                min_hours = min_hours.min(c.hours);
            }
            price[k] = share_cost;
            max_cost = max_cost.max(min_cost);
            shares_hours += share_hours;
            max_hours = max_hours.max(min_hours);
        }
        for (k, &(_, e)) in elements.iter().enumerate() {
            for &u in &self.by_element[e] {
                if !self.forbidden[u] {
                    self.slack[u] -= price[k];
                }
            }
        }
        let mut order: Vec<usize> = (0..elements.len()).collect();
        order.sort_by_key(|&k| elements[k]);
        for k in order {
            let e = elements[k].1;
            let room = self.by_element[e]
                .iter()
                .filter(|&&u| !self.forbidden[u])
                .map(|&u| self.slack[u])
                .fold(f64::INFINITY, f64::min)
                .max(0.0);
            if room > 0.0 {
                price[k] += room;
                for &u in &self.by_element[e] {
                    if !self.forbidden[u] {
                        self.slack[u] -= room;
                    }
                }
            }
        }
        let prices: f64 = price.iter().sum();
        // Integer totals: a fractional bound rounds up (minus a hair for
        // floating-point error).
        let round = |x: f64| (x - 1e-6).ceil().max(0.0) as u64;
        // The dearest skill's cheapest unit bounds the cost as well.
        Some((
            round(prices).max(max_cost),
            round(shares_hours).max(max_hours),
        ))
    }

    fn branch(&mut self, covered: Bits, cost: u64, hours: u64) {
        if covered == self.all {
            if cost < self.best_cost {
                self.best_cost = cost;
                self.best = Some(self.chosen.clone());
            }
            return;
        }
        self.nodes += 1;
        if self.nodes >= NODE_BUDGET {
            return;
        }
        let uncovered = self.all.minus(&covered);
        let Some((lb_cost, lb_hours)) = self.bounds(&uncovered) else {
            return;
        };
        if cost.saturating_add(lb_cost) >= self.best_cost {
            return;
        }
        if self
            .max_hours
            .is_some_and(|m| hours.saturating_add(lb_hours) > m)
        {
            return;
        }
        // The most constrained skill.
        let Some(e) = uncovered.ones().min_by_key(|&e| {
            self.by_element[e]
                .iter()
                .filter(|&&u| !self.forbidden[u])
                .count()
        }) else {
            return;
        };
        let mut options: Vec<usize> = self.by_element[e]
            .iter()
            .copied()
            .filter(|&u| !self.forbidden[u])
            .collect();
        options.sort_by(|&a, &b| {
            let ratio = |u: usize| {
                let c = &self.units[u].1;
                c.cost as f64 / f64::from(c.cover.intersect_count(&uncovered).max(1))
            };
            ratio(a).total_cmp(&ratio(b)).then(a.cmp(&b))
        });
        let mut banned = Vec::new();
        for u in options {
            let c = &self.units[u].1;
            let within = self.max_hours.is_none_or(|m| hours + c.hours <= m);
            if within {
                self.chosen.push(u);
                let next = covered.union(&c.cover);
                self.branch(next, cost.saturating_add(c.cost), hours + c.hours);
                self.chosen.pop();
            }
            self.forbidden[u] = true;
            banned.push(u);
            if self.nodes >= NODE_BUDGET {
                break;
            }
        }
        for u in banned {
            self.forbidden[u] = false;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn candidate(skills: &[usize], cost: u64, hours: u64) -> Candidate {
        let mut cover = Bits::default();
        for &s in skills {
            cover.set(s);
        }
        Candidate { cover, cost, hours }
    }

    /// Every subset, for instances of up to ten units.
    pub(crate) fn brute_force(
        elements: usize,
        candidates: &[Candidate],
        max_hours: Option<u64>,
    ) -> Option<u64> {
        let all = Bits::first_n(elements);
        let mut best: Option<u64> = None;
        for mask in 0u32..(1 << candidates.len()) {
            let (mut covered, mut cost, mut hours) = (Bits::default(), 0, 0);
            for (i, c) in candidates.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    covered = covered.union(&c.cover);
                    cost += c.cost;
                    hours += c.hours;
                }
            }
            if all.is_subset(&covered) && max_hours.is_none_or(|m| hours <= m) {
                best = Some(best.map_or(cost, |b: u64| b.min(cost)));
            }
        }
        best
    }

    #[test]
    fn prefers_two_short_units_to_one_long() {
        let cands = vec![
            candidate(&[0, 1, 2], 100, 100),
            candidate(&[0, 1], 30, 30),
            candidate(&[2], 30, 30),
            candidate(&[1], 5, 5),
        ];
        let cover = solve(3, &cands, None);
        assert_eq!(
            cover,
            Some(Cover {
                units: vec![1, 2],
                cost: 60,
                optimal: true
            })
        );
    }

    #[test]
    fn hour_budget_and_infeasibility() {
        let cands = vec![
            candidate(&[0, 1], 10, 100),
            candidate(&[0], 50, 20),
            candidate(&[1], 50, 20),
        ];
        assert_eq!(solve(2, &cands, None).map(|c| c.cost), Some(10));
        assert_eq!(
            solve(2, &cands, Some(50)).map(|c| c.units),
            Some(vec![1, 2])
        );
        assert_eq!(solve(2, &cands, Some(30)), None);
        assert_eq!(solve(3, &cands, None), None);
        assert_eq!(solve(0, &cands, None).map(|c| c.cost), Some(0));
    }

    fn instance() -> impl Strategy<Value = (usize, Vec<Candidate>, Option<u64>)> {
        (1usize..8).prop_flat_map(|elements| {
            let unit = (
                proptest::collection::vec(0..elements, 0..4),
                0u64..60,
                0u64..60,
            )
                .prop_map(|(skills, cost, hours)| candidate(&skills, cost, hours));
            (
                Just(elements),
                proptest::collection::vec(unit, 0..=10),
                proptest::option::of(0u64..150),
            )
        })
    }

    proptest! {
        #[test]
        fn optimal_against_brute_force((elements, cands, max_hours) in instance()) {
            let found = solve(elements, &cands, max_hours);
            prop_assert_eq!(found.as_ref().map(|c| c.cost), brute_force(elements, &cands, max_hours));
            if let Some(cover) = found {
                prop_assert!(cover.optimal);
                let mut covered = Bits::default();
                let (mut cost, mut hours) = (0, 0);
                for &u in &cover.units {
                    covered = covered.union(&cands[u].cover);
                    cost += cands[u].cost;
                    hours += cands[u].hours;
                }
                prop_assert!(Bits::first_n(elements).is_subset(&covered));
                prop_assert_eq!(cost, cover.cost);
                prop_assert!(max_hours.is_none_or(|m| hours <= m));
            }
        }
    }
}
