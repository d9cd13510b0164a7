//! A training-path request as the engine's input: the learner's profile,
//! the constraints and the objective. The request is valid by
//! construction ([`DemandeParcours::parse`]); only the home's coordinates
//! are checked again, by the engine's own point type.

use campus_domain::StatutApprenant;
use campus_domain::parcours::{DemandeParcours, EcartNiveau, Objectif};
use campus_parcours::CompetenceId;
use campus_parcours::gap::{Experience, Profile};
use campus_parcours::plan::{Constraints, DEFAULT_LEVEL_STEP, Objective};

use crate::units::modalite;

/// What the engine computes a path from.
#[derive(Debug, Clone)]
pub struct EngineInput {
    pub profile: Profile,
    pub constraints: Constraints,
    pub objective: Objective,
}

/// The engine's input for a request.
pub fn engine_input(d: &DemandeParcours) -> EngineInput {
    let domicile = d.domicile.as_ref().map(|h| h.position);
    let c = &d.contraintes;
    EngineInput {
        profile: Profile {
            experiences: d
                .experiences
                .iter()
                .map(|e| Experience {
                    metier: e.metier.clone(),
                    annees: e.annees,
                })
                .collect(),
            certifications: d.certifications.clone(),
            blocs: d.blocs.clone(),
            declared: d.competences.iter().copied().map(CompetenceId).collect(),
            niveau: d.niveau,
            domicile,
        },
        constraints: Constraints {
            modalites: c.modalites.iter().copied().map(modalite).collect(),
            distance_max_km: c.distance_max_km,
            debut_avant: c.debut_avant,
            duree_max_heures: c.duree_max_heures,
            ecart_niveau_max: match c.ecart_niveau {
                EcartNiveau::Defaut => Some(DEFAULT_LEVEL_STEP),
                EcartNiveau::AuPlus(n) => Some(n),
                EcartNiveau::Libre => None,
            },
            // Unsaid, every route stays open.
            formation_initiale: d.statut.is_none_or(StatutApprenant::en_formation_initiale),
            ..Constraints::default()
        },
        objective: objective(d.objectif),
    }
}

/// The objective as the engine names it.
pub fn objective(o: Objectif) -> Objective {
    match o {
        Objectif::Duree => Objective::Duree,
        Objectif::Cout => Objective::Cout,
        Objectif::Distance => Objective::Distance,
    }
}

#[cfg(test)]
mod tests {
    use campus_domain::CodeRome;
    use campus_domain::formation::Modalite as ModaliteFormation;
    use campus_domain::parcours::{Contraintes, Domicile};
    use campus_parcours::plan::Modalite;

    use super::*;

    fn demande() -> DemandeParcours {
        DemandeParcours {
            statut: None,
            experiences: Vec::new(),
            certifications: Vec::new(),
            blocs: vec!["RNCP320BC01".into()],
            competences: vec![100],
            niveau: None,
            domicile: Some(Domicile {
                nom: "Tours".into(),
                position: campus_domain::GeoPoint::new(47.39, 0.69)
                    .unwrap_or_else(|e| unreachable!("{e}")),
            }),
            cible: CodeRome::parse("I1304").unwrap_or_else(|_| unreachable!()),
            contraintes: Contraintes {
                modalites: vec![ModaliteFormation::Continue],
                ..Contraintes::default()
            },
            objectif: Objectif::Distance,
        }
    }

    #[test]
    fn the_request_becomes_the_engine_s_input() {
        let input = engine_input(&demande());
        assert_eq!(input.profile.declared, [CompetenceId(100)]);
        assert!(input.profile.domicile.is_some());
        assert_eq!(input.constraints.modalites, [Modalite::FormationContinue]);
        assert_eq!(input.constraints.ecart_niveau_max, Some(DEFAULT_LEVEL_STEP));
        assert_eq!(input.objective, Objective::Distance);
        let libre = DemandeParcours {
            contraintes: Contraintes {
                ecart_niveau: EcartNiveau::Libre,
                ..Contraintes::default()
            },
            ..demande()
        };
        let input = engine_input(&libre);
        assert_eq!(input.constraints.ecart_niveau_max, None);
        // Initial education is open to pupils and students, and to whoever
        // did not say.
        assert!(engine_input(&demande()).constraints.formation_initiale);
        for (statut, open) in [
            (StatutApprenant::Lyceen, true),
            (StatutApprenant::Etudiant, true),
            (StatutApprenant::Apprenti, false),
            (StatutApprenant::DemandeurEmploi, false),
        ] {
            let d = DemandeParcours {
                statut: Some(statut),
                ..demande()
            };
            assert_eq!(engine_input(&d).constraints.formation_initiale, open);
        }
    }
}
