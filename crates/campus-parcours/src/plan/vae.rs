//! VAE suggestions: certifications the learner's experience leads to or
//! already largely covers.
//!
//! A validation of experience (VAE) before a jury, with training for what
//! is missing, is proposed when either holds:
//! - the learner has [`VAE_MIN_YEARS`] of experience (the year the law
//!   asks for, whatever the certification route, since the 2022 reform)
//!   in a trade the certification leads to: the jury validates that
//!   practice, whatever the skills the learner thought to declare;
//! - the learner holds [`VAE_SHARE`] (half) of the certification's skills
//!   and has that year of experience in some trade: from half on, the
//!   campus's advisors send people to a VAE counsellor rather than to a
//!   whole course.
//!
//! Either way the certification must be open to VAE, not held yet, and
//! relevant: it leads to the target trade or teaches a skill of the gap.

use campus_domain::CodeCertification;
use serde::Serialize;

use campus_domain::CodeRome;

use crate::plan::Request;
use crate::referentiel::{CompetenceId, Referentiel};

/// Share of a certification's skills above which VAE is suggested.
pub const VAE_SHARE: f32 = 0.5;

/// Years of experience a VAE asks for.
pub const VAE_MIN_YEARS: f32 = 1.0;

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
    /// The trade of the learner's experience the certification leads to,
    /// and the years in it, when that is why it is suggested.
    pub experience: Option<(CodeRome, f32)>,
    /// Years of experience the VAE asks for.
    pub years_required: f32,
}

pub(crate) fn suggestions(referentiel: &Referentiel, request: &Request<'_>) -> Vec<VaeSuggestion> {
    // The trades practised long enough, by their index.
    let practised: Vec<(u32, &CodeRome, f32)> = request
        .profile
        .experiences
        .iter()
        .filter(|e| e.annees >= VAE_MIN_YEARS)
        .filter_map(|e| {
            let &m = referentiel.metier_index.get(&e.metier)?;
            Some((m, &e.metier, e.annees))
        })
        .collect();
    if practised.is_empty() {
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
        let experience = practised
            .iter()
            .filter(|(m, _, _)| c.romes.contains(m))
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .map(|(_, code, years)| ((*code).clone(), *years));
        if share < VAE_SHARE && experience.is_none() {
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
                experience,
                years_required: VAE_MIN_YEARS,
            });
        }
    }
    // The trade practised first, then what the certification would
    // validate of the gap, then the share held.
    found.sort_by(|a, b| {
        b.experience
            .is_some()
            .cmp(&a.experience.is_some())
            .then(b.gap_covered.len().cmp(&a.gap_covered.len()))
            .then(b.share.total_cmp(&a.share))
            .then(a.certification.cmp(&b.certification))
    });
    found.truncate(MAX_SUGGESTIONS);
    found
}
