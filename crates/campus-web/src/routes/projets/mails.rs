//! The e-mails of projects, each in its recipient's language, queued in
//! the transaction of the change they tell about.

use campus_domain::Email;
use campus_domain::projet::{EtapeProjet, RoleMembre};
use campus_store::outbox::OutgoingMail;
use campus_store::projets::Projet;
use campus_store::users::User;

use crate::i18n::{Lang, Tr};
use crate::routes::modules::mails::Recipient;
use crate::state::AppState;

fn link(state: &AppState, slug: &str) -> String {
    format!("{}/projets/{slug}", state.config.base_url())
}

/// Tells someone with an account they joined a project.
pub(crate) fn ajout(
    state: &AppState,
    user: &User,
    p: &Projet,
    role: RoleMembre,
    par: &str,
) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&user.locale).unwrap_or_default());
    OutgoingMail {
        to: user.email.as_str().to_owned(),
        subject: tr.ts("mail-projet-ajout-subject", "titre", &p.titre),
        body: tr.tv(
            "mail-projet-ajout-body",
            &[
                ("nom", &user.display_name),
                ("titre", &p.titre),
                ("role", &tr.t(role.label_key())),
                ("par", par),
                ("lien", &link(state, &p.slug)),
            ],
        ),
    }
}

/// Invites someone without an account: the link sets their password,
/// then the project is theirs to read.
pub(crate) fn invitation(
    state: &AppState,
    tr: &Tr,
    (email, nom): (&Email, &str),
    p: &Projet,
    role: RoleMembre,
    par: &str,
    token: &str,
) -> OutgoingMail {
    let invitation = format!("{}/invitation?jeton={token}", state.config.base_url());
    OutgoingMail {
        to: email.as_str().to_owned(),
        subject: tr.ts("mail-projet-invitation-subject", "titre", &p.titre),
        body: tr.tv(
            "mail-projet-invitation-body",
            &[
                ("nom", nom),
                ("titre", &p.titre),
                ("role", &tr.t(role.label_key())),
                ("par", par),
                ("invitation", &invitation),
                ("lien", &link(state, &p.slug)),
            ],
        ),
    }
}

/// A stage's news (`event`: `soumise`, `validee`, `modifications`) to
/// each recipient once.
pub(crate) fn etape(
    state: &AppState,
    recipients: &[Recipient],
    event: &str,
    p: &Projet,
    etape: EtapeProjet,
    note: &str,
) -> Vec<OutgoingMail> {
    let mut seen: Vec<&str> = Vec::new();
    let mut mails = Vec::new();
    for to in recipients {
        if seen.contains(&to.email.as_str()) {
            continue;
        }
        seen.push(&to.email);
        let tr = Tr::new(Lang::parse(&to.locale).unwrap_or_default());
        mails.push(OutgoingMail {
            to: to.email.clone(),
            subject: tr.ts(&format!("mail-projet-{event}-subject"), "titre", &p.titre),
            body: tr.tv(
                &format!("mail-projet-{event}-body"),
                &[
                    ("titre", &p.titre),
                    ("etape", &tr.t(etape.label_key())),
                    ("note", note),
                    ("lien", &link(state, &p.slug)),
                ],
            ),
        });
    }
    mails
}

/// The project's leads, to write to.
pub(crate) async fn porteurs(
    state: &AppState,
    p: &Projet,
) -> crate::error::AppResult<Vec<Recipient>> {
    let mut out = Vec::new();
    for m in p.porteurs() {
        let user = state.store.user(m.user_id).await?;
        if !user.disabled {
            out.push(Recipient::from(&user));
        }
    }
    Ok(out)
}

/// A milestone's reminder to a lead.
pub(crate) fn rappel_jalon(
    state: &AppState,
    (email, nom): (&str, &str),
    titre_projet: &str,
    slug: &str,
    jalon: &str,
    echeance: &str,
) -> OutgoingMail {
    let tr = Tr::new(Lang::default());
    OutgoingMail {
        to: email.to_owned(),
        subject: tr.ts("mail-projet-jalon-subject", "jalon", jalon),
        body: tr.tv(
            "mail-projet-jalon-body",
            &[
                ("nom", nom),
                ("titre", titre_projet),
                ("jalon", jalon),
                ("echeance", echeance),
                ("lien", &link(state, slug)),
            ],
        ),
    }
}
