//! The templates of the events feature.

use askama::Template;
use campus_store::evenements::follow_up::AvisSummary;

use super::view::{EvenementView, InscriptionRow};
use crate::chrome::Chrome;
use crate::forms::FormErrors;
use crate::templates::Options;

#[derive(Template)]
#[template(path = "evenements/agenda.html")]
pub struct AgendaPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub events: Vec<EvenementView>,
    pub total: u64,
    pub public: String,
    pub publics: Options,
    pub departement: String,
    pub departements: Options,
    pub kind: String,
    pub kinds: Options,
    pub metier: String,
    pub page: u64,
    pub has_prev: bool,
    pub has_next: bool,
    pub prev_href: String,
    pub next_href: String,
    pub can_create: bool,
}

/// The person form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PersonValues {
    /// Full name.
    pub nom: String,
    pub email: String,
    /// `collegiens`, `lyceens`, `etudiants`, `apprentis`, `salaries`, `demandeurs_emploi`, `enseignants` or `formateurs`.
    pub public: String,
    /// Class, diploma or job (« Terminale STL », « BTS Métiers de la chimie »…).
    pub niveau: String,
    /// School, university or company.
    pub organisation: String,
    /// `AAAA-MM-JJ`: to check the minimum age and whether a parent must consent; not stored.
    pub date_naissance: String,
    /// A parent's address, required for minors.
    pub email_parent: String,
}

/// The class form's values, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClassValues {
    /// Name of the class (« 3e B »).
    pub classe: String,
    /// Number of pupils: seats taken together, never split.
    pub eleves: String,
    pub public: String,
    pub niveau: String,
    /// The school.
    pub organisation: String,
    /// `oui` when the teacher certifies the parents' authorisations (and the minimum age).
    pub attestation: String,
}

#[derive(Template)]
#[template(path = "evenements/agenda_fiche.html")]
pub struct EvenementPage {
    pub chrome: Chrome,
    pub event: EvenementView,
    pub errors: FormErrors,
    pub person: PersonValues,
    pub class: ClassValues,
    pub publics: Options,
    pub class_publics: Options,
    pub can_register_class: bool,
    pub can_manage: bool,
    pub attestation: String,
    /// The errors of the form that was sent, beside its fields.
    pub person_errors: FormErrors,
    pub class_errors: FormErrors,
    /// Published news about the event: `(slug, title)`.
    pub actualites: Vec<(String, String)>,
    /// The library's resources the event uses, those the reader may see.
    pub ressources: Vec<crate::routes::ressources::Carte>,
    /// The same, one per line, for the organiser's form.
    pub ressources_choisies: String,
    pub ressources_errors: FormErrors,
}

/// The event form's values, as typed.
#[derive(Clone, Debug, Default)]
pub struct EvenementValues {
    pub organisation: String,
    pub kind: String,
    pub titre: String,
    pub description: String,
    pub adresse: String,
    pub code_postal: String,
    pub commune: String,
    pub debut: String,
    pub fin: String,
    pub capacite: String,
    pub publics: Vec<String>,
    pub metiers: String,
    pub age_minimum: String,
    pub salle_propre: bool,
    pub bpf: bool,
    pub consignes: String,
}

#[derive(Template)]
#[template(path = "evenements/gestion.html")]
pub struct EvenementFormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub action: String,
    pub v: EvenementValues,
    pub organisations: Options,
    pub kinds: Options,
    /// `(value, label, checked)`.
    pub audiences: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "evenements/inscription_billet.html")]
pub struct TicketPage {
    pub chrome: Chrome,
    pub event: EvenementView,
    pub id: i32,
    pub signature: String,
    pub nom: String,
    pub seats: i32,
    pub code: String,
    pub status: String,
    pub status_message: String,
    pub can_cancel: bool,
    pub show_code: bool,
    pub qr_svg: String,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "evenements/consentement.html")]
pub struct ConsentPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub event: EvenementView,
    pub id: i32,
    pub signature: String,
    pub nom: String,
    /// Who asks for consent, for which event.
    pub lead: String,
    pub parent_name: String,
    /// Set once the consent was given (or found already given/refused).
    pub outcome: Option<String>,
}

#[derive(Template)]
#[template(path = "evenements/avis.html")]
pub struct SurveyPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub event: EvenementView,
    pub id: i32,
    pub signature: String,
    pub rating: String,
    /// `(value, label)` of the ratings 1 to 5.
    pub ratings: Vec<(String, String)>,
    pub recommend: String,
    pub comment: String,
    pub outcome: Option<String>,
}

#[derive(Template)]
#[template(path = "evenements/organiser_inscriptions.html")]
pub struct InscriptionsPage {
    pub chrome: Chrome,
    pub event: EvenementView,
    pub rows: Vec<InscriptionRow>,
    /// Seats taken, waiting, checked in, in a sentence.
    pub summary: String,
    pub feed_url: String,
}

#[derive(Template)]
#[template(path = "evenements/organiser_pointage.html")]
pub struct CheckInPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub event: EvenementView,
    pub rows: Vec<InscriptionRow>,
    pub code: String,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "evenements/organiser_resultats.html")]
pub struct ResultsPage {
    pub chrome: Chrome,
    pub event: EvenementView,
    pub summary: AvisSummary,
    pub average: String,
    /// `(rating's label, answers, percent)`.
    pub bars: Vec<(String, u64, u64)>,
}

/// One of a person's registrations.
pub struct MyInscription {
    pub event: EvenementView,
    pub status: String,
    pub ticket_href: String,
}

/// A child's registration that waits for the signed-in parent's consent.
pub struct ConsentToGive {
    pub event: EvenementView,
    /// « Accord pour Léa Martin : Visite de … ».
    pub label: String,
    pub consent_href: String,
}

#[derive(Template)]
#[template(path = "evenements/calendriers.html")]
pub struct MyEvenementsPage {
    pub chrome: Chrome,
    pub items: Vec<MyInscription>,
    /// Minors' registrations waiting for this parent's consent.
    pub consents: Vec<ConsentToGive>,
    pub feed_url: String,
}
