//! Applications: sent, moved along the pipeline, reminded, measured,
//! forgotten.
//!
//! A step is a conditional update on the application's state, and on its
//! version when the caller names the version it saw (the API's `version`,
//! the page's hidden field): the first statement of its transaction, so
//! that of two recruiters acting at once exactly one wins. Retaining also
//! takes a position of the offer by a conditional update, and closes the
//! offer when it took the last one.

use std::collections::{HashMap, HashSet};

use campus_domain::insertion::{
    ActionCandidature, EtatCandidature, EtatOffre, MotifNonRetenue, Relances,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::offres::open_condition;
use super::{Candidature, Etape, Insertion};
use crate::StoreError;
use crate::documents::{self, DocumentInfo, NouveauDocument};
use crate::entity::{candidature, candidature_etape, document, offre, user};
use crate::outbox::{self, OutgoingMail};

/// An application as the candidate sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NouvelleCandidature {
    pub offre_id: i32,
    pub candidat_user_id: i32,
    pub message: String,
    /// The CV, already in the document store.
    pub cv: Option<NouveauDocument>,
}

/// Why an application was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("offre fermée ou expirée")]
    OffreFermee,
    #[error("candidature déjà envoyée")]
    DejaEnvoyee,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ApplyError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApplyError::Store(err.into())
    }
}

/// Why a step was not taken; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// The application's state does not allow the step (any more).
    #[error("étape impossible depuis l'état {}", .0.as_str())]
    Illegal(EtatCandidature),
    /// Someone changed the application since the caller read it.
    #[error("candidature modifiée entre-temps")]
    Stale,
    /// Every position of the offer is already filled.
    #[error("plus de poste à pourvoir")]
    PlusDePoste,
    /// A mobility cannot be confirmed yet: the key of what is missing
    /// (the learning agreement, an approval, a parent's consent).
    #[error("mobilité non confirmable : {0}")]
    MobiliteIncomplete(&'static str),
    /// The candidate's reminder is not possible (too early, already sent,
    /// already answered).
    #[error("relance impossible")]
    RelanceImpossible,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for StepError {
    fn from(err: sea_orm::DbErr) -> Self {
        StepError::Store(err.into())
    }
}

/// What a step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDone {
    pub avant: EtatCandidature,
    pub apres: EtatCandidature,
    pub version: i32,
    /// Whether this step filled the offer's last position.
    pub offre_pourvue: bool,
}

/// A company's (or the whole network's) answers to applications.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Taux {
    /// Applications that wait or waited for an answer: all but those
    /// withdrawn before one.
    pub candidatures: u64,
    pub repondues: u64,
    /// Median time to the first answer, in hours.
    pub mediane_heures: Option<f64>,
}

impl Taux {
    /// Share answered, in [0, 1]; `None` before any application.
    pub fn taux(&self) -> Option<f64> {
        (self.candidatures > 0).then(|| self.repondues as f64 / self.candidatures as f64)
    }
}

/// A CV due for deletion under the retention rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvExpire {
    pub candidature_id: i32,
    pub document_id: i32,
    pub cle: String,
}

const WAITING: [&str; 2] = ["envoyee", "lue"];

impl Insertion<'_> {
    /// Records an application to an open offer, with its CV's row, its
    /// first step and the e-mails `mails` writes for its id.
    pub async fn postuler(
        &self,
        input: &NouvelleCandidature,
        mails: impl FnOnce(i32) -> Vec<OutgoingMail>,
    ) -> Result<i32, ApplyError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert_candidature(&txn, input, self.clock().today(), now).await?;
        outbox::enqueue(&txn, mails(id), now).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Moves an application by `action`. `version`, when given, must be
    /// the application's current one. `mails` is queued with the step.
    pub async fn changer_etat(
        &self,
        id: i32,
        action: ActionCandidature,
        acteur: Option<i32>,
        version: Option<i32>,
        motif: Option<MotifNonRetenue>,
        mails: Vec<OutgoingMail>,
    ) -> Result<StepDone, StepError> {
        let now = self.now();
        let txn = self.write().await?;
        let mut done = None;
        for &avant in action.sources() {
            let apres = action.target();
            let mut update = candidature::Entity::update_many()
                .col_expr(candidature::Column::Etat, Expr::value(apres.as_str()))
                .col_expr(
                    candidature::Column::Version,
                    Expr::col(candidature::Column::Version).add(1),
                )
                .col_expr(candidature::Column::UpdatedAt, Expr::value(now))
                .col_expr(candidature::Column::DerniereActivite, Expr::value(now))
                .filter(candidature::Column::Id.eq(id))
                .filter(candidature::Column::Etat.eq(avant.as_str()));
            if let Some(v) = version {
                update = update.filter(candidature::Column::Version.eq(v));
            }
            if action == ActionCandidature::Lire {
                update = update.col_expr(candidature::Column::LueLe, Expr::value(now));
            }
            if apres.is_answered() && !avant.is_answered() {
                update = update.col_expr(candidature::Column::RepondueLe, Expr::value(now));
            }
            if apres == EtatCandidature::NonRetenue {
                update = update.col_expr(
                    candidature::Column::Motif,
                    Expr::value(motif.map(|m| m.as_str().to_owned())),
                );
            }
            if update.exec(&txn).await?.rows_affected == 1 {
                done = Some((avant, apres));
                break;
            }
        }
        let current = candidature::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let Some((avant, apres)) = done else {
            let etat = parse_etat(&current)?;
            return Err(match version {
                Some(v) if v != current.version && action.apply(etat).is_some() => StepError::Stale,
                _ => StepError::Illegal(etat),
            });
        };
        let mut offre_pourvue = false;
        if apres == EtatCandidature::Retenue {
            if let Some(manque) = crate::mobilite::manque_pour_confirmer(&txn, id).await? {
                return Err(StepError::MobiliteIncomplete(manque));
            }
            let taken = offre::Entity::update_many()
                .col_expr(
                    offre::Column::PostesPourvus,
                    Expr::col(offre::Column::PostesPourvus).add(1),
                )
                .col_expr(
                    offre::Column::Version,
                    Expr::col(offre::Column::Version).add(1),
                )
                .col_expr(offre::Column::UpdatedAt, Expr::value(now))
                .filter(offre::Column::Id.eq(current.offre_id))
                .filter(
                    Expr::col(offre::Column::PostesPourvus).lt(Expr::col(offre::Column::Postes)),
                )
                .exec(&txn)
                .await?;
            if taken.rows_affected != 1 {
                return Err(StepError::PlusDePoste);
            }
            let closed = offre::Entity::update_many()
                .col_expr(
                    offre::Column::Etat,
                    Expr::value(EtatOffre::Pourvue.as_str()),
                )
                .filter(offre::Column::Id.eq(current.offre_id))
                .filter(offre::Column::Etat.eq(EtatOffre::Ouverte.as_str()))
                .filter(
                    Expr::col(offre::Column::PostesPourvus).eq(Expr::col(offre::Column::Postes)),
                )
                .exec(&txn)
                .await?;
            offre_pourvue = closed.rows_affected == 1;
            if offre_pourvue {
                crate::generation::bump(&txn).await?;
            }
        }
        let motif = (apres == EtatCandidature::NonRetenue)
            .then_some(motif)
            .flatten();
        trace(&txn, id, acteur, Some(avant), apres, motif, now).await?;
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(StepDone {
            avant,
            apres,
            version: current.version,
            offre_pourvue,
        })
    }

    /// The candidate's one reminder, from [`Relances::CANDIDAT_JOURS`] days
    /// after sending while no answer came.
    pub async fn relancer_par_candidat(
        &self,
        id: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), StepError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = candidature::Entity::update_many()
            .col_expr(candidature::Column::RelanceCandidatLe, Expr::value(now))
            .col_expr(candidature::Column::DerniereActivite, Expr::value(now))
            .filter(candidature::Column::Id.eq(id))
            .filter(candidature::Column::RelanceCandidatLe.is_null())
            .filter(candidature::Column::Etat.is_in(WAITING))
            .filter(
                candidature::Column::CreatedAt.lte(now - Duration::days(Relances::CANDIDAT_JOURS)),
            )
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(StepError::RelanceImpossible);
        }
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records the agreement of the pupil's school to an application to an
    /// observation period: from then on, the company sees who applied.
    /// Returns whether this call recorded it (not already done).
    pub async fn accord_etablissement(&self, id: i32) -> Result<bool, StoreError> {
        let now = self.now();
        let done = candidature::Entity::update_many()
            .col_expr(candidature::Column::AccordEcoleLe, Expr::value(now))
            .col_expr(candidature::Column::DerniereActivite, Expr::value(now))
            .col_expr(
                candidature::Column::Version,
                Expr::col(candidature::Column::Version).add(1),
            )
            .filter(candidature::Column::Id.eq(id))
            .filter(candidature::Column::AccordEcoleLe.is_null())
            .exec(self.conn())
            .await?;
        Ok(done.rows_affected == 1)
    }

    /// Applications still without an answer for which a recruiter
    /// reminder is due at `now`, with the reminder's rank.
    pub async fn relances_dues(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Candidature, u32)>, StoreError> {
        let first = Relances::RECRUTEUR_JOURS[0];
        let rows = candidature::Entity::find()
            .filter(candidature::Column::Etat.is_in(WAITING))
            .filter(
                candidature::Column::RelancesRecruteur.lt(Relances::RECRUTEUR_JOURS.len() as i32),
            )
            .filter(candidature::Column::CreatedAt.lte(now - Duration::days(first)))
            .filter(candidature::Column::Pseudonymisee.eq(false))
            .order_by_asc(candidature::Column::Id)
            .all(self.conn())
            .await?;
        let due: Vec<(candidature::Model, u32)> = rows
            .into_iter()
            .filter_map(|r| {
                let already = u32::try_from(r.relances_recruteur).unwrap_or(0);
                Relances::recruteur_due(r.created_at, now, already).map(|rank| (r, rank))
            })
            .collect();
        let ranks: HashMap<i32, u32> = due.iter().map(|(r, rank)| (r.id, *rank)).collect();
        let list = self
            .hydrate_candidatures(due.into_iter().map(|(r, _)| r).collect())
            .await?;
        Ok(list
            .into_iter()
            .filter_map(|c| ranks.get(&c.id).map(|rank| (c, *rank)))
            .collect())
    }

    /// Marks the recruiter reminder `rank` as sent and queues its mails,
    /// unless another node did it first or an answer came meanwhile;
    /// returns whether this call sent it.
    pub async fn envoyer_relance(
        &self,
        id: i32,
        rank: u32,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = candidature::Entity::update_many()
            .col_expr(
                candidature::Column::RelancesRecruteur,
                Expr::value(rank as i32),
            )
            .filter(candidature::Column::Id.eq(id))
            .filter(candidature::Column::RelancesRecruteur.eq(rank as i32 - 1))
            .filter(candidature::Column::Etat.is_in(WAITING))
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Ok(false);
        }
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(true)
    }

    /// One application.
    pub async fn candidature(&self, id: i32) -> Result<Candidature, StoreError> {
        let row = candidature::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.hydrate_candidatures(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// A person's applications, most recent first.
    pub async fn candidatures_du_candidat(
        &self,
        user_id: i32,
    ) -> Result<Vec<Candidature>, StoreError> {
        let rows = candidature::Entity::find()
            .filter(candidature::Column::CandidatUserId.eq(user_id))
            .order_by_desc(candidature::Column::CreatedAt)
            .order_by_desc(candidature::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_candidatures(rows).await
    }

    /// The applications to the offers of `offre_ids`, oldest first.
    pub async fn candidatures_des_offres(
        &self,
        offre_ids: &[i32],
    ) -> Result<Vec<Candidature>, StoreError> {
        if offre_ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = candidature::Entity::find()
            .filter(candidature::Column::OffreId.is_in(offre_ids.to_vec()))
            .order_by_asc(candidature::Column::CreatedAt)
            .order_by_asc(candidature::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_candidatures(rows).await
    }

    /// An application's trail, oldest step first.
    pub async fn etapes(&self, id: i32) -> Result<Vec<Etape>, StoreError> {
        candidature_etape::Entity::find()
            .filter(candidature_etape::Column::CandidatureId.eq(id))
            .order_by_asc(candidature_etape::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|e| {
                let parse = |s: &str| {
                    EtatCandidature::parse(s)
                        .map_err(|_| StoreError::Corrupt(format!("étape {} : état", e.id)))
                };
                Ok(Etape {
                    acteur_user_id: e.acteur_user_id,
                    etat_avant: e.etat_avant.as_deref().map(parse).transpose()?,
                    etat_apres: parse(&e.etat_apres)?,
                    motif: e
                        .motif
                        .as_deref()
                        .and_then(|m| MotifNonRetenue::parse(m).ok()),
                    created_at: e.created_at,
                })
            })
            .collect()
    }

    /// The answers to the applications of the offers of `organisation_id`
    /// (every offer of the network when `None`).
    pub async fn taux_de_reponse(&self, organisation_id: Option<i32>) -> Result<Taux, StoreError> {
        let mut offers = offre::Entity::find();
        if let Some(id) = organisation_id {
            offers = offers.filter(offre::Column::OrganisationId.eq(id));
        }
        let ids: Vec<i32> = offers
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        let mut rows = Vec::new();
        for chunk in ids.chunks(500) {
            rows.extend(
                candidature::Entity::find()
                    .filter(candidature::Column::OffreId.is_in(chunk.to_vec()))
                    .all(self.conn())
                    .await?,
            );
        }
        Ok(taux(&rows))
    }

    /// Applications whose CV is kept past `before` without any activity:
    /// the retention rule deletes those CVs.
    pub async fn cvs_expires(&self, before: DateTime<Utc>) -> Result<Vec<CvExpire>, StoreError> {
        let rows = candidature::Entity::find()
            .filter(candidature::Column::CvDocumentId.is_not_null())
            .filter(candidature::Column::DerniereActivite.lt(before))
            .all(self.conn())
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let Some(doc_id) = r.cv_document_id else {
                continue;
            };
            if let Some(doc) = documents::find(self.conn(), doc_id).await? {
                out.push(CvExpire {
                    candidature_id: r.id,
                    document_id: doc.id,
                    cle: doc.cle,
                });
            }
        }
        Ok(out)
    }

    /// Detaches and forgets an application's CV (its bytes are already
    /// deleted, or about to be).
    pub async fn oublier_cv(
        &self,
        candidature_id: i32,
        document_id: i32,
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        candidature::Entity::update_many()
            .col_expr(
                candidature::Column::CvDocumentId,
                Expr::value(Option::<i32>::None),
            )
            .filter(candidature::Column::Id.eq(candidature_id))
            .filter(candidature::Column::CvDocumentId.eq(document_id))
            .exec(&txn)
            .await?;
        documents::forget(&txn, document_id).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Pseudonymises the applications without activity since `before`:
    /// the person's link and message go, the steps and dates stay for the
    /// answer rates. Returns how many. Their CVs must be gone already
    /// (the CV rule is the shorter one); any left are detached and their
    /// keys returned for deletion.
    pub async fn pseudonymiser_candidatures(
        &self,
        before: DateTime<Utc>,
    ) -> Result<(u64, Vec<String>), StoreError> {
        let txn = self.write().await?;
        let rows = candidature::Entity::find()
            .filter(candidature::Column::Pseudonymisee.eq(false))
            .filter(candidature::Column::DerniereActivite.lt(before))
            .all(&txn)
            .await?;
        let keys = pseudonymise(&txn, &rows).await?;
        txn.commit().await?;
        Ok((rows.len() as u64, keys))
    }

    /// The document-store keys of a person's CVs: what to delete once
    /// their account's erasure committed.
    pub async fn cles_cv_de(&self, user_id: i32) -> Result<Vec<String>, StoreError> {
        let mut keys = Vec::new();
        for r in candidature::Entity::find()
            .filter(candidature::Column::CandidatUserId.eq(user_id))
            .filter(candidature::Column::CvDocumentId.is_not_null())
            .all(self.conn())
            .await?
        {
            if let Some(doc) =
                documents::find(self.conn(), r.cv_document_id.unwrap_or_default()).await?
            {
                keys.push(doc.cle);
            }
        }
        Ok(keys)
    }

    /// Rows to applications, with their offer's title and the candidate.
    async fn hydrate_candidatures(
        &self,
        rows: Vec<candidature::Model>,
    ) -> Result<Vec<Candidature>, StoreError> {
        let offer_ids: HashSet<i32> = rows.iter().map(|r| r.offre_id).collect();
        let user_ids: HashSet<i32> = rows.iter().filter_map(|r| r.candidat_user_id).collect();
        let doc_ids: HashSet<i32> = rows.iter().filter_map(|r| r.cv_document_id).collect();
        let offers: HashMap<i32, offre::Model> = if offer_ids.is_empty() {
            HashMap::new()
        } else {
            offre::Entity::find()
                .filter(offre::Column::Id.is_in(offer_ids))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|o| (o.id, o))
                .collect()
        };
        let users: HashMap<i32, user::Model> = if user_ids.is_empty() {
            HashMap::new()
        } else {
            user::Entity::find()
                .filter(user::Column::Id.is_in(user_ids))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|u| (u.id, u))
                .collect()
        };
        let docs: HashMap<i32, DocumentInfo> = if doc_ids.is_empty() {
            HashMap::new()
        } else {
            document::Entity::find()
                .filter(document::Column::Id.is_in(doc_ids))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|d| (d.id, DocumentInfo::from(d)))
                .collect()
        };
        rows.into_iter()
            .map(|r| {
                let etat = parse_etat(&r)?;
                let offer = offers.get(&r.offre_id);
                let person = r.candidat_user_id.and_then(|id| users.get(&id));
                Ok(Candidature {
                    id: r.id,
                    offre_id: r.offre_id,
                    offre_intitule: offer.map(|o| o.intitule.clone()).unwrap_or_default(),
                    offre_organisation_id: offer.and_then(|o| o.organisation_id),
                    candidat_user_id: r.candidat_user_id,
                    candidat_nom: person.map(|u| u.display_name.clone()),
                    candidat_email: person.map(|u| u.email.clone()),
                    message: r.message,
                    cv: r.cv_document_id.and_then(|id| docs.get(&id).cloned()),
                    etat,
                    motif: r
                        .motif
                        .as_deref()
                        .and_then(|m| MotifNonRetenue::parse(m).ok()),
                    version: r.version,
                    relances_recruteur: u32::try_from(r.relances_recruteur).unwrap_or(0),
                    relance_candidat_le: r.relance_candidat_le,
                    lue_le: r.lue_le,
                    repondue_le: r.repondue_le,
                    accord_ecole_le: r.accord_ecole_le,
                    derniere_activite: r.derniere_activite,
                    pseudonymisee: r.pseudonymisee,
                    created_at: r.created_at,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }
}

fn parse_etat(r: &candidature::Model) -> Result<EtatCandidature, StoreError> {
    EtatCandidature::parse(&r.etat)
        .map_err(|_| StoreError::Corrupt(format!("candidature {} : état", r.id)))
}

/// Records a step in the application's trail.
async fn trace<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    acteur: Option<i32>,
    avant: Option<EtatCandidature>,
    apres: EtatCandidature,
    motif: Option<MotifNonRetenue>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    candidature_etape::ActiveModel {
        candidature_id: Set(id),
        acteur_user_id: Set(acteur),
        etat_avant: Set(avant.map(|e| e.as_str().to_owned())),
        etat_apres: Set(apres.as_str().to_owned()),
        motif: Set(motif.map(|m| m.as_str().to_owned())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Clears the person's link, message and CV of `rows`; returns the CVs'
/// keys.
async fn pseudonymise<C: ConnectionTrait>(
    conn: &C,
    rows: &[candidature::Model],
) -> Result<Vec<String>, StoreError> {
    let mut keys = Vec::new();
    for r in rows {
        candidature::Entity::update_many()
            .col_expr(
                candidature::Column::CandidatUserId,
                Expr::value(Option::<i32>::None),
            )
            .col_expr(candidature::Column::Message, Expr::value(String::new()))
            .col_expr(
                candidature::Column::CvDocumentId,
                Expr::value(Option::<i32>::None),
            )
            .col_expr(candidature::Column::Pseudonymisee, Expr::value(true))
            .filter(candidature::Column::Id.eq(r.id))
            .exec(conn)
            .await?;
        if let Some(doc_id) = r.cv_document_id {
            if let Some(doc) = documents::find(conn, doc_id).await? {
                keys.push(doc.cle);
            }
            documents::forget(conn, doc_id).await?;
        }
        candidature_etape::Entity::update_many()
            .col_expr(
                candidature_etape::Column::ActeurUserId,
                Expr::value(Option::<i32>::None),
            )
            .filter(candidature_etape::Column::CandidatureId.eq(r.id))
            .filter(candidature_etape::Column::ActeurUserId.eq(r.candidat_user_id))
            .exec(conn)
            .await?;
    }
    Ok(keys)
}

/// Pseudonymises every application of a person, in the transaction of
/// their account's erasure.
pub(crate) async fn pseudonymise_person<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
) -> Result<(), StoreError> {
    let rows = candidature::Entity::find()
        .filter(candidature::Column::CandidatUserId.eq(user_id))
        .all(conn)
        .await?;
    pseudonymise(conn, &rows).await?;
    Ok(())
}

/// Answer rate and median answer time of `rows`.
fn taux(rows: &[candidature::Model]) -> Taux {
    let mut counted = 0;
    let mut hours = Vec::new();
    for r in rows {
        let withdrawn_unanswered =
            r.etat == EtatCandidature::Retiree.as_str() && r.repondue_le.is_none();
        if withdrawn_unanswered {
            continue;
        }
        counted += 1;
        if let Some(at) = r.repondue_le {
            hours.push((at - r.created_at).num_minutes() as f64 / 60.0);
        }
    }
    hours.sort_by(f64::total_cmp);
    let mediane_heures = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    Taux {
        candidatures: counted,
        repondues: hours.len() as u64,
        mediane_heures,
    }
}

/// Records an application to an open offer on `txn` (the caller's
/// transaction, which may add an extension row): its CV's row and its
/// first step. Returns its id.
pub(crate) async fn insert_candidature<C: ConnectionTrait>(
    txn: &C,
    input: &NouvelleCandidature,
    today: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<i32, ApplyError> {
    let open = offre::Entity::find_by_id(input.offre_id)
        .filter(open_condition(today))
        .one(txn)
        .await?;
    if open.is_none() {
        return Err(ApplyError::OffreFermee);
    }
    let already = candidature::Entity::find()
        .filter(candidature::Column::OffreId.eq(input.offre_id))
        .filter(candidature::Column::CandidatUserId.eq(input.candidat_user_id))
        .one(txn)
        .await?;
    if already.is_some() {
        return Err(ApplyError::DejaEnvoyee);
    }
    let cv = match &input.cv {
        Some(doc) => Some(documents::register(txn, doc, now).await?),
        None => None,
    };
    let inserted = candidature::ActiveModel {
        offre_id: Set(input.offre_id),
        candidat_user_id: Set(Some(input.candidat_user_id)),
        message: Set(input.message.clone()),
        cv_document_id: Set(cv),
        etat: Set(EtatCandidature::Envoyee.as_str().to_owned()),
        version: Set(1),
        relances_recruteur: Set(0),
        derniere_activite: Set(now),
        pseudonymisee: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await;
    let id = match inserted {
        Ok(row) => row.id,
        // Sent twice at the same moment: the unique key decides.
        Err(err) if StoreError::from(err.clone()).is_conflict() => {
            return Err(ApplyError::DejaEnvoyee);
        }
        Err(err) => return Err(err.into()),
    };
    trace(
        txn,
        id,
        Some(input.candidat_user_id),
        None,
        EtatCandidature::Envoyee,
        None,
        now,
    )
    .await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn row(etat: &str, hours: Option<i64>) -> candidature::Model {
        let created = DateTime::parse_from_rfc3339("2027-01-04T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        candidature::Model {
            id: 1,
            offre_id: 1,
            candidat_user_id: Some(1),
            message: String::new(),
            cv_document_id: None,
            etat: etat.into(),
            motif: None,
            version: 1,
            relances_recruteur: 0,
            relance_candidat_le: None,
            lue_le: None,
            repondue_le: hours.map(|h| created + Duration::hours(h)),
            accord_ecole_le: None,
            derniere_activite: created,
            pseudonymisee: false,
            created_at: created,
            updated_at: created,
        }
    }

    #[test]
    fn answer_rate_leaves_out_withdrawals_before_an_answer() {
        let t = taux(&[
            row("envoyee", None),
            row("entretien", Some(10)),
            row("non_retenue", Some(30)),
            row("retiree", None),
            row("retiree", Some(50)),
        ]);
        assert_eq!(t.candidatures, 4);
        assert_eq!(t.repondues, 3);
        assert_eq!(t.mediane_heures, Some(30.0));
        assert_eq!(t.taux(), Some(0.75));
        assert_eq!(taux(&[]).taux(), None);
        assert_eq!(
            taux(&[row("lue", Some(4)), row("retenue", Some(8))]).mediane_heures,
            Some(6.0)
        );
    }
}
