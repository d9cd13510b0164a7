//! Habilitations: the right of a person to use the equipment of one
//! category, granted by an instructor (a trainer or the campus team) or by
//! a completed training module, until an expiry date.
//!
//! One row per person and category (unique key): granting again renews it.
//! The grant is an upsert, so two instructors granting at the same moment
//! leave one row, not a unique-key error.

use campus_domain::equipement::CategorieEquipement;
use chrono::NaiveDate;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entity::{habilitation, user};
use crate::{StoreError, audit};

/// A habilitation, with the names of the person and of who granted it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Habilitation {
    pub user_id: i32,
    pub user_nom: String,
    pub user_email: String,
    pub categorie: CategorieEquipement,
    pub accordee_par: Option<i32>,
    pub accordee_par_nom: Option<String>,
    pub expire_le: NaiveDate,
    pub motif: String,
}

impl Habilitation {
    /// Valid on `date` (legal date): the expiry day itself still counts.
    pub fn valide_le(&self, date: NaiveDate) -> bool {
        self.expire_le >= date
    }
}

pub(crate) async fn find<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    categorie: CategorieEquipement,
) -> Result<Option<habilitation::Model>, StoreError> {
    Ok(habilitation::Entity::find()
        .filter(habilitation::Column::UserId.eq(user_id))
        .filter(habilitation::Column::Categorie.eq(categorie.as_str()))
        .one(conn)
        .await?)
}

async fn names<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<habilitation::Model>,
) -> Result<Vec<Habilitation>, StoreError> {
    let mut ids: Vec<i32> = rows.iter().map(|r| r.user_id).collect();
    ids.extend(rows.iter().filter_map(|r| r.accordee_par));
    let users: std::collections::HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    rows.into_iter()
        .map(|r| {
            let person = users
                .get(&r.user_id)
                .ok_or_else(|| StoreError::Corrupt(format!("habilitation {} : compte", r.id)))?;
            Ok(Habilitation {
                user_id: r.user_id,
                user_nom: person.display_name.clone(),
                user_email: person.email.clone(),
                categorie: CategorieEquipement::parse(&r.categorie).map_err(|_| {
                    StoreError::Corrupt(format!("habilitation {} : catégorie", r.id))
                })?,
                accordee_par: r.accordee_par,
                accordee_par_nom: r
                    .accordee_par
                    .and_then(|id| users.get(&id))
                    .map(|u| u.display_name.clone()),
                expire_le: r.expire_le,
                motif: r.motif,
            })
        })
        .collect()
}

impl super::Equipements<'_> {
    /// Grants (or renews) the habilitation of `user_id` for `categorie`
    /// until `expire_le` included. `accordee_par` is the instructor, or
    /// `None` when a completed training module grants it; `motif` says why
    /// (the training followed, the module completed).
    pub async fn grant_habilitation(
        &self,
        user_id: i32,
        categorie: CategorieEquipement,
        accordee_par: Option<i32>,
        expire_le: NaiveDate,
        motif: &str,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let now = self.now();
        let row = habilitation::ActiveModel {
            user_id: Set(user_id),
            categorie: Set(categorie.as_str().to_owned()),
            accordee_par: Set(accordee_par),
            expire_le: Set(expire_le),
            motif: Set(motif.chars().take(500).collect()),
            created_at: Set(now),
            updated_at: Set(now),
            // A renewed habilitation will be warned of again before its
            // new expiry.
            avertie_le: Set(None),
            ..Default::default()
        };
        habilitation::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    habilitation::Column::UserId,
                    habilitation::Column::Categorie,
                ])
                .update_columns([
                    habilitation::Column::AccordeePar,
                    habilitation::Column::ExpireLe,
                    habilitation::Column::Motif,
                    habilitation::Column::UpdatedAt,
                    habilitation::Column::AvertieLe,
                ])
                .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        audit::record(
            &txn,
            self.now(),
            accordee_par,
            "habilitation.grant",
            &format!("{user_id}/{}", categorie.as_str()),
            &expire_le.to_string(),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The habilitations of one person.
    pub async fn habilitations_of(&self, user_id: i32) -> Result<Vec<Habilitation>, StoreError> {
        let rows = habilitation::Entity::find()
            .filter(habilitation::Column::UserId.eq(user_id))
            .order_by_asc(habilitation::Column::Categorie)
            .all(self.conn())
            .await?;
        names(self.conn(), rows).await
    }

    /// The most recently granted habilitations; only those granted by
    /// `granted_by` when given (a trainer sees the ones they granted).
    pub async fn recent_habilitations(
        &self,
        granted_by: Option<i32>,
        limit: u64,
    ) -> Result<Vec<Habilitation>, StoreError> {
        let mut query = habilitation::Entity::find();
        if let Some(id) = granted_by {
            query = query.filter(habilitation::Column::AccordeePar.eq(id));
        }
        let rows = query
            .order_by_desc(habilitation::Column::UpdatedAt)
            .order_by_desc(habilitation::Column::Id)
            .limit(limit)
            .all(self.conn())
            .await?;
        names(self.conn(), rows).await
    }
}
