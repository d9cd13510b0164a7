//! The e-mails of a request's steps. Each is written in its recipient's
//! language and queued in the same transaction as the step (the data layer
//! drops them if the step is refused), with the link to the request.

use campus_domain::Role;
use campus_store::modules::ModuleRequest;
use campus_store::outbox::OutgoingMail;
use campus_store::users::{User, UserFilter};

use crate::error::AppResult;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;

/// Someone to write to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Recipient {
    pub email: String,
    pub locale: String,
}

impl From<&User> for Recipient {
    fn from(u: &User) -> Self {
        Recipient {
            email: u.email.as_str().to_owned(),
            locale: u.locale.clone(),
        }
    }
}

/// The request a message is about.
#[derive(Clone, Copy, Debug)]
pub(crate) struct About<'a> {
    pub id: i32,
    pub intitule: &'a str,
    pub organisation: &'a str,
}

impl<'a> From<&'a ModuleRequest> for About<'a> {
    fn from(r: &'a ModuleRequest) -> Self {
        About {
            id: r.id,
            intitule: &r.intitule,
            organisation: &r.organisation_nom,
        }
    }
}

/// The step's message for each recipient (each address once).
/// `event` names the messages `mail-module-{event}-subject` and `-body`.
pub(crate) fn compose<'a>(
    state: &AppState,
    recipients: &[Recipient],
    event: &str,
    r: impl Into<About<'a>>,
    note: &str,
) -> Vec<OutgoingMail> {
    let r: About<'a> = r.into();
    let link = format!("{}/modules/demandes/{}", state.config.base_url(), r.id);
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
            subject: tr.ts(
                &format!("mail-module-{event}-subject"),
                "intitule",
                r.intitule,
            ),
            body: tr.tv(
                &format!("mail-module-{event}-body"),
                &[
                    ("intitule", r.intitule),
                    ("organisation", r.organisation),
                    ("lien", &link),
                    ("note", note),
                ],
            ),
        });
    }
    mails
}

/// The campus team's active accounts.
pub(crate) async fn staff(state: &AppState) -> AppResult<Vec<Recipient>> {
    let (users, _) = state
        .store
        .list_users(&UserFilter {
            role: Some(Role::EquipeCampus),
            per_page: 200,
            ..Default::default()
        })
        .await?;
    Ok(users
        .iter()
        .filter(|u| !u.disabled)
        .map(Recipient::from)
        .collect())
}

/// The requesting company's active members.
pub(crate) async fn company(state: &AppState, r: &ModuleRequest) -> AppResult<Vec<Recipient>> {
    Ok(state
        .store
        .members(r.organisation_id)
        .await?
        .iter()
        .filter(|m| !m.user.disabled)
        .map(|m| Recipient::from(&m.user))
        .collect())
}
