//! The review of a project's stage: submission by its lead, then the
//! campus team's decision: accepted (the project moves on) or changes
//! asked on one deliverable or more.

use campus_domain::projet::{
    ActionEtape, EtapeProjet, EtatEtape, EtatLivrable, Livrable, StatutProjet, TypeProjet,
};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::ecriture::{Trace, record_trace};
use super::{Fait, Projets, corrupt};
use crate::StoreError;
use crate::entity::{projet, projet_livrable};
use crate::outbox::{self, OutgoingMail};

/// A decision on the current stage, as the caller saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionEtape {
    pub action: ActionEtape,
    /// The stage the caller decided on: a decision on a stage that moved
    /// meanwhile is refused.
    pub etape: EtapeProjet,
    /// The deliverables refused, for [`ActionEtape::DemanderModifications`].
    pub refus: Vec<Livrable>,
    pub commentaire: Option<String>,
    /// The project's version the caller read, when it names one.
    pub version: Option<i32>,
}

/// Why a decision was not taken; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum EtapeError {
    /// The stage cannot be submitted before these are deposited.
    #[error("livrables manquants")]
    Manquants(Vec<Livrable>),
    /// Asking for changes names what to change.
    #[error("aucun livrable refusé")]
    RefusVide,
    #[error("livrable étranger à l'étape ou non déposé")]
    RefusHorsEtape,
    /// The stage is not (or no longer) where the action starts from:
    /// another reviewer decided first, or the lead has not submitted.
    #[error("l'étape est {etape} ({etat})", etape = .etape.as_str(), etat = .etat.as_str())]
    Impossible { etape: EtapeProjet, etat: EtatEtape },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EtapeError {
    fn from(err: sea_orm::DbErr) -> Self {
        EtapeError::Store(err.into())
    }
}

impl Projets<'_> {
    /// Applies `decision` to the project's current stage, in one
    /// transaction with its deliverables, its history and `mails`; returns
    /// the stage and state reached.
    pub async fn decider_etape(
        &self,
        projet_id: i32,
        decision: &DecisionEtape,
        acteur: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(EtapeProjet, EtatEtape), EtapeError> {
        let now = self.now();
        let txn = self.write().await?;
        let p = projet::Entity::find_by_id(projet_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let type_projet = corrupt(TypeProjet::parse(&p.type_projet), "type", &p.type_projet)?;
        let etape = corrupt(EtapeProjet::parse(&p.etape), "étape", &p.etape)?;
        let etat = corrupt(EtatEtape::parse(&p.etat_etape), "état", &p.etat_etape)?;
        let impossible = EtapeError::Impossible { etape, etat };
        if etape != decision.etape || p.statut != StatutProjet::EnCours.as_str() {
            return Err(impossible);
        }
        let Some((apres, etat_apres)) = decision.action.apply(type_projet, etape, etat) else {
            return Err(impossible);
        };
        let rows = projet_livrable::Entity::find()
            .filter(projet_livrable::Column::ProjetId.eq(projet_id))
            .all(&txn)
            .await?;
        let mut presents = Vec::new();
        for row in &rows {
            let livrable = corrupt(Livrable::parse(&row.livrable), "livrable", &row.livrable)?;
            let etat = corrupt(EtatLivrable::parse(&row.etat), "état", &row.etat)?;
            if etat.compte() {
                presents.push(livrable);
            }
        }
        match decision.action {
            ActionEtape::Soumettre => {
                let manquants = etape.manquants(&presents);
                if !manquants.is_empty() {
                    return Err(EtapeError::Manquants(manquants));
                }
            }
            ActionEtape::DemanderModifications => {
                if decision.refus.is_empty() {
                    return Err(EtapeError::RefusVide);
                }
                if decision
                    .refus
                    .iter()
                    .any(|l| !etape.livrables().contains(l) || !presents.contains(l))
                {
                    return Err(EtapeError::RefusHorsEtape);
                }
            }
            ActionEtape::Valider => {}
        }
        let mut update = projet::Entity::update_many()
            .col_expr(projet::Column::Etape, Expr::value(apres.as_str()))
            .col_expr(projet::Column::EtatEtape, Expr::value(etat_apres.as_str()))
            .col_expr(
                projet::Column::Version,
                Expr::col(projet::Column::Version).add(1),
            )
            .col_expr(projet::Column::UpdatedAt, Expr::value(now))
            .filter(projet::Column::Id.eq(projet_id))
            .filter(projet::Column::Etape.eq(etape.as_str()))
            .filter(projet::Column::EtatEtape.eq(etat.as_str()));
        if let Some(v) = decision.version {
            update = update.filter(projet::Column::Version.eq(v));
        }
        if apres != etape {
            update = update.col_expr(projet::Column::EtapeDepuis, Expr::value(now));
        }
        if etat_apres == EtatEtape::Validee {
            update = update.col_expr(
                projet::Column::Statut,
                Expr::value(StatutProjet::Termine.as_str()),
            );
        }
        if update.exec(&txn).await?.rows_affected != 1 {
            return Err(impossible);
        }
        let commentaire = decision.commentaire.as_deref().unwrap_or("");
        match decision.action {
            ActionEtape::Soumettre => {
                let trace = Trace {
                    etape: Some(etape.as_str()),
                    ..Trace::of(Fait::EtapeSoumise, commentaire)
                };
                record_trace(&txn, projet_id, Some(acteur), trace, now).await?;
            }
            ActionEtape::Valider => {
                let stage: Vec<&str> = etape.livrables().iter().map(|l| l.as_str()).collect();
                projet_livrable::Entity::update_many()
                    .col_expr(
                        projet_livrable::Column::Etat,
                        Expr::value(EtatLivrable::Accepte.as_str()),
                    )
                    .col_expr(
                        projet_livrable::Column::DecideParUserId,
                        Expr::value(acteur),
                    )
                    .col_expr(projet_livrable::Column::UpdatedAt, Expr::value(now))
                    .filter(projet_livrable::Column::ProjetId.eq(projet_id))
                    .filter(projet_livrable::Column::Livrable.is_in(stage))
                    .exec(&txn)
                    .await?;
                let trace = Trace {
                    etape: Some(etape.as_str()),
                    ..Trace::of(Fait::EtapeValidee, apres.as_str())
                };
                record_trace(&txn, projet_id, Some(acteur), trace, now).await?;
            }
            ActionEtape::DemanderModifications => {
                for livrable in &decision.refus {
                    projet_livrable::Entity::update_many()
                        .col_expr(
                            projet_livrable::Column::Etat,
                            Expr::value(EtatLivrable::Refuse.as_str()),
                        )
                        .col_expr(
                            projet_livrable::Column::Commentaire,
                            Expr::value(decision.commentaire.clone()),
                        )
                        .col_expr(
                            projet_livrable::Column::DecideParUserId,
                            Expr::value(acteur),
                        )
                        .col_expr(projet_livrable::Column::UpdatedAt, Expr::value(now))
                        .filter(projet_livrable::Column::ProjetId.eq(projet_id))
                        .filter(projet_livrable::Column::Livrable.eq(livrable.as_str()))
                        .exec(&txn)
                        .await?;
                    let trace = Trace {
                        etape: Some(etape.as_str()),
                        livrable: Some(livrable.as_str()),
                        ..Trace::of(Fait::ModificationsDemandees, commentaire)
                    };
                    record_trace(&txn, projet_id, Some(acteur), trace, now).await?;
                }
            }
        }
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok((apres, etat_apres))
    }
}
