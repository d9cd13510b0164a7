//! The outcomes of the campus's sector trainings beside their references:
//! the same figure for every training of the same level in the région,
//! and for the same training in the whole country, with the gap in
//! points.
//!
//! Every rate is computed from the source's counts (leavers in work over
//! leavers, pupils going on studying over pupils in their final year),
//! summed over the rows that take part, so that a training taught under
//! several programme codes, a level or the country are read the same way.
//! A row whose counts the source withheld takes no part in any sum; a
//! rate whose denominator stays under
//! [`SEUIL_DENOMINATEUR`](super::secret::SEUIL_DENOMINATEUR) is « nd »
//! ([`Taux`]). Each rate is shown with the size class of its cohort
//! ([`ClasseEffectif`]), as the source asks.

use std::collections::BTreeMap;

use super::inserjeunes::{DevenirFormation, Millesime, Voie};
use super::secret::Taux;

/// One row of InserJeunes with what the catalogue knows of its diploma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LigneDevenir {
    pub devenir: DevenirFormation,
    /// The diploma (CFD); a row without one cannot be compared.
    pub cfd: Option<String>,
    /// The diploma's level (3 = CAP … 5 = BTS).
    pub niveau: Option<u8>,
    /// The diploma's NSF speciality (`222n`), which tells the campus's
    /// sector.
    pub nsf: Option<String>,
}

/// The size of a cohort, as a class: the exact count of a small cohort
/// would say too much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClasseEffectif {
    /// The source withheld the count (fewer than five).
    MoinsDe5,
    De5A19,
    De20A49,
    De50A99,
    CentEtPlus,
}

impl ClasseEffectif {
    pub fn de(effectif: Option<u32>) -> ClasseEffectif {
        match effectif {
            None | Some(0..=4) => ClasseEffectif::MoinsDe5,
            Some(5..=19) => ClasseEffectif::De5A19,
            Some(20..=49) => ClasseEffectif::De20A49,
            Some(50..=99) => ClasseEffectif::De50A99,
            Some(_) => ClasseEffectif::CentEtPlus,
        }
    }

    /// The message key of its label.
    pub fn message_key(self) -> &'static str {
        match self {
            ClasseEffectif::MoinsDe5 => "effectif-moins-de-5",
            ClasseEffectif::De5A19 => "effectif-5-19",
            ClasseEffectif::De20A49 => "effectif-20-49",
            ClasseEffectif::De50A99 => "effectif-50-99",
            ClasseEffectif::CentEtPlus => "effectif-100-plus",
        }
    }
}

/// One rate beside its references.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ecart {
    pub formation: Taux,
    /// Every training of the same level and route in the région.
    pub region_niveau: Taux,
    /// The same training and route in every région.
    pub national: Taux,
}

impl Ecart {
    /// The training's rate minus the région's, in points.
    pub fn points_region(&self) -> Option<f64> {
        points(self.formation, self.region_niveau)
    }

    /// The training's rate minus the country's, in points.
    pub fn points_national(&self) -> Option<f64> {
        points(self.formation, self.national)
    }
}

fn points(a: Taux, b: Taux) -> Option<f64> {
    match (a, b) {
        (Taux::Pourcentage(a), Taux::Pourcentage(b)) => Some(a - b),
        _ => None,
    }
}

/// One sector training of the région for one cohort and route.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparaison {
    pub millesime: Millesime,
    pub voie: Voie,
    pub cfd: String,
    pub niveau: Option<u8>,
    pub classe: ClasseEffectif,
    /// Employment at 6, 12, 18 and 24 months.
    pub emploi: [Ecart; 4],
    pub poursuite: Ecart,
}

/// Counts summed over the rows that publish them.
#[derive(Debug, Clone, Copy, Default)]
struct Sommes {
    terminale: u64,
    sortants: [u64; 4],
    en_emploi: [u64; 4],
    poursuite_terminale: u64,
    poursuites: u64,
    effectif_connu: bool,
}

impl Sommes {
    fn ajoute(&mut self, d: &DevenirFormation) {
        if let Some(t) = d.effectif_terminale {
            self.terminale += u64::from(t);
            self.effectif_connu = true;
        }
        for m in 0..4 {
            if let (Some(s), Some(e)) = (d.sortants, d.en_emploi[m]) {
                self.sortants[m] += u64::from(s);
                self.en_emploi[m] += u64::from(e);
            }
        }
        if let (Some(t), Some(p)) = (d.effectif_terminale, d.poursuites) {
            self.poursuite_terminale += u64::from(t);
            self.poursuites += u64::from(p);
        }
    }

    fn emploi(&self, m: usize) -> Taux {
        Taux::de(self.en_emploi[m], self.sortants[m])
    }

    fn poursuite(&self) -> Taux {
        Taux::de(self.poursuites, self.poursuite_terminale)
    }
}

/// The comparisons for the trainings of `region` that `du_secteur`
/// accepts, ordered by cohort, route and diploma.
pub fn comparer(
    lignes: &[LigneDevenir],
    region: &str,
    du_secteur: impl Fn(&LigneDevenir) -> bool,
) -> Vec<Comparaison> {
    // Routes are keyed by their code: the closed list has no order.
    type Cle = (Millesime, &'static str, String);
    let mut formations: BTreeMap<Cle, (Sommes, Option<u8>, Voie)> = BTreeMap::new();
    let mut nationales: BTreeMap<Cle, Sommes> = BTreeMap::new();
    let mut niveaux: BTreeMap<(Millesime, &'static str, u8), Sommes> = BTreeMap::new();
    for l in lignes {
        let d = &l.devenir;
        let Some(cfd) = &l.cfd else { continue };
        let cle = (d.millesime, d.voie.as_str(), cfd.clone());
        nationales.entry(cle.clone()).or_default().ajoute(d);
        if d.region != region {
            continue;
        }
        if let Some(n) = l.niveau {
            niveaux
                .entry((d.millesime, d.voie.as_str(), n))
                .or_default()
                .ajoute(d);
        }
        if du_secteur(l) {
            let entry = formations
                .entry(cle)
                .or_insert_with(|| (Sommes::default(), None, d.voie));
            entry.0.ajoute(d);
            entry.1 = entry.1.or(l.niveau);
        }
    }
    formations
        .into_iter()
        .map(|((millesime, code_voie, cfd), (sommes, niveau, voie))| {
            let nationale = nationales
                .get(&(millesime, code_voie, cfd.clone()))
                .copied()
                .unwrap_or_default();
            let region_niveau = niveau
                .and_then(|n| niveaux.get(&(millesime, code_voie, n)))
                .copied()
                .unwrap_or_default();
            let ecart = |f: &dyn Fn(&Sommes) -> Taux| Ecart {
                formation: f(&sommes),
                region_niveau: f(&region_niveau),
                national: f(&nationale),
            };
            Comparaison {
                millesime,
                voie,
                classe: ClasseEffectif::de(
                    sommes
                        .effectif_connu
                        .then_some(u32::try_from(sommes.terminale).unwrap_or(u32::MAX)),
                ),
                emploi: [0, 1, 2, 3].map(|m| ecart(&|s: &Sommes| s.emploi(m))),
                poursuite: ecart(&|s: &Sommes| s.poursuite()),
                cfd,
                niveau,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ligne(
        region: &str,
        cfd: &str,
        niveau: u8,
        terminale: Option<u32>,
        sortants: Option<u32>,
        emploi_12: Option<u32>,
        poursuites: Option<u32>,
    ) -> LigneDevenir {
        LigneDevenir {
            devenir: DevenirFormation {
                millesime: Millesime::parse("2021_2022").unwrap(),
                region: region.to_owned(),
                voie: Voie::Scolaire,
                code_formation: format!("{cfd}000"),
                effectif_terminale: terminale,
                sortants,
                poursuites,
                en_emploi: [None, emploi_12, None, None],
                taux_emploi: [None; 4],
                taux_poursuite: None,
            },
            cfd: Some(cfd.to_owned()),
            niveau: Some(niveau),
            nsf: None,
        }
    }

    #[test]
    fn a_sector_training_beside_its_level_and_the_country() {
        let lignes = [
            // The sector's bac pro in the région, and another bac pro.
            ligne("24", "40025214", 4, Some(60), Some(40), Some(30), Some(20)),
            ligne("24", "40099999", 4, Some(100), Some(60), Some(30), Some(40)),
            // The same bac pro elsewhere.
            ligne("11", "40025214", 4, Some(140), Some(60), Some(30), Some(80)),
            // A CAP of the région: another level.
            ligne("24", "50025214", 3, Some(30), Some(25), Some(5), Some(5)),
        ];
        let c = comparer(&lignes, "24", |l| l.cfd.as_deref() == Some("40025214"));
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!(c.cfd, "40025214");
        assert_eq!(c.classe, ClasseEffectif::De50A99);
        let e = c.emploi[1];
        assert_eq!(e.formation, Taux::Pourcentage(75.0));
        assert_eq!(e.region_niveau, Taux::Pourcentage(60.0));
        assert_eq!(e.national, Taux::Pourcentage(60.0));
        assert_eq!(e.points_region(), Some(15.0));
        // No month-6 count anywhere: « nd » everywhere, no gap.
        assert_eq!(c.emploi[0].formation, Taux::NonDiffusable);
        assert_eq!(c.emploi[0].points_national(), None);
        let p = c.poursuite;
        assert_eq!(p.formation, Taux::Pourcentage(100.0 * 20.0 / 60.0));
        assert_eq!(p.national, Taux::Pourcentage(50.0));
    }

    #[test]
    fn withheld_counts_stay_out_and_small_cohorts_are_nd() {
        let lignes = [
            ligne("24", "40025214", 4, Some(12), Some(8), Some(6), Some(4)),
            ligne("24", "40025214", 4, None, None, None, None),
        ];
        let c = comparer(&lignes, "24", |_| true);
        assert_eq!(c[0].classe, ClasseEffectif::De5A19);
        assert_eq!(c[0].emploi[1].formation, Taux::NonDiffusable);
        assert_eq!(c[0].poursuite.formation, Taux::NonDiffusable);
        let none = comparer(&lignes[1..], "24", |_| true);
        assert_eq!(none[0].classe, ClasseEffectif::MoinsDe5);
    }

    proptest! {
        #[test]
        fn no_published_rate_rests_on_fewer_than_twenty(
            rows in prop::collection::vec(
                (0usize..3, 0usize..3, prop::option::of(0u32..60), prop::option::of(0u32..60)),
                0..30,
            )
        ) {
            let lignes: Vec<LigneDevenir> = rows
                .iter()
                .map(|&(r, f, s, e)| {
                    let e = e.zip(s).map(|(e, s)| e.min(s));
                    ligne(["24", "11", "84"][r], ["40000001", "40000002", "50000003"][f], 4, s, s, e, e)
                })
                .collect();
            for c in comparer(&lignes, "24", |_| true) {
                for e in c.emploi.iter().chain([&c.poursuite]) {
                    for t in [e.formation, e.region_niveau, e.national] {
                        if let Taux::Pourcentage(p) = t {
                            prop_assert!((0.0..=100.0).contains(&p));
                        }
                    }
                }
                // Each figure of the training rests on its own rows, and
                // a rate is published only over twenty or more.
                let total: u32 = lignes
                    .iter()
                    .filter(|l| l.devenir.region == "24" && l.cfd.as_deref() == Some(c.cfd.as_str()))
                    .filter_map(|l| l.devenir.sortants.zip(l.devenir.en_emploi[1]).map(|(s, _)| s))
                    .sum();
                prop_assert_eq!(
                    matches!(c.emploi[1].formation, Taux::Pourcentage(_)),
                    total >= 20
                );
            }
        }
    }
}
