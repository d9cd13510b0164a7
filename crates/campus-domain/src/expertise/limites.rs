//! How many experts one person may contact: the network's experts give
//! their time, and a directory of named people with their subjects is
//! what a prospecting salesperson looks for.
//!
//! The limits count recipients, not requests (one request sent to three
//! experts counts three), per person, over rolling windows ending today
//! that the caller counts in the store. A teacher preparing the term's
//! interventions stays far below them; a mass mailing is stopped at the
//! sixth message of the week. The campus team, who dispatches requests
//! for others, has a limit only against a mistake.

use crate::Role;

/// Why a recipient cannot be added: the limit reached, over which
/// period, and how many may still be contacted in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "vous pouvez contacter au plus {limite} experts sur {jours} jours glissants ; il vous en reste {restant}"
)]
pub struct LimiteAtteinte {
    pub limite: u32,
    pub jours: u32,
    pub restant: u32,
}

impl LimiteAtteinte {
    /// The key of the message, whose arguments are `limite`, `jours` and
    /// `restant`.
    pub fn message_key(&self) -> &'static str {
        "demande-error-limite"
    }
}

/// The most recipients a person may contact over rolling periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Over the last 7 days, today included.
    pub par_7_jours: u32,
    /// Over the last 30 days, today included; `None` for no such limit.
    pub par_30_jours: Option<u32>,
}

impl Quota {
    /// The campus team's and administrators' limit over 7 days.
    pub const EQUIPE_7_JOURS: u32 = 100;
    /// Everyone else's limit over 7 days: two requests to three experts.
    pub const AUTRES_7_JOURS: u32 = 6;
    /// Everyone else's limit over 30 days.
    pub const AUTRES_30_JOURS: u32 = 15;

    /// The limits of a person of role `role`.
    pub fn for_role(role: Role) -> Quota {
        if role.is_campus_staff() {
            Quota {
                par_7_jours: Quota::EQUIPE_7_JOURS,
                par_30_jours: None,
            }
        } else {
            Quota {
                par_7_jours: Quota::AUTRES_7_JOURS,
                par_30_jours: Some(Quota::AUTRES_30_JOURS),
            }
        }
    }

    /// How many more recipients may be contacted, given those of the
    /// last 7 and 30 days.
    pub fn restant(&self, envoyes_7j: u32, envoyes_30j: u32) -> u32 {
        self.fenetres(envoyes_7j, envoyes_30j)
            .map(|(_, _, restant)| restant)
            .min()
            .unwrap_or(0)
    }

    /// Whether `ajout` more recipients may be contacted; the limit that
    /// stops them otherwise (the one with fewest left, the longer period
    /// when equal: it is the one that lasts).
    pub fn verifier(
        &self,
        envoyes_7j: u32,
        envoyes_30j: u32,
        ajout: u32,
    ) -> Result<(), LimiteAtteinte> {
        let bloquante = self
            .fenetres(envoyes_7j, envoyes_30j)
            .filter(|&(_, _, restant)| ajout > restant)
            .min_by_key(|&(_, jours, restant)| (restant, std::cmp::Reverse(jours)));
        match bloquante {
            None => Ok(()),
            Some((limite, jours, restant)) => Err(LimiteAtteinte {
                limite,
                jours,
                restant,
            }),
        }
    }

    /// Each period's (limit, days, recipients left).
    fn fenetres(&self, envoyes_7j: u32, envoyes_30j: u32) -> impl Iterator<Item = (u32, u32, u32)> {
        let semaine = Some((
            self.par_7_jours,
            7,
            self.par_7_jours.saturating_sub(envoyes_7j),
        ));
        let mois = self
            .par_30_jours
            .map(|limite| (limite, 30, limite.saturating_sub(envoyes_30j)));
        semaine.into_iter().chain(mois)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn limits_by_role() {
        let equipe = Quota::for_role(Role::EquipeCampus);
        assert_eq!(Quota::for_role(Role::Admin), equipe);
        assert_eq!(equipe.verifier(99, 400, 1), Ok(()));
        assert_eq!(
            equipe.verifier(99, 400, 2),
            Err(LimiteAtteinte {
                limite: 100,
                jours: 7,
                restant: 1
            })
        );

        let prof = Quota::for_role(Role::Formateur);
        assert_eq!(prof, Quota::for_role(Role::Entreprise));
        assert_eq!(prof.verifier(3, 3, 3), Ok(()));
        assert_eq!(prof.restant(3, 3), 3);
        let e = prof.verifier(4, 4, 3).unwrap_err();
        assert_eq!((e.limite, e.jours, e.restant), (6, 7, 2));
        assert_eq!(
            e.to_string(),
            "vous pouvez contacter au plus 6 experts sur 7 jours glissants ; il vous en reste 2"
        );
        assert_eq!(e.message_key(), "demande-error-limite");
        // The month is the tighter limit.
        let e = prof.verifier(0, 14, 2).unwrap_err();
        assert_eq!((e.limite, e.jours, e.restant), (15, 30, 1));
        // Both reached: the month's lasts longer.
        let e = prof.verifier(6, 15, 1).unwrap_err();
        assert_eq!((e.jours, e.restant), (30, 0));
        assert_eq!(prof.restant(6, 2), 0);
        assert_eq!(prof.verifier(6, 15, 0), Ok(()));
    }

    proptest! {
        #[test]
        fn accepted_sends_stay_within_every_limit(
            staff in any::<bool>(), e7 in any::<u32>(), e30 in any::<u32>(), ajout in any::<u32>(),
        ) {
            let quota = Quota::for_role(if staff { Role::EquipeCampus } else { Role::Apprenant });
            let ok = quota.verifier(e7, e30, ajout).is_ok();
            prop_assert_eq!(ok, ajout <= quota.restant(e7, e30));
            if ok && ajout > 0 {
                prop_assert!(u64::from(e7) + u64::from(ajout) <= u64::from(quota.par_7_jours));
                if let Some(mois) = quota.par_30_jours {
                    prop_assert!(u64::from(e30) + u64::from(ajout) <= u64::from(mois));
                }
            }
        }
    }
}
