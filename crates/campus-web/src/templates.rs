//! The pages' templates (askama, checked at compile time, HTML-escaped).
//! Each struct names its file under `templates/`; every page carries the
//! [`Chrome`] of the request.

use askama::Template;
use axum::response::Html;
use campus_store::api_tokens::ApiToken;
use campus_store::audit::AuditEvent;
use campus_store::entity::rome_fiche;
use campus_store::organisations::{Member, Organisation};
use campus_store::rome::{GrandDomaine, Metier};
use campus_store::users::User;

use crate::chrome::Chrome;
use crate::error::AppError;
use crate::forms::FormErrors;

/// Renders a template, turning a rendering failure into a logged 500.
pub fn render<T: Template>(template: &T) -> Result<Html<String>, AppError> {
    template
        .render()
        .map(Html)
        .map_err(|e| AppError::internal("gabarit", e))
}

/// `(value, label)` pairs of a `<select>`.
pub type Options = Vec<(String, String)>;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub title: String,
    pub message: String,
    pub detail: Option<String>,
    pub status: u16,
    pub show_login: bool,
}

/// A lever of the action plan and the platform module that serves it.
pub struct Lever {
    pub number: u64,
    pub title_key: &'static str,
    pub text_key: &'static str,
    pub module_key: &'static str,
}

pub struct Axe {
    pub title_key: &'static str,
    pub levers: Vec<Lever>,
}

/// A trade of the campus's sector, as the home page lists it.
pub struct HomeMetier {
    pub code: String,
    pub libelle: String,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub chrome: Chrome,
    /// The next events of the agenda, soonest first.
    pub events: Vec<crate::routes::evenements::EvenementView>,
    /// The latest published news: `(slug, title, summary)`.
    pub actualites: Vec<(String, String, String)>,
    /// The sector's trades the catalogue holds.
    pub metiers: Vec<HomeMetier>,
    pub axes: Vec<Axe>,
}

#[derive(Template)]
#[template(path = "info.html")]
pub struct InfoPage {
    pub chrome: Chrome,
    pub title_key: &'static str,
    pub paragraph_keys: &'static [&'static str],
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub title: String,
    pub message: String,
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
pub struct LoginPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub email: String,
    /// `(slug, name)` of the identity providers to sign in with.
    pub fournisseurs: Vec<(&'static str, &'static str)>,
    pub suite: String,
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/register.html")]
pub struct RegisterPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub display_name: String,
    pub email: String,
    pub statut: String,
    pub statuts: Options,
}

#[derive(Template)]
#[template(path = "auth/confirm.html")]
pub struct ConfirmPage {
    pub chrome: Chrome,
    pub title: String,
    pub message: String,
    pub action: &'static str,
    pub token: String,
    pub button: String,
}

#[derive(Template)]
#[template(path = "auth/forgot.html")]
pub struct ForgotPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub email: String,
}

#[derive(Template)]
#[template(path = "auth/set_password.html")]
pub struct SetPasswordPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub lead: String,
    pub action: &'static str,
    pub token: String,
    pub button: String,
    pub ask_name: bool,
    pub display_name: String,
}

#[derive(Template)]
#[template(path = "account/index.html")]
pub struct AccountPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub email: String,
    pub role_key: &'static str,
    pub display_name: String,
    pub show_statut: bool,
    pub statut: String,
    pub statuts: Options,
    pub locale: String,
    pub locales: Options,
    /// `(slug, name, role label key)`.
    pub organisation_membres: Vec<(String, String, &'static str)>,
}

#[derive(Template)]
#[template(path = "donnees_personnelles/suppression.html")]
pub struct SuppressionPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    /// Accounts created through a federated sign-in have no password.
    pub ask_password: bool,
    /// `(slug, title)` of the events to hand over first.
    pub evenements: Vec<(String, String)>,
    /// `(slug, name)` of the equipment to hand over first.
    pub equipements: Vec<(String, String)>,
    pub inscriptions_a_venir: usize,
    pub reservations_a_venir: usize,
}

#[derive(Template)]
#[template(path = "donnees_personnelles/traitements.html")]
pub struct TraitementsPage {
    pub chrome: Chrome,
    pub traitements: Vec<crate::routes::Traitement>,
}

#[derive(Template)]
#[template(path = "account/tokens.html")]
pub struct TokensPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub token_name: String,
    pub new_token: Option<String>,
    pub tokens: Vec<ApiToken>,
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
pub struct OrganisationsPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub orgs: Vec<Organisation>,
    pub total: u64,
    pub q: String,
    pub kind: String,
    pub kinds: Options,
    pub departement: String,
    pub departements: Options,
    pub origine: String,
    pub origines: Options,
    /// The country facet: France, and the countries of partners abroad.
    pub pays: String,
    pub pays_options: Options,
    pub page: u64,
    pub has_prev: bool,
    pub has_next: bool,
    pub prev_href: String,
    pub next_href: String,
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
pub struct OrganisationPage {
    pub chrome: Chrome,
    pub org: Organisation,
    /// Trainings whose body is this organisation.
    pub formations: Vec<campus_store::entity::formation::Model>,
    /// Its open offers.
    pub offres: Vec<crate::routes::insertion::OffreLien>,
    pub notice: Option<String>,
    pub can_edit: bool,
    pub members: Vec<Member>,
    pub errors: FormErrors,
    pub member_email: String,
    pub member_role: String,
    pub member_roles: Options,
}

/// The organisation form's values, as typed (also the API's request body).
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OrganisationValues {
    pub nom: String,
    pub kind: String,
    pub siret: String,
    pub uai: String,
    pub description: String,
    pub adresse: String,
    pub code_postal: String,
    pub commune: String,
    pub departement: String,
    pub site_web: String,
    pub email_contact: String,
}

#[derive(Template)]
#[template(path = "organisations/form.html")]
pub struct OrganisationFormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub action: String,
    pub v: OrganisationValues,
    pub kinds: Options,
    pub departements: Options,
}

#[derive(Template)]
#[template(path = "admin/index.html")]
pub struct AdminPage {
    pub chrome: Chrome,
    pub users: u64,
    pub organisations: u64,
    pub pending_mail: u64,
    pub failing_mail: u64,
    pub events: Vec<AuditEvent>,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct AdminUsersPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub users: Vec<User>,
    pub total: u64,
    pub q: String,
    pub role: String,
    pub role_filter: Options,
    pub roles: Options,
    pub page: u64,
    pub has_prev: bool,
    pub has_next: bool,
    pub prev_href: String,
    pub next_href: String,
}

#[derive(Template)]
#[template(path = "admin/invite.html")]
pub struct InvitePage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub roles: Options,
}

#[derive(Template)]
#[template(path = "metiers/index.html")]
pub struct MetiersPage {
    pub chrome: Chrome,
    pub domaines: Vec<GrandDomaine>,
    pub selected: String,
    pub selected_label: String,
    pub fiches: Vec<rome_fiche::Model>,
}

#[derive(Template)]
#[template(path = "metiers/show.html")]
pub struct MetierPage {
    pub chrome: Chrome,
    pub m: Metier,
    /// The library's approved public resources on the trade.
    pub ressources: Vec<crate::routes::ressources::Carte>,
    /// The open offers of the trade.
    pub offres: Vec<crate::routes::insertion::OffreLien>,
    /// The public projects about the trade: `(slug, title, kind key)`.
    pub projets: Vec<(String, String, &'static str)>,
    /// The latest published news linked to the trade: `(slug, title)`.
    pub actualites: Vec<(String, String)>,
    /// The grand domaine's letter, for the link back to its list.
    pub domaine: String,
    /// Skills by kind, in the order savoir-faire, savoir-être, savoirs.
    pub competence_groups: Vec<(&'static str, Vec<CompetenceLine>)>,
    /// Certifications leading to the trade: `(code, title, level)`.
    pub certifications: Vec<(String, String, Option<u64>)>,
    /// The groupings the trade is placed in, by kind: `(heading key,
    /// [(label, main grouping)])`.
    pub groupings: Vec<(&'static str, Vec<(String, bool)>)>,
    /// The commune typed in the « near you » form, shown back.
    pub near_commune: String,
    pub radii: Vec<u32>,
    /// The trainings near that commune, once asked.
    pub near: Option<NearTrainings>,
    /// The closest trades one can move to from this one.
    pub passerelles: Vec<PasserelleLink>,
}

/// A trade close to the one shown, as its page links it.
pub struct PasserelleLink {
    pub code: String,
    pub libelle: String,
    /// Core skills of that trade this one does not practise.
    pub core_missing: u64,
    /// Named by the ROME's official mobilités.
    pub official: bool,
}

/// The answer of a trade page's « train near you » form.
pub struct NearTrainings {
    /// The commune found, or `None` when the one typed is unknown.
    pub commune: Option<String>,
    pub radius: u32,
    pub found: Vec<NearTraining>,
}

pub struct NearTraining {
    pub id: String,
    pub intitule: String,
    pub organisme: String,
    pub ville: Option<String>,
    pub modalite_key: &'static str,
    pub km: u64,
}

#[derive(Template)]
#[template(path = "certifications/show.html")]
pub struct CertificationPageView {
    pub chrome: Chrome,
    pub c: campus_store::certifications::CertificationPage,
    /// The library's approved public resources on the certification.
    pub ressources: Vec<crate::routes::ressources::Carte>,
    /// Trainings preparing it.
    pub formations: Vec<campus_store::entity::formation::Model>,
    /// Open offers that prepare or ask for it, or of a trade it leads to.
    pub offres: Vec<crate::routes::insertion::OffreLien>,
    pub title: String,
    pub niveau: Option<campus_domain::Niveau>,
    pub blocs: Vec<BlocView>,
    pub activites: Vec<CompetenceView>,
    pub capacites: Vec<CompetenceView>,
    /// `JJ/MM/AAAA`, from the XML export.
    pub date_effet: Option<String>,
    pub date_fin: Option<String>,
}

/// A skill (or activity) and its parts, as nested lists show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetenceView {
    pub libelle: String,
    pub parts: Vec<String>,
}

/// A bloc de compétences with its listed skills and assessment.
#[derive(Debug, Clone)]
pub struct BlocView {
    pub code: String,
    pub libelle: String,
    pub skills: Vec<CompetenceView>,
    pub modalites: Option<String>,
}

/// A skill's label and its `coeur` flag (`principale`, `emergente`).
pub type CompetenceLine = (String, Option<String>);

#[derive(Template)]
#[template(path = "metiers/sector.html")]
pub struct SectorPage {
    pub chrome: Chrome,
    /// The sector's trades and how many certifications lead to each.
    pub fiches: Vec<(rome_fiche::Model, u64)>,
}

/// An action of a training with its LHÉO codes resolved.
pub struct ActionView {
    pub a: campus_store::formations::ActionPage,
    pub modalite_key: &'static str,
    pub enseignement: Option<&'static str>,
    pub entrees_sorties: Option<&'static str>,
    /// Funders' labels (or codes, for a code the LHÉO list lacks).
    pub financeurs: Vec<String>,
    /// Places and first wishes of a lycée's programme, in a sentence.
    pub attractivite: Option<String>,
    /// The sessions, each with its recruitment state's label.
    pub sessions: Vec<(
        campus_store::entity::formation_session::Model,
        Option<&'static str>,
    )>,
}

#[derive(Template)]
#[template(path = "formations/show.html")]
pub struct FormationPageView {
    pub chrome: Chrome,
    pub f: campus_store::formations::FormationPage,
    pub actions: Vec<ActionView>,
    pub niveau: Option<campus_domain::Niveau>,
    pub parcours: Option<&'static str>,
    pub objectif_general: Option<&'static str>,
    /// Description, content and expected results as paragraphs of plain
    /// text (sources embed HTML in them).
    pub objectif: Vec<String>,
    pub contenu: Vec<String>,
    pub resultats: Vec<String>,
}

impl FormationPageView {
    /// Whether the campus team confirmed every certification the page
    /// lists as prepared (rather than found from the title).
    pub fn rattachements_confirmes(&self) -> bool {
        self.f
            .rattachements
            .iter()
            .all(|r| r.origine == campus_store::parcours::rattachements::CURATED)
    }
}

/// A facet of the search page: a fieldset of checkboxes (or radio buttons
/// for a single choice) named after the query parameter.
pub struct FacetGroup {
    pub name: &'static str,
    pub legend: String,
    pub radio: bool,
    pub options: Vec<FacetOption>,
}

pub struct FacetOption {
    /// The element id, for its label.
    pub id: String,
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// A search result as the page lists it. The two HTML fields are escaped
/// by the search engine, with only `<mark>` added.
pub struct HitView {
    pub url: String,
    pub title_html: String,
    pub snippet_html: String,
    pub meta: String,
}

#[derive(Template)]
#[template(path = "search/index.html")]
pub struct SearchPage {
    pub chrome: Chrome,
    /// Whether a search was asked (else the page only shows the form).
    pub asked: bool,
    pub q: String,
    pub commune: String,
    /// The commune searched around, as found.
    pub place: Option<String>,
    /// When that commune was read from the end of the text: the sentence
    /// that says so.
    pub read_notice: Option<String>,
    /// The same search without reading a commune from the text.
    pub everywhere_href: Option<String>,
    /// When nothing matched: the corrected text and its search.
    pub did_you_mean: Option<(String, String)>,
    /// When nothing matched: the nearest trades.
    pub metiers_proches: Vec<HitView>,
    /// Where, on this page, the results holding only some of the words
    /// begin (few held them all).
    pub partial_from: Option<usize>,
    pub radius: u32,
    pub radii: Vec<u32>,
    pub errors: Vec<String>,
    pub total: u64,
    pub groups: Vec<FacetGroup>,
    pub hits: Vec<HitView>,
    /// « Page 2 sur 7 ».
    pub page_label: String,
    pub pages: u64,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

impl SearchPage {
    /// Whether the results holding only some of the words begin at this
    /// index of the page.
    pub fn starts_partial(&self, index: impl std::borrow::Borrow<usize>) -> bool {
        self.partial_from == Some(*index.borrow())
    }
}

/// A group of the search dictionary as the admin page lists it.
pub struct DictionaryGroupView {
    /// The team's addition (removable), `None` for a shipped group.
    pub id: Option<i32>,
    /// « BPF = GMP = bonnes pratiques de fabrication ».
    pub expressions: String,
    pub note: String,
    pub diplome: bool,
}

/// The search dictionary (`/admin/dictionnaire`).
#[derive(Template)]
#[template(path = "admin/dictionary.html")]
pub struct DictionaryPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub shipped: Vec<DictionaryGroupView>,
    pub added: Vec<DictionaryGroupView>,
    /// The form as typed.
    pub expressions: String,
    pub note: String,
    pub diplome: bool,
}
