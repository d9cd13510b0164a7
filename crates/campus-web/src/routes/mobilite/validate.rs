//! The checks of the mobility forms and of their API bodies: a partner
//! establishment abroad, a mobility offer, an application. Every refused
//! field is reported at once, each with its own French message; the
//! trades and the certification are typed by name and resolved against
//! the catalogue (codes are accepted too).

use campus_domain::expertise::Langue;
use campus_domain::mobilite::{
    Ages, Financement, MobiliteError, NatureMobilite, Pays, Periode, check_limite, parse_age,
    parse_date, parse_places,
};
use campus_domain::parcours::{Found, Lookup};
use campus_domain::{
    CodeCertification, CodeRome, Email, Niveau, OrganisationKind, optional_text, required_text,
};
use campus_store::mobilite::{OffreMobiliteSaisie, PartenaireSaisie};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::CatalogueLookup;
use crate::state::AppState;

/// Most trades, languages or levels a partner lists.
const MAX_LISTE: usize = 20;

/// A partner establishment abroad as typed.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub(crate) struct PartenaireValues {
    pub nom: String,
    /// `etablissement_scolaire`, `universite`, `organisme_formation` or
    /// `entreprise`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-2 code (`DE`) or French name.
    pub pays: String,
    pub ville: String,
    pub description: String,
    pub site_web: String,
    /// ISO 639-1 codes separated by commas or spaces (`de, en`).
    pub langues: String,
    /// Job titles or ROME codes, one per line.
    pub metiers: String,
    /// Levels 3 to 8, separated by commas.
    pub niveaux: String,
    pub contact_nom: String,
    pub contact_email: String,
}

fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Resolves a typed trade; the error message otherwise.
fn metier(lookup: &CatalogueLookup<'_>, tr: &Tr, typed: &str) -> Result<CodeRome, String> {
    match lookup.metier(typed) {
        Found::One(code) => Ok(code),
        Found::None => Err(tr.ts("mobilite-error-metier-inconnu", "texte", typed.trim())),
        Found::Several(choices) => Err(tr.ts("offre-metier-ambigu", "choix", &choices.join(" ; "))),
    }
}

/// Resolves a typed certification; the error message otherwise.
pub(crate) fn certification(
    lookup: &CatalogueLookup<'_>,
    tr: &Tr,
    typed: &str,
) -> Result<CodeCertification, String> {
    match lookup.certification(typed) {
        Found::One(code) => Ok(code),
        Found::None => Err(tr.ts("offre-certification-inconnue", "texte", typed.trim())),
        Found::Several(choices) => {
            Err(tr.ts("offre-certification-ambigue", "choix", &choices.join(" ; ")))
        }
    }
}

/// The partner to store, or the errors to show.
pub(crate) async fn partenaire(
    state: &AppState,
    tr: &Tr,
    v: &PartenaireValues,
) -> AppResult<Result<PartenaireSaisie, FormErrors>> {
    let mut errors = FormErrors::default();
    let nom = errors.check(tr, "nom", required_text(&v.nom, 200));
    let kind = errors.check(tr, "type", OrganisationKind::parse(&v.kind));
    let pays = errors.check(tr, "pays", Pays::parse(&v.pays));
    if pays == Some(Pays::FRANCE) {
        errors.add("pays", tr.t("mobilite-error-pays-france"));
    }
    let ville = errors.check(tr, "ville", required_text(&v.ville, 120));
    let description = errors.check(tr, "description", optional_text(&v.description, 5_000));
    let site_web = errors.check(tr, "site_web", optional_text(&v.site_web, 250));
    let mut langues = Vec::new();
    for l in items(&v.langues).take(MAX_LISTE) {
        if let Some(l) = errors.check(tr, "langues", Langue::parse(l)) {
            langues.push(l);
        }
    }
    let mut niveaux = Vec::new();
    for n in items(&v.niveaux).take(MAX_LISTE) {
        match n.parse::<u8>().ok().and_then(Niveau::new) {
            Some(n) => niveaux.push(n),
            None => errors.add("niveaux", tr.t("mobilite-error-niveau")),
        }
    }
    let loaded = state.parcours.current(&state.store).await?;
    let lookup = CatalogueLookup {
        state,
        loaded: &loaded,
    };
    let mut metiers = Vec::new();
    for typed in v
        .metiers
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(MAX_LISTE)
    {
        match metier(&lookup, tr, typed) {
            Ok(code) => metiers.push(code),
            Err(message) => errors.add("metiers", message),
        }
    }
    let contact_nom = errors.check(tr, "contact_nom", required_text(&v.contact_nom, 120));
    let contact_email = errors.check(tr, "contact_email", Email::parse(&v.contact_email));
    match (
        nom,
        kind,
        pays,
        ville,
        description,
        site_web,
        contact_nom,
        contact_email,
    ) {
        (
            Some(nom),
            Some(kind),
            Some(pays),
            Some(ville),
            Some(description),
            Some(site_web),
            Some(contact_nom),
            Some(contact_email),
        ) if errors.is_empty() => Ok(Ok(PartenaireSaisie {
            nom,
            kind,
            pays,
            ville,
            description: description.unwrap_or_default(),
            site_web,
            langues,
            metiers,
            niveaux,
            contact_nom,
            contact_email: contact_email.as_str().to_owned(),
        })),
        _ => Ok(Err(errors)),
    }
}

/// A mobility offer as typed.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(default)]
pub(crate) struct OffreMobiliteValues {
    /// The partner establishment abroad (its organisation id).
    pub partenaire: String,
    pub intitule: String,
    pub description: String,
    /// `stage`, `periode_etudes` (learners), `observation` or
    /// `enseignement` (staff).
    pub nature: String,
    /// `AAAA-MM-JJ`.
    pub date_debut: String,
    pub date_fin: String,
    pub places: String,
    /// `erasmus_plus` or `autre`.
    pub financement: String,
    /// The programme's name, required for `autre`.
    pub financement_nom: String,
    pub age_min: String,
    pub age_max: String,
    /// Level required (3 to 8), or empty.
    pub niveau: String,
    /// Job title or ROME code, or empty.
    pub metier: String,
    /// Last day to apply, `AAAA-MM-JJ`; not after the start.
    pub date_limite: String,
}

/// The offer to store, or the errors to show.
pub(crate) async fn offre(
    state: &AppState,
    tr: &Tr,
    v: &OffreMobiliteValues,
    auteur: i32,
) -> AppResult<Result<OffreMobiliteSaisie, FormErrors>> {
    let mut errors = FormErrors::default();
    let today = state.clock.today();
    let partenaires = state.store.mobilite().partenaires(None).await?;
    let partenaire_id = v
        .partenaire
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| partenaires.iter().any(|p| p.organisation.id == *id));
    if partenaire_id.is_none() {
        errors.add("partenaire", tr.t("mobilite-error-partenaire"));
    }
    let intitule = errors.check(tr, "intitule", required_text(&v.intitule, 250));
    let description = errors.check(tr, "description", required_text(&v.description, 10_000));
    let nature = NatureMobilite::parse(&v.nature).ok();
    if nature.is_none() {
        errors.add("nature", tr.t("mobilite-error-nature"));
    }
    let debut = errors.check(tr, "date_debut", parse_date(&v.date_debut));
    let fin = errors.check(tr, "date_fin", parse_date(&v.date_fin));
    let periode = match (debut, fin, nature) {
        (Some(d), Some(f), Some(n)) => errors.check(tr, "date_fin", Periode::new(d, f, n.public())),
        _ => None,
    };
    if let Some(d) = debut
        && d <= today
    {
        errors.add("date_debut", tr.t("mobilite-error-debut-passe"));
    }
    let places = errors.check(tr, "places", parse_places(&v.places));
    let financement = errors.check(tr, "financement", Financement::parse(&v.financement));
    let financement_nom = errors.check(
        tr,
        "financement_nom",
        optional_text(&v.financement_nom, 200),
    );
    if financement == Some(Financement::Autre) && financement_nom == Some(None) {
        errors.add("financement_nom", tr.t("mobilite-error-financement-nom"));
    }
    let age_min = errors.check(tr, "age_min", parse_age(&v.age_min));
    let age_max = errors.check(tr, "age_max", parse_age(&v.age_max));
    let ages = match (age_min, age_max) {
        (Some(a), Some(b)) => errors.check(tr, "age_max", Ages::new(a, b)),
        _ => None,
    };
    let niveau = if v.niveau.trim().is_empty() {
        Some(None)
    } else {
        match v.niveau.trim().parse::<u8>().ok().and_then(Niveau::new) {
            Some(n) => Some(Some(n)),
            None => {
                errors.add("niveau", tr.t("mobilite-error-niveau"));
                None
            }
        }
    };
    let code_rome = if v.metier.trim().is_empty() {
        Some(None)
    } else {
        let loaded = state.parcours.current(&state.store).await?;
        let lookup = CatalogueLookup {
            state,
            loaded: &loaded,
        };
        match metier(&lookup, tr, &v.metier) {
            Ok(code) => Some(Some(code)),
            Err(message) => {
                errors.add("metier", message);
                None
            }
        }
    };
    let limite = errors.check(tr, "date_limite", parse_date(&v.date_limite));
    let date_limite = match (limite, periode) {
        (Some(l), Some(p)) => {
            if l < today {
                errors.add(
                    "date_limite",
                    tr.t(MobiliteError::LimitePassee.message_key()),
                );
                None
            } else {
                errors.check(tr, "date_limite", check_limite(l, &p))
            }
        }
        _ => None,
    };
    match (
        partenaire_id,
        intitule,
        description,
        nature,
        periode,
        places,
        financement,
        financement_nom,
        ages,
        niveau,
        code_rome,
        date_limite,
    ) {
        (
            Some(partenaire_id),
            Some(intitule),
            Some(description),
            Some(nature),
            Some(periode),
            Some(places),
            Some(financement),
            Some(financement_nom),
            Some(ages),
            Some(niveau),
            Some(code_rome),
            Some(date_limite),
        ) if errors.is_empty() => Ok(Ok(OffreMobiliteSaisie {
            partenaire_id,
            auteur_user_id: Some(auteur),
            intitule,
            description,
            nature,
            periode,
            places,
            financement,
            financement_nom,
            ages,
            niveau,
            code_rome,
            date_limite,
        })),
        _ => Ok(Err(errors)),
    }
}

/// The age check of an application: `naissance` against the offer's
/// ages on its first day.
pub(crate) fn age_accepte(
    tr: &Tr,
    errors: &mut FormErrors,
    naissance: NaiveDate,
    debut: NaiveDate,
    ages: &Ages,
) {
    let age = campus_domain::mobilite::age_le(naissance, debut);
    if !ages.accepte(age) {
        errors.add(
            "date_naissance",
            tr.tv(
                "mobilite-error-age-offre",
                &[
                    ("age", &age.to_string()),
                    (
                        "min",
                        &ages
                            .min
                            .map(|a| a.to_string())
                            .unwrap_or_else(|| "—".into()),
                    ),
                    (
                        "max",
                        &ages
                            .max
                            .map(|a| a.to_string())
                            .unwrap_or_else(|| "—".into()),
                    ),
                ],
            ),
        );
    }
}
