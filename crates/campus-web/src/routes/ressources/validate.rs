//! Checking a resource as the form and the API send it: the domain checks
//! its own fields ([`NouvelleRessource::parse`]); this module resolves
//! what people type against the catalogue — trades by job title (or ROME
//! code), certifications and blocs by title (or code), equipment and the
//! organisation picked from lists — and says every refusal under its
//! field. Nothing is stored unless every field is valid.

use campus_domain::parcours::Lookup;
use campus_domain::ressource::{NouvelleRessource, SaisieRessource, Visibilite};
use campus_store::ressources::{Ressource, RessourceEcrite};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::{CatalogueLookup, ChampNomme, resolve_each};
use crate::routes::insertion::jobs::legal_date;
use crate::state::AppState;

/// Most trades, certifications, blocs or equipment linked to one resource.
const MAX_LIENS: usize = 20;

/// A resource as typed (the form's fields).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RessourceValues {
    pub titre: String,
    pub description: String,
    /// `kit_decouverte`, `fiche_metier`, `video`, `travaux_pratiques`,
    /// `sequence_pedagogique`, `support_formation`,
    /// `protocole_equipement`, `etude_de_cas` or `quiz`.
    pub type_ressource: String,
    /// `cc_by`, `cc_by_sa`, `cc_by_nc`, `licence_ouverte` or
    /// `tous_droits_reserves`; required.
    pub licence: String,
    /// `public`, `reseau` or `organisation`.
    pub visibilite: String,
    pub audiences: Vec<String>,
    /// Levels 3 to 7.
    pub niveaux: Vec<String>,
    /// ISO 639-1 code; French when empty.
    pub langue: String,
    /// Minutes.
    pub duree: String,
    pub version: String,
    /// `AAAA-MM-JJ`.
    pub date_version: String,
    pub auteurs: String,
    /// An external link (http or https).
    pub lien: String,
    /// Id of one of the author's organisations.
    pub organisation: String,
    /// Trades: job titles as suggested, trade titles, or ROME codes.
    pub metiers: Vec<String>,
    /// Certifications: titles as suggested, or RNCP/RS codes.
    pub certifications: Vec<String>,
    /// Blocs de compétences: titles or codes.
    pub blocs: Vec<String>,
    /// Ids of equipment of the technology platform.
    pub equipements: Vec<i32>,
}

impl RessourceValues {
    /// The form of an existing resource.
    pub fn of(r: &Ressource) -> RessourceValues {
        RessourceValues {
            titre: r.titre.clone(),
            description: r.description.clone(),
            type_ressource: r.type_ressource.as_str().to_owned(),
            licence: r.licence.as_str().to_owned(),
            visibilite: r.visibilite.as_str().to_owned(),
            audiences: r.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            niveaux: r.niveaux.iter().map(|n| n.value().to_string()).collect(),
            langue: r.langue.as_str().to_owned(),
            duree: r.duree_minutes.map(|d| d.to_string()).unwrap_or_default(),
            version: r.version.clone(),
            date_version: r.date_version.to_string(),
            auteurs: r.auteurs.clone().unwrap_or_default(),
            lien: r.lien.clone().unwrap_or_default(),
            organisation: r
                .organisation
                .as_ref()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default(),
            metiers: r
                .metiers
                .iter()
                .map(|(c, _)| c.as_str().to_owned())
                .collect(),
            certifications: r
                .certifications
                .iter()
                .map(|(c, l)| {
                    if c == l {
                        c.clone()
                    } else {
                        format!("{l} ({c})")
                    }
                })
                .collect(),
            blocs: r.blocs.iter().map(|(c, _)| c.clone()).collect(),
            equipements: r.equipements.iter().map(|(id, _, _)| *id).collect(),
        }
    }

    /// The values of a submitted form: repeated checkboxes for publics,
    /// levels and equipment, one trade, certification or bloc per line.
    /// An id that is not a number is kept as 0, refused by [`ressource`].
    pub fn from_pairs(pairs: Vec<(String, String)>) -> RessourceValues {
        let mut v = RessourceValues::default();
        let lines = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for (key, value) in pairs {
            match key.as_str() {
                "titre" => v.titre = value,
                "description" => v.description = value,
                "type_ressource" => v.type_ressource = value,
                "licence" => v.licence = value,
                "visibilite" => v.visibilite = value,
                "audiences" => v.audiences.push(value),
                "niveaux" => v.niveaux.push(value),
                "langue" => v.langue = value,
                "duree" => v.duree = value,
                "version" => v.version = value,
                "date_version" => v.date_version = value,
                "auteurs" => v.auteurs = value,
                "lien" => v.lien = value,
                "organisation" => v.organisation = value,
                "equipements" => v.equipements.push(value.trim().parse().unwrap_or(0)),
                "metiers" => v.metiers.extend(lines(&value)),
                "certifications" => v.certifications.extend(lines(&value)),
                "blocs" => v.blocs.extend(lines(&value)),
                _ => {}
            }
        }
        v
    }
}

/// The resource to store, or the errors to show. `organisations` are
/// those the author may name (their own; the network's for the campus
/// team).
pub async fn ressource(
    state: &AppState,
    tr: &Tr,
    v: &RessourceValues,
    organisations: &[(i32, String)],
) -> AppResult<Result<RessourceEcrite, FormErrors>> {
    let mut errors = FormErrors::default();
    let saisie = SaisieRessource {
        titre: v.titre.clone(),
        description: v.description.clone(),
        type_ressource: v.type_ressource.clone(),
        licence: v.licence.clone(),
        visibilite: v.visibilite.clone(),
        audiences: v.audiences.clone(),
        niveaux: v.niveaux.clone(),
        langue: v.langue.clone(),
        duree: v.duree.clone(),
        version: v.version.clone(),
        date_version: v.date_version.clone(),
        auteurs: v.auteurs.clone(),
        lien: v.lien.clone(),
    };
    let champs = match NouvelleRessource::parse(&saisie, legal_date(state.clock.now())) {
        Ok(c) => Some(c),
        Err(refused) => {
            for (field, e) in refused {
                errors.add(field, tr.t(e.message_key()));
            }
            None
        }
    };
    let organisation_id = match v.organisation.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(id) if organisations.iter().any(|(o, _)| *o == id) => Some(id),
            _ => {
                errors.add("organisation", tr.t("ressource-organisation-invalide"));
                None
            }
        },
    };
    if organisation_id.is_none()
        && champs
            .as_ref()
            .is_some_and(|c| c.visibilite == Visibilite::Organisation)
        && errors.get("organisation").is_none()
    {
        errors.add("organisation", tr.t("ressource-organisation-requise"));
    }
    let equipment = crate::routes::projets::validate::equipment(state).await?;
    if v.equipements.len() > MAX_LIENS
        || v.equipements
            .iter()
            .any(|id| !equipment.iter().any(|(e, _)| e == id))
    {
        errors.add("equipements", tr.t("ressource-equipement-invalide"));
    }
    let loaded = state.parcours.current(&state.store).await?;
    let lookup = CatalogueLookup {
        state,
        loaded: &loaded,
    };
    let metiers = resolve_each(
        &v.metiers,
        MAX_LIENS,
        &ChampNomme {
            field: "metiers",
            inconnu: "ressource-metier-inconnu",
            ambigu: "offre-metier-ambigu",
        },
        tr,
        &mut errors,
        |t| lookup.metier(t),
    );
    let certifications: Vec<String> = resolve_each(
        &v.certifications,
        MAX_LIENS,
        &ChampNomme {
            field: "certifications",
            inconnu: "ressource-certification-inconnue",
            ambigu: "offre-certification-ambigue",
        },
        tr,
        &mut errors,
        |t| lookup.certification(t),
    )
    .into_iter()
    .map(|code| code.as_str().to_owned())
    .collect();
    let blocs = resolve_each(
        &v.blocs,
        MAX_LIENS,
        &ChampNomme {
            field: "blocs",
            inconnu: "ressource-bloc-inconnu",
            ambigu: "ressource-bloc-ambigu",
        },
        tr,
        &mut errors,
        |t| lookup.bloc(t),
    );
    for (field, n) in [
        ("metiers", metiers.len()),
        ("certifications", certifications.len()),
        ("blocs", blocs.len()),
    ] {
        if n > MAX_LIENS {
            errors.add(field, tr.t("ressource-trop-de-liens"));
        }
    }
    match champs {
        Some(champs) if errors.is_empty() => Ok(Ok(RessourceEcrite {
            champs,
            organisation_id,
            metiers,
            certifications,
            blocs,
            equipements: v.equipements.clone(),
        })),
        _ => Ok(Err(errors)),
    }
}
