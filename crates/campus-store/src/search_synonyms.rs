//! The campus team's additions to the search dictionary (acronyms and
//! synonyms of the sector). Each addition or removal is one transaction
//! with its audit line and a new catalogue generation, so every node
//! reloads its dictionary with its index.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};

use crate::entity::search_synonym;
use crate::{Store, StoreError, audit, generation};

/// A group of expressions that mean the same thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymGroup {
    pub id: i32,
    pub expressions: Vec<String>,
    pub note: String,
    /// The group names a diploma.
    pub diplome: bool,
    pub created_at: DateTime<Utc>,
}

/// A group to add, checked by the caller (the search engine knows what a
/// searchable expression is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymGroupInput {
    pub expressions: Vec<String>,
    pub note: String,
    pub diplome: bool,
}

/// The expressions of a text holding one per line (as stored, and as the
/// team types them in the form): trimmed, blank lines left out.
pub fn expressions_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl From<search_synonym::Model> for SynonymGroup {
    fn from(m: search_synonym::Model) -> SynonymGroup {
        SynonymGroup {
            id: m.id,
            expressions: expressions_of(&m.expressions),
            note: m.note,
            diplome: m.diplome,
            created_at: m.created_at,
        }
    }
}

impl Store {
    /// The team's groups, oldest first.
    pub async fn synonym_groups(&self) -> Result<Vec<SynonymGroup>, StoreError> {
        Ok(search_synonym::Entity::find()
            .order_by_asc(search_synonym::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(SynonymGroup::from)
            .collect())
    }

    pub async fn add_synonym_group(
        &self,
        input: SynonymGroupInput,
        actor: Option<i32>,
    ) -> Result<SynonymGroup, StoreError> {
        let txn = self.write().await?;
        let note: String = input.note.trim().chars().take(300).collect();
        let model = search_synonym::ActiveModel {
            expressions: Set(input.expressions.join("\n")),
            note: Set(note),
            diplome: Set(input.diplome),
            created_by: Set(actor),
            created_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "dictionnaire.ajout",
            &format!("groupe {}", model.id),
            &model.expressions.replace('\n', " = "),
        )
        .await?;
        generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(SynonymGroup::from(model))
    }

    pub async fn remove_synonym_group(
        &self,
        id: i32,
        actor: Option<i32>,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let model = search_synonym::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        search_synonym::Entity::delete_by_id(id).exec(&txn).await?;
        audit::record(
            &txn,
            self.now(),
            actor,
            "dictionnaire.retrait",
            &format!("groupe {id}"),
            &model.expressions.replace('\n', " = "),
        )
        .await?;
        generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}
