//! The e-mails of applications: to the candidate at every step, to the
//! recruiters when an application arrives and when it waits for an
//! answer. Each is written in its recipient's language and queued in the
//! step's transaction (the mail outbox), with the link to the application.

use campus_domain::insertion::EtatCandidature;
use campus_store::insertion::{Candidature, Offre};
use campus_store::outbox::OutgoingMail;

use crate::error::AppResult;
use crate::i18n::{Lang, Tr};
use crate::routes::modules::mails::Recipient;
use crate::state::AppState;

/// What a message is about.
struct About<'a> {
    offre: &'a Offre,
    candidature_id: i32,
    candidat: &'a str,
    /// The candidate is a pupil whose school has not agreed yet: the
    /// company's messages do not name them.
    anonyme: bool,
}

impl<'a> About<'a> {
    fn of(offre: &'a Offre, c: &'a Candidature, nom: &'a str) -> About<'a> {
        About {
            offre,
            candidature_id: c.id,
            candidat: nom,
            anonyme: offre.type_offre.is_for_minors() && c.accord_ecole_le.is_none(),
        }
    }
}

fn write(
    state: &AppState,
    to: &Recipient,
    key: &str,
    about: &About<'_>,
    extra: &[(&'static str, &str)],
) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&to.locale).unwrap_or_default());
    let link = format!(
        "{}/candidatures/{}",
        state.config.base_url(),
        about.candidature_id
    );
    let employeur = about.offre.employeur.clone().unwrap_or_default();
    let eleve = tr.t("candidature-eleve");
    let candidat = if about.anonyme {
        eleve.as_str()
    } else {
        about.candidat
    };
    let mut args: Vec<(&'static str, &str)> = vec![
        ("offre", about.offre.intitule.as_str()),
        ("employeur", employeur.as_str()),
        ("candidat", candidat),
        ("lien", link.as_str()),
    ];
    args.extend_from_slice(extra);
    OutgoingMail {
        to: to.email.clone(),
        subject: tr.ts(
            &format!("mail-{key}-subject"),
            "offre",
            &about.offre.intitule,
        ),
        body: tr.tv(&format!("mail-{key}-body"), &args),
    }
}

/// The people who answer for an offer: its contact address and the
/// active members of its company, each once.
pub(crate) async fn recruiters(state: &AppState, offre: &Offre) -> AppResult<Vec<Recipient>> {
    let mut out: Vec<Recipient> = Vec::new();
    if let Some(email) = &offre.contact_email {
        out.push(Recipient {
            email: email.clone(),
            locale: "fr".to_owned(),
        });
    }
    if let Some(org) = offre.organisation_id {
        for m in state.store.members(org).await? {
            if !m.user.disabled && !out.iter().any(|r| r.email == m.user.email.as_str()) {
                out.push(Recipient::from(&m.user));
            }
        }
    }
    Ok(out)
}

/// The new application, to the recruiters; its receipt, to the candidate.
pub(crate) fn sent(
    state: &AppState,
    offre: &Offre,
    recruiters: &[Recipient],
    candidat: &Recipient,
    candidat_nom: &str,
    id: i32,
) -> Vec<OutgoingMail> {
    let about = About {
        offre,
        candidature_id: id,
        candidat: candidat_nom,
        anonyme: offre.type_offre.is_for_minors(),
    };
    let mut mails: Vec<OutgoingMail> = recruiters
        .iter()
        .map(|r| write(state, r, "candidature-recue", &about, &[]))
        .collect();
    let own = About {
        anonyme: false,
        ..about
    };
    mails.push(write(state, candidat, "candidature-envoyee", &own, &[]));
    mails
}

/// The candidate's message for the step that led to `etat`, with the
/// reason's label when not retained.
pub(crate) fn step(
    state: &AppState,
    offre: &Offre,
    c: &Candidature,
    etat: EtatCandidature,
    motif: Option<&str>,
) -> Vec<OutgoingMail> {
    let (Some(email), Some(nom)) = (&c.candidat_email, &c.candidat_nom) else {
        return Vec::new();
    };
    let to = Recipient {
        email: email.clone(),
        locale: "fr".to_owned(),
    };
    let tr = Tr::new(Lang::parse(&to.locale).unwrap_or_default());
    let motif = motif.map(|m| tr.t(m)).unwrap_or_default();
    let about = About {
        anonyme: false,
        ..About::of(offre, c, nom)
    };
    vec![write(
        state,
        &to,
        &format!("candidature-{}", etat.as_str().replace('_', "-")),
        &about,
        &[("motif", motif.as_str())],
    )]
}

/// A withdrawal, to the recruiters.
pub(crate) fn withdrawn(
    state: &AppState,
    offre: &Offre,
    c: &Candidature,
    recruiters: &[Recipient],
) -> Vec<OutgoingMail> {
    let nom = c.candidat_nom.clone().unwrap_or_default();
    let about = About::of(offre, c, &nom);
    recruiters
        .iter()
        .map(|r| write(state, r, "candidature-retiree-recruteur", &about, &[]))
        .collect()
}

/// A reminder to the recruiters of an application without an answer:
/// `rank` 1 at day 7, 2 at day 15, or the candidate's own reminder.
pub(crate) fn reminder(
    state: &AppState,
    offre: &Offre,
    c: &Candidature,
    recruiters: &[Recipient],
    key: &str,
) -> Vec<OutgoingMail> {
    let nom = c.candidat_nom.clone().unwrap_or_default();
    let jours = (state.clock.now() - c.created_at).num_days().to_string();
    let about = About::of(offre, c, &nom);
    recruiters
        .iter()
        .map(|r| write(state, r, key, &about, &[("jours", jours.as_str())]))
        .collect()
}
