//! The training-path request where people give it. The domain parses and
//! validates it ([`DemandeParcours::parse`]); this module supplies the
//! catalogue's lookups it needs ([`CatalogueLookup`]: trades by code,
//! title or job title, skills, codes, towns) and tells its errors in the
//! reader's language under their fields. The form and the API share both.

use campus_domain::formation::Modalite;
use campus_domain::parcours::{
    DemandeParcours, DemandeParcoursError, Domicile, Etape, Found, Lookup, Objectif, SaisieParcours,
};
use campus_domain::{CodeCertification, CodeRome, slugify};
use campus_parcours::CompetenceId;

use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::engine::Loaded;
use crate::state::AppState;

/// The modalities and the message keys of their labels.
pub const MODALITES: [(Modalite, &str); 4] = [
    (Modalite::Initiale, "modalite-initiale"),
    (Modalite::Apprentissage, "modalite-apprentissage"),
    (Modalite::Continue, "modalite-continue"),
    (Modalite::Vae, "modalite-vae"),
];

/// The objectives and the message keys of their labels.
pub const OBJECTIFS: [(Objectif, &str); 3] = [
    (Objectif::Duree, "parcours-objectif-duree"),
    (Objectif::Cout, "parcours-objectif-cout"),
    (Objectif::Distance, "parcours-objectif-distance"),
];

/// Candidates named when a typed text is ambiguous.
const SHOWN_CHOICES: usize = 5;

/// The request of every step, against the loaded catalogue.
pub fn parse(
    state: &AppState,
    loaded: &Loaded,
    saisie: &SaisieParcours,
) -> Result<DemandeParcours, Vec<DemandeParcoursError>> {
    DemandeParcours::parse(
        saisie,
        state.clock.today(),
        &CatalogueLookup { state, loaded },
    )
}

/// Checks the steps up to `etape`, against the loaded catalogue.
pub fn verifier(
    state: &AppState,
    loaded: &Loaded,
    saisie: &SaisieParcours,
    etape: Etape,
) -> Result<(), Vec<DemandeParcoursError>> {
    DemandeParcours::verifier(
        saisie,
        etape,
        state.clock.today(),
        &CatalogueLookup { state, loaded },
    )
}

/// An error in words.
pub fn message(tr: &Tr, error: &DemandeParcoursError) -> String {
    use DemandeParcoursError as E;
    let key = error.message_key();
    match error {
        E::MetierInconnu { texte, .. }
        | E::CompetenceInconnue { texte }
        | E::CommuneInconnue { texte } => tr.ts(key, "text", texte),
        E::MetierAmbigu { choix, .. }
        | E::CompetenceAmbigue { choix }
        | E::CertificationAmbigue { choix }
        | E::BlocAmbigu { choix } => {
            let quoted: Vec<String> = choix.iter().map(|c| format!("« {c} »")).collect();
            tr.ts(key, "choices", &quoted.join(", "))
        }
        E::Certification { code } | E::Bloc { code } => tr.ts(key, "code", code),
        E::TropDeValeurs { max, .. } => tr.tn(key, "max", *max as u64),
        E::Duree { max } => tr.tn(key, "max", u64::from(*max)),
        _ => tr.t(key),
    }
}

/// The errors under the form's fields.
pub fn form_errors(tr: &Tr, errors: &[DemandeParcoursError]) -> FormErrors {
    let mut out = FormErrors::default();
    for e in errors {
        out.add(e.champ().nom(), message(tr, e));
    }
    out
}

/// The first step that shows one of the errors.
pub fn first_step(errors: &[DemandeParcoursError], otherwise: Etape) -> Etape {
    errors
        .iter()
        .map(|e| e.champ().etape())
        .min()
        .unwrap_or(otherwise)
}

/// The values typed, as hidden fields `(name, value)` carried to the next
/// page, but those of the step `shown` (its own fields show them).
pub fn hidden(saisie: &SaisieParcours, shown: Option<Etape>) -> Vec<(&'static str, String)> {
    saisie
        .remplis()
        .filter(|(champ, _)| Some(champ.etape()) != shown)
        .map(|(champ, value)| (champ.nom(), value.to_owned()))
        .collect()
}

/// The code at the end of a choice « Titre (CODE) », or the whole text.
fn code_in(typed: &str) -> &str {
    let typed = typed.trim();
    typed
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map_or(typed, |(_, code)| code.trim())
}

/// An entry by its title as people type it: the one whose title is the
/// text (accents, case and punctuation aside), else the entries whose
/// title holds every typed word (by its beginning: « bts chim »), the
/// shortest title first; one is found, several are offered to choose
/// from as « Titre (CODE) ».
fn by_title<'a, T>(
    typed: &str,
    items: impl Iterator<Item = &'a T>,
    title: impl Fn(&T) -> &str,
    code: impl Fn(&T) -> &str,
) -> Found<&'a T> {
    let wanted = slugify(typed);
    if wanted.chars().count() < 3 || typed.chars().count() > 200 {
        return Found::None;
    }
    let words: Vec<&str> = wanted.split('-').filter(|w| !w.is_empty()).collect();
    let mut exact = Vec::new();
    let mut partial: Vec<(usize, &T)> = Vec::new();
    for item in items {
        let folded = slugify(title(item));
        if folded == wanted {
            exact.push(item);
        } else if words
            .iter()
            .all(|w| folded.split('-').any(|t| t.starts_with(w)))
        {
            partial.push((folded.len(), item));
        }
    }
    let choices = |items: Vec<&T>| {
        Found::Several(
            items
                .iter()
                .take(SHOWN_CHOICES)
                .map(|i| format!("{} ({})", title(i), code(i)))
                .collect(),
        )
    };
    match exact.len() {
        1 => return Found::One(exact[0]),
        0 => {}
        _ => return choices(exact),
    }
    partial.sort_by_key(|(len, _)| *len);
    match partial.len() {
        0 => Found::None,
        1 => Found::One(partial[0].1),
        _ => choices(partial.into_iter().map(|(_, i)| i).collect()),
    }
}

/// The lookups of a request in the loaded referential and this node's
/// suggestion tables (job titles, communes).
pub struct CatalogueLookup<'a> {
    pub state: &'a AppState,
    pub loaded: &'a Loaded,
}

impl Lookup for CatalogueLookup<'_> {
    /// Its ROME code (alone, or at the end in brackets, as the suggestions
    /// write it), the trade's title, or a job title (ROME appellation). An
    /// exact title wins; otherwise a single partial match; otherwise the
    /// person is asked to choose.
    fn metier(&self, typed: &str) -> Found<CodeRome> {
        let r = &self.loaded.referentiel;
        let typed = typed.trim();
        let code_part = typed
            .strip_suffix(')')
            .and_then(|t| t.rsplit_once('('))
            .map_or(typed, |(_, code)| code.trim());
        if let Ok(code) = CodeRome::parse(&code_part.to_ascii_uppercase()) {
            return if r.metier(&code).is_some() {
                Found::One(code)
            } else {
                Found::None
            };
        }
        if typed.chars().count() < 2 || typed.chars().count() > 120 {
            return Found::None;
        }
        let wanted = slugify(typed);
        if let Some(m) = r.metiers().find(|m| slugify(&m.libelle) == wanted) {
            return Found::One(m.code.clone());
        }
        let tables = self.state.search.suggestions();
        let appellations = tables.appellations(typed, 50);
        if let Some(a) = appellations.iter().find(|a| slugify(&a.libelle) == wanted)
            && let Ok(code) = CodeRome::parse(&a.code_rome)
        {
            return Found::One(code);
        }
        let mut codes: Vec<&str> = appellations.iter().map(|a| a.code_rome.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        match codes.as_slice() {
            [] => Found::None,
            [one] => match CodeRome::parse(one) {
                Ok(code) if r.metier(&code).is_some() => Found::One(code),
                _ => Found::None,
            },
            _ => Found::Several(
                appellations
                    .iter()
                    .take(SHOWN_CHOICES)
                    .map(|a| format!("{} ({})", a.libelle, a.code_rome))
                    .collect(),
            ),
        }
    }

    /// Its OGR code, its exact label, or the only label containing the
    /// text typed.
    fn competence(&self, typed: &str) -> Found<i64> {
        let r = &self.loaded.referentiel;
        if let Ok(code) = typed.parse::<i64>() {
            return match r.skill(CompetenceId(code)) {
                Some(s) => Found::One(s.id.0),
                None => Found::None,
            };
        }
        let wanted = slugify(typed);
        if wanted.chars().count() < 3 {
            return Found::None;
        }
        if let Some(s) = r.skills().find(|s| slugify(&s.libelle) == wanted) {
            return Found::One(s.id.0);
        }
        let partial: Vec<_> = r
            .skills()
            .filter(|s| slugify(&s.libelle).contains(&wanted))
            .take(SHOWN_CHOICES + 1)
            .collect();
        match partial.as_slice() {
            [] => Found::None,
            [one] => Found::One(one.id.0),
            several => Found::Several(
                several
                    .iter()
                    .take(SHOWN_CHOICES)
                    .map(|s| s.libelle.clone())
                    .collect(),
            ),
        }
    }

    /// Its code (RNCP…, RS…, alone or in brackets at the end, as the
    /// choices write it), or its title: see [`by_title`].
    fn certification(&self, typed: &str) -> Found<CodeCertification> {
        let r = &self.loaded.referentiel;
        if let Ok(code) = CodeCertification::parse(&code_in(typed).to_ascii_uppercase()) {
            return if r.certification(&code).is_some() {
                Found::One(code)
            } else {
                Found::None
            };
        }
        by_title(
            typed,
            r.certifications(),
            |c| &c.libelle,
            |c| c.code.as_str(),
        )
        .map(|c| c.code.clone())
    }

    /// Its code (RNCP320BC01), or its title: see [`by_title`].
    fn bloc(&self, typed: &str) -> Found<String> {
        let r = &self.loaded.referentiel;
        let code = code_in(typed).to_ascii_uppercase();
        if r.bloc(&code).is_some() {
            return Found::One(code);
        }
        by_title(typed, r.blocs(), |b| &b.libelle, |b| &b.code).map(|b| b.code.clone())
    }

    /// The commune the search suggests first, if the engine can place it.
    fn commune(&self, typed: &str) -> Option<Domicile> {
        let (_, nom, position) = crate::routes::search::locate(self.state, typed)?;
        Some(Domicile { nom, position })
    }
}

/// What a form says of one list field whose entries people type by name:
/// its name in the form, and the message keys for a name the catalogue
/// does not know (`$texte`) and for one that matches several entries
/// (`$choix`).
pub struct ChampNomme {
    pub field: &'static str,
    pub inconnu: &'static str,
    pub ambigu: &'static str,
}

/// Resolves at most `limit + 1` typed names with `find` (one more than
/// allowed, so that the caller can tell the list is too long), adding a
/// message to `errors` for each unknown or ambiguous one.
pub fn resolve_each<T>(
    typed: &[String],
    limit: usize,
    champ: &ChampNomme,
    tr: &Tr,
    errors: &mut FormErrors,
    find: impl Fn(&str) -> Found<T>,
) -> Vec<T> {
    let mut found = Vec::new();
    for name in typed.iter().take(limit + 1) {
        match find(name) {
            Found::One(value) => found.push(value),
            Found::None => errors.add(champ.field, tr.ts(champ.inconnu, "texte", name.trim())),
            Found::Several(choices) => errors.add(
                champ.field,
                tr.ts(champ.ambigu, "choix", &choices.join(" ; ")),
            ),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_fields_carry_only_what_was_typed_elsewhere() {
        let d = SaisieParcours {
            metier_1: "H3301".into(),
            annees_1: "5".into(),
            cible: "I1304".into(),
            ..SaisieParcours::default()
        };
        let all = hidden(&d, None);
        assert_eq!(all.len(), 3);
        assert!(all.contains(&("cible", "I1304".to_owned())));
        let at_target = hidden(&d, Some(Etape::Cible));
        assert_eq!(at_target.len(), 2);
        assert!(at_target.iter().all(|(name, _)| *name != "cible"));
    }

    #[test]
    fn the_first_step_with_an_error_is_shown() {
        let errors = [
            DemandeParcoursError::Distance,
            DemandeParcoursError::CibleManquante,
        ];
        assert_eq!(first_step(&errors, Etape::Profil), Etape::Cible);
        assert_eq!(first_step(&[], Etape::Contraintes), Etape::Contraintes);
    }
}
