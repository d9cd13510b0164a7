//! Statistical confidentiality (« secret statistique ») of the figures the
//! campus publishes outside its team.
//!
//! A campus counts small groups: five apprentices of one school in one
//! trade, two pupils abroad. A count that small, crossed with a school and
//! a year, names people; the rules of the official statistics apply:
//!
//! - a count from 1 to [`SEUIL_EFFECTIF`] − 1 is hidden (*primary
//!   suppression*); zero is shown, it describes nobody;
//! - a rate whose denominator is under [`SEUIL_DENOMINATEUR`] is shown as
//!   « nd » ([`Taux`]);
//! - a hidden cell must not be recoverable from the published totals:
//!   when a row holds one hidden cell and its total, subtraction gives it
//!   back. *Secondary suppression* hides further cells until no hidden
//!   value is determined by the table's equations — not only row by row,
//!   but by any combination of rows and columns (a hidden cell is
//!   recoverable exactly when its unit vector lies in the row space of the
//!   equations restricted to the hidden values, which [`Equations`] tests
//!   by exact elimination).
//!
//! Further cells are chosen smallest first, among those sharing a row or
//! a column with the exposed cell, so that as little as possible is lost;
//! zeros come last, since a reader often knows where a zero must be.

/// Smallest count shown as such.
pub const SEUIL_EFFECTIF: u64 = 5;
/// Smallest denominator of a rate shown as such.
pub const SEUIL_DENOMINATEUR: u64 = 20;

/// One published value: its figure, or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Valeur(u64),
    Masquee,
}

impl Case {
    /// The figure, when shown.
    pub fn valeur(self) -> Option<u64> {
        match self {
            Case::Valeur(v) => Some(v),
            Case::Masquee => None,
        }
    }
}

/// A rate as published: a percentage, or « nd » when its denominator is
/// too small to say anything about anyone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Taux {
    Pourcentage(f64),
    NonDiffusable,
}

impl Taux {
    /// `numerateur / denominateur` in percent, or « nd ».
    pub fn de(numerateur: u64, denominateur: u64) -> Taux {
        if denominateur < SEUIL_DENOMINATEUR {
            Taux::NonDiffusable
        } else {
            Taux::Pourcentage(numerateur as f64 * 100.0 / denominateur as f64)
        }
    }
}

/// A table of counts, rows × columns, whose margins (row totals, column
/// totals, grand total) are published with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tableau {
    colonnes: usize,
    cases: Vec<u64>,
}

/// Why a table cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableauError {
    #[error("les lignes n'ont pas toutes le même nombre de colonnes")]
    LignesInegales,
}

impl Tableau {
    /// A table from its rows; every row has the same number of columns.
    pub fn new(lignes: &[Vec<u64>]) -> Result<Tableau, TableauError> {
        let colonnes = lignes.first().map_or(0, Vec::len);
        if lignes.iter().any(|l| l.len() != colonnes) {
            return Err(TableauError::LignesInegales);
        }
        Ok(Tableau {
            colonnes,
            cases: lignes.iter().flatten().copied().collect(),
        })
    }

    fn lignes(&self) -> usize {
        self.cases.len().checked_div(self.colonnes).unwrap_or(0)
    }

    /// Every value of the table with its margins, in the order of
    /// [`Equations`]: cells row by row, row totals, column totals, grand
    /// total.
    fn valeurs(&self) -> Vec<u64> {
        let (r, c) = (self.lignes(), self.colonnes);
        let mut v = self.cases.clone();
        v.extend((0..r).map(|i| self.cases[i * c..(i + 1) * c].iter().sum::<u64>()));
        v.extend((0..c).map(|j| (0..r).map(|i| self.cases[i * c + j]).sum::<u64>()));
        v.push(self.cases.iter().sum());
        v
    }

    /// The table as it may be published: small counts hidden, then
    /// whatever else must be hidden so that none of them can be
    /// recomputed.
    pub fn publier(&self) -> TableauPublie {
        let valeurs = self.valeurs();
        let equations = Equations::new(self.lignes(), self.colonnes);
        let mut masquees: Vec<bool> = valeurs
            .iter()
            .map(|&v| v > 0 && v < SEUIL_EFFECTIF)
            .collect();
        let cout = |k: usize| (valeurs[k] == 0, valeurs[k], equations.est_marge(k), k);
        loop {
            // An equation with one hidden value gives it by subtraction:
            // hide the cheapest other value of that equation.
            let seule = equations.termes.iter().find_map(|e| {
                let mut cachees = e.iter().filter(|(k, _)| masquees[*k]);
                match (cachees.next(), cachees.next()) {
                    (Some(_), None) => e
                        .iter()
                        .map(|&(k, _)| k)
                        .filter(|&k| !masquees[k])
                        .min_by_key(|&k| cout(k)),
                    _ => None,
                }
            });
            // Otherwise a combination of equations may still give one
            // back: hide the cheapest value that shares an equation with it.
            let voisine = seule.or_else(|| {
                let exposee = equations.determinee(&masquees)?;
                equations
                    .voisines(exposee)
                    .into_iter()
                    .filter(|&k| !masquees[k])
                    .min_by_key(|&k| cout(k))
                    .or_else(|| {
                        (0..valeurs.len())
                            .filter(|&k| !masquees[k])
                            .min_by_key(|&k| cout(k))
                    })
            });
            match voisine {
                Some(k) => masquees[k] = true,
                // Nothing is exposed, or everything is hidden already.
                None => break,
            }
        }
        let cases = valeurs
            .iter()
            .zip(&masquees)
            .map(|(&v, &m)| if m { Case::Masquee } else { Case::Valeur(v) })
            .collect();
        TableauPublie {
            lignes: self.lignes(),
            colonnes: self.colonnes,
            cases,
        }
    }
}

/// A table ready to be shown outside the campus team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableauPublie {
    lignes: usize,
    colonnes: usize,
    cases: Vec<Case>,
}

impl TableauPublie {
    /// The cell of row `i`, column `j`.
    pub fn case(&self, i: usize, j: usize) -> Case {
        self.cases[i * self.colonnes + j]
    }

    /// The total of row `i`.
    pub fn total_ligne(&self, i: usize) -> Case {
        self.cases[self.lignes * self.colonnes + i]
    }

    /// The total of column `j`.
    pub fn total_colonne(&self, j: usize) -> Case {
        self.cases[self.lignes * self.colonnes + self.lignes + j]
    }

    /// The grand total.
    pub fn total(&self) -> Case {
        self.cases[self.cases.len() - 1]
    }

    /// Every value in the order of the table's equations (cells row by
    /// row, row totals, column totals, grand total).
    pub fn toutes(&self) -> &[Case] {
        &self.cases
    }
}

/// The linear equations that bind a table's cells to its margins: each
/// row sums to its total, each column to its total, and both kinds of
/// totals to the grand total.
#[derive(Debug, Clone)]
pub struct Equations {
    lignes: usize,
    colonnes: usize,
    /// Each equation as the indices of its values with their signs.
    termes: Vec<Vec<(usize, i64)>>,
}

impl Equations {
    /// The equations of a `lignes` × `colonnes` table with its margins.
    pub fn new(lignes: usize, colonnes: usize) -> Equations {
        let cellule = |i: usize, j: usize| i * colonnes + j;
        let total_ligne = |i: usize| lignes * colonnes + i;
        let total_colonne = |j: usize| lignes * colonnes + lignes + j;
        let total = lignes * colonnes + lignes + colonnes;
        let mut termes = Vec::new();
        for i in 0..lignes {
            let mut e: Vec<_> = (0..colonnes).map(|j| (cellule(i, j), 1)).collect();
            e.push((total_ligne(i), -1));
            termes.push(e);
        }
        for j in 0..colonnes {
            let mut e: Vec<_> = (0..lignes).map(|i| (cellule(i, j), 1)).collect();
            e.push((total_colonne(j), -1));
            termes.push(e);
        }
        let mut e: Vec<_> = (0..lignes).map(|i| (total_ligne(i), 1)).collect();
        e.push((total, -1));
        termes.push(e);
        let mut e: Vec<_> = (0..colonnes).map(|j| (total_colonne(j), 1)).collect();
        e.push((total, -1));
        termes.push(e);
        Equations {
            lignes,
            colonnes,
            termes,
        }
    }

    /// Number of values (cells and margins).
    fn len(&self) -> usize {
        self.lignes * self.colonnes + self.lignes + self.colonnes + 1
    }

    fn est_marge(&self, k: usize) -> bool {
        k >= self.lignes * self.colonnes
    }

    /// The values that share an equation with `k`.
    fn voisines(&self, k: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .termes
            .iter()
            .filter(|e| e.iter().any(|&(i, _)| i == k))
            .flat_map(|e| e.iter().map(|&(i, _)| i))
            .filter(|&i| i != k)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The first hidden value that the published ones determine, if any.
    ///
    /// The published values move to the right-hand side; the hidden ones
    /// form a system whose reduced echelon form is computed exactly (the
    /// coefficients are integers, each row kept divided by its gcd). A
    /// hidden value is determined exactly when one reduced row holds it
    /// alone.
    pub fn determinee(&self, masquees: &[bool]) -> Option<usize> {
        let inconnues: Vec<usize> = (0..self.len()).filter(|&k| masquees[k]).collect();
        if inconnues.is_empty() {
            return None;
        }
        let rang_de = |k: usize| inconnues.binary_search(&k).ok();
        let mut matrice: Vec<Vec<i128>> = self
            .termes
            .iter()
            .map(|e| {
                let mut ligne = vec![0i128; inconnues.len()];
                for &(k, signe) in e {
                    if let Some(c) = rang_de(k) {
                        ligne[c] += i128::from(signe);
                    }
                }
                ligne
            })
            .filter(|l| l.iter().any(|&x| x != 0))
            .collect();
        echelonner(&mut matrice);
        matrice.iter().find_map(|ligne| {
            let mut non_nuls = ligne.iter().enumerate().filter(|(_, x)| **x != 0);
            match (non_nuls.next(), non_nuls.next()) {
                (Some((c, _)), None) => Some(inconnues[c]),
                _ => None,
            }
        })
    }
}

/// Reduces `m` to reduced row echelon form over the integers (each pivot
/// column zero outside its pivot row), dividing each row by the gcd of
/// its entries so that the numbers stay small.
fn echelonner(m: &mut [Vec<i128>]) {
    let colonnes = m.first().map_or(0, Vec::len);
    let mut rang = 0;
    for c in 0..colonnes {
        let Some(p) = (rang..m.len()).find(|&r| m[r][c] != 0) else {
            continue;
        };
        m.swap(rang, p);
        let pivot = m[rang].clone();
        for (r, ligne) in m.iter_mut().enumerate() {
            if r == rang || ligne[c] == 0 {
                continue;
            }
            let facteur = ligne[c];
            for (x, &y) in ligne.iter_mut().zip(&pivot) {
                *x = *x * pivot[c] - y * facteur;
            }
            reduire(ligne);
        }
        rang += 1;
        if rang == m.len() {
            break;
        }
    }
}

fn reduire(ligne: &mut [i128]) {
    let g = ligne.iter().fold(0i128, |g, &x| pgcd(g, x.abs()));
    if g > 1 {
        for x in ligne.iter_mut() {
            *x /= g;
        }
    }
}

fn pgcd(a: i128, b: i128) -> i128 {
    if b == 0 { a } else { pgcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The attack the rule guards against, written independently of the
    /// elimination: any equation with one unknown left gives it by
    /// subtraction; repeat until nothing moves. Returns the hidden values
    /// recovered.
    fn soustractions(equations: &Equations, publie: &[Case], vraies: &[u64]) -> Vec<usize> {
        let mut connues: Vec<Option<i128>> =
            publie.iter().map(|c| c.valeur().map(i128::from)).collect();
        let mut retrouvees = Vec::new();
        loop {
            let mut avance = false;
            for e in &equations.termes {
                let inconnues: Vec<_> = e.iter().filter(|(k, _)| connues[*k].is_none()).collect();
                if let [(k, signe)] = inconnues[..] {
                    let reste: i128 = e
                        .iter()
                        .filter_map(|(i, s)| connues[*i].map(|v| v * i128::from(*s)))
                        .sum();
                    let v = -reste * i128::from(*signe);
                    assert_eq!(v, i128::from(vraies[*k]));
                    connues[*k] = Some(v);
                    retrouvees.push(*k);
                    avance = true;
                }
            }
            if !avance {
                return retrouvees;
            }
        }
    }

    fn tableau() -> impl Strategy<Value = Vec<Vec<u64>>> {
        (1usize..6, 1usize..6).prop_flat_map(|(r, c)| {
            prop::collection::vec(prop::collection::vec(prop_oneof![0u64..8, 0u64..60], c), r)
        })
    }

    #[test]
    fn primary_suppression_alone_leaks_by_subtraction() {
        // A row with one small count: its total gives it back.
        let t = Tableau::new(&[vec![3, 40, 12], vec![25, 30, 9]]).unwrap();
        let valeurs = t.valeurs();
        let naive: Vec<Case> = valeurs
            .iter()
            .map(|&v| {
                if v > 0 && v < SEUIL_EFFECTIF {
                    Case::Masquee
                } else {
                    Case::Valeur(v)
                }
            })
            .collect();
        let eq = Equations::new(2, 3);
        assert_eq!(soustractions(&eq, &naive, &valeurs), vec![0]);
        assert!(soustractions(&eq, t.publier().toutes(), &valeurs).is_empty());
    }

    #[test]
    fn secondary_cells_are_the_smallest_neighbours() {
        let t = Tableau::new(&[vec![3, 40, 12], vec![25, 30, 9]]).unwrap();
        let p = t.publier();
        assert_eq!(p.case(0, 0), Case::Masquee);
        // The smallest cell of its row hides with it, and the column
        // needs a second hidden cell too.
        assert_eq!(p.case(0, 2), Case::Masquee);
        assert_eq!(p.case(1, 2), Case::Masquee);
        assert_eq!(p.case(1, 0), Case::Masquee);
        assert_eq!(p.case(0, 1), Case::Valeur(40));
        assert_eq!(p.total(), Case::Valeur(119));
    }

    #[test]
    fn a_table_without_small_counts_is_published_whole() {
        let t = Tableau::new(&[vec![10, 0], vec![7, 22]]).unwrap();
        let p = t.publier();
        assert!(p.toutes().iter().all(|c| matches!(c, Case::Valeur(_))));
        assert_eq!(p.total_ligne(1), Case::Valeur(29));
        assert_eq!(p.total_colonne(0), Case::Valeur(17));
    }

    #[test]
    fn uneven_rows_are_refused() {
        assert_eq!(
            Tableau::new(&[vec![1, 2], vec![3]]),
            Err(TableauError::LignesInegales)
        );
    }

    #[test]
    fn rates_under_twenty_are_not_published() {
        assert_eq!(Taux::de(3, 19), Taux::NonDiffusable);
        assert_eq!(Taux::de(5, 20), Taux::Pourcentage(25.0));
    }

    proptest! {
        #[test]
        fn no_published_table_gives_back_a_hidden_cell(lignes in tableau()) {
            let t = Tableau::new(&lignes).unwrap();
            let valeurs = t.valeurs();
            let p = t.publier();
            let eq = Equations::new(t.lignes(), t.colonnes);
            // Every small count is hidden, every shown figure is true.
            for (c, &v) in p.toutes().iter().zip(&valeurs) {
                if v > 0 && v < SEUIL_EFFECTIF {
                    prop_assert_eq!(*c, Case::Masquee);
                }
                if let Case::Valeur(x) = c {
                    prop_assert_eq!(*x, v);
                }
            }
            // Subtraction recovers nothing, nor does any combination of
            // the equations.
            prop_assert!(soustractions(&eq, p.toutes(), &valeurs).is_empty());
            let masquees: Vec<bool> = p.toutes().iter().map(|c| *c == Case::Masquee).collect();
            prop_assert_eq!(eq.determinee(&masquees), None);
        }
    }
}
