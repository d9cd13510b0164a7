//! Which experts to propose for a request, best first, each with the
//! reasons the page gives for it.
//!
//! Pure: the caller loads the candidates (the profiles offering the kind
//! of intervention asked, with their open requests counted) and derives
//! the request's subjects; nothing here reads the store or the clock.
//!
//! Only active profiles that offer the intervention asked and share at
//! least one subject with the request are proposed: an expert on nothing
//! the request names is no proposal, however close or free. Among them
//! the score, from 0 to 1, weighs:
//!
//! - the share of the request's subjects the expert covers
//!   ([`POIDS_SUJETS`]), by kind and code, keywords without case or
//!   accents: what the request needs comes first;
//! - whether the expert belongs to another organisation than the
//!   requester's ([`POIDS_EXTERIEUR`]): the network exists to reach
//!   outside one's own walls, and a colleague is found without it;
//! - the distance from the request's place ([`POIDS_PROXIMITE`]),
//!   decreasing smoothly over [`DISTANCE_ECHELLE_KM`]: a visit across
//!   the region is possible, just less likely to be accepted; it does not
//!   count for an intervention at a distance, and an expert without a
//!   known place counts halfway;
//! - the requests the expert already has open ([`POIDS_CHARGE`]), so
//!   that the same few people are not asked everything and answer less.

use std::collections::HashSet;
use std::fmt;

use super::profil::{EtatProfil, OffreExpert};
use super::sujet::SujetExpert;
use crate::GeoPoint;

/// Weight of the subjects covered.
pub const POIDS_SUJETS: f64 = 0.7;
/// Weight of belonging to another organisation.
pub const POIDS_EXTERIEUR: f64 = 0.1;
/// Weight of nearness.
pub const POIDS_PROXIMITE: f64 = 0.1;
/// Weight of having few open requests.
pub const POIDS_CHARGE: f64 = 0.1;
/// Distance, in kilometres, at which nearness falls to 1/e of its
/// value (about a third): Orléans–Tours is 110 km.
pub const DISTANCE_ECHELLE_KM: f64 = 100.0;

/// What a request asks for, as the ranking needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Besoin {
    /// The request's subjects, derived by the caller (the domains, skills
    /// and keywords chosen or recognised in it).
    pub sujets: Vec<SujetExpert>,
    pub offre: OffreExpert,
    /// The requester's organisation, if any.
    pub organisation_id: Option<i64>,
    /// Where the intervention takes place; `None` at a distance.
    pub lieu: Option<GeoPoint>,
}

/// A published profile that might be proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidat {
    /// The profile's id.
    pub id: i64,
    pub sujets: Vec<SujetExpert>,
    pub offres: Vec<OffreExpert>,
    pub organisation_id: Option<i64>,
    pub position: Option<GeoPoint>,
    /// Requests sent to the expert and not yet answered.
    pub demandes_en_cours: u32,
    pub etat: EtatProfil,
}

/// Why an expert is proposed (or ranked lower), for the page to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raison {
    /// Subjects of the request the expert covers.
    SujetsCommuns(u32),
    /// The expert belongs to another organisation than the requester's.
    AutreOrganisation,
    /// Distance from the request's place, rounded to the kilometre.
    Distance { km: u32 },
    /// Requests the expert has still to answer (never 0).
    DemandesEnCours(u32),
}

impl Raison {
    /// Key of the sentence in the translation files.
    pub fn message_key(&self) -> &'static str {
        match self {
            Raison::SujetsCommuns(_) => "expert-raison-sujets",
            Raison::AutreOrganisation => "expert-raison-autre-organisation",
            Raison::Distance { .. } => "expert-raison-distance",
            Raison::DemandesEnCours(_) => "expert-raison-demandes",
        }
    }

    /// The sentence's argument: its name in the translation files and
    /// its value.
    pub fn argument(&self) -> Option<(&'static str, u32)> {
        match *self {
            Raison::SujetsCommuns(n) | Raison::DemandesEnCours(n) => Some(("count", n)),
            Raison::Distance { km } => Some(("km", km)),
            Raison::AutreOrganisation => None,
        }
    }
}

/// The sentence in French (a singular for 0 and 1, as French has it).
impl fmt::Display for Raison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Raison::SujetsCommuns(n @ 0..=1) => write!(f, "{n} sujet en commun"),
            Raison::SujetsCommuns(n) => write!(f, "{n} sujets en commun"),
            Raison::AutreOrganisation => f.write_str("d'une autre organisation que la vôtre"),
            Raison::Distance { km: 0 } => f.write_str("à moins d'un kilomètre"),
            Raison::Distance { km } => write!(f, "à {km} km"),
            Raison::DemandesEnCours(n @ 0..=1) => write!(f, "{n} demande en cours"),
            Raison::DemandesEnCours(n) => write!(f, "{n} demandes en cours"),
        }
    }
}

/// One proposed expert.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposition {
    /// The profile's id.
    pub id: i64,
    /// From 0 to 1.
    pub score: f64,
    pub raisons: Vec<Raison>,
}

/// Whether `candidat` may be proposed for `besoin` at all: active,
/// offering the intervention asked, and sharing a subject with the
/// request when it names any.
pub fn eligible(besoin: &Besoin, candidat: &Candidat) -> bool {
    noter(besoin, &cles(&besoin.sujets), candidat).is_some()
}

/// The eligible candidates, best first; equal scores by id, so that the
/// same data always give the same list.
pub fn proposer(besoin: &Besoin, candidats: &[Candidat]) -> Vec<Proposition> {
    let demandes = cles(&besoin.sujets);
    let mut propositions: Vec<Proposition> = candidats
        .iter()
        .filter_map(|c| noter(besoin, &demandes, c))
        .collect();
    propositions.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    propositions
}

/// Subjects as they are compared (see [`SujetExpert::cle`]).
fn cles(sujets: &[SujetExpert]) -> HashSet<(&'static str, String)> {
    sujets.iter().map(SujetExpert::cle).collect()
}

/// The score of a candidate and its reasons; `None` when it is not
/// eligible. `demandes` are the request's subjects, compared once.
fn noter(
    besoin: &Besoin,
    demandes: &HashSet<(&'static str, String)>,
    candidat: &Candidat,
) -> Option<Proposition> {
    if !candidat.etat.accepte_demandes() || !candidat.offres.contains(&besoin.offre) {
        return None;
    }
    let offerts = cles(&candidat.sujets);
    let communs = demandes.intersection(&offerts).count();
    if communs == 0 && !demandes.is_empty() {
        return None;
    }
    let mut raisons = Vec::new();

    let couverture = if demandes.is_empty() {
        0.0
    } else {
        communs as f64 / demandes.len() as f64
    };
    if communs > 0 {
        raisons.push(Raison::SujetsCommuns(
            u32::try_from(communs).unwrap_or(u32::MAX),
        ));
    }

    let exterieur = match besoin.organisation_id {
        Some(requerant) if candidat.organisation_id != Some(requerant) => {
            raisons.push(Raison::AutreOrganisation);
            1.0
        }
        _ => 0.0,
    };

    let proximite = match (besoin.lieu, candidat.position) {
        (None, _) => 1.0,
        (Some(_), None) => 0.5,
        (Some(lieu), Some(position)) => {
            let km = lieu.distance_km(position);
            // At most half the Earth's circumference, 20 016 km: the
            // rounded value fits.
            raisons.push(Raison::Distance {
                km: km.round() as u32,
            });
            (-km / DISTANCE_ECHELLE_KM).exp()
        }
    };

    let charge = 1.0 / (1.0 + f64::from(candidat.demandes_en_cours));
    if candidat.demandes_en_cours > 0 {
        raisons.push(Raison::DemandesEnCours(candidat.demandes_en_cours));
    }

    let score = POIDS_SUJETS * couverture
        + POIDS_EXTERIEUR * exterieur
        + POIDS_PROXIMITE * proximite
        + POIDS_CHARGE * charge;
    Some(Proposition {
        id: candidat.id,
        score: score.clamp(0.0, 1.0),
        raisons,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn sujet(kind: &str, value: &str) -> SujetExpert {
        SujetExpert::parse(kind, value).unwrap()
    }

    fn point(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::new(lat, lon).unwrap()
    }

    const ORLEANS: (f64, f64) = (47.9029, 1.9093);
    const TOURS: (f64, f64) = (47.3941, 0.6848);
    const CHARTRES: (f64, f64) = (48.4439, 1.4890);

    fn candidat(id: i64, sujets: Vec<SujetExpert>) -> Candidat {
        Candidat {
            id,
            sujets,
            offres: vec![OffreExpert::InterventionClasse, OffreExpert::Jury],
            organisation_id: Some(10),
            position: Some(point(ORLEANS.0, ORLEANS.1)),
            demandes_en_cours: 0,
            etat: EtatProfil::Actif,
        }
    }

    fn besoin() -> Besoin {
        Besoin {
            sujets: vec![
                sujet("domaine", "H33"),
                sujet("mot_cle", "Émulsion"),
                sujet("competence", "100123"),
            ],
            offre: OffreExpert::InterventionClasse,
            organisation_id: Some(1),
            lieu: Some(point(ORLEANS.0, ORLEANS.1)),
        }
    }

    #[test]
    fn subjects_first_then_outside_nearness_and_load() {
        let complet = candidat(
            7,
            vec![
                sujet("domaine", "H33"),
                sujet("mot_cle", "emulsion"),
                sujet("competence", "100123"),
            ],
        );
        let partiel = Candidat {
            position: Some(point(TOURS.0, TOURS.1)),
            demandes_en_cours: 2,
            ..candidat(
                3,
                vec![sujet("mot_cle", "EMULSION"), sujet("domaine", "A11")],
            )
        };
        let collegue = Candidat {
            organisation_id: Some(1),
            ..candidat(4, vec![sujet("mot_cle", "émulsion")])
        };
        let loin = Candidat {
            position: Some(point(CHARTRES.0, CHARTRES.1)),
            ..candidat(5, vec![sujet("mot_cle", "émulsion")])
        };
        let en_pause = Candidat {
            etat: EtatProfil::EnPause,
            ..complet.clone()
        };
        let sans_offre = Candidat {
            offres: vec![OffreExpert::Jury],
            id: 8,
            ..complet.clone()
        };
        let hors_sujet = candidat(9, vec![sujet("mot_cle", "logistique")]);
        let list = proposer(
            &besoin(),
            &[
                hors_sujet, partiel, collegue, en_pause, loin, sans_offre, complet,
            ],
        );
        let ids: Vec<i64> = list.iter().map(|p| p.id).collect();
        // The colleague next door comes before the outsider from Tours,
        // who already has two requests to answer.
        assert_eq!(ids, [7, 5, 4, 3]);
        assert_eq!(
            list[0].raisons,
            [
                Raison::SujetsCommuns(3),
                Raison::AutreOrganisation,
                Raison::Distance { km: 0 }
            ]
        );
        assert!((list[0].score - 1.0).abs() < 1e-9);
        let tours = &list[3];
        assert_eq!(
            tours
                .raisons
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "1 sujet en commun",
                "d'une autre organisation que la vôtre",
                "à 108 km",
                "2 demandes en cours"
            ]
        );
        assert!(!list[2].raisons.contains(&Raison::AutreOrganisation));
    }

    #[test]
    fn at_a_distance_nearness_does_not_count() {
        let b = Besoin {
            lieu: None,
            organisation_id: None,
            ..besoin()
        };
        let proche = candidat(2, vec![sujet("domaine", "H33")]);
        let inconnu = Candidat {
            position: None,
            ..candidat(1, vec![sujet("domaine", "h33")])
        };
        let list = proposer(&b, &[proche, inconnu]);
        // Same score: ties go by id.
        assert_eq!(list.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(list[0].score, list[1].score);
        assert_eq!(list[0].raisons, [Raison::SujetsCommuns(1)]);
    }

    #[test]
    fn reasons_have_keys_and_arguments() {
        assert_eq!(Raison::Distance { km: 12 }.to_string(), "à 12 km");
        assert_eq!(Raison::Distance { km: 12 }.argument(), Some(("km", 12)));
        assert_eq!(Raison::SujetsCommuns(3).to_string(), "3 sujets en commun");
        assert_eq!(Raison::DemandesEnCours(1).to_string(), "1 demande en cours");
        assert_eq!(Raison::AutreOrganisation.argument(), None);
        assert_eq!(
            Raison::DemandesEnCours(2).message_key(),
            "expert-raison-demandes"
        );
    }

    fn arb_sujet() -> impl Strategy<Value = SujetExpert> {
        prop_oneof![
            "[A-C][0-9]".prop_map(|c| SujetExpert::Domaine(format!("{c}1"))),
            "[0-9]{1,2}".prop_map(SujetExpert::Competence),
            prop::sample::select(vec!["Émulsion", "emulsion", "Galénique", "stérilité"])
                .prop_map(|m| SujetExpert::MotCle(m.to_owned())),
        ]
    }

    fn arb_point() -> impl Strategy<Value = GeoPoint> {
        (-90.0f64..=90.0, -180.0f64..=180.0).prop_map(|(lat, lon)| point(lat, lon))
    }

    fn arb_candidat() -> impl Strategy<Value = Candidat> {
        (
            -5i64..20,
            prop::collection::vec(arb_sujet(), 0..5),
            prop::collection::vec(
                prop::sample::select(OffreExpert::all().collect::<Vec<_>>()),
                0..3,
            ),
            proptest::option::of(0i64..3),
            proptest::option::of(arb_point()),
            any::<u32>(),
            prop::sample::select(EtatProfil::all().collect::<Vec<_>>()),
        )
            .prop_map(
                |(id, sujets, offres, organisation_id, position, demandes_en_cours, etat)| {
                    Candidat {
                        id,
                        sujets,
                        offres,
                        organisation_id,
                        position,
                        demandes_en_cours,
                        etat,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn proposals_are_bounded_sorted_and_eligible(
            sujets in prop::collection::vec(arb_sujet(), 0..4),
            offre in prop::sample::select(OffreExpert::all().collect::<Vec<_>>()),
            organisation_id in proptest::option::of(0i64..3),
            lieu in proptest::option::of(arb_point()),
            candidats in prop::collection::vec(arb_candidat(), 0..12),
        ) {
            let b = Besoin { sujets, offre, organisation_id, lieu };
            let list = proposer(&b, &candidats);
            for p in &list {
                prop_assert!((0.0..=1.0).contains(&p.score));
            }
            for w in list.windows(2) {
                prop_assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].id <= w[1].id));
            }
            for p in &list {
                // Some candidate with that id is eligible, and it offers
                // what is asked and takes requests.
                prop_assert!(candidats.iter().any(|c| c.id == p.id
                    && c.etat == EtatProfil::Actif
                    && c.offres.contains(&b.offre)
                    && eligible(&b, c)));
            }
            let eligibles = candidats.iter().filter(|c| eligible(&b, c)).count();
            prop_assert_eq!(list.len(), eligibles);
        }
    }
}
