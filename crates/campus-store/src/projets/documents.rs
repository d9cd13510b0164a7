//! The documents of a project, versioned: a new upload of a document is a
//! new version of its series, and every earlier version stays readable.
//! A document may answer a deliverable of the current stage.

use std::collections::HashMap;

use campus_domain::projet::{EtatEtape, EtatLivrable, Livrable, StatutProjet};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::ecriture::{Trace, record_trace};
use super::{Fait, Projets, corrupt};
use crate::StoreError;
use crate::documents::{self, DocumentInfo, NouveauDocument};
use crate::entity::{document, projet, projet_document, projet_livrable, user};

/// A file just stored in the document store, to attach to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouveauDocumentProjet {
    pub document: NouveauDocument,
    pub titre: String,
    /// The deliverable of the current stage the document answers.
    pub livrable: Option<Livrable>,
    /// A document of the project this one is a new version of.
    pub serie_de: Option<i32>,
    /// Shown on the project's public page.
    pub public: bool,
}

/// Why a document was not attached; nothing changed (the caller deletes
/// the stored bytes).
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The deliverable belongs to another stage than the current one.
    #[error("ce livrable n'est pas demandé à l'étape en cours")]
    LivrableHorsEtape,
    /// The stage waits for its review: its deliverables are frozen.
    #[error("l'étape est soumise à la revue")]
    EtapeSoumise,
    #[error("le projet n'est plus en cours")]
    ProjetClos,
    /// The series to add a version to is not one of this project's.
    #[error("document inconnu dans ce projet")]
    SerieInconnue,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for DocumentError {
    fn from(err: sea_orm::DbErr) -> Self {
        DocumentError::Store(err.into())
    }
}

/// One version of a document of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentProjet {
    pub id: i32,
    pub projet_id: i32,
    /// The id of the series' first version.
    pub serie_id: i32,
    pub version: i32,
    pub titre: String,
    pub livrable: Option<Livrable>,
    pub public: bool,
    pub depose_par_user_id: Option<i32>,
    pub depose_par_nom: Option<String>,
    pub fichier: DocumentInfo,
    pub created_at: DateTime<Utc>,
}

impl Projets<'_> {
    /// Registers a stored file as a document of the project (a new series,
    /// or the next version of `serie_de`) and, when it answers a
    /// deliverable, marks the deliverable deposited; returns its id.
    pub async fn deposer_document(
        &self,
        projet_id: i32,
        input: &NouveauDocumentProjet,
        acteur: i32,
    ) -> Result<i32, DocumentError> {
        let now = self.now();
        let txn = self.write().await?;
        let p = projet::Entity::find_by_id(projet_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if let Some(livrable) = input.livrable {
            if p.statut != StatutProjet::EnCours.as_str() {
                return Err(DocumentError::ProjetClos);
            }
            if livrable.etape().as_str() != p.etape {
                return Err(DocumentError::LivrableHorsEtape);
            }
            if p.etat_etape != EtatEtape::EnCours.as_str() {
                return Err(DocumentError::EtapeSoumise);
            }
        }
        let (serie, version) = match input.serie_de {
            None => (None, 1),
            Some(of) => {
                let first = projet_document::Entity::find_by_id(of)
                    .filter(projet_document::Column::ProjetId.eq(projet_id))
                    .one(&txn)
                    .await?
                    .ok_or(DocumentError::SerieInconnue)?;
                let serie = first.serie_id.unwrap_or(first.id);
                let last = projet_document::Entity::find()
                    .filter(projet_document::Column::SerieId.eq(serie))
                    .order_by_desc(projet_document::Column::Version)
                    .one(&txn)
                    .await?
                    .map_or(1, |d| d.version);
                (Some(serie), last + 1)
            }
        };
        let fichier = documents::register(&txn, &input.document, now).await?;
        let row = projet_document::ActiveModel {
            projet_id: Set(projet_id),
            serie_id: Set(serie),
            version: Set(version),
            document_id: Set(fichier),
            titre: Set(input.titre.chars().take(200).collect()),
            livrable: Set(input.livrable.map(|l| l.as_str().to_owned())),
            public: Set(input.public),
            depose_par_user_id: Set(Some(acteur)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if serie.is_none() {
            projet_document::Entity::update_many()
                .col_expr(projet_document::Column::SerieId, Expr::value(row.id))
                .filter(projet_document::Column::Id.eq(row.id))
                .exec(&txn)
                .await?;
        }
        if let Some(livrable) = input.livrable {
            projet_livrable::Entity::delete_by_id((projet_id, livrable.as_str().to_owned()))
                .exec(&txn)
                .await?;
            projet_livrable::ActiveModel {
                projet_id: Set(projet_id),
                livrable: Set(livrable.as_str().to_owned()),
                etat: Set(EtatLivrable::Depose.as_str().to_owned()),
                projet_document_id: Set(row.id),
                commentaire: Set(None),
                decide_par_user_id: Set(None),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
        record_trace(
            &txn,
            projet_id,
            Some(acteur),
            Trace {
                fait: Fait::DocumentDepose,
                etape: input.livrable.map(|l| l.etape().as_str()),
                livrable: input.livrable.map(Livrable::as_str),
                document: Some(row.id),
                detail: &input.titre,
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(row.id)
    }

    /// Every version of every document of the project, series by series,
    /// newest version first.
    pub async fn documents(&self, projet_id: i32) -> Result<Vec<DocumentProjet>, StoreError> {
        let rows = projet_document::Entity::find()
            .filter(projet_document::Column::ProjetId.eq(projet_id))
            .order_by_asc(projet_document::Column::SerieId)
            .order_by_desc(projet_document::Column::Version)
            .all(self.conn())
            .await?;
        self.hydrate(rows).await
    }

    /// One version of a document, with the project it belongs to.
    pub async fn document(&self, id: i32) -> Result<DocumentProjet, StoreError> {
        let row = projet_document::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.hydrate(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Shows or hides a document on the project's public page.
    pub async fn publier_document(
        &self,
        id: i32,
        public: bool,
        acteur: i32,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        let row = projet_document::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        projet_document::Entity::update_many()
            .col_expr(projet_document::Column::Public, Expr::value(public))
            .filter(projet_document::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            self.now(),
            Some(acteur),
            if public {
                "projet.document_publie"
            } else {
                "projet.document_retire"
            },
            &row.titre,
            &row.projet_id.to_string(),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    async fn hydrate(
        &self,
        rows: Vec<projet_document::Model>,
    ) -> Result<Vec<DocumentProjet>, StoreError> {
        let files: HashMap<i32, DocumentInfo> = document::Entity::find()
            .filter(document::Column::Id.is_in(rows.iter().map(|r| r.document_id)))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|d| (d.id, DocumentInfo::from(d)))
            .collect();
        let authors: HashMap<i32, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(rows.iter().filter_map(|r| r.depose_par_user_id)))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        rows.into_iter()
            .map(|r| {
                let fichier = files
                    .get(&r.document_id)
                    .cloned()
                    .ok_or_else(|| StoreError::Corrupt(format!("document {}", r.document_id)))?;
                let livrable = match &r.livrable {
                    Some(l) => Some(corrupt(Livrable::parse(l), "livrable", l)?),
                    None => None,
                };
                Ok(DocumentProjet {
                    id: r.id,
                    projet_id: r.projet_id,
                    serie_id: r.serie_id.unwrap_or(r.id),
                    version: r.version,
                    titre: r.titre,
                    livrable,
                    public: r.public,
                    depose_par_nom: r.depose_par_user_id.and_then(|u| authors.get(&u).cloned()),
                    depose_par_user_id: r.depose_par_user_id,
                    fichier,
                    created_at: r.created_at,
                })
            })
            .collect()
    }
}
