//! The e-mails a mobility adds to the insertion pipeline's: the signed
//! link to the parent of a minor and to the host's contact (neither has
//! an account, so they are written in French), and the learner told of
//! each approval and of the parent's answer. Each is queued in the
//! transaction of the change that sends it.

use campus_domain::mobilite::Pays;
use campus_store::mobilite::OffreMobilite;
use campus_store::outbox::OutgoingMail;
use campus_store::users::User;

use crate::i18n::{Lang, Tr};
use crate::signed::{Purpose, sign};
use crate::state::AppState;

/// The host's page, signed.
pub(crate) fn lien_accueil(state: &AppState, id: i32) -> String {
    let id = id.to_string();
    format!(
        "{}/mobilite/accueil/{id}?signature={}",
        state.config.base_url(),
        sign(&state.csrf_key, Purpose::MobilityHost, &id)
    )
}

/// The parent's page, signed.
pub(crate) fn lien_consentement(state: &AppState, id: i32) -> String {
    let id = id.to_string();
    format!(
        "{}/mobilite/consentement/{id}?signature={}",
        state.config.base_url(),
        sign(&state.csrf_key, Purpose::MobilityParentalConsent, &id)
    )
}

fn facts(o: &OffreMobilite, tr: &Tr) -> Vec<(&'static str, String)> {
    vec![
        ("offre", o.offre.intitule.clone()),
        ("hote", o.offre.employeur.clone().unwrap_or_default()),
        ("ville", o.offre.commune_nom.clone()),
        ("pays", Pays::nom(&o.pays).to_owned()),
        ("debut", tr.date(o.periode.debut)),
        ("fin", tr.date(o.periode.fin)),
    ]
}

fn write(to: &str, tr: &Tr, key: &str, args: Vec<(&'static str, String)>) -> OutgoingMail {
    let refs: Vec<(&'static str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    OutgoingMail {
        to: to.to_owned(),
        subject: tr.tv(&format!("mail-{key}-subject"), &refs),
        body: tr.tv(&format!("mail-{key}-body"), &refs),
    }
}

/// To the parent of a minor: the mobility and the link to consent.
pub(crate) fn consentement_demande(
    state: &AppState,
    parent: &str,
    candidat: &str,
    o: &OffreMobilite,
    id: i32,
) -> OutgoingMail {
    let tr = Tr::new(Lang::Fr);
    let mut args = facts(o, &tr);
    args.push(("candidat", candidat.to_owned()));
    args.push(("lien", lien_consentement(state, id)));
    write(parent, &tr, "mobilite-consentement", args)
}

/// To the host's contact, once the school approved: the learning
/// agreement to approve through the signed link.
pub(crate) fn accueil_demande(
    state: &AppState,
    contact: &str,
    candidat: &str,
    o: &OffreMobilite,
    id: i32,
) -> OutgoingMail {
    let tr = Tr::new(Lang::Fr);
    let mut args = facts(o, &tr);
    args.push(("candidat", candidat.to_owned()));
    args.push(("lien", lien_accueil(state, id)));
    write(contact, &tr, "mobilite-accueil", args)
}

/// To the learner: a step of their mobility (`key` names it).
pub(crate) fn au_candidat(
    state: &AppState,
    candidat: &User,
    key: &str,
    o: &OffreMobilite,
    id: i32,
) -> OutgoingMail {
    let tr = Tr::new(Lang::parse(&candidat.locale).unwrap_or_default());
    let mut args = facts(o, &tr);
    args.push((
        "lien",
        format!("{}/mobilite/candidatures/{id}", state.config.base_url()),
    ));
    write(candidat.email.as_str(), &tr, key, args)
}
