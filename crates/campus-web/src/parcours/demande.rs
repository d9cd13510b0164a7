//! A training-path request as people give it — the guided form's fields,
//! all text — and its validation into the engine's profile, target and
//! constraints.
//!
//! The same values travel in the form's hidden fields from one step to
//! the next, are stored (as JSON) when a path is saved, and are what the
//! API's document is translated into: one validation, one set of French
//! messages, whatever the door.

use campus_domain::{CodeCertification, CodeRome, Niveau, slugify};
use campus_parcours::gap::{Experience, Profile};
use campus_parcours::plan::{Constraints, DEFAULT_LEVEL_STEP, Modalite, Objective};
use campus_parcours::{GeoPoint, SkillId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::engine::Loaded;
use crate::state::AppState;

/// Past trades the form offers (rows of « métier, années »).
pub const EXPERIENCE_ROWS: usize = 3;
/// Longest list of codes or skills read from one field.
const MAX_ITEMS: usize = 30;
/// Farthest a learner may set as a distance limit: France's mainland is
/// about 1 000 km across.
const MAX_DISTANCE_KM: f64 = 1500.0;
/// Longest total duration a learner may set (five years full time).
const MAX_HOURS: u32 = 8000;

/// The form's values, as typed. Every field is text, so that a value
/// shown again after an error is exactly what the person typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Demande {
    pub metier_1: String,
    pub annees_1: String,
    pub metier_2: String,
    pub annees_2: String,
    pub metier_3: String,
    pub annees_3: String,
    /// RNCP or RS codes held in full, separated by commas, spaces or lines.
    pub certifications: String,
    /// Bloc codes validated on their own.
    pub blocs: String,
    /// Declared ROME skills, one per line: a label or an OGR code.
    pub competences: String,
    /// Highest certification level held (3 to 8), empty for none.
    pub niveau: String,
    /// Home commune: name or postal code.
    pub commune: String,
    /// Target trade: ROME code, trade or job title.
    pub cible: String,
    pub mod_initiale: String,
    pub mod_apprentissage: String,
    pub mod_continue: String,
    pub mod_vae: String,
    /// Kilometres from home.
    pub distance: String,
    /// `AAAA-MM-JJ`: every unit starts by then.
    pub debut_avant: String,
    /// Total hours.
    pub duree_max: String,
    /// Levels above the learner's: `1`, `2`, `3` or `libre`; empty is the
    /// default step.
    pub niveau_max: String,
    /// `duree`, `cout` or `distance`.
    pub objectif: String,
}

/// The steps of the guided form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Where you are.
    Profil = 1,
    /// Where you want to go.
    Cible = 2,
    /// Your constraints.
    Contraintes = 3,
}

impl Step {
    pub fn parse(value: &str) -> Step {
        match value.trim() {
            "2" => Step::Cible,
            "3" => Step::Contraintes,
            _ => Step::Profil,
        }
    }

    pub fn number(self) -> u64 {
        self as u64
    }
}

/// The modalities, their form field and their message key.
pub const MODALITES: [(Modalite, &str, &str); 4] = [
    (Modalite::Initiale, "mod_initiale", "modalite-initiale"),
    (
        Modalite::Apprentissage,
        "mod_apprentissage",
        "modalite-apprentissage",
    ),
    (
        Modalite::FormationContinue,
        "mod_continue",
        "modalite-continue",
    ),
    (Modalite::Vae, "mod_vae", "modalite-vae"),
];

impl Demande {
    pub fn experience(&self, row: usize) -> (&str, &str) {
        match row {
            0 => (&self.metier_1, &self.annees_1),
            1 => (&self.metier_2, &self.annees_2),
            _ => (&self.metier_3, &self.annees_3),
        }
    }

    pub fn modalite_checked(&self, field: &str) -> bool {
        let value = match field {
            "mod_initiale" => &self.mod_initiale,
            "mod_apprentissage" => &self.mod_apprentissage,
            "mod_continue" => &self.mod_continue,
            "mod_vae" => &self.mod_vae,
            _ => return false,
        };
        !value.trim().is_empty()
    }

    /// The values as hidden fields, `(name, value)`, for the next step.
    pub fn hidden(&self) -> Vec<(&'static str, String)> {
        let all = [
            ("metier_1", &self.metier_1),
            ("annees_1", &self.annees_1),
            ("metier_2", &self.metier_2),
            ("annees_2", &self.annees_2),
            ("metier_3", &self.metier_3),
            ("annees_3", &self.annees_3),
            ("certifications", &self.certifications),
            ("blocs", &self.blocs),
            ("competences", &self.competences),
            ("niveau", &self.niveau),
            ("commune", &self.commune),
            ("cible", &self.cible),
            ("mod_initiale", &self.mod_initiale),
            ("mod_apprentissage", &self.mod_apprentissage),
            ("mod_continue", &self.mod_continue),
            ("mod_vae", &self.mod_vae),
            ("distance", &self.distance),
            ("debut_avant", &self.debut_avant),
            ("duree_max", &self.duree_max),
            ("niveau_max", &self.niveau_max),
            ("objectif", &self.objectif),
        ];
        all.into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.clone()))
            .collect()
    }

    /// The objective as chosen, the duration by default.
    pub fn objective(&self) -> Objective {
        match self.objectif.trim() {
            "cout" => Objective::Cout,
            "distance" => Objective::Distance,
            _ => Objective::Duree,
        }
    }
}

/// A valid request, ready for the engine.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub profile: Profile,
    pub cible: Option<CodeRome>,
    pub constraints: Constraints,
    pub objective: Objective,
    /// The home commune as found.
    pub commune: Option<String>,
}

/// Validates the fields of the steps up to `upto` against the loaded
/// catalogue; every error is tied to its field.
pub async fn resolve(
    state: &AppState,
    loaded: &Loaded,
    tr: &Tr,
    d: &Demande,
    upto: Step,
) -> Result<Result<Resolved, FormErrors>, AppError> {
    let r = &loaded.referentiel;
    let mut errors = FormErrors::default();
    let mut profile = Profile::default();
    const FIELDS: [(&str, &str); EXPERIENCE_ROWS] = [
        ("metier_1", "annees_1"),
        ("metier_2", "annees_2"),
        ("metier_3", "annees_3"),
    ];
    for (row, (metier_field, annees_field)) in FIELDS.into_iter().enumerate() {
        let (metier, annees) = d.experience(row);
        if metier.trim().is_empty() {
            if !annees.trim().is_empty() {
                errors.add(metier_field, tr.t("parcours-error-metier-missing"));
            }
            continue;
        }
        let code = match find_metier(state, loaded, metier).await? {
            Found::One(code) => Some(code),
            Found::None => {
                errors.add(
                    metier_field,
                    tr.ts("parcours-error-metier-unknown", "text", metier.trim()),
                );
                None
            }
            Found::Several(names) => {
                errors.add(
                    metier_field,
                    tr.ts("parcours-error-metier-ambiguous", "choices", &names),
                );
                None
            }
        };
        let years = parse_years(annees);
        if years.is_none() {
            errors.add(annees_field, tr.t("parcours-error-annees"));
        }
        if let (Some(metier), Some(annees)) = (code, years) {
            profile.experiences.push(Experience { metier, annees });
        }
    }
    for item in items(&d.certifications) {
        match CodeCertification::parse(item) {
            Ok(code) if r.certification(&code).is_some() => profile.certifications.push(code),
            _ => errors.add(
                "certifications",
                tr.ts("parcours-error-certification", "code", item),
            ),
        }
    }
    for item in items(&d.blocs) {
        let code = item.to_ascii_uppercase();
        if r.bloc(&code).is_some() {
            profile.blocs.push(code);
        } else {
            errors.add("blocs", tr.ts("parcours-error-bloc", "code", item));
        }
    }
    for line in d
        .competences
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match find_skill(loaded, line) {
            Found::One(id) => profile.declared.push(id),
            Found::None => errors.add(
                "competences",
                tr.ts("parcours-error-competence-unknown", "text", line),
            ),
            Found::Several(names) => errors.add(
                "competences",
                tr.ts("parcours-error-competence-ambiguous", "choices", &names),
            ),
        }
    }
    if d.competences
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        > MAX_ITEMS
        || items(&d.certifications).count() > MAX_ITEMS
        || items(&d.blocs).count() > MAX_ITEMS
    {
        errors.add(
            "competences",
            tr.tn("parcours-error-too-many", "max", MAX_ITEMS as u64),
        );
    }
    let niveau = d.niveau.trim();
    if !niveau.is_empty() {
        match niveau.parse::<u8>().ok().and_then(Niveau::new) {
            Some(n) => profile.niveau = Some(n),
            None => errors.add("niveau", tr.t("parcours-error-niveau")),
        }
    }
    let mut commune = None;
    let typed = d.commune.trim();
    if !typed.is_empty() {
        if typed.chars().count() > 80 {
            errors.add("commune", tr.t("parcours-error-commune"));
        } else {
            match crate::routes::search::locate(state, typed) {
                Some((_, nom, lat, lon)) => match GeoPoint::new(lat, lon) {
                    Ok(point) => {
                        profile.domicile = Some(point);
                        commune = Some(nom);
                    }
                    Err(_) => errors.add("commune", tr.t("parcours-error-commune")),
                },
                None => errors.add(
                    "commune",
                    tr.ts("parcours-error-commune-unknown", "text", typed),
                ),
            }
        }
    }

    let mut cible = None;
    if upto >= Step::Cible {
        let typed = d.cible.trim();
        if typed.is_empty() {
            errors.add("cible", tr.t("parcours-error-cible-missing"));
        } else {
            match find_metier(state, loaded, typed).await? {
                Found::One(code) => cible = Some(code),
                Found::None => errors.add(
                    "cible",
                    tr.ts("parcours-error-metier-unknown", "text", typed),
                ),
                Found::Several(names) => errors.add(
                    "cible",
                    tr.ts("parcours-error-metier-ambiguous", "choices", &names),
                ),
            }
        }
    }

    let mut constraints = Constraints::default();
    let objective = d.objective();
    if upto >= Step::Contraintes {
        constraints.modalites = MODALITES
            .iter()
            .filter(|(_, field, _)| d.modalite_checked(field))
            .map(|(m, _, _)| *m)
            .collect();
        let distance = d.distance.trim().replace(',', ".");
        if !distance.is_empty() {
            match distance.parse::<f64>() {
                Ok(km) if km.is_finite() && km > 0.0 && km <= MAX_DISTANCE_KM => {
                    constraints.distance_max_km = Some(km);
                    if profile.domicile.is_none() && errors.get("commune").is_none() {
                        errors.add("distance", tr.t("parcours-error-distance-sans-commune"));
                    }
                }
                _ => errors.add("distance", tr.t("parcours-error-distance")),
            }
        }
        let date = d.debut_avant.trim();
        if !date.is_empty() {
            match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(day) if day >= state.clock.today() => constraints.debut_avant = Some(day),
                Ok(_) => errors.add("debut_avant", tr.t("parcours-error-date-passee")),
                Err(_) => errors.add("debut_avant", tr.t("parcours-error-date")),
            }
        }
        let hours = d.duree_max.trim();
        if !hours.is_empty() {
            match hours.parse::<u32>() {
                Ok(h) if (1..=MAX_HOURS).contains(&h) => constraints.duree_max_heures = Some(h),
                _ => errors.add(
                    "duree_max",
                    tr.tn("parcours-error-duree", "max", u64::from(MAX_HOURS)),
                ),
            }
        }
        constraints.ecart_niveau_max = match d.niveau_max.trim() {
            "" => Some(DEFAULT_LEVEL_STEP),
            "1" => Some(1),
            "2" => Some(2),
            "3" => Some(3),
            "libre" => None,
            _ => {
                errors.add("niveau_max", tr.t("parcours-error-niveau-max"));
                Some(DEFAULT_LEVEL_STEP)
            }
        };
        if !matches!(d.objectif.trim(), "" | "duree" | "cout" | "distance") {
            errors.add("objectif", tr.t("parcours-error-objectif"));
        } else if objective == Objective::Distance
            && profile.domicile.is_none()
            && errors.get("commune").is_none()
        {
            errors.add("objectif", tr.t("parcours-error-distance-sans-commune"));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(Resolved {
        profile,
        cible,
        constraints,
        objective,
        commune,
    }))
}

/// The fields of a step, to tell which step shows an error.
pub fn step_of(field: &str) -> Step {
    match field {
        "cible" => Step::Cible,
        "mod_initiale" | "mod_apprentissage" | "mod_continue" | "mod_vae" | "distance"
        | "debut_avant" | "duree_max" | "niveau_max" | "objectif" => Step::Contraintes,
        _ => Step::Profil,
    }
}

/// Codes of a list field: separated by commas, semicolons, spaces or lines.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Years of experience: a decimal number from 0 to 50 (« 2,5 » as well).
fn parse_years(text: &str) -> Option<f32> {
    let years = text.trim().replace(',', ".").parse::<f32>().ok()?;
    (years.is_finite() && (0.0..=50.0).contains(&years)).then_some(years)
}

/// What a typed name matched.
enum Found<T> {
    One(T),
    None,
    /// Several, named for the person to choose (the first few).
    Several(String),
}

/// Candidates named when a typed text is ambiguous.
const SHOWN_CHOICES: usize = 5;

/// A trade from what a person typed: its ROME code (alone, or at the end
/// in brackets, as the suggestions write it), the trade's title, or a job
/// title (ROME appellation). An exact title wins; otherwise a single
/// partial match; otherwise the person is asked to choose.
async fn find_metier(
    state: &AppState,
    loaded: &Loaded,
    typed: &str,
) -> Result<Found<CodeRome>, AppError> {
    let r = &loaded.referentiel;
    let typed = typed.trim();
    let code_part = typed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map_or(typed, |(_, code)| code.trim());
    if let Ok(code) = CodeRome::parse(&code_part.to_ascii_uppercase()) {
        return Ok(if r.metier(&code).is_some() {
            Found::One(code)
        } else {
            Found::None
        });
    }
    if typed.chars().count() < 2 || typed.chars().count() > 120 {
        return Ok(Found::None);
    }
    let wanted = slugify(typed);
    if let Some(m) = r.metiers().find(|m| slugify(&m.libelle) == wanted) {
        return Ok(Found::One(m.code.clone()));
    }
    let tables = state.search.suggestions();
    let appellations = tables.appellations(typed, 50);
    if let Some(a) = appellations.iter().find(|a| slugify(&a.libelle) == wanted)
        && let Ok(code) = CodeRome::parse(&a.code_rome)
    {
        return Ok(Found::One(code));
    }
    let mut codes: Vec<&str> = appellations.iter().map(|a| a.code_rome.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    Ok(match codes.as_slice() {
        [] => Found::None,
        [one] => match CodeRome::parse(one) {
            Ok(code) if r.metier(&code).is_some() => Found::One(code),
            _ => Found::None,
        },
        _ => Found::Several(
            appellations
                .iter()
                .take(SHOWN_CHOICES)
                .map(|a| format!("« {} ({}) »", a.libelle, a.code_rome))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    })
}

/// A declared skill: its OGR code, its exact label, or the only label
/// containing the text typed.
fn find_skill(loaded: &Loaded, typed: &str) -> Found<SkillId> {
    let r = &loaded.referentiel;
    if let Ok(code) = typed.parse::<i64>() {
        return match r.skill(SkillId(code)) {
            Some(s) => Found::One(s.id),
            None => Found::None,
        };
    }
    let wanted = slugify(typed);
    if wanted.chars().count() < 3 {
        return Found::None;
    }
    if let Some(s) = r.skills().find(|s| slugify(&s.libelle) == wanted) {
        return Found::One(s.id);
    }
    let partial: Vec<_> = r
        .skills()
        .filter(|s| slugify(&s.libelle).contains(&wanted))
        .take(SHOWN_CHOICES + 1)
        .collect();
    match partial.as_slice() {
        [] => Found::None,
        [one] => Found::One(one.id),
        several => Found::Several(
            several
                .iter()
                .take(SHOWN_CHOICES)
                .map(|s| format!("« {} »", s.libelle))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_lists() {
        assert_eq!(parse_years("2,5"), Some(2.5));
        assert_eq!(parse_years("-1"), None);
        assert_eq!(parse_years("NaN"), None);
        assert_eq!(parse_years("51"), None);
        let codes: Vec<_> = items("RNCP320, RS5678;\nRNCP1 ").collect();
        assert_eq!(codes, ["RNCP320", "RS5678", "RNCP1"]);
    }

    #[test]
    fn steps_and_fields() {
        assert_eq!(Step::parse("3"), Step::Contraintes);
        assert_eq!(Step::parse("x"), Step::Profil);
        assert_eq!(step_of("cible"), Step::Cible);
        assert_eq!(step_of("duree_max"), Step::Contraintes);
        assert_eq!(step_of("mod_vae"), Step::Contraintes);
        assert_eq!(step_of("metier_2"), Step::Profil);
    }

    #[test]
    fn hidden_fields_carry_only_what_was_typed() {
        let d = Demande {
            metier_1: "H3301".into(),
            annees_1: "5".into(),
            cible: "I1304".into(),
            ..Demande::default()
        };
        let hidden = d.hidden();
        assert_eq!(hidden.len(), 3);
        assert!(hidden.contains(&("cible", "I1304".to_owned())));
    }
}
