//! The attractiveness and enrolment of the campus's sector trainings
//! (Orion), beside the same figure for every training of the same level
//! in the région and for the same training in the whole country — the
//! Orion side of [`devenir`](super::devenir), read with the same shapes
//! ([`Ecart`], [`ClasseEffectif`], [`Taux`]).
//!
//! Attractiveness is first wishes per place (Affelnet) or confirmed
//! wishes per place (Parcoursup BTS). It is a [`Taux`] of wishes over
//! places — 100 % is one wish per place — so that it follows the rule of
//! every published rate: under
//! [`SEUIL_DENOMINATEUR`](super::secret::SEUIL_DENOMINATEUR) places it is
//! « nd ». Enrolment is a count of pupils (constat de rentrée); the pages
//! hide it under [`SEUIL_EFFECTIF`](super::secret::SEUIL_EFFECTIF).
//!
//! As in InserJeunes, a count the source does not give takes part in no
//! sum: a row without places or without wishes counts for neither, and a
//! training none of whose rows gives a count has no count (`None`, never
//! zero). Orion rows name a school, not a région: the région is the one
//! of the département the UAI starts with.

use std::collections::{BTreeMap, HashMap};

use super::devenir::{ClasseEffectif, Ecart};
use super::orion::{LigneOrion, SourceOrion, StatutOrion};
use super::secret::Taux;
use crate::Departement;

/// One row of Orion with what the catalogue knows of its diploma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LigneAttractivite {
    pub orion: LigneOrion,
    /// The diploma (CFD); a row without one cannot be compared.
    pub cfd: Option<String>,
    /// The diploma's level (3 = CAP … 5 = BTS).
    pub niveau: Option<u8>,
    /// The diploma's NSF speciality (`222n`), which tells the sector.
    pub nsf: Option<String>,
}

/// The région (INSEE code) of a school, from the département its UAI
/// starts with: `045…` Loiret, `620…`/`720…` Corse, `97x…` overseas.
pub fn region_de_uai(uai: &str) -> Option<&'static str> {
    let prefixe = uai.get(..3)?;
    let departement = match prefixe {
        "620" => "2A",
        "720" => "2B",
        p if p.starts_with("97") => p,
        p => p.strip_prefix('0')?,
    };
    Departement::parse(departement)
        .ok()
        .map(|d| d.region_code())
}

/// Wishes per place of one source and campaign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attractivite {
    /// The campaign's first calendar year.
    pub annee: u16,
    /// The size class of the places the training offers in the région.
    pub places: ClasseEffectif,
    /// Wishes over places, in percent (100 % = one wish per place).
    pub pression: Ecart,
}

/// Pupils enrolled at the start of one school year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inscrits {
    pub annee: u16,
    /// The training in the région.
    pub formation: Option<u64>,
    /// Every training of the same level and status in the région.
    pub region_niveau: Option<u64>,
    /// The same training and status in the whole country.
    pub national: Option<u64>,
}

impl Inscrits {
    /// The training's share of the pupils of its level in the région.
    pub fn part_region_niveau(&self) -> Taux {
        part(self.formation, self.region_niveau)
    }

    /// The région's share of the pupils of the training in the country.
    pub fn part_nationale(&self) -> Taux {
        part(self.formation, self.national)
    }
}

fn part(numerateur: Option<u64>, denominateur: Option<u64>) -> Taux {
    match (numerateur, denominateur) {
        (Some(n), Some(d)) => Taux::de(n, d),
        _ => Taux::NonDiffusable,
    }
}

/// One sector training of the région and status.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparaisonOrion {
    pub statut: StatutOrion,
    pub cfd: String,
    pub niveau: Option<u8>,
    /// First wishes per place in Affelnet, when the training is there.
    pub affelnet: Option<Attractivite>,
    /// Confirmed wishes per place on Parcoursup, when it is there.
    pub parcoursup: Option<Attractivite>,
    /// Pupils of the constat de rentrée, when it counts the training.
    pub inscrits: Option<Inscrits>,
}

/// Places and wishes, or pupils, summed over the rows that give them.
#[derive(Debug, Clone, Copy, Default)]
struct Sommes {
    places: u64,
    voeux: u64,
    avec_voeux: bool,
    effectif: Option<u64>,
}

impl Sommes {
    fn ajoute(&mut self, l: &LigneOrion) {
        if let (Some(c), Some(v)) = (l.capacite, l.voeux) {
            self.places += u64::from(c);
            self.voeux += u64::from(v);
            self.avec_voeux = true;
        }
        if let Some(e) = l.effectif {
            self.effectif = Some(self.effectif.unwrap_or(0) + u64::from(e));
        }
    }

    fn pression(&self) -> Taux {
        Taux::de(self.voeux, self.places)
    }
}

/// Source, status and diploma: what a training's sum is kept under.
type Cle = (&'static str, &'static str, String);

/// The comparisons for the trainings of `region` that `du_secteur`
/// accepts, per status and diploma, each source read at its latest year.
pub fn comparer_orion(
    lignes: &[LigneAttractivite],
    region: &str,
    du_secteur: impl Fn(&LigneAttractivite) -> bool,
) -> Vec<ComparaisonOrion> {
    let mut derniere: HashMap<&'static str, u16> = HashMap::new();
    for l in lignes {
        let annee = derniere.entry(l.orion.source.as_str()).or_default();
        *annee = (*annee).max(l.orion.annee);
    }
    let mut formations: BTreeMap<Cle, Sommes> = BTreeMap::new();
    let mut nationales: BTreeMap<Cle, Sommes> = BTreeMap::new();
    let mut niveaux: BTreeMap<(&'static str, &'static str, u8), Sommes> = BTreeMap::new();
    let mut trouvees: BTreeMap<(&'static str, String), (StatutOrion, Option<u8>)> = BTreeMap::new();
    for l in lignes {
        let o = &l.orion;
        let Some(cfd) = &l.cfd else { continue };
        if derniere.get(o.source.as_str()) != Some(&o.annee) {
            continue;
        }
        let cle = (o.source.as_str(), o.statut.as_str(), cfd.clone());
        nationales.entry(cle.clone()).or_default().ajoute(o);
        if region_de_uai(o.uai.as_str()) != Some(region) {
            continue;
        }
        if let Some(n) = l.niveau {
            niveaux
                .entry((o.source.as_str(), o.statut.as_str(), n))
                .or_default()
                .ajoute(o);
        }
        if du_secteur(l) {
            formations.entry(cle).or_default().ajoute(o);
            let t = trouvees
                .entry((o.statut.as_str(), cfd.clone()))
                .or_insert((o.statut, None));
            t.1 = t.1.or(l.niveau);
        }
    }
    let annee = |s: SourceOrion| derniere.get(s.as_str()).copied().unwrap_or_default();
    trouvees
        .into_iter()
        .map(|((code_statut, cfd), (statut, niveau))| {
            let lire = |source: SourceOrion| {
                let cle = (source.as_str(), code_statut, cfd.clone());
                let formation = formations.get(&cle)?;
                let national = nationales.get(&cle).copied().unwrap_or_default();
                let region_niveau = niveau
                    .and_then(|n| niveaux.get(&(source.as_str(), code_statut, n)))
                    .copied()
                    .unwrap_or_default();
                Some((*formation, region_niveau, national))
            };
            let attractivite = |source: SourceOrion| {
                let (f, r, n) = lire(source)?;
                f.avec_voeux.then(|| Attractivite {
                    annee: annee(source),
                    places: ClasseEffectif::de(Some(u32::try_from(f.places).unwrap_or(u32::MAX))),
                    pression: Ecart {
                        formation: f.pression(),
                        region_niveau: r.pression(),
                        national: n.pression(),
                    },
                })
            };
            let inscrits = lire(SourceOrion::Constat).and_then(|(f, r, n)| {
                f.effectif.map(|e| Inscrits {
                    annee: annee(SourceOrion::Constat),
                    formation: Some(e),
                    region_niveau: r.effectif,
                    national: n.effectif,
                })
            });
            ComparaisonOrion {
                statut,
                affelnet: attractivite(SourceOrion::Affelnet),
                parcoursup: attractivite(SourceOrion::ParcoursupBts),
                inscrits,
                cfd,
                niveau,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Uai;
    use proptest::prelude::*;

    /// UAIs of Loiret (région 24), Paris (11) and Cher (24).
    const ORLEANS: &str = "0450042B";
    const PARIS: &str = "0750330B";
    const BOURGES: &str = "0180006J";

    fn uai(code: &str) -> Uai {
        Uai::parse(code).unwrap()
    }

    #[allow(clippy::too_many_arguments)]
    fn ligne(
        source: SourceOrion,
        school: &str,
        cfd: &str,
        niveau: u8,
        capacite: Option<u32>,
        voeux: Option<u32>,
        effectif: Option<u32>,
    ) -> LigneAttractivite {
        LigneAttractivite {
            orion: LigneOrion {
                source,
                annee: match source {
                    SourceOrion::Affelnet => 2022,
                    SourceOrion::ParcoursupBts => 2024,
                    SourceOrion::Constat => 2020,
                },
                uai: uai(school),
                mef_stat_11: format!("{cfd}000"),
                statut: StatutOrion::Scolaire,
                libelle: None,
                capacite,
                voeux,
                effectif,
            },
            cfd: Some(cfd.to_owned()),
            niveau: Some(niveau),
            nsf: None,
        }
    }

    #[test]
    fn schools_are_placed_in_their_region() {
        assert_eq!(region_de_uai(ORLEANS), Some("24"));
        assert_eq!(region_de_uai(BOURGES), Some("24"));
        assert_eq!(region_de_uai(PARIS), Some("11"));
        assert_eq!(region_de_uai("6200001G"), Some("94"));
        assert_eq!(region_de_uai("9710001A"), Some("01"));
        assert_eq!(region_de_uai("1"), None);
        assert_eq!(region_de_uai("9990001A"), None);
    }

    #[test]
    fn wishes_per_place_beside_the_level_and_the_country() {
        use SourceOrion::*;
        let lignes = [
            // The sector's BTS in two schools of the région…
            ligne(
                ParcoursupBts,
                ORLEANS,
                "32022207",
                5,
                Some(24),
                Some(60),
                None,
            ),
            ligne(
                ParcoursupBts,
                BOURGES,
                "32022207",
                5,
                Some(16),
                Some(20),
                None,
            ),
            // …another BTS of the région, the same BTS in Paris.
            ligne(
                ParcoursupBts,
                ORLEANS,
                "32099999",
                5,
                Some(60),
                Some(60),
                None,
            ),
            ligne(
                ParcoursupBts,
                PARIS,
                "32022207",
                5,
                Some(60),
                Some(240),
                None,
            ),
            // A row without wishes counts for nothing.
            ligne(ParcoursupBts, BOURGES, "32022207", 5, Some(100), None, None),
            // Enrolment: the training, its level, the country.
            ligne(Constat, ORLEANS, "32022207", 5, None, None, Some(30)),
            ligne(Constat, BOURGES, "32099999", 5, None, None, Some(70)),
            ligne(Constat, PARIS, "32022207", 5, None, None, Some(120)),
        ];
        let c = comparer_orion(&lignes, "24", |l| l.cfd.as_deref() == Some("32022207"));
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!((c.cfd.as_str(), c.niveau), ("32022207", Some(5)));
        assert_eq!(c.affelnet, None);
        let p = c.parcoursup.unwrap();
        assert_eq!(p.annee, 2024);
        assert_eq!(p.places, ClasseEffectif::De20A49);
        assert_eq!(p.pression.formation, Taux::Pourcentage(200.0));
        assert_eq!(
            p.pression.region_niveau,
            Taux::Pourcentage(140.0 * 100.0 / 100.0)
        );
        assert_eq!(
            p.pression.national,
            Taux::Pourcentage(320.0 * 100.0 / 100.0)
        );
        assert_eq!(p.pression.points_national(), Some(-120.0));
        let i = c.inscrits.unwrap();
        assert_eq!(
            (i.formation, i.region_niveau, i.national),
            (Some(30), Some(100), Some(150))
        );
        assert_eq!(i.part_region_niveau(), Taux::Pourcentage(30.0));
        assert_eq!(i.part_nationale(), Taux::Pourcentage(20.0));
    }

    #[test]
    fn withheld_counts_stay_withheld() {
        use SourceOrion::*;
        let lignes = [
            ligne(Affelnet, ORLEANS, "40025214", 4, Some(12), Some(30), None),
            ligne(Constat, ORLEANS, "40025214", 4, None, None, None),
        ];
        let c = comparer_orion(&lignes, "24", |_| true);
        let a = c[0].affelnet.unwrap();
        // Twelve places: no rate is published.
        assert_eq!(a.pression.formation, Taux::NonDiffusable);
        assert_eq!(a.places, ClasseEffectif::De5A19);
        // The constat gave no count: no enrolment, not zero.
        assert_eq!(c[0].inscrits, None);
        assert_eq!(c[0].parcoursup, None);
    }

    proptest! {
        #[test]
        fn a_published_pressure_rests_on_twenty_places_or_more(
            rows in prop::collection::vec(
                (0usize..3, 0usize..2, prop::option::of(0u32..40), prop::option::of(0u32..80)),
                0..30,
            )
        ) {
            let lignes: Vec<LigneAttractivite> = rows
                .iter()
                .map(|&(s, f, c, v)| {
                    ligne(
                        SourceOrion::Affelnet,
                        [ORLEANS, PARIS, BOURGES][s],
                        ["40000001", "40000002"][f],
                        4, c, v, None,
                    )
                })
                .collect();
            for c in comparer_orion(&lignes, "24", |_| true) {
                let Some(a) = c.affelnet else { continue };
                let places: u32 = lignes
                    .iter()
                    .filter(|l| l.cfd.as_deref() == Some(c.cfd.as_str()))
                    .filter(|l| region_de_uai(l.orion.uai.as_str()) == Some("24"))
                    .filter_map(|l| l.orion.capacite.zip(l.orion.voeux).map(|(c, _)| c))
                    .sum();
                prop_assert_eq!(
                    matches!(a.pression.formation, Taux::Pourcentage(_)),
                    places >= 20
                );
                prop_assert_eq!(a.places, ClasseEffectif::de(Some(places)));
            }
        }
    }
}
