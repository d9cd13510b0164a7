//! Checking a project as the form and the API send it: the domain checks
//! its own fields ([`NouveauProjet::parse`]); this module resolves what
//! people type against the directory and the catalogue — organisations
//! and equipment picked from lists, trades by job title (or ROME code),
//! certifications by title (or code) — and says every refusal under its
//! field. Nothing is stored unless every field is valid.

use campus_domain::OrigineOrganisation;
use campus_domain::parcours::Lookup;
use campus_domain::projet::{NouveauProjet, SaisieProjet};
use campus_store::organisations::OrganisationFilter;
use campus_store::projets::{Projet, ProjetEcrit};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::{CatalogueLookup, ChampNomme, resolve_each};
use crate::state::AppState;

/// Most trades, certifications, organisations or equipment linked to one
/// project.
const MAX_LIENS: usize = 20;

/// A project as typed (the form's fields, also the API's body).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProjetValues {
    /// `ecole_recherche`, `initiation_recherche`, `pedagogique_industriel`
    /// or `we_lab`; fixed once the project exists.
    pub type_projet: String,
    pub titre: String,
    pub resume: String,
    /// What the project produced, for its public page.
    pub resultats: String,
    /// `AAAA-MM-JJ`.
    pub debut: String,
    /// `AAAA-MM-JJ`.
    pub fin: String,
    /// Shown in the public showcase and the site search.
    pub public: bool,
    /// Ids of organisations of the network's directory.
    pub organisations: Vec<i32>,
    /// Trades: job titles as suggested, trade titles, or ROME codes.
    pub metiers: Vec<String>,
    /// Certifications: titles as suggested, or RNCP/RS codes.
    pub certifications: Vec<String>,
    /// Ids of equipment of the technology platform.
    pub equipements: Vec<i32>,
}

impl ProjetValues {
    /// The form of an existing project.
    pub fn of(p: &Projet) -> ProjetValues {
        ProjetValues {
            type_projet: p.type_projet.as_str().to_owned(),
            titre: p.titre.clone(),
            resume: p.resume.clone(),
            resultats: p.resultats.clone().unwrap_or_default(),
            debut: p.debut.to_string(),
            fin: p.fin.to_string(),
            public: p.public,
            organisations: p.organisations.iter().map(|o| o.id).collect(),
            metiers: p.metiers.iter().map(|(_, l)| l.clone()).collect(),
            certifications: p
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
            equipements: p.equipements.iter().map(|e| e.id).collect(),
        }
    }

    /// The values of a submitted form: repeated checkboxes for
    /// organisations and equipment, one trade or certification per line.
    /// An id that is not a number is kept as 0, refused by [`projet`].
    pub fn from_pairs(pairs: Vec<(String, String)>) -> ProjetValues {
        let mut v = ProjetValues::default();
        let lines = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for (key, value) in pairs {
            match key.as_str() {
                "type_projet" => v.type_projet = value,
                "titre" => v.titre = value,
                "resume" => v.resume = value,
                "resultats" => v.resultats = value,
                "debut" => v.debut = value,
                "fin" => v.fin = value,
                "public" => v.public = value == "oui",
                "organisations" => v.organisations.push(value.trim().parse().unwrap_or(0)),
                "equipements" => v.equipements.push(value.trim().parse().unwrap_or(0)),
                "metiers" => v.metiers.extend(lines(&value)),
                "certifications" => v.certifications.extend(lines(&value)),
                _ => {}
            }
        }
        v
    }
}

/// The project to store, or the errors to show.
pub async fn projet(
    state: &AppState,
    tr: &Tr,
    v: &ProjetValues,
) -> AppResult<Result<ProjetEcrit, FormErrors>> {
    let mut errors = FormErrors::default();
    let saisie = SaisieProjet {
        type_projet: v.type_projet.clone(),
        titre: v.titre.clone(),
        resume: v.resume.clone(),
        resultats: v.resultats.clone(),
        debut: v.debut.clone(),
        fin: v.fin.clone(),
    };
    let champs = match NouveauProjet::parse(&saisie) {
        Ok(c) => Some(c),
        Err(refused) => {
            for (field, e) in refused {
                errors.add(field, tr.t(e.message_key()));
            }
            None
        }
    };
    let network = network_organisations(state).await?;
    if v.organisations.len() > MAX_LIENS
        || v.organisations
            .iter()
            .any(|id| !network.iter().any(|(o, _)| o == id))
    {
        errors.add("organisations", tr.t("projet-organisation-invalide"));
    }
    let equipment = equipment(state).await?;
    if v.equipements.len() > MAX_LIENS
        || v.equipements
            .iter()
            .any(|id| !equipment.iter().any(|(e, _)| e == id))
    {
        errors.add("equipements", tr.t("projet-equipement-invalide"));
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
            inconnu: "projet-metier-inconnu",
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
            inconnu: "offre-certification-inconnue",
            ambigu: "offre-certification-ambigue",
        },
        tr,
        &mut errors,
        |t| lookup.certification(t),
    )
    .into_iter()
    .map(|code| code.as_str().to_owned())
    .collect();
    if metiers.len() > MAX_LIENS {
        errors.add("metiers", tr.t("projet-trop-de-liens"));
    }
    if certifications.len() > MAX_LIENS {
        errors.add("certifications", tr.t("projet-trop-de-liens"));
    }
    match champs {
        Some(champs) if errors.is_empty() => Ok(Ok(ProjetEcrit {
            champs,
            public: v.public,
            organisations: v.organisations.clone(),
            metiers,
            certifications,
            equipements: v.equipements.clone(),
        })),
        _ => Ok(Err(errors)),
    }
}

/// The network's organisations, by name: those a project may name.
pub(crate) async fn network_organisations(state: &AppState) -> AppResult<Vec<(i32, String)>> {
    let (orgs, _) = state
        .store
        .list_organisations(&OrganisationFilter {
            origine: Some(OrigineOrganisation::Reseau),
            per_page: 500,
            ..Default::default()
        })
        .await?;
    let mut orgs: Vec<(i32, String)> = orgs.into_iter().map(|o| (o.id, o.nom)).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(orgs)
}

/// The technology platform's equipment, by name.
pub(crate) async fn equipment(state: &AppState) -> AppResult<Vec<(i32, String)>> {
    let mut list: Vec<(i32, String)> = state
        .store
        .equipements()
        .list_equipements()
        .await?
        .into_iter()
        .map(|e| (e.id, e.nom))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(list)
}
