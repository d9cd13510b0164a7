//! The e-mails of the events feature. Each is built inside the
//! transaction of the change that causes it (see the store's
//! registrations), from the stored registration, so that its links carry
//! the registration's id.

use campus_domain::evenement::InscriptionStatus;
use campus_store::evenements::Evenement;
use campus_store::evenements::inscriptions::{Cancelled, Inscription, InscriptionKind};
use campus_store::outbox::OutgoingMail;

use super::links;
use super::view::{place, safety_lines, when};
use crate::i18n::Tr;
use crate::state::AppState;

/// What every event e-mail repeats: title, time, place.
fn about(tr: &Tr, event: &Evenement) -> String {
    tr.tv(
        "mail-evenement-about",
        &[
            ("title", &event.titre),
            ("when", &when(tr, event)),
            ("place", &place(event)),
        ],
    )
}

fn mail(to: &str, subject: String, body: String) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject,
        body,
    }
}

/// The mail to the parent of a minor whose seat waits for consent.
fn consent_request(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    r: &Inscription,
) -> Option<OutgoingMail> {
    let parent = r.parent_email.as_deref()?;
    let mut safety = safety_lines(tr, event).join("\n");
    if safety.is_empty() {
        safety = tr.t("mail-evenement-no-safety");
    }
    Some(mail(
        parent,
        tr.ts("mail-consent-subject", "title", &event.titre),
        tr.tv(
            "mail-consent-body",
            &[
                ("name", &r.nom),
                ("about", &about(tr, event)),
                ("organiser", &event.organiser.nom),
                ("safety", &safety),
                (
                    "link",
                    &links::absolute(state, &links::consent(state, r.id)),
                ),
            ],
        ),
    ))
}

/// The mails that follow a registration (or a promotion from the
/// waitlist, when `promoted`).
pub(crate) fn after_inscription(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    r: &Inscription,
    promoted: bool,
) -> Vec<OutgoingMail> {
    let ticket = links::absolute(state, &links::ticket(state, r.id));
    let seats = r.seats.max(0) as u64;
    let key = match (r.status, promoted) {
        (InscriptionStatus::ListeAttente, _) => "mail-inscription-waitlist",
        (InscriptionStatus::AttenteConsentement, false) => "mail-inscription-consent-pending",
        (InscriptionStatus::AttenteConsentement, true) => "mail-promoted-consent-pending",
        (_, true) => "mail-promoted",
        (_, false) if r.kind == InscriptionKind::Classe => "mail-inscription-class",
        _ => "mail-inscription-confirmed",
    };
    let subject_key = match (r.status, promoted) {
        (InscriptionStatus::ListeAttente, _) => "mail-inscription-waitlist-subject",
        (_, true) => "mail-promoted-subject",
        _ => "mail-inscription-subject",
    };
    let mut body = tr.tv(
        key,
        &[
            ("name", &r.nom),
            ("about", &about(tr, event)),
            ("code", &r.code),
            ("seats", &seats.to_string()),
            ("link", &ticket),
        ],
    );
    if r.user_id.is_none() && !promoted {
        // Anyone can type any address in the public form: its owner is
        // told how to undo a registration they did not make.
        body.push_str("\n\n");
        body.push_str(&tr.ts("mail-inscription-pas-moi", "link", &ticket));
    }
    let mut out = vec![mail(
        &r.email,
        tr.ts(subject_key, "title", &event.titre),
        body,
    )];
    if r.status == InscriptionStatus::AttenteConsentement
        && let Some(request) = consent_request(state, tr, event, r)
    {
        out.push(request);
    }
    out
}

/// The mails of a cancellation: to the person who cancelled, and to each
/// person seated from the waitlist.
pub(crate) fn after_cancellation(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    outcome: &Cancelled,
) -> Vec<OutgoingMail> {
    if !outcome.changed {
        return vec![];
    }
    let r = &outcome.registration;
    let mut out = vec![mail(
        &r.email,
        tr.ts("mail-cancelled-subject", "title", &event.titre),
        tr.tv(
            "mail-cancelled-body",
            &[("name", &r.nom), ("about", &about(tr, event))],
        ),
    )];
    for promoted in &outcome.promoted {
        out.extend(after_inscription(state, tr, event, promoted, true));
    }
    out
}

/// The mails of a parent's consent: to the registrant and the parent.
pub(crate) fn after_consent(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    r: &Inscription,
) -> Vec<OutgoingMail> {
    let mut out = after_inscription(state, tr, event, r, false);
    if let Some(parent) = &r.parent_email {
        out.push(mail(
            parent,
            tr.ts("mail-consent-recorded-subject", "title", &event.titre),
            tr.tv(
                "mail-consent-recorded-body",
                &[("name", &r.nom), ("about", &about(tr, event))],
            ),
        ));
    }
    out
}

/// The reminder before the event.
pub(crate) fn reminder(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    r: &Inscription,
) -> OutgoingMail {
    let mut safety = safety_lines(tr, event).join("\n");
    if safety.is_empty() {
        safety = tr.t("mail-evenement-no-safety");
    }
    mail(
        &r.email,
        tr.ts("mail-reminder-subject", "title", &event.titre),
        tr.tv(
            "mail-reminder-body",
            &[
                ("name", &r.nom),
                ("about", &about(tr, event)),
                ("code", &r.code),
                ("safety", &safety),
                ("link", &links::absolute(state, &links::ticket(state, r.id))),
            ],
        ),
    )
}

/// The invitation to the satisfaction survey.
pub(crate) fn survey(
    state: &AppState,
    tr: &Tr,
    event: &Evenement,
    r: &Inscription,
) -> OutgoingMail {
    mail(
        &r.email,
        tr.ts("mail-survey-subject", "title", &event.titre),
        tr.tv(
            "mail-survey-body",
            &[
                ("name", &r.nom),
                ("title", &event.titre),
                ("link", &links::absolute(state, &links::survey(state, r.id))),
            ],
        ),
    )
}
