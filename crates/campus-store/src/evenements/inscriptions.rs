//! Registrations to events: seats, waitlist, parental consent, check-in.
//!
//! The rules, and where each is enforced:
//! - **capacity**: a registration takes its seats with one conditional
//!   update of the event's counter (`seats_taken + n <= capacity`), and a
//!   check constraint forbids any other outcome; two nodes registering at
//!   the same moment cannot both take the last seat.
//! - **arrival order**: a request is seated only while nobody waits
//!   (`waiting_count = 0` in the same update); otherwise it joins the
//!   waitlist, ordered by its id. A class is one request for N seats: it is
//!   seated whole or waits whole, never split. Promotion takes the head of
//!   the waitlist while it fits and stops at the first that does not, so
//!   nobody overtakes a class waiting for its seats.
//! - **one active registration** per person (or per teacher and class) and
//!   event: a unique key on `(evenement_id, active_key)`.
//! - **minors**: a minor registering on their own holds a seat in
//!   `attente_consentement` until a parent consents through the signed link
//!   sent to them. A class registered by its teacher is confirmed at once:
//!   the teacher certifies that the school collected the parents'
//!   authorisations for the outing, as for any school trip.
//! - every operation is one transaction, which takes the event's row lock
//!   first: operations on one event are serialised in the same order on
//!   both databases, and the e-mails they cause are queued in the same
//!   transaction (a failure anywhere leaves nothing behind).

use campus_domain::Email;
use campus_domain::evenement::{Audience, InscriptionStatus};
use chrono::{DateTime, Utc};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::StoreError;
use crate::entity::{evenement, evenement_inscription as reg};
use crate::outbox::{self, OutgoingMail};

/// Who registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InscriptionKind {
    /// One person, for themselves.
    Personne,
    /// A teacher, for a whole class.
    Classe,
}

impl InscriptionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InscriptionKind::Personne => "personne",
            InscriptionKind::Classe => "classe",
        }
    }

    fn parse(s: &str) -> Option<InscriptionKind> {
        match s {
            "personne" => Some(InscriptionKind::Personne),
            "classe" => Some(InscriptionKind::Classe),
            _ => None,
        }
    }
}

/// A registration request, validated by the caller.
#[derive(Clone, Debug)]
pub struct NewInscription {
    pub evenement_id: i32,
    pub user_id: Option<i32>,
    pub kind: InscriptionKind,
    /// The person's name, or the class's name (« 3e B, collège Jean Zay »).
    pub nom: String,
    /// Where confirmations go: the person, or the teacher.
    pub email: Email,
    /// 1 for a person, the number of pupils for a class.
    pub seats: i32,
    /// Public, level and organisation: recorded for the campus's evaluation.
    pub public: Audience,
    pub niveau: String,
    pub organisation_nom: Option<String>,
    pub is_minor: bool,
    pub parent_email: Option<Email>,
}

/// A registration as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inscription {
    pub id: i32,
    pub evenement_id: i32,
    pub user_id: Option<i32>,
    /// Short code shown at the door.
    pub code: String,
    pub kind: InscriptionKind,
    pub nom: String,
    pub email: String,
    pub seats: i32,
    pub public: Audience,
    pub niveau: String,
    pub organisation_nom: Option<String>,
    pub is_minor: bool,
    pub parent_email: Option<String>,
    pub status: InscriptionStatus,
    pub consent_at: Option<DateTime<Utc>>,
    pub consent_by: Option<String>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<reg::Model> for Inscription {
    type Error = StoreError;

    fn try_from(m: reg::Model) -> Result<Self, Self::Error> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("inscription {} : {what}", m.id));
        Ok(Inscription {
            kind: InscriptionKind::parse(&m.kind).ok_or_else(|| corrupt("type"))?,
            public: Audience::parse(&m.public).map_err(|_| corrupt("public"))?,
            status: InscriptionStatus::parse(&m.status).map_err(|_| corrupt("statut"))?,
            id: m.id,
            evenement_id: m.evenement_id,
            user_id: m.user_id,
            code: m.code,
            nom: m.nom,
            email: m.email,
            seats: m.seats,
            niveau: m.niveau,
            organisation_nom: m.organisation_nom,
            is_minor: m.is_minor,
            parent_email: m.parent_email,
            consent_at: m.consent_at,
            consent_by: m.consent_by,
            checked_in_at: m.checked_in_at,
            created_at: m.created_at,
        })
    }
}

/// Why a registration was refused.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The event has started (or does not exist any more).
    #[error("inscriptions closes")]
    Closed,
    /// The same person (or the same class of the same teacher) is already
    /// registered.
    #[error("déjà inscrit")]
    Duplicate,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for RegisterError {
    fn from(err: sea_orm::DbErr) -> Self {
        RegisterError::Store(err.into())
    }
}

/// Why a check-in was refused.
#[derive(Debug, thiserror::Error)]
pub enum CheckInError {
    #[error("code inconnu")]
    UnknownCode,
    #[error("inscription non confirmée")]
    NotConfirmed(Inscription),
    #[error("déjà pointé")]
    AlreadyCheckedIn(Inscription),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The outcome of a cancellation.
#[derive(Clone, Debug)]
pub struct Cancelled {
    pub registration: Inscription,
    /// False when it was already cancelled (a link used twice).
    pub changed: bool,
    /// Registrations seated from the waitlist, in order.
    pub promoted: Vec<Inscription>,
}

/// Builds the e-mails of an operation inside its transaction: a failure
/// here (or any other) rolls the whole operation back.
pub type MailsFor<'a, T> = Box<dyn FnOnce(&T) -> Result<Vec<OutgoingMail>, StoreError> + Send + 'a>;

const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A short code read aloud or typed at the door: 8 characters without
/// look-alikes (0/O, 1/I), about 10¹² values, unique by a database key.
fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..8)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

fn active_key(new: &NewInscription) -> String {
    let email = new.email.as_str().to_lowercase();
    let key = match new.kind {
        InscriptionKind::Personne => format!("p:{email}"),
        InscriptionKind::Classe => format!("c:{email}:{}", new.nom.trim().to_lowercase()),
    };
    key.chars().take(400).collect()
}

/// Ends a transaction: committed if the work succeeded, rolled back
/// explicitly otherwise.
pub(crate) async fn finish<T, E: From<StoreError>>(
    txn: DatabaseTransaction,
    result: Result<T, E>,
) -> Result<T, E> {
    match result {
        Ok(value) => {
            txn.commit().await.map_err(|e| E::from(e.into()))?;
            Ok(value)
        }
        Err(err) => {
            if let Err(rollback) = txn.rollback().await {
                tracing::warn!(%rollback, "annulation de transaction en échec");
            }
            Err(err)
        }
    }
}

/// Takes the event's row lock, so that every operation on one event locks
/// the event before any of its registrations. Returns whether it exists.
async fn lock_evenement<C: ConnectionTrait>(
    conn: &C,
    evenement_id: i32,
) -> Result<bool, StoreError> {
    let result = evenement::Entity::update_many()
        .col_expr(
            evenement::Column::SeatsTaken,
            Expr::col(evenement::Column::SeatsTaken),
        )
        .filter(evenement::Column::Id.eq(evenement_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

fn seated_status(kind: InscriptionKind, is_minor: bool) -> InscriptionStatus {
    if kind == InscriptionKind::Personne && is_minor {
        InscriptionStatus::AttenteConsentement
    } else {
        InscriptionStatus::Confirmee
    }
}

/// Seats the head of the event's waitlist while it fits. The caller holds
/// the event's row lock.
pub(crate) async fn promote<C: ConnectionTrait>(
    conn: &C,
    evenement_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<Inscription>, StoreError> {
    let mut promoted = Vec::new();
    loop {
        let Some(head) = reg::Entity::find()
            .filter(reg::Column::EvenementId.eq(evenement_id))
            .filter(reg::Column::Status.eq(InscriptionStatus::ListeAttente.as_str()))
            .order_by_asc(reg::Column::Id)
            .one(conn)
            .await?
        else {
            break;
        };
        let seated = evenement::Entity::update_many()
            .col_expr(
                evenement::Column::SeatsTaken,
                Expr::col(evenement::Column::SeatsTaken).add(head.seats),
            )
            .col_expr(
                evenement::Column::WaitingCount,
                Expr::col(evenement::Column::WaitingCount).sub(1),
            )
            .filter(evenement::Column::Id.eq(evenement_id))
            .filter(
                Expr::col(evenement::Column::SeatsTaken)
                    .add(head.seats)
                    .lte(Expr::col(evenement::Column::Capacity)),
            )
            .exec(conn)
            .await?;
        if seated.rows_affected == 0 {
            break;
        }
        let head = Inscription::try_from(head)?;
        let status = seated_status(head.kind, head.is_minor);
        let moved = reg::Entity::update_many()
            .col_expr(reg::Column::Status, Expr::value(status.as_str()))
            .col_expr(reg::Column::PromotedAt, Expr::value(now))
            .filter(reg::Column::Id.eq(head.id))
            .filter(reg::Column::Status.eq(InscriptionStatus::ListeAttente.as_str()))
            .exec(conn)
            .await?;
        if moved.rows_affected != 1 {
            // Cannot happen while the event's lock is held; refuse rather
            // than leave a seat counted for nobody.
            return Err(StoreError::Conflict(
                "evenement_inscriptions.status".to_owned(),
            ));
        }
        promoted.push(Inscription { status, ..head });
    }
    Ok(promoted)
}

impl super::Evenements<'_> {
    /// Registers a person or a class: seated if the seats are free and
    /// nobody waits, on the waitlist otherwise. `mails` builds the
    /// confirmation (or consent request) from the stored registration.
    pub async fn register(
        &self,
        new: NewInscription,
        mails: MailsFor<'_, Inscription>,
    ) -> Result<Inscription, RegisterError> {
        let tx = self.write().await?;
        let result: Result<Inscription, RegisterError> = async {
            let txn = &tx;
            let now = self.now();
            let seated = evenement::Entity::update_many()
                .col_expr(
                    evenement::Column::SeatsTaken,
                    Expr::col(evenement::Column::SeatsTaken).add(new.seats),
                )
                .filter(evenement::Column::Id.eq(new.evenement_id))
                .filter(evenement::Column::StartsAt.gt(now))
                .filter(evenement::Column::WaitingCount.eq(0))
                .filter(
                    Expr::col(evenement::Column::SeatsTaken)
                        .add(new.seats)
                        .lte(Expr::col(evenement::Column::Capacity)),
                )
                .exec(txn)
                .await?;
            let status = if seated.rows_affected == 1 {
                seated_status(new.kind, new.is_minor)
            } else {
                let queued = evenement::Entity::update_many()
                    .col_expr(
                        evenement::Column::WaitingCount,
                        Expr::col(evenement::Column::WaitingCount).add(1),
                    )
                    .filter(evenement::Column::Id.eq(new.evenement_id))
                    .filter(evenement::Column::StartsAt.gt(now))
                    .filter(evenement::Column::Capacity.gte(new.seats))
                    .exec(txn)
                    .await?;
                if queued.rows_affected == 0 {
                    return Err(RegisterError::Closed);
                }
                InscriptionStatus::ListeAttente
            };
            let model = reg::ActiveModel {
                evenement_id: Set(new.evenement_id),
                user_id: Set(new.user_id),
                code: Set(new_code()),
                active_key: Set(Some(active_key(&new))),
                kind: Set(new.kind.as_str().to_owned()),
                nom: Set(new.nom.clone()),
                email: Set(new.email.as_str().to_owned()),
                seats: Set(new.seats),
                public: Set(new.public.as_str().to_owned()),
                niveau: Set(new.niveau.clone()),
                organisation_nom: Set(new.organisation_nom.clone()),
                is_minor: Set(new.is_minor),
                parent_email: Set(new.parent_email.as_ref().map(|e| e.as_str().to_owned())),
                status: Set(status.as_str().to_owned()),
                consent_at: Set(None),
                consent_by: Set(None),
                checked_in_at: Set(None),
                reminder_sent_at: Set(None),
                survey_sent_at: Set(None),
                promoted_at: Set(None),
                cancelled_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::Conflict(what) if what.contains("active") => RegisterError::Duplicate,
                other => RegisterError::Store(other),
            })?;
            let registration = Inscription::try_from(model)?;
            outbox::enqueue(txn, mails(&registration)?, now).await?;
            Ok(registration)
        }
        .await;
        finish(tx, result).await
    }

    /// Cancels a registration and seats the waitlist in order. Cancelling
    /// twice changes nothing the second time.
    pub async fn cancel_inscription(
        &self,
        id: i32,
        mails: MailsFor<'_, Cancelled>,
    ) -> Result<Cancelled, StoreError> {
        // The event of a registration never changes: read outside the
        // transaction, whose first statement then takes the event's lock.
        let evenement_id = self.registration(id).await?.evenement_id;
        let tx = self.write().await?;
        let result: Result<Cancelled, StoreError> = async {
            let txn = &tx;
            if !lock_evenement(txn, evenement_id).await? {
                return Err(StoreError::NotFound);
            }
            let now = self.now();
            let cancel = |from: &[InscriptionStatus]| {
                reg::Entity::update_many()
                    .col_expr(
                        reg::Column::Status,
                        Expr::value(InscriptionStatus::Annulee.as_str()),
                    )
                    .col_expr(reg::Column::CancelledAt, Expr::value(now))
                    .col_expr(reg::Column::ActiveKey, Expr::value(Option::<String>::None))
                    .filter(reg::Column::Id.eq(id))
                    .filter(reg::Column::Status.is_in(from.iter().map(|s| s.as_str())))
            };
            let held = cancel(&[
                InscriptionStatus::Confirmee,
                InscriptionStatus::AttenteConsentement,
            ])
            .exec(txn)
            .await?
            .rows_affected
                == 1;
            let waited = !held
                && cancel(&[InscriptionStatus::ListeAttente])
                    .exec(txn)
                    .await?
                    .rows_affected
                    == 1;
            let row = reg::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            let registration = Inscription::try_from(row)?;
            if !held && !waited {
                return Ok(Cancelled {
                    registration,
                    changed: false,
                    promoted: vec![],
                });
            }
            let counter = if held {
                (
                    evenement::Column::SeatsTaken,
                    Expr::col(evenement::Column::SeatsTaken).sub(registration.seats),
                )
            } else {
                (
                    evenement::Column::WaitingCount,
                    Expr::col(evenement::Column::WaitingCount).sub(1),
                )
            };
            evenement::Entity::update_many()
                .col_expr(counter.0, counter.1)
                .filter(evenement::Column::Id.eq(evenement_id))
                .exec(txn)
                .await?;
            // A waiting class that leaves may unblock smaller requests
            // behind it: promote in both cases.
            let promoted = promote(txn, evenement_id, now).await?;
            let outcome = Cancelled {
                registration,
                changed: true,
                promoted,
            };
            outbox::enqueue(txn, mails(&outcome)?, now).await?;
            Ok(outcome)
        }
        .await;
        finish(tx, result).await
    }

    /// Records a parent's consent: the minor's seat is confirmed. Returns
    /// `None` if the registration was not waiting for consent (already
    /// given, or cancelled).
    pub async fn record_consent(
        &self,
        id: i32,
        parent_name: &str,
        mails: MailsFor<'_, Inscription>,
    ) -> Result<Option<Inscription>, StoreError> {
        let tx = self.write().await?;
        let result: Result<Option<Inscription>, StoreError> = async {
            let txn = &tx;
            let now = self.now();
            let done = reg::Entity::update_many()
                .col_expr(
                    reg::Column::Status,
                    Expr::value(InscriptionStatus::Confirmee.as_str()),
                )
                .col_expr(reg::Column::ConsentAt, Expr::value(now))
                .col_expr(reg::Column::ConsentBy, Expr::value(parent_name.to_owned()))
                .filter(reg::Column::Id.eq(id))
                .filter(reg::Column::Status.eq(InscriptionStatus::AttenteConsentement.as_str()))
                .exec(txn)
                .await?;
            if done.rows_affected == 0 {
                return Ok(None);
            }
            let row = reg::Entity::find_by_id(id)
                .one(txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            let registration = Inscription::try_from(row)?;
            outbox::enqueue(txn, mails(&registration)?, now).await?;
            Ok(Some(registration))
        }
        .await;
        finish(tx, result).await
    }

    /// Checks a confirmed registration in at the door, by its short code.
    pub async fn check_in(
        &self,
        evenement_id: i32,
        code: &str,
    ) -> Result<Inscription, CheckInError> {
        let code = code.trim().to_uppercase();
        let now = self.now();
        let done = reg::Entity::update_many()
            .col_expr(reg::Column::CheckedInAt, Expr::value(now))
            .filter(reg::Column::EvenementId.eq(evenement_id))
            .filter(reg::Column::Code.eq(code.as_str()))
            .filter(reg::Column::Status.eq(InscriptionStatus::Confirmee.as_str()))
            .filter(reg::Column::CheckedInAt.is_null())
            .exec(self.conn())
            .await
            .map_err(StoreError::from)?;
        let row = reg::Entity::find()
            .filter(reg::Column::EvenementId.eq(evenement_id))
            .filter(reg::Column::Code.eq(code.as_str()))
            .one(self.conn())
            .await
            .map_err(StoreError::from)?
            .ok_or(CheckInError::UnknownCode)?;
        let registration = Inscription::try_from(row)?;
        if done.rows_affected == 1 {
            Ok(registration)
        } else if registration.status != InscriptionStatus::Confirmee {
            Err(CheckInError::NotConfirmed(registration))
        } else {
            Err(CheckInError::AlreadyCheckedIn(registration))
        }
    }

    pub async fn registration(&self, id: i32) -> Result<Inscription, StoreError> {
        reg::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)
            .and_then(Inscription::try_from)
    }

    /// Every registration of an event, in arrival order.
    pub async fn inscriptions_of_evenement(
        &self,
        evenement_id: i32,
    ) -> Result<Vec<Inscription>, StoreError> {
        reg::Entity::find()
            .filter(reg::Column::EvenementId.eq(evenement_id))
            .order_by_asc(reg::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(Inscription::try_from)
            .collect()
    }

    /// Registrations with their event.
    async fn with_evenements(
        &self,
        rows: Vec<reg::Model>,
    ) -> Result<Vec<(Inscription, super::Evenement)>, StoreError> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let event = self.evenement_by_id(row.evenement_id).await?;
            out.push((Inscription::try_from(row)?, event));
        }
        Ok(out)
    }

    /// The minors' registrations waiting for the consent of the parent
    /// whose address is `parent_email`, soonest event first: a parent
    /// signed in with that (verified) address answers from their account,
    /// as from the link of the e-mail.
    pub async fn awaiting_consent_of(
        &self,
        parent_email: &Email,
    ) -> Result<Vec<(Inscription, super::Evenement)>, StoreError> {
        let rows = reg::Entity::find()
            .filter(
                Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(
                    reg::Column::ParentEmail,
                )))
                .eq(parent_email.as_str().to_lowercase()),
            )
            .filter(reg::Column::Status.eq(InscriptionStatus::AttenteConsentement.as_str()))
            .all(self.conn())
            .await?;
        let mut out = self.with_evenements(rows).await?;
        out.sort_by_key(|(_, event)| event.starts_at);
        Ok(out)
    }

    /// The registrations an account made, newest event first.
    pub async fn inscriptions_of_user(
        &self,
        user_id: i32,
    ) -> Result<Vec<(Inscription, super::Evenement)>, StoreError> {
        let rows = reg::Entity::find()
            .filter(reg::Column::UserId.eq(user_id))
            .order_by_desc(reg::Column::Id)
            .all(self.conn())
            .await?;
        let mut out = self.with_evenements(rows).await?;
        out.sort_by_key(|(_, event)| std::cmp::Reverse(event.starts_at));
        Ok(out)
    }
}
