//! The figure of a formula, as computed from the records, and the same
//! figure as it may be published outside the campus team.
//!
//! The data layer computes a [`Resultat`]: the figure over the whole
//! selection and, when a breakdown is asked, one [`Ligne`] per value of
//! it (records without a value fall under one « Non renseigné » line, so
//! that the lines of a count or a sum add up to the total).
//! [`Resultat::publier`] applies the rules of [`super::secret`] to it:
//! small figures hidden, rates over small denominators « nd », and
//! further lines hidden so that no hidden one comes back by subtracting
//! the shown ones from the total.

use std::fmt;

use serde::Serialize;

use super::formule::Agregat;
use super::secret::{Case, SEUIL_DENOMINATEUR, SEUIL_EFFECTIF, Tableau};

/// The key of the line of records whose breakdown value is missing.
pub const CLE_NON_RENSEIGNEE: &str = "";
/// Its label.
pub const LIBELLE_NON_RENSEIGNE: &str = "Non renseigné";

/// One computed figure with what it was computed over.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mesure {
    /// The figure; `None` when it is undefined (a rate over no record, the
    /// mean or median of nothing). A rate is in percent (0–100).
    pub valeur: Option<f64>,
    /// Number of records of the selection (of the numerator, for a rate;
    /// of the records holding a value, for a mean or a median).
    pub effectif: u64,
    /// Number of records of the denominator, for a rate.
    pub denominateur: Option<u64>,
}

impl Mesure {
    /// `numerateur / denominateur` in percent; undefined over nothing.
    pub fn taux(numerateur: u64, denominateur: u64) -> Mesure {
        Mesure {
            valeur: (denominateur > 0).then(|| numerateur as f64 * 100.0 / denominateur as f64),
            effectif: numerateur,
            denominateur: Some(denominateur),
        }
    }

    /// The figure of `agregat` over no record: a count or a sum of
    /// nothing is 0, a mean, a median or a rate of nothing is undefined.
    /// A year without records reads this, whichever way it is computed.
    pub fn vide(agregat: Agregat) -> Mesure {
        match agregat {
            Agregat::Taux => Mesure::taux(0, 0),
            Agregat::Compte | Agregat::Somme | Agregat::Distincts => Mesure {
                valeur: Some(0.0),
                effectif: 0,
                denominateur: None,
            },
            Agregat::Moyenne | Agregat::Mediane => Mesure {
                valeur: None,
                effectif: 0,
                denominateur: None,
            },
        }
    }
}

/// The figure of the records sharing one value of the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ligne {
    /// The raw value (`45`, `H3301`, an organisation's id, `2025`);
    /// [`CLE_NON_RENSEIGNEE`] for the records without one.
    pub cle: String,
    /// What a reader is shown (`Loiret (45)`, `Niveau 5`…).
    pub libelle: String,
    pub mesure: Mesure,
}

/// A formula's figure, whole and broken down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resultat {
    pub total: Mesure,
    /// Empty without a breakdown; sorted by key.
    pub lignes: Vec<Ligne>,
}

/// The median of `valeurs` (the mean of the two middle values of an even
/// count); `None` for no value.
pub fn mediane(valeurs: &mut [f64]) -> Option<f64> {
    valeurs.sort_by(f64::total_cmp);
    let n = valeurs.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(valeurs[n / 2]),
        _ => Some((valeurs[n / 2 - 1] + valeurs[n / 2]) / 2.0),
    }
}

/// One published figure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "etat", content = "valeur", rename_all = "snake_case")]
pub enum Cellule {
    Valeur(f64),
    /// Hidden by the statistical confidentiality (a small count, or a
    /// figure that would give one back).
    Masquee,
    /// A rate over too few records to say anything, or a figure that
    /// cannot be computed.
    NonDiffusable,
}

impl Cellule {
    /// The figure, when shown.
    pub fn valeur(self) -> Option<f64> {
        match self {
            Cellule::Valeur(v) => Some(v),
            _ => None,
        }
    }

    /// The long French reading of a cell that shows no figure, for a
    /// table's legend or a tooltip; `None` for a figure.
    pub fn explication(self) -> Option<&'static str> {
        match self {
            Cellule::Valeur(_) => None,
            Cellule::Masquee => Some("secret statistique"),
            Cellule::NonDiffusable => Some("non diffusable"),
        }
    }
}

/// French writing: `1 234`, `12,5`, « s » for a hidden figure (as the
/// official statistics write it), « nd » for a figure not released.
impl fmt::Display for Cellule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cellule::Valeur(v) => f.write_str(&nombre_fr(*v)),
            Cellule::Masquee => f.write_str("s"),
            Cellule::NonDiffusable => f.write_str("nd"),
        }
    }
}

/// `v` rounded to one decimal, with a decimal comma and thin no-break
/// spaces between thousands; a whole number without decimals.
pub fn nombre_fr(v: f64) -> String {
    if !v.is_finite() {
        return "nd".to_owned();
    }
    let dixiemes = (v * 10.0).round();
    let negatif = dixiemes < 0.0;
    let dixiemes = dixiemes.abs();
    let entier = (dixiemes / 10.0).trunc();
    let decimale = (dixiemes - entier * 10.0).round() as u8;
    let chiffres = format!("{entier:.0}");
    let mut out = String::new();
    if negatif && dixiemes > 0.0 {
        out.push('-');
    }
    for (i, c) in chiffres.chars().enumerate() {
        if i > 0 && (chiffres.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    if decimale > 0 {
        out.push(',');
        out.push(char::from(b'0' + decimale));
    }
    out
}

/// A published line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LignePubliee {
    pub cle: String,
    pub libelle: String,
    pub valeur: Cellule,
}

/// A result as it may be shown outside the campus team: figures only
/// (record counts of rates and means are not published, they would say
/// more than the figure).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultatPublie {
    pub total: Cellule,
    pub lignes: Vec<LignePubliee>,
}

impl Resultat {
    /// The result under the statistical confidentiality, read as a figure
    /// of `agregat`:
    /// - a count, a sum or a number of distinct values from 1 to 4 is
    ///   hidden, and so is a sum over 1 to 4 records; then, over the lines
    ///   and the total, further figures are hidden (smallest first) until
    ///   none of the hidden ones follows from the others, as
    ///   [`Tableau::publier`] does for any table with margins;
    /// - a rate whose denominator is under [`SEUIL_DENOMINATEUR`] is « nd »;
    /// - a mean or a median over fewer than [`SEUIL_EFFECTIF`] records is
    ///   hidden. Rates, means and medians do not add up, so no line can be
    ///   worked out from the others and no further figure is hidden.
    pub fn publier(&self, agregat: Agregat) -> ResultatPublie {
        let cellules: Vec<Cellule> = match agregat {
            Agregat::Taux => self.mesures().map(publier_taux).collect(),
            Agregat::Moyenne | Agregat::Mediane => self.mesures().map(publier_moyenne).collect(),
            Agregat::Compte | Agregat::Distincts | Agregat::Somme => self.publier_additif(agregat),
        };
        let mut cellules = cellules.into_iter();
        let total = cellules.next().unwrap_or(Cellule::NonDiffusable);
        ResultatPublie {
            total,
            lignes: self
                .lignes
                .iter()
                .zip(cellules)
                .map(|(l, valeur)| LignePubliee {
                    cle: l.cle.clone(),
                    libelle: l.libelle.clone(),
                    valeur,
                })
                .collect(),
        }
    }

    /// The total, then every line.
    fn mesures(&self) -> impl Iterator<Item = &Mesure> {
        std::iter::once(&self.total).chain(self.lignes.iter().map(|l| &l.mesure))
    }

    /// Counts and sums: the total, then every line, hidden by
    /// [`Tableau`] as one row whose cells are the lines.
    ///
    /// The table is built of stand-in counts that carry what the
    /// suppression needs: 1 to 4 for a figure hidden by the primary rule,
    /// the figure rounded (at least [`SEUIL_EFFECTIF`]) otherwise, 0 for
    /// zero. Which values a subtraction gives back depends only on which
    /// are hidden, not on the figures, so the pattern found for the
    /// stand-ins holds for the true figures (fractional sums included).
    fn publier_additif(&self, agregat: Agregat) -> Vec<Cellule> {
        let primaire = |m: &Mesure| {
            let v = m.valeur.unwrap_or(0.0);
            let petite = v > 0.0 && v < SEUIL_EFFECTIF as f64;
            let peu = agregat == Agregat::Somme && m.effectif > 0 && m.effectif < SEUIL_EFFECTIF;
            petite || peu
        };
        let substitut = |m: &Mesure| {
            let v = m.valeur.unwrap_or(0.0);
            if primaire(m) {
                (v.round().max(1.0) as u64).min(SEUIL_EFFECTIF - 1)
            } else if v <= 0.0 {
                0
            } else {
                (v.round() as u64).max(SEUIL_EFFECTIF)
            }
        };
        let vraie = |m: &Mesure| match m.valeur {
            Some(v) => Cellule::Valeur(v),
            None => Cellule::NonDiffusable,
        };
        if self.lignes.is_empty() {
            let t = &self.total;
            return vec![if primaire(t) {
                Cellule::Masquee
            } else {
                vraie(t)
            }];
        }
        let rangee: Vec<u64> = self.lignes.iter().map(|l| substitut(&l.mesure)).collect();
        let cases = match Tableau::new(&[rangee]) {
            Ok(t) => t.publier(),
            // One row cannot be uneven; hide everything rather than fail.
            Err(_) => return self.mesures().map(|_| Cellule::Masquee).collect(),
        };
        let montre = |case: Case, m: &Mesure| match case {
            Case::Masquee => Cellule::Masquee,
            Case::Valeur(_) => vraie(m),
        };
        std::iter::once(montre(cases.total(), &self.total))
            .chain(
                self.lignes
                    .iter()
                    .enumerate()
                    .map(|(j, l)| montre(cases.case(0, j), &l.mesure)),
            )
            .collect()
    }
}

fn publier_taux(m: &Mesure) -> Cellule {
    match (m.valeur, m.denominateur) {
        (Some(v), Some(d)) if d >= SEUIL_DENOMINATEUR => Cellule::Valeur(v),
        _ => Cellule::NonDiffusable,
    }
}

fn publier_moyenne(m: &Mesure) -> Cellule {
    match m.valeur {
        Some(v) if m.effectif >= SEUIL_EFFECTIF => Cellule::Valeur(v),
        _ => Cellule::Masquee,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn compte(v: u64) -> Mesure {
        Mesure {
            valeur: Some(v as f64),
            effectif: v,
            denominateur: None,
        }
    }

    fn resultat(valeurs: &[u64]) -> Resultat {
        Resultat {
            total: compte(valeurs.iter().sum()),
            lignes: valeurs
                .iter()
                .enumerate()
                .map(|(i, &v)| Ligne {
                    cle: format!("{i:02}"),
                    libelle: format!("Ligne {i}"),
                    mesure: compte(v),
                })
                .collect(),
        }
    }

    #[test]
    fn the_median_of_odd_even_and_no_values() {
        assert_eq!(mediane(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(mediane(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(mediane(&mut []), None);
    }

    #[test]
    fn a_rate_over_nothing_is_undefined() {
        assert_eq!(Mesure::taux(0, 0).valeur, None);
        assert_eq!(Mesure::taux(1, 4).valeur, Some(25.0));
    }

    #[test]
    fn one_small_line_takes_a_second_one_with_it() {
        let p = resultat(&[3, 40, 12]).publier(Agregat::Compte);
        assert_eq!(p.lignes[0].valeur, Cellule::Masquee);
        // The smallest other line hides too, the total stays.
        assert_eq!(p.lignes[2].valeur, Cellule::Masquee);
        assert_eq!(p.lignes[1].valeur, Cellule::Valeur(40.0));
        assert_eq!(p.total, Cellule::Valeur(55.0));
    }

    #[test]
    fn a_small_total_without_breakdown_is_hidden_and_zero_is_shown() {
        assert_eq!(
            resultat(&[]).publier(Agregat::Compte).total,
            Cellule::Valeur(0.0)
        );
        let r = Resultat {
            total: compte(3),
            lignes: Vec::new(),
        };
        assert_eq!(r.publier(Agregat::Compte).total, Cellule::Masquee);
    }

    #[test]
    fn a_sum_over_few_records_is_hidden_whatever_its_size() {
        let r = Resultat {
            total: Mesure {
                valeur: Some(120.0),
                effectif: 2,
                denominateur: None,
            },
            lignes: Vec::new(),
        };
        assert_eq!(r.publier(Agregat::Somme).total, Cellule::Masquee);
        assert_eq!(r.publier(Agregat::Compte).total, Cellule::Valeur(120.0));
    }

    #[test]
    fn rates_means_and_medians_follow_their_own_thresholds() {
        let r = Resultat {
            total: Mesure::taux(10, 40),
            lignes: vec![
                Ligne {
                    cle: "18".to_owned(),
                    libelle: "Cher (18)".to_owned(),
                    mesure: Mesure::taux(2, 5),
                },
                Ligne {
                    cle: "45".to_owned(),
                    libelle: "Loiret (45)".to_owned(),
                    mesure: Mesure::taux(8, 35),
                },
            ],
        };
        let p = r.publier(Agregat::Taux);
        assert_eq!(p.total, Cellule::Valeur(25.0));
        assert_eq!(p.lignes[0].valeur, Cellule::NonDiffusable);
        assert!(matches!(p.lignes[1].valeur, Cellule::Valeur(_)));
        let moyenne = |effectif| Resultat {
            total: Mesure {
                valeur: Some(4.2),
                effectif,
                denominateur: None,
            },
            lignes: Vec::new(),
        };
        assert_eq!(moyenne(4).publier(Agregat::Moyenne).total, Cellule::Masquee);
        assert_eq!(
            moyenne(5).publier(Agregat::Mediane).total,
            Cellule::Valeur(4.2)
        );
    }

    #[test]
    fn cells_read_in_french() {
        assert_eq!(Cellule::Valeur(1234.0).to_string(), "1\u{202f}234");
        assert_eq!(Cellule::Valeur(12.46).to_string(), "12,5");
        assert_eq!(Cellule::Valeur(-0.04).to_string(), "0");
        assert_eq!(Cellule::Masquee.to_string(), "s");
        assert_eq!(Cellule::NonDiffusable.to_string(), "nd");
        assert_eq!(Cellule::Masquee.explication(), Some("secret statistique"));
        assert_eq!(
            serde_json::to_value(Cellule::Valeur(2.0)).unwrap(),
            serde_json::json!({"etat": "valeur", "valeur": 2.0})
        );
    }

    proptest! {
        /// The only equation a reader has is « total = sum of the lines »:
        /// a hidden figure comes back exactly when it is the only hidden
        /// one among the lines and the total. It never is; every small
        /// figure is hidden and every shown one is true.
        #[test]
        fn no_hidden_line_comes_back_by_subtraction(
            valeurs in prop::collection::vec(prop_oneof![0u64..8, 0u64..200], 0..12),
            somme in any::<bool>(),
        ) {
            let agregat = if somme { Agregat::Somme } else { Agregat::Compte };
            let r = resultat(&valeurs);
            let p = r.publier(agregat);
            prop_assert_eq!(p.lignes.len(), valeurs.len());
            let cellules: Vec<(Cellule, u64)> = std::iter::once((p.total, r.total.effectif))
                .chain(p.lignes.iter().map(|l| l.valeur).zip(valeurs.iter().copied()))
                .collect();
            for &(c, v) in &cellules {
                if v > 0 && v < SEUIL_EFFECTIF {
                    prop_assert_eq!(c, Cellule::Masquee);
                }
                if let Cellule::Valeur(x) = c {
                    prop_assert_eq!(x, v as f64);
                }
            }
            let cachees = cellules.iter().filter(|(c, _)| *c == Cellule::Masquee).count();
            if !valeurs.is_empty() {
                prop_assert_ne!(cachees, 1);
            }
        }
    }
}
