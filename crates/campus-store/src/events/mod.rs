//! Events of the campus: discovery workshops, site visits, forums, open
//! days, conferences and job datings, organised by a partner organisation.
//!
//! This module holds the events themselves (creation, edition, the public
//! agenda); [`registrations`] holds the seats, the waitlist and the
//! consents; [`follow_up`] the reminders, surveys and feeds.

pub mod follow_up;
pub mod registrations;

use campus_domain::evenement::{Audience, EventKind};
use campus_domain::{CodePostal, CodeRome, Departement, slugify};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::entity::{event, organisation};
use crate::users::escape_like;
use crate::{Store, StoreError, audit, load, slugs};

/// The organisation that runs an event, as event pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organiser {
    pub id: i32,
    pub slug: String,
    pub nom: String,
}

/// An event as the platform sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: i32,
    pub slug: String,
    pub organiser: Organiser,
    pub kind: EventKind,
    pub titre: String,
    pub description: String,
    pub adresse: String,
    pub code_postal: Option<CodePostal>,
    pub commune: String,
    pub departement: Option<Departement>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub seats_taken: i32,
    pub waiting_count: i32,
    pub audiences: Vec<Audience>,
    pub romes: Vec<CodeRome>,
    pub safety: Safety,
}

impl Event {
    /// Seats still free.
    pub fn seats_left(&self) -> i32 {
        (self.capacity - self.seats_taken).max(0)
    }

    /// Whether people may still register (until the event starts).
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.starts_at > now
    }
}

/// Safety rules of a visit (plants under good manufacturing practice,
/// clean rooms).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Safety {
    pub min_age: Option<i32>,
    pub clean_room: bool,
    pub gmp: bool,
    pub notes: String,
}

impl Safety {
    pub fn is_empty(&self) -> bool {
        self.min_age.is_none() && !self.clean_room && !self.gmp && self.notes.is_empty()
    }
}

/// The editable fields of an event, already validated by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventInput {
    pub organisation_id: i32,
    pub kind: EventKind,
    pub titre: String,
    pub description: String,
    pub adresse: String,
    pub code_postal: Option<CodePostal>,
    pub commune: String,
    pub departement: Option<Departement>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub audiences: Vec<Audience>,
    pub romes: Vec<CodeRome>,
    pub safety: Safety,
}

/// Filters of the public agenda.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub audience: Option<Audience>,
    pub departement: Option<Departement>,
    pub kind: Option<EventKind>,
    pub rome: Option<CodeRome>,
    pub organisation_id: Option<i32>,
    /// Only events that end after this instant.
    pub after: Option<DateTime<Utc>>,
    pub page: u64,
    pub per_page: u64,
}

/// Why an event could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum EventSaveError {
    /// The new capacity is below the seats already taken.
    #[error("capacité inférieure aux places occupées ({taken})")]
    CapacityBelowTaken { taken: i32 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EventSaveError {
    fn from(err: sea_orm::DbErr) -> Self {
        EventSaveError::Store(err.into())
    }
}

/// `[a, b]` as `,a,b,`, the stored layout of lists that filters match
/// with `LIKE`.
fn join_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from(",");
    for item in items {
        out.push_str(item);
        out.push(',');
    }
    out
}

fn split_list(stored: &str) -> impl Iterator<Item = &str> {
    stored.split(',').filter(|s| !s.is_empty())
}

pub(crate) fn from_model(m: event::Model, org: Organiser) -> Result<Event, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("événement {} : {what}", m.id));
    Ok(Event {
        kind: EventKind::parse(&m.kind).map_err(|_| corrupt("type"))?,
        code_postal: m
            .code_postal
            .as_deref()
            .map(CodePostal::parse)
            .transpose()
            .map_err(|_| corrupt("code postal"))?,
        departement: m
            .departement
            .as_deref()
            .map(Departement::parse)
            .transpose()
            .map_err(|_| corrupt("département"))?,
        audiences: split_list(&m.audiences)
            .map(Audience::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| corrupt("publics"))?,
        romes: split_list(&m.romes)
            .map(CodeRome::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| corrupt("codes ROME"))?,
        safety: Safety {
            min_age: m.min_age,
            clean_room: m.clean_room,
            gmp: m.gmp,
            notes: m.safety_notes,
        },
        id: m.id,
        slug: m.slug,
        organiser: org,
        titre: m.titre,
        description: m.description,
        adresse: m.adresse,
        commune: m.commune,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        capacity: m.capacity,
        seats_taken: m.seats_taken,
        waiting_count: m.waiting_count,
    })
}

fn apply(active: &mut event::ActiveModel, input: &EventInput, now: DateTime<Utc>) {
    active.organisation_id = Set(input.organisation_id);
    active.kind = Set(input.kind.as_str().to_owned());
    active.titre = Set(input.titre.clone());
    active.description = Set(input.description.clone());
    active.adresse = Set(input.adresse.clone());
    active.code_postal = Set(input.code_postal.as_ref().map(|c| c.as_str().to_owned()));
    active.commune = Set(input.commune.clone());
    active.departement = Set(input.departement.as_ref().map(|d| d.as_str().to_owned()));
    active.starts_at = Set(input.starts_at);
    active.ends_at = Set(input.ends_at);
    active.audiences = Set(join_list(input.audiences.iter().map(|a| a.as_str())));
    active.romes = Set(join_list(input.romes.iter().map(|r| r.as_str())));
    active.min_age = Set(input.safety.min_age);
    active.clean_room = Set(input.safety.clean_room);
    active.gmp = Set(input.safety.gmp);
    active.safety_notes = Set(input.safety.notes.clone());
    active.updated_at = Set(now);
}

/// A slug not yet taken: title and legal date, then `-2`, `-3`…
async fn event_slug<C: ConnectionTrait>(
    conn: &C,
    titre: &str,
    starts_at: DateTime<Utc>,
) -> Result<String, StoreError> {
    let mut base = slugify(titre);
    base.truncate(100);
    let base = format!(
        "{}-{}",
        base.trim_end_matches('-'),
        campus_domain::heure_legale::vers_local(starts_at).format("%Y-%m-%d")
    );
    slugs::free_slug::<event::Entity, _>(conn, event::Column::Slug, &base).await
}

pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &EventInput,
    actor: Option<i32>,
    now: DateTime<Utc>,
) -> Result<event::Model, StoreError> {
    let mut active = event::ActiveModel {
        slug: Set(event_slug(conn, &input.titre, input.starts_at).await?),
        capacity: Set(input.capacity),
        seats_taken: Set(0),
        waiting_count: Set(0),
        created_by: Set(actor),
        created_at: Set(now),
        ..Default::default()
    };
    apply(&mut active, input, now);
    Ok(active.insert(conn).await?)
}

impl Store {
    async fn organiser(&self, id: i32) -> Result<Organiser, StoreError> {
        let org = organisation::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(Organiser {
            id: org.id,
            slug: org.slug,
            nom: org.nom,
        })
    }

    async fn with_organisers(&self, rows: Vec<event::Model>) -> Result<Vec<Event>, StoreError> {
        let orgs = load::by_keys::<organisation::Entity, _, _, _>(
            self.conn(),
            organisation::Column::Id,
            rows.iter().map(|r| r.organisation_id),
            |o| o.id,
        )
        .await?;
        rows.into_iter()
            .map(|row| {
                let org = orgs
                    .get(&row.organisation_id)
                    .map(|o| Organiser {
                        id: o.id,
                        slug: o.slug.clone(),
                        nom: o.nom.clone(),
                    })
                    .ok_or(StoreError::NotFound)?;
                from_model(row, org)
            })
            .collect()
    }

    pub async fn create_event(
        &self,
        input: EventInput,
        actor: Option<i32>,
    ) -> Result<Event, StoreError> {
        let txn = self.conn().begin().await?;
        let model = insert(&txn, &input, actor, self.now()).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "event.create",
            &model.slug,
            &model.titre,
        )
        .await?;
        txn.commit().await?;
        let org = self.organiser(model.organisation_id).await?;
        from_model(model, org)
    }

    /// Saves an event. The capacity may not go below the seats already
    /// taken (checked by the conditional update, so a registration that
    /// lands at the same moment is counted); a larger capacity seats the
    /// waitlist at once, in arrival order.
    pub async fn update_event(
        &self,
        id: i32,
        input: EventInput,
        actor: Option<i32>,
        promoted_mails: registrations::MailsFor<'_, [registrations::Registration]>,
    ) -> Result<(Event, Vec<registrations::Registration>), EventSaveError> {
        let now = self.now();
        let txn = self.conn().begin().await?;
        let mut active = <event::ActiveModel as Default>::default();
        apply(&mut active, &input, now);
        active.capacity = Set(input.capacity);
        let mut update = event::Entity::update_many()
            .filter(event::Column::Id.eq(id))
            .filter(event::Column::SeatsTaken.lte(input.capacity));
        update = update.set(active);
        let result = update.exec(&txn).await?;
        if result.rows_affected == 0 {
            let row = event::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Err(EventSaveError::CapacityBelowTaken {
                taken: row.seats_taken,
            });
        }
        let promoted = registrations::promote(&txn, id, now).await?;
        crate::outbox::enqueue(&txn, promoted_mails(&promoted)?, now).await?;
        let model = event::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record(&txn, self.now(), actor, "event.update", &model.slug, "").await?;
        txn.commit().await?;
        let org = self.organiser(model.organisation_id).await?;
        Ok((from_model(model, org)?, promoted))
    }

    pub async fn event_by_slug(&self, slug: &str) -> Result<Event, StoreError> {
        let model = event::Entity::find()
            .filter(event::Column::Slug.eq(slug))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let org = self.organiser(model.organisation_id).await?;
        from_model(model, org)
    }

    pub async fn event_by_id(&self, id: i32) -> Result<Event, StoreError> {
        let model = event::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let org = self.organiser(model.organisation_id).await?;
        from_model(model, org)
    }

    /// One page of the agenda, soonest first, with the total count.
    pub async fn list_events(&self, filter: &EventFilter) -> Result<(Vec<Event>, u64), StoreError> {
        let mut condition = Condition::all();
        if let Some(after) = filter.after {
            condition = condition.add(event::Column::EndsAt.gt(after));
        }
        if let Some(audience) = filter.audience {
            condition = condition.add(
                event::Column::Audiences.like(format!("%,{},%", escape_like(audience.as_str()))),
            );
        }
        if let Some(rome) = &filter.rome {
            condition = condition
                .add(event::Column::Romes.like(format!("%,{},%", escape_like(rome.as_str()))));
        }
        if let Some(kind) = filter.kind {
            condition = condition.add(event::Column::Kind.eq(kind.as_str()));
        }
        if let Some(dep) = &filter.departement {
            condition = condition.add(event::Column::Departement.eq(dep.as_str()));
        }
        if let Some(org) = filter.organisation_id {
            condition = condition.add(event::Column::OrganisationId.eq(org));
        }
        let per_page = filter.per_page.clamp(1, 200);
        let query = event::Entity::find().filter(condition);
        let total = query.clone().count(self.conn()).await?;
        let rows = query
            .order_by_asc(event::Column::StartsAt)
            .order_by_asc(event::Column::Id)
            .offset(filter.page * per_page)
            .limit(per_page)
            .all(self.conn())
            .await?;
        Ok((self.with_organisers(rows).await?, total))
    }

    /// Seats taken and waitlist length, read again (after a change).
    pub async fn event_counters(&self, id: i32) -> Result<(i32, i32), StoreError> {
        let row = event::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((row.seats_taken, row.waiting_count))
    }
}
