//! How events are shown: Paris times, places, audiences and safety rules
//! put into words of the page's language.

use campus_domain::evenement::InscriptionStatus;
use campus_domain::heure_legale::vers_local;
use campus_store::evenements::Evenement;
use campus_store::evenements::inscriptions::{Inscription, InscriptionKind};
use chrono::{DateTime, Utc};

use crate::i18n::Tr;

/// `03/12/2026`, Paris time.
pub(crate) fn date(at: DateTime<Utc>) -> String {
    vers_local(at).format("%d/%m/%Y").to_string()
}

/// `09:30`, Paris time.
pub(crate) fn time(at: DateTime<Utc>) -> String {
    vers_local(at).format("%H:%M").to_string()
}

/// When an event takes place, in a sentence.
pub(crate) fn when(tr: &Tr, event: &Evenement) -> String {
    let (start, end) = (event.starts_at, event.ends_at);
    if date(start) == date(end) {
        tr.tv(
            "evenement-when",
            &[
                ("date", &date(start)),
                ("start", &time(start)),
                ("end", &time(end)),
            ],
        )
    } else {
        tr.tv(
            "evenement-when-days",
            &[
                ("date", &date(start)),
                ("start", &time(start)),
                ("end_date", &date(end)),
                ("end", &time(end)),
            ],
        )
    }
}

/// Address and commune on one line.
pub(crate) fn place(event: &Evenement) -> String {
    let mut out = event.adresse.clone();
    out.push_str(", ");
    if let Some(cp) = &event.code_postal {
        out.push_str(cp.as_str());
        out.push(' ');
    }
    out.push_str(&event.commune);
    out
}

/// The safety rules of a visit, one sentence each.
pub(crate) fn safety_lines(tr: &Tr, event: &Evenement) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(age) = event.safety.min_age {
        lines.push(tr.tn("evenement-safety-min-age", "age", age.max(0) as u64));
    }
    if event.safety.clean_room {
        lines.push(tr.t("evenement-safety-clean-room"));
    }
    if event.safety.gmp {
        lines.push(tr.t("evenement-safety-gmp"));
    }
    if !event.safety.notes.is_empty() {
        lines.push(event.safety.notes.clone());
    }
    lines
}

/// An event as cards and pages show it.
#[derive(Clone, Debug)]
pub struct EvenementView {
    pub slug: String,
    pub titre: String,
    pub kind: String,
    pub organiser: String,
    pub organiser_slug: String,
    pub when: String,
    pub place: String,
    pub departement: String,
    pub description: String,
    pub audiences: Vec<String>,
    pub romes: Vec<String>,
    pub safety: Vec<String>,
    pub capacity: i32,
    pub seats_left: i32,
    pub waiting: i32,
    pub open: bool,
    /// Seats left, or that the event is full, in words.
    pub availability: String,
}

impl EvenementView {
    pub fn new(tr: &Tr, event: &Evenement, now: DateTime<Utc>) -> EvenementView {
        let seats_left = event.seats_left();
        let availability = if !event.is_open(now) {
            tr.t("evenement-closed")
        } else if seats_left == 0 || event.waiting_count > 0 {
            tr.t("evenement-full")
        } else {
            tr.tn("evenement-seats-left", "count", seats_left.max(0) as u64)
        };
        EvenementView {
            slug: event.slug.clone(),
            titre: event.titre.clone(),
            kind: tr.t(event.kind.label_key()),
            organiser: event.organiser.nom.clone(),
            organiser_slug: event.organiser.slug.clone(),
            when: when(tr, event),
            place: place(event),
            departement: event
                .departement
                .as_ref()
                .map(|d| format!("{} ({})", d.nom(), d.as_str()))
                .unwrap_or_default(),
            description: event.description.clone(),
            audiences: event
                .audiences
                .iter()
                .map(|a| tr.t(a.label_key()))
                .collect(),
            romes: event.romes.iter().map(|r| r.as_str().to_owned()).collect(),
            safety: safety_lines(tr, event),
            capacity: event.capacity,
            seats_left,
            waiting: event.waiting_count,
            open: event.is_open(now),
            availability,
        }
    }
}

/// A registration as the organiser's list shows it.
#[derive(Clone, Debug)]
pub struct InscriptionRow {
    pub code: String,
    pub nom: String,
    pub kind: String,
    pub email: String,
    pub seats: i32,
    pub public: String,
    pub niveau: String,
    pub organisation: String,
    pub minor: bool,
    pub status: String,
    pub consent: String,
    pub checked_in: String,
}

impl InscriptionRow {
    pub fn new(tr: &Tr, r: &Inscription) -> InscriptionRow {
        InscriptionRow {
            code: r.code.clone(),
            nom: r.nom.clone(),
            kind: tr.t(kind_key(r.kind)),
            email: r.email.clone(),
            seats: r.seats,
            public: tr.t(r.public.label_key()),
            niveau: r.niveau.clone(),
            organisation: r.organisation_nom.clone().unwrap_or_default(),
            minor: r.is_minor,
            status: tr.t(r.status.label_key()),
            consent: match (&r.consent_by, r.consent_at) {
                (Some(by), Some(at)) => format!("{by} ({} {})", date(at), time(at)),
                _ => String::new(),
            },
            checked_in: r.checked_in_at.map(time).unwrap_or_default(),
        }
    }
}

pub(crate) fn kind_key(kind: InscriptionKind) -> &'static str {
    match kind {
        InscriptionKind::Personne => "inscription-kind-personne",
        InscriptionKind::Classe => "inscription-kind-classe",
    }
}

/// What a participant is told about their registration's state.
pub(crate) fn status_message_key(status: InscriptionStatus) -> &'static str {
    match status {
        InscriptionStatus::Confirmee => "ticket-status-confirmee",
        InscriptionStatus::AttenteConsentement => "ticket-status-attente_consentement",
        InscriptionStatus::ListeAttente => "ticket-status-liste_attente",
        InscriptionStatus::Annulee => "ticket-status-annulee",
    }
}
