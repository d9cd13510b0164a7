//! Checking an offer as the form and the API send it: the domain checks
//! its own fields ([`NouvelleOffre::parse`]); this module resolves what
//! people type against the catalogue — the trade from a job title (or its
//! ROME code, for those who know it), the commune from its name or postal
//! code, the certification from its title or code, the skills from their
//! labels or codes — and says every refusal in the reader's language
//! under its field. Nothing is stored unless every field is valid.

use campus_domain::insertion::offre::parse_competences;
use campus_domain::insertion::{LieuOffre, NouvelleOffre, SaisieOffre};
use campus_domain::parcours::{Found, Lookup};
use campus_domain::{Email, optional_text, required_text};
use campus_store::insertion::{Offre, OffreSaisie};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::CatalogueLookup;
use crate::state::AppState;

/// An offer as typed (the form's fields, also the API's body).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct OffreValues {
    /// The company's id in the directory (one the user belongs to; the
    /// campus team may post for any company of the network).
    pub organisation: String,
    /// `apprentissage`, `professionnalisation`, `stage`, `cdi`, `cdd`,
    /// `interim`, `stage_observation` or `immersion`.
    pub type_offre: String,
    pub intitule: String,
    pub description: String,
    /// The trade: a job title as suggested (« Technicien / Technicienne de
    /// laboratoire de contrôle qualité »), its trade's title, or its ROME
    /// code (`H1210`).
    pub metier: String,
    /// The certification prepared or required, by title or code; optional.
    pub certification: String,
    /// The skills asked, one per line or separated by `;`: labels of the
    /// ROME skills or their codes. Empty: the trade's core skills.
    pub competences: String,
    /// The commune: its name, postal code or INSEE code.
    pub commune: String,
    /// `AAAA-MM-JJ`.
    pub date_debut: String,
    /// Months; empty for an open-ended job.
    pub duree_mois: String,
    /// Positions to fill (1 when empty).
    pub postes: String,
    /// Level required (3 = CAP … 8 = doctorat); optional.
    pub niveau: String,
    pub horaires: String,
    /// Pay, where the law does not fix it.
    pub remuneration: String,
    pub contact_nom: String,
    pub contact_email: String,
    /// `AAAA-MM-JJ`; empty: two months from today.
    pub expire_le: String,
}

impl OffreValues {
    /// The form of an existing offer.
    pub fn of(o: &Offre) -> OffreValues {
        OffreValues {
            organisation: o.organisation_id.map(|i| i.to_string()).unwrap_or_default(),
            type_offre: o.type_offre.as_str().to_owned(),
            intitule: o.intitule.clone(),
            description: o.description.clone(),
            metier: o
                .code_rome
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            certification: o
                .certification
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            competences: o
                .competences
                .iter()
                .map(|(_, l)| l.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            commune: o
                .commune_insee
                .clone()
                .unwrap_or_else(|| o.commune_nom.clone()),
            date_debut: o.date_debut.map(|d| d.to_string()).unwrap_or_default(),
            duree_mois: o.duree_mois.map(|d| d.to_string()).unwrap_or_default(),
            postes: o.postes.to_string(),
            niveau: o.niveau.map(|n| n.value().to_string()).unwrap_or_default(),
            horaires: o.horaires.clone().unwrap_or_default(),
            remuneration: o.remuneration.clone().unwrap_or_default(),
            contact_nom: o.contact_nom.clone().unwrap_or_default(),
            contact_email: o.contact_email.clone().unwrap_or_default(),
            expire_le: o.expire_le.to_string(),
        }
    }
}

/// The offer to store, or the errors to show. `organisations` are those
/// the author may post for.
pub async fn offre(
    state: &AppState,
    tr: &Tr,
    v: &OffreValues,
    organisations: &[i32],
    author: i32,
) -> AppResult<Result<OffreSaisie, FormErrors>> {
    let mut errors = FormErrors::default();
    let organisation_id = v
        .organisation
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| organisations.contains(id));
    if organisation_id.is_none() {
        errors.add("organisation", tr.t("offre-organisation-invalide"));
    }
    let intitule = errors.check(tr, "intitule", required_text(&v.intitule, 200));
    let description = errors.check(tr, "description", required_text(&v.description, 10_000));
    let saisie = SaisieOffre {
        type_offre: v.type_offre.clone(),
        date_debut: v.date_debut.clone(),
        duree_mois: v.duree_mois.clone(),
        postes: v.postes.clone(),
        niveau: v.niveau.clone(),
        expire_le: v.expire_le.clone(),
    };
    let offre = match NouvelleOffre::parse(&saisie, state.clock.today()) {
        Ok(o) => Some(o),
        Err(refused) => {
            for (field, e) in refused {
                errors.add(field, tr.t(e.message_key()));
            }
            None
        }
    };
    let loaded = state.parcours.current(&state.store).await?;
    let lookup = CatalogueLookup {
        state,
        loaded: &loaded,
    };
    let metier = if v.metier.trim().is_empty() {
        errors.add("metier", tr.t("offre-metier-manquant"));
        None
    } else {
        match lookup.metier(&v.metier) {
            Found::One(code) => Some(code),
            Found::None => {
                errors.add(
                    "metier",
                    tr.ts("offre-metier-inconnu", "texte", v.metier.trim()),
                );
                None
            }
            Found::Several(choices) => {
                errors.add(
                    "metier",
                    tr.ts("offre-metier-ambigu", "choix", &choices.join(" ; ")),
                );
                None
            }
        }
    };
    let certification = if v.certification.trim().is_empty() {
        None
    } else {
        match lookup.certification(&v.certification) {
            Found::One(code) => Some(code),
            Found::None => {
                errors.add(
                    "certification",
                    tr.ts(
                        "offre-certification-inconnue",
                        "texte",
                        v.certification.trim(),
                    ),
                );
                None
            }
            Found::Several(choices) => {
                errors.add(
                    "certification",
                    tr.ts("offre-certification-ambigue", "choix", &choices.join(" ; ")),
                );
                None
            }
        }
    };
    let lieu = if v.commune.trim().is_empty() {
        errors.add("commune", tr.t("offre-lieu-manquant"));
        None
    } else {
        match crate::routes::search::locate(state, v.commune.trim()) {
            Some((insee, nom, position)) => Some(LieuOffre {
                departement: Some(departement_of(&insee)),
                commune_insee: insee,
                commune_nom: nom,
                position,
            }),
            None => {
                errors.add(
                    "commune",
                    tr.ts("offre-commune-inconnue", "texte", v.commune.trim()),
                );
                None
            }
        }
    };
    let competences = match &metier {
        Some(code) if v.competences.trim().is_empty() => {
            state.store.insertion().competences_du_metier(code).await?
        }
        _ => skills(state, tr, &lookup, &v.competences, &mut errors).await?,
    };
    if metier.is_some() && competences.is_empty() && errors.get("competences").is_none() {
        errors.add("competences", tr.t("offre-competences-manquantes"));
    }
    let horaires = errors.check(tr, "horaires", optional_text(&v.horaires, 500));
    let remuneration = errors.check(tr, "remuneration", optional_text(&v.remuneration, 500));
    let contact_nom = errors.check(tr, "contact_nom", optional_text(&v.contact_nom, 120));
    let contact_email = if v.contact_email.trim().is_empty() {
        Some(None)
    } else {
        errors
            .check(tr, "contact_email", Email::parse(&v.contact_email))
            .map(|e| Some(e.as_str().to_owned()))
    };
    match (
        organisation_id,
        intitule,
        description,
        offre,
        metier,
        lieu,
        horaires,
        remuneration,
        contact_nom,
        contact_email,
    ) {
        (
            Some(organisation_id),
            Some(intitule),
            Some(description),
            Some(offre),
            Some(code_rome),
            Some(lieu),
            Some(horaires),
            Some(remuneration),
            Some(contact_nom),
            Some(contact_email),
        ) if errors.is_empty() => Ok(Ok(OffreSaisie {
            organisation_id,
            auteur_user_id: Some(author),
            offre,
            intitule,
            description,
            code_rome,
            certification,
            lieu,
            competences,
            horaires,
            remuneration,
            formation_id: None,
            contact_nom,
            contact_email,
        })),
        _ => Ok(Err(errors)),
    }
}

/// The skills typed: codes or labels, one per line or separated by `;`.
async fn skills(
    state: &AppState,
    tr: &Tr,
    lookup: &CatalogueLookup<'_>,
    typed: &str,
    errors: &mut FormErrors,
) -> AppResult<Vec<(i64, String)>> {
    let mut codes = Vec::new();
    for part in typed
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        // A line of codes (« 100123, 100124 ») is read as codes.
        if part
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
        {
            match parse_competences(part) {
                Ok(found) => codes.extend(found),
                Err(e) => errors.add("competences", tr.t(e.message_key())),
            }
            continue;
        }
        match lookup.competence(part) {
            Found::One(code) => codes.push(code),
            Found::None => {
                errors.add(
                    "competences",
                    tr.ts("offre-competence-inconnue", "texte", part),
                );
            }
            Found::Several(choices) => errors.add(
                "competences",
                tr.tv(
                    "offre-competence-ambigue",
                    &[("texte", part), ("choix", &choices.join(" ; "))],
                ),
            ),
        }
    }
    codes.dedup();
    if codes.len() > 60 {
        errors.add("competences", tr.t("offre-competence-invalide"));
    }
    let found = state.store.insertion().libelles_competences(&codes).await?;
    if found.len() < codes.len() && errors.get("competences").is_none() {
        errors.add("competences", tr.t("offre-competence-invalide"));
    }
    Ok(found)
}

/// The département of an INSEE code: three characters overseas (`971…`),
/// two elsewhere (`2A` in Corsica).
pub fn departement_of(insee: &str) -> String {
    let n = if insee.starts_with("97") { 3 } else { 2 };
    insee.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::departement_of;

    #[test]
    fn departements_of_insee_codes() {
        assert_eq!(departement_of("45234"), "45");
        assert_eq!(departement_of("2A004"), "2A");
        assert_eq!(departement_of("97411"), "974");
    }
}
