//! The e-mails of news and of the newsletter, in French (the newsletter's
//! subscribers have no account whose language could be read).

use campus_domain::actualite::ActionActualite;
use campus_store::actualites::{Abonnement, Actualite, Numero};
use campus_store::outbox::OutgoingMail;

use crate::i18n::Tr;
use crate::state::AppState;

/// Tells the author what the campus team decided, if the item has one
/// with an address (an erased author is told nothing).
pub(crate) fn decision(
    state: &AppState,
    a: &Actualite,
    action: ActionActualite,
    motif: Option<&str>,
) -> Option<OutgoingMail> {
    let to = a.auteur_email.clone()?;
    let tr = Tr::default();
    let lien = format!("{}/actualites/{}", state.config.base_url(), a.slug);
    let key = match action {
        ActionActualite::Publier => "mail-actualite-publiee",
        ActionActualite::Renvoyer => "mail-actualite-renvoyee",
        ActionActualite::Retirer => "mail-actualite-retiree",
        ActionActualite::Resoumettre => return None,
    };
    Some(OutgoingMail {
        to,
        subject: tr.ts(&format!("{key}-subject"), "titre", &a.titre),
        body: tr.tv(
            &format!("{key}-body"),
            &[
                ("titre", &a.titre),
                ("motif", motif.unwrap_or_default()),
                ("lien", &lien),
            ],
        ),
    })
}

/// The confirmation of a subscription: the signed link that confirms it.
pub(crate) fn confirmation(email: &str, lien: &str) -> OutgoingMail {
    let tr = Tr::default();
    OutgoingMail {
        to: email.to_owned(),
        subject: tr.t("mail-lettre-confirmation-subject"),
        body: tr.ts("mail-lettre-confirmation-body", "lien", lien),
    }
}

/// One subscriber's copy of an issue, and its one-click unsubscribe
/// address (also written in the body).
pub(crate) fn numero(
    state: &AppState,
    n: &Numero,
    actualites: &[Actualite],
    abonne: &Abonnement,
) -> (OutgoingMail, String) {
    let tr = Tr::default();
    let base = state.config.base_url();
    let desabonnement = super::lettre::lien_desabonnement(state, abonne);
    let mut body = String::new();
    body.push_str(n.introduction.trim());
    body.push_str("\n\n");
    for a in actualites {
        body.push_str(&format!(
            "— {}\n{}\n{base}/actualites/{}\n\n",
            a.titre, a.resume, a.slug
        ));
    }
    body.push_str(&tr.ts("mail-lettre-pied", "lien", &desabonnement));
    (
        OutgoingMail {
            to: abonne.email.clone(),
            subject: n.objet.clone(),
            body,
        },
        desabonnement,
    )
}
