//! Use counts of the resources: views and downloads counted per day
//! without who (no user, no address: a count cannot tell on anyone), and
//! the events that use each resource, for the evaluation of the campus's
//! plan.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{Ressources, iso};
use crate::StoreError;
use crate::entity::{evenement, evenement_ressource, ressource, ressource_usage};

/// The use of one resource over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsageRessource {
    pub ressource_id: i32,
    pub titre: String,
    pub vues: i64,
    pub telechargements: i64,
    /// Events of the period (by their start) that use the resource.
    pub evenements: i64,
    /// On-demand modules that use it: none yet record a resource.
    pub modules: i64,
}

#[derive(Clone, Copy)]
enum Compteur {
    Vue,
    Telechargement,
}

impl Ressources<'_> {
    /// Counts one view of the resource's page today.
    pub async fn compter_vue(&self, id: i32) -> Result<(), StoreError> {
        self.compter(id, Compteur::Vue).await
    }

    /// Counts one download of the resource's file today.
    pub async fn compter_telechargement(&self, id: i32) -> Result<(), StoreError> {
        self.compter(id, Compteur::Telechargement).await
    }

    async fn compter(&self, id: i32, compteur: Compteur) -> Result<(), StoreError> {
        let jour = iso(self.now().date_naive());
        let txn = self.write().await?;
        ressource_usage::Entity::insert(ressource_usage::ActiveModel {
            ressource_id: Set(id),
            jour: Set(jour.clone()),
            vues: Set(0),
            telechargements: Set(0),
        })
        .on_conflict(
            OnConflict::columns([
                ressource_usage::Column::RessourceId,
                ressource_usage::Column::Jour,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        let column = match compteur {
            Compteur::Vue => ressource_usage::Column::Vues,
            Compteur::Telechargement => ressource_usage::Column::Telechargements,
        };
        ressource_usage::Entity::update_many()
            .col_expr(column, Expr::col(column).add(1))
            .filter(ressource_usage::Column::RessourceId.eq(id))
            .filter(ressource_usage::Column::Jour.eq(jour))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Every resource's use from `du` to `au` (both included), by title:
    /// what the evaluation reads.
    pub async fn usages(
        &self,
        du: NaiveDate,
        au: NaiveDate,
    ) -> Result<Vec<UsageRessource>, StoreError> {
        let mut out: Vec<UsageRessource> = ressource::Entity::find()
            .all(self.conn())
            .await?
            .into_iter()
            .map(|r| UsageRessource {
                ressource_id: r.id,
                titre: r.titre,
                ..Default::default()
            })
            .collect();
        let mut counts: HashMap<i32, (i64, i64, i64)> = HashMap::new();
        for u in ressource_usage::Entity::find()
            .filter(ressource_usage::Column::Jour.gte(iso(du)))
            .filter(ressource_usage::Column::Jour.lte(iso(au)))
            .all(self.conn())
            .await?
        {
            let c = counts.entry(u.ressource_id).or_default();
            c.0 += i64::from(u.vues);
            c.1 += i64::from(u.telechargements);
        }
        let from = du.and_time(NaiveTime::MIN).and_utc();
        let to = au
            .succ_opt()
            .unwrap_or(NaiveDate::MAX)
            .and_time(NaiveTime::MIN)
            .and_utc();
        let events: Vec<i32> = evenement::Entity::find()
            .filter(evenement::Column::StartsAt.gte(from))
            .filter(evenement::Column::StartsAt.lt(to))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect();
        for l in evenement_ressource::Entity::find()
            .filter(evenement_ressource::Column::EvenementId.is_in(events))
            .all(self.conn())
            .await?
        {
            counts.entry(l.ressource_id).or_default().2 += 1;
        }
        for u in &mut out {
            if let Some((v, t, e)) = counts.get(&u.ressource_id) {
                u.vues = *v;
                u.telechargements = *t;
                u.evenements = *e;
            }
        }
        out.sort_by(|a, b| a.titre.cmp(&b.titre));
        Ok(out)
    }
}
