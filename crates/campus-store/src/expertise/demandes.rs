//! Requests for an expert's time: written by a teacher, a company or the
//! campus team, sent to at most three experts, answered, reminded.

use std::collections::HashMap;

use campus_domain::GeoPoint;
use campus_domain::expertise::{
    ActionReponse, DestinatairesError, EtatReponse, LimiteAtteinte, NouvelleDemande, OffreExpert,
    PublicDemande, Quota, Suivi, SujetExpert, verifier_destinataires,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{Demande, Destinataire, Expert, Expertise, corrupt, date};
use crate::StoreError;
use crate::entity::{
    demande_destinataire, demande_expertise, demande_sujet, expert, expert_contribution, user,
};
use crate::outbox::{self, OutgoingMail};

/// A checked request and what goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandeEcrite {
    pub demande: NouvelleDemande,
    /// The subjects chosen to match experts, with their labels.
    pub sujets: Vec<(SujetExpert, String)>,
    pub demandeur_user_id: i32,
    pub organisation_id: Option<i32>,
    /// Where the intervention takes place, when placed on the map.
    pub position: Option<GeoPoint>,
}

/// Why a request was not sent; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum EnvoiError {
    #[error("{0}")]
    Destinataires(DestinatairesError),
    #[error("{0}")]
    Limite(LimiteAtteinte),
    /// The expert paused or left the directory.
    #[error("{0} ne reçoit pas de demandes en ce moment")]
    Indisponible(String),
    /// One of the experts already received this request.
    #[error("demande déjà envoyée à cet expert")]
    DejaEnvoyee,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EnvoiError {
    fn from(err: sea_orm::DbErr) -> Self {
        EnvoiError::Store(err.into())
    }
}

/// Why an answer was not recorded; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum ReponseError {
    /// The request no longer waits for this expert's answer.
    #[error("demande déjà {}", .0.as_str())]
    Close(EtatReponse),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ReponseError {
    fn from(err: sea_orm::DbErr) -> Self {
        ReponseError::Store(err.into())
    }
}

/// A recipient waiting to answer, and what is due for them today.
#[derive(Debug, Clone, PartialEq)]
pub struct SuiviDu {
    pub demande: Demande,
    pub destinataire: Destinataire,
    pub suivi: Suivi,
}

impl Expertise<'_> {
    /// Records a request (not yet sent to anyone); returns its id.
    pub async fn creer_demande(&self, input: &DemandeEcrite) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let d = &input.demande;
        let row = demande_expertise::ActiveModel {
            demandeur_user_id: Set(Some(input.demandeur_user_id)),
            organisation_id: Set(input.organisation_id),
            sujet: Set(d.sujet.clone()),
            offre: Set(d.offre.as_str().to_owned()),
            public: Set(d.public.as_str().to_owned()),
            debut: Set(d.debut.to_string()),
            fin: Set(d.fin.to_string()),
            lieu: Set(d.lieu.clone()),
            latitude: Set(input.position.map(|p| p.lat())),
            longitude: Set(input.position.map(|p| p.lon())),
            message: Set(d.message.clone()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut seen = Vec::new();
        let rows: Vec<demande_sujet::ActiveModel> = input
            .sujets
            .iter()
            .filter(|(s, _)| {
                let key = s.cle();
                let fresh = !seen.contains(&key);
                seen.push(key);
                fresh
            })
            .map(|(s, l)| demande_sujet::ActiveModel {
                demande_id: Set(row.id),
                kind: Set(s.kind().to_owned()),
                code: Set(s.code().chars().take(80).collect()),
                libelle: Set(l.chars().take(300).collect()),
            })
            .collect();
        if !rows.is_empty() {
            demande_sujet::Entity::insert_many(rows).exec(&txn).await?;
        }
        txn.commit().await?;
        Ok(row.id)
    }

    pub async fn demande(&self, id: i32) -> Result<Demande, StoreError> {
        let row = demande_expertise::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.hydrate_demandes(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The requests `user_id` wrote, newest first.
    pub async fn demandes_de(&self, user_id: i32) -> Result<Vec<Demande>, StoreError> {
        let rows = demande_expertise::Entity::find()
            .filter(demande_expertise::Column::DemandeurUserId.eq(user_id))
            .order_by_desc(demande_expertise::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_demandes(rows).await
    }

    /// The requests sent to the expert `expert_id`, newest first.
    pub async fn demandes_recues(&self, expert_id: i32) -> Result<Vec<Demande>, StoreError> {
        let ids: Vec<i32> = demande_destinataire::Entity::find()
            .filter(demande_destinataire::Column::ExpertId.eq(expert_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|d| d.demande_id)
            .collect();
        let rows = demande_expertise::Entity::find()
            .filter(demande_expertise::Column::Id.is_in(ids))
            .order_by_desc(demande_expertise::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_demandes(rows).await
    }

    /// Every request, newest first (the campus team).
    pub async fn toutes_demandes(&self) -> Result<Vec<Demande>, StoreError> {
        let rows = demande_expertise::Entity::find()
            .order_by_desc(demande_expertise::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_demandes(rows).await
    }

    /// Sends request `demande_id` to the experts `experts`, within the
    /// limit of recipients per request and the sender's `quota`; `mails`
    /// writes the messages for the experts reached. One transaction: all
    /// are sent or none.
    pub async fn envoyer(
        &self,
        demande_id: i32,
        experts: &[i32],
        quota: Quota,
        mails: impl FnOnce(&[Expert]) -> Vec<OutgoingMail>,
    ) -> Result<(), EnvoiError> {
        let now = self.now();
        let txn = self.write().await?;
        let d = demande_expertise::Entity::find_by_id(demande_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let deja = count_recipients(&txn, demande_id).await?;
        let mut wanted = experts.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        verifier_destinataires(deja, wanted.len()).map_err(EnvoiError::Destinataires)?;
        if let Some(sender) = d.demandeur_user_id {
            let sent_7 = sent_since(&txn, sender, now - Duration::days(7)).await?;
            let sent_30 = sent_since(&txn, sender, now - Duration::days(30)).await?;
            let ajout = u32::try_from(wanted.len()).unwrap_or(u32::MAX);
            quota
                .verifier(sent_7, sent_30, ajout)
                .map_err(EnvoiError::Limite)?;
        }
        let rows = expert::Entity::find()
            .filter(expert::Column::Id.is_in(wanted.clone()))
            .all(&txn)
            .await?;
        if rows.len() != wanted.len() {
            return Err(StoreError::NotFound.into());
        }
        let found = self.hydrate(rows).await?;
        if let Some(paused) = found.iter().find(|e| !e.etat.accepte_demandes()) {
            return Err(EnvoiError::Indisponible(paused.nom.clone()));
        }
        for e in &found {
            let inserted = demande_destinataire::ActiveModel {
                demande_id: Set(demande_id),
                expert_id: Set(e.id),
                etat: Set(EtatReponse::Envoyee.as_str().to_owned()),
                envoyee_le: Set(now),
                repondu_le: Set(None),
                relance_le: Set(None),
                escalade_le: Set(None),
                reponse: Set(None),
            }
            .insert(&txn)
            .await;
            if let Err(err) = inserted {
                return Err(match StoreError::from(err) {
                    StoreError::Conflict(_) => EnvoiError::DejaEnvoyee,
                    other => other.into(),
                });
            }
        }
        // Two sends at once each saw room for their experts: counted again
        // here, the later one finds too many and rolls back.
        let total = count_recipients(&txn, demande_id).await?;
        verifier_destinataires(total.saturating_sub(wanted.len()), wanted.len())
            .map_err(EnvoiError::Destinataires)?;
        outbox::enqueue(&txn, mails(&found), now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records expert `expert_id`'s answer to request `demande_id`, with
    /// its e-mails; an accepted request becomes a contribution of the
    /// expert.
    pub async fn repondre(
        &self,
        demande_id: i32,
        expert_id: i32,
        action: ActionReponse,
        reponse: Option<String>,
        mails: Vec<OutgoingMail>,
    ) -> Result<EtatReponse, ReponseError> {
        let now = self.now();
        let txn = self.write().await?;
        let target = action.target();
        let done = demande_destinataire::Entity::update_many()
            .col_expr(
                demande_destinataire::Column::Etat,
                Expr::value(target.as_str()),
            )
            .col_expr(demande_destinataire::Column::ReponduLe, Expr::value(now))
            .col_expr(demande_destinataire::Column::Reponse, Expr::value(reponse))
            .filter(demande_destinataire::Column::DemandeId.eq(demande_id))
            .filter(demande_destinataire::Column::ExpertId.eq(expert_id))
            .filter(demande_destinataire::Column::Etat.eq(ActionReponse::SOURCE.as_str()))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !done {
            let row = demande_destinataire::Entity::find_by_id((demande_id, expert_id))
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            let etat = corrupt(EtatReponse::parse(&row.etat), "réponse", &row.etat)?;
            return Err(ReponseError::Close(etat));
        }
        if target == EtatReponse::Acceptee {
            let d = demande_expertise::Entity::find_by_id(demande_id)
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            expert_contribution::ActiveModel {
                expert_id: Set(expert_id),
                offre: Set(d.offre),
                titre: Set(d.sujet),
                date: Set(d.debut),
                demande_id: Set(Some(demande_id)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(target)
    }

    /// Recipients still waiting to answer and what is due for each on
    /// `today` (reminder, escalation); those with nothing due are left
    /// out.
    pub async fn suivis_dus(&self, today: NaiveDate) -> Result<Vec<SuiviDu>, StoreError> {
        let ids: Vec<i32> = demande_destinataire::Entity::find()
            .filter(demande_destinataire::Column::Etat.eq(EtatReponse::Envoyee.as_str()))
            .filter(demande_destinataire::Column::EscaladeLe.is_null())
            .all(self.conn())
            .await?
            .into_iter()
            .map(|d| d.demande_id)
            .collect();
        let rows = demande_expertise::Entity::find()
            .filter(demande_expertise::Column::Id.is_in(ids))
            .all(self.conn())
            .await?;
        let mut due = Vec::new();
        for d in self.hydrate_demandes(rows).await? {
            for r in &d.destinataires {
                let suivi = Suivi::du(
                    r.etat,
                    campus_domain::heure_legale::vers_local(r.envoyee_le).date(),
                    r.relance_le,
                    r.escalade_le,
                    today,
                );
                if suivi != Suivi::Rien {
                    due.push(SuiviDu {
                        demande: d.clone(),
                        destinataire: r.clone(),
                        suivi,
                    });
                }
            }
        }
        Ok(due)
    }

    /// Records a reminder or an escalation of one recipient on `today`,
    /// with its e-mails, once: `false` when another node did it first or
    /// the expert answered meanwhile.
    pub async fn marquer_suivi(
        &self,
        demande_id: i32,
        expert_id: i32,
        suivi: Suivi,
        today: NaiveDate,
        mails: Vec<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let column = match suivi {
            Suivi::Relancer => demande_destinataire::Column::RelanceLe,
            Suivi::Escalader => demande_destinataire::Column::EscaladeLe,
            Suivi::Rien => return Ok(false),
        };
        let now = self.now();
        let txn = self.write().await?;
        let done = demande_destinataire::Entity::update_many()
            .col_expr(column, Expr::value(today.to_string()))
            .filter(demande_destinataire::Column::DemandeId.eq(demande_id))
            .filter(demande_destinataire::Column::ExpertId.eq(expert_id))
            .filter(demande_destinataire::Column::Etat.eq(EtatReponse::Envoyee.as_str()))
            .filter(column.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if done {
            outbox::enqueue(&txn, mails, now).await?;
        }
        txn.commit().await?;
        Ok(done)
    }

    /// Recipients `user_id` contacted since `since`: what the sending
    /// limits count.
    pub async fn envoyes_depuis(
        &self,
        user_id: i32,
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        sent_since(self.conn(), user_id, since).await
    }

    pub(crate) async fn hydrate_demandes(
        &self,
        rows: Vec<demande_expertise::Model>,
    ) -> Result<Vec<Demande>, StoreError> {
        let conn = self.conn();
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let mut sujets: HashMap<i32, Vec<(SujetExpert, String)>> = HashMap::new();
        for s in demande_sujet::Entity::find()
            .filter(demande_sujet::Column::DemandeId.is_in(ids.clone()))
            .all(conn)
            .await?
        {
            let sujet = corrupt(SujetExpert::parse(&s.kind, &s.code), "sujet", &s.code)?;
            sujets
                .entry(s.demande_id)
                .or_default()
                .push((sujet, s.libelle));
        }
        let recipients = demande_destinataire::Entity::find()
            .filter(demande_destinataire::Column::DemandeId.is_in(ids))
            .order_by_asc(demande_destinataire::Column::EnvoyeeLe)
            .all(conn)
            .await?;
        let experts: HashMap<i32, expert::Model> = expert::Entity::find()
            .filter(expert::Column::Id.is_in(recipients.iter().map(|r| r.expert_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let user_ids: Vec<i32> = experts
            .values()
            .map(|e| e.user_id)
            .chain(rows.iter().filter_map(|r| r.demandeur_user_id))
            .collect();
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(user_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut by_demande: HashMap<i32, Vec<Destinataire>> = HashMap::new();
        for r in recipients {
            let Some(e) = experts.get(&r.expert_id) else {
                continue;
            };
            let Some(u) = people.get(&e.user_id) else {
                continue;
            };
            by_demande
                .entry(r.demande_id)
                .or_default()
                .push(Destinataire {
                    expert_id: e.id,
                    expert_user_id: e.user_id,
                    nom: u.display_name.clone(),
                    titre: e.titre.clone(),
                    email: u.email.clone(),
                    locale: u.locale.clone(),
                    etat: corrupt(EtatReponse::parse(&r.etat), "réponse", &r.etat)?,
                    envoyee_le: r.envoyee_le,
                    repondu_le: r.repondu_le,
                    relance_le: r
                        .relance_le
                        .as_deref()
                        .map(|d| date(d, "relance"))
                        .transpose()?,
                    escalade_le: r
                        .escalade_le
                        .as_deref()
                        .map(|d| date(d, "escalade"))
                        .transpose()?,
                    reponse: r.reponse,
                });
        }
        rows.into_iter()
            .map(|r| {
                let demandeur = r.demandeur_user_id.and_then(|u| people.get(&u));
                Ok(Demande {
                    id: r.id,
                    demandeur_user_id: r.demandeur_user_id,
                    demandeur_nom: demandeur.map(|u| u.display_name.clone()),
                    demandeur_email: demandeur.map(|u| u.email.clone()),
                    organisation_id: r.organisation_id,
                    offre: corrupt(OffreExpert::parse(&r.offre), "offre", &r.offre)?,
                    public: corrupt(PublicDemande::parse(&r.public), "public", &r.public)?,
                    debut: date(&r.debut, "début")?,
                    fin: date(&r.fin, "fin")?,
                    position: match (r.latitude, r.longitude) {
                        (Some(lat), Some(lon)) => GeoPoint::new(lat, lon).ok(),
                        _ => None,
                    },
                    sujets: sujets.remove(&r.id).unwrap_or_default(),
                    destinataires: by_demande.remove(&r.id).unwrap_or_default(),
                    sujet: r.sujet,
                    lieu: r.lieu,
                    message: r.message,
                    created_at: r.created_at,
                })
            })
            .collect()
    }
}

async fn count_recipients<C: ConnectionTrait>(
    conn: &C,
    demande_id: i32,
) -> Result<usize, StoreError> {
    let n = demande_destinataire::Entity::find()
        .filter(demande_destinataire::Column::DemandeId.eq(demande_id))
        .count(conn)
        .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

async fn sent_since<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    since: DateTime<Utc>,
) -> Result<u32, StoreError> {
    let ids: Vec<i32> = demande_expertise::Entity::find()
        .filter(demande_expertise::Column::DemandeurUserId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| d.id)
        .collect();
    let n = demande_destinataire::Entity::find()
        .filter(demande_destinataire::Column::DemandeId.is_in(ids))
        .filter(demande_destinataire::Column::EnvoyeeLe.gte(since))
        .count(conn)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
