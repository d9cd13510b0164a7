//! Training paths saved to learners' accounts, and the consent by which a
//! learner lets a trainer or the campus team prepare paths for them.
//!
//! Consent is a row per learner–supporter pair whose status only the
//! learner moves to `accepted` (or `refused`, or later `withdrawn`); every
//! change is one conditional UPDATE whose WHERE clause names the status it
//! leaves, so that two nodes answering at once cannot both win. A path a
//! supporter saves for a learner is written by an INSERT … SELECT on the
//! accepted consent: a consent withdrawn a millisecond before leaves
//! nothing written.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::Parcours;
use crate::StoreError;
use crate::entity::{parcours_accompagnement, parcours_enregistre, user};

/// A saved path, as listed and reopened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedPlan {
    pub id: i32,
    pub learner_id: i32,
    pub author_id: i32,
    /// The author's display name (the learner's own, or their supporter's).
    pub author_name: String,
    pub titre: String,
    pub cible: String,
    /// The request, as the caller serialised it.
    pub demande: String,
    pub created_at: DateTime<Utc>,
}

/// Where a learner stands with a supporter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportStatus {
    Pending,
    Accepted,
    Refused,
    Withdrawn,
}

impl SupportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SupportStatus::Pending => "pending",
            SupportStatus::Accepted => "accepted",
            SupportStatus::Refused => "refused",
            SupportStatus::Withdrawn => "withdrawn",
        }
    }

    fn parse(value: &str) -> Result<SupportStatus, StoreError> {
        match value {
            "pending" => Ok(SupportStatus::Pending),
            "accepted" => Ok(SupportStatus::Accepted),
            "refused" => Ok(SupportStatus::Refused),
            "withdrawn" => Ok(SupportStatus::Withdrawn),
            other => Err(StoreError::Corrupt(format!(
                "statut d'accompagnement « {other} »"
            ))),
        }
    }
}

/// A learner's answer to a supporter, and the statuses it may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportAnswer {
    Accept,
    Refuse,
    /// Ends an accepted consent: the supporter sees nothing from then on.
    Withdraw,
}

impl SupportAnswer {
    fn transition(self) -> (&'static [SupportStatus], SupportStatus) {
        match self {
            SupportAnswer::Accept => (&[SupportStatus::Pending], SupportStatus::Accepted),
            SupportAnswer::Refuse => (&[SupportStatus::Pending], SupportStatus::Refused),
            SupportAnswer::Withdraw => (&[SupportStatus::Accepted], SupportStatus::Withdrawn),
        }
    }
}

/// A support relation, with both people's names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Support {
    pub id: i32,
    pub learner_id: i32,
    pub learner_name: String,
    pub learner_email: String,
    pub supporter_id: i32,
    pub supporter_name: String,
    pub status: SupportStatus,
    pub updated_at: DateTime<Utc>,
}

/// A path to save.
#[derive(Clone, Debug)]
pub struct NewSavedPlan<'a> {
    pub learner_id: i32,
    pub author_id: i32,
    pub titre: &'a str,
    pub cible: &'a str,
    pub demande: &'a str,
}

impl Parcours<'_> {
    /// Saves a path to the learner's account and returns its id. A path
    /// prepared by someone else is written only if the learner's consent
    /// to that author is accepted at the moment of writing; otherwise
    /// `NotFound`, and nothing is stored.
    pub async fn enregistrer(&self, new: NewSavedPlan<'_>) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        if new.learner_id == new.author_id {
            let model = parcours_enregistre::ActiveModel {
                learner_id: ActiveValue::Set(new.learner_id),
                author_id: ActiveValue::Set(new.author_id),
                titre: ActiveValue::Set(new.titre.to_owned()),
                cible: ActiveValue::Set(new.cible.to_owned()),
                demande: ActiveValue::Set(new.demande.to_owned()),
                created_at: ActiveValue::Set(now),
                updated_at: ActiveValue::Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            txn.commit().await?;
            return Ok(model.id);
        }
        let guarded = Query::select()
            .exprs([
                Expr::val(new.learner_id),
                Expr::val(new.author_id),
                Expr::val(new.titre.to_owned()),
                Expr::val(new.cible.to_owned()),
                Expr::val(new.demande.to_owned()),
                Expr::val(now),
                Expr::val(now),
            ])
            .from(parcours_accompagnement::Entity)
            .and_where(Expr::col(parcours_accompagnement::Column::LearnerId).eq(new.learner_id))
            .and_where(Expr::col(parcours_accompagnement::Column::SupporterId).eq(new.author_id))
            .and_where(
                Expr::col(parcours_accompagnement::Column::Status)
                    .eq(SupportStatus::Accepted.as_str()),
            )
            .to_owned();
        let insert = Query::insert()
            .into_table(parcours_enregistre::Entity)
            .columns([
                parcours_enregistre::Column::LearnerId,
                parcours_enregistre::Column::AuthorId,
                parcours_enregistre::Column::Titre,
                parcours_enregistre::Column::Cible,
                parcours_enregistre::Column::Demande,
                parcours_enregistre::Column::CreatedAt,
                parcours_enregistre::Column::UpdatedAt,
            ])
            .select_from(guarded)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?
            .to_owned();
        let written = txn.execute(&insert).await?;
        if written.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        let id = parcours_enregistre::Entity::find()
            .filter(parcours_enregistre::Column::LearnerId.eq(new.learner_id))
            .filter(parcours_enregistre::Column::AuthorId.eq(new.author_id))
            .order_by_desc(parcours_enregistre::Column::Id)
            .one(&txn)
            .await?
            .map(|m| m.id)
            .ok_or(StoreError::NotFound)?;
        txn.commit().await?;
        Ok(id)
    }

    /// The paths of a learner's account, newest first.
    pub async fn list_saved(&self, learner_id: i32) -> Result<Vec<SavedPlan>, StoreError> {
        let rows = parcours_enregistre::Entity::find()
            .filter(parcours_enregistre::Column::LearnerId.eq(learner_id))
            .order_by_desc(parcours_enregistre::Column::Id)
            .all(self.conn())
            .await?;
        self.with_authors(rows).await
    }

    /// One saved path; who may see it is the caller's decision.
    pub async fn get_saved(&self, id: i32) -> Result<SavedPlan, StoreError> {
        let row = parcours_enregistre::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.with_authors(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Deletes a path of the learner's own account; any other is
    /// `NotFound`, which reveals nothing about it.
    pub async fn delete_saved(&self, id: i32, learner_id: i32) -> Result<(), StoreError> {
        let result = parcours_enregistre::Entity::delete_many()
            .filter(parcours_enregistre::Column::Id.eq(id))
            .filter(parcours_enregistre::Column::LearnerId.eq(learner_id))
            .exec(self.conn())
            .await?;
        if result.rows_affected == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    async fn with_authors(
        &self,
        rows: Vec<parcours_enregistre::Model>,
    ) -> Result<Vec<SavedPlan>, StoreError> {
        let names = self
            .display_names(rows.iter().map(|r| r.author_id).collect())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| SavedPlan {
                author_name: names
                    .get(&r.author_id)
                    .map(|(name, _)| name.clone())
                    .unwrap_or_default(),
                id: r.id,
                learner_id: r.learner_id,
                author_id: r.author_id,
                titre: r.titre,
                cible: r.cible,
                demande: r.demande,
                created_at: r.created_at,
            })
            .collect())
    }

    async fn display_names(
        &self,
        ids: Vec<i32>,
    ) -> Result<HashMap<i32, (String, String)>, StoreError> {
        Ok(
            crate::load::by_keys::<user::Entity, _, _, _>(
                self.conn(),
                user::Column::Id,
                ids,
                |u| u.id,
            )
            .await?
            .into_iter()
            .map(|(id, u)| (id, (u.display_name, u.email)))
            .collect(),
        )
    }

    /// A supporter asks a learner for consent. A first request creates the
    /// pending row; a request after a refusal or a withdrawal sets the
    /// same row back to pending; a pending or accepted one is left as it
    /// is. One statement: concurrent requests meet the unique key.
    pub async fn demander_accompagnement(
        &self,
        learner_id: i32,
        supporter_id: i32,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let inserted =
            parcours_accompagnement::Entity::insert(parcours_accompagnement::ActiveModel {
                learner_id: ActiveValue::Set(learner_id),
                supporter_id: ActiveValue::Set(supporter_id),
                status: ActiveValue::Set(SupportStatus::Pending.as_str().to_owned()),
                created_at: ActiveValue::Set(now),
                updated_at: ActiveValue::Set(now),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([
                    parcours_accompagnement::Column::LearnerId,
                    parcours_accompagnement::Column::SupporterId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        if inserted == 0 {
            parcours_accompagnement::Entity::update_many()
                .col_expr(
                    parcours_accompagnement::Column::Status,
                    Expr::value(SupportStatus::Pending.as_str()),
                )
                .col_expr(parcours_accompagnement::Column::UpdatedAt, Expr::value(now))
                .filter(parcours_accompagnement::Column::LearnerId.eq(learner_id))
                .filter(parcours_accompagnement::Column::SupporterId.eq(supporter_id))
                .filter(parcours_accompagnement::Column::Status.is_in([
                    SupportStatus::Refused.as_str(),
                    SupportStatus::Withdrawn.as_str(),
                ]))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The learner's answer to one of their requests. `NotFound` when the
    /// request is not theirs or not in a state the answer follows from.
    pub async fn repondre_accompagnement(
        &self,
        support_id: i32,
        learner_id: i32,
        answer: SupportAnswer,
    ) -> Result<(), StoreError> {
        let (from, to) = answer.transition();
        let result = parcours_accompagnement::Entity::update_many()
            .col_expr(
                parcours_accompagnement::Column::Status,
                Expr::value(to.as_str()),
            )
            .col_expr(
                parcours_accompagnement::Column::UpdatedAt,
                Expr::value(self.now()),
            )
            .filter(parcours_accompagnement::Column::Id.eq(support_id))
            .filter(parcours_accompagnement::Column::LearnerId.eq(learner_id))
            .filter(parcours_accompagnement::Column::Status.is_in(from.iter().map(|s| s.as_str())))
            .exec(self.conn())
            .await?;
        if result.rows_affected == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// The requests a learner received, newest first.
    pub async fn list_supports_received(
        &self,
        learner_id: i32,
    ) -> Result<Vec<Support>, StoreError> {
        let rows = parcours_accompagnement::Entity::find()
            .filter(parcours_accompagnement::Column::LearnerId.eq(learner_id))
            .order_by_desc(parcours_accompagnement::Column::UpdatedAt)
            .all(self.conn())
            .await?;
        self.supports(rows).await
    }

    /// The requests a supporter made, newest first.
    pub async fn list_supports_made(&self, supporter_id: i32) -> Result<Vec<Support>, StoreError> {
        let rows = parcours_accompagnement::Entity::find()
            .filter(parcours_accompagnement::Column::SupporterId.eq(supporter_id))
            .order_by_desc(parcours_accompagnement::Column::UpdatedAt)
            .all(self.conn())
            .await?;
        self.supports(rows).await
    }

    /// Whether the learner's consent to the supporter stands now.
    pub async fn has_consent(
        &self,
        supporter_id: i32,
        learner_id: i32,
    ) -> Result<bool, StoreError> {
        Ok(parcours_accompagnement::Entity::find()
            .filter(parcours_accompagnement::Column::LearnerId.eq(learner_id))
            .filter(parcours_accompagnement::Column::SupporterId.eq(supporter_id))
            .filter(parcours_accompagnement::Column::Status.eq(SupportStatus::Accepted.as_str()))
            .one(self.conn())
            .await?
            .is_some())
    }

    async fn supports(
        &self,
        rows: Vec<parcours_accompagnement::Model>,
    ) -> Result<Vec<Support>, StoreError> {
        let ids = rows
            .iter()
            .flat_map(|r| [r.learner_id, r.supporter_id])
            .collect();
        let names = self.display_names(ids).await?;
        let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
        rows.into_iter()
            .map(|r| {
                let (learner_name, learner_email) = name(r.learner_id);
                Ok(Support {
                    id: r.id,
                    learner_id: r.learner_id,
                    learner_name,
                    learner_email,
                    supporter_id: r.supporter_id,
                    supporter_name: name(r.supporter_id).0,
                    status: SupportStatus::parse(&r.status)?,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }
}
