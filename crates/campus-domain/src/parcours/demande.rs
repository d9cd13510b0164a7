//! A training-path request: where a person stands, the trade they aim
//! at, their constraints, and what matters most to them.
//!
//! People type it in the guided form's fields (or send the API's document,
//! translated into the same fields): [`SaisieParcours`] holds them as text,
//! so that a value shown again after an error is exactly what was typed,
//! and is what a saved path keeps (as JSON). [`DemandeParcours::parse`]
//! turns it into a request whose every value is valid, or into the list of
//! what is wrong, each [`DemandeParcoursError`] tied to its [`Champ`] with a
//! stable message key: one validation, whatever the door.
//!
//! Names are matched to codes outside the domain (trades by title or job
//! title, skills by label, towns by name or postal code, codes against the
//! catalogue): the caller supplies a [`Lookup`]. The date a start limit is
//! compared with is the caller's too, so that no rule here reads a clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::formation::Modalite;
use crate::{CodeCertification, CodeRome, GeoPoint, Niveau, StatutApprenant};

/// Past trades the form offers (rows of « métier, années »).
pub const EXPERIENCE_ROWS: usize = 3;
/// Longest list of codes or skills read from one field: a longer one is
/// refused before any of its items is looked up.
pub const MAX_ITEMS: usize = 30;
/// Farthest a learner may set as a distance limit: France's mainland is
/// about 1 000 km across.
pub const MAX_DISTANCE_KM: f64 = 1500.0;
/// Longest total duration a learner may set (five years full time).
pub const MAX_HOURS: u32 = 8000;
/// Most years of experience in one trade.
pub const MAX_YEARS: f32 = 50.0;
/// Longest town name or postal code read (the longest French commune name
/// has 45 characters).
const MAX_COMMUNE_CHARS: usize = 80;

/// The request's values, as typed. Every field is text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SaisieParcours {
    /// The person's situation ([`StatutApprenant`]), empty when not said.
    pub statut: String,
    pub metier_1: String,
    pub annees_1: String,
    pub metier_2: String,
    pub annees_2: String,
    pub metier_3: String,
    pub annees_3: String,
    /// RNCP or RS codes held in full, separated by commas, spaces or lines.
    pub certifications: String,
    /// Bloc codes validated on their own.
    pub blocs: String,
    /// Declared ROME skills, one per line: a label or an OGR code.
    pub competences: String,
    /// Highest certification level held (3 to 8), empty for none.
    pub niveau: String,
    /// Home commune: name or postal code.
    pub commune: String,
    /// Target trade: ROME code, trade or job title.
    pub cible: String,
    pub mod_initiale: String,
    pub mod_apprentissage: String,
    pub mod_continue: String,
    pub mod_vae: String,
    /// Kilometres from home.
    pub distance: String,
    /// `AAAA-MM-JJ`: every unit starts by then.
    pub debut_avant: String,
    /// Total hours.
    pub duree_max: String,
    /// Levels above the learner's: `1`, `2`, `3` or `libre`; empty is the
    /// default step.
    pub niveau_max: String,
    /// `duree`, `cout` or `distance`.
    pub objectif: String,
}

/// The steps of the request, in the order people answer them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Etape {
    /// Where you are.
    Profil = 1,
    /// Where you want to go.
    Cible = 2,
    /// Your constraints.
    Contraintes = 3,
}

impl Etape {
    /// The step numbered `value`; anything else is the first step, where
    /// a request starts again.
    pub fn parse(value: &str) -> Etape {
        match value.trim() {
            "2" => Etape::Cible,
            "3" => Etape::Contraintes,
            _ => Etape::Profil,
        }
    }

    pub fn numero(self) -> u8 {
        self as u8
    }
}

/// A field of the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Champ {
    Statut,
    /// The trade of experience row `n` (from 0, below [`EXPERIENCE_ROWS`]).
    Metier(usize),
    /// The years of experience row `n`.
    Annees(usize),
    Certifications,
    Blocs,
    Competences,
    Niveau,
    Commune,
    Cible,
    Modalite(Modalite),
    Distance,
    DebutAvant,
    DureeMax,
    NiveauMax,
    Objectif,
}

impl Champ {
    /// Every field, in the form's order.
    pub const ALL: [Champ; 22] = [
        Champ::Statut,
        Champ::Metier(0),
        Champ::Annees(0),
        Champ::Metier(1),
        Champ::Annees(1),
        Champ::Metier(2),
        Champ::Annees(2),
        Champ::Certifications,
        Champ::Blocs,
        Champ::Competences,
        Champ::Niveau,
        Champ::Commune,
        Champ::Cible,
        Champ::Modalite(Modalite::Initiale),
        Champ::Modalite(Modalite::Apprentissage),
        Champ::Modalite(Modalite::Continue),
        Champ::Modalite(Modalite::Vae),
        Champ::Distance,
        Champ::DebutAvant,
        Champ::DureeMax,
        Champ::NiveauMax,
        Champ::Objectif,
    ];

    /// The field's name in [`SaisieParcours`] (and in the form).
    pub fn nom(self) -> &'static str {
        match self {
            Champ::Statut => "statut",
            Champ::Metier(0) => "metier_1",
            Champ::Metier(1) => "metier_2",
            Champ::Metier(_) => "metier_3",
            Champ::Annees(0) => "annees_1",
            Champ::Annees(1) => "annees_2",
            Champ::Annees(_) => "annees_3",
            Champ::Certifications => "certifications",
            Champ::Blocs => "blocs",
            Champ::Competences => "competences",
            Champ::Niveau => "niveau",
            Champ::Commune => "commune",
            Champ::Cible => "cible",
            Champ::Modalite(Modalite::Initiale) => "mod_initiale",
            Champ::Modalite(Modalite::Apprentissage) => "mod_apprentissage",
            Champ::Modalite(Modalite::Continue) => "mod_continue",
            Champ::Modalite(Modalite::Vae) => "mod_vae",
            Champ::Distance => "distance",
            Champ::DebutAvant => "debut_avant",
            Champ::DureeMax => "duree_max",
            Champ::NiveauMax => "niveau_max",
            Champ::Objectif => "objectif",
        }
    }

    /// The step that asks for the field.
    pub fn etape(self) -> Etape {
        match self {
            Champ::Cible => Etape::Cible,
            Champ::Modalite(_)
            | Champ::Distance
            | Champ::DebutAvant
            | Champ::DureeMax
            | Champ::NiveauMax
            | Champ::Objectif => Etape::Contraintes,
            _ => Etape::Profil,
        }
    }
}

impl SaisieParcours {
    /// The value of a field.
    pub fn valeur(&self, champ: Champ) -> &str {
        match champ {
            Champ::Statut => &self.statut,
            Champ::Metier(0) => &self.metier_1,
            Champ::Metier(1) => &self.metier_2,
            Champ::Metier(_) => &self.metier_3,
            Champ::Annees(0) => &self.annees_1,
            Champ::Annees(1) => &self.annees_2,
            Champ::Annees(_) => &self.annees_3,
            Champ::Certifications => &self.certifications,
            Champ::Blocs => &self.blocs,
            Champ::Competences => &self.competences,
            Champ::Niveau => &self.niveau,
            Champ::Commune => &self.commune,
            Champ::Cible => &self.cible,
            Champ::Modalite(Modalite::Initiale) => &self.mod_initiale,
            Champ::Modalite(Modalite::Apprentissage) => &self.mod_apprentissage,
            Champ::Modalite(Modalite::Continue) => &self.mod_continue,
            Champ::Modalite(Modalite::Vae) => &self.mod_vae,
            Champ::Distance => &self.distance,
            Champ::DebutAvant => &self.debut_avant,
            Champ::DureeMax => &self.duree_max,
            Champ::NiveauMax => &self.niveau_max,
            Champ::Objectif => &self.objectif,
        }
    }

    /// The fields that hold something, in the form's order.
    pub fn remplis(&self) -> impl Iterator<Item = (Champ, &str)> {
        Champ::ALL
            .into_iter()
            .map(|c| (c, self.valeur(c)))
            .filter(|(_, v)| !v.is_empty())
    }

    /// Whether the box of a modality is ticked.
    pub fn modalite(&self, m: Modalite) -> bool {
        !self.valeur(Champ::Modalite(m)).trim().is_empty()
    }

    /// The objective as chosen, the duration when none (or an unknown one)
    /// is.
    pub fn objectif(&self) -> Objectif {
        Objectif::parse(&self.objectif).unwrap_or_default()
    }
}

/// What the learner wants to minimise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Objectif {
    /// Total hours of training.
    #[default]
    Duree,
    /// Total cost.
    Cout,
    /// Sum of the distances from home.
    Distance,
}

impl Objectif {
    pub const ALL: [Objectif; 3] = [Objectif::Duree, Objectif::Cout, Objectif::Distance];

    pub fn as_str(self) -> &'static str {
        match self {
            Objectif::Duree => "duree",
            Objectif::Cout => "cout",
            Objectif::Distance => "distance",
        }
    }

    pub fn parse(value: &str) -> Option<Objectif> {
        Objectif::ALL
            .into_iter()
            .find(|o| o.as_str() == value.trim())
    }
}

/// How far above the learner's level a unit may be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EcartNiveau {
    /// The engine's default step.
    #[default]
    Defaut,
    /// At most this many levels (1 to 3).
    AuPlus(u8),
    /// No limit.
    Libre,
}

/// A trade the person holds or held.
#[derive(Clone, Debug, PartialEq)]
pub struct Experience {
    pub metier: CodeRome,
    /// From 0 to [`MAX_YEARS`].
    pub annees: f32,
}

/// The home commune as found.
#[derive(Clone, Debug, PartialEq)]
pub struct Domicile {
    pub nom: String,
    pub position: GeoPoint,
}

/// The learner's constraints.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contraintes {
    /// Allowed modalities; empty allows all.
    pub modalites: Vec<Modalite>,
    /// Above 0, at most [`MAX_DISTANCE_KM`]; only with a home.
    pub distance_max_km: Option<f64>,
    /// Today or later.
    pub debut_avant: Option<NaiveDate>,
    /// From 1 to [`MAX_HOURS`].
    pub duree_max_heures: Option<u32>,
    pub ecart_niveau: EcartNiveau,
}

/// A valid training-path request.
#[derive(Clone, Debug, PartialEq)]
pub struct DemandeParcours {
    /// The person's situation, when said: a pupil or a student may go on
    /// in initial education, the others train as adults
    /// ([`StatutApprenant::en_formation_initiale`]).
    pub statut: Option<StatutApprenant>,
    /// At most [`EXPERIENCE_ROWS`].
    pub experiences: Vec<Experience>,
    /// Known to the catalogue, at most [`MAX_ITEMS`].
    pub certifications: Vec<CodeCertification>,
    /// Known to the catalogue, upper case, at most [`MAX_ITEMS`].
    pub blocs: Vec<String>,
    /// OGR codes of ROME skills, at most [`MAX_ITEMS`].
    pub competences: Vec<i64>,
    pub niveau: Option<Niveau>,
    pub domicile: Option<Domicile>,
    pub cible: CodeRome,
    pub contraintes: Contraintes,
    pub objectif: Objectif,
}

/// What a typed name matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<T> {
    One(T),
    None,
    /// Several: the first few, named for the person to choose.
    Several(Vec<String>),
}

impl<T> Found<T> {
    /// The same finding, of what `f` makes of the one thing found.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Found<U> {
        match self {
            Found::One(t) => Found::One(f(t)),
            Found::None => Found::None,
            Found::Several(choices) => Found::Several(choices),
        }
    }
}

/// The lookups a request needs from the catalogue.
pub trait Lookup {
    /// A trade from what a person typed: its ROME code, title or job title.
    fn metier(&self, typed: &str) -> Found<CodeRome>;
    /// A ROME skill from its OGR code or label, by its OGR code.
    fn competence(&self, typed: &str) -> Found<i64>;
    /// A certification of the catalogue from its code (RNCP…, RS…) or its
    /// title as people say it (« BTS métiers de la chimie »).
    fn certification(&self, typed: &str) -> Found<CodeCertification>;
    /// A bloc of the catalogue from its code or its title, by its code
    /// (upper case).
    fn bloc(&self, typed: &str) -> Found<String>;
    /// A commune from its name or postal code, with its position.
    fn commune(&self, typed: &str) -> Option<Domicile>;
}

/// What is wrong with a request. Each error names its field
/// ([`DemandeParcoursError::champ`]) and has a stable message key
/// ([`DemandeParcoursError::message_key`]); the values it carries are the
/// message's arguments.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DemandeParcoursError {
    #[error("situation inconnue")]
    Statut,
    #[error("années d'expérience sans métier (ligne {})", .ligne + 1)]
    MetierManquant { ligne: usize },
    #[error("aucun métier ne correspond à « {texte} »")]
    MetierInconnu { champ: Champ, texte: String },
    #[error("plusieurs métiers correspondent à la saisie")]
    MetierAmbigu { champ: Champ, choix: Vec<String> },
    #[error("années d'expérience invalides (ligne {})", .ligne + 1)]
    Annees { ligne: usize },
    #[error("certification inconnue « {code} »")]
    Certification { code: String },
    #[error("plusieurs certifications correspondent à la saisie")]
    CertificationAmbigue { choix: Vec<String> },
    #[error("bloc de compétences inconnu « {code} »")]
    Bloc { code: String },
    #[error("plusieurs blocs de compétences correspondent à la saisie")]
    BlocAmbigu { choix: Vec<String> },
    #[error("aucune compétence ne correspond à « {texte} »")]
    CompetenceInconnue { texte: String },
    #[error("plusieurs compétences correspondent à la saisie")]
    CompetenceAmbigue { choix: Vec<String> },
    #[error("au plus {max} éléments par liste")]
    TropDeValeurs { champ: Champ, max: usize },
    #[error("niveau invalide")]
    Niveau,
    #[error("commune invalide")]
    Commune,
    #[error("aucune commune ne correspond à « {texte} »")]
    CommuneInconnue { texte: String },
    #[error("métier visé manquant")]
    CibleManquante,
    #[error("distance invalide")]
    Distance,
    #[error("une distance demande la commune du domicile")]
    DistanceSansCommune { champ: Champ },
    #[error("date invalide")]
    Date,
    #[error("date passée")]
    DatePassee,
    #[error("durée invalide (au plus {max} heures)")]
    Duree { max: u32 },
    #[error("limite de niveau invalide")]
    NiveauMax,
    #[error("objectif invalide")]
    Objectif,
}

impl DemandeParcoursError {
    /// The field the error is shown under.
    pub fn champ(&self) -> Champ {
        use DemandeParcoursError as E;
        match self {
            E::Statut => Champ::Statut,
            E::MetierManquant { ligne } => Champ::Metier(*ligne),
            E::MetierInconnu { champ, .. }
            | E::MetierAmbigu { champ, .. }
            | E::TropDeValeurs { champ, .. }
            | E::DistanceSansCommune { champ } => *champ,
            E::Annees { ligne } => Champ::Annees(*ligne),
            E::Certification { .. } | E::CertificationAmbigue { .. } => Champ::Certifications,
            E::Bloc { .. } | E::BlocAmbigu { .. } => Champ::Blocs,
            E::CompetenceInconnue { .. } | E::CompetenceAmbigue { .. } => Champ::Competences,
            E::Niveau => Champ::Niveau,
            E::Commune | E::CommuneInconnue { .. } => Champ::Commune,
            E::CibleManquante => Champ::Cible,
            E::Distance => Champ::Distance,
            E::Date | E::DatePassee => Champ::DebutAvant,
            E::Duree { .. } => Champ::DureeMax,
            E::NiveauMax => Champ::NiveauMax,
            E::Objectif => Champ::Objectif,
        }
    }

    pub fn message_key(&self) -> &'static str {
        use DemandeParcoursError as E;
        match self {
            E::Statut => "parcours-error-statut",
            E::MetierManquant { .. } => "parcours-error-metier-missing",
            E::MetierInconnu { .. } => "parcours-error-metier-unknown",
            E::MetierAmbigu { .. } => "parcours-error-metier-ambiguous",
            E::Annees { .. } => "parcours-error-annees",
            E::Certification { .. } => "parcours-error-certification",
            E::CertificationAmbigue { .. } => "parcours-error-certification-ambiguous",
            E::Bloc { .. } => "parcours-error-bloc",
            E::BlocAmbigu { .. } => "parcours-error-bloc-ambiguous",
            E::CompetenceInconnue { .. } => "parcours-error-competence-unknown",
            E::CompetenceAmbigue { .. } => "parcours-error-competence-ambiguous",
            E::TropDeValeurs { .. } => "parcours-error-too-many",
            E::Niveau => "parcours-error-niveau",
            E::Commune => "parcours-error-commune",
            E::CommuneInconnue { .. } => "parcours-error-commune-unknown",
            E::CibleManquante => "parcours-error-cible-missing",
            E::Distance => "parcours-error-distance",
            E::DistanceSansCommune { .. } => "parcours-error-distance-sans-commune",
            E::Date => "parcours-error-date",
            E::DatePassee => "parcours-error-date-passee",
            E::Duree { .. } => "parcours-error-duree",
            E::NiveauMax => "parcours-error-niveau-max",
            E::Objectif => "parcours-error-objectif",
        }
    }
}

/// The errors of a request, at most one per field: the first found, as a
/// person fixes one thing at a time.
#[derive(Default)]
struct Errors(Vec<DemandeParcoursError>);

impl Errors {
    fn add(&mut self, error: DemandeParcoursError) {
        if !self.has(error.champ()) {
            self.0.push(error);
        }
    }

    fn has(&self, champ: Champ) -> bool {
        self.0.iter().any(|e| e.champ() == champ)
    }
}

impl DemandeParcours {
    /// Checks the fields of the steps up to `etape`, as the guided form
    /// does before moving on.
    pub fn verifier(
        saisie: &SaisieParcours,
        etape: Etape,
        aujourdhui: NaiveDate,
        lookup: &impl Lookup,
    ) -> Result<(), Vec<DemandeParcoursError>> {
        let (_, errors) = read(saisie, etape, aujourdhui, lookup);
        if errors.0.is_empty() {
            Ok(())
        } else {
            Err(errors.0)
        }
    }

    /// The request of every step, or every field's error. A start limit
    /// before `aujourdhui` is refused.
    pub fn parse(
        saisie: &SaisieParcours,
        aujourdhui: NaiveDate,
        lookup: &impl Lookup,
    ) -> Result<DemandeParcours, Vec<DemandeParcoursError>> {
        match read(saisie, Etape::Contraintes, aujourdhui, lookup) {
            (Some(demande), errors) if errors.0.is_empty() => Ok(demande),
            (_, mut errors) => {
                if errors.0.is_empty() {
                    // A request read up to its constraints has a target or
                    // an error on it; should neither hold, the target is
                    // said missing rather than a request made up.
                    errors.add(DemandeParcoursError::CibleManquante);
                }
                Err(errors.0)
            }
        }
    }
}

/// Reads the fields of the steps up to `etape`: the request when every
/// step was read (a target needs the second), and the errors found.
fn read(
    s: &SaisieParcours,
    etape: Etape,
    aujourdhui: NaiveDate,
    lookup: &impl Lookup,
) -> (Option<DemandeParcours>, Errors) {
    use DemandeParcoursError as E;
    let mut errors = Errors::default();

    let typed = s.statut.trim();
    let statut = if typed.is_empty() {
        None
    } else {
        StatutApprenant::parse(typed)
            .map_err(|_| errors.add(E::Statut))
            .ok()
    };

    let mut experiences = Vec::new();
    for ligne in 0..EXPERIENCE_ROWS {
        let metier = s.valeur(Champ::Metier(ligne)).trim();
        let annees = s.valeur(Champ::Annees(ligne));
        if metier.is_empty() {
            if !annees.trim().is_empty() {
                errors.add(E::MetierManquant { ligne });
            }
            continue;
        }
        let code = metier_of(lookup, &mut errors, Champ::Metier(ligne), metier);
        let years = parse_years(annees);
        if years.is_none() {
            errors.add(E::Annees { ligne });
        }
        if let (Some(metier), Some(annees)) = (code, years) {
            experiences.push(Experience { metier, annees });
        }
    }

    let mut certifications = Vec::new();
    if let Some(list) = list(
        &mut errors,
        Champ::Certifications,
        entries(&s.certifications),
    ) {
        for item in list {
            match lookup.certification(item) {
                Found::One(code) => certifications.push(code),
                Found::None => errors.add(E::Certification {
                    code: item.to_owned(),
                }),
                Found::Several(choix) => errors.add(E::CertificationAmbigue { choix }),
            }
        }
    }
    let mut blocs = Vec::new();
    if let Some(list) = list(&mut errors, Champ::Blocs, entries(&s.blocs)) {
        for item in list {
            match lookup.bloc(item) {
                Found::One(code) => blocs.push(code),
                Found::None => errors.add(E::Bloc {
                    code: item.to_owned(),
                }),
                Found::Several(choix) => errors.add(E::BlocAmbigu { choix }),
            }
        }
    }
    let mut competences = Vec::new();
    let lines = s
        .competences
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    if let Some(list) = list(&mut errors, Champ::Competences, lines) {
        for line in list {
            match lookup.competence(line) {
                Found::One(code) => competences.push(code),
                Found::None => errors.add(E::CompetenceInconnue {
                    texte: line.to_owned(),
                }),
                Found::Several(choix) => errors.add(E::CompetenceAmbigue { choix }),
            }
        }
    }

    let mut niveau = None;
    let typed = s.niveau.trim();
    if !typed.is_empty() {
        match typed.parse::<u8>().ok().and_then(Niveau::new) {
            Some(n) => niveau = Some(n),
            None => errors.add(E::Niveau),
        }
    }
    let mut domicile = None;
    let typed = s.commune.trim();
    if !typed.is_empty() {
        if typed.chars().count() > MAX_COMMUNE_CHARS {
            errors.add(E::Commune);
        } else {
            match lookup.commune(typed) {
                Some(found) => domicile = Some(found),
                None => errors.add(E::CommuneInconnue {
                    texte: typed.to_owned(),
                }),
            }
        }
    }
    // A distance needs a home; when the commune is wrong, its own error
    // says so.
    let sans_domicile = domicile.is_none() && !errors.has(Champ::Commune);

    let mut cible = None;
    if etape >= Etape::Cible {
        let typed = s.cible.trim();
        if typed.is_empty() {
            errors.add(E::CibleManquante);
        } else {
            cible = metier_of(lookup, &mut errors, Champ::Cible, typed);
        }
    }

    let mut contraintes = Contraintes::default();
    let objectif = s.objectif();
    if etape >= Etape::Contraintes {
        contraintes.modalites = Modalite::ALL
            .into_iter()
            .filter(|m| s.modalite(*m))
            .collect();
        let distance = s.distance.trim().replace(',', ".");
        if !distance.is_empty() {
            match distance.parse::<f64>() {
                Ok(km) if km.is_finite() && km > 0.0 && km <= MAX_DISTANCE_KM => {
                    contraintes.distance_max_km = Some(km);
                    if sans_domicile {
                        errors.add(E::DistanceSansCommune {
                            champ: Champ::Distance,
                        });
                    }
                }
                _ => errors.add(E::Distance),
            }
        }
        let date = s.debut_avant.trim();
        if !date.is_empty() {
            match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(day) if day >= aujourdhui => contraintes.debut_avant = Some(day),
                Ok(_) => errors.add(E::DatePassee),
                Err(_) => errors.add(E::Date),
            }
        }
        let hours = s.duree_max.trim();
        if !hours.is_empty() {
            match hours.parse::<u32>() {
                Ok(h) if (1..=MAX_HOURS).contains(&h) => contraintes.duree_max_heures = Some(h),
                _ => errors.add(E::Duree { max: MAX_HOURS }),
            }
        }
        contraintes.ecart_niveau = match s.niveau_max.trim() {
            "" => EcartNiveau::Defaut,
            "1" => EcartNiveau::AuPlus(1),
            "2" => EcartNiveau::AuPlus(2),
            "3" => EcartNiveau::AuPlus(3),
            "libre" => EcartNiveau::Libre,
            _ => {
                errors.add(E::NiveauMax);
                EcartNiveau::Defaut
            }
        };
        let typed = s.objectif.trim();
        if !typed.is_empty() && Objectif::parse(typed).is_none() {
            errors.add(E::Objectif);
        } else if objectif == Objectif::Distance && sans_domicile {
            errors.add(E::DistanceSansCommune {
                champ: Champ::Objectif,
            });
        }
    }

    let demande = cible
        .filter(|_| etape >= Etape::Contraintes)
        .map(|cible| DemandeParcours {
            statut,
            experiences,
            certifications,
            blocs,
            competences,
            niveau,
            domicile,
            cible,
            contraintes,
            objectif,
        });
    (demande, errors)
}

/// The trade a field names, or its error.
fn metier_of(
    lookup: &impl Lookup,
    errors: &mut Errors,
    champ: Champ,
    typed: &str,
) -> Option<CodeRome> {
    match lookup.metier(typed) {
        Found::One(code) => Some(code),
        Found::None => {
            errors.add(DemandeParcoursError::MetierInconnu {
                champ,
                texte: typed.to_owned(),
            });
            None
        }
        Found::Several(choix) => {
            errors.add(DemandeParcoursError::MetierAmbigu { champ, choix });
            None
        }
    }
}

/// The items of a list field, or its error when it holds more than
/// [`MAX_ITEMS`]: none of them is then looked up.
fn list<'a>(
    errors: &mut Errors,
    champ: Champ,
    items: impl Iterator<Item = &'a str>,
) -> Option<Vec<&'a str>> {
    let items: Vec<&str> = items.take(MAX_ITEMS + 1).collect();
    if items.len() > MAX_ITEMS {
        errors.add(DemandeParcoursError::TropDeValeurs {
            champ,
            max: MAX_ITEMS,
        });
        return None;
    }
    Some(items)
}

/// Codes of a list field: separated by commas, semicolons, spaces or lines.
/// The certifications or blocs of a field: one per line, or separated by
/// commas or semicolons; a part made only of codes separated by spaces
/// (« RNCP320 RNCP321 ») gives each code, any other part is a title.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .flat_map(|part| {
            let codes = part.split_whitespace().all(looks_like_code);
            let spaced: Vec<&str> = if codes {
                part.split_whitespace().collect()
            } else {
                vec![part]
            };
            spaced
        })
}

/// « RNCP320 », « rs5432 », « RNCP320BC01 »: a code, not a title.
fn looks_like_code(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    let rest = upper
        .strip_prefix("RNCP")
        .or_else(|| upper.strip_prefix("RS"));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Years of experience: a decimal number from 0 to [`MAX_YEARS`] (« 2,5 »
/// as well).
fn parse_years(text: &str) -> Option<f32> {
    let years = text.trim().replace(',', ".").parse::<f32>().ok()?;
    (years.is_finite() && (0.0..=MAX_YEARS).contains(&years)).then_some(years)
}

#[cfg(test)]
mod tests;
