//! The steps of a request, each one transaction.
//!
//! A step first moves the request's state with a conditional update
//! (`UPDATE … SET etat = après WHERE id = ? AND etat = avant`), trying each
//! state the transition may start from. The update is the transaction's
//! first statement: on PostgreSQL it locks the row, so a concurrent step
//! waits and then finds the state changed; on SQLite it takes the write
//! lock before anything was read. Exactly one of two concurrent
//! acceptances wins; the other is told the request's state.

use campus_domain::formation::Formation;
use campus_domain::module::{EtatDemande, EtatProposition, LieuModule, Stagiaire, Transition};
use campus_domain::{Centimes, CodePostal, Siret, StatutApprenant};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, Set, UpdateMany,
};

use super::{Sujet, catalogue};
use crate::entity::{
    module_demande, module_historique, module_orientation, module_proposition, module_stagiaire,
    module_thematique,
};
use crate::outbox::{self, OutgoingMail};
use crate::{StoreError, generation};

/// Why a step was not taken.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    /// The request's state does not allow the step (any more).
    #[error("étape impossible depuis l'état {}", .0.as_str())]
    Illegal(EtatDemande),
    /// The trainer was not sent this request.
    #[error("demande non adressée à ce formateur")]
    NotRouted,
    /// The proposal is not (or no longer) waiting for a decision.
    #[error("proposition indisponible")]
    ProposalUnavailable,
    /// A module is published only once its trainees are listed.
    #[error("aucun stagiaire inscrit")]
    NoTrainees,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for WorkflowError {
    fn from(err: sea_orm::DbErr) -> Self {
        WorkflowError::Store(err.into())
    }
}

/// A request as the company sends it, validated.
#[derive(Clone, Debug)]
pub struct NewRequest {
    pub organisation_id: i32,
    pub requester_user_id: Option<i32>,
    pub intitule: String,
    pub besoin: String,
    pub stagiaires: u32,
    pub lieu: LieuModule,
    pub lieu_adresse: Option<String>,
    pub lieu_code_postal: Option<CodePostal>,
    pub lieu_commune: Option<String>,
    pub date_debut: NaiveDate,
    pub date_fin: NaiveDate,
    pub budget: Option<Centimes>,
    pub sujets: Vec<Sujet>,
}

/// A trainer's proposal, validated.
#[derive(Clone, Debug)]
pub struct NewProposal {
    pub contenu: String,
    pub objectifs: String,
    /// Whole hours.
    pub duree_heures: u32,
    pub prix: Centimes,
    pub date_debut: NaiveDate,
    pub date_fin: NaiveDate,
    pub lieu_nom: String,
    pub lieu_adresse: String,
    pub lieu_code_postal: CodePostal,
    pub lieu_commune: String,
    pub organisme_nom: String,
    pub organisme_siret: Siret,
    pub numero_activite: String,
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Moves the request's state by `transition`, setting what `extra` adds;
/// returns the states before and after.
async fn step<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    now: DateTime<Utc>,
    transition: Transition,
    extra: impl Fn(UpdateMany<module_demande::Entity>) -> UpdateMany<module_demande::Entity>,
) -> Result<(EtatDemande, EtatDemande), WorkflowError> {
    for &avant in transition.sources() {
        let Some(apres) = transition.apply(avant) else {
            continue;
        };
        let update = module_demande::Entity::update_many()
            .col_expr(module_demande::Column::Etat, Expr::value(apres.as_str()))
            .col_expr(module_demande::Column::UpdatedAt, Expr::value(now))
            .filter(module_demande::Column::Id.eq(id))
            .filter(module_demande::Column::Etat.eq(avant.as_str()));
        if extra(update).exec(conn).await?.rows_affected == 1 {
            return Ok((avant, apres));
        }
    }
    let current = module_demande::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let etat = EtatDemande::parse(&current.etat)
        .ok_or_else(|| StoreError::Corrupt(format!("demande de module {id} : état")))?;
    Err(WorkflowError::Illegal(etat))
}

/// Records a step in the request's trail.
async fn trace<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    now: DateTime<Utc>,
    actor: Option<i32>,
    action: &str,
    etats: (Option<EtatDemande>, EtatDemande),
    note: Option<String>,
) -> Result<(), StoreError> {
    module_historique::ActiveModel {
        request_id: Set(id),
        actor_user_id: Set(actor),
        action: Set(action.to_owned()),
        etat_avant: Set(etats.0.map(|e| e.as_str().to_owned())),
        etat_apres: Set(etats.1.as_str().to_owned()),
        note: Set(note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A step's line in the request's history: who, what, the states before
/// and after, and an optional note.
struct Entry<'a> {
    actor: Option<i32>,
    action: &'a str,
    etats: (Option<EtatDemande>, EtatDemande),
    note: Option<String>,
}

impl Entry<'static> {
    /// The history line of a transition made by `actor`.
    fn step(
        actor: i32,
        transition: Transition,
        avant: EtatDemande,
        apres: EtatDemande,
        note: Option<String>,
    ) -> Entry<'static> {
        Entry {
            actor: Some(actor),
            action: transition.as_str(),
            etats: (Some(avant), apres),
            note,
        }
    }
}

/// Ends a step: its line in the request's history, its e-mails, then the
/// commit, so that a step is never recorded without its notifications.
async fn conclude(
    txn: DatabaseTransaction,
    id: i32,
    now: DateTime<Utc>,
    entry: Entry<'_>,
    mails: Vec<OutgoingMail>,
) -> Result<(), StoreError> {
    let Entry {
        actor,
        action,
        etats,
        note,
    } = entry;
    trace(&txn, id, now, actor, action, etats, note).await?;
    outbox::enqueue(&txn, mails, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Closes the proposals still waiting.
async fn close_waiting<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    module_proposition::Entity::update_many()
        .col_expr(
            module_proposition::Column::Etat,
            Expr::value(EtatProposition::Close.as_str()),
        )
        .col_expr(module_proposition::Column::UpdatedAt, Expr::value(now))
        .filter(module_proposition::Column::RequestId.eq(id))
        .filter(module_proposition::Column::Etat.eq(EtatProposition::EnAttente.as_str()))
        .exec(conn)
        .await?;
    Ok(())
}

impl super::Modules<'_> {
    /// Records a company's request; returns its id. `mails` writes the
    /// messages that announce it, given its id.
    pub async fn create_module_demande(
        &self,
        input: NewRequest,
        mails: impl FnOnce(i32) -> Vec<OutgoingMail>,
    ) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert_request(&txn, &input, now).await?;
        outbox::enqueue(&txn, mails(id), now).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Sends the request to trainers (adding to those it was sent to).
    pub async fn route_module_demande(
        &self,
        id: i32,
        trainers: &[i32],
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Orienter, |u| u).await?;
        for &trainer in trainers {
            let known = module_orientation::Entity::find_by_id((id, trainer))
                .one(&txn)
                .await?
                .is_some();
            if !known {
                module_orientation::ActiveModel {
                    request_id: Set(id),
                    trainer_user_id: Set(trainer),
                    routed_by: Set(Some(actor)),
                    created_at: Set(now),
                }
                .insert(&txn)
                .await?;
            }
        }
        conclude(
            txn,
            id,
            now,
            Entry::step(actor, Transition::Orienter, avant, apres, None),
            mails,
        )
        .await?;
        Ok(())
    }

    /// A trainer's proposal, or its revision while the company has not
    /// decided; returns the proposal's id.
    pub async fn propose_module(
        &self,
        id: i32,
        trainer: i32,
        input: NewProposal,
        mails: Vec<OutgoingMail>,
    ) -> Result<i32, WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Proposer, |u| u).await?;
        if module_orientation::Entity::find_by_id((id, trainer))
            .one(&txn)
            .await?
            .is_none()
        {
            return Err(WorkflowError::NotRouted);
        }
        let existing = module_proposition::Entity::find()
            .filter(module_proposition::Column::RequestId.eq(id))
            .filter(module_proposition::Column::TrainerUserId.eq(trainer))
            .one(&txn)
            .await?;
        let (proposal_id, revision) = match existing {
            Some(p) if p.etat != EtatProposition::EnAttente.as_str() => {
                return Err(WorkflowError::ProposalUnavailable);
            }
            Some(p) => {
                let version = p.version + 1;
                let mut active: module_proposition::ActiveModel = p.into();
                fill(&mut active, &input);
                active.version = Set(version);
                active.updated_at = Set(now);
                (active.update(&txn).await?.id, true)
            }
            None => {
                let mut active = module_proposition::ActiveModel {
                    request_id: Set(id),
                    trainer_user_id: Set(trainer),
                    etat: Set(EtatProposition::EnAttente.as_str().to_owned()),
                    version: Set(1),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                };
                fill(&mut active, &input);
                (active.insert(&txn).await?.id, false)
            }
        };
        let note = format!(
            "{} h, {} €{}",
            input.duree_heures,
            input.prix,
            if revision { " (révision)" } else { "" }
        );
        conclude(
            txn,
            id,
            now,
            Entry::step(trainer, Transition::Proposer, avant, apres, Some(note)),
            mails,
        )
        .await?;
        Ok(proposal_id)
    }

    /// The company accepts one proposal; the others are closed.
    pub async fn accept_module_proposition(
        &self,
        id: i32,
        proposal_id: i32,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Accepter, |u| {
            u.col_expr(
                module_demande::Column::AcceptedProposalId,
                Expr::value(proposal_id),
            )
        })
        .await?;
        let taken = module_proposition::Entity::update_many()
            .col_expr(
                module_proposition::Column::Etat,
                Expr::value(EtatProposition::Acceptee.as_str()),
            )
            .col_expr(module_proposition::Column::UpdatedAt, Expr::value(now))
            .filter(module_proposition::Column::Id.eq(proposal_id))
            .filter(module_proposition::Column::RequestId.eq(id))
            .filter(module_proposition::Column::Etat.eq(EtatProposition::EnAttente.as_str()))
            .exec(&txn)
            .await?;
        if taken.rows_affected != 1 {
            return Err(WorkflowError::ProposalUnavailable);
        }
        close_waiting(&txn, id, now).await?;
        conclude(
            txn,
            id,
            now,
            Entry::step(actor, Transition::Accepter, avant, apres, None),
            mails,
        )
        .await?;
        Ok(())
    }

    /// The company declines the proposals, with its reason; the request
    /// is closed.
    pub async fn decline_module_demande(
        &self,
        id: i32,
        motif: String,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Refuser, |u| {
            u.col_expr(
                module_demande::Column::MotifRefus,
                Expr::value(motif.clone()),
            )
        })
        .await?;
        close_waiting(&txn, id, now).await?;
        conclude(
            txn,
            id,
            now,
            Entry::step(actor, Transition::Refuser, avant, apres, Some(motif)),
            mails,
        )
        .await?;
        Ok(())
    }

    /// The company lists its trainees, replacing any earlier list. Each is
    /// recorded with the company and their public, for the evaluation.
    pub async fn register_module_stagiaires(
        &self,
        id: i32,
        trainees: &[Stagiaire],
        public: StatutApprenant,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Inscrire, |u| u).await?;
        let request = module_demande::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        module_stagiaire::Entity::delete_many()
            .filter(module_stagiaire::Column::RequestId.eq(id))
            .exec(&txn)
            .await?;
        for t in trainees {
            module_stagiaire::ActiveModel {
                request_id: Set(id),
                nom: Set(t.nom.clone()),
                email: Set(t.email.as_str().to_owned()),
                organisation_id: Set(request.organisation_id),
                public: Set(public.as_str().to_owned()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        conclude(
            txn,
            id,
            now,
            Entry::step(
                actor,
                Transition::Inscrire,
                avant,
                apres,
                Some(trainees.len().to_string()),
            ),
            mails,
        )
        .await?;
        Ok(())
    }

    /// Publishes the accepted module in the catalogue as `formation` (one
    /// action, one session, its LHÉO element), in the same transaction as
    /// the change of state; the search index of every node follows.
    pub async fn schedule_module(
        &self,
        id: i32,
        formation: &Formation,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let formation_id = crate::formations::formation_id(formation);
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Programmer, |u| {
            u.col_expr(
                module_demande::Column::FormationId,
                Expr::value(formation_id.clone()),
            )
        })
        .await?;
        let trainees = module_stagiaire::Entity::find()
            .filter(module_stagiaire::Column::RequestId.eq(id))
            .count(&txn)
            .await?;
        if trainees == 0 {
            return Err(WorkflowError::NoTrainees);
        }
        catalogue::insert(&txn, formation).await?;
        generation::bump(&txn).await?;
        conclude(
            txn,
            id,
            now,
            Entry::step(
                actor,
                Transition::Programmer,
                avant,
                apres,
                Some(formation_id),
            ),
            mails,
        )
        .await?;
        Ok(())
    }

    /// Records that a scheduled module took place.
    pub async fn finish_module(
        &self,
        id: i32,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Terminer, |u| u).await?;
        conclude(
            txn,
            id,
            now,
            Entry::step(actor, Transition::Terminer, avant, apres, None),
            mails,
        )
        .await?;
        Ok(())
    }

    /// Cancels a request; a module already in the catalogue leaves it.
    pub async fn cancel_module_demande(
        &self,
        id: i32,
        motif: Option<String>,
        actor: i32,
        mails: Vec<OutgoingMail>,
    ) -> Result<(), WorkflowError> {
        let now = self.now();
        let txn = self.write().await?;
        let (avant, apres) = step(&txn, id, now, Transition::Annuler, |u| u).await?;
        let request = module_demande::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        close_waiting(&txn, id, now).await?;
        if let Some(formation_id) = request.formation_id {
            catalogue::remove(&txn, &formation_id).await?;
            generation::bump(&txn).await?;
            module_demande::Entity::update_many()
                .col_expr(
                    module_demande::Column::FormationId,
                    Expr::value(Option::<String>::None),
                )
                .filter(module_demande::Column::Id.eq(id))
                .exec(&txn)
                .await?;
        }
        conclude(
            txn,
            id,
            now,
            Entry::step(actor, Transition::Annuler, avant, apres, motif),
            mails,
        )
        .await?;
        Ok(())
    }
}

fn fill(active: &mut module_proposition::ActiveModel, input: &NewProposal) {
    active.contenu = Set(input.contenu.clone());
    active.objectifs = Set(input.objectifs.clone());
    active.duree_heures = Set(f64::from(input.duree_heures));
    active.prix = Set(input.prix.euros());
    active.date_debut = Set(iso(input.date_debut));
    active.date_fin = Set(iso(input.date_fin));
    active.lieu_nom = Set(input.lieu_nom.clone());
    active.lieu_adresse = Set(input.lieu_adresse.clone());
    active.lieu_code_postal = Set(input.lieu_code_postal.as_str().to_owned());
    active.lieu_commune = Set(input.lieu_commune.clone());
    active.organisme_nom = Set(input.organisme_nom.clone());
    active.organisme_siret = Set(input.organisme_siret.as_str().to_owned());
    active.numero_activite = Set(input.numero_activite.clone());
}

/// Inserts a request with its topics and the first step of its trail.
pub(crate) async fn insert_request<C: ConnectionTrait>(
    conn: &C,
    input: &NewRequest,
    now: DateTime<Utc>,
) -> Result<i32, StoreError> {
    let etat = EtatDemande::Demandee;
    let stagiaires = i32::try_from(input.stagiaires)
        .map_err(|_| StoreError::Corrupt("nombre de stagiaires".to_owned()))?;
    let model = module_demande::ActiveModel {
        organisation_id: Set(input.organisation_id),
        requester_user_id: Set(input.requester_user_id),
        intitule: Set(input.intitule.clone()),
        besoin: Set(input.besoin.clone()),
        stagiaires: Set(stagiaires),
        lieu: Set(input.lieu.as_str().to_owned()),
        lieu_adresse: Set(input.lieu_adresse.clone()),
        lieu_code_postal: Set(input
            .lieu_code_postal
            .as_ref()
            .map(|c| c.as_str().to_owned())),
        lieu_commune: Set(input.lieu_commune.clone()),
        date_debut: Set(iso(input.date_debut)),
        date_fin: Set(iso(input.date_fin)),
        budget: Set(input.budget.map(Centimes::euros)),
        etat: Set(etat.as_str().to_owned()),
        accepted_proposal_id: Set(None),
        motif_refus: Set(None),
        formation_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for sujet in &input.sujets {
        module_thematique::ActiveModel {
            request_id: Set(model.id),
            kind: Set(sujet.kind.as_str().to_owned()),
            code: Set(sujet.code.clone()),
            libelle: Set(sujet.libelle.clone()),
        }
        .insert(conn)
        .await?;
    }
    trace(
        conn,
        model.id,
        now,
        input.requester_user_id,
        "demander",
        (None, etat),
        None,
    )
    .await?;
    Ok(model.id)
}
