//! The campus team's side: partner establishments abroad and mobility
//! offers created, the figures of mobility against the 8 % target, and
//! the CSV for the Erasmus+ beneficiary report.
//!
//! The share of learners gone abroad, for the current school year
//! (1 September – 31 August): the distinct learners with a confirmed
//! mobility (a retained application to a learners' offer) starting in
//! that year, over the learners the platform knows — the accounts of
//! learners (`apprenant`) not disabled. The page says so beside the
//! figure.

use std::collections::{BTreeMap, HashSet};

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_domain::OrganisationKind;
use campus_domain::mobilite::{
    CIBLE_POURCENT, Financement, NatureMobilite, Pays, PublicMobilite, annee_scolaire,
};
use campus_formats::csv_export::{self, CsvExport};
use campus_store::mobilite::Participation;

use super::validate::{self, OffreMobiliteValues, PartenaireValues};
use crate::auth::CurrentUser;
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, see_other};
use crate::state::AppState;
use crate::templates::render;

/// A row of a breakdown: what, how many.
type Ligne = (String, usize);

#[derive(Template)]
#[template(path = "mobilite/tableau.html")]
struct TableauPage {
    chrome: Chrome,
    annee: String,
    participants: usize,
    apprenants_partis: usize,
    apprenants_connus: u64,
    part: String,
    cible: String,
    atteinte: bool,
    /// The breakdowns: caption key, rows.
    sections: Vec<(&'static str, Vec<Ligne>)>,
}

fn compte(items: impl Iterator<Item = String>) -> Vec<Ligne> {
    let mut map: BTreeMap<String, usize> = BTreeMap::new();
    for i in items {
        *map.entry(i).or_default() += 1;
    }
    map.into_iter().collect()
}

/// The duration's band, as the Erasmus+ guide distinguishes them.
fn tranche(tr: &Tr, jours: i64) -> String {
    tr.t(match jours {
        ..=13 => "mobilite-tranche-courte",
        14..=89 => "mobilite-tranche-moyenne",
        _ => "mobilite-tranche-longue",
    })
}

fn financement(tr: &Tr, f: Financement, nom: Option<&str>) -> String {
    match nom {
        Some(n) => format!("{} ({n})", tr.t(f.label_key())),
        None => tr.t(f.label_key()),
    }
}

/// The figures of the current school year.
pub(crate) struct Figures {
    pub annee: i32,
    pub participations: Vec<Participation>,
    pub apprenants_partis: usize,
    pub apprenants_connus: u64,
}

impl Figures {
    /// The share of learners gone abroad, in per cent.
    pub(crate) fn part(&self) -> f64 {
        if self.apprenants_connus == 0 {
            0.0
        } else {
            100.0 * self.apprenants_partis as f64 / self.apprenants_connus as f64
        }
    }
}

pub(crate) async fn figures(state: &AppState) -> AppResult<Figures> {
    let annee = annee_scolaire(state.clock.today());
    let participations: Vec<Participation> = state
        .store
        .mobilite()
        .participations()
        .await?
        .into_iter()
        .filter(|p| annee_scolaire(p.periode.debut) == annee)
        .collect();
    let apprenants_partis = participations
        .iter()
        .filter(|p| p.public == PublicMobilite::Apprenants)
        .filter_map(|p| p.candidat_user_id)
        .collect::<HashSet<_>>()
        .len();
    Ok(Figures {
        annee,
        participations,
        apprenants_partis,
        apprenants_connus: state.store.mobilite().apprenants_connus().await?,
    })
}

pub(crate) async fn tableau(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let f = figures(&state).await?;
    let ps = &f.participations;
    let part = f.part();
    let page = TableauPage {
        annee: format!("{}-{}", f.annee, f.annee + 1),
        participants: ps.len(),
        apprenants_partis: f.apprenants_partis,
        apprenants_connus: f.apprenants_connus,
        part: format!("{part:.1}").replace('.', ","),
        cible: format!("{CIBLE_POURCENT:.0}"),
        atteinte: part >= CIBLE_POURCENT,
        sections: vec![
            (
                "mobilite-tableau-par-nature",
                compte(ps.iter().map(|p| tr.t(p.nature.label_key()))),
            ),
            (
                "mobilite-tableau-par-niveau",
                compte(ps.iter().map(|p| match p.niveau {
                    Some(n) => tr.ts("mobilite-niveau-n", "niveau", &n.to_string()),
                    None => tr.t("mobilite-niveau-aucun"),
                })),
            ),
            (
                "mobilite-tableau-par-metier",
                compte(ps.iter().map(|p| {
                    p.metier_libelle
                        .clone()
                        .or_else(|| p.code_rome.clone())
                        .unwrap_or_else(|| tr.t("mobilite-metier-aucun"))
                })),
            ),
            (
                "mobilite-tableau-par-pays",
                compte(ps.iter().map(|p| p.pays.nom().to_owned())),
            ),
            (
                "mobilite-tableau-par-duree",
                compte(ps.iter().map(|p| tranche(&tr, p.periode.jours()))),
            ),
            (
                "mobilite-tableau-par-financement",
                compte(
                    ps.iter()
                        .map(|p| financement(&tr, p.financement, p.financement_nom.as_deref())),
                ),
            ),
        ],
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// One line per confirmed mobility of the school year, with the columns
/// of the Erasmus+ beneficiary module that matter.
pub(crate) async fn csv(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let f = figures(&state).await?;
    let mut export = CsvExport::new(
        [
            "csv-mobilite-participant",
            "csv-mobilite-public",
            "csv-mobilite-activite",
            "csv-mobilite-pays",
            "csv-mobilite-debut",
            "csv-mobilite-fin",
            "csv-mobilite-duree",
            "csv-mobilite-financement",
            "csv-mobilite-niveau",
            "csv-mobilite-domaine",
            "csv-mobilite-moins-opportunites",
        ]
        .map(|k| tr.t(k)),
    )?;
    for p in &f.participations {
        export.row([
            format!("P{:06}", p.candidature_id),
            tr.t(p.public.label_key()),
            tr.t(p.nature.label_key()),
            p.pays.as_str().to_owned(),
            p.periode.debut.to_string(),
            p.periode.fin.to_string(),
            p.periode.jours().to_string(),
            financement(&tr, p.financement, p.financement_nom.as_deref()),
            p.niveau.map(|n| n.to_string()).unwrap_or_default(),
            p.code_rome.clone().unwrap_or_default(),
            tr.t(if p.moins_opportunites {
                "csv-mobilite-oui"
            } else {
                "csv-mobilite-non"
            }),
        ])?;
    }
    Ok((
        [
            (header::CONTENT_TYPE, csv_export::CONTENT_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mobilite-erasmus.csv\"".to_owned(),
            ),
        ],
        export.finish()?,
    )
        .into_response())
}

/// The kinds a partner abroad may be.
const GENRES: [OrganisationKind; 4] = [
    OrganisationKind::EtablissementScolaire,
    OrganisationKind::OrganismeFormation,
    OrganisationKind::Universite,
    OrganisationKind::Entreprise,
];

#[derive(Template)]
#[template(path = "mobilite/partenaire_form.html")]
struct PartenaireForm {
    chrome: Chrome,
    errors: FormErrors,
    v: PartenaireValues,
    genres: Vec<(String, String)>,
    pays: Vec<(String, String)>,
}

fn partenaire_form(chrome: Chrome, errors: FormErrors, v: PartenaireValues) -> PartenaireForm {
    let tr = chrome.tr();
    let mut genres = vec![(String::new(), tr.t("mobilite-choisir"))];
    genres.extend(
        GENRES
            .iter()
            .map(|k| (k.as_str().to_owned(), tr.t(k.label_key()))),
    );
    let mut pays = vec![(String::new(), tr.t("mobilite-choisir"))];
    pays.extend(
        Pays::nommes()
            .into_iter()
            .filter(|p| *p != Pays::FRANCE)
            .map(|p| (p.as_str().to_owned(), p.nom().to_owned())),
    );
    PartenaireForm {
        errors,
        v,
        genres,
        pays,
        chrome,
    }
}

pub(crate) async fn partenaire_page(chrome: Chrome) -> AppResult<Response> {
    let page = partenaire_form(chrome, FormErrors::default(), PartenaireValues::default());
    Ok(render(&page)?.into_response())
}

pub(crate) async fn partenaire_create(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(v): Form<PartenaireValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    match validate::partenaire(&state, &tr, &v).await? {
        Ok(input) => {
            state.store.mobilite().creer_partenaire(&input).await?;
            Ok(see_other("/mobilite?ok=partenaire"))
        }
        Err(errors) => Ok(invalid(render(&partenaire_form(chrome, errors, v))?)),
    }
}

#[derive(Template)]
#[template(path = "mobilite/offre_form.html")]
struct OffreForm {
    chrome: Chrome,
    errors: FormErrors,
    v: OffreMobiliteValues,
    partenaires: Vec<(String, String)>,
    natures: Vec<(String, String)>,
    financements: Vec<(String, String)>,
}

async fn offre_form(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    v: OffreMobiliteValues,
) -> AppResult<OffreForm> {
    let tr = chrome.tr();
    let mut partenaires = vec![(String::new(), tr.t("mobilite-choisir"))];
    partenaires.extend(
        state
            .store
            .mobilite()
            .partenaires(None)
            .await?
            .into_iter()
            .map(|p| {
                (
                    p.organisation.id.to_string(),
                    format!("{} ({})", p.organisation.nom, p.organisation.pays.nom()),
                )
            }),
    );
    let mut natures = vec![(String::new(), tr.t("mobilite-choisir"))];
    natures.extend(NatureMobilite::all().map(|n| (n.as_str().to_owned(), tr.t(n.label_key()))));
    let financements = Financement::all()
        .map(|f| (f.as_str().to_owned(), tr.t(f.label_key())))
        .collect();
    Ok(OffreForm {
        errors,
        v,
        partenaires,
        natures,
        financements,
        chrome,
    })
}

pub(crate) async fn offre_page(
    State(state): State<AppState>,
    chrome: Chrome,
) -> AppResult<Response> {
    let v = OffreMobiliteValues {
        financement: Financement::ErasmusPlus.as_str().to_owned(),
        ..Default::default()
    };
    let page = offre_form(&state, chrome, FormErrors::default(), v).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn offre_create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(v): Form<OffreMobiliteValues>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    match validate::offre(&state, &tr, &v, me.user.id).await? {
        Ok(input) => {
            let id = state.store.mobilite().creer_offre(&input).await?;
            crate::routes::search::offre_changed(&state, id).await;
            Ok(see_other(&format!("/mobilite/{id}?ok=offre")))
        }
        Err(errors) => {
            let page = offre_form(&state, chrome, errors, v).await?;
            Ok(invalid(render(&page)?))
        }
    }
}
