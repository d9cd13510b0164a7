//! The templates of the equipment pages, and the rows they show, already
//! formatted for the page's language.

use askama::Template;
use campus_store::equipements::Equipement;

use crate::chrome::Chrome;
use crate::forms::FormErrors;
use crate::templates::Options;

#[derive(Template)]
#[template(path = "equipements/catalogue.html")]
pub(crate) struct EquipementsPage {
    pub chrome: Chrome,
    pub notice: Option<String>,
    pub items: Vec<Equipement>,
}

/// A day of the equipment's calendar.
pub(crate) struct JourView {
    pub label: String,
    /// `(from–to, what, css class)`.
    pub plages: Vec<(String, String, &'static str)>,
}

#[derive(Template)]
#[template(path = "equipements/catalogue_fiche.html")]
pub(crate) struct EquipementPage {
    pub chrome: Chrome,
    pub e: Equipement,
    pub tarif_academique: String,
    pub tarif_industriel: String,
    pub horaires: String,
    pub jours: Vec<JourView>,
    pub can_manage: bool,
    pub ical_url: Option<String>,
    pub bookable: bool,
    /// `(id, alternative text)` of each photo, in gallery order.
    pub photos: Vec<(i32, String)>,
    /// The library's approved public resources on the equipment.
    pub ressources: Vec<crate::routes::ressources::Carte>,
}

/// The booking form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct ReservationValues {
    pub date: String,
    pub debut: String,
    pub fin: String,
    pub organisation: String,
    pub objet: String,
}

#[derive(Template)]
#[template(path = "equipements/reserver.html")]
pub(crate) struct ReserverPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub e: Equipement,
    pub v: ReservationValues,
    pub organisations: Options,
    pub horaires: String,
    pub habilitation: String,
}

/// A booking in a list.
pub(crate) struct ReservationRow {
    pub id: i32,
    pub equipement_slug: String,
    pub equipement_nom: String,
    pub quand: String,
    pub duree: String,
    pub statut: String,
    pub organisation: String,
    pub demandeur: String,
    pub objet: String,
    pub annulable: bool,
}

#[derive(Template)]
#[template(path = "equipements/mes_reservations.html")]
pub(crate) struct MesReservationsPage {
    pub chrome: Chrome,
    pub notice: Option<String>,
    pub items: Vec<ReservationRow>,
}

#[derive(Template)]
#[template(path = "equipements/approbations.html")]
pub(crate) struct ApprobationsPage {
    pub chrome: Chrome,
    pub notice: Option<String>,
    pub items: Vec<ReservationRow>,
}

/// The maintenance form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct MaintenanceValues {
    pub date_debut: String,
    pub heure_debut: String,
    pub date_fin: String,
    pub heure_fin: String,
    pub motif: String,
}

#[derive(Template)]
#[template(path = "equipements/utilisation.html")]
pub(crate) struct UtilisationPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub e: Equipement,
    pub du: String,
    pub au: String,
    pub total: String,
    pub par_organisation: Vec<(String, String)>,
    pub par_public: Vec<(String, String)>,
    pub csv_href: String,
    pub mv: MaintenanceValues,
}

/// The habilitation form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct HabilitationValues {
    pub email: String,
    pub categorie: String,
    pub expire_le: String,
    pub motif: String,
}

/// A granted habilitation in the list.
pub(crate) struct HabilitationRow {
    pub personne: String,
    pub email: String,
    pub categorie: String,
    pub expire_le: String,
    pub valide: bool,
    pub accordee_par: String,
    pub motif: String,
}

#[derive(Template)]
#[template(path = "equipements/habilitations.html")]
pub(crate) struct HabilitationsPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub v: HabilitationValues,
    pub categories: Options,
    pub items: Vec<HabilitationRow>,
}

/// The quota form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct QuotaValues {
    pub organisation: String,
    pub heures: String,
}

/// The manager form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct ManagerValues {
    pub equipement: String,
    pub email: String,
}

#[derive(Template)]
#[template(path = "equipements/administration.html")]
pub(crate) struct AdminEquipementsPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub organisations: Options,
    pub equipements: Options,
    /// `(organisation, hours per month)`.
    pub quotas: Vec<(String, String)>,
    /// `(equipment, managers' names)`.
    pub managers: Vec<(String, String)>,
    pub q: QuotaValues,
    pub g: ManagerValues,
}
