//! The form of an equipment, to add one (the campus team) or keep one up
//! to date (its managers and the campus team): its values as typed, the
//! page that shows them with their errors, its photos and what else a
//! manager does there.

use askama::Template;
use campus_domain::Centimes;
use campus_domain::equipement::saisie::{JOURS, SaisieEquipement};
use campus_domain::equipement::{CategorieEquipement, Horaires, StatutEquipement};
use campus_store::equipements::Equipement;
use campus_store::equipements::photos::{PHOTOS_MAX, TEXTE_ALTERNATIF_MAX};

use super::photos::PHOTO_MAX_BYTES;
use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::templates::Options;

/// The form's values, as typed.
#[derive(Clone, Debug, Default)]
pub(crate) struct EquipementValues {
    pub nom: String,
    /// The owner's slug.
    pub organisation: String,
    pub categorie: String,
    pub statut: String,
    pub site: String,
    pub description: String,
    pub capacites: String,
    pub regles_securite: String,
    pub habilitation_requise: bool,
    pub tarif_academique: String,
    pub tarif_industriel: String,
    /// The open days, `lun` … `dim`.
    pub jours: Vec<String>,
    pub ouverture: String,
    pub fermeture: String,
    pub approbation_requise: bool,
    /// The version the form was loaded at.
    pub version: String,
}

impl EquipementValues {
    /// A new equipment's defaults: open on weekdays from 8 to 18, booked
    /// with a habilitation.
    pub fn nouvelles() -> EquipementValues {
        EquipementValues {
            statut: StatutEquipement::EnService.as_str().to_owned(),
            habilitation_requise: true,
            jours: JOURS[..5].iter().map(|d| (*d).to_owned()).collect(),
            ouverture: "08:00".to_owned(),
            fermeture: "18:00".to_owned(),
            ..EquipementValues::default()
        }
    }

    /// The values of a stored equipment.
    pub fn of(e: &Equipement) -> EquipementValues {
        let euros = |c: i32| {
            Centimes::new(i64::from(c))
                .map(|c| c.to_string())
                .unwrap_or_default()
        };
        EquipementValues {
            nom: e.nom.clone(),
            organisation: e.organisation_slug.clone(),
            categorie: e.categorie.as_str().to_owned(),
            statut: e.statut.as_str().to_owned(),
            site: e.site.clone(),
            description: e.description.clone(),
            capacites: e.capacites.clone(),
            regles_securite: e.regles_securite.clone(),
            habilitation_requise: e.habilitation_requise,
            tarif_academique: euros(e.tarif_academique_centimes),
            tarif_industriel: euros(e.tarif_industriel_centimes),
            jours: (0..7u32)
                .filter(|d| e.horaires.ouvert_le(*d))
                .map(|d| JOURS[d as usize].to_owned())
                .collect(),
            ouverture: Horaires::hhmm(e.horaires.ouverture()),
            fermeture: Horaires::hhmm(e.horaires.fermeture()),
            approbation_requise: e.approbation_requise,
            version: e.version.to_string(),
        }
    }

    /// The values of a posted form (checkboxes repeat their name).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> EquipementValues {
        let mut v = EquipementValues::default();
        for (key, value) in pairs {
            match key.as_str() {
                "nom" => v.nom = value,
                "organisation" => v.organisation = value,
                "categorie" => v.categorie = value,
                "statut" => v.statut = value,
                "site" => v.site = value,
                "description" => v.description = value,
                "capacites" => v.capacites = value,
                "regles_securite" => v.regles_securite = value,
                "habilitation_requise" => v.habilitation_requise = value == "oui",
                "tarif_academique" => v.tarif_academique = value,
                "tarif_industriel" => v.tarif_industriel = value,
                "jours" => v.jours.push(value),
                "ouverture" => v.ouverture = value,
                "fermeture" => v.fermeture = value,
                "approbation_requise" => v.approbation_requise = value == "oui",
                "version" => v.version = value,
                _ => {}
            }
        }
        v
    }

    /// What the domain checks.
    pub fn saisie(&self) -> SaisieEquipement {
        SaisieEquipement {
            nom: self.nom.clone(),
            categorie: self.categorie.clone(),
            site: self.site.clone(),
            description: self.description.clone(),
            capacites: self.capacites.clone(),
            regles_securite: self.regles_securite.clone(),
            habilitation_requise: self.habilitation_requise,
            tarif_academique: self.tarif_academique.clone(),
            tarif_industriel: self.tarif_industriel.clone(),
            jours: self.jours.join(","),
            ouverture: self.ouverture.clone(),
            fermeture: self.fermeture.clone(),
            approbation_requise: self.approbation_requise,
            statut: self.statut.clone(),
        }
    }

    /// Whether the day `jour` (`lun` …) is ticked.
    pub fn ouvert(&self, jour: &str) -> bool {
        self.jours.iter().any(|d| d == jour)
    }
}

/// A photo as the form lists it.
pub(crate) struct PhotoRow {
    pub id: i32,
    pub texte_alternatif: String,
}

/// The form page. `e` is the equipment being edited, `None` for a new
/// one.
#[derive(Template)]
#[template(path = "equipements/form.html")]
pub(crate) struct FichePage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub title: String,
    pub action: String,
    pub e: Option<Equipement>,
    pub v: EquipementValues,
    /// Empty when the owner is not the editor's to change.
    pub organisations: Options,
    pub organisation_nom: String,
    pub categories: Options,
    pub statuts: Options,
    /// `(value, label)` of each day.
    pub jours: Vec<(&'static str, String)>,
    pub photos: Vec<PhotoRow>,
    pub photos_pleines: bool,
    pub photo_max_mo: usize,
    pub texte_alternatif_max: usize,
    pub texte_alternatif: String,
}

const DAY_KEYS: [&str; 7] = [
    "day-monday",
    "day-tuesday",
    "day-wednesday",
    "day-thursday",
    "day-friday",
    "day-saturday",
    "day-sunday",
];

fn categories(tr: &Tr) -> Options {
    let mut options = vec![(String::new(), tr.t("habilitation-categorie-choose"))];
    options
        .extend(CategorieEquipement::all().map(|c| (c.as_str().to_owned(), tr.t(c.label_key()))));
    options
}

fn statuts(tr: &Tr) -> Options {
    StatutEquipement::all()
        .map(|s| (s.as_str().to_owned(), tr.t(s.label_key())))
        .collect()
}

/// The organisations of the network, for the campus team's choice of
/// owner.
async fn organisations(state: &AppState, tr: &Tr) -> AppResult<Options> {
    let (orgs, _) = state
        .store
        .list_organisations(&campus_store::organisations::OrganisationFilter {
            per_page: 500,
            origine: Some(campus_domain::OrigineOrganisation::Reseau),
            ..Default::default()
        })
        .await?;
    let mut orgs: Vec<(String, String)> = orgs.into_iter().map(|o| (o.slug, o.nom)).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    let mut options = vec![(String::new(), tr.t("equipement-admin-choose-organisation"))];
    options.extend(orgs);
    Ok(options)
}

/// The form of a new equipment (`e` = `None`) or of `e`, with `errors`
/// and `notice`. Only the campus team chooses the owner.
pub(crate) async fn page(
    state: &AppState,
    chrome: Chrome,
    e: Option<Equipement>,
    v: EquipementValues,
    errors: FormErrors,
    notice: Option<String>,
    texte_alternatif: String,
) -> AppResult<FichePage> {
    let tr = chrome.tr();
    let mut organisations = if chrome.is_staff() {
        organisations(state, &tr).await?
    } else {
        Vec::new()
    };
    // An owner outside the network's list (an import may name any member
    // of the directory) stays choosable.
    if let Some(e) = &e
        && chrome.is_staff()
        && !organisations
            .iter()
            .any(|(slug, _)| *slug == e.organisation_slug)
    {
        organisations.push((e.organisation_slug.clone(), e.organisation_nom.clone()));
    }
    let (title, action, photos) = match &e {
        Some(e) => (
            tr.ts("equipement-gestion-edit-title", "name", &e.nom),
            format!("/equipements/{}/modifier", e.slug),
            state
                .store
                .equipements()
                .photos(e.id)
                .await?
                .into_iter()
                .map(|p| PhotoRow {
                    id: p.id,
                    texte_alternatif: p.texte_alternatif,
                })
                .collect(),
        ),
        None => (
            tr.t("equipement-gestion-new-title"),
            "/equipements/nouveau".to_owned(),
            Vec::new(),
        ),
    };
    Ok(FichePage {
        errors,
        notice,
        title,
        action,
        organisation_nom: e
            .as_ref()
            .map(|e| e.organisation_nom.clone())
            .unwrap_or_default(),
        e,
        v,
        organisations,
        categories: categories(&tr),
        statuts: statuts(&tr),
        jours: JOURS
            .iter()
            .zip(DAY_KEYS)
            .map(|(d, key)| (*d, tr.t(key)))
            .collect(),
        photos_pleines: photos.len() as u64 >= PHOTOS_MAX,
        photos,
        photo_max_mo: PHOTO_MAX_BYTES / (1024 * 1024),
        texte_alternatif_max: TEXTE_ALTERNATIF_MAX,
        texte_alternatif,
        chrome,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use campus_domain::equipement::saisie::FicheEquipement;

    #[test]
    fn the_defaults_are_a_valid_equipment_once_named() {
        let v = EquipementValues {
            nom: "Étuve".into(),
            categorie: "microbiologie".into(),
            site: "Tours".into(),
            description: "Incubation.".into(),
            tarif_academique: "0".into(),
            tarif_industriel: "10".into(),
            ..EquipementValues::nouvelles()
        };
        let f = FicheEquipement::parse(&v.saisie()).unwrap();
        assert_eq!(f.horaires.jours(), 0b001_1111);
    }

    #[test]
    fn ticked_days_are_read_from_repeated_fields() {
        let v = EquipementValues::from_pairs(vec![
            ("jours".into(), "lun".into()),
            ("jours".into(), "jeu".into()),
            ("habilitation_requise".into(), "oui".into()),
        ]);
        assert!(v.ouvert("jeu") && !v.ouvert("mar") && v.habilitation_requise);
        assert_eq!(v.saisie().jours, "lun,jeu");
    }
}
