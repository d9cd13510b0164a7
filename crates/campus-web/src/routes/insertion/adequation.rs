//! A learner's fit to offers, as the pages explain it.
//!
//! The profile is the learner's most recent saved training path (the
//! trades they practised, the certifications and blocs they hold, the
//! skills they declared, their level and home), read by the path engine:
//! the same skills the paths start from. The engine computes the fit
//! ([`campus_parcours::adequation`]); this module turns it into what a
//! page shows, in the reader's language: the share held, each missing
//! skill with the shortest units of the catalogue that teach it, the
//! travel time class and the level.

use std::sync::Arc;

use campus_domain::GeoPoint;
use campus_domain::insertion::ClasseTrajet;
use campus_domain::parcours::SaisieParcours;
use campus_parcours::CompetenceId;
use campus_parcours::adequation::{NiveauAdequation, OffreCible, adequation};
use campus_parcours::gap::{Acquired, Profile, acquired};
use campus_store::insertion::{Candidature, Offre};

use crate::error::AppResult;
use crate::i18n::Tr;
use crate::parcours::engine::Loaded;
use crate::state::AppState;

/// A missing skill and the shortest units that teach it.
#[derive(Clone, Debug)]
pub(crate) struct ManquanteVue {
    pub libelle: String,
    /// `(title, hours)` of each unit, shortest first.
    pub unites: Vec<(String, u32)>,
}

/// An offer's fit to a person, ready to show.
#[derive(Clone, Debug)]
pub(crate) struct Evaluation {
    /// Share of the offer's skills held, in [0, 1].
    pub part: f32,
    pub pourcentage: u32,
    pub detenues: usize,
    pub total: usize,
    pub manquantes: Vec<ManquanteVue>,
    pub distance_km: Option<u32>,
    pub trajet_key: Option<&'static str>,
    /// The whole explanation in one sentence, for lists and e-mails.
    pub resume: String,
}

/// A person's skills as the engine reads them.
pub(crate) struct Profil {
    loaded: Arc<Loaded>,
    profile: Profile,
    acquired: Acquired,
}

impl Profil {
    /// The profile of `user_id`: their most recent saved training path
    /// that the engine can still read; `None` without one.
    pub async fn of_user(state: &AppState, user_id: i32) -> AppResult<Option<Profil>> {
        let saved = state.store.parcours().list_saved(user_id).await?;
        if saved.is_empty() {
            return Ok(None);
        }
        let loaded = state.parcours.current(&state.store).await?;
        for plan in saved {
            let Ok(saisie) = serde_json::from_str::<SaisieParcours>(&plan.demande) else {
                continue;
            };
            let Ok(demande) = crate::parcours::demande::parse(state, &loaded, &saisie) else {
                continue;
            };
            let profile = campus_parcours_service::engine_input(&demande).profile;
            let Ok(acquired) = acquired(&loaded.referentiel, &profile) else {
                continue;
            };
            return Ok(Some(Profil {
                loaded: Arc::clone(&loaded),
                profile,
                acquired,
            }));
        }
        Ok(None)
    }

    /// Where the person lives, when they said.
    pub fn domicile(&self) -> Option<GeoPoint> {
        self.profile.domicile
    }

    /// The fit of `offre`, distances measured from `center` when given
    /// (a commune chosen in the list), else from the person's home.
    pub fn evaluer(&self, tr: &Tr, offre: &Offre, center: Option<GeoPoint>) -> Evaluation {
        let cible = OffreCible {
            competences: offre
                .competences
                .iter()
                .map(|(c, _)| CompetenceId(*c))
                .collect(),
            niveau: offre.niveau,
            position: offre.position,
        };
        let a = adequation(
            &self.loaded.adequation,
            &self.acquired,
            &self.profile,
            &cible,
        );
        let distance = match (center, offre.position) {
            (Some(c), Some(p)) => Some(p.distance_km(c)),
            _ => a.distance_km,
        };
        let manquantes = a
            .manquantes
            .iter()
            .map(|m| ManquanteVue {
                libelle: if m.libelle.is_empty() {
                    offre
                        .competences
                        .iter()
                        .find(|(c, _)| *c == m.skill.0)
                        .map(|(_, l)| l.clone())
                        .unwrap_or_default()
                } else {
                    m.libelle.to_owned()
                },
                unites: m
                    .unites
                    .iter()
                    .map(|u| (u.libelle.clone(), u.duree_heures))
                    .collect(),
            })
            .collect();
        let (niveau_key, niveau_ecart) = match a.niveau {
            NiveauAdequation::SansExigence => ("adequation-niveau-sans", 0),
            NiveauAdequation::Atteint => ("adequation-niveau-atteint", 0),
            NiveauAdequation::Manque { ecart } => ("adequation-niveau-manque", ecart),
        };
        let pourcentage = (a.part * 100.0).round() as u32;
        let trajet = distance.map(ClasseTrajet::of);
        let mut resume = tr.tv(
            "adequation-resume",
            &[
                ("detenues", &a.detenues.to_string()),
                ("total", &a.total.to_string()),
                ("pourcentage", &pourcentage.to_string()),
            ],
        );
        if let (Some(km), Some(t)) = (distance, trajet) {
            resume.push(' ');
            resume.push_str(&tr.tv(
                "adequation-resume-trajet",
                &[
                    ("trajet", &tr.t(t.label_key())),
                    ("km", &format!("{km:.0}")),
                ],
            ));
        }
        resume.push(' ');
        resume.push_str(&tr.tn(niveau_key, "ecart", u64::from(niveau_ecart)));
        Evaluation {
            part: a.part,
            pourcentage,
            detenues: a.detenues,
            total: a.total,
            manquantes,
            distance_km: distance.map(|d| d.round() as u32),
            trajet_key: trajet.map(ClasseTrajet::label_key),
            resume,
        }
    }
}

/// The applications of one offer with each candidate's fit, best first
/// (the recruiter's list: sorted, never filtered — no automatic
/// rejection). A candidate without a profile comes last, unranked.
pub(crate) async fn classer(
    state: &AppState,
    tr: &Tr,
    offre: &Offre,
    candidatures: Vec<Candidature>,
) -> AppResult<Vec<(Candidature, Option<Evaluation>)>> {
    let mut out = Vec::with_capacity(candidatures.len());
    for c in candidatures {
        let e = match c.candidat_user_id {
            Some(user) => Profil::of_user(state, user)
                .await?
                .map(|p| p.evaluer(tr, offre, None)),
            None => None,
        };
        out.push((c, e));
    }
    out.sort_by(|a, b| {
        let part = |e: &Option<Evaluation>| e.as_ref().map_or(-1.0, |e| e.part);
        part(&b.1).total_cmp(&part(&a.1))
    });
    Ok(out)
}
