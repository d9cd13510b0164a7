//! VAE suggestions: certifications the learner's experience already mostly
//! covers.
//!
//! A learner who holds [`VAE_SHARE`] (two thirds) of a certification's
//! skills would spend most of a course relearning what they do every day;
//! a validation of experience (VAE) before a jury, with training for the
//! rest, is shorter. Two thirds is where the campus's advisors send people
//! to a VAE counsellor rather than to a course: below it, the missing part
//! is a programme of its own. A suggestion needs work experience (VAE
//! validates experience, not declarations alone), a certification open to
//! VAE that the learner does not hold yet, and relevance: it leads to the
//! target trade or teaches a skill of the gap.

use campus_domain::CodeCertification;
use serde::Serialize;

use crate::gap::YEARS_FOR_CORE;
use crate::plan::Request;
use crate::referentiel::{CompetenceId, Referentiel};

/// Share of a certification's skills above which VAE is suggested.
pub const VAE_SHARE: f32 = 2.0 / 3.0;

/// Suggestions returned, best first.
const MAX_SUGGESTIONS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VaeSuggestion {
    pub certification: CodeCertification,
    pub libelle: String,
    /// Share of the certification's skills the learner holds.
    pub share: f32,
    /// The certification's skills the learner still lacks.
    pub missing: Vec<CompetenceId>,
    /// Gap skills the certification would validate.
    pub gap_covered: Vec<CompetenceId>,
}

pub(crate) fn suggestions(referentiel: &Referentiel, request: &Request<'_>) -> Vec<VaeSuggestion> {
    let experienced = request
        .profile
        .experiences
        .iter()
        .any(|e| e.annees >= YEARS_FOR_CORE);
    if !experienced {
        return Vec::new();
    }
    let target = referentiel.metier_index.get(&request.gap.metier).copied();
    // Dense flags, so that the 6 000 certifications are read without a
    // single map lookup or allocation until one passes the share.
    let mut held = vec![false; referentiel.skills.len()];
    for skill in request.acquired.skills.keys() {
        if let Some(&s) = referentiel.competence_index.get(skill) {
            held[s as usize] = true;
        }
    }
    let mut in_gap = vec![false; referentiel.skills.len()];
    for m in &request.gap.missing {
        if let Some(&s) = referentiel.competence_index.get(&m.skill) {
            in_gap[s as usize] = true;
        }
    }
    let mut found: Vec<VaeSuggestion> = Vec::new();
    for c in referentiel.certifications.iter().filter(|c| c.vae) {
        if c.skills.is_empty() || request.profile.certifications.contains(&c.code) {
            continue;
        }
        let count = c.skills.iter().filter(|&&s| held[s as usize]).count();
        let share = count as f32 / c.skills.len() as f32;
        if share < VAE_SHARE {
            continue;
        }
        let gap_covered: Vec<u32> = c
            .skills
            .iter()
            .copied()
            .filter(|&s| in_gap[s as usize])
            .collect();
        let leads_to_target = target.is_some_and(|t| c.romes.contains(&t));
        if leads_to_target || !gap_covered.is_empty() {
            let missing: Vec<u32> = c
                .skills
                .iter()
                .copied()
                .filter(|&s| !held[s as usize])
                .collect();
            found.push(VaeSuggestion {
                certification: c.code.clone(),
                libelle: c.libelle.clone(),
                share,
                missing: referentiel.ids(&missing),
                gap_covered: referentiel.ids(&gap_covered),
            });
        }
    }
    found.sort_by(|a, b| {
        b.gap_covered
            .len()
            .cmp(&a.gap_covered.len())
            .then(b.share.total_cmp(&a.share))
            .then(a.certification.cmp(&b.certification))
    });
    found.truncate(MAX_SUGGESTIONS);
    found
}
