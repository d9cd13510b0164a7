//! Checking what the forms and the API send about modules: one message per
//! field, in the reader's language, and nothing stored unless every field
//! is valid. The same checks serve the site and the API.

use std::collections::HashMap;

use campus_domain::module::{
    self, LieuModule, ModuleError, parse_competences, parse_date, parse_duree, parse_formacodes,
    parse_montant, parse_numero_activite, parse_stagiaires,
};
use campus_domain::{CodePostal, Siret, required_text};
use campus_store::modules::{ModuleRequest, NewProposal, NewRequest, Sujet, SujetKind};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppResult;
use crate::forms::{DomainMessage, FormErrors, Key};
use crate::i18n::Tr;
use crate::state::AppState;

impl DomainMessage for ModuleError {
    fn message(&self, tr: &Tr) -> String {
        match self.ligne() {
            Some(ligne) => tr.tn(self.message_key(), "ligne", ligne as u64),
            None => tr.t(self.message_key()),
        }
    }
}

/// A request as typed (the form's fields, also the API's body).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct RequestValues {
    /// The company's id in the directory (one the user belongs to).
    pub organisation: String,
    pub intitule: String,
    /// The need, in the company's words.
    pub besoin: String,
    /// Formacode codes, separated by commas or spaces (`42835, 22885`).
    pub formacodes: String,
    /// ROME skills by OGR code, separated by commas or spaces.
    pub competences: String,
    pub stagiaires: String,
    /// `delocalise` (in the company) or `campus`.
    pub lieu: String,
    pub lieu_adresse: String,
    pub lieu_code_postal: String,
    pub lieu_commune: String,
    /// `AAAA-MM-JJ`.
    pub date_debut: String,
    pub date_fin: String,
    /// Euros, optional.
    pub budget: String,
}

/// A proposal as typed.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProposalValues {
    pub contenu: String,
    pub objectifs: String,
    /// Whole hours.
    pub duree_heures: String,
    /// Total price including VAT, in euros.
    pub prix: String,
    pub date_debut: String,
    pub date_fin: String,
    pub lieu_nom: String,
    pub lieu_adresse: String,
    pub lieu_code_postal: String,
    pub lieu_commune: String,
    pub organisme_nom: String,
    pub organisme_siret: String,
    /// The body's declaration number (11 digits).
    pub numero_activite: String,
}

impl ProposalValues {
    /// A first proposal's form: the request's place when the module is
    /// held in the company.
    pub fn for_request(r: &ModuleRequest) -> ProposalValues {
        let delocalise = r.lieu == LieuModule::Delocalise;
        ProposalValues {
            date_debut: r.date_debut.to_string(),
            date_fin: r.date_fin.to_string(),
            lieu_nom: if delocalise {
                r.organisation_nom.clone()
            } else {
                String::new()
            },
            lieu_adresse: r.lieu_adresse.clone().unwrap_or_default(),
            lieu_code_postal: r
                .lieu_code_postal
                .as_ref()
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
            lieu_commune: r.lieu_commune.clone().unwrap_or_default(),
            ..Default::default()
        }
    }

    pub fn of(p: &campus_store::modules::Proposal) -> ProposalValues {
        ProposalValues {
            contenu: p.contenu.clone(),
            objectifs: p.objectifs.clone(),
            duree_heures: p.duree_heures.to_string(),
            prix: p.prix.to_string(),
            date_debut: p.date_debut.to_string(),
            date_fin: p.date_fin.to_string(),
            lieu_nom: p.lieu_nom.clone(),
            lieu_adresse: p.lieu_adresse.clone(),
            lieu_code_postal: p.lieu_code_postal.as_str().to_owned(),
            lieu_commune: p.lieu_commune.clone(),
            organisme_nom: p.organisme_nom.clone(),
            organisme_siret: p.organisme_siret.as_str().to_owned(),
            numero_activite: p.numero_activite.clone(),
        }
    }
}

/// Start and end of a window, each checked, then together.
fn window(
    errors: &mut FormErrors,
    tr: &Tr,
    debut: &str,
    fin: &str,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let d = errors.check(tr, "date_debut", parse_date(debut));
    let f = errors.check(tr, "date_fin", parse_date(fin));
    let (d, f) = (d?, f?);
    match module::check_window(d, f, today) {
        Ok(()) => Some((d, f)),
        Err(e @ ModuleError::DatePassee) => {
            errors.add("date_debut", e.message(tr));
            None
        }
        Err(e) => {
            errors.add("date_fin", e.message(tr));
            None
        }
    }
}

/// Postcode: five digits of a real département.
fn code_postal(errors: &mut FormErrors, tr: &Tr, value: &str) -> Option<CodePostal> {
    errors.check(tr, "lieu_code_postal", CodePostal::parse(value))
}

/// Validates a request; `organisations` are those the user may ask for.
/// Topics shown to choose from when a title fits several.
const CHOICES: u64 = 5;

/// The codes of a topics field as people type it: one per line (or
/// separated by commas or semicolons), each a code as before or a title,
/// looked up among the topics of `kind` (the title itself, else the only
/// one containing it; several are offered to choose from, under the
/// field). Returns the codes, comma-separated, for the code parsers.
async fn codes_of(
    state: &AppState,
    tr: &Tr,
    errors: &mut FormErrors,
    field: &'static str,
    typed: &str,
    kind: SujetKind,
) -> AppResult<String> {
    let mut codes = Vec::new();
    for entry in typed.split([',', ';', '\n']).map(str::trim) {
        if entry.is_empty()
            || entry
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_ascii_digit()))
        {
            codes.push(entry.to_owned());
            continue;
        }
        if entry.chars().count() > 200 {
            errors.add(field, tr.ts("module-sujet-inconnu", "texte", entry));
            continue;
        }
        let found: Vec<Sujet> = state
            .store
            .modules()
            .search_sujets(entry, CHOICES * 4)
            .await?
            .into_iter()
            .filter(|s| s.kind == kind)
            .collect();
        let exact = found
            .iter()
            .find(|s| campus_domain::slugify(&s.libelle) == campus_domain::slugify(entry));
        match (exact, found.as_slice()) {
            (Some(s), _) | (None, [s]) => codes.push(s.code.clone()),
            (None, []) => errors.add(field, tr.ts("module-sujet-inconnu", "texte", entry)),
            (None, several) => {
                let choices: Vec<String> = several
                    .iter()
                    .take(CHOICES as usize)
                    .map(|s| format!("« {} ({}) »", s.libelle, s.code))
                    .collect();
                errors.add(
                    field,
                    tr.ts("module-sujet-ambigu", "choix", &choices.join(", ")),
                );
            }
        }
    }
    Ok(codes.join(", "))
}

pub async fn request(
    state: &AppState,
    tr: &Tr,
    v: &RequestValues,
    organisations: &[i32],
    requester: i32,
    today: NaiveDate,
) -> AppResult<Result<NewRequest, FormErrors>> {
    let mut errors = FormErrors::default();
    let organisation = v
        .organisation
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| organisations.contains(id));
    if organisation.is_none() {
        errors.add("organisation", tr.t("module-organisation-invalide"));
    }
    let intitule = errors.check(tr, "intitule", required_text(&v.intitule, 200));
    let besoin = errors.check(tr, "besoin", required_text(&v.besoin, 5000));
    let formacodes_typed = codes_of(
        state,
        tr,
        &mut errors,
        "formacodes",
        &v.formacodes,
        SujetKind::Formacode,
    )
    .await?;
    let formacodes = errors
        .check(tr, "formacodes", parse_formacodes(&formacodes_typed))
        .unwrap_or_default();
    let competences_typed = codes_of(
        state,
        tr,
        &mut errors,
        "competences",
        &v.competences,
        SujetKind::Competence,
    )
    .await?;
    let competences = errors
        .check(tr, "competences", parse_competences(&competences_typed))
        .unwrap_or_default();
    let mut sujets = Vec::new();
    if !formacodes.is_empty() {
        let known: HashMap<String, String> = state
            .store
            .modules()
            .formacode_libelles(&formacodes)
            .await?;
        for code in &formacodes {
            match known.get(code.as_str()) {
                Some(libelle) => sujets.push(Sujet {
                    kind: SujetKind::Formacode,
                    code: code.to_string(),
                    libelle: libelle.clone(),
                }),
                None => errors.add(
                    "formacodes",
                    tr.ts("module-formacode-inconnu", "code", code.as_str()),
                ),
            }
        }
    }
    if !competences.is_empty() {
        let known = state
            .store
            .modules()
            .competence_libelles(&competences)
            .await?;
        for code in &competences {
            match known.get(code) {
                Some(libelle) => sujets.push(Sujet {
                    kind: SujetKind::Competence,
                    code: code.to_string(),
                    libelle: libelle.clone(),
                }),
                None => errors.add(
                    "competences",
                    tr.ts("module-competence-inconnue", "code", &code.to_string()),
                ),
            }
        }
    }
    if errors.get("formacodes").is_none()
        && errors.get("competences").is_none()
        && formacodes.is_empty()
        && competences.is_empty()
    {
        errors.add("formacodes", ModuleError::SujetManquant.message(tr));
    }
    let stagiaires = errors.check(tr, "stagiaires", parse_stagiaires(&v.stagiaires));
    let lieu = errors.check(tr, "lieu", LieuModule::parse(&v.lieu));
    let (mut adresse, mut cp, mut commune) = (None, None, None);
    if lieu == Some(LieuModule::Delocalise) {
        adresse = errors.check(tr, "lieu_adresse", required_text(&v.lieu_adresse, 250));
        cp = code_postal(&mut errors, tr, &v.lieu_code_postal);
        commune = errors.check(tr, "lieu_commune", required_text(&v.lieu_commune, 120));
    }
    let dates = window(&mut errors, tr, &v.date_debut, &v.date_fin, today);
    let budget = if v.budget.trim().is_empty() {
        None
    } else {
        errors.check(tr, "budget", parse_montant(&v.budget))
    };
    Ok(
        match (organisation, intitule, besoin, stagiaires, lieu, dates) {
            (
                Some(organisation_id),
                Some(intitule),
                Some(besoin),
                Some(stagiaires),
                Some(lieu),
                Some((debut, fin)),
            ) if errors.is_empty() => Ok(NewRequest {
                organisation_id,
                requester_user_id: Some(requester),
                intitule,
                besoin,
                stagiaires,
                lieu,
                lieu_adresse: adresse,
                lieu_code_postal: cp,
                lieu_commune: commune,
                date_debut: debut,
                date_fin: fin,
                budget,
                sujets,
            }),
            _ => Err(errors),
        },
    )
}

/// Validates a proposal for `r`: its dates lie in the window asked for.
pub fn proposal(
    tr: &Tr,
    v: &ProposalValues,
    r: &ModuleRequest,
    today: NaiveDate,
) -> Result<NewProposal, FormErrors> {
    let mut errors = FormErrors::default();
    let contenu = errors.check(tr, "contenu", required_text(&v.contenu, 3000));
    let objectifs = errors.check(tr, "objectifs", required_text(&v.objectifs, 3000));
    let duree = errors.check(tr, "duree_heures", parse_duree(&v.duree_heures));
    let prix = errors.check(tr, "prix", parse_montant(&v.prix));
    let dates = window(&mut errors, tr, &v.date_debut, &v.date_fin, today);
    if let Some((debut, fin)) = dates {
        if debut < r.date_debut {
            errors.add("date_debut", tr.t("module-hors-periode"));
        }
        if fin > r.date_fin {
            errors.add("date_fin", tr.t("module-hors-periode"));
        }
    }
    let lieu_nom = errors.check(tr, "lieu_nom", required_text(&v.lieu_nom, 120));
    let lieu_adresse = errors.check(tr, "lieu_adresse", required_text(&v.lieu_adresse, 250));
    let cp = code_postal(&mut errors, tr, &v.lieu_code_postal);
    let commune = errors.check(tr, "lieu_commune", required_text(&v.lieu_commune, 120));
    let organisme_nom = errors.check(tr, "organisme_nom", required_text(&v.organisme_nom, 250));
    let siret = errors.check(tr, "organisme_siret", Siret::parse(&v.organisme_siret));
    let nda = errors.check(
        tr,
        "numero_activite",
        parse_numero_activite(&v.numero_activite),
    );
    match (
        contenu,
        objectifs,
        duree,
        prix,
        dates,
        lieu_nom,
        lieu_adresse,
        cp,
        commune,
        organisme_nom,
        siret,
        nda,
    ) {
        (
            Some(contenu),
            Some(objectifs),
            Some(duree),
            Some(prix),
            Some((date_debut, date_fin)),
            Some(lieu_nom),
            Some(lieu_adresse),
            Some(lieu_code_postal),
            Some(lieu_commune),
            Some(organisme_nom),
            Some(siret),
            Some(numero_activite),
        ) if errors.is_empty() => Ok(NewProposal {
            contenu,
            objectifs,
            duree_heures: duree,
            prix,
            date_debut,
            date_fin,
            lieu_nom,
            lieu_adresse,
            lieu_code_postal,
            lieu_commune,
            organisme_nom,
            organisme_siret: siret,
            numero_activite,
        }),
        _ => Err(errors),
    }
}

/// The reason given for declining or cancelling.
pub fn motif(tr: &Tr, value: &str, required: bool) -> Result<Option<String>, FormErrors> {
    let mut errors = FormErrors::default();
    let motif = if required {
        errors
            .check(tr, "motif", required_text(value, 2000))
            .map(Some)
    } else {
        errors.check(tr, "motif", campus_domain::optional_text(value, 2000))
    };
    match motif {
        Some(m) if errors.is_empty() => Ok(m),
        _ => Err(errors),
    }
}

/// The public a company's trainees come as.
pub fn public(tr: &Tr, value: &str) -> Result<campus_domain::StatutApprenant, FormErrors> {
    let mut errors = FormErrors::default();
    let public = errors.check(
        tr,
        "public",
        campus_domain::StatutApprenant::parse(value)
            .ok()
            .filter(|s| PUBLICS.contains(s))
            .ok_or(Key("module-public-invalide")),
    );
    public.ok_or(errors)
}

/// The publics a company sends to a module: its employees, apprentices,
/// or job seekers it is about to hire.
pub const PUBLICS: [campus_domain::StatutApprenant; 3] = [
    campus_domain::StatutApprenant::Salarie,
    campus_domain::StatutApprenant::Apprenti,
    campus_domain::StatutApprenant::DemandeurEmploi,
];
