//! Events of the campus: discovery workshops, site visits, forums, open
//! days, conferences and job datings, organised by a partner organisation.
//!
//! This module holds the events themselves (creation, edition, the public
//! agenda); [`inscriptions`] holds the seats, the waitlist and the
//! consents; [`follow_up`] the reminders, surveys and feeds.

pub mod follow_up;
pub mod inscriptions;

use campus_domain::evenement::{Audience, EvenementKind};
use campus_domain::{CodePostal, CodeRome, Departement, slugify};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entity::{evenement, organisation};
use crate::users::escape_like;
use crate::{StoreError, audit, load, slugs};

/// The organisation that runs an event, as event pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organiser {
    pub id: i32,
    pub slug: String,
    pub nom: String,
}

/// An event as the platform sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evenement {
    pub id: i32,
    pub slug: String,
    pub organiser: Organiser,
    pub kind: EvenementKind,
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

impl Evenement {
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
pub struct EvenementInput {
    pub organisation_id: i32,
    pub kind: EvenementKind,
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
pub struct EvenementFilter {
    pub audience: Option<Audience>,
    pub departement: Option<Departement>,
    pub kind: Option<EvenementKind>,
    pub rome: Option<CodeRome>,
    pub organisation_id: Option<i32>,
    /// Only events that end after this instant.
    pub after: Option<DateTime<Utc>>,
    pub page: u64,
    pub per_page: u64,
}

/// Why an event could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum EvenementSaveError {
    /// The new capacity is below the seats already taken.
    #[error("capacité inférieure aux places occupées ({taken})")]
    CapacityBelowTaken { taken: i32 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EvenementSaveError {
    fn from(err: sea_orm::DbErr) -> Self {
        EvenementSaveError::Store(err.into())
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

pub(crate) fn from_model(m: evenement::Model, org: Organiser) -> Result<Evenement, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("événement {} : {what}", m.id));
    Ok(Evenement {
        kind: EvenementKind::parse(&m.kind).map_err(|_| corrupt("type"))?,
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

fn apply(active: &mut evenement::ActiveModel, input: &EvenementInput, now: DateTime<Utc>) {
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
async fn evenement_slug<C: ConnectionTrait>(
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
    slugs::free_slug::<evenement::Entity, _>(conn, evenement::Column::Slug, &base).await
}

pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &EvenementInput,
    actor: Option<i32>,
    now: DateTime<Utc>,
) -> Result<evenement::Model, StoreError> {
    let mut active = evenement::ActiveModel {
        slug: Set(evenement_slug(conn, &input.titre, input.starts_at).await?),
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

impl Evenements<'_> {
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

    async fn with_organisers(
        &self,
        rows: Vec<evenement::Model>,
    ) -> Result<Vec<Evenement>, StoreError> {
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

    pub async fn create_evenement(
        &self,
        input: EvenementInput,
        actor: Option<i32>,
    ) -> Result<Evenement, StoreError> {
        let txn = self.write().await?;
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
    pub async fn update_evenement(
        &self,
        id: i32,
        input: EvenementInput,
        actor: Option<i32>,
        promoted_mails: inscriptions::MailsFor<'_, [inscriptions::Inscription]>,
    ) -> Result<(Evenement, Vec<inscriptions::Inscription>), EvenementSaveError> {
        let now = self.now();
        let txn = self.write().await?;
        let mut active = <evenement::ActiveModel as Default>::default();
        apply(&mut active, &input, now);
        active.capacity = Set(input.capacity);
        let mut update = evenement::Entity::update_many()
            .filter(evenement::Column::Id.eq(id))
            .filter(evenement::Column::SeatsTaken.lte(input.capacity));
        update = update.set(active);
        let result = update.exec(&txn).await?;
        if result.rows_affected == 0 {
            let row = evenement::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            return Err(EvenementSaveError::CapacityBelowTaken {
                taken: row.seats_taken,
            });
        }
        let promoted = inscriptions::promote(&txn, id, now).await?;
        crate::outbox::enqueue(&txn, promoted_mails(&promoted)?, now).await?;
        let model = evenement::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record(&txn, self.now(), actor, "event.update", &model.slug, "").await?;
        txn.commit().await?;
        let org = self.organiser(model.organisation_id).await?;
        Ok((from_model(model, org)?, promoted))
    }

    pub async fn evenement_by_slug(&self, slug: &str) -> Result<Evenement, StoreError> {
        let model = evenement::Entity::find()
            .filter(evenement::Column::Slug.eq(slug))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let org = self.organiser(model.organisation_id).await?;
        from_model(model, org)
    }

    pub async fn evenement_by_id(&self, id: i32) -> Result<Evenement, StoreError> {
        let model = evenement::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let org = self.organiser(model.organisation_id).await?;
        from_model(model, org)
    }

    /// One page of the agenda, soonest first, with the total count.
    pub async fn list_evenements(
        &self,
        filter: &EvenementFilter,
    ) -> Result<(Vec<Evenement>, u64), StoreError> {
        let mut condition = Condition::all();
        if let Some(after) = filter.after {
            condition = condition.add(evenement::Column::EndsAt.gt(after));
        }
        if let Some(audience) = filter.audience {
            condition = condition.add(
                evenement::Column::Audiences
                    .like(format!("%,{},%", escape_like(audience.as_str()))),
            );
        }
        if let Some(rome) = &filter.rome {
            condition = condition
                .add(evenement::Column::Romes.like(format!("%,{},%", escape_like(rome.as_str()))));
        }
        if let Some(kind) = filter.kind {
            condition = condition.add(evenement::Column::Kind.eq(kind.as_str()));
        }
        if let Some(dep) = &filter.departement {
            condition = condition.add(evenement::Column::Departement.eq(dep.as_str()));
        }
        if let Some(org) = filter.organisation_id {
            condition = condition.add(evenement::Column::OrganisationId.eq(org));
        }
        let per_page = filter.per_page.clamp(1, 200);
        let query = evenement::Entity::find().filter(condition);
        let total = query.clone().count(self.conn()).await?;
        let rows = query
            .order_by_asc(evenement::Column::StartsAt)
            .order_by_asc(evenement::Column::Id)
            .offset(filter.page * per_page)
            .limit(per_page)
            .all(self.conn())
            .await?;
        Ok((self.with_organisers(rows).await?, total))
    }

    /// Seats taken and waitlist length, read again (after a change).
    pub async fn evenement_counters(&self, id: i32) -> Result<(i32, i32), StoreError> {
        let row = evenement::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((row.seats_taken, row.waiting_count))
    }
}

crate::handle::feature_handle!(
    /// The events feature: events, registrations, follow-ups and feedback.
    Evenements,
    evenements
);
