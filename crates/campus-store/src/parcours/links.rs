//! The alignment of blocs to ROME skills, as stored.
//!
//! An alignment replaces every computed row in one transaction and never
//! touches a curated one: the campus team's decisions (a link added or
//! confirmed, a computed link removed) outlive re-imports and
//! re-computations. The engine's `align::merge` turns the two kinds of
//! rows into the links a plan uses, so the rule that a decision wins lives
//! in one place, not here.

use std::collections::{HashMap, HashSet};

use campus_domain::parcours::{Decision, Origin, Scope};
use sea_orm::{ActiveValue, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::Parcours;
use crate::StoreError;
use crate::entity::{bloc_competence_lien, rncp_bloc, rncp_correspondance_bloc, rome_competence};

/// Rows per INSERT: 8 columns × 1 000 stays far under the bound-parameter
/// limits of SQLite (32 766) and PostgreSQL (65 535).
const BATCH: usize = 1000;

/// A row of `bloc_competence_liens`: a link from a bloc to a ROME skill (by
/// its OGR code), computed or decided by the team.
#[derive(Debug, Clone, PartialEq)]
pub struct LienBlocCompetence {
    pub bloc: String,
    pub code_ogr: i64,
    /// Cosine similarity in [0, 1]; a link the team added scores 1.
    pub score: f64,
    pub origin: Origin,
    pub scope: Scope,
    /// The team rejected this link: the engine ignores it.
    pub removed: bool,
}

/// A stored link of a bloc, as the review screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredLink {
    pub code_ogr: i64,
    pub libelle: String,
    pub score: f64,
    pub origin: Origin,
    pub scope: Scope,
    /// The team rejected this link: the engine ignores it.
    pub removed: bool,
}

/// What an alignment wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoredAlignment {
    pub computed: u64,
    /// Computed links left out because the team already decided on the pair.
    pub superseded: u64,
    /// Links whose bloc is no longer in the catalogue.
    pub orphans: u64,
}

fn origin_str(o: Origin) -> &'static str {
    match o {
        Origin::Computed => "computed",
        Origin::Curated => "curated",
    }
}

fn scope_str(s: Scope) -> &'static str {
    match s {
        Scope::CertificationTrades => "certification_trades",
        Scope::AllCompetences => "all_competences",
        Scope::Curated => "curated",
    }
}

fn parse_origin(v: &str) -> Result<Origin, StoreError> {
    match v {
        "computed" => Ok(Origin::Computed),
        "curated" => Ok(Origin::Curated),
        _ => Err(StoreError::Corrupt(format!("origine de lien « {v} »"))),
    }
}

fn parse_scope(v: &str) -> Result<Scope, StoreError> {
    match v {
        "certification_trades" => Ok(Scope::CertificationTrades),
        "all_competences" => Ok(Scope::AllCompetences),
        "curated" => Ok(Scope::Curated),
        _ => Err(StoreError::Corrupt(format!("portée de lien « {v} »"))),
    }
}

impl Parcours<'_> {
    /// Replaces the computed links by the computed ones of `links`, in one
    /// transaction, keeping every curated row. A computed link on a pair
    /// the team decided on is not written: the decision stands.
    pub async fn replace_computed_links(
        &self,
        links: &[LienBlocCompetence],
    ) -> Result<StoredAlignment, StoreError> {
        let txn = self.write().await?;
        // The blocs of 2021 first, so that the 2024 export's win.
        let mut certification_of: HashMap<String, String> =
            rncp_correspondance_bloc::Entity::find()
                .select_only()
                .column(rncp_correspondance_bloc::Column::Code)
                .column(rncp_correspondance_bloc::Column::Certification)
                .into_tuple::<(String, String)>()
                .all(&txn)
                .await?
                .into_iter()
                .collect();
        certification_of.extend(
            rncp_bloc::Entity::find()
                .select_only()
                .column(rncp_bloc::Column::Code)
                .column(rncp_bloc::Column::Certification)
                .into_tuple::<(String, String)>()
                .all(&txn)
                .await?,
        );
        let curated: HashSet<(String, i64)> = bloc_competence_lien::Entity::find()
            .filter(bloc_competence_lien::Column::Origin.eq(origin_str(Origin::Curated)))
            .select_only()
            .column(bloc_competence_lien::Column::Bloc)
            .column(bloc_competence_lien::Column::CodeOgr)
            .into_tuple::<(String, i64)>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        bloc_competence_lien::Entity::delete_many()
            .filter(bloc_competence_lien::Column::Origin.eq(origin_str(Origin::Computed)))
            .exec(&txn)
            .await?;
        let now = self.now();
        let mut stored = StoredAlignment::default();
        let mut seen = HashSet::new();
        let mut rows = Vec::new();
        for link in links.iter().filter(|l| l.origin == Origin::Computed) {
            let Some(certification) = certification_of.get(&link.bloc) else {
                stored.orphans += 1;
                continue;
            };
            let key = (link.bloc.clone(), link.code_ogr);
            if curated.contains(&key) {
                stored.superseded += 1;
                continue;
            }
            if !seen.insert(key) {
                continue;
            }
            rows.push(bloc_competence_lien::ActiveModel {
                bloc: ActiveValue::Set(link.bloc.clone()),
                code_ogr: ActiveValue::Set(link.code_ogr),
                certification: ActiveValue::Set(certification.clone()),
                score: ActiveValue::Set(link.score),
                origin: ActiveValue::Set(origin_str(Origin::Computed).to_owned()),
                scope: ActiveValue::Set(scope_str(link.scope).to_owned()),
                removed: ActiveValue::Set(false),
                updated_at: ActiveValue::Set(now),
            });
            stored.computed += 1;
            if rows.len() == BATCH {
                bloc_competence_lien::Entity::insert_many(std::mem::take(&mut rows))
                    .exec_without_returning(&txn)
                    .await?;
            }
        }
        if !rows.is_empty() {
            bloc_competence_lien::Entity::insert_many(rows)
                .exec_without_returning(&txn)
                .await?;
        }
        // The links are part of the catalogue the serving nodes' engines
        // hold: a new generation makes each reload them.
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(stored)
    }

    /// Every stored link, computed and curated, removed ones included,
    /// oldest decision first (the last decision on a pair wins).
    pub async fn list_links(&self) -> Result<Vec<LienBlocCompetence>, StoreError> {
        bloc_competence_lien::Entity::find()
            .order_by_asc(bloc_competence_lien::Column::UpdatedAt)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|row| {
                Ok(LienBlocCompetence {
                    origin: parse_origin(&row.origin)?,
                    scope: parse_scope(&row.scope)?,
                    bloc: row.bloc,
                    code_ogr: row.code_ogr,
                    score: row.score,
                    removed: row.removed,
                })
            })
            .collect()
    }

    /// Every stored link of a bloc, removed ones included, best first.
    pub async fn list_bloc_links(&self, bloc: &str) -> Result<Vec<StoredLink>, StoreError> {
        let db = self.conn();
        let rows = bloc_competence_lien::Entity::find()
            .filter(bloc_competence_lien::Column::Bloc.eq(bloc))
            .all(db)
            .await?;
        let labels: HashMap<i64, String> = rome_competence::Entity::find()
            .filter(rome_competence::Column::CodeOgr.is_in(rows.iter().map(|r| r.code_ogr)))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.code_ogr, s.libelle))
            .collect();
        let mut out = rows
            .into_iter()
            .map(|row| {
                Ok(StoredLink {
                    libelle: labels.get(&row.code_ogr).cloned().unwrap_or_default(),
                    code_ogr: row.code_ogr,
                    score: row.score,
                    origin: parse_origin(&row.origin)?,
                    scope: parse_scope(&row.scope)?,
                    removed: row.removed,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.code_ogr.cmp(&b.code_ogr))
        });
        Ok(out)
    }

    /// Records a decision of the campus team on a bloc–skill pair (the
    /// skill by its OGR code), in one transaction: the pair becomes
    /// curated (its computed score kept, 1 for a link added by hand) and
    /// no later alignment changes it. An unknown bloc or skill is
    /// `NotFound`.
    pub async fn decide_link(
        &self,
        bloc: &str,
        code_ogr: i64,
        decision: Decision,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let certification = match rncp_bloc::Entity::find_by_id(bloc.to_owned())
            .one(&txn)
            .await?
        {
            Some(row) => row.certification,
            None => {
                rncp_correspondance_bloc::Entity::find_by_id(bloc.to_owned())
                    .one(&txn)
                    .await?
                    .ok_or(StoreError::NotFound)?
                    .certification
            }
        };
        rome_competence::Entity::find_by_id(code_ogr)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let existing = bloc_competence_lien::Entity::find_by_id((bloc.to_owned(), code_ogr))
            .one(&txn)
            .await?;
        let removed = decision == Decision::Remove;
        let now = self.now();
        match existing {
            Some(row) => {
                let mut active: bloc_competence_lien::ActiveModel = row.into();
                active.origin = ActiveValue::Set(origin_str(Origin::Curated).to_owned());
                active.removed = ActiveValue::Set(removed);
                active.updated_at = ActiveValue::Set(now);
                bloc_competence_lien::Entity::update(active)
                    .exec(&txn)
                    .await?;
            }
            None => {
                bloc_competence_lien::Entity::insert(bloc_competence_lien::ActiveModel {
                    bloc: ActiveValue::Set(bloc.to_owned()),
                    code_ogr: ActiveValue::Set(code_ogr),
                    certification: ActiveValue::Set(certification),
                    score: ActiveValue::Set(1.0),
                    origin: ActiveValue::Set(origin_str(Origin::Curated).to_owned()),
                    scope: ActiveValue::Set(scope_str(Scope::Curated).to_owned()),
                    removed: ActiveValue::Set(removed),
                    updated_at: ActiveValue::Set(now),
                })
                .exec_without_returning(&txn)
                .await?;
            }
        }
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}
