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
use crate::referentiel::{Referentiel, SkillId};

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
    pub missing: Vec<SkillId>,
    /// Gap skills the certification would validate.
    pub gap_covered: Vec<SkillId>,
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
    let gap: Vec<SkillId> = request.gap.missing.iter().map(|m| m.skill).collect();
    let mut found: Vec<VaeSuggestion> = Vec::new();
    for c in referentiel.certifications.iter().filter(|c| c.vae) {
        if request.profile.certifications.contains(&c.code) {
            continue;
        }
        let mut skills: Vec<u32> = c
            .blocs
            .iter()
            .flat_map(|&b| referentiel.blocs[b as usize].skills.iter().copied())
            .collect();
        skills.sort_unstable();
        skills.dedup();
        if skills.is_empty() {
            continue;
        }
        let ids = referentiel.ids(&skills);
        let (held, missing): (Vec<SkillId>, Vec<SkillId>) =
            ids.iter().partition(|&&s| request.acquired.contains(s));
        let share = held.len() as f32 / ids.len() as f32;
        if share < VAE_SHARE {
            continue;
        }
        let gap_covered: Vec<SkillId> = ids.iter().copied().filter(|s| gap.contains(s)).collect();
        let leads_to_target = target.is_some_and(|t| c.romes.contains(&t));
        if leads_to_target || !gap_covered.is_empty() {
            found.push(VaeSuggestion {
                certification: c.code.clone(),
                libelle: c.libelle.clone(),
                share,
                missing,
                gap_covered,
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
