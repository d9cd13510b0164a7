//! The e-mails of requests, each in its recipient's language, queued in
//! the transaction of the change they tell about. The expert's address
//! reaches the requester only in the message of an acceptance.

use campus_domain::expertise::EtatReponse;
use campus_store::expertise::{Demande, Destinataire, Expert};
use campus_store::outbox::OutgoingMail;

use super::demandes::lien_reponse;
use crate::i18n::{Lang, Tr};
use crate::routes::modules::mails::Recipient;
use crate::state::AppState;

fn periode(tr: &Tr, d: &Demande) -> String {
    if d.debut == d.fin {
        tr.date(d.debut)
    } else {
        format!("{} – {}", tr.date(d.debut), tr.date(d.fin))
    }
}

fn lieu(tr: &Tr, d: &Demande) -> String {
    d.lieu.clone().unwrap_or_else(|| tr.t("demande-a-distance"))
}

/// The request, to an expert it is sent to, with the signed link to
/// answer.
pub(crate) fn demande(state: &AppState, d: &Demande, e: &Expert, par: &str) -> OutgoingMail {
    let tr = Tr::default();
    OutgoingMail {
        to: e.email.clone(),
        subject: tr.ts("mail-demande-subject", "sujet", &d.sujet),
        body: tr.tv(
            "mail-demande-body",
            &[
                ("nom", &e.nom),
                ("par", par),
                ("sujet", &d.sujet),
                ("offre", &tr.t(d.offre.label_key())),
                ("public", &tr.t(d.public.label_key())),
                ("periode", &periode(&tr, d)),
                ("lieu", &lieu(&tr, d)),
                ("message", &d.message),
                ("lien", &lien_reponse(state, d.id, e.id)),
            ],
        ),
    }
}

/// An expert's answer, to the requester.
pub(crate) fn reponse(
    state: &AppState,
    d: &Demande,
    r: &Destinataire,
    etat: EtatReponse,
    message: &str,
) -> Vec<OutgoingMail> {
    let Some(to) = d.demandeur_email.clone() else {
        return Vec::new();
    };
    let tr = Tr::default();
    let lien = format!("{}/demandes-expertise/{}", state.config.base_url(), d.id);
    let (subject, body) = if etat == EtatReponse::Acceptee {
        (
            "mail-demande-acceptee-subject",
            "mail-demande-acceptee-body",
        )
    } else {
        (
            "mail-demande-declinee-subject",
            "mail-demande-declinee-body",
        )
    };
    vec![OutgoingMail {
        to,
        subject: tr.ts(subject, "nom", &r.nom),
        body: tr.tv(
            body,
            &[
                ("nom", &r.nom),
                ("email", &r.email),
                ("sujet", &d.sujet),
                ("message", message),
                ("lien", &lien),
            ],
        ),
    }]
}

/// The reminder to an expert who has not answered.
pub(crate) fn relance(state: &AppState, d: &Demande, r: &Destinataire) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&r.locale).unwrap_or_default());
    OutgoingMail {
        to: r.email.clone(),
        subject: tr.ts("mail-demande-relance-subject", "sujet", &d.sujet),
        body: tr.tv(
            "mail-demande-relance-body",
            &[
                ("nom", &r.nom),
                ("sujet", &d.sujet),
                ("periode", &periode(&tr, d)),
                ("lien", &lien_reponse(state, d.id, r.expert_id)),
            ],
        ),
    }
}

/// The campus team told of a request still unanswered after the reminder.
pub(crate) fn escalade(
    state: &AppState,
    staff: &[Recipient],
    d: &Demande,
    r: &Destinataire,
) -> Vec<OutgoingMail> {
    let lien = format!("{}/demandes-expertise/{}", state.config.base_url(), d.id);
    staff
        .iter()
        .map(|to| {
            let tr = Tr::new(Lang::parse(&to.locale).unwrap_or_default());
            OutgoingMail {
                to: to.email.clone(),
                subject: tr.ts("mail-demande-escalade-subject", "sujet", &d.sujet),
                body: tr.tv(
                    "mail-demande-escalade-body",
                    &[
                        ("expert", &r.nom),
                        ("demandeur", &d.demandeur_nom.clone().unwrap_or_default()),
                        ("sujet", &d.sujet),
                        ("lien", &lien),
                    ],
                ),
            }
        })
        .collect()
}
