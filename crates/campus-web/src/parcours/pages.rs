//! The templates of the training-path pages.

use askama::Template;
use campus_domain::parcours::SaisieParcours;
use campus_store::parcours::{SavedPlan, Support};

use crate::chrome::Chrome;
use crate::forms::{FormErrors, url_encode};
use crate::parcours::view::ResultsView;
use crate::templates::Options;

/// The learner a supporter prepares a path for: `(user id, name)`.
pub type For = Option<(i32, String)>;

/// One step of the guided form.
#[derive(Template)]
#[template(path = "parcours/form.html")]
pub struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    /// 1, 2 or 3.
    pub step: u64,
    pub d: SaisieParcours,
    /// The values of the other steps, carried along.
    pub hidden: Vec<(&'static str, String)>,
    pub pour: For,
    pub statuts: Options,
    pub niveaux: Options,
    pub niveaux_max: Options,
    /// `(row number, trade, years)`.
    pub experiences: Vec<(usize, String, String)>,
    /// `(field, label, checked)`.
    pub modalites: Vec<(&'static str, String, bool)>,
    /// `(value, label, checked)`.
    pub objectifs: Vec<(&'static str, String, bool)>,
}

impl FormPage {
    /// The field error of experience row `row` (1-based), trade or years.
    pub fn row_error(&self, kind: &str, row: &usize) -> Option<&str> {
        let field = format!("{kind}_{row}");
        self.errors.get(&field)
    }
}

/// A saved path being shown again.
pub struct SavedInfo {
    pub id: i32,
    pub titre: String,
    pub author: String,
    /// Saved by someone else than the learner.
    pub shared: bool,
    pub date: String,
    pub can_delete: bool,
}

#[derive(Template)]
#[template(path = "parcours/form_resultats.html")]
pub struct ResultsPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub v: ResultsView,
    /// Every value of the request, for « change my answers » and saving.
    pub hidden: Vec<(&'static str, String)>,
    pub pour: For,
    pub can_save: bool,
    pub titre: String,
    pub saved: Option<SavedInfo>,
}

impl ResultsPage {
    /// The sign-in link of a visitor: it comes back to these results with
    /// the same answers (`GET /parcours/resultats`), ready to be saved.
    pub fn login_to_save(&self) -> String {
        let query: Vec<String> = self
            .hidden
            .iter()
            .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
            .collect();
        let back = format!("/parcours/resultats?{}", query.join("&"));
        format!("/connexion?suite={}", url_encode(&back))
    }
}

/// The learner's paths and the consents they gave or were asked.
#[derive(Template)]
#[template(path = "parcours/compte.html")]
pub struct AccountPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub plans: Vec<SavedPlan>,
    pub received: Vec<Support>,
    /// Whether the user may support learners (trainers, campus team).
    pub supporter: bool,
    pub email: String,
    /// Learners who accepted this user's support.
    pub supported: Vec<Support>,
    pub pending: usize,
}

/// A supporter's view of a learner who accepted: their paths.
#[derive(Template)]
#[template(path = "parcours/compte_apprenant.html")]
pub struct LearnerPage {
    pub chrome: Chrome,
    pub learner_id: i32,
    pub learner_name: String,
    pub plans: Vec<SavedPlan>,
    /// Their applications to offers, followed with the same consent:
    /// `(id, offer, state's label key)`.
    pub candidatures: Vec<(i32, String, &'static str)>,
}

/// A computed link of a bloc, for the review screen.
pub struct LinkRow {
    pub code_ogr: i64,
    pub libelle: String,
    pub score_pct: u64,
    pub curated: bool,
    pub removed: bool,
}

pub struct BlocLinks {
    pub code: String,
    pub libelle: String,
    pub links: Vec<LinkRow>,
}

/// The campus team's review of the trainings attached to a certification
/// by their titles.
#[derive(Template)]
#[template(path = "parcours/rattachements.html")]
pub struct AttachmentsPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub certification: String,
    pub libelle: Option<String>,
    pub rows: Vec<AttachmentView>,
    pub formation: String,
}

/// A row of [`AttachmentsPage`].
pub struct AttachmentView {
    pub formation_id: String,
    pub intitule: String,
    pub organisme: String,
    pub score_pct: u64,
    pub curated: bool,
    pub removed: bool,
}

/// The campus team's review of a certification's bloc → skill links.
#[derive(Template)]
#[template(path = "parcours/liens.html")]
pub struct CurationPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub notice: Option<String>,
    pub certification: String,
    pub libelle: Option<String>,
    pub blocs: Vec<BlocLinks>,
    pub bloc: String,
    pub competence: String,
}
