//! The technology platform's scheduled work: warning holders and managers
//! before a habilitation expires (see
//! [`campus_store::equipements::avertissements`]).

use campus_store::equipements::{Destinataire, HabilitationAAvertir};
use campus_store::outbox::OutgoingMail;
use chrono::{DateTime, Utc};

use crate::error::AppResult;
use crate::i18n::{Lang, Tr};
use crate::routes::insertion::jobs::legal_date;
use crate::state::AppState;

/// The e-mails of one warning: to the holder, and to each manager, each
/// in their language.
fn mails(state: &AppState, h: &HabilitationAAvertir) -> Vec<OutgoingMail> {
    let lien = format!("{}/equipements", state.config.base_url());
    let mut out = Vec::new();
    let mail = |to: &Destinataire, subject: &str, body: &str| {
        let tr = Tr::new(Lang::parse(&to.locale).unwrap_or_default());
        let categorie = tr.t(h.categorie.label_key());
        let date = tr.date(h.expire_le);
        let values = [
            ("nom", to.nom.as_str()),
            ("titulaire", h.titulaire.nom.as_str()),
            ("categorie", categorie.as_str()),
            ("date", date.as_str()),
            ("equipements", &h.equipements.join(", ")),
            ("lien", lien.as_str()),
        ];
        OutgoingMail {
            to: to.email.clone(),
            subject: tr.tv(subject, &values),
            body: tr.tv(body, &values),
        }
    };
    out.push(mail(
        &h.titulaire,
        "mail-habilitation-expire-subject",
        "mail-habilitation-expire-body",
    ));
    out.extend(h.gestionnaires.iter().map(|g| {
        mail(
            g,
            "mail-habilitation-expire-manager-subject",
            "mail-habilitation-expire-manager-body",
        )
    }));
    out
}

/// Warns the holders of the habilitations expiring within 30 days at
/// `now`, and the managers of the equipment they give access to, once
/// each; returns how many habilitations were warned of.
pub async fn send_habilitation_warnings(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let store = state.store.equipements();
    let mut sent = 0;
    for h in store.habilitations_a_avertir(legal_date(now)).await? {
        if store
            .habilitation_avertie(h.id, h.expire_le, mails(state, &h))
            .await?
        {
            sent += 1;
        }
    }
    if sent > 0 {
        state.mail_queued.notify_one();
    }
    Ok(sent)
}
