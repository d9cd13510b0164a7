//! The e-mails of the library, each in its recipient's language, queued
//! in the transaction of the change they tell about.

use campus_domain::ressource::ActionModeration;
use campus_store::outbox::OutgoingMail;
use campus_store::ressources::Ressource;
use campus_store::users::User;

use crate::i18n::{Lang, Tr};
use crate::state::AppState;

fn link(state: &AppState, id: i32) -> String {
    format!("{}/ressources/{id}", state.config.base_url())
}

/// Tells the author the campus team's decision: approved, or sent back
/// with its reason.
pub(crate) fn decision(
    state: &AppState,
    user: &User,
    r: &Ressource,
    action: ActionModeration,
    motif: &str,
) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&user.locale).unwrap_or_default());
    let (subject, body) = match action {
        ActionModeration::Renvoyer => (
            "mail-ressource-renvoyee-subject",
            "mail-ressource-renvoyee-body",
        ),
        _ => (
            "mail-ressource-approuvee-subject",
            "mail-ressource-approuvee-body",
        ),
    };
    OutgoingMail {
        to: user.email.as_str().to_owned(),
        subject: tr.ts(subject, "titre", &r.titre),
        body: tr.tv(
            body,
            &[
                ("nom", &user.display_name),
                ("titre", &r.titre),
                ("motif", motif),
                ("lien", &link(state, r.id)),
            ],
        ),
    }
}

/// Tells the author their resource's link no longer answers.
pub(crate) fn lien_casse(state: &AppState, user: &User, r: &Ressource) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&user.locale).unwrap_or_default());
    OutgoingMail {
        to: user.email.as_str().to_owned(),
        subject: tr.ts("mail-ressource-lien-casse-subject", "titre", &r.titre),
        body: tr.tv(
            "mail-ressource-lien-casse-body",
            &[
                ("nom", &user.display_name),
                ("titre", &r.titre),
                ("adresse", r.lien.as_deref().unwrap_or_default()),
                ("lien", &format!("{}/modifier", link(state, r.id))),
            ],
        ),
    }
}
